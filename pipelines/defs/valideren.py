"""Validate: each raw table against its contract; rows that pass are typed, the rest quarantined."""

import dagster as dg
import polars as pl

from pipelines import database
from pipelines.resources import DoorstroomResource
from pipelines.validate.contract import TABELLEN, bouw_schema
from pipelines.validate.quarantaine import QUARANTAINE_SCHEMA, Validatie


def _valideer_asset(tabel: str) -> dg.AssetsDefinition:
    @dg.asset(
        name=tabel,
        group_name="valideren",
        kinds={"duckdb", "pandera"},
        deps=[f"ruw_{tabel}"],
        description=(
            f"Tabel '{tabel}' met de rijen die aan het contract (contracts/{tabel}.yaml) voldoen, "
            "in de types van het contract. Afgekeurde rijen staan met reden in 'quarantaine'."
        ),
    )
    def valideer_tabel(
        context: dg.AssetExecutionContext, doorstroom: DoorstroomResource
    ) -> dg.MaterializeResult:
        with doorstroom.database() as con:
            ruw = database.scan(con, f"ruw_{tabel}")
            schema = bouw_schema(tabel, doorstroom.registry(), ruw.collect_schema())
            uitkomst = Validatie(ruw, schema)
            database.schrijf_delen(con, tabel, uitkomst.geldige_delen())

            quarantaine = uitkomst.quarantaine
            database.vervang_rijen(con, "quarantaine", tabel, quarantaine, QUARANTAINE_SCHEMA)
            database.vervang_rijen(
                con,
                "gebruikte_rijen",
                tabel,
                pl.DataFrame({"tabel": [tabel], "rijen_gebruikt": [uitkomst.rijen_gebruikt]}),
                {"tabel": pl.String, "rijen_gebruikt": pl.Int64},
            )

        context.log.info(
            f"{tabel}: {uitkomst.rijen_gelezen} rijen gelezen, {uitkomst.rijen_gebruikt} gebruikt, "
            f"{uitkomst.rijen_in_quarantaine} in quarantaine"
        )
        for bestand, regel, kolom, reden in (
            quarantaine.select("bestand", "regel", "kolom", "reden").head(20).iter_rows()
        ):
            context.log.warning(f"Quarantaine: {bestand}, regel {regel}, kolom {kolom}: {reden}")
        if quarantaine.height > 20:
            context.log.warning(
                f"Nog {quarantaine.height - 20} quarantainemeldingen voor {tabel}; zie "
                "quarantaine.csv in de uitvoermap."
            )
        return dg.MaterializeResult(
            metadata={
                "rijen_gelezen": uitkomst.rijen_gelezen,
                "rijen_gebruikt": uitkomst.rijen_gebruikt,
                "rijen_in_quarantaine": uitkomst.rijen_in_quarantaine,
            }
        )

    return valideer_tabel


gevalideerde_tabellen = [_valideer_asset(tabel) for tabel in TABELLEN]
