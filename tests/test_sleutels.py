"""The person key the transforms join on: added by validation, and checked for shared keys."""

from __future__ import annotations

import polars as pl

from pipelines.sleutels import PERSOON, botsingen, persoon_sleutel, sleutel_verouderd
from tests.conftest import draai_job, schrijf_extract
from tests.test_invoer import GOED


def test_validated_tables_carry_the_key(tmp_path):
    extract = schrijf_extract(tmp_path / "extract", inschrijvingen=GOED)
    run = draai_job(extract, tmp_path / "uit", min_cel=0)
    lees = lambda tabel: pl.read_parquet(run.uitvoer / "intern" / tabel / "*.parquet")
    for tabel in ("inschrijvingen", "diplomas", "schooladviezen"):
        frame = lees(tabel)
        assert frame.schema[PERSOON] == pl.UInt64, tabel
        assert frame.get_column(PERSOON).equals(frame.select(persoon_sleutel()).to_series()), tabel
    # The principal enrolments hold the key alone, each one a key of an enrolment.
    hoofd = lees("hoofdinschrijvingen")
    assert hoofd.schema[PERSOON] == pl.UInt64
    assert "persoon_id" not in hoofd.columns
    assert hoofd.join(lees("inschrijvingen"), on=PERSOON, how="anti").height == 0
    controles = run.resultaat.get_asset_check_evaluations()
    uniek = next(c for c in controles if c.check_name == "persoon_sleutel_uniek")
    assert uniek.passed


def test_no_shared_keys_among_distinct_ids():
    frame = pl.LazyFrame({"persoon_id": [f"p{i}" for i in range(1000)]})
    assert botsingen([frame.with_columns(persoon_sleutel())]).height == 0


def test_shared_key_found_across_tables():
    # A real collision of the 64-bit hash cannot be produced on purpose, so the keys are set by
    # hand: p2 in the diplomas has the key of p1 in the enrolments.
    echt = dict(pl.DataFrame({"persoon_id": ["p1", "p3"]}).with_columns(persoon_sleutel()).rows())
    schema = {"persoon_id": pl.String, PERSOON: pl.UInt64}
    inschrijvingen = pl.LazyFrame(
        {"persoon_id": ["p1", "p1", "p3"], PERSOON: [echt["p1"], echt["p1"], echt["p3"]]}, schema
    )
    diplomas = pl.LazyFrame({"persoon_id": ["p2", "p3"], PERSOON: [echt["p1"], echt["p3"]]}, schema)

    gedeeld = botsingen([inschrijvingen, diplomas])
    assert gedeeld.rows() == [(echt["p1"], "p1", "p2")]


def test_keys_from_another_hash_detected():
    # Keys made with another seed stand in for keys from another Polars version.
    frame = pl.LazyFrame({"persoon_id": ["p1", "p2"]})
    assert not sleutel_verouderd(frame.with_columns(persoon_sleutel()))
    ander = frame.with_columns(pl.col("persoon_id").hash(seed=7).alias(PERSOON))
    assert sleutel_verouderd(ander)
