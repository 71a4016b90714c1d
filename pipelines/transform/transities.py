"""Transitions: where each person's principal enrolment in year t is in year t + termijn."""

from __future__ import annotations

import polars as pl

GEEN_INSCHRIJVING = "geen_inschrijving"
SLEUTEL = ["schooljaar", "termijn", "brin", "vestiging", "van", "naar", "diploma"]


def transities_per_persoon(
    hoofd: pl.LazyFrame, diplomas: pl.LazyFrame, termijnen: list[int]
) -> pl.LazyFrame:
    """Pair each principal enrolment in year t with the one in t + termijn, per person.

    Origin years whose destination year lies beyond the last school year in the extract are left
    out, because there "not enrolled" and "not yet delivered" look the same.
    """
    laatste_jaar = hoofd.select(pl.col("schooljaar").max()).collect().item()
    met_diploma = diplomas.select("persoon_id", "schooljaar").unique().with_columns(
        pl.lit(True).alias("diploma")
    )
    oorsprong = hoofd.select(
        "persoon_id", "schooljaar", "brin", "vestiging", pl.col("onderwijssoort").alias("van")
    ).join(met_diploma, on=["persoon_id", "schooljaar"], how="left").with_columns(
        pl.col("diploma").fill_null(False)
    )

    delen = []
    for termijn in termijnen:
        bestemming = hoofd.select(
            "persoon_id",
            (pl.col("schooljaar") - termijn).alias("schooljaar"),
            pl.col("onderwijssoort").alias("naar"),
        )
        delen.append(
            oorsprong.filter(pl.col("schooljaar") + termijn <= laatste_jaar)
            .join(bestemming, on=["persoon_id", "schooljaar"], how="left")
            .with_columns(
                pl.lit(termijn, dtype=pl.Int32).alias("termijn"),
                pl.col("naar").fill_null(GEEN_INSCHRIJVING),
            )
        )
    return pl.concat(delen)


def tel_transities(per_persoon: pl.LazyFrame) -> pl.DataFrame:
    """Count persons per vestiging of origin; councils roll these up to brin and national."""
    return per_persoon.group_by(SLEUTEL).agg(pl.len().cast(pl.Int64).alias("aantal")).collect()
