"""The bundled sample through the whole job, and the sample with DUO's real branch registers."""

from __future__ import annotations

import importlib.util
import json
import shutil

import polars as pl
import pytest

from pipelines.resources import PROJECT_MAP
from tests.conftest import draai_job

VOORBEELD = PROJECT_MAP / "data-samples" / "extract"
RADEN = ("po-raad", "vo-raad", "mbo-raad", "aoc-raad", "vereniging-hogescholen",
         "universiteiten-van-nederland")


def _generator():
    spec = importlib.util.spec_from_file_location(
        "genereer", PROJECT_MAP / "data-samples" / "genereer.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    return draai_job(VOORBEELD, tmp_path_factory.mktemp("voorbeeld"))


def test_every_council_gets_output(run):
    for raad in RADEN:
        map_ = run.uitvoer / raad
        for bestand in ("doorstroom.parquet", "doorstromers.parquet", "rapport.html",
                        "manifest.json"):
            assert (map_ / bestand).is_file(), map_ / bestand
        assert run.parquet(raad, "doorstroom").height > 0, raad
        assert run.parquet(raad, "doorstromers").filter(
            pl.col("niveau") == "landelijk")["populatie"].sum() > 0, raad
    assert (run.uitvoer / "po-raad" / "advies_positie.parquet").is_file()
    assert (run.uitvoer / "vo-raad" / "advies_positie.parquet").is_file()


def test_sample_quarantine_matches_generator(run):
    verwacht = {(r.file, r.column, r.value) for r in _generator().INVALID_ROWS}
    quarantaine = run.tabel("quarantaine")
    gevonden = set(quarantaine.select("bestand", "kolom", "waarde").rows())
    assert gevonden == verwacht
    assert run.tabel("rijtelling")["klopt"].all()


def test_sample_has_every_code(run):
    inschrijvingen = run.tabel("inschrijvingen")
    from pipelines.registry import laad_registry

    registry = laad_registry(PROJECT_MAP / "definitions")
    assert set(inschrijvingen["onderwijssoort"]) == set(registry.onderwijssoorten)
    assert set(run.tabel("schooladviezen")["advies"]) == set(registry.adviezen)


def test_manifest_lists_outputs_with_hashes(run):
    manifest = json.loads((run.uitvoer / "vo-raad" / "manifest.json").read_text(encoding="utf-8"))
    uitvoer = {u["bestand"]: u for u in manifest["uitvoer"]}
    assert uitvoer["doorstroom.parquet"]["rijen"] == run.parquet("vo-raad", "doorstroom").height
    assert manifest["onderdrukking"]["drempel"] == 5
    assert manifest["versies"]["polars"] == pl.__version__


def test_sample_with_real_registers(tmp_path, duo_map):
    """The sample's own branch list plus DUO's bo and vo registers as one vestigingen table."""
    extract = tmp_path / "extract"
    shutil.copytree(VOORBEELD, extract)
    for naam in ("alle-vestigingen-bo.csv", "alle-vestigingen-vo.csv"):
        (extract / naam).symlink_to(duo_map / naam)

    run = draai_job(extract, tmp_path / "uit")
    assert run.resultaat.success
    telling = run.tabel("rijtelling").filter(pl.col("tabel") == "vestigingen").row(0, named=True)
    assert telling["rijen_gelezen"] == 39 + 6268 + 1619
    assert telling["klopt"]
    vestigingen = run.tabel("vestigingen")
    assert {"rmc_regio", "corop", "denominatie", "bevoegd_gezag"} <= set(vestigingen.columns)
    print(f"\nvestigingen met echte registers: {telling}")


def test_rerun_gives_same_tables(run):
    """A second run into the same folder replaces every table instead of adding to it."""
    eerste = {raad: run.parquet(raad, "doorstromers") for raad in RADEN}
    tweede = draai_job(VOORBEELD, run.uitvoer)
    for raad in RADEN:
        assert tweede.parquet(raad, "doorstromers").equals(eerste[raad]), raad
    assert tweede.tabel("quarantaine").height == len(_generator().INVALID_ROWS)
    assert tweede.tabel("invoerbestanden").height == 10
