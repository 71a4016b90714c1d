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


def weiger_bsn(frame: pl.DataFrame, kolom: str = "persoon_id") -> None:
    """Stop the run when any value of `kolom` looks like a BSN.

    The message names file, line and column but masks the value, because it may be a real BSN.
    """
    if kolom not in frame.columns:
        return
    # The cheap pattern test first: the elfproef's nine digit slices only run on what passes.
    negen_cijfers = frame.filter(pl.col(kolom).str.contains(r"^[0-9]{9}$").fill_null(False))
    verdacht = negen_cijfers.filter(lijkt_op_bsn(pl.col(kolom)))
    if verdacht.height == 0:
        return
    eerste = verdacht.row(0, named=True)
    gemaskeerd = eerste[kolom][:2] + "*******"
    raise PersoonsgegevensFout(
        f"Bestand '{eerste[BESTAND]}', regel {eerste[REGEL]}, kolom '{kolom}': de waarde "
        f"{gemaskeerd} lijkt op een burgerservicenummer (9 cijfers die de elfproef doorstaan); "
        f"{verdacht.height} waarde(n) in totaal. Het extract moet gepseudonimiseerd zijn: "
        "vervang persoonsnummers door een gepseudonimiseerde sleutel en lever het extract opnieuw aan."
    )
