"""The benchmark's peers compute the same numbers as the pipeline, checked on the bundled sample."""

from __future__ import annotations

import polars as pl
import pytest

from benchmarks.peers import duckdb_sql, pandas_impl
from tests.conftest import draai_job
from tests.test_voorbeeld import VOORBEELD


@pytest.fixture(scope="module")
def run_en_parquet(tmp_path_factory):
    """The sample through the job, and its validated tables as the Parquet extract the peers read."""
    run = draai_job(VOORBEELD, tmp_path_factory.mktemp("uit"), min_cel=0)
    extract = tmp_path_factory.mktemp("parquet")
    for tabel in ("inschrijvingen", "diplomas", "schooladviezen"):
        run.tabel(tabel).write_parquet(extract / f"{tabel}.parquet")
    return run, extract


def _pipeline_matrix(run) -> pl.DataFrame:
    return (
        run.tabel("transities").filter(pl.col("termijn") == 1)
        .group_by("schooljaar", "van", "naar", "diploma").agg(pl.col("aantal").sum())
        .sort("schooljaar", "van", "naar", "diploma")
    )


def test_duckdb_peer_matches_pipeline(run_en_parquet, tmp_path):
    run, extract = run_en_parquet
    duckdb_sql.bereken(extract, tmp_path / "peer.parquet")
    peer = pl.read_parquet(tmp_path / "peer.parquet").with_columns(
        pl.col("schooljaar").cast(pl.Int64), pl.col("aantal").cast(pl.Int64)
    )
    verwacht = _pipeline_matrix(run).with_columns(pl.col("schooljaar").cast(pl.Int64))
    assert peer.sort("schooljaar", "van", "naar", "diploma").equals(verwacht)


def test_pandas_peer_matches_pipeline(run_en_parquet, tmp_path):
    run, extract = run_en_parquet
    pandas_impl.bereken(extract, tmp_path / "pandas")
    transities = pl.read_parquet(tmp_path / "pandas" / "transities.parquet").with_columns(
        pl.col("schooljaar").cast(pl.Int64), pl.col("aantal").cast(pl.Int64)
    ).sort("schooljaar", "van", "naar", "diploma")
    verwacht = _pipeline_matrix(run).with_columns(pl.col("schooljaar").cast(pl.Int64))
    assert transities.equals(verwacht)

    advies = pl.read_parquet(tmp_path / "pandas" / "advies_positie.parquet").with_columns(
        pl.col("cohort").cast(pl.Int64), pl.col("aantal").cast(pl.Int64)
    ).sort("cohort", "advies", "positie")
    pipeline = (
        run.tabel("advies_positie").filter(pl.col("niveau") == "landelijk")
        .select("cohort", "advies", "positie", "aantal")
        .with_columns(pl.col("cohort").cast(pl.Int64))
        .sort("cohort", "advies", "positie")
    )
    assert advies.equals(pipeline)
