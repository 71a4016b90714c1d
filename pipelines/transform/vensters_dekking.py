"""Coverage of the Vensters VO feed: every vo vestiging with pupils, and why one is empty."""

from __future__ import annotations

import polars as pl

from pipelines.registry import Registry

GEVULD, ALLES_ONDERDRUKT, LEEG = "gevuld", "alles_onderdrukt", "leeg"
REDENEN = {
    "alleen_laatste_schooljaar": (
        "leerlingen alleen in het laatste schooljaar van het extract, zodat het jaar erna ontbreekt"
    ),
    "buiten_indicatoren": (
        "alleen onderwijssoorten die in geen indicator vallen (bijvoorbeeld alleen "
        "praktijkonderwijs) en geen vo-diploma's"
    ),
    "geen_populatie": (
        "wel leerlingen, maar in geen schooljaar met een volgend jaar in het extract in de "
        "populatie van een indicator"
    ),
}


def dekking(
    hoofd: pl.LazyFrame,
    vo: pl.LazyFrame,
    diplomas: pl.DataFrame,
    vestigingen: pl.DataFrame,
    feed: pl.DataFrame,
    registry: Registry,
) -> pl.DataFrame:
    """Summarise the feed per vestiging with regular vo pupils or with feed rows.

    Columns: brin, vestiging, in_vestigingenlijst, rijen (feed rows), gepubliceerd (rows with a
    published `waarde`), status (gevuld, alles_onderdrukt or leeg) and, when leeg, reden (a key
    of REDENEN).
    """
    vensters = registry.vensters_vo
    laatste_jaar = hoofd.select(pl.col("schooljaar").max()).collect().item()
    indicator_soorten = set(vensters.onderbouwsnelheid.onderwijssoorten) | {
        code for afdeling in vensters.afdelingen.values() for code in afdeling.onderwijssoorten
    }
    vo = vo.collect()
    met_leerlingen = vo.group_by("brin", "vestiging").agg(
        (pl.col("schooljaar") < laatste_jaar).any().alias("voor_laatste_jaar"),
        pl.col("onderwijssoort").is_in(list(indicator_soorten)).any().alias("in_indicator"),
    )
    met_diploma = (
        diplomas.filter(pl.col("onderwijssoort").is_in(list(indicator_soorten)))
        .select("vestiging").unique().with_columns(pl.lit(True).alias("diploma"))
    )
    in_feed = feed.group_by("brin", "vestiging").agg(
        pl.len().alias("rijen"), pl.col("waarde").is_not_null().sum().alias("gepubliceerd")
    )
    lijst = vestigingen.select("vestiging").unique().with_columns(
        pl.lit(True).alias("in_vestigingenlijst")
    )

    reden = (
        pl.when(pl.col("rijen") > 0).then(pl.lit(None, dtype=pl.String))
        .when(~pl.col("voor_laatste_jaar")).then(pl.lit("alleen_laatste_schooljaar"))
        .when(~pl.col("in_indicator") & ~pl.col("diploma")).then(pl.lit("buiten_indicatoren"))
        .otherwise(pl.lit("geen_populatie"))
    )
    status = (
        pl.when(pl.col("gepubliceerd") > 0).then(pl.lit(GEVULD))
        .when(pl.col("rijen") > 0).then(pl.lit(ALLES_ONDERDRUKT))
        .otherwise(pl.lit(LEEG))
    )
    return (
        met_leerlingen.join(in_feed, on=["brin", "vestiging"], how="full", coalesce=True)
        .join(met_diploma, on="vestiging", how="left")
        .join(lijst, on="vestiging", how="left")
        .with_columns(
            pl.col("rijen", "gepubliceerd").fill_null(0),
            pl.col("voor_laatste_jaar", "in_indicator", "diploma", "in_vestigingenlijst")
            .fill_null(False),
        )
        .with_columns(status.alias("status"), reden.alias("reden"))
        .select("brin", "vestiging", "in_vestigingenlijst", "rijen", "gepubliceerd", "status", "reden")
        .sort("vestiging")
    )
