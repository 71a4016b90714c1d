"""Row accounting: rows read, used and quarantined per table, checked to add up."""

import dagster as dg

from pipelines import database
from pipelines.resources import DoorstroomResource
from pipelines.validate.contract import TABELLEN


@dg.asset(
    group_name="valideren",
    kinds={"duckdb"},
    deps=list(TABELLEN),
    description=(
        "Per tabel het aantal rijen gelezen, gebruikt en in quarantaine. Schrijft ook "
        "quarantaine.csv in de uitvoermap, met bestand, regel, kolom, waarde en reden."
    ),
)
def rijtelling(
    context: dg.AssetExecutionContext, doorstroom: DoorstroomResource
) -> dg.MaterializeResult:
    with doorstroom.database() as con:
        telling = con.sql(database.sql("rijtelling")).pl()
        database.schrijf(con, "rijtelling", telling)
        quarantaine = database.lees(con, "quarantaine").sort("tabel", "bestand", "regel")
    # The quarantine list is for the data steward; it stays outside the council folders.
    quarantaine.write_csv(doorstroom.uitvoer_map / "quarantaine.csv", separator=";")

    for rij in telling.iter_rows(named=True):
        context.log.info(
            f"{rij['tabel']}: {rij['rijen_gelezen']} gelezen = {rij['rijen_gebruikt']} gebruikt + "
            f"{rij['rijen_in_quarantaine']} in quarantaine"
        )
    return dg.MaterializeResult(
        metadata={
            rij["tabel"]: dg.MetadataValue.json(
                {k: rij[k] for k in ("rijen_gelezen", "rijen_gebruikt", "rijen_in_quarantaine")}
            )
            for rij in telling.iter_rows(named=True)
        }
    )


@dg.asset_check(asset=rijtelling, blocking=True, description="Gelezen = gebruikt + quarantaine.")
def rijtelling_klopt(doorstroom: DoorstroomResource) -> dg.AssetCheckResult:
    with doorstroom.database() as con:
        telling = database.lees(con, "rijtelling")
    fout = telling.filter(~telling["klopt"])
    return dg.AssetCheckResult(
        passed=fout.height == 0,
        metadata={"tabellen_die_niet_kloppen": ", ".join(fout["tabel"]) or "geen"},
    )
