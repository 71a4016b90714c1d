"""Write a council's tables as Parquet, suppressed, typed and described by the output contract.

A table with at least `partitie.vanaf_rijen` rows (contracts/uitvoer/*.yaml) is written as a
hive-partitioned folder `<stam>.parquet/<kolom>=<waarde>/deel-0.parquet`, so that a reader can
load one school year. A smaller table is a single file `<stam>.parquet`. Both paths open with
`pandas.read_parquet` and `pyarrow.dataset.dataset`.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from pipelines.errors import UitvoerFout
from pipelines.export.onderdrukking import onderdruk, verberg_aandelen
from pipelines.transform.raden import GROEP_AANDEEL
from pipelines.export.uitvoercontract import Uitvoercontract, lees_uitvoercontract
from pipelines.registry import Raad, Registry

COMPRESSIE = "zstd"
DEELBESTAND = "deel-0.parquet"


def _contract_frame(frame: pl.DataFrame, stam: str) -> pl.DataFrame:
    schema = lees_uitvoercontract(stam).polars_schema
    ontbreekt = [kolom for kolom in schema if kolom not in frame.columns]
    if ontbreekt:
        raise UitvoerFout(
            f"Tabel {stam} mist de kolommen {ontbreekt} uit contracts/uitvoer/{stam}.yaml. "
            "Pas de berekening of het uitvoercontract aan."
        )
    return frame.select(list(schema)).cast(schema)


def publiceerbaar(
    doorstroom: pl.DataFrame,
    doorstromers: pl.DataFrame,
    advies_positie: pl.DataFrame | None,
    drempel: int,
) -> dict[str, pl.DataFrame]:
    """Suppress small counts and fix column order and types; keys are the output file stems."""
    tabellen = {
        "doorstroom": _contract_frame(
            verberg_aandelen(
                onderdruk(doorstroom, ["aantal"], ["aandeel"], drempel), ["aandeel"], GROEP_AANDEEL
            ),
            "doorstroom",
        ),
        "doorstromers": _contract_frame(
            onderdruk(doorstromers, ["populatie", "doorstromers"], ["percentage"], drempel),
            "doorstromers",
        ),
    }
    if advies_positie is not None:
        tabellen["advies_positie"] = _contract_frame(
            onderdruk(advies_positie, ["aantal"], [], drempel), "advies_positie"
        )
    return tabellen


def naar_arrow(frame: pl.DataFrame, schema: pa.Schema, stam: str) -> pa.Table:
    """Convert to the contract's Arrow schema; a null in a column that may not be empty stops."""
    for veld in schema:
        if not veld.nullable and frame[veld.name].null_count():
            raise UitvoerFout(
                f"Tabel {stam}, kolom {veld.name}: {frame[veld.name].null_count()} lege waarden, "
                f"maar contracts/uitvoer/{stam}.yaml staat geen lege waarde toe. Zoek de rijen "
                f"met `{veld.name} IS NULL` en herstel de berekening."
            )
    return frame.to_arrow().cast(schema)


def schrijf_tabel(
    frame: pl.DataFrame,
    map_: Path,
    stam: str,
    *,
    registry: Registry,
    raad: Raad,
    drempel: int,
    vanaf_rijen: int | None = None,
) -> dict:
    """Write one output table and return its manifest entry.

    `vanaf_rijen` overrides the contract's partition size (tests use it to force partitions).
    """
    contract = lees_uitvoercontract(stam)
    schema = contract.arrow_schema(registry, raad, drempel)
    tabel = naar_arrow(frame, schema, stam)
    pad = map_ / f"{stam}.parquet"
    # A rerun may switch between one file and a folder, so the old output goes first.
    if pad.is_dir():
        shutil.rmtree(pad)
    elif pad.exists():
        pad.unlink()

    grens = vanaf_rijen if vanaf_rijen is not None else contract.partitie.vanaf_rijen
    if tabel.num_rows < grens:
        pq.write_table(tabel, pad, compression=COMPRESSIE)
        return {"bestand": pad.name, "tabel": stam, "rijen": tabel.num_rows, "sha256": sha256(pad)}
    return _schrijf_partities(tabel, pad, contract, map_)


def _schrijf_partities(
    tabel: pa.Table, pad: Path, contract: Uitvoercontract, map_: Path
) -> dict:
    kolom = contract.partitie.kolom
    # Hive style: the value lives in the folder name only, as pyarrow, DuckDB and Spark expect.
    # The column's own description then goes into each part's schema metadata.
    veld = tabel.schema.field(kolom)
    beschrijving = {"naam": kolom, "type": str(veld.type),
                    **{k.decode(): v.decode() for k, v in (veld.metadata or {}).items()}}
    deelschema = tabel.schema.remove(tabel.schema.get_field_index(kolom)).with_metadata(
        {**(tabel.schema.metadata or {}),
         b"partitie": json.dumps(beschrijving, ensure_ascii=False).encode()}
    )
    waarden = sorted(v for v in tabel.column(kolom).unique().to_pylist())
    delen = []
    for waarde in waarden:
        deel = tabel.filter(pa.compute.equal(tabel.column(kolom), waarde)).drop_columns([kolom])
        deelpad = pad / f"{kolom}={waarde}" / DEELBESTAND
        deelpad.parent.mkdir(parents=True)
        pq.write_table(deel.cast(deelschema), deelpad, compression=COMPRESSIE)
        delen.append({
            "bestand": deelpad.relative_to(map_).as_posix(),
            "rijen": deel.num_rows,
            "sha256": sha256(deelpad),
        })
    return {
        "bestand": pad.name,
        "tabel": contract.bestand,
        "rijen": tabel.num_rows,
        "sha256": sha256_van_delen(delen),
        "partitie": kolom,
        "delen": delen,
    }


def schrijf_parquet(frame: pl.DataFrame, pad: Path) -> dict:
    """Write one Parquet file without an output contract; return its manifest entry.

    For tables outside contracts/uitvoer/ (the Vensters VO feed); the council's own tables go
    through schrijf_tabel.
    """
    frame.write_parquet(pad, compression=COMPRESSIE, statistics=True)
    return {"bestand": pad.name, "rijen": frame.height, "sha256": sha256(pad)}


def sha256(pad: Path) -> str:
    digest = hashlib.sha256()
    with pad.open("rb") as bestand:
        for blok in iter(lambda: bestand.read(1 << 20), b""):
            digest.update(blok)
    return digest.hexdigest()


def sha256_van_delen(delen: list[dict]) -> str:
    """Hash the parts' paths and hashes into one SHA-256, so a folder compares like one file."""
    digest = hashlib.sha256()
    for deel in sorted(delen, key=lambda d: d["bestand"]):
        digest.update(f"{deel['bestand']}\t{deel['sha256']}\n".encode())
    return digest.hexdigest()
