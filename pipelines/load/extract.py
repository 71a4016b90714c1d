"""Open all files of one extract table as raw text frames, checked for required columns."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from pipelines.errors import InvoerFout
from pipelines.load import kolomnamen
from pipelines.load.bestanden import BESTAND, REGEL, scan_bestand, vind_bestanden
from pipelines.load.eencijferho import lees_hoofdbestanden
from pipelines.registry import Registry
from pipelines.validate.contract import Contract

# DUO's own register files (`alle-vestigingen-bo.csv`) also fill the vestigingen table.
VOORVOEGSELS = {
    "inschrijvingen": ("inschrijvingen",),
    "schooladviezen": ("schooladviezen",),
    "diplomas": ("diplomas",),
    "vestigingen": ("vestigingen", "alle-vestigingen"),
}


@dataclass
class Invoerbestand:
    """One file read for a table, as the manifest lists it."""

    naam: str
    sha256: str
    rijen: int
    leesinfo: dict = field(default_factory=dict)


@dataclass
class RuweTabel:
    """All files of a table as lazy frames, one per file in file order, with one shared schema.

    Validation reads the files part by part, so a Parquet file is only read then. The check for
    BSN-like persoon_ids (`pipelines.load.bsn.weiger_bsn`) runs on those parts too.
    """

    tabel: str
    delen: list[pl.LazyFrame]
    bestanden: list[Invoerbestand]

    @property
    def frame(self) -> pl.LazyFrame:
        """The files as one frame."""
        return pl.concat(self.delen)

    @property
    def rijen(self) -> int:
        return sum(bestand.rijen for bestand in self.bestanden)

    def leesfout(self, fout: pl.exceptions.PolarsError) -> InvoerFout:
        """Turn a read error into a message naming the damaged file.

        Finding that file means reading each file again, which only happens after a failure.
        """
        for bestand, deel in zip(self.bestanden, self.delen, strict=True):
            try:
                deel.collect()
            except pl.exceptions.PolarsError as eigen:
                return _onleesbaar(bestand.naam, eigen)
        namen = ", ".join(b.naam for b in self.bestanden)
        return InvoerFout(
            f"De bestanden van tabel '{self.tabel}' ({namen}) konden niet helemaal gelezen "
            f"worden: {fout}. Lever ze opnieuw aan."
        )


def lees_tabel(extract: Path, contract: Contract, registry: Registry | None = None) -> RuweTabel:
    """Read every file of `contract.tabel`, stopping on a file that cannot be used at all.

    DUO's 1cijferHO main files (EV*.asc, 1cyferho*.asc) also fill inschrijvingen and diplomas;
    reading them needs the registry for definitions/eencijferho.yaml.
    """
    paden = vind_bestanden(extract, VOORVOEGSELS[contract.tabel])
    eencijferho = lees_hoofdbestanden(extract, contract.tabel, registry)
    if not paden and not eencijferho:
        raise InvoerFout(
            f"Geen bestand voor tabel '{contract.tabel}' gevonden in '{extract}'. Een bestandsnaam "
            f"moet beginnen met '{contract.tabel}' en eindigen op .csv of .parquet, bijvoorbeeld "
            f"{contract.tabel}_2023.csv."
        )

    frames: list[pl.LazyFrame] = []
    bestanden: list[Invoerbestand] = []
    for pad in paden:
        frame, leesinfo = scan_bestand(pad)
        gevonden = [k for k in frame.collect_schema().names() if k not in (BESTAND, REGEL)]
        frame = kolomnamen.normaliseer(frame)
        _eis_kolommen(pad, frame, contract, gevonden)
        frame = _met_contractkolommen(frame, contract)
        try:
            rijen = frame.select(pl.len()).collect().item()
        except pl.exceptions.PolarsError as fout:
            raise _onleesbaar(pad.name, fout) from fout
        frames.append(frame)
        bestanden.append(Invoerbestand(pad.name, _sha256(pad), rijen, leesinfo))
    for pad, frame, leesinfo in eencijferho:
        frames.append(_met_contractkolommen(frame.lazy(), contract))
        bestanden.append(Invoerbestand(pad.name, _sha256(pad), frame.height, leesinfo))

    # Files may differ in columns and types, such as an integer in Parquet and text in CSV. Each
    # part gets the schema of all files together, so all parts validate against one schema.
    schema = pl.concat(frames, how="diagonal_relaxed").collect_schema()
    return RuweTabel(contract.tabel, [_naar_schema(frame, schema) for frame in frames], bestanden)


def _onleesbaar(naam: str, fout: pl.exceptions.PolarsError) -> InvoerFout:
    return InvoerFout(
        f"Bestand '{naam}' kan niet helemaal gelezen worden ({fout}). Het is beschadigd of "
        "onvolledig; lever het opnieuw aan."
    )


def _naar_schema(frame: pl.LazyFrame, schema: pl.Schema) -> pl.LazyFrame:
    aanwezig = frame.collect_schema()
    return frame.select(
        pl.col(naam).cast(dtype) if naam in aanwezig else pl.lit(None, dtype=dtype).alias(naam)
        for naam, dtype in schema.items()
    )


def _eis_kolommen(pad: Path, frame: pl.LazyFrame, contract: Contract, gevonden: list[str]) -> None:
    """Stop when a required column is missing; `gevonden` are the names as the file spells them."""
    namen = frame.collect_schema().names()
    ontbrekend = [k for k in contract.verplichte_kolommen if k not in namen]
    if ontbrekend:
        raise InvoerFout(
            f"Bestand '{pad.name}' mist de verplichte kolom(men) {', '.join(ontbrekend)} voor "
            f"tabel '{contract.tabel}'. Gevonden kolommen: {', '.join(gevonden)}. Voeg de "
            "kolom toe of hernoem hem volgens docs/invoer.md."
        )


def _met_contractkolommen(frame: pl.LazyFrame, contract: Contract) -> pl.LazyFrame:
    """Put the contract columns first (optional ones that are absent as empty), then extras."""
    aanwezig = frame.collect_schema().names()
    ontbrekend = [
        pl.lit(None, dtype=pl.String).alias(naam)
        for naam in contract.kolommen
        if naam not in aanwezig
    ]
    frame = frame.with_columns(ontbrekend)
    schema = frame.collect_schema()
    # An integer column only stays one where the contract wants an integer; a persoon_id or
    # opleidingscode stored as a number is text by contract.
    frame = frame.with_columns(
        pl.col(naam).cast(pl.String)
        for naam, kolom in contract.kolommen.items()
        if kolom.type == "tekst" and schema[naam] != pl.String
    )
    extra = [k for k in schema.names() if k not in contract.kolommen and k not in (BESTAND, REGEL)]
    # Extra columns only matter for the reference list; elsewhere they would only cost memory.
    behouden = extra if contract.tabel == "vestigingen" else []
    return frame.select([BESTAND, REGEL, *contract.kolommen, *behouden])


def _sha256(pad: Path) -> str:
    digest = hashlib.sha256()
    with pad.open("rb") as bestand:
        for blok in iter(lambda: bestand.read(1 << 20), b""):
            digest.update(blok)
    return digest.hexdigest()
