"""Publish: VO-raad's feed for Vensters VO, the Inspectie and Vensters indicators per vo vestiging."""

from pathlib import Path

import dagster as dg
import polars as pl

from pipelines import database
from pipelines.export import vensters as feed_export
from pipelines.export.vensters_leesmij import leesmij
from pipelines.registry import Registry
from pipelines.resources import DoorstroomResource
from pipelines.transform import vensters, vensters_advies, vensters_vervolg, vensters_voortgang
from pipelines.transform.vensters_dekking import ALLES_ONDERDRUKT, GEVULD, LEEG, REDENEN, dekking

MAP = Path("vo-raad") / "vensters_vo"
# Vestigingen named one by one in a warning; any further ones are only counted.
MELDINGEN = 20


@dg.asset(
    group_name="publiceren",
    kinds={"polars", "parquet", "csv"},
    deps=["hoofdinschrijvingen", "diplomas", "schooladviezen", "vestigingen"],
    description=(
        "De map vo-raad/vensters_vo/ in de uitvoermap: schooladvies en plaatsing, onderbouwsnelheid, "
        "bovenbouwsucces en doorstroom naar vervolgonderwijs per vo-vestiging en schooljaar, met "
        "driejaarsgemiddelde, als CSV (;) en Parquet met LEESMIJ.md, kleine aantallen onderdrukt."
    ),
)
def vensters_vo(
    context: dg.AssetExecutionContext, doorstroom: DoorstroomResource
) -> dg.MaterializeResult:
    registry = doorstroom.registry()
    with doorstroom.database() as con:
        # Left lazy: each indicator reads only the rows and columns it uses from the Parquet
        # files. Collecting all 38 million national rows once took more memory than the rest
        # of the job.
        hoofd = database.scan(con, "hoofdinschrijvingen")
        # Every indicator starts from the regular vo enrolments, about a quarter of the national
        # rows, so they are selected once here instead of once per indicator.
        vo = vensters.vo_inschrijvingen(hoofd, registry).collect().lazy()
        diplomas = database.scan(con, "diplomas").collect()
        schooladviezen = database.scan(con, "schooladviezen").collect()
        vestigingen = database.lees(con, "vestigingen")

    rijen = _indicatorrijen(context, registry, hoofd, vo, diplomas, schooladviezen)
    feed = feed_export.publiceerbaar(rijen, doorstroom.min_cel)

    map_uit = doorstroom.uitvoer_map / MAP
    uitvoer = feed_export.schrijf(
        feed, map_uit, leesmij(registry, doorstroom.min_cel, registry.hash())
    )
    context.log.info(f"Vensters VO: {feed.height} rijen geschreven naar {map_uit}")

    overzicht = dekking(hoofd, vo, diplomas, vestigingen, feed, registry)
    metadata = _meld_dekking(context, overzicht)
    return dg.MaterializeResult(
        metadata={
            "map": dg.MetadataValue.path(str(map_uit)),
            "rijen": feed.height,
            "onderdrukt": int(feed["onderdrukt"].sum()),
            **{f"sha256_{u['bestand']}": u["sha256"] for u in uitvoer},
            **metadata,
        }
    )


def _indicatorrijen(
    context: dg.AssetExecutionContext,
    registry: Registry,
    hoofd: pl.LazyFrame,
    vo: pl.LazyFrame,
    diplomas: pl.DataFrame,
    schooladviezen: pl.DataFrame,
) -> pl.DataFrame:
    """Compute every indicator's rows with the three-year average, before suppression."""
    advies = vensters_advies.advies_per_leerling(
        schooladviezen.lazy(), hoofd, vo, registry
    ).collect()
    buiten_extract = advies.filter(
        pl.col("uitkomst") == vensters_advies.ADVIES_BUITEN_EXTRACT
    ).height
    if buiten_extract:
        context.log.info(
            f"Vensters VO, schooladvies en plaatsing: {buiten_extract} leerlingen zonder advies "
            "in het extract, omdat hun groep 8 voor het eerste adviesjaar van het extract ligt, "
            "tellen niet mee."
        )

    delen = {
        "schooladvies en plaatsing": vensters_advies.tel_advies(advies.lazy()),
        "onderbouwsnelheid": vensters_voortgang.tel_onderbouwsnelheid(
            vensters_voortgang.onderbouw_per_leerling(hoofd, vo, registry)
        ),
        "bovenbouwsucces": vensters_voortgang.tel_bovenbouwsucces(
            vensters_voortgang.bovenbouw_per_leerling(hoofd, vo, diplomas.lazy(), registry)
        ),
        "doorstroom naar vervolgonderwijs": vensters_vervolg.tel_vervolg(
            vensters_vervolg.vervolg_per_leerling(hoofd, vo, diplomas.lazy(), registry),
            registry,
        ),
    }
    for naam, rijen in delen.items():
        jaren = sorted(rijen["schooljaar"].unique().to_list())
        context.log.info(
            f"Vensters VO, {naam}: {rijen.height} rijen, {rijen['vestiging'].n_unique()} "
            f"vestigingen, schooljaren {', '.join(map(str, jaren)) or 'geen'}"
        )
    return vensters.driejaarsgemiddelde(
        pl.concat(list(delen.values())), registry.vensters_vo.driejaarsgemiddelde
    )


def _meld_dekking(context: dg.AssetExecutionContext, overzicht: pl.DataFrame) -> dict:
    """Log which vo vestigingen the feed covers and why any are empty; return the metadata."""
    in_lijst = overzicht.filter(pl.col("in_vestigingenlijst"))
    per_status = dict(in_lijst.group_by("status").len().rows())
    leeg = in_lijst.filter(pl.col("status") == LEEG)
    per_reden = dict(leeg.group_by("reden").len().rows())
    context.log.info(
        f"Vensters VO: {in_lijst.height} vo-vestigingen uit de vestigingenlijst met leerlingen; "
        f"{per_status.get(GEVULD, 0)} met gepubliceerde waarden, "
        f"{per_status.get(ALLES_ONDERDRUKT, 0)} met alleen onderdrukte waarden, "
        f"{leeg.height} zonder rijen"
    )
    for vestiging, reden in leeg.select("vestiging", "reden").head(MELDINGEN).iter_rows():
        context.log.warning(f"Vensters VO: vestiging {vestiging} heeft geen rijen: {REDENEN[reden]}")
    if leeg.height > MELDINGEN:
        context.log.warning(
            f"Vensters VO: nog {leeg.height - MELDINGEN} vestigingen zonder rijen; zie de "
            "metadata van de asset voor de aantallen per reden."
        )

    buiten_lijst = overzicht.filter(~pl.col("in_vestigingenlijst"))["vestiging"].to_list()
    if buiten_lijst:
        genoemd = ", ".join(buiten_lijst[:MELDINGEN])
        if len(buiten_lijst) > MELDINGEN:
            genoemd += f" en {len(buiten_lijst) - MELDINGEN} andere"
        context.log.warning(
            f"Vensters VO: {len(buiten_lijst)} vestigingen met vo-leerlingen of rijen in de feed "
            f"staan niet in de vestigingenlijst: {genoemd}. Hun rijen staan wel in de feed. Vul "
            "de vestigingenlijst van het extract aan."
        )
    return {
        "vo_vestigingen": in_lijst.height,
        "vestigingen_gevuld": per_status.get(GEVULD, 0),
        "vestigingen_alles_onderdrukt": per_status.get(ALLES_ONDERDRUKT, 0),
        "vestigingen_leeg": leeg.height,
        "vestigingen_leeg_per_reden": dg.MetadataValue.json(per_reden),
        "vestigingen_niet_in_vestigingenlijst": len(buiten_lijst),
    }
