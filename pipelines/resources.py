"""The run's settings as a Dagster resource, read from DOORSTROOM_* environment variables."""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg
import duckdb

from pipelines.errors import InvoerFout
from pipelines.registry import Registry, laad_registry

PROJECT_MAP = Path(__file__).resolve().parents[1]
DATABASE_BESTAND = "doorstroommonitor.duckdb"


class DoorstroomResource(dg.ConfigurableResource):
    """Paths and suppression threshold of one run.

    Relative paths count from the project folder, so `dg launch` and tests agree on them.
    """

    extract: str
    uitvoer: str
    definities: str
    min_cel: int = 5
    # Language of the HTML report: nl (default) or en; from DOORSTROOM_TAAL.
    taal: str = "nl"
    # Worker processes for the instelling pages; 0 chooses by core count and number of pages.
    rapport_processen: int = 0

    @classmethod
    def uit_omgeving(cls) -> DoorstroomResource:
        min_cel = _geheel_getal(
            "DOORSTROOM_MIN_CEL", "5",
            "Geef de kleinste publiceerbare celwaarde op, bijvoorbeeld 5, of 0 om niets te "
            "onderdrukken.",
        )
        processen = _geheel_getal(
            "DOORSTROOM_RAPPORT_PROCESSEN", "0",
            "Geef het aantal processen voor de instellingspagina's op, bijvoorbeeld 2, of 0 om "
            "dat aan het aantal cores en pagina's over te laten.",
        )
        return cls(
            extract=os.environ.get("DOORSTROOM_EXTRACT", "data-samples/extract"),
            uitvoer=os.environ.get("DOORSTROOM_UITVOER", "output"),
            definities=os.environ.get("DOORSTROOM_DEFINITIES", "definitions"),
            min_cel=min_cel,
            taal=os.environ.get("DOORSTROOM_TAAL", "nl"),
            rapport_processen=processen,
        )

    def _pad(self, waarde: str) -> Path:
        pad = Path(waarde)
        return pad if pad.is_absolute() else PROJECT_MAP / pad

    @property
    def extract_map(self) -> Path:
        return self._pad(self.extract)

    @property
    def uitvoer_map(self) -> Path:
        return self._pad(self.uitvoer)

    @property
    def definities_map(self) -> Path:
        return self._pad(self.definities)

    def registry(self) -> Registry:
        return laad_registry(self.definities_map)

    def database(self) -> duckdb.DuckDBPyConnection:
        """Open the run's DuckDB file in the output folder."""
        self.uitvoer_map.mkdir(parents=True, exist_ok=True)
        return duckdb.connect(str(self.uitvoer_map / DATABASE_BESTAND))


def _geheel_getal(variabele: str, standaard: str, uitleg: str) -> int:
    waarde = os.environ.get(variabele, standaard)
    try:
        return int(waarde)
    except ValueError as fout:
        raise InvoerFout(f"{variabele}='{waarde}' is geen geheel getal. {uitleg}") from fout
