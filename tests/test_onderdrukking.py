"""Suppression at the threshold: counts 1..drempel-1 leave the pipeline empty, with what derives from them."""

from __future__ import annotations

import polars as pl
import pytest

from pipelines.export.onderdrukking import onderdruk
from tests.conftest import diploma, draai_job, inschrijving, schrijf_extract


def test_threshold_edges():
    frame = pl.DataFrame({"aantal": [0, 1, 4, 5, 9], "aandeel": [0.0, 0.1, 0.4, 0.5, 0.9]})
    uit = onderdruk(frame, ["aantal"], ["aandeel"], drempel=5)
    assert uit["aantal"].to_list() == [0, None, None, 5, 9]
    assert uit["aandeel"].to_list() == [0.0, None, None, 0.5, 0.9]
    assert uit["onderdrukt"].to_list() == [False, True, True, False, False]


def test_threshold_zero_suppresses_nothing():
    frame = pl.DataFrame({"aantal": [1, 2]})
    uit = onderdruk(frame, ["aantal"], [], drempel=0)
    assert uit["aantal"].to_list() == [1, 2]
    assert not uit["onderdrukt"].any()


def test_share_of_large_count_suppressed_with_small_partner():
    # populatie 40 is published, doorstromers 3 is not, so the percentage cannot be either.
    frame = pl.DataFrame({"populatie": [40], "doorstromers": [3], "percentage": [7.5]})
    uit = onderdruk(frame, ["populatie", "doorstromers"], ["percentage"], drempel=5)
    assert uit.row(0) == (40, None, None, True)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """MBO: 5 mbo-4 graduates at 40MB (exactly at threshold), 4 at 41MB (just under it).

    Doorstromers to hbo: 40MB 5 of 5, 41MB 2 of 4. Nationally 7 of 9.
    """
    inschrijvingen, diplomas = [], []
    for nummer in range(9):
        persoon = f"m{nummer}"
        vestiging = "40MB00" if nummer < 5 else "41MB00"
        diplomas.append(diploma(persoon, 2020, vestiging, "mbo-4"))
        inschrijvingen.append(inschrijving(persoon, 2020, vestiging, "mbo-4", 3))
        if nummer < 7:
            inschrijvingen.append(inschrijving(persoon, 2021, "30HB00", "hbo-ba", 1))
    extract = schrijf_extract(
        tmp_path_factory.mktemp("onderdrukking") / "extract",
        inschrijvingen=inschrijvingen, diplomas=diplomas,
    )
    return draai_job(extract, tmp_path_factory.mktemp("uit"), min_cel=5)


def test_doorstromers_suppressed_in_parquet(run):
    frame = run.parquet("mbo-raad", "doorstromers").filter(pl.col("schooljaar") == 2020)
    rijen = {
        (r["niveau"], r["brin"]): (r["populatie"], r["doorstromers"], r["percentage"], r["onderdrukt"])
        for r in frame.iter_rows(named=True)
    }
    assert rijen[("landelijk", None)] == (9, 7, pytest.approx(700 / 9), False)
    assert rijen[("instelling", "40MB")] == (5, 5, 100.0, False)
    assert rijen[("instelling", "41MB")] == (None, None, None, True)


def test_transitions_suppressed_in_parquet(run):
    frame = run.parquet("mbo-raad", "doorstroom").filter(
        (pl.col("niveau") == "instelling") & (pl.col("brin") == "41MB") & (pl.col("termijn") == 1)
    )
    naar = {r["naar"]: (r["aantal"], r["aandeel"], r["onderdrukt"]) for r in frame.iter_rows(named=True)}
    assert naar == {"hbo-ba": (None, None, True), "geen_inschrijving": (None, None, True)}


def test_shares_hidden_in_group_with_gap(run):
    """National mbo-4 graduates: 7 to hbo-ba and 2 (suppressed) not enrolled.

    The share 7/9 would give the total 9 away and so the 2, so it is empty as well; 40MB's own
    group (5 of 5 to hbo-ba) has no gap and keeps its share.
    """
    frame = run.parquet("mbo-raad", "doorstroom").filter(
        (pl.col("termijn") == 1) & (pl.col("van") == "mbo-4") & pl.col("diploma")
    )
    landelijk = frame.filter(pl.col("niveau") == "landelijk")
    assert dict(landelijk.select("naar", "aantal").rows()) == {"hbo-ba": 7, "geen_inschrijving": None}
    assert landelijk["aandeel"].to_list() == [None, None]
    instelling = frame.filter((pl.col("niveau") == "instelling") & (pl.col("brin") == "40MB"))
    assert instelling.select("naar", "aantal", "aandeel").rows() == [("hbo-ba", 5, 1.0)]


def test_report_shows_mark_not_number(run):
    html = run.rapport("mbo-raad")
    assert "&lt;5" in html
    assert "aantallen van 1 tot en met 4 worden niet gepubliceerd" in html
