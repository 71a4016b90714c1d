"""Load: every extract table from its files into DuckDB, as raw text with file and line."""

import dagster as dg
import polars as pl

from pipelines import database
from pipelines.load.extract import lees_tabel, schrijf_ruw
from pipelines.resources import DoorstroomResource
from pipelines.validate.contract import TABELLEN, lees_contract

INVOERBESTANDEN_SCHEMA = {
    "tabel": pl.String,
    "bestand": pl.String,
    "sha256": pl.String,
    "rijen": pl.Int64,
    "formaat": pl.String,
    "codering": pl.String,
    "scheidingsteken": pl.String,
}


def _laad_asset(tabel: str) -> dg.AssetsDefinition:
    @dg.asset(
        name=f"ruw_{tabel}",
        group_name="laden",
        kinds={"duckdb", "polars"},
        description=(
            f"Alle bestanden van tabel '{tabel}' uit het extract, als tekst met bestandsnaam en "
            "regelnummer, zodat een foute waarde te tonen is zoals hij werd aangeleverd."
        ),
    )
    def laad(context: dg.AssetExecutionContext, doorstroom: DoorstroomResource) -> dg.MaterializeResult:
        ruw = lees_tabel(doorstroom.extract_map, lees_contract(tabel), doorstroom.registry())
        bestanden = pl.DataFrame(
            [
                {
                    "tabel": tabel,
                    "bestand": b.naam,
                    "sha256": b.sha256,
                    "rijen": b.rijen,
                    "formaat": b.leesinfo.get("formaat"),
                    "codering": b.leesinfo.get("codering"),
                    "scheidingsteken": b.leesinfo.get("scheidingsteken"),
                }
                for b in ruw.bestanden
            ],
            schema=INVOERBESTANDEN_SCHEMA,
        )
        with doorstroom.database() as con:
            schrijf_ruw(con, f"ruw_{tabel}", ruw)
            database.vervang_rijen(con, "invoerbestanden", tabel, bestanden, INVOERBESTANDEN_SCHEMA)

        for b in ruw.bestanden:
            if b.rijen == 0:
                context.log.warning(f"{b.naam} bevat alleen een kopregel en geen rijen")
            context.log.info(
                f"{b.rijen} rijen gelezen uit {b.naam} "
                f"({', '.join(f'{k} {v}' for k, v in b.leesinfo.items())})"
            )
        return dg.MaterializeResult(
            metadata={
                "rijen": ruw.rijen,
                "bestanden": dg.MetadataValue.md(
                    "\n".join(f"- {b.naam}: {b.rijen} rijen" for b in ruw.bestanden)
                ),
            }
        )

    return laad


ruwe_tabellen = [_laad_asset(tabel) for tabel in TABELLEN]
