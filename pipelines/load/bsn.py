"""Reject extracts whose person keys look like a BSN: 9 digits that pass the elfproef."""

from __future__ import annotations

import polars as pl

from pipelines.errors import PersoonsgegevensFout
from pipelines.load.bestanden import BESTAND, REGEL

# Elfproef for the BSN: digits weighted 9, 8, ..., 2 and the last one -1; sum divisible by 11.
_GEWICHTEN = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def lijkt_op_bsn(kolom: pl.Expr) -> pl.Expr:
    """True where a text value is 9 digits passing the elfproef (and not all zeros)."""
    som = pl.sum_horizontal(
        kolom.str.slice(positie, 1).cast(pl.Int64, strict=False) * gewicht
        for positie, gewicht in enumerate(_GEWICHTEN)
    )
    negen_cijfers = kolom.str.contains(r"^[0-9]{9}$").fill_null(False)
    return negen_cijfers & (som % 11 == 0) & (kolom != "000000000")


def weiger_bsn(frame: pl.DataFrame | pl.LazyFrame, kolom: str = "persoon_id") -> None:
    """Stop the run when any value of `kolom` looks like a BSN.

    The message names file, line and column but masks the value, because it may be a real BSN.
    """
    if kolom not in frame.collect_schema().names():
        return
    # The column alone first keeps the common case fast: asking for file and line as well made
    # the check on a national extract five times slower.
    if _verdachte(frame.lazy().select(kolom), kolom).height == 0:
        return
    verdacht = _verdachte(frame.lazy().select(BESTAND, REGEL, kolom), kolom)
    eerste = verdacht.row(0, named=True)
    gemaskeerd = eerste[kolom][:2] + "*******"
    raise PersoonsgegevensFout(
        f"Bestand '{eerste[BESTAND]}', regel {eerste[REGEL]}, kolom '{kolom}': de waarde "
        f"{gemaskeerd} lijkt op een burgerservicenummer (9 cijfers die de elfproef doorstaan); "
        f"{verdacht.height} waarde(n) in totaal. Het extract moet gepseudonimiseerd zijn: "
        "vervang persoonsnummers door een gepseudonimiseerde sleutel en lever het extract opnieuw aan."
    )


def _verdachte(rijen: pl.LazyFrame, kolom: str) -> pl.DataFrame:
    # Only the length test runs lazily: the optimiser would fold every filter into one
    # expression and take the nine digit slices of the elfproef on every row.
    negen_tekens = rijen.filter(pl.col(kolom).str.len_bytes() == 9).collect()
    return negen_tekens.filter(lijkt_op_bsn(pl.col(kolom)))
