"""Vensters VO, schooladvies en plaatsing: position in leerjaar 3 against the groep-8 advice.

Unlike advies_positie (one row per groep-8 cohort), this indicator counts per school year: the
pupils who are in leerjaar 3 for the first time that year. The advice choice and the onder, op
or boven judgement come from advies_positie, so both outputs judge a pupil the same way.
"""

from __future__ import annotations

import polars as pl

from pipelines.registry import Registry
from pipelines.sleutels import PERSOON
from pipelines.transform import advies_positie as ap
from pipelines.transform import referentie
from pipelines.transform.vensters import GROEP, categorieen, leeg

ONDER, OP, BOVEN = "onder", "op", "boven"
GEEN_ADVIES, VSO_ADVIES, VO_VERLATEN = "geen_advies", "vso_advies", "vo_verlaten"
# No advice row, and the pupil's groep-8 year lies before the first advice year of the extract:
# the advice is missing from the extract, not from the pupil. Left out of the feed.
ADVIES_BUITEN_EXTRACT = "advies_buiten_extract"

# Feed indicator codes: the shares among the judged pupils, and the excluded pupils among all.
OORDEEL_INDICATOREN = {ONDER: "advies_onder", OP: "advies_op", BOVEN: "advies_boven"}
UITSLUITING_INDICATOREN = {
    GEEN_ADVIES: "advies_zonder_advies",
    VSO_ADVIES: "advies_vso_advies",
    VO_VERLATEN: "advies_vo_verlaten",
}


def herkomst(vo: pl.LazyFrame, herkomst_leerjaren: list[int]) -> pl.LazyFrame:
    """Select pupils whose principal enrolments in the herkomst leerjaren were all at one vestiging.

    Every herkomst leerjaar must occur, so a pupil whose leerjaar 1 lies before the extract, or
    who changed vestiging between leerjaar 1 and 2, counts for no vestiging.
    """
    return (
        vo.filter(pl.col("leerjaar").is_in(herkomst_leerjaren))
        .group_by(PERSOON)
        .agg(
            pl.col("vestiging").n_unique().alias("vestigingen"),
            pl.col("leerjaar").n_unique().alias("leerjaren"),
            pl.col("vestiging").first(),
            pl.col("brin").first(),
            pl.col("schooljaar").min().alias("eerste_herkomstjaar"),
            pl.col("schooljaar").max().alias("laatste_herkomstjaar"),
        )
        .filter((pl.col("vestigingen") == 1) & (pl.col("leerjaren") == len(set(herkomst_leerjaren))))
        .select(PERSOON, "brin", "vestiging", "eerste_herkomstjaar", "laatste_herkomstjaar")
    )


def eerste_keer_in_leerjaar(vo: pl.LazyFrame, leerjaar: int) -> pl.LazyFrame:
    """Find per pupil the first school year in `leerjaar` or higher, if that year is `leerjaar`.

    A pupil who was in a higher leerjaar before is not in `leerjaar` for the first time.
    """
    hoger = vo.filter(pl.col("leerjaar") >= leerjaar)
    # One principal enrolment per pupil and year, so the first year picks one row. Grouping is
    # cheaper than sorting ten million rows by person.
    eerste_jaar = hoger.group_by(PERSOON).agg(pl.col("schooljaar").min())
    return (
        hoger.filter(pl.col("leerjaar") == leerjaar)
        .join(eerste_jaar, on=[PERSOON, "schooljaar"], how="semi")
        .select(
            PERSOON,
            "schooljaar",
            pl.col("onderwijssoort").alias("positie"),
            pl.col("niveau_laag").alias("positie_laag"),
            pl.col("niveau_hoog").alias("positie_hoog"),
        )
    )


def _beoordeel(
    geplaatst: pl.LazyFrame, schooladviezen: pl.LazyFrame, registry: Registry, eerste_adviesjaar: int
) -> pl.LazyFrame:
    """Judge each placed pupil's position against the advice, or give the reason it is not judged."""
    instelling = registry.vensters_vo.schooladvies_plaatsing
    gekozen = ap.kies_advies(schooladviezen, instelling.advies_soort).select(PERSOON, "advies")
    oordeel = ap.oordeel(
        pl.col("advies_laag"), pl.col("advies_hoog"), pl.col("positie_laag"), pl.col("positie_hoog")
    )
    groep_8 = pl.col("eerste_herkomstjaar") - min(instelling.herkomst_leerjaren)
    uitkomst = (
        pl.when(pl.col("advies").is_null() & (groep_8 < eerste_adviesjaar))
        .then(pl.lit(ADVIES_BUITEN_EXTRACT))
        .when(pl.col("advies").is_in(instelling.vso_adviezen))
        .then(pl.lit(VSO_ADVIES))
        .when(pl.col("oordeel").is_null())
        .then(pl.lit(GEEN_ADVIES))
        .otherwise(pl.col("oordeel"))
    )
    return (
        geplaatst.join(gekozen, on=PERSOON, how="left")
        .join(referentie.adviezen(registry).lazy(), on="advies", how="left")
        .with_columns(oordeel.alias("oordeel"))
        .with_columns(uitkomst.alias("uitkomst"))
        .select(*GROEP, PERSOON, "uitkomst")
    )


def _verlaten(
    leerlingen: pl.LazyFrame, in_leerjaar: pl.LazyFrame, vo: pl.LazyFrame, laatste_jaar: int
) -> pl.LazyFrame:
    """Select pupils never in the position leerjaar and not in regular vo after their herkomst.

    They count in the school year after their last herkomst year, if that year is observed.
    """
    volgend_jaar_in_vo = vo.select(
        PERSOON, (pl.col("schooljaar") - 1).alias("laatste_herkomstjaar")
    ).unique()
    return (
        leerlingen.join(in_leerjaar.select(PERSOON), on=PERSOON, how="anti")
        .join(volgend_jaar_in_vo, on=[PERSOON, "laatste_herkomstjaar"], how="anti")
        .select(
            (pl.col("laatste_herkomstjaar") + 1).alias("schooljaar"),
            "brin",
            "vestiging",
            PERSOON,
            pl.lit(VO_VERLATEN).alias("uitkomst"),
        )
        .filter(pl.col("schooljaar") <= laatste_jaar)
    )


def advies_per_leerling(
    schooladviezen: pl.LazyFrame, hoofd: pl.LazyFrame, vo: pl.LazyFrame, registry: Registry
) -> pl.LazyFrame:
    """Return one row per pupil in the population of a school year: vestiging and `uitkomst`.

    `uitkomst` is onder, op or boven for a judged pupil. Otherwise it is the reason the pupil is
    not judged: geen_advies, vso_advies, vo_verlaten (no regular vo enrolment in the year after
    the last herkomst year, and never in leerjaar 3 later) or advies_buiten_extract.
    """
    instelling = registry.vensters_vo.schooladvies_plaatsing
    leeg_resultaat = pl.LazyFrame(schema={
        "schooljaar": pl.Int64, "brin": pl.String, "vestiging": pl.String,
        PERSOON: pl.UInt64, "uitkomst": pl.String,
    })
    jaren = hoofd.select(
        pl.col("schooljaar").min().alias("eerste"), pl.col("schooljaar").max().alias("laatste")
    ).collect()
    eerste_jaar, laatste_jaar = jaren["eerste"][0], jaren["laatste"][0]
    eerste_adviesjaar = schooladviezen.select(pl.col("schooljaar").min()).collect().item()
    if eerste_jaar is None or eerste_adviesjaar is None:
        return leeg_resultaat

    # The first school year whose regular pupils have leerjaar 1 and their groep-8 advice inside
    # the extract. Earlier years would count only pupils who repeated, or count every pupil as
    # having no advice.
    eerste_bruikbaar = max(
        eerste_jaar + instelling.leerjaar - min(instelling.herkomst_leerjaren),
        eerste_adviesjaar + instelling.leerjaar,
    )

    leerlingen = herkomst(vo, instelling.herkomst_leerjaren)
    in_leerjaar = eerste_keer_in_leerjaar(vo, instelling.leerjaar)
    geplaatst = leerlingen.join(in_leerjaar, on=PERSOON, how="inner").filter(
        pl.col("schooljaar") > pl.col("laatste_herkomstjaar")
    )
    delen = [
        _beoordeel(geplaatst, schooladviezen, registry, eerste_adviesjaar),
        _verlaten(leerlingen, in_leerjaar, vo, laatste_jaar),
    ]
    return pl.concat(delen).filter(pl.col("schooljaar") >= eerste_bruikbaar)


def tel_advies(per_leerling: pl.LazyFrame) -> pl.DataFrame:
    """Count onder, op and boven among the judged pupils, and each exclusion among all pupils.

    Pupils whose advice lies before the extract are in neither count.
    """
    populatie = per_leerling.filter(pl.col("uitkomst") != ADVIES_BUITEN_EXTRACT)
    beoordeeld = populatie.filter(pl.col("uitkomst").is_in(list(OORDEEL_INDICATOREN)))
    delen = [
        categorieen(beoordeeld, "uitkomst", OORDEEL_INDICATOREN, GROEP),
        categorieen(populatie, "uitkomst", UITSLUITING_INDICATOREN, GROEP),
    ]
    return pl.concat([leeg(), *delen])
