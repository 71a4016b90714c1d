"""Doorstromer rates per council definition: population in year t, doorstromers in t + termijn."""

from __future__ import annotations

import polars as pl

from pipelines.load.eencijferho.croho import voeg_croho_onderdeel_toe
from pipelines.registry import Doorstromerdefinitie, Raad
from pipelines.sleutels import PERSOON
from pipelines.transform.sectoren import sector

ORIGIN = [
    PERSOON, "schooljaar", "brin", "vestiging", "onderwijssoort", "opleidingscode",
    "niveau_hoog",
]


def populatie(
    definitie: Doorstromerdefinitie,
    raad: Raad,
    hoofd: pl.LazyFrame,
    diplomas: pl.LazyFrame,
    soorten: pl.DataFrame,
) -> pl.LazyFrame:
    """Select the definition's population: one row per person and year t, with the origin's brin."""
    regel = definitie.populatie
    if regel.gebeurtenis == "inschrijving":
        bron = hoofd.filter(pl.col("onderwijssoort").is_in(regel.onderwijssoorten))
        if regel.leerjaar:
            bron = bron.filter(pl.col("leerjaar").is_between(*regel.leerjaar))
        bron = bron.select(ORIGIN)
    else:
        # A person with two qualifying diplomas in one year counts once, with the highest one.
        bron = (
            diplomas.filter(pl.col("onderwijssoort").is_in(regel.onderwijssoorten))
            .join(soorten.lazy(), on="onderwijssoort", how="left")
            .sort([PERSOON, "schooljaar", "prioriteit", "rang", "vestiging"],
                  descending=[False, False, True, True, False])
            .unique(subset=[PERSOON, "schooljaar"], keep="first", maintain_order=True)
            .select(ORIGIN)
        )
    if raad.instellingen is not None:
        bron = bron.filter(pl.col("brin").is_in(raad.instellingen))
    return bron


def bestemming_telt(definitie: Doorstromerdefinitie) -> pl.Expr:
    """True for a destination enrolment that makes the person a doorstromer."""
    regel = definitie.bestemming
    hoger = (pl.col("naar_sector") == "vo") & (pl.col("naar_niveau_laag") > pl.col("niveau_hoog"))
    telt = _soort_telt(definitie, hoger.fill_null(False))
    if regel.andere_instelling is True:
        telt = telt & (pl.col("naar_brin") != pl.col("brin"))
    elif regel.andere_instelling is False:
        telt = telt & (pl.col("naar_brin") == pl.col("brin"))
    return telt.fill_null(False)


def bestemming_kan_tellen(definitie: Doorstromerdefinitie) -> pl.Expr:
    """True for a destination that may count, judged on the destination's own columns alone.

    A superset of `bestemming_telt`, applied before the join: most definitions count a few
    onderwijssoorten, so this keeps a small part of the tens of millions of enrolments.
    """
    return _soort_telt(definitie, pl.col("naar_sector") == "vo").fill_null(False)


def _soort_telt(definitie: Doorstromerdefinitie, hoger_vo_niveau: pl.Expr) -> pl.Expr:
    """Match the onderwijssoorten, sectors and (if the definition counts it) a higher vo level."""
    regel = definitie.bestemming
    telt = pl.lit(False)
    if regel.onderwijssoorten:
        telt = telt | pl.col("naar").is_in(regel.onderwijssoorten)
    if regel.onderwijssectoren:
        telt = telt | pl.col("naar_sector").is_in(regel.onderwijssectoren)
    if regel.hoger_vo_niveau:
        telt = telt | hoger_vo_niveau
    return telt


def doorstromers_per_persoon(
    definitie: Doorstromerdefinitie,
    raad: Raad,
    inschrijvingen: pl.LazyFrame,
    hoofd: pl.LazyFrame,
    diplomas: pl.LazyFrame,
    soorten: pl.DataFrame,
    laatste_jaar: int,
    croho: pl.DataFrame | None = None,
) -> pl.LazyFrame:
    """Flag each member of the population as doorstromer or not, and add the sector of origin.

    Years without an observed t + termijn are left out. `croho` (brin, opleidingscode,
    croho_onderdeel) is needed when the council's sectors follow the CROHO onderdeel.
    """
    termijn = definitie.termijn
    basis = populatie(definitie, raad, hoofd, diplomas, soorten).filter(
        pl.col("schooljaar") + termijn <= laatste_jaar
    )
    kandidaten = hoofd if definitie.bestemming.inschrijving == "hoofd" else inschrijvingen
    bestemmingen = kandidaten.join(soorten.lazy(), on="onderwijssoort", how="left").select(
        PERSOON,
        (pl.col("schooljaar") - termijn).alias("schooljaar"),
        pl.col("onderwijssoort").alias("naar"),
        pl.col("onderwijssector").alias("naar_sector"),
        pl.col("niveau_laag").alias("naar_niveau_laag"),
        pl.col("brin").alias("naar_brin"),
    ).filter(bestemming_kan_tellen(definitie))
    if definitie.bestemming.inschrijving == "hoofd":
        # A person has one principal enrolment a year, so one left join finds each member's
        # destination. That took the po schoolwisseling from 3.8 s to 2.6 s nationally.
        uitkomst = basis.join(bestemmingen, on=[PERSOON, "schooljaar"], how="left").select(
            *ORIGIN, bestemming_telt(definitie).alias("doorstromer")
        )
    else:
        treffers = (
            basis.join(bestemmingen, on=[PERSOON, "schooljaar"], how="inner")
            .filter(bestemming_telt(definitie))
            .select(PERSOON, "schooljaar")
            .unique()
            .with_columns(pl.lit(True).alias("doorstromer"))
        )
        uitkomst = basis.join(treffers, on=[PERSOON, "schooljaar"], how="left").with_columns(
            pl.col("doorstromer").fill_null(False)
        )
    if raad.sectoren.op == "croho_onderdeel":
        uitkomst = voeg_croho_onderdeel_toe(uitkomst, croho.lazy())
    return uitkomst.with_columns(sector(raad).alias("sector"))


def tel_doorstromers(per_persoon: pl.LazyFrame, definitie_naam: str) -> pl.DataFrame:
    """Population and doorstromers per vestiging of origin, year and the council's sector."""
    return (
        per_persoon.group_by("schooljaar", "brin", "vestiging", "sector")
        .agg(
            pl.len().cast(pl.Int64).alias("populatie"),
            pl.col("doorstromer").sum().cast(pl.Int64).alias("doorstromers"),
        )
        .with_columns(pl.lit(definitie_naam).alias("definitie"))
        .collect()
    )
