"""Transform: principal enrolments, transitions, doorstromer rates and advice against position."""

import dagster as dg
import polars as pl

from pipelines import database
from pipelines.load.eencijferho.croho import lees_croho
from pipelines.load.eencijferho.hoofdbestand import layout_map
from pipelines.registry import Registry
from pipelines.resources import DoorstroomResource
from pipelines.transform import advies_positie as ap
from pipelines.transform import doorstromers as ds
from pipelines.transform import referentie
from pipelines.transform.hoofdinschrijving import hoofdinschrijvingen_per_jaar
from pipelines.transform.transities import tel_transities


@dg.asset(
    group_name="berekenen",
    kinds={"polars", "duckdb"},
    deps=["inschrijvingen"],
    description=(
        "Eén hoofdinschrijving per persoon en schooljaar, volgens de CBS-regel: "
        "ho > mbo > vo > vavo > (v)so > po, daarna het hoogste niveau."
    ),
)
def hoofdinschrijvingen(doorstroom: DoorstroomResource) -> dg.MaterializeResult:
    registry = doorstroom.registry()
    with doorstroom.database() as con:
        rijen = database.schrijf_delen(
            con,
            "hoofdinschrijvingen",
            hoofdinschrijvingen_per_jaar(database.scan(con, "inschrijvingen"), registry),
        )
    return dg.MaterializeResult(metadata={"rijen": rijen})


@dg.asset(
    group_name="berekenen",
    kinds={"polars", "duckdb"},
    deps=["hoofdinschrijvingen", "diplomas"],
    description=(
        "Overgangen van de hoofdinschrijving in jaar t naar die in t + termijn (of "
        "geen_inschrijving), geteld per vestiging van herkomst, met diploma in t ja/nee."
    ),
)
def transities(doorstroom: DoorstroomResource) -> dg.MaterializeResult:
    termijnen = doorstroom.registry().monitor.doorstroom.termijnen
    with doorstroom.database() as con:
        tellingen = tel_transities(
            database.scan(con, "hoofdinschrijvingen"), database.scan(con, "diplomas"), termijnen
        )
        database.schrijf(con, "transities", tellingen)
    return dg.MaterializeResult(
        metadata={"rijen": tellingen.height, "personen": int(tellingen["aantal"].sum())}
    )


@dg.asset(
    group_name="berekenen",
    kinds={"polars", "duckdb"},
    deps=["inschrijvingen", "hoofdinschrijvingen", "diplomas"],
    description=(
        "Populatie en doorstromers per doorstromerdefinitie van elke raad, per vestiging van "
        "herkomst en schooljaar."
    ),
)
def doorstromers(
    context: dg.AssetExecutionContext, doorstroom: DoorstroomResource
) -> dg.MaterializeResult:
    registry = doorstroom.registry()
    soorten = referentie.onderwijssoorten(registry)
    with doorstroom.database() as con:
        inschrijvingen = database.scan(con, "inschrijvingen")
        hoofd = database.scan(con, "hoofdinschrijvingen")
        diplomas = database.scan(con, "diplomas")
        laatste_jaar = hoofd.select(pl.col("schooljaar").max()).collect().item()
        croho = _croho_als_nodig(doorstroom, registry)

        delen = []
        for raad in registry.raden.values():
            for naam, definitie in raad.doorstromers.items():
                per_persoon = ds.doorstromers_per_persoon(
                    definitie, raad, inschrijvingen, hoofd, diplomas, soorten, laatste_jaar, croho
                )
                telling = ds.tel_doorstromers(per_persoon, naam).with_columns(
                    pl.lit(raad.map).alias("raad")
                )
                context.log.info(
                    f"{raad.naam}, {naam}: populatie {telling['populatie'].sum()}, "
                    f"doorstromers {telling['doorstromers'].sum()}"
                )
                delen.append(telling)
        tellingen = pl.concat(delen)
        database.schrijf(con, "doorstromers", tellingen)
    return dg.MaterializeResult(metadata={"rijen": tellingen.height})


def _croho_als_nodig(doorstroom: DoorstroomResource, registry: Registry) -> pl.DataFrame | None:
    """Croho.asc from the 1cijferHO layout folder, when a council's sectors are CROHO onderdelen."""
    if all(raad.sectoren.op != "croho_onderdeel" for raad in registry.raden.values()):
        return None
    return lees_croho(layout_map(doorstroom.extract_map), registry)


@dg.asset(
    group_name="berekenen",
    kinds={"polars", "duckdb"},
    deps=["schooladviezen", "hoofdinschrijvingen"],
    description=(
        "Schooladvies groep 8 tegenover de positie in vo-leerjaar 3 (onder, op, boven advies), "
        "landelijk, per po-vestiging en per vo-vestiging in leerjaar 1."
    ),
)
def advies_positie(doorstroom: DoorstroomResource) -> dg.MaterializeResult:
    registry = doorstroom.registry()
    with doorstroom.database() as con:
        per_leerling = ap.advies_positie_per_leerling(
            database.scan(con, "schooladviezen"),
            database.scan(con, "hoofdinschrijvingen"),
            registry,
        )
        matrix = ap.tel_advies_positie(per_leerling)
        database.schrijf(con, "advies_positie", matrix)
    landelijk = matrix.filter(pl.col("niveau") == "landelijk")
    return dg.MaterializeResult(
        metadata={
            "rijen": matrix.height,
            "leerlingen": int(landelijk["aantal"].sum()),
            "cohorten": dg.MetadataValue.text(
                ", ".join(str(c) for c in sorted(landelijk["cohort"].unique()))
            ),
        }
    )
