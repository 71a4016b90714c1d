"""Measure a generated extract against the DUO and Inspectie figures it is calibrated on.

Run as `python -m pipelines.genereer.kalibratie EXTRACT --schaal 0.1` to print the deviations
that docs/kalibratie.md reports.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import polars as pl

from pipelines.genereer.advies import OORDELEN, drie_doelen, inspectie_categorie, oordeel
from pipelines.genereer.bronnen import ANKERJAAR, HBO, INSPECTIE, LEERLINGEN_VO, schaal_aantallen
from pipelines.load.duo_hbo import lees_ingeschrevenen_hbo
from pipelines.load.duo_inspectie import gewogen_gemiddelde, lees_toezichtkaarten
from pipelines.load.duo_leerlingen_vo import lees_leerlingen_vo, met_onderwijssoort
from pipelines.registry import Registry, laad_registry
from pipelines.resources import PROJECT_MAP
from pipelines.sleutels import persoon_sleutel
from pipelines.transform.advies_positie import advies_positie_per_leerling
from pipelines.transform.hoofdinschrijving import hoofdinschrijvingen

SLEUTEL_VO = ["vestiging", "onderwijssoort", "leerjaar"]


def lees_extract(extract: Path, tabel: str) -> pl.DataFrame:
    bestanden = sorted(extract.glob(f"{tabel}*.parquet"))
    return pl.concat([pl.read_parquet(b) for b in bestanden], how="diagonal_relaxed")


def duo_vo_geschaald(duo: Path, registry: Registry, schaal: float,
                     provincies: list[str] | None = None) -> pl.DataFrame:
    """DUO's 2019 vo pupils per vestiging, onderwijssoort and leerjaar (summed over sex and
    elementcode), scaled the way the generator scales: cumulative rounding in file order."""
    pad = duo / LEERLINGEN_VO
    vo = met_onderwijssoort(pad, lees_leerlingen_vo(pad), registry.duo_onderwijstypen)
    if provincies:
        vo = vo.filter(pl.col("provincie").is_in(provincies))
    vo = vo.with_columns(pl.Series("aantal", schaal_aantallen(vo["aantal"].to_numpy(), schaal)))
    return vo.group_by(SLEUTEL_VO).agg(pl.col("aantal").sum().alias("duo")).filter(pl.col("duo") > 0)


def vergelijk_vo(inschrijvingen: pl.DataFrame, duo: pl.DataFrame) -> pl.DataFrame:
    """Per vestiging x onderwijssoort x leerjaar: DUO's count against the extract's, in 2019."""
    extract = (
        inschrijvingen.filter(pl.col("schooljaar") == ANKERJAAR)
        .filter(pl.col("vestiging").is_in(duo["vestiging"].unique().implode()))
        .group_by(SLEUTEL_VO).agg(pl.len().cast(pl.Int64).alias("extract"))
        .with_columns(pl.col("leerjaar").cast(pl.Int8))
    )
    return (
        duo.with_columns(pl.col("leerjaar").cast(pl.Int8))
        .join(extract, on=SLEUTEL_VO, how="full", coalesce=True)
        .with_columns(pl.col("duo").fill_null(0), pl.col("extract").fill_null(0))
        .with_columns((pl.col("extract") - pl.col("duo")).alias("verschil"))
        .sort(SLEUTEL_VO)
    )


def inspectie_doelen(duo: Path, registry: Registry) -> pl.DataFrame:
    """Inspectie 2012 shares per advice group and position column, weighted by 2019 pupils."""
    pad = duo / LEERLINGEN_VO
    gewichten = lees_leerlingen_vo(pad).group_by("vestiging").agg(pl.col("aantal").sum().alias("gewicht"))
    return gewogen_gemiddelde(lees_toezichtkaarten(duo / INSPECTIE), gewichten)


def advies_aandelen(schooladviezen: pl.DataFrame, inschrijvingen: pl.DataFrame,
                    registry: Registry) -> pl.DataFrame:
    """Share of pupils per Inspectie advice group and position column, as the main job finds them.

    Uses the job's own transforms (principal enrolment, advice against leerjaar 3), so the
    cohorts are the job's complete cohorts. A combined advice counts in the group of its lowest
    level; pupils not found in leerjaar 3 are left out, as in the Inspectie's percentages.
    """
    # The transforms join on the person key that the job's validation adds.
    hoofd = hoofdinschrijvingen(inschrijvingen.lazy().with_columns(persoon_sleutel()), registry)
    per_leerling = advies_positie_per_leerling(
        schooladviezen.lazy().with_columns(persoon_sleutel()), hoofd, registry
    ).collect()
    groepen = registry.duo_onderwijstypen.inspectie_adviesgroepen
    niveau_groep = {g.niveau: naam for naam, g in groepen.items()}
    advies_laag = {a.label: a.niveau[0] for a in registry.adviezen.values() if a.niveau}
    niveau = registry.niveau_tabel()
    frame = per_leerling.filter(pl.col("positie").is_in(list(niveau))).with_columns(
        pl.col("advies").replace_strict(advies_laag, default=None).alias("groep_niveau"),
    ).filter(pl.col("groep_niveau").is_in(list(niveau_groep)))
    laag = np.array([niveau[p][0] for p in frame["positie"]])
    hoog = np.array([niveau[p][1] for p in frame["positie"]])
    groep_niveau = frame["groep_niveau"].to_numpy()
    frame = frame.with_columns(
        pl.col("groep_niveau").replace_strict(niveau_groep).alias("adviesgroep"),
        pl.Series("categorie", inspectie_categorie(groep_niveau, laag, hoog)),
        pl.Series("oordeel", np.array(OORDELEN)[oordeel(groep_niveau, laag, hoog)]),
    )
    totaal = frame.group_by("adviesgroep").agg(pl.len().alias("leerlingen"))
    return (
        frame.group_by("adviesgroep", "categorie", "oordeel").agg(pl.len().alias("aantal"))
        .join(totaal, on="adviesgroep")
        .with_columns((100 * pl.col("aantal") / pl.col("leerlingen")).alias("percentage"))
        .sort("adviesgroep", "categorie")
    )


def vergelijk_advies(aandelen: pl.DataFrame, doelen: pl.DataFrame) -> pl.DataFrame:
    """Deviation in percentage points per advice group and onder / op / boven."""
    drie = drie_doelen(doelen)
    doel = pl.DataFrame(
        [(g, o, 100 * a) for g, per in drie.items() for o, a in per.items()],
        schema=["adviesgroep", "oordeel", "inspectie"], orient="row",
    )
    extract = aandelen.group_by("adviesgroep", "oordeel").agg(
        pl.col("percentage").sum().alias("extract"), pl.col("leerlingen").first()
    )
    return (
        doel.join(extract, on=["adviesgroep", "oordeel"], how="left")
        .with_columns(pl.col("extract").fill_null(0.0))
        .with_columns((pl.col("extract") - pl.col("inspectie")).alias("verschil_pp"))
        .sort("adviesgroep", "oordeel")
    )


def hbo_grenzen(duo: Path, provincies: list[str] | None = None) -> pl.DataFrame:
    """DUO's hbo count per year, brin and CROHO code at scale 1, as a range where `<5` hides
    part of it: minimum counts each suppressed cell as 1, maximum as 4."""
    ruw = lees_ingeschrevenen_hbo(duo / HBO)
    if provincies:
        ruw = ruw.filter(pl.col("provincie").is_in(provincies))
    return ruw.group_by("jaar", "brin", "opleidingscode").agg(
        (pl.col("aantal").fill_null(0).sum() + pl.col("onderdrukt").sum()).alias("minimum"),
        (pl.col("aantal").fill_null(0).sum() + 4 * pl.col("onderdrukt").sum()).alias("maximum"),
        pl.col("onderdrukt").any().alias("onderdrukt"),
        pl.len().alias("objecten"),
    )


def vergelijk_hbo(inschrijvingen: pl.DataFrame, grenzen: pl.DataFrame, schaal: float) -> pl.DataFrame:
    """Per year, brin and CROHO code: the extract's hbo count against DUO's (scaled) range.

    Below scale 1 the generator rounds every JSON object, so a cell may be off by up to one
    per object in it. The range is widened by that much.
    """
    marge = pl.col("objecten") if schaal < 1 else pl.lit(0)
    hbo = inschrijvingen.filter(pl.col("onderwijssoort").str.starts_with("hbo"))
    extract = hbo.group_by(pl.col("schooljaar").alias("jaar"), "brin", "opleidingscode").agg(
        pl.len().cast(pl.Int64).alias("extract"))
    return (
        grenzen.with_columns(pl.col("jaar").cast(pl.Int16))
        .join(extract.with_columns(pl.col("jaar").cast(pl.Int16)),
              on=["jaar", "brin", "opleidingscode"], how="left")
        .with_columns(pl.col("extract").fill_null(0))
        .with_columns(
            (pl.col("minimum") * schaal - marge).alias("minimum"),
            (pl.col("maximum") * schaal + marge).alias("maximum"),
        )
        .with_columns(
            pl.when(pl.col("extract") < pl.col("minimum")).then(pl.col("extract") - pl.col("minimum"))
            .when(pl.col("extract") > pl.col("maximum")).then(pl.col("extract") - pl.col("maximum"))
            .otherwise(0.0).alias("buiten_bereik")
        )
        .sort("jaar", "brin", "opleidingscode")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines.genereer.kalibratie",
                                     description="Meet een gegenereerd extract tegen DUO en Inspectie.")
    parser.add_argument("extract", type=Path)
    parser.add_argument("--schaal", type=float, default=1.0)
    parser.add_argument("--provincie", action="append", dest="provincies")
    parser.add_argument("--duo", type=Path, default=PROJECT_MAP.parent / "shared" / "duo")
    args = parser.parse_args(argv)
    registry = laad_registry(PROJECT_MAP / "definitions")
    inschrijvingen = lees_extract(args.extract, "inschrijvingen")
    pl.Config.set_tbl_rows(100)

    vo = vergelijk_vo(inschrijvingen, duo_vo_geschaald(args.duo, registry, args.schaal, args.provincies))
    print(f"vo {ANKERJAAR}: {vo.height} cellen, {vo.filter(pl.col('verschil') != 0).height} wijken af; "
          f"DUO {vo['duo'].sum()}, extract {vo['extract'].sum()}, "
          f"grootste afwijking {vo['verschil'].abs().max()}")

    aandelen = advies_aandelen(lees_extract(args.extract, "schooladviezen"), inschrijvingen, registry)
    advies = vergelijk_advies(aandelen, inspectie_doelen(args.duo, registry))
    print(advies)
    vijf = aandelen.join(inspectie_doelen(args.duo, registry).select(
        "adviesgroep", "categorie", pl.col("percentage").alias("inspectie")),
        on=["adviesgroep", "categorie"], how="full", coalesce=True).sort("adviesgroep", "categorie")
    print(vijf.select("adviesgroep", "categorie", "percentage", "inspectie"))

    hbo = vergelijk_hbo(inschrijvingen, hbo_grenzen(args.duo, args.provincies), args.schaal)
    per_jaar = hbo.group_by("jaar").agg(
        pl.len().alias("cellen"),
        (pl.col("buiten_bereik") != 0).sum().alias("buiten_bereik"),
        (pl.col("buiten_bereik").abs() / pl.col("maximum").clip(lower_bound=1)).max().alias("max_relatief"),
        pl.col("extract").sum(), pl.col("minimum").sum(), pl.col("maximum").sum(),
    ).sort("jaar")
    print(per_jaar)
    return 0


if __name__ == "__main__":
    sys.exit(main())
