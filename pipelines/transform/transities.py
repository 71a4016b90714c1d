"""Transitions: where each person's principal enrolment in year t is in year t + termijn."""

from __future__ import annotations

import polars as pl

from pipelines.sleutels import PERSOON

GEEN_INSCHRIJVING = "geen_inschrijving"
SLEUTEL = ["schooljaar", "termijn", "brin", "vestiging", "van", "naar", "diploma"]


def tel_transities(
    hoofd: pl.LazyFrame, diplomas: pl.LazyFrame, termijnen: list[int]
) -> pl.DataFrame:
    """Count persons per vestiging of origin, year and term; councils roll these up further.

    Each origin year is paired with its destination years on its own, so the join's hash table
    contains one year of enrolments instead of ten. For one term on the national extract that
    took 1.1 GB instead of 5.7 GB, and 5.9 s instead of 9.1 s. Origin years whose destination
    year lies beyond the last school year in the extract are left out, because there "not
    enrolled" and "not yet delivered" look the same.
    """
    jaren = hoofd.select(pl.col("schooljaar").unique().sort()).collect().to_series().to_list()
    delen = []
    for jaar in jaren:
        termijnen_binnen = [t for t in termijnen if jaar + t <= jaren[-1]]
        if not termijnen_binnen:
            continue
        # Read and joined to the diplomas once for all terms.
        oorsprong = _oorsprong(hoofd, diplomas, jaar).collect()
        delen += [_tel(_paren(oorsprong.lazy(), hoofd, jaar, t)) for t in termijnen_binnen]
    if not delen:
        return _tel(_paren(_oorsprong(hoofd, diplomas, 0), hoofd, 0, 1)).clear()
    return pl.concat(delen)


def _oorsprong(hoofd: pl.LazyFrame, diplomas: pl.LazyFrame, jaar: int) -> pl.LazyFrame:
    """Return the principal enrolments in `jaar`, each with whether the person graduated then."""
    met_diploma = (
        diplomas.filter(pl.col("schooljaar") == jaar)
        .select(PERSOON)
        .unique()
        .with_columns(pl.lit(True).alias("diploma"))
    )
    return (
        hoofd.filter(pl.col("schooljaar") == jaar)
        .select(PERSOON, "schooljaar", "vestiging", pl.col("onderwijssoort").alias("van"))
        .join(met_diploma, on=PERSOON, how="left")
        .with_columns(pl.col("diploma").fill_null(False))
    )


def _paren(
    oorsprong: pl.LazyFrame, hoofd: pl.LazyFrame, jaar: int, termijn: int
) -> pl.LazyFrame:
    """Pair each origin enrolment in `jaar` with the person's one in `jaar + termijn`."""
    bestemming = hoofd.filter(pl.col("schooljaar") == jaar + termijn).select(
        PERSOON, pl.col("onderwijssoort").alias("naar")
    )
    return oorsprong.join(bestemming, on=PERSOON, how="left").with_columns(
        pl.lit(termijn, dtype=pl.Int32).alias("termijn"),
        pl.col("naar").fill_null(GEEN_INSCHRIJVING),
    )


def _tel(per_persoon: pl.LazyFrame) -> pl.DataFrame:
    # The brin is taken from the vestiging code after counting: the input contract makes a
    # vestiging code begin with its brin. Leaving it out of the group key saved a third of the
    # counting time.
    zonder_brin = [kolom for kolom in SLEUTEL if kolom != "brin"]
    return (
        per_persoon.group_by(zonder_brin)
        .agg(pl.len().cast(pl.Int64).alias("aantal"))
        .with_columns(pl.col("vestiging").str.slice(0, 4).alias("brin"))
        .select(*SLEUTEL, "aantal")
        .collect()
    )
