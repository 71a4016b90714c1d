"""Small-cell suppression, applied to every table just before it leaves the pipeline."""

from __future__ import annotations

import polars as pl


def onderdruk(
    frame: pl.DataFrame, tellingen: list[str], afgeleid: list[str], drempel: int
) -> pl.DataFrame:
    """Empty every count from 1 to drempel - 1, and every share computed from a row with one.

    Sets `onderdrukt` to true on those rows. A zero is published: it reveals no person. With
    drempel 0 or 1 nothing is suppressed (for internal use only).
    """
    # TODO: no secondary suppression of counts yet, so a suppressed vestiging count can still be
    # derived from its instelling total minus the other vestigingen. A complementary cell is not
    # 1-4, so it needs its own mark in Parquet and report.
    klein = [pl.col(kolom).is_between(1, drempel - 1) for kolom in tellingen]
    rij_onderdrukt = pl.any_horizontal(klein) if drempel > 1 else pl.lit(False)
    frame = frame.with_columns(rij_onderdrukt.alias("onderdrukt"))
    return frame.with_columns(
        *[
            pl.when(pl.col(kolom).is_between(1, drempel - 1)).then(None).otherwise(pl.col(kolom))
            .alias(kolom)
            for kolom in tellingen
        ],
        *[
            pl.when(pl.col("onderdrukt")).then(None).otherwise(pl.col(kolom)).alias(kolom)
            for kolom in afgeleid
        ],
    )


def verberg_aandelen(frame: pl.DataFrame, aandelen: list[str], groep: list[str]) -> pl.DataFrame:
    """Empty the shares of every row in a group that has a suppressed row.

    A share is count / group total, so one published share and its count give the total away,
    and the total minus the published counts would give the suppressed count back.
    """
    geraakt = pl.col("onderdrukt").any().over(groep)
    return frame.with_columns(
        pl.when(geraakt).then(None).otherwise(pl.col(kolom)).alias(kolom) for kolom in aandelen
    )
