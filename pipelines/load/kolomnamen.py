"""Map the column names of a file onto the contract's names, including DUO's register spellings."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TypeVar

import polars as pl

from pipelines.load.bestanden import BESTAND, REGEL
from pipelines.yamltekst import lees_yaml

FrameT = TypeVar("FrameT", pl.DataFrame, pl.LazyFrame)

_ALIASSEN_BESTAND = Path(__file__).resolve().parents[2] / "contracts" / "duo-kolomnamen.yaml"


@cache
def duo_aliassen() -> dict[str, str]:
    """Return DUO spelling (trimmed, upper case) -> contract column name."""
    tabel = lees_yaml(_ALIASSEN_BESTAND.read_text(encoding="utf-8"))
    return {alias.strip().upper(): doel for doel, aliassen in tabel.items() for alias in aliassen}


def is_duo_register(kolommen: list[str]) -> bool:
    """DUO registers name their columns in upper case, ours are lower case."""
    namen = [kolom for kolom in kolommen if kolom not in (BESTAND, REGEL)]
    return bool(namen) and all(naam == naam.upper() for naam in namen)


def normaliseer(frame: FrameT) -> FrameT:
    """Rename columns to contract names: DUO aliases first, else lower case with underscores."""
    kolommen = frame.collect_schema().names()
    aliassen = duo_aliassen() if is_duo_register(kolommen) else {}
    nieuwe_namen: dict[str, str] = {}
    for kolom in kolommen:
        if kolom in (BESTAND, REGEL):
            continue
        sleutel = kolom.strip().upper()
        nieuwe_namen[kolom] = aliassen.get(sleutel) or _als_snake_case(kolom)
    frame = frame.rename(nieuwe_namen)

    # DUO's count files give the branch as a 2-digit number next to the brin.
    if {"vestiging", "brin"} <= set(nieuwe_namen.values()):
        kort = pl.col("vestiging").str.len_chars() == 2
        frame = frame.with_columns(
            pl.when(kort).then(pl.col("brin") + pl.col("vestiging")).otherwise(pl.col("vestiging"))
            .alias("vestiging")
        )
    return frame


def _als_snake_case(kolom: str) -> str:
    return "_".join(kolom.strip().lower().replace("-", " ").split())
