"""Load and validate: each extract table from its files, checked against its contract.

Rows that pass are stored typed, the rest quarantined with the value as delivered. Reading and
checking happen in one step, file by file, so a national table is never stored as raw text.
"""

import dagster as dg
import polars as pl

from pipelines import database
from pipelines.load.bsn import weiger_bsn
from pipelines.load.extract import RuweTabel, lees_tabel
from pipelines.resources import DoorstroomResource
from pipelines.validate.contract import TABELLEN, bouw_schema, lees_contract
from pipelines.validate.quarantaine import QUARANTAINE_SCHEMA, Validatie

INVOERBESTANDEN_SCHEMA = {
    "tabel": pl.String,
    "bestand": pl.String,
    "sha256": pl.String,
    "rijen": pl.Int64,
    "formaat": pl.String,
    "codering": pl.String,
    "scheidingsteken": pl.String,
}


def _valideer_asset(tabel: str) -> dg.AssetsDefinition:
    @dg.asset(
        name=tabel,
        group_name="laden",
        kinds={"duckdb", "pandera"},
        description=(
            f"Tabel '{tabel}' uit alle bestanden van het extract, met de rijen die aan het "
            f"contract (contracts/{tabel}.yaml) voldoen, in de types van het contract. "
            "Afgekeurde rijen staan met reden en aangeleverde waarde in 'quarantaine'."
        ),
    )
    def valideer_tabel(
        context: dg.AssetExecutionContext, doorstroom: DoorstroomResource
    ) -> dg.MaterializeResult:
        ruw = lees_tabel(doorstroom.extract_map, lees_contract(tabel), doorstroom.registry())
        _log_bestanden(context, ruw)
        schema = bouw_schema(tabel, doorstroom.registry(), ruw.frame.collect_schema())
        uitkomst = Validatie(ruw.delen, schema, controle=weiger_bsn)
        with doorstroom.database() as con:
            try:
                database.schrijf_delen(con, tabel, uitkomst.geldige_delen())
            except pl.exceptions.PolarsError as fout:
                raise ruw.leesfout(fout) from fout

            quarantaine = uitkomst.quarantaine
            database.vervang_rijen(
                con, "invoerbestanden", tabel, _invoerbestanden(ruw), INVOERBESTANDEN_SCHEMA
            )
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
                "bestanden": dg.MetadataValue.md(
                    "\n".join(f"- {b.naam}: {b.rijen} rijen" for b in ruw.bestanden)
                ),
                "rijen_gelezen": uitkomst.rijen_gelezen,
                "rijen_gebruikt": uitkomst.rijen_gebruikt,
                "rijen_in_quarantaine": uitkomst.rijen_in_quarantaine,
            }
        )

    return valideer_tabel


def _log_bestanden(context: dg.AssetExecutionContext, ruw: RuweTabel) -> None:
    for b in ruw.bestanden:
        if b.rijen == 0:
            context.log.warning(f"{b.naam} bevat alleen een kopregel en geen rijen")
        context.log.info(
            f"{b.rijen} rijen gelezen uit {b.naam} "
            f"({', '.join(f'{k} {v}' for k, v in b.leesinfo.items())})"
        )


def _invoerbestanden(ruw: RuweTabel) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {
                "tabel": ruw.tabel,
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


gevalideerde_tabellen = [_valideer_asset(tabel) for tabel in TABELLEN]
