"""Vensters VO feed: shared lookups, the three-year average and the coverage of vo vestigingen.

Each indicator module (vensters_advies, vensters_voortgang, vensters_vervolg) returns rows with
the columns of `RIJ`: a teller and a noemer per vestiging, indicator, afdeling and school year.
Rows with noemer 0 are left out, so a row exists exactly when the population is not empty.
"""

from __future__ import annotations

import polars as pl

from pipelines.registry import Driejaarsgemiddelde, Registry, VenstersVo
from pipelines.sleutels import PERSOON
from pipelines.transform import referentie

RIJ = {
    "brin": pl.String,
    "vestiging": pl.String,
    "indicator": pl.String,
    "afdeling": pl.String,
    "schooljaar": pl.Int32,
    "teller": pl.Int64,
    "noemer": pl.Int64,
}
SLEUTEL = ["brin", "vestiging", "indicator", "afdeling"]
GROEP = ["schooljaar", "brin", "vestiging"]


def leeg() -> pl.DataFrame:
    return pl.DataFrame(schema=RIJ)


def vo_inschrijvingen(hoofd: pl.LazyFrame, registry: Registry) -> pl.LazyFrame:
    """Select principal enrolments in regular vo, with the onderwijssoort's sector and level.

    Every indicator and the coverage summary take this result as their `vo` argument, beside
    `hoofd`, so the asset selects it once.
    """
    soorten = referentie.onderwijssoorten(registry).lazy().select(
        "onderwijssoort", "onderwijssector", "niveau_laag", "niveau_hoog"
    )
    return (
        hoofd.filter(pl.col("onderwijssoort").is_in(registry.vensters_vo.vo_onderwijssoorten))
        .select(PERSOON, "schooljaar", "brin", "vestiging", "onderwijssoort", "leerjaar")
        .join(soorten, on="onderwijssoort", how="left")
    )


def afdelingen(vensters: VenstersVo) -> pl.LazyFrame:
    """Map each onderwijssoort that belongs to an afdeling to that afdeling."""
    rijen = [
        {"onderwijssoort": code, "afdeling": naam}
        for naam, afdeling in vensters.afdelingen.items()
        for code in afdeling.onderwijssoorten
    ]
    return pl.DataFrame(rijen, schema={"onderwijssoort": pl.String, "afdeling": pl.String}).lazy()


def aandeel(populatie: pl.LazyFrame, indicator: str, succes: str, per_afdeling: bool) -> pl.DataFrame:
    """Count the population per vestiging (and afdeling) and school year; teller = `succes` true."""
    groep = [*GROEP, "afdeling"] if per_afdeling else GROEP
    rijen = populatie.group_by(groep).agg(
        pl.col(succes).sum().alias("teller"), pl.len().alias("noemer")
    )
    if not per_afdeling:
        rijen = rijen.with_columns(pl.lit(None, dtype=pl.String).alias("afdeling"))
    return vorm(rijen.with_columns(pl.lit(indicator).alias("indicator")).collect())


def categorieen(
    populatie: pl.LazyFrame, kolom: str, indicatoren: dict[str, str], groep: list[str]
) -> pl.DataFrame:
    """Count each category per group: teller = members in the category, noemer = the group.

    `indicatoren` maps each category value of `kolom` to its indicator code. Every category gets
    a row for every group, with teller 0 where no pupil is in it, so a zero is visible in the feed.
    """
    totalen = populatie.group_by(groep).agg(pl.len().alias("noemer"))
    codes = pl.DataFrame(
        {kolom: list(indicatoren), "indicator": list(indicatoren.values())},
        schema={kolom: pl.String, "indicator": pl.String},
    ).lazy()
    aantallen = populatie.group_by(*groep, kolom).agg(pl.len().alias("teller"))
    rijen = (
        totalen.join(codes, how="cross")
        .join(aantallen, on=[*groep, kolom], how="left", nulls_equal=True)
        .with_columns(pl.col("teller").fill_null(0))
    )
    if "afdeling" not in groep:
        rijen = rijen.with_columns(pl.lit(None, dtype=pl.String).alias("afdeling"))
    return vorm(rijen.collect())


def vorm(rijen: pl.DataFrame) -> pl.DataFrame:
    return rijen.filter(pl.col("noemer") > 0).select(list(RIJ)).cast(RIJ)


def driejaarsgemiddelde(rijen: pl.DataFrame, instelling: Driejaarsgemiddelde) -> pl.DataFrame:
    """Add `waarde`, `gemiddelde_3_jaar` and `kleinste_bronaantal` to the feed rows.

    The average for year t is the sum of the tellers over the rows of the same vestiging,
    indicator and afdeling in t - jaren + 1 .. t, divided by the sum of their noemers: each year
    weighs by its number of pupils. It is empty unless at least `minimum_jaren` of those years
    have a row. `kleinste_bronaantal` is the smallest non-zero teller or noemer among those
    years, so suppression can empty an average computed from a small count.
    """
    bron = rijen.select(
        *SLEUTEL,
        pl.col("schooljaar").alias("bronjaar"),
        pl.col("teller").alias("bron_teller"),
        pl.col("noemer").alias("bron_noemer"),
    )
    positief = [
        pl.when(pl.col(kolom) > 0).then(pl.col(kolom)) for kolom in ("bron_teller", "bron_noemer")
    ]
    gemiddeld = (
        rijen.select(*SLEUTEL, "schooljaar")
        .join(bron, on=SLEUTEL, how="inner", nulls_equal=True)
        .filter(
            (pl.col("bronjaar") <= pl.col("schooljaar"))
            & (pl.col("bronjaar") > pl.col("schooljaar") - instelling.jaren)
        )
        .with_columns(pl.min_horizontal(positief).alias("kleinste"))
        .group_by(*SLEUTEL, "schooljaar")
        .agg(
            pl.col("bron_teller").sum().alias("som_teller"),
            pl.col("bron_noemer").sum().alias("som_noemer"),
            pl.len().alias("jaren"),
            pl.col("kleinste").min().alias("kleinste_bronaantal"),
        )
    )
    gemiddelde = pl.when(pl.col("jaren") >= instelling.minimum_jaren).then(
        pl.col("som_teller") / pl.col("som_noemer")
    )
    return (
        rijen.join(gemiddeld, on=[*SLEUTEL, "schooljaar"], how="left", nulls_equal=True)
        .with_columns(
            (pl.col("teller") / pl.col("noemer")).alias("waarde"),
            gemiddelde.alias("gemiddelde_3_jaar"),
        )
        .select(*RIJ, "waarde", "gemiddelde_3_jaar", "kleinste_bronaantal")
        .sort("brin", "vestiging", "indicator", "afdeling", "schooljaar", nulls_last=False)
    )
