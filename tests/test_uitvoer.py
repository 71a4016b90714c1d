"""The Parquet output as researchers open it: contract types and metadata, partitions, readers.

The run uses a small hand-made extract: 6 mbo-4 graduates in 2020 at 40MB00, 5 of them in
hbo-ba in 2021. R's arrow package is not installed here, so pyarrow's dataset API (the same
Arrow C++ reader that R's arrow wraps) replaces it here.
"""

from __future__ import annotations

import json

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from pipelines.export import datadictionary
from pipelines.export.bestanden import schrijf_tabel, sha256
from pipelines.export.uitvoercontract import alle_uitvoercontracten, lees_uitvoercontract
from pipelines.registry import laad_registry
from pipelines.transform.advies_positie import NIET_IN_LEERJAAR_3
from pipelines.transform.transities import GEEN_INSCHRIJVING
from tests.conftest import DEFINITIES, diploma, draai_job, inschrijving, schrijf_extract

pd = pytest.importorskip("pandas")

REGISTRY = laad_registry(DEFINITIES)
MBO = REGISTRY.raden["mbo-raad"]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    inschrijvingen, diplomas = [], []
    for nummer in range(6):
        persoon = f"u{nummer}"
        inschrijvingen.append(inschrijving(persoon, 2020, "40MB00", "mbo-4", 3))
        diplomas.append(diploma(persoon, 2020, "40MB00", "mbo-4"))
        if nummer < 5:
            inschrijvingen.append(inschrijving(persoon, 2021, "30HB00", "hbo-ba", 1))
    extract = schrijf_extract(tmp_path_factory.mktemp("uitvoer") / "extract",
                              inschrijvingen=inschrijvingen, diplomas=diplomas)
    return draai_job(extract, tmp_path_factory.mktemp("uit"), min_cel=5)


def test_parquet_schema_matches_contract(run):
    for stam in ("doorstroom", "doorstromers"):
        schema = pq.read_schema(run.uitvoer / "mbo-raad" / f"{stam}.parquet")
        contract = lees_uitvoercontract(stam)
        assert schema.names == list(contract.kolommen), stam
        verwacht = contract.arrow_schema(REGISTRY, MBO, 5)
        for veld in verwacht:
            assert schema.field(veld.name).type == veld.type, (stam, veld.name)


def test_field_metadata_describes_columns(run):
    schema = pq.read_schema(run.uitvoer / "mbo-raad" / "doorstromers.parquet")
    aantal = schema.field("populatie").metadata
    assert aantal[b"eenheid"].decode() == "personen"
    assert aantal[b"unit"].decode() == "persons"
    assert b"omschrijving" in aantal
    assert b"description" in aantal
    assert json.loads(schema.field("definitie").metadata[b"waarden"]) == ["mbo_hbo"]
    assert schema.metadata[b"raad"].decode() == "MBO Raad"
    assert schema.metadata[b"onderdrukking_drempel"] == b"5"


def test_contract_nullability_enforced(run):
    schema = pq.read_schema(run.uitvoer / "mbo-raad" / "doorstroom.parquet")
    assert not schema.field("schooljaar").nullable
    assert schema.field("aantal").nullable


def test_contract_extras_match_code():
    naar = lees_uitvoercontract("doorstroom").kolommen["naar"].waarden
    positie = lees_uitvoercontract("advies_positie").kolommen["positie"].waarden
    assert naar.extra == [GEEN_INSCHRIJVING]
    assert positie.extra == [NIET_IN_LEERJAAR_3]


def test_values_within_contract(run):
    for stam, contract in alle_uitvoercontracten().items():
        pad = run.uitvoer / "mbo-raad" / f"{stam}.parquet"
        if not pad.exists():
            continue
        frame = pl.read_parquet(pad)
        assert frame.select(contract.sleutel).is_duplicated().sum() == 0, stam
        for naam, kolom in contract.kolommen.items():
            waarden = kolom.waarden.bepaal(REGISTRY, MBO) if kolom.waarden else None
            if waarden is not None:
                gevonden = set(frame[naam].drop_nulls().to_list())
                assert gevonden <= set(waarden), (stam, naam, gevonden - set(waarden))


def test_partitioned_readers_keep_types(run, tmp_path):
    frame = run.parquet("mbo-raad", "doorstroom")
    entry = schrijf_tabel(frame, tmp_path, "doorstroom", registry=REGISTRY, raad=MBO,
                          drempel=5, vanaf_rijen=1)
    pad = tmp_path / "doorstroom.parquet"
    assert pad.is_dir()
    assert [d["bestand"] for d in entry["delen"]] == [
        "doorstroom.parquet/schooljaar=2020/deel-0.parquet"
    ]
    assert entry["rijen"] == frame.height

    # pandas with the partition type given, as docs/onderzoekers.md shows.
    partitie = ds.partitioning(pa.schema([("schooljaar", pa.int32())]), flavor="hive")
    pandas = pd.read_parquet(pad, partitioning=partitie, dtype_backend="numpy_nullable")
    assert str(pandas["schooljaar"].dtype) == "Int32"
    assert str(pandas["aantal"].dtype) == "Int64"
    assert str(pandas["aandeel"].dtype) == "Float64"
    assert str(pandas["diploma"].dtype) == "boolean"
    assert len(pandas) == frame.height

    # pyarrow's dataset API, the reader behind R's arrow::open_dataset.
    tabel = ds.dataset(pad, format="parquet", partitioning="hive").to_table()
    assert tabel.schema.field("schooljaar").type == pa.int32()
    assert tabel.schema.field("aantal").type == pa.int64()

    duck = duckdb.sql(
        f"SELECT * FROM read_parquet('{pad}/**/*.parquet', hive_partitioning = true, "
        "hive_types = {'schooljaar': INTEGER})"
    )
    typen = dict(zip(duck.columns, map(str, duck.types)))
    assert typen["schooljaar"] == "INTEGER"
    assert typen["aantal"] == "BIGINT"
    assert typen["diploma"] == "BOOLEAN"
    assert duck.count("*").fetchall()[0][0] == frame.height

    polars = pl.read_parquet(pad, hive_schema={"schooljaar": pl.Int32})
    assert polars.schema["schooljaar"] == pl.Int32
    # The partition column's description travels in each part's schema metadata.
    deel = pq.read_schema(pad / "schooljaar=2020" / "deel-0.parquet")
    assert json.loads(deel.metadata[b"partitie"])["naam"] == "schooljaar"


def test_single_file_readers_keep_types(run):
    pad = run.uitvoer / "mbo-raad" / "doorstromers.parquet"
    pandas = pd.read_parquet(pad, dtype_backend="numpy_nullable")
    assert str(pandas["schooljaar"].dtype) == "Int32"
    assert str(pandas["populatie"].dtype) == "Int64"
    duck = duckdb.sql(f"SELECT * FROM read_parquet('{pad}')")
    typen = dict(zip(duck.columns, map(str, duck.types)))
    assert typen["schooljaar"] == "INTEGER"
    assert typen["percentage"] == "DOUBLE"
    rij = duckdb.sql(
        f"SELECT populatie, doorstromers, percentage FROM read_parquet('{pad}') "
        "WHERE niveau = 'landelijk' AND schooljaar = 2020"
    ).fetchall()[0]
    # 6 graduates, 5 in hbo: 83.3%.
    assert rij[:2] == (6, 5)
    assert rij[2] == pytest.approx(500 / 6)


def test_same_data_same_hash(run, tmp_path):
    frame = run.parquet("mbo-raad", "doorstromers")
    hashes = []
    for naam in ("a", "b"):
        (tmp_path / naam).mkdir()
        entry = schrijf_tabel(frame, tmp_path / naam, "doorstromers", registry=REGISTRY,
                              raad=MBO, drempel=5)
        hashes.append(entry["sha256"])
    assert hashes[0] == hashes[1]


def test_manifest_lists_files_and_report(run):
    map_ = run.uitvoer / "mbo-raad"
    manifest = json.loads((map_ / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["uitvoer"]:
        assert entry["sha256"] == sha256(map_ / entry["bestand"]), entry
    parquet = {e["bestand"]: e["rijen"] for e in manifest["uitvoer"] if e["rijen"] is not None}
    assert parquet["doorstromers.parquet"] == pl.read_parquet(map_ / "doorstromers.parquet").height
    rapport = manifest["rapport"]
    assert rapport["instellingspaginas"]["bestanden"] == 1
    assert {b["bestand"] for b in rapport["bestanden"]} >= {"rapport.html", "instellingen.html"}
    assert manifest["datadictionary"]["sha256"] == sha256(map_ / "datadictionary.md")


def test_datadictionary_is_current():
    opgeslagen = datadictionary.DOCS_BESTAND.read_text(encoding="utf-8")
    assert opgeslagen == datadictionary.markdown(REGISTRY), (
        "docs/datadictionary.md loopt achter op contracts/uitvoer/; draai "
        "`python -m pipelines.export.datadictionary`."
    )
