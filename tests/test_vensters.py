"""Vensters VO feed: hand-worked cases per indicator, the three-year rule, suppression, layout.

Every expected value below was worked out on paper before the job ran. The extract covers
2018-2022, so onderbouw and bovenbouw years run to 2021 (2022 is the last observed t + 1),
doorstroom to 2021 and its "a year later" to 2020. Vestigingen:

- A (20VA00): pupils s01-s11, groep 8 in 2018, leerjaar 1 in 2019: advice, onderbouw.
- B (21VB00): s10 starts leerjaar 1 here, s03 moves here after leerjaar 2. Not in the
  vestigingen list of the extract.
- C (22VC00): bovenbouw pupils b01-b07 from 2019.
- D (23VD00): graduates d01-d10 of 2020 and 2021.
- G (26VG00): pupils g01-g09 without advice, for suppression of a three-year average.
- E (24PR00): one pro pupil in leerjaar 4 and 5, in no indicator. F (25VF00): pupils only in
  2022, the extract's last year. Both must be reported empty with their reason.
"""

from __future__ import annotations

import csv
import io

import polars as pl
import pytest

from pipelines.errors import DefinitieFout
from pipelines.export.vensters import FEED
from pipelines.registry import laad_registry
from tests.conftest import (
    advies, diploma, draai_job, inschrijving, pas_yaml_aan, schrijf_extract,
)

PO, MBO, HBO, WO = "10PO00", "40MB00", "30HB00", "50WO00"
A, B, C, D = "20VA00", "21VB00", "22VC00", "23VD00"
E, F, G = "24PR00", "25VF00", "26VG00"
KOP = "brin;vestiging;indicator;afdeling;schooljaar;teller;noemer;waarde;gemiddelde_3_jaar;onderdrukt"


def _loopbanen() -> dict[str, list[tuple[int, str, str, int]]]:
    """Per person: (school year, vestiging, onderwijssoort, leerjaar)."""
    return {
        # A: groep 8 in 2018 at PO, leerjaar 1 in 2019.
        "s01": [(2019, A, "havo/vwo", 1), (2020, A, "havo/vwo", 2), (2021, A, "havo/vwo", 3),
                (2022, A, "vwo", 4)],
        "s02": [(2019, A, "havo/vwo", 1), (2020, A, "havo/vwo", 2), (2021, A, "havo/vwo", 3),
                (2022, A, "havo", 4)],
        "s03": [(2019, A, "havo", 1), (2020, A, "havo", 2), (2021, B, "havo", 3),
                (2022, B, "havo", 4)],
        "s04": [(2019, A, "vwo", 1), (2020, A, "vwo", 2), (2021, A, "vwo", 2),
                (2022, A, "vwo", 3)],
        "s05": [(2019, A, "havo", 1), (2020, A, "havo", 2), (2021, A, "vmbo-t", 3),
                (2022, A, "vmbo-t", 4)],
        "s06": [(2019, A, "vmbo-t", 1), (2020, A, "vmbo-t", 2), (2021, A, "vmbo-t", 3),
                (2022, A, "vmbo-t", 3)],
        "s07": [(2019, A, "vmbo-b", 1), (2020, A, "vmbo-b", 2), (2021, A, "vmbo-b", 3),
                (2022, A, "vmbo-b", 4)],
        "s08": [(2019, A, "vmbo-g", 1), (2020, A, "vmbo-g", 2), (2021, MBO, "mbo-2", 1),
                (2022, MBO, "mbo-2", 2)],
        "s09": [(2019, A, "havo", 1), (2020, A, "havo", 2), (2021, A, "havo", 3),
                (2022, A, "havo", 4)],
        "s10": [(2019, B, "havo", 1), (2020, A, "havo", 2), (2021, A, "havo", 3)],
        "s11": [(2019, A, "havo", 1), (2020, A, "havo", 2), (2021, A, "havo", 3),
                (2022, A, "havo", 4)],
        # C: bovenbouw.
        "b01": [(2019, C, "havo", 3), (2020, C, "vmbo-t", 4), (2021, MBO, "mbo-4", 1)],
        "b02": [(2019, C, "havo", 4), (2020, C, "havo", 4), (2021, C, "havo", 5)],
        "b03": [(2019, C, "havo", 5)],
        "b04": [(2019, C, "havo", 5), (2020, C[:4] + "09", "vavo", 1)],
        "b05": [(2019, C, "vwo", 4), (2020, C, "havo", 5)],
        "b06": [(2019, C, "havo/vwo", 3), (2020, C, "vwo", 4), (2021, C, "vwo", 5),
                (2022, C, "vwo", 6)],
        "b07": [(2019, C, "vmbo-k", 3), (2020, C, "vmbo-t", 4), (2021, MBO, "mbo-4", 1)],
        # D: graduates.
        "d01": [(2020, D, "vmbo-k", 4), (2021, MBO, "mbo-3", 1)],
        "d02": [(2020, D, "vmbo-k", 4), (2021, MBO, "mbo-3", 1), (2022, MBO, "mbo-3", 2)],
        "d03": [(2020, D, "vmbo-k", 4), (2021, MBO, "mbo-2", 1), (2022, MBO, "mbo-3", 1)],
        "d04": [(2020, D, "vmbo-k", 4)],
        "d05": [(2020, D, "havo", 5), (2021, HBO, "hbo-ba", 1), (2022, WO, "wo-ba", 1)],
        "d06": [(2020, D, "havo", 5), (2021, D, "vwo", 5), (2022, D, "vwo", 6)],
        "d07": [(2020, D, "vmbo-t", 4), (2021, D, "havo", 4), (2022, D, "havo", 5)],
        "d10": [(2020, D, "vmbo-k", 3), (2021, D, "vmbo-k", 4), (2022, MBO, "mbo-3", 1)],
        # G: three pupils from 2019, six from 2020, no advice.
        **{f"g0{n}": [(2019, G, "havo", 1), (2020, G, "havo", 2), (2021, G, "havo", 3),
                      (2022, G, "havo", 4)] for n in range(1, 4)},
        **{f"g0{n}": [(2020, G, "havo", 1), (2021, G, "havo", 2), (2022, G, "havo", 3)]
           for n in range(4, 10)},
        # E and F: vo vestigingen whose pupils fall in no indicator.
        "e01": [(2019, E, "pro", 4), (2020, E, "pro", 5)],
        "f01": [(2022, F, "havo", 1)],
    }


def _diplomas():
    d = diploma
    return [
        d("b01", 2020, C, "vmbo-t"), d("b03", 2019, C, "havo"), d("b05", 2020, C, "havo"),
        d("b07", 2020, C, "vmbo-t"),
        *[d(p, 2020, D, "vmbo-k") for p in ("d01", "d02", "d03", "d04")],
        d("d05", 2020, D, "havo"), d("d06", 2020, D, "havo"), d("d07", 2020, D, "vmbo-t"),
        d("d10", 2021, D, "vmbo-k"),
    ]


def _adviezen():
    codes = {"s01": 75, "s02": 70, "s03": 70, "s04": 80, "s05": 70, "s06": 0, "s07": 5,
             "s08": 50, "s10": 70, "s11": 65}
    # s09 has no advice at all; s11's advice was revised upward, the first one counts.
    return [advies(p, 2018, PO, code) for p, code in codes.items()] + [
        advies("s11", 2018, PO, 70, "herzien")
    ]


@pytest.fixture(scope="module")
def extract(tmp_path_factory):
    inschrijvingen = [
        inschrijving(p, jaar, vestiging, soort, leerjaar)
        for p, loopbaan in _loopbanen().items()
        for jaar, vestiging, soort, leerjaar in loopbaan
    ]
    # Groep 8 in 2018 makes 2018 the extract's first school year.
    inschrijvingen += [inschrijving(f"s{n:02d}", 2018, PO, "bao", 8) for n in range(1, 12)]
    gebruikt = {r[3] for r in inschrijvingen} | {r[3] for r in _diplomas()}
    vestigingen = [(v, v[:4], f"School {v}", "Testgemeente") for v in sorted(gebruikt - {B})]
    return schrijf_extract(
        tmp_path_factory.mktemp("vensters") / "extract",
        inschrijvingen=inschrijvingen,
        diplomas=_diplomas(),
        schooladviezen=_adviezen(),
        vestigingen=vestigingen,
    )


@pytest.fixture(scope="module")
def run(extract, tmp_path_factory):
    return draai_job(extract, tmp_path_factory.mktemp("uit"), min_cel=0)


@pytest.fixture(scope="module")
def run_onderdrukt(extract, tmp_path_factory):
    return draai_job(extract, tmp_path_factory.mktemp("uit_onderdrukt"), min_cel=5)


def _feed(run) -> pl.DataFrame:
    return pl.read_parquet(run.uitvoer / "vo-raad" / "vensters_vo" / "vensters_vo.parquet")


def _rijen(run, vestiging: str, indicatoren: list[str]) -> dict:
    """(indicator, afdeling, schooljaar) -> (teller, noemer, gemiddelde_3_jaar)."""
    rijen = _feed(run).filter(
        (pl.col("vestiging") == vestiging) & pl.col("indicator").is_in(indicatoren)
    )
    return {
        (r["indicator"], r["afdeling"], r["schooljaar"]): (
            r["teller"], r["noemer"],
            None if r["gemiddelde_3_jaar"] is None else pytest.approx(r["gemiddelde_3_jaar"]),
        )
        for r in rijen.iter_rows(named=True)
    }


ADVIES = ["advies_onder", "advies_op", "advies_boven", "advies_zonder_advies",
          "advies_vso_advies", "advies_vo_verlaten"]


def test_schooladvies_plaatsing_vestiging_a(run):
    # 2021, judged: s05 onder (havo advice, vmbo-t 3). s01 op (havo/vwo advice in a havo/vwo
    # class), s03 op (leerjaar 3 at B, counted at A). s02 boven (havo advice in a havo/vwo
    # class), s11 boven (first advice vmbo-tl, in havo).
    # 2021, excluded: s06 (code 0) and s09 (no advice row) have no advice, s07 a vso advice,
    # and s08 left for mbo. s10 was at B in leerjaar 1, so counts nowhere.
    # 2022: s04, who repeated leerjaar 2, is op. Only 2022 has an earlier year for the average.
    verwacht = {
        ("advies_onder", None, 2021): (1, 5, None),
        ("advies_op", None, 2021): (2, 5, None),
        ("advies_boven", None, 2021): (2, 5, None),
        ("advies_zonder_advies", None, 2021): (2, 9, None),
        ("advies_vso_advies", None, 2021): (1, 9, None),
        ("advies_vo_verlaten", None, 2021): (1, 9, None),
        ("advies_onder", None, 2022): (0, 1, pytest.approx(round(1 / 6, 4))),
        ("advies_op", None, 2022): (1, 1, pytest.approx(0.5)),
        ("advies_boven", None, 2022): (0, 1, pytest.approx(round(2 / 6, 4))),
        ("advies_zonder_advies", None, 2022): (0, 1, pytest.approx(0.2)),
        ("advies_vso_advies", None, 2022): (0, 1, pytest.approx(0.1)),
        ("advies_vo_verlaten", None, 2022): (0, 1, pytest.approx(0.1)),
    }
    assert _rijen(run, A, ADVIES) == verwacht


def test_schooladvies_not_at_later_vestiging(run):
    # s03's leerjaar 3 is at B and s10's leerjaar 1 was at B: neither counts for B.
    assert _rijen(run, B, ADVIES) == {}


def test_onderbouwsnelheid_three_year_rule(run):
    # 2019: all ten in leerjaar 1 at A move up.
    # 2020: eleven, because s10 joined. s04 repeats leerjaar 2 and s08 leaves for mbo. s05
    # moving down to vmbo-t 3 still moves up a year, and s03 moving to B counts for A.
    # 2021: s04 moves up.
    # Average: 2019 has no earlier year (empty), 2020 has two years, 2021 three.
    assert _rijen(run, A, ["onderbouwsnelheid"]) == {
        ("onderbouwsnelheid", None, 2019): (10, 10, None),
        ("onderbouwsnelheid", None, 2020): (9, 11, pytest.approx(round(19 / 21, 4))),
        ("onderbouwsnelheid", None, 2021): (1, 1, pytest.approx(round(20 / 22, 4))),
    }
    # s10's leerjaar 1 was at B, and leerjaar 2 a year later at A.
    assert _rijen(run, B, ["onderbouwsnelheid"]) == {("onderbouwsnelheid", None, 2019): (1, 1, None)}


def test_bovenbouwsucces_vestiging_a(run):
    # havo: s01 havo/vwo 3 -> vwo 4, s02 havo/vwo 3 -> havo 4 (the dakpan class is at havo level,
    # so no move down), s09 and s11 havo 4; s10 leaves. vmbo-gt: s05 up, s06 repeats.
    assert _rijen(run, A, ["bovenbouwsucces"]) == {
        ("bovenbouwsucces", "havo", 2021): (4, 5, None),
        ("bovenbouwsucces", "vmbo-gt", 2021): (1, 2, None),
        ("bovenbouwsucces", "vmbo-b", 2021): (1, 1, None),
    }
    # s03 changed to B after leerjaar 2 and moved up there.
    assert _rijen(run, B, ["bovenbouwsucces"]) == {("bovenbouwsucces", "havo", 2021): (1, 1, None)}


def test_bovenbouwsucces_vestiging_c(run):
    # 2019 havo: b01 havo 3 -> vmbo-t 4 (a year up but a level down: not successful), b02
    # repeats havo 4, b03 passes, b04 leaves for vavo without diploma, b06 havo/vwo 3 -> vwo 4.
    # 2019 vwo: b05 vwo 4 -> havo 5 moves down. 2019 vmbo-k: b07 vmbo-k 3 -> vmbo-t 4.
    # 2020: b02 havo 4 -> 5 and b05 passes havo; b06 vwo 4 -> 5; b01 and b07 pass vmbo-t.
    # 2021: b02 leaves after havo 5 without diploma; b06 vwo 5 -> 6.
    assert _rijen(run, C, ["bovenbouwsucces"]) == {
        ("bovenbouwsucces", "havo", 2019): (2, 5, None),
        ("bovenbouwsucces", "vwo", 2019): (0, 1, None),
        ("bovenbouwsucces", "vmbo-k", 2019): (1, 1, None),
        ("bovenbouwsucces", "havo", 2020): (2, 2, pytest.approx(round(4 / 7, 4))),
        ("bovenbouwsucces", "vwo", 2020): (1, 1, pytest.approx(0.5)),
        ("bovenbouwsucces", "vmbo-gt", 2020): (2, 2, None),
        ("bovenbouwsucces", "havo", 2021): (0, 1, pytest.approx(0.5)),
        ("bovenbouwsucces", "vwo", 2021): (1, 1, pytest.approx(round(2 / 3, 4))),
    }


BESTEMMINGEN = ["mbo_1", "mbo_2", "mbo_3", "mbo_4", "hbo", "wo", "vo", "overig", "geen"]


def _doorstroom(afdeling: str, jaar: int, tellers: dict[str, int], gemiddelden=None) -> dict:
    noemer = sum(tellers.values())
    gemiddelden = gemiddelden or {}
    return {
        (f"doorstroom_{b}", afdeling, jaar): (tellers.get(b, 0), noemer, gemiddelden.get(b))
        for b in BESTEMMINGEN
    }


def test_doorstroom_vervolgonderwijs_vestiging_d(run):
    # 2020 vmbo-k: d01 and d02 mbo-3, d03 mbo-2, d04 not enrolled. havo: d05 hbo, d06 vwo.
    # vmbo-gt: d07 havo. 2021 vmbo-k: d10 mbo-3; with 2020 that averages 3 of 5 in mbo-3.
    verwacht = {
        **_doorstroom("vmbo-k", 2020, {"mbo_2": 1, "mbo_3": 2, "geen": 1}),
        **_doorstroom("havo", 2020, {"hbo": 1, "vo": 1}),
        **_doorstroom("vmbo-gt", 2020, {"vo": 1}),
        **_doorstroom("vmbo-k", 2021, {"mbo_3": 1}, {
            "mbo_1": pytest.approx(0.0), "mbo_2": pytest.approx(0.2), "mbo_3": pytest.approx(0.6),
            "mbo_4": pytest.approx(0.0), "hbo": pytest.approx(0.0), "wo": pytest.approx(0.0),
            "vo": pytest.approx(0.0), "overig": pytest.approx(0.0), "geen": pytest.approx(0.2),
        }),
    }
    indicatoren = [f"doorstroom_{b}" for b in BESTEMMINGEN]
    assert _rijen(run, D, indicatoren) == verwacht


def test_doorstroom_still_enrolled_year_later(run):
    # d01 starts mbo-3 and leaves it; d02 stays in mbo-3; d03 goes from mbo-2 to mbo-3, still
    # mbo. d05 goes from hbo to wo, another sector. d06 and d07 stay in vo. 2021's graduate has
    # no row: 2023 is not in the extract.
    gebleven = [f"doorstroom_{b}_na_een_jaar" for b in BESTEMMINGEN if b != "geen"]
    assert _rijen(run, D, gebleven) == {
        ("doorstroom_mbo_2_na_een_jaar", "vmbo-k", 2020): (1, 1, None),
        ("doorstroom_mbo_3_na_een_jaar", "vmbo-k", 2020): (1, 2, None),
        ("doorstroom_hbo_na_een_jaar", "havo", 2020): (0, 1, None),
        ("doorstroom_vo_na_een_jaar", "havo", 2020): (1, 1, None),
        ("doorstroom_vo_na_een_jaar", "vmbo-gt", 2020): (1, 1, None),
    }


def test_vavo_diploma_vestiging_not_in_feed(run):
    # b04's vavo vestiging has no regular vo pupils, so it gets no rows.
    assert _feed(run).filter(pl.col("vestiging") == C[:4] + "09").height == 0


def test_waarde_is_teller_over_noemer(run):
    feed = _feed(run)
    assert feed["noemer"].min() > 0
    verschil = (feed["waarde"] - (feed["teller"] / feed["noemer"]).round(4)).abs().max()
    assert verschil == pytest.approx(0.0)
    assert not feed["onderdrukt"].any()


def _metadata(run) -> dict:
    materialisatie = run.resultaat.asset_materializations_for_node("vensters_vo")[0]
    return {sleutel: waarde.value for sleutel, waarde in materialisatie.metadata.items()}


def test_coverage_reports_empty_vestigingen(run):
    metadata = _metadata(run)
    # A, C, D, G have rows; E (pro leerjaar 4-5 only) and F (only 2022) are empty; B is not in
    # the vestigingen list, and the vavo vestiging has no regular vo pupils.
    assert metadata["vo_vestigingen"] == 6
    assert metadata["vestigingen_gevuld"] == 4
    assert metadata["vestigingen_alles_onderdrukt"] == 0
    assert metadata["vestigingen_leeg"] == 2
    assert metadata["vestigingen_leeg_per_reden"] == {
        "buiten_indicatoren": 1, "alleen_laatste_schooljaar": 1,
    }
    assert metadata["vestigingen_niet_in_vestigingenlijst"] == 1


def test_suppression_of_small_counts(run_onderdrukt):
    feed = _feed(run_onderdrukt)
    rij = {
        (r["vestiging"], r["indicator"], r["afdeling"], r["schooljaar"]): r
        for r in feed.iter_rows(named=True)
    }
    # A 2021 onderbouwsnelheid is 1 of 1: both counts, the value and the average are emptied.
    klein = rij[(A, "onderbouwsnelheid", None, 2021)]
    assert (klein["teller"], klein["noemer"], klein["waarde"], klein["gemiddelde_3_jaar"]) == (
        None, None, None, None)
    assert klein["onderdrukt"]
    # A 2020 is 9 of 11 with 10 of 10 before it: everything is published.
    groot = rij[(A, "onderbouwsnelheid", None, 2020)]
    assert (groot["teller"], groot["noemer"]) == (9, 11)
    assert groot["gemiddelde_3_jaar"] == pytest.approx(round(19 / 21, 4))
    assert not groot["onderdrukt"]
    # A 2021 advice: 1 onder of 5 judged. The teller goes, the noemer 5 stays.
    onder = rij[(A, "advies_onder", None, 2021)]
    assert (onder["teller"], onder["noemer"], onder["waarde"]) == (None, 5, None)
    assert onder["onderdrukt"]
    # A zero is published next to a suppressed noemer (A 2022: 0 onder of 1).
    nul = rij[(A, "advies_onder", None, 2022)]
    assert (nul["teller"], nul["noemer"]) == (0, None)


def test_suppression_of_average_from_small_year(run_onderdrukt):
    feed = _feed(run_onderdrukt).filter(
        (pl.col("vestiging") == G) & (pl.col("indicator") == "onderbouwsnelheid")
    )
    rijen = {r["schooljaar"]: r for r in feed.iter_rows(named=True)}
    # G: 3 of 3 in 2019, 9 of 9 in 2020, 6 of 6 in 2021. The 2020 and 2021 values are published,
    # but their averages sum 2019's small counts, so they are emptied and the rows marked.
    assert rijen[2019]["teller"] is None
    assert rijen[2019]["onderdrukt"]
    for jaar, aantal in ((2020, 9), (2021, 6)):
        assert (rijen[jaar]["teller"], rijen[jaar]["noemer"]) == (aantal, aantal)
        assert rijen[jaar]["waarde"] == pytest.approx(1.0)
        assert rijen[jaar]["gemiddelde_3_jaar"] is None
        assert rijen[jaar]["onderdrukt"]


def test_feed_layout_as_vensters_reads_it(run_onderdrukt):
    map_ = run_onderdrukt.uitvoer / "vo-raad" / "vensters_vo"
    ruw = (map_ / "vensters_vo.csv").read_bytes()
    assert not ruw.startswith(b"\xef\xbb\xbf")
    tekst = ruw.decode("utf-8")
    assert tekst.splitlines()[0] == KOP
    assert KOP == ";".join(FEED)

    rijen = list(csv.DictReader(io.StringIO(tekst), delimiter=";"))
    parquet = _feed(run_onderdrukt)
    assert len(rijen) == parquet.height
    assert {len(r) for r in rijen} == {len(FEED)}
    eerste = parquet.row(0, named=True)
    verwacht = {
        kolom: "" if waarde is None else ("true" if waarde is True else
                                          "false" if waarde is False else str(waarde))
        for kolom, waarde in eerste.items()
    }
    assert rijen[0] == verwacht
    onderdrukt = [r for r in rijen if r["onderdrukt"] == "true"]
    assert onderdrukt and all(r["waarde"] == "" for r in onderdrukt if r["teller"] == "")

    leesmij = (map_ / "LEESMIJ.md").read_text(encoding="utf-8")
    assert f"```\n{KOP}\n```" in leesmij
    assert "1 tot en met 4" in leesmij


def test_feed_has_no_persoon_id(run):
    map_ = run.uitvoer / "vo-raad" / "vensters_vo"
    assert "persoon_id" not in pl.read_parquet_schema(map_ / "vensters_vo.parquet")
    tekst = (map_ / "vensters_vo.csv").read_text(encoding="utf-8")
    assert "s01" not in tekst
    assert "d01" not in tekst


def test_definition_unknown_key_named(definities):
    bestand = definities / "vensters-vo.yaml"
    pas_yaml_aan(bestand, lambda d: d["bovenbouwsucces"].update({"vanaf_leerjar": 3}))
    with pytest.raises(DefinitieFout) as fout:
        laad_registry(definities)
    assert str(bestand) in str(fout.value)
    assert "sleutel 'bovenbouwsucces.vanaf_leerjar': onbekende sleutel" in str(fout.value)


def test_definition_soort_in_two_afdelingen(definities):
    bestand = definities / "vensters-vo.yaml"
    pas_yaml_aan(bestand, lambda d: d["afdelingen"]["vwo"]["onderwijssoorten"].append("havo/vwo"))
    with pytest.raises(DefinitieFout, match=r"'afdelingen.vwo.onderwijssoorten': 'havo/vwo' staat "
                                            r"ook in afdeling 'havo'"):
        laad_registry(definities)


def test_definition_soort_without_bestemming(definities):
    bestand = definities / "vensters-vo.yaml"
    pas_yaml_aan(bestand, lambda d: d["doorstroom_vervolgonderwijs"]["bestemmingen"].pop("wo"))
    with pytest.raises(DefinitieFout, match=r"geen bestemming voor wo-ba, wo-ma"):
        laad_registry(definities)


def test_feed_listed_in_manifest(tmp_path):
    import json

    from tests.test_voorbeeld import VOORBEELD

    run = draai_job(VOORBEELD, tmp_path / "uit")
    manifest = json.loads((run.uitvoer / "vo-raad" / "manifest.json").read_text(encoding="utf-8"))
    bestanden = {b["bestand"] for b in manifest["vensters_vo"]}
    assert bestanden == {
        "vensters_vo/vensters_vo.csv", "vensters_vo/vensters_vo.parquet", "vensters_vo/LEESMIJ.md",
    }
    assert all(len(b["sha256"]) == 64 for b in manifest["vensters_vo"])
