"""Shared helpers: write small extracts by hand and run the real Dagster job on them."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import duckdb
import polars as pl
import pytest
import yaml

from pipelines.definitions import defs
from pipelines.resources import DATABASE_BESTAND, PROJECT_MAP, DoorstroomResource

DEFINITIES = PROJECT_MAP / "definitions"
DUO_MAP = PROJECT_MAP.parent / "shared" / "duo"

KOLOMMEN = {
    "inschrijvingen": ["persoon_id", "schooljaar", "brin", "vestiging", "onderwijssoort",
                       "leerjaar", "opleidingscode", "leerweg"],
    "schooladviezen": ["persoon_id", "schooljaar", "brin", "vestiging", "advies", "advies_soort"],
    "diplomas": ["persoon_id", "schooljaar", "brin", "vestiging", "onderwijssoort",
                 "opleidingscode"],
    "vestigingen": ["vestiging", "brin", "naam", "gemeente"],
}


def schrijf_csv(pad: Path, kolommen: list[str], rijen: list[tuple], *, scheidingsteken: str = ",",
                codering: str = "utf-8") -> Path:
    pad.parent.mkdir(parents=True, exist_ok=True)
    with pad.open("w", newline="", encoding=codering) as bestand:
        schrijver = csv.writer(bestand, delimiter=scheidingsteken)
        schrijver.writerow(kolommen)
        schrijver.writerows(rijen)
    return pad


def inschrijving(persoon, jaar, vestiging, soort, leerjaar, code="", leerweg=""):
    return (persoon, jaar, vestiging[:4], vestiging, soort, leerjaar, code, leerweg)


def diploma(persoon, jaar, vestiging, soort, code=""):
    return (persoon, jaar, vestiging[:4], vestiging, soort, code)


def advies(persoon, jaar, vestiging, code, soort="eerste"):
    return (persoon, jaar, vestiging[:4], vestiging, code, soort)


def schrijf_extract(map_: Path, *, inschrijvingen, diplomas=(), schooladviezen=(),
                    vestigingen=None) -> Path:
    """Write an extract folder; the vestigingen list defaults to every vestiging used."""
    schrijf_csv(map_ / "inschrijvingen.csv", KOLOMMEN["inschrijvingen"], list(inschrijvingen))
    schrijf_csv(map_ / "diplomas.csv", KOLOMMEN["diplomas"], list(diplomas))
    schrijf_csv(map_ / "schooladviezen.csv", KOLOMMEN["schooladviezen"], list(schooladviezen))
    if vestigingen is None:
        gebruikt = sorted({r[3] for r in [*inschrijvingen, *diplomas, *schooladviezen]})
        vestigingen = [(v, v[:4], f"School {v}", "Testgemeente") for v in gebruikt]
    schrijf_csv(map_ / "vestigingen.csv", KOLOMMEN["vestigingen"], list(vestigingen))
    return map_


@dataclass
class Run:
    uitvoer: Path
    resultaat: dg.ExecuteInProcessResult

    def parquet(self, raad: str, bestand: str) -> pl.DataFrame:
        return pl.read_parquet(self.uitvoer / raad / f"{bestand}.parquet")

    def tabel(self, naam: str) -> pl.DataFrame:
        with duckdb.connect(str(self.uitvoer / DATABASE_BESTAND), read_only=True) as con:
            return con.sql(f'SELECT * FROM "{naam}"').pl()

    def rapport(self, raad: str) -> str:
        return (self.uitvoer / raad / "rapport.html").read_text(encoding="utf-8")


def draai_job(extract: Path, uitvoer: Path, *, min_cel: int = 5, rapport_processen: int = 0,
              definities: Path = DEFINITIES, raise_on_error: bool = True) -> Run:
    """Materialise every asset of the code location, as the doorstroommonitor job does."""
    definitions = defs()
    resource = DoorstroomResource(
        extract=str(extract), uitvoer=str(uitvoer), definities=str(definities), min_cel=min_cel,
        rapport_processen=rapport_processen,
    )
    resultaat = dg.materialize(
        [*definitions.assets, *definitions.asset_checks],
        resources={"doorstroom": resource},
        raise_on_error=raise_on_error,
    )
    return Run(uitvoer=uitvoer, resultaat=resultaat)


def fout_van(resultaat: dg.ExecuteInProcessResult) -> str:
    """The messages of the failed steps, with the causes that were raised inside them."""
    teksten = []
    for event in resultaat.all_events:
        if event.is_step_failure and event.step_failure_data.error:
            fout = event.step_failure_data.error
            while fout is not None:
                teksten.append(fout.message)
                fout = fout.cause
    return "\n".join(teksten)


@pytest.fixture(scope="session")
def duo_map() -> Path:
    if not DUO_MAP.is_dir():
        pytest.skip(f"DUO-bestanden niet gevonden in {DUO_MAP}: deze test leest de echte "
                    "DUO-registers, die alleen in de ontwikkel- en CI-omgeving staan.")
    return DUO_MAP


@pytest.fixture
def definities(tmp_path) -> Path:
    """A copy of the shipped definitions folder that a test may change."""
    kopie = tmp_path / "definitions"
    shutil.copytree(DEFINITIES, kopie)
    return kopie


def pas_yaml_aan(bestand: Path, wijziging: Callable[[dict], None]) -> None:
    """Load a YAML file, let `wijziging` change the data in place, and write it back."""
    inhoud = yaml.safe_load(bestand.read_text(encoding="utf-8"))
    wijziging(inhoud)
    bestand.write_text(yaml.safe_dump(inhoud, allow_unicode=True, sort_keys=False), encoding="utf-8")
