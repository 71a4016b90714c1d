"""The pipeline's own transforms called directly on the extract's Parquet, without Dagster.

This is the work the peers do, measured the same way: the principal enrolment, the transition
counts and (unless --alleen-transities) the advice-against-position matrix. Usage:
    python benchmarks/peers/pipeline_direct.py EXTRACT_FOLDER OUTPUT_FOLDER [--alleen-transities]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import polars as pl

from pipelines.registry import laad_registry
from pipelines.sleutels import PERSOON, persoon_sleutel
from pipelines.transform.advies_positie import advies_positie_per_leerling, tel_advies_positie
from pipelines.transform.hoofdinschrijving import hoofdinschrijvingen_per_jaar
from pipelines.transform.transities import tel_transities

# Not pipelines.resources.PROJECT_MAP: that module imports Dagster, which this peer does without.
DEFINITIES = Path(__file__).resolve().parents[2] / "definitions"


def bereken(extract: Path, uitvoer: Path, alleen_transities: bool) -> None:
    registry = laad_registry(DEFINITIES)
    uitvoer.mkdir(parents=True, exist_ok=True)
    # Only the columns the transforms use are read, as the DuckDB query does by itself. The
    # job's table of principal enrolments keeps all columns, because other steps use them.
    inschrijvingen = _scan(extract, "inschrijvingen").select(
        "persoon_id", PERSOON, "schooljaar", "vestiging", "onderwijssoort", "leerjaar"
    )
    # One school year at a time, as the job's hoofdinschrijvingen asset computes them.
    hoofd = pl.concat(hoofdinschrijvingen_per_jaar(inschrijvingen, registry))

    landelijk = (
        tel_transities(hoofd.lazy(), _scan(extract, "diplomas"), [1])
        .group_by("schooljaar", "van", "naar", "diploma")
        .agg(pl.col("aantal").sum())
    )
    landelijk.write_parquet(uitvoer / "transities.parquet")

    if not alleen_transities:
        per_leerling = advies_positie_per_leerling(
            _scan(extract, "schooladviezen"), hoofd.lazy(), registry
        )
        tel_advies_positie(per_leerling).write_parquet(uitvoer / "advies_positie.parquet")


def _scan(extract: Path, tabel: str) -> pl.LazyFrame:
    # The validation step adds the person key to every table with a persoon_id, so this does too.
    return pl.scan_parquet(extract / f"{tabel}*.parquet").with_columns(persoon_sleutel())


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("extract", type=Path)
    parser.add_argument("uitvoer", type=Path)
    parser.add_argument("--alleen-transities", action="store_true")
    argumenten = parser.parse_args()
    bereken(argumenten.extract, argumenten.uitvoer, argumenten.alleen_transities)
