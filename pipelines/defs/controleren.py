"""Checks on the validated tables: the row accounting adds up, and no two persons share a key."""

import dagster as dg

from pipelines import database
from pipelines.resources import DoorstroomResource
from pipelines.sleutels import PERSOON, botsingen, sleutel_verouderd
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


@dg.asset_check(
    asset="inschrijvingen",
    additional_deps=["diplomas", "schooladviezen"],
    blocking=True,
    description=(
        "Geen twee verschillende persoon_id's met dezelfde persoon_sleutel, de sleutel waarop "
        "de berekeningen koppelen, en elke sleutel berekend met de Polars-versie van nu."
    ),
)
def persoon_sleutel_uniek(
    context: dg.AssetCheckExecutionContext, doorstroom: DoorstroomResource
) -> dg.AssetCheckResult:
    with doorstroom.database() as con:
        tabellen = {naam: database.scan(con, naam)
                    for naam in ("inschrijvingen", "diplomas", "schooladviezen")}
        verouderd = [naam for naam, tabel in tabellen.items() if sleutel_verouderd(tabel)]
        gedeeld = botsingen(list(tabellen.values()))
    if verouderd:
        context.log.error(
            f"De persoon_sleutel van {', '.join(verouderd)} is met een andere Polars-versie "
            "berekend dan nu geïnstalleerd is, dus personen zouden niet gekoppeld worden. Draai "
            "de hele job opnieuw (dg launch --job doorstroommonitor)."
        )
    # The ids stay out of the log; the query in the message finds them.
    for sleutel in gedeeld.get_column(PERSOON).head(5):
        context.log.error(
            f"persoon_sleutel {sleutel} hoort bij twee verschillende persoon_id's; de "
            "berekeningen zouden hen als één persoon tellen, dus de run stopt. Zoek ze op in "
            "het DuckDB-bestand met SELECT DISTINCT persoon_id FROM inschrijvingen WHERE "
            f"persoon_sleutel = {sleutel} (en zo ook in diplomas en schooladviezen), en meld "
            "het aan de beheerder van de doorstroommonitor."
        )
    return dg.AssetCheckResult(
        passed=gedeeld.height == 0 and not verouderd,
        metadata={"gedeelde_sleutels": gedeeld.height,
                  "verouderde_sleutels": ", ".join(verouderd) or "geen"},
    )
