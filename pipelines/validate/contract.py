"""Table contracts: `contracts/*.yaml` turned into pandera schemas over the raw text columns.

Raw files are loaded as text so that a bad value can be shown as it was delivered. The schema
checks that text; rows that pass are then cast to their contract types without loss.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from collections.abc import Mapping
from typing import Literal

import pandera.polars as pa
import polars as pl
from pydantic import BaseModel, ConfigDict

from pipelines.registry import Registry
from pipelines.yamltekst import lees_yaml

CONTRACTEN_MAP = Path(__file__).resolve().parents[2] / "contracts"
TABELLEN = ("inschrijvingen", "schooladviezen", "diplomas", "vestigingen")

_INT_PATROON = r"^-?[0-9]+$"


class Kolom(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    type: Literal["tekst", "geheel_getal"]
    verplicht: bool
    omschrijving: str
    description: str
    patroon: str | None = None
    patroon_uitleg: str | None = None
    bereik: tuple[int, int] | None = None
    toegestaan: list[str] | None = None
    waarden: Literal["onderwijssoorten", "adviezen"] | None = None
    begint_met: str | None = None

    @property
    def polars_type(self) -> pl.DataType:
        return pl.Int64() if self.type == "geheel_getal" else pl.String()


class Contract(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    tabel: str
    omschrijving: str
    description: str
    uniek: list[str]
    kolommen: dict[str, Kolom]

    @property
    def verplichte_kolommen(self) -> list[str]:
        return [naam for naam, kolom in self.kolommen.items() if kolom.verplicht]


@cache
def lees_contract(tabel: str) -> Contract:
    bestand = CONTRACTEN_MAP / f"{tabel}.yaml"
    return Contract.model_validate(lees_yaml(bestand.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class Controle:
    """One check with the Dutch reason that quarantine shows when a value fails it."""

    kolom: str
    reden: str
    check: pa.Check


def _controles(naam: str, kolom: Kolom, registry: Registry, als_getal: bool) -> list[Controle]:
    """Build the checks for one column. `als_getal` means it arrives as integers (Parquet)."""
    controles: list[Controle] = []

    if kolom.type == "geheel_getal" and not als_getal:
        controles.append(Controle(naam, "geen geheel getal", pa.Check.str_matches(_INT_PATROON)))
    if kolom.patroon:
        uitleg = kolom.patroon_uitleg or kolom.patroon
        controles.append(
            Controle(naam, f"ongeldig formaat, verwacht {uitleg}",
                     pa.Check.str_matches(kolom.patroon))
        )
    if kolom.bereik:
        laag, hoog = kolom.bereik
        controles.append(
            Controle(naam, f"buiten het toegestane bereik {laag} tot en met {hoog}",
                     pa.Check(_binnen_bereik(laag, hoog)))
        )
    toegestaan = _toegestane_waarden(kolom, registry)
    if toegestaan is not None:
        waarden = [int(code) for code in toegestaan] if als_getal else toegestaan
        controles.append(
            Controle(naam, f"onbekende code, toegestaan: {', '.join(toegestaan)}",
                     pa.Check.isin(waarden))
        )
    if kolom.begint_met:
        controles.append(
            Controle(naam, f"begint niet met de waarde van kolom {kolom.begint_met}",
                     pa.Check(_begint_met(kolom.begint_met)))
        )
    return controles


def _toegestane_waarden(kolom: Kolom, registry: Registry) -> list[str] | None:
    if kolom.toegestaan is not None:
        return list(kolom.toegestaan)
    if kolom.waarden == "onderwijssoorten":
        return list(registry.onderwijssoorten)
    if kolom.waarden == "adviezen":
        return [str(code) for code in registry.adviezen]
    return None


def _binnen_bereik(laag: int, hoog: int):
    def check(data: pa.PolarsData) -> pl.LazyFrame:
        # A value that is no integer at all is reported by the format check, not here.
        getal = pl.col(data.key).cast(pl.Int64, strict=False)
        return data.lazyframe.select(getal.is_between(laag, hoog).fill_null(True))

    return check


def _begint_met(andere_kolom: str):
    def check(data: pa.PolarsData) -> pl.LazyFrame:
        begin = pl.col(data.key).str.slice(0, pl.col(andere_kolom).str.len_chars())
        return data.lazyframe.select((begin == pl.col(andere_kolom)).fill_null(True))

    return check


@dataclass(frozen=True)
class Schema:
    """A pandera schema plus the Dutch reason behind each of its checks."""

    contract: Contract
    schema: pa.DataFrameSchema
    redenen: dict[tuple[str, str], str]


def bouw_schema(
    tabel: str, registry: Registry, kolomtypen: Mapping[str, pl.DataType] | None = None
) -> Schema:
    """Build the pandera schema for one table's raw columns.

    Columns are text, except integer columns that `kolomtypen` (the raw frame's schema) shows
    arrived as integers from a Parquet file.
    """
    contract = lees_contract(tabel)
    kolommen: dict[str, pa.Column] = {}
    redenen: dict[tuple[str, str], str] = {}
    kolomtypen = kolomtypen or {}

    for naam, kolom in contract.kolommen.items():
        als_getal = kolom.type == "geheel_getal" and kolomtypen.get(naam) == pl.Int64
        controles = _controles(naam, kolom, registry, als_getal)
        checks = []
        for controle in controles:
            # pandera reports a check by its `error` text, which is how quarantine finds the reason.
            check = controle.check
            check.error = f"{naam}:{len(checks)}"
            redenen[(naam, check.error)] = controle.reden
            checks.append(check)
        dtype = pl.Int64 if als_getal else pl.String
        kolommen[naam] = pa.Column(dtype, checks=checks, nullable=not kolom.verplicht)

    # Extra columns are kept (vestigingen) or ignored later, so the schema does not reject them.
    schema = pa.DataFrameSchema(kolommen, strict=False, name=tabel)
    return Schema(contract=contract, schema=schema, redenen=redenen)
