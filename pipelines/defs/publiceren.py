"""Export: per council, suppressed Parquet files, the HTML report and the manifest."""

import dagster as dg
import polars as pl

from pipelines import database
from pipelines.export import rapport
from pipelines.export.bestanden import publiceerbaar, schrijf_parquet, sha256
from pipelines.export.manifest import bouw_manifest, schrijf_manifest
from pipelines.resources import DoorstroomResource
from pipelines.transform import raden


def _raad_asset(map_naam: str) -> dg.AssetsDefinition:
    @dg.asset(
        name=f"uitvoer_{map_naam.replace('-', '_')}",
        group_name="publiceren",
        kinds={"parquet", "html"},
        deps=["transities", "doorstromers", "advies_positie", "rijtelling", "vestigingen"],
        description=(
            f"De map output/{map_naam}/: doorstroom.parquet, doorstromers.parquet, "
            "advies_positie.parquet (PO-Raad en VO-raad), rapport.html en manifest.json, met "
            "kleine aantallen onderdrukt."
        ),
    )
    def publiceer(
        context: dg.AssetExecutionContext, doorstroom: DoorstroomResource
    ) -> dg.MaterializeResult:
        registry = doorstroom.registry()
        raad = registry.raden[map_naam]
        with doorstroom.database() as con:
            transities = database.lees(con, "transities")
            doorstromers = database.lees(con, "doorstromers").filter(pl.col("raad") == map_naam)
            matrix = database.lees(con, "advies_positie")
            vestigingen = database.lees(con, "vestigingen")
            rijtelling = database.lees(con, "rijtelling")
            invoerbestanden = database.lees(con, "invoerbestanden")

        tabellen = publiceerbaar(
            raden.doorstroom(transities, raad),
            raden.doorstromers(doorstromers.drop("raad")),
            raden.advies_positie(matrix, raad),
            doorstroom.min_cel,
        )
        map_uit = doorstroom.uitvoer_map / map_naam
        map_uit.mkdir(parents=True, exist_ok=True)
        uitvoer = [schrijf_parquet(frame, map_uit / f"{stam}.parquet")
                   for stam, frame in tabellen.items()]

        manifest = bouw_manifest(
            raad=raad.naam,
            invoerbestanden=invoerbestanden,
            rijtelling=rijtelling,
            definities_hash=registry.hash(),
            drempel=doorstroom.min_cel,
            uitvoer=list(uitvoer),
            run_id=context.run.run_id,
        )
        html = rapport.render(
            registry=registry, raad=raad, tabellen=tabellen, vestigingen=vestigingen,
            rijtelling=rijtelling, manifest=manifest, drempel=doorstroom.min_cel,
        )
        rapport_pad = map_uit / "rapport.html"
        rapport_pad.write_text(html, encoding="utf-8")
        manifest["uitvoer"].append(
            {"bestand": rapport_pad.name, "rijen": None, "sha256": sha256(rapport_pad)}
        )
        schrijf_manifest(manifest, map_uit / "manifest.json")

        onderdrukt = {stam: int(frame["onderdrukt"].sum()) for stam, frame in tabellen.items()}
        geschreven = ", ".join(f"{u['bestand']} {u['rijen']} rijen" for u in uitvoer)
        context.log.info(f"{raad.naam}: {geschreven} geschreven naar {map_uit}")
        return dg.MaterializeResult(
            metadata={
                "map": dg.MetadataValue.path(str(map_uit)),
                **{f"rijen_{u['bestand']}": u["rijen"] for u in uitvoer},
                **{f"onderdrukt_{stam}": aantal for stam, aantal in onderdrukt.items()},
            }
        )

    return publiceer


# Asset keys must be known when Dagster loads the code location, so the councils are read here
# from the same DOORSTROOM_DEFINITIES folder that the run's resource reads.
raadsuitvoer = [
    _raad_asset(map_naam) for map_naam in DoorstroomResource.uit_omgeving().registry().raden
]
