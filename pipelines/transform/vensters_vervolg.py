"""Vensters VO, doorstroom naar vervolgonderwijs: where vo graduates are one and two years on.

Graduates of year t are counted at the vestiging of their diploma, per afdeling. Only
vestigingen with regular vo pupils count: a havo or vwo diploma from a vavo department is not a
vo school's result. Their destination is the principal enrolment on 1 October of t + 1; whether they stayed is read from
the principal enrolment of t + 2. Years without t + 1 (or t + 2) in the extract are left out.
"""

from __future__ import annotations

import polars as pl

from pipelines.registry import GEEN_BESTEMMING, Registry
from pipelines.sleutels import PERSOON
from pipelines.transform import referentie
from pipelines.transform.vensters import GROEP, afdelingen, categorieen, leeg

PREFIX = "doorstroom_"
NA_EEN_JAAR = "_na_een_jaar"


def bestemmingen(registry: Registry) -> pl.LazyFrame:
    """Map each onderwijssoort to its destination and onderwijssector."""
    rijen = [
        {"onderwijssoort": code, "bestemming": naam, "onderwijssector": registry.sector_van(code)}
        for naam, bestemming in registry.vensters_vo.doorstroom_vervolgonderwijs.bestemmingen.items()
        for code in bestemming.onderwijssoorten
    ]
    schema = {"onderwijssoort": pl.String, "bestemming": pl.String, "onderwijssector": pl.String}
    return pl.DataFrame(rijen, schema=schema).lazy()


def indicatoren(registry: Registry) -> tuple[dict[str, str], dict[str, str]]:
    """Return the indicator codes per destination: on 1 October after the exam, and a year on."""
    namen = list(registry.vensters_vo.doorstroom_vervolgonderwijs.bestemmingen)
    bestemming = {naam: f"{PREFIX}{naam}" for naam in [*namen, GEEN_BESTEMMING]}
    gebleven = {naam: f"{PREFIX}{naam}{NA_EEN_JAAR}" for naam in namen}
    return bestemming, gebleven


def gediplomeerden(diplomas: pl.LazyFrame, registry: Registry) -> pl.LazyFrame:
    """Select one vo diploma per graduate and year, with its afdeling.

    A graduate with two vo diplomas in one year counts once, with the highest.
    """
    soorten = referentie.onderwijssoorten(registry).lazy().select("onderwijssoort", "prioriteit", "rang")
    return (
        diplomas.join(afdelingen(registry.vensters_vo), on="onderwijssoort", how="inner")
        .join(soorten, on="onderwijssoort", how="left")
        .sort(
            [PERSOON, "schooljaar", "prioriteit", "rang", "vestiging"],
            descending=[False, False, True, True, False],
        )
        .unique(subset=[PERSOON, "schooljaar"], keep="first", maintain_order=True)
        .select(PERSOON, "schooljaar", "brin", "vestiging", "afdeling")
    )


def vervolg_per_leerling(
    hoofd: pl.LazyFrame, vo: pl.LazyFrame, diplomas: pl.LazyFrame, registry: Registry
) -> pl.LazyFrame:
    """Find each graduate's `bestemming` in t + 1 and whether they stayed there (`gebleven`).

    `gebleven` is null where t + 2 is not in the extract. It is true when the principal
    enrolment of t + 2 is in one of the onderwijssectoren of the destination's onderwijssoorten,
    so an mbo-2 starter in mbo-3 a year later stayed.
    """
    laatste_jaar = hoofd.select(pl.col("schooljaar").max()).collect().item()
    vo_vestigingen = vo.select("vestiging").unique()
    geslaagd = (
        gediplomeerden(diplomas, registry)
        .join(vo_vestigingen, on="vestiging", how="semi")
        .filter(pl.col("schooljaar") + 1 <= laatste_jaar)
        .collect()
    )
    # Only the graduates' enrolments one and two years on matter, a fifteenth of the national
    # rows. Selecting them once, before the joins, lowered the national job's peak memory from
    # 4.1 to 3.6 GB (benchmarks/meet.py). They are collected because both years below read them.
    later = pl.concat([
        geslaagd.select(PERSOON, pl.col("schooljaar") + stap) for stap in (1, 2)
    ]).unique()
    naar = (
        hoofd.select(PERSOON, "schooljaar", "onderwijssoort")
        .join(later.lazy(), on=[PERSOON, "schooljaar"], how="semi")
        .join(bestemmingen(registry), on="onderwijssoort", how="left")
        .collect()
        .lazy()
    )
    sectoren = bestemmingen(registry).select("bestemming", "onderwijssector").unique()
    jaar_1 = naar.select(
        PERSOON, (pl.col("schooljaar") - 1).alias("schooljaar"), "bestemming"
    )
    jaar_2 = naar.select(
        PERSOON,
        (pl.col("schooljaar") - 2).alias("schooljaar"),
        pl.col("onderwijssector").alias("sector_jaar_2"),
    )
    in_sector = sectoren.rename({"onderwijssector": "sector_jaar_2"}).with_columns(
        pl.lit(True).alias("in_sector")
    )
    return (
        geslaagd.lazy()
        .join(jaar_1, on=[PERSOON, "schooljaar"], how="left")
        .with_columns(pl.col("bestemming").fill_null(GEEN_BESTEMMING))
        .join(jaar_2, on=[PERSOON, "schooljaar"], how="left")
        .join(in_sector, on=["bestemming", "sector_jaar_2"], how="left")
        .with_columns(
            pl.when(pl.col("schooljaar") + 2 <= laatste_jaar)
            .then(pl.col("in_sector").fill_null(False))
            .alias("gebleven")
        )
        .select(*GROEP, "afdeling", PERSOON, "bestemming", "gebleven")
    )


def tel_vervolg(per_leerling: pl.LazyFrame, registry: Registry) -> pl.DataFrame:
    """Count each destination among all graduates, and staying on among those at a destination."""
    per_bestemming, per_gebleven = indicatoren(registry)
    groep = [*GROEP, "afdeling"]
    # Every destination below counts from the same graduates, so compute them once.
    per_leerling = per_leerling.collect().lazy()
    doorgestroomd = categorieen(per_leerling, "bestemming", per_bestemming, groep)

    # Per destination, the graduates there are the group and those who stayed the one category.
    gevolgd = per_leerling.filter(
        pl.col("gebleven").is_not_null() & (pl.col("bestemming") != GEEN_BESTEMMING)
    )
    delen = []
    for naam, indicator in per_gebleven.items():
        bij_bestemming = gevolgd.filter(pl.col("bestemming") == naam).with_columns(
            pl.when(pl.col("gebleven")).then(pl.lit("ja")).otherwise(pl.lit("nee")).alias("gebleven")
        )
        delen.append(categorieen(bij_bestemming, "gebleven", {"ja": indicator}, groep))
    return pl.concat([leeg(), doorgestroomd, *delen])
