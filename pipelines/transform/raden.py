"""Per council: select the rows whose origin is the council's own and add shares and percentages."""

from __future__ import annotations

import polars as pl

from pipelines.registry import Raad
from pipelines.transform.niveaus import rol_op

GROEP_AANDEEL = ["schooljaar", "termijn", "niveau", "brin", "vestiging", "van", "diploma"]


def eigen_oorsprong(raad: Raad, soort_kolom: str) -> pl.Expr:
    """True for rows whose origin onderwijssoort (and brin, for listed institutions) is the council's."""
    eigen = pl.col(soort_kolom).is_in(raad.onderwijssoorten)
    if raad.instellingen is not None:
        eigen = eigen & pl.col("brin").is_in(raad.instellingen)
    return eigen


def doorstroom(tellingen: pl.DataFrame, raad: Raad) -> pl.DataFrame:
    """Transition counts for the council at all three levels, with `aandeel` within its origin group."""
    eigen = tellingen.filter(eigen_oorsprong(raad, "van"))
    opgerold = rol_op(
        eigen, ["schooljaar", "termijn", "van", "naar", "diploma"], ["aantal"]
    )
    totaal = pl.col("aantal").sum().over(GROEP_AANDEEL)
    return opgerold.with_columns((pl.col("aantal") / totaal).alias("aandeel")).select(
        "schooljaar", "termijn", "niveau", "brin", "vestiging", "van", "naar", "diploma",
        "aantal", "aandeel",
    ).sort("schooljaar", "termijn", "niveau", "brin", "vestiging", "van", "naar", "diploma",
           nulls_last=False)


def doorstromers(tellingen: pl.DataFrame) -> pl.DataFrame:
    """Population and doorstromers at all three levels with the percentage."""
    opgerold = rol_op(tellingen, ["definitie", "schooljaar"], ["populatie", "doorstromers"])
    return opgerold.with_columns(_percentage()).select(
        "definitie", "schooljaar", "niveau", "brin", "vestiging",
        "populatie", "doorstromers", "percentage",
    ).sort("definitie", "schooljaar", "niveau", "brin", "vestiging", nulls_last=False)


def doorstromers_per_sector(tellingen: pl.DataFrame) -> pl.DataFrame:
    """National population and doorstromers per sector of origin, with the percentage."""
    per_sector = tellingen.group_by("definitie", "schooljaar", "sector").agg(
        pl.col("populatie", "doorstromers").sum()
    )
    return per_sector.with_columns(_percentage()).sort(
        "definitie", "schooljaar", "sector"
    )


def _percentage() -> pl.Expr:
    return (
        pl.when(pl.col("populatie") > 0)
        .then(100 * pl.col("doorstromers") / pl.col("populatie"))
        .alias("percentage")
    )


def advies_positie(matrix: pl.DataFrame, raad: Raad) -> pl.DataFrame | None:
    """Select the national matrix plus the council's own level (po or vo vestiging), or None."""
    if raad.advies_positie is None:
        return None
    eigen = matrix.filter(pl.col("niveau").is_in(["landelijk", raad.advies_positie]))
    return eigen.sort("cohort", "niveau", "vestiging", "advies", "positie", nulls_last=False)
