"""Groep-8 advice against the pupil's position in vo leerjaar 3, judged onder, op or boven."""

from __future__ import annotations

import polars as pl

from pipelines.registry import Registry
from pipelines.sleutels import PERSOON
from pipelines.transform import referentie

NIET_IN_LEERJAAR_3 = "niet_in_leerjaar_3"
SLEUTEL = ["cohort", "advies", "positie", "oordeel"]


def kies_advies(schooladviezen: pl.LazyFrame, advies_soort: str) -> pl.LazyFrame:
    """Choose one advice per pupil: the first registered one, or with `herzien` the revision.

    A pupil with advice rows in more than one groep-8 year belongs to the earliest cohort.
    """
    voorkeur = 1 if advies_soort == "eerste" else 0
    volgorde = pl.when(pl.col("advies_soort") == "herzien").then(1 - voorkeur).otherwise(voorkeur)
    return (
        schooladviezen.with_columns(volgorde.alias("_voorkeur"))
        .sort([PERSOON, "schooljaar", "_voorkeur"], descending=[False, False, True])
        .unique(subset=[PERSOON], keep="first", maintain_order=True)
        .select(
            PERSOON,
            pl.col("schooljaar").alias("cohort"),
            pl.col("vestiging").alias("po_vestiging"),
            "advies",
        )
    )


def oordeel(
    advies_laag: pl.Expr, advies_hoog: pl.Expr, positie_laag: pl.Expr, positie_hoog: pl.Expr
) -> pl.Expr:
    """onder if p_lo < a_lo; else boven if p_lo > a_lo or p_hi > a_hi; else op. Empty without levels."""
    return (
        pl.when(advies_laag.is_null() | positie_laag.is_null())
        .then(pl.lit(None, dtype=pl.String))
        .when(positie_laag < advies_laag)
        .then(pl.lit("onder"))
        .when((positie_laag > advies_laag) | (positie_hoog > advies_hoog))
        .then(pl.lit("boven"))
        .otherwise(pl.lit("op"))
    )


def advies_positie_per_leerling(
    schooladviezen: pl.LazyFrame, hoofd: pl.LazyFrame, registry: Registry
) -> pl.LazyFrame:
    """Judge each pupil of a complete cohort: advice, position in leerjaar 3, oordeel, branches.

    A cohort is complete when its last year to look for leerjaar 3 is in the extract.
    """
    instelling = registry.monitor.advies_positie
    laatste_jaar = hoofd.select(pl.col("schooljaar").max()).collect().item()
    soorten = referentie.onderwijssoorten(registry).lazy()

    cohort = kies_advies(schooladviezen, instelling.advies_soort).filter(
        pl.col("cohort") + instelling.laatste_jaar <= laatste_jaar
    )

    vo = hoofd.filter(pl.col("onderwijssoort").is_in(instelling.positie_onderwijssoorten))
    leerjaar_3 = (
        cohort.select(PERSOON, "cohort")
        .join(vo.filter(pl.col("leerjaar") == instelling.leerjaar), on=PERSOON, how="inner")
        .filter(
            (pl.col("schooljaar") - pl.col("cohort")).is_between(
                instelling.eerste_jaar, instelling.laatste_jaar
            )
        )
        .sort(PERSOON, "schooljaar")
        .unique(subset=[PERSOON], keep="first", maintain_order=True)
        .select(PERSOON, pl.col("onderwijssoort").alias("positie"))
    )
    leerjaar_1 = (
        cohort.select(PERSOON, "cohort")
        .join(vo.filter(pl.col("leerjaar") == 1), on=PERSOON, how="inner")
        .filter(pl.col("schooljaar") == pl.col("cohort") + 1)
        .select(PERSOON, pl.col("vestiging").alias("vo_vestiging"))
    )

    adviezen = referentie.adviezen(registry).lazy()
    posities = soorten.select(
        pl.col("onderwijssoort").alias("positie"),
        pl.col("niveau_laag").alias("positie_laag"),
        pl.col("niveau_hoog").alias("positie_hoog"),
    )
    return (
        cohort.join(leerjaar_3, on=PERSOON, how="left")
        .join(leerjaar_1, on=PERSOON, how="left")
        .with_columns(pl.col("positie").fill_null(NIET_IN_LEERJAAR_3))
        .join(adviezen, on="advies", how="left")
        .join(posities, on="positie", how="left")
        .with_columns(
            oordeel(pl.col("advies_laag"), pl.col("advies_hoog"),
                    pl.col("positie_laag"), pl.col("positie_hoog")).alias("oordeel")
        )
        .select(
            PERSOON, "cohort", "po_vestiging", "vo_vestiging",
            pl.col("advies_label").alias("advies"), "positie", "oordeel",
        )
    )


def tel_advies_positie(per_leerling: pl.LazyFrame) -> pl.DataFrame:
    """Matrix cells nationally, per po vestiging (the advice's) and per vo vestiging in leerjaar 1."""
    frame = per_leerling.collect()
    aantal = pl.len().cast(pl.Int64).alias("aantal")
    landelijk = frame.group_by(SLEUTEL).agg(aantal).with_columns(
        pl.lit("landelijk").alias("niveau"), pl.lit(None, dtype=pl.String).alias("vestiging")
    )
    po = frame.group_by(*SLEUTEL, pl.col("po_vestiging").alias("vestiging")).agg(aantal)
    vo = (
        frame.filter(pl.col("vo_vestiging").is_not_null())
        .group_by(*SLEUTEL, pl.col("vo_vestiging").alias("vestiging"))
        .agg(aantal)
    )
    kolommen = ["cohort", "niveau", "vestiging", "advies", "positie", "oordeel", "aantal"]
    return pl.concat([
        landelijk.select(kolommen),
        po.with_columns(pl.lit("po_vestiging").alias("niveau")).select(kolommen),
        vo.with_columns(pl.lit("vo_vestiging").alias("niveau")).select(kolommen),
    ])
