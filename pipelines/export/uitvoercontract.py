"""Output contracts: `contracts/uitvoer/*.yaml` as column types, Arrow schemas and allowed values.

The same YAML gives the Parquet column types (pipelines/export/bestanden.py), the field
metadata inside each Parquet file and docs/datadictionary.md, so the three cannot drift apart.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Literal

import polars as pl
import pyarrow as pa
from pydantic import BaseModel, ConfigDict, Field

from pipelines.errors import UitvoerFout
from pipelines.registry import Raad, Registry
from pipelines.yamltekst import lees_yaml

UITVOER_CONTRACTEN = Path(__file__).resolve().parents[2] / "contracts" / "uitvoer"
BESTANDEN = ("doorstroom", "doorstromers", "advies_positie")

ArrowType = Literal["string", "int32", "int64", "float64", "bool"]

_ARROW = {
    "string": pa.string(),
    "int32": pa.int32(),
    "int64": pa.int64(),
    "float64": pa.float64(),
    "bool": pa.bool_(),
}
_POLARS = {
    "string": pl.String,
    "int32": pl.Int32,
    "int64": pl.Int64,
    "float64": pl.Float64,
    "bool": pl.Boolean,
}

# Source of the values of each `registry:` reference, in Dutch and English, for the generic
# dictionary that is written without a council at hand.
REGISTRY_BRONNEN = {
    "termijnen": "termijnen in definitions/monitor.yaml",
    "onderwijssoorten_raad": "de onderwijssoorten van de raad in definitions/raden/<raad>.yaml",
    "onderwijssoorten": "de codes in definitions/onderwijssoorten.yaml",
    "definities": "de namen onder doorstromers in definitions/raden/<raad>.yaml",
    "adviezen": "de labels in definitions/schooladviezen.yaml",
    "posities": "positie_onderwijssoorten in definitions/monitor.yaml",
}
REGISTRY_SOURCES = {
    "termijnen": "termijnen in definitions/monitor.yaml",
    "onderwijssoorten_raad": "the council's onderwijssoorten in definitions/raden/<council>.yaml",
    "onderwijssoorten": "the codes in definitions/onderwijssoorten.yaml",
    "definities": "the names under doorstromers in definitions/raden/<council>.yaml",
    "adviezen": "the labels in definitions/schooladviezen.yaml",
    "posities": "positie_onderwijssoorten in definitions/monitor.yaml",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Waarden(_Strict):
    """Allowed values: a fixed list, or a list read from the registry plus fixed extras."""

    lijst: list[str] | None = None
    registry: Literal[
        "termijnen", "onderwijssoorten_raad", "onderwijssoorten", "definities", "adviezen",
        "posities",
    ] | None = None
    extra: list[str] = []

    def bepaal(self, registry: Registry, raad: Raad | None) -> list | None:
        """Return the allowed values, or None when they depend on a council and none is given."""
        if self.lijst is not None:
            return [*self.lijst, *self.extra]
        bron = self.registry
        if bron == "termijnen":
            waarden = list(registry.monitor.doorstroom.termijnen)
        elif bron == "onderwijssoorten":
            waarden = list(registry.onderwijssoorten)
        elif bron == "adviezen":
            waarden = [advies.label for advies in registry.adviezen.values()]
        elif bron == "posities":
            waarden = list(registry.monitor.advies_positie.positie_onderwijssoorten)
        elif raad is None:
            return None
        elif bron == "onderwijssoorten_raad":
            waarden = list(raad.onderwijssoorten)
        else:
            waarden = list(raad.doorstromers)
        return [*waarden, *self.extra]


class Uitvoerkolom(_Strict):
    type: ArrowType
    omschrijving: str
    description: str
    eenheid: str | None = None
    unit: str | None = None
    waarden: Waarden | None = None
    patroon: str | None = None
    leeg: str | None = Field(None, description="when the value is null; absent = never null")
    empty: str | None = None

    @property
    def nullable(self) -> bool:
        return self.leeg is not None


class Partitie(_Strict):
    kolom: str
    vanaf_rijen: int = Field(ge=1)


class Uitvoercontract(_Strict):
    bestand: str
    omschrijving: str
    description: str
    sleutel: list[str]
    partitie: Partitie
    kolommen: dict[str, Uitvoerkolom]

    @property
    def polars_schema(self) -> dict[str, pl.DataType]:
        return {naam: _POLARS[kolom.type] for naam, kolom in self.kolommen.items()}

    def arrow_schema(
        self, registry: Registry, raad: Raad | None = None, drempel: int | None = None
    ) -> pa.Schema:
        """Arrow schema with each column's contract text as field metadata (UTF-8 JSON values)."""
        velden = [
            pa.field(naam, _ARROW[kolom.type], nullable=kolom.nullable,
                     metadata=_veldmetadata(kolom, registry, raad))
            for naam, kolom in self.kolommen.items()
        ]
        metadata = {
            "bestand": self.bestand,
            "omschrijving": self.omschrijving,
            "description": self.description,
            "sleutel": json.dumps(self.sleutel),
        }
        if raad is not None:
            metadata["raad"] = raad.naam
        if drempel is not None:
            metadata["onderdrukking_drempel"] = str(drempel)
        return pa.schema(velden, metadata=metadata)


def _veldmetadata(kolom: Uitvoerkolom, registry: Registry, raad: Raad | None) -> dict[str, str]:
    metadata = {
        "type": kolom.type,
        "omschrijving": kolom.omschrijving,
        "description": kolom.description,
    }
    for sleutel in ("eenheid", "unit", "patroon", "leeg", "empty"):
        waarde = getattr(kolom, sleutel)
        if waarde is not None:
            metadata[sleutel] = waarde
    if kolom.waarden is not None:
        waarden = kolom.waarden.bepaal(registry, raad)
        if waarden is not None:
            metadata["waarden"] = json.dumps(waarden, ensure_ascii=False)
    return metadata


@cache
def lees_uitvoercontract(bestand: str) -> Uitvoercontract:
    pad = UITVOER_CONTRACTEN / f"{bestand}.yaml"
    contract = Uitvoercontract.model_validate(lees_yaml(pad.read_text(encoding="utf-8")))
    onbekend = set(contract.sleutel) - set(contract.kolommen)
    if contract.partitie.kolom not in contract.kolommen:
        onbekend.add(contract.partitie.kolom)
    if onbekend:
        raise UitvoerFout(
            f"Uitvoercontract {pad}: sleutel of partitie noemt onbekende kolommen "
            f"{sorted(onbekend)}. Voeg ze toe onder kolommen of herstel de naam."
        )
    return contract


def alle_uitvoercontracten() -> dict[str, Uitvoercontract]:
    return {bestand: lees_uitvoercontract(bestand) for bestand in BESTANDEN}
