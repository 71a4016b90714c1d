"""Export per council: suppressed Parquet files, HTML report, data dictionary and manifest."""

import dagster as dg
import polars as pl

from pipelines import database
from pipelines.export import datadictionary
from pipelines.export.bestanden import publiceerbaar, schrijf_tabel, sha256
from pipelines.export.manifest import bouw_manifest, schrijf_manifest
from pipelines.export.rapport import OVERZICHT, schrijf_rapport
from pipelines.export.taal import Taal
from pipelines.resources import DoorstroomResource
from pipelines.transform import raden

DATADICTIONARY = "datadictionary.md"


def _raad_asset(map_naam: str) -> dg.AssetsDefinition:
    @dg.asset(
        name=f"uitvoer_{map_naam.replace('-', '_')}",
        group_name="publiceren",
        kinds={"parquet", "html"},
        # VO-raad's manifest also lists the Vensters VO feed, so that feed is written first.
        deps=["transities", "doorstromers", "advies_positie", "rijtelling", "vestigingen",
              *(["vensters_vo"] if map_naam == "vo-raad" else [])],
        description=(
            f"De map output/{map_naam}/: doorstroom.parquet, doorstromers.parquet, "
            "advies_positie.parquet (PO-Raad en VO-raad), datadictionary.md, het rapport "
            "(rapport.html, instellingen.html, instelling/<brin>.html) en manifest.json, met "
            "kleine aantallen onderdrukt."
        ),
    )
    def publiceer(
        context: dg.AssetExecutionContext, doorstroom: DoorstroomResource
    ) -> dg.MaterializeResult:
        registry = doorstroom.registry()
        raad = registry.raden[map_naam]
        taal = Taal(doorstroom.taal)
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
        uitvoer = [
            schrijf_tabel(frame, map_uit, stam, registry=registry, raad=raad,
                          drempel=doorstroom.min_cel)
            for stam, frame in tabellen.items()
        ]
        woordenboek = map_uit / DATADICTIONARY
        woordenboek.write_text(datadictionary.markdown(registry, raad), encoding="utf-8")

        manifest = bouw_manifest(
            raad=raad.naam,
            invoerbestanden=invoerbestanden,
            rijtelling=rijtelling,
            definities_hash=registry.hash(),
            drempel=doorstroom.min_cel,
            uitvoer=list(uitvoer),
            run_id=context.run.run_id,
        )
        rapport = schrijf_rapport(
            map_uit, registry=registry, raad=raad, tabellen=tabellen, vestigingen=vestigingen,
            rijtelling=rijtelling, manifest=manifest, drempel=doorstroom.min_cel, taal=taal,
            processen=doorstroom.rapport_processen,
        )
        overzicht = next(b for b in rapport["bestanden"] if b["bestand"] == OVERZICHT)
        manifest["uitvoer"].append(overzicht)
        manifest["rapport"] = rapport
        manifest["datadictionary"] = {"bestand": DATADICTIONARY, "sha256": sha256(woordenboek)}
        feed = map_uit / "vensters_vo"
        if feed.is_dir():
            manifest["vensters_vo"] = [
                {"bestand": f"vensters_vo/{pad.name}", "sha256": sha256(pad)}
                for pad in sorted(feed.iterdir())
                if pad.is_file()
            ]
        schrijf_manifest(manifest, map_uit / "manifest.json")

        onderdrukt = {stam: int(frame["onderdrukt"].sum()) for stam, frame in tabellen.items()}
        geschreven = ", ".join(f"{u['bestand']} {u['rijen']} rijen" for u in uitvoer)
        paginas = rapport["instellingspaginas"]["bestanden"]
        context.log.info(
            f"{raad.naam}: {geschreven} en een rapport met {paginas} instellingspagina's "
            f"geschreven naar {map_uit}"
        )
        return dg.MaterializeResult(
            metadata={
                "map": dg.MetadataValue.path(str(map_uit)),
                **{f"rijen_{u['bestand']}": u["rijen"] for u in uitvoer},
                **{f"onderdrukt_{stam}": aantal for stam, aantal in onderdrukt.items()},
                "instellingspaginas": paginas,
                "taal": taal.code,
            }
        )

    return publiceer


# Asset keys must be known when Dagster loads the code location, so the councils are read here
# from the same DOORSTROOM_DEFINITIES folder that the run's resource reads.
raadsuitvoer = [
    _raad_asset(map_naam) for map_naam in DoorstroomResource.uit_omgeving().registry().raden
]
