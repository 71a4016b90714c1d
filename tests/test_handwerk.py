"""Hand-worked cases: each expected value below was worked out on paper before the job ran.

The extract covers 2019-2023. Persons p01-p27 test the doorstromer definitions and the
principal enrolment; pupils a01-a12 (groep 8 in 2019) test advice against position in leerjaar 3.
"""

from __future__ import annotations

import re

import polars as pl
import pytest

from tests.conftest import advies, diploma, draai_job, inschrijving, schrijf_extract

PO_A, PO_A2, PO_B, SO = "10AA00", "10AA01", "11BB00", "12SO00"
VO, VO2, AOC = "20VO00", "21VO00", "93AO00"
MBO, HBO, WO = "40MB00", "30HB00", "50WO00"


def _personen():
    i = inschrijving
    d = diploma
    inschrijvingen = [
        # PO-Raad schoolwisseling, origin 2020.
        i("p01", 2020, PO_A, "bao", 5), i("p01", 2021, PO_B, "bao", 6),   # other brin: yes
        i("p02", 2020, PO_A, "bao", 5), i("p02", 2021, PO_A2, "bao", 6),  # same brin: no
        i("p03", 2020, PO_A, "bao", 7), i("p03", 2021, SO, "so", 8),      # to so: yes
        i("p04", 2020, PO_A, "bao", 8), i("p04", 2021, PO_B, "bao", 8),   # groep 8: outside
        i("p05", 2020, PO_A, "bao", 3),                                   # leaves: no
        i("p06", 2020, SO, "so", 4), i("p06", 2021, PO_B, "bao", 5),      # so origin: outside
        # Principal enrolment.
        i("p07", 2020, VO, "havo", 5), i("p07", 2020, HBO, "hbo-ba", 1),
        i("p07", 2020, VO, "vavo", 5),
        i("p07", 2021, MBO, "mbo-4", 1, "25180", "bol"), i("p07", 2021, VO, "vavo", 6),
        i("p08", 2020, VO, "vmbo-k", 3), i("p08", 2020, VO2, "vmbo-t", 3),
        i("p09", 2020, PO_A, "sbo", 6), i("p09", 2020, SO, "so", 6),
        # VO-raad vervolgonderwijs, diplomas in 2020.
        i("p10", 2021, MBO, "mbo-4", 1, "25140", "bol"),
        i("p11", 2021, VO, "havo", 4),
        i("p12", 2021, VO, "vwo", 5),
        i("p13", 2021, VO, "vmbo-t", 4),
        i("p15", 2021, VO, "vavo", 5),
        # MBO Raad mbo_hbo.
        i("p16", 2021, HBO, "hbo-ad", 1),
        i("p17", 2021, WO, "wo-ba", 1),
        i("p18", 2021, HBO, "hbo-ba", 1),
        i("p19", 2021, WO, "wo-ba", 1), i("p19", 2021, HBO, "hbo-ba", 1),
        # AOC Raad.
        i("p20", 2021, AOC, "mbo-2", 1, "25350", "bbl"),
        i("p22", 2021, MBO, "mbo-4", 1, "25180", "bol"),
        i("p23", 2021, HBO, "hbo-ba", 1),
        # Vereniging Hogescholen and Universiteiten van Nederland.
        i("p24", 2021, WO, "wo-ma", 1),
        i("p25", 2021, HBO, "hbo-ba", 1),
        i("p26", 2021, WO, "wo-ma", 1),
        i("p27", 2021, HBO, "hbo-ma", 1),
    ]
    diplomas = [
        d("p10", 2020, VO, "vmbo-t"), d("p11", 2020, VO, "vmbo-t"), d("p12", 2020, VO, "havo"),
        d("p13", 2020, VO, "vmbo-t"), d("p14", 2020, VO, "vwo"), d("p15", 2020, VO, "vmbo-t"),
        d("p16", 2020, MBO, "mbo-4", "25180"), d("p17", 2020, MBO, "mbo-4", "25180"),
        d("p18", 2020, MBO, "mbo-3", "25190"), d("p19", 2020, MBO, "mbo-4", "25140"),
        d("p20", 2020, AOC, "vmbo-b"), d("p21", 2020, AOC, "vmbo-k"), d("p22", 2020, VO, "vmbo-t"),
        d("p23", 2020, AOC, "mbo-4", "25350"),
        d("p24", 2020, HBO, "hbo-ba", "34401"), d("p25", 2020, HBO, "hbo-ba", "34401"),
        d("p26", 2020, WO, "wo-ba", "56401"), d("p27", 2020, WO, "wo-ba", "56401"),
    ]
    return inschrijvingen, diplomas


def _leerlingen():
    """Cohort 2019 (groep 8 in 2019-2020): leerjaar 1 in 2020, leerjaar 3 in 2022."""
    i = inschrijving
    paden = {
        # pupil: (advice code, [(year, onderwijssoort, leerjaar), ...])
        "a01": (75, [(2020, "havo/vwo", 1), (2021, "havo/vwo", 2), (2022, "havo", 3)]),
        "a02": (75, [(2020, "havo/vwo", 1), (2021, "havo/vwo", 2), (2022, "vwo", 3)]),
        "a03": (70, [(2020, "havo/vwo", 1), (2021, "havo/vwo", 2), (2022, "havo/vwo", 3)]),
        "a04": (60, [(2020, "vmbo-gt/havo", 1), (2021, "vmbo-gt/havo", 2), (2022, "vmbo-t", 3)]),
        "a05": (66, [(2020, "vmbo-gt/havo", 1), (2021, "vmbo-gt/havo", 2), (2022, "havo", 3)]),
        "a06": (70, [(2020, "havo/vwo", 1), (2021, "havo", 2), (2022, "vmbo-t", 3)]),
        # Delayed: repeats leerjaar 2, so leerjaar 3 is only reached in 2023.
        "a07": (80, [(2020, "vwo", 1), (2021, "vwo", 2), (2022, "vwo", 2), (2023, "vwo", 3)]),
        # Leaves vo for mbo after leerjaar 2.
        "a08": (50, [(2020, "vmbo-g", 1), (2021, "vmbo-g", 2), (2022, "mbo-2", 1)]),
        "a09": (0, [(2020, "vmbo-b", 1), (2021, "vmbo-b", 2), (2022, "vmbo-b", 3)]),
        "a10": (5, [(2020, "vso", 1), (2021, "vso", 2), (2022, "vso", 3)]),
        "a11": (65, [(2020, "vmbo-gt/havo", 1), (2021, "havo", 2), (2022, "havo", 3)]),
        "a12": (35, [(2020, "vmbo-k", 1), (2021, "vmbo-k", 2), (2022, "vmbo-k", 3)]),
    }
    inschrijvingen, adviezen = [], []
    for leerling, (code, pad) in paden.items():
        adviezen.append(advies(leerling, 2019, PO_A, code))
        for jaar, soort, leerjaar in pad:
            if soort.startswith("mbo"):
                vestiging = MBO
            elif soort == "vso":
                vestiging = SO
            else:
                vestiging = VO2
            inschrijvingen.append(i(leerling, jaar, vestiging, soort, leerjaar))
    # a11's advice was revised upward to havo; the Inspectie uses the first one.
    adviezen.append(advies("a11", 2019, PO_A, 70, "herzien"))
    return inschrijvingen, adviezen


@pytest.fixture(scope="module")
def extract(tmp_path_factory):
    inschrijvingen, diplomas = _personen()
    leerlingen, adviezen = _leerlingen()
    # 2023 needs an enrolment so the extract's last school year is 2023.
    laatste = [inschrijving("z01", 2023, PO_B, "bao", 1), inschrijving("z01", 2019, PO_B, "bao", 1)]
    return schrijf_extract(
        tmp_path_factory.mktemp("handwerk") / "extract",
        inschrijvingen=inschrijvingen + leerlingen + laatste,
        diplomas=diplomas,
        schooladviezen=adviezen,
    )


@pytest.fixture(scope="module")
def run(extract, tmp_path_factory):
    return draai_job(extract, tmp_path_factory.mktemp("uit"), min_cel=0)


def _landelijk(run, raad: str, definitie: str, jaar: int = 2020) -> tuple[int, int]:
    rij = run.parquet(raad, "doorstromers").filter(
        (pl.col("definitie") == definitie) & (pl.col("niveau") == "landelijk")
        & (pl.col("schooljaar") == jaar)
    )
    assert rij.height == 1, rij
    return rij["populatie"][0], rij["doorstromers"][0]


@pytest.mark.parametrize(
    ("raad", "definitie", "verwacht"),
    [
        # p01, p02, p03, p05 in; p01 (other brin) and p03 (so) move.
        ("po-raad", "schoolwisseling", (4, 2)),
        # p10-p15, p20-p22: p10, p11, p12, p20, p22 go on; p13 same level, p14 leaves, p15 vavo.
        ("vo-raad", "vervolgonderwijs", (9, 5)),
        # p16, p17, p19, p23: p16 hbo-ad, p19 hbo-ba beside wo-ba, p23 hbo-ba; p17 wo only.
        ("mbo-raad", "mbo_hbo", (4, 3)),
        # p20, p21 at an AOC; p22's vmbo diploma is not from an AOC.
        ("aoc-raad", "vmbo_mbo", (2, 1)),
        ("aoc-raad", "mbo_hbo", (1, 1)),
        # p24 wo-ma yes, p25 second bachelor no.
        ("vereniging-hogescholen", "bachelor_master", (2, 1)),
        # p26 wo-ma yes, p27 hbo-ma no.
        ("universiteiten-van-nederland", "bachelor_master", (2, 1)),
    ],
)
def test_doorstromers_landelijk(run, raad, definitie, verwacht):
    assert _landelijk(run, raad, definitie) == verwacht


def test_doorstromers_percentage_and_levels(run):
    frame = run.parquet("po-raad", "doorstromers").filter(pl.col("schooljaar") == 2020)
    landelijk = frame.filter(pl.col("niveau") == "landelijk")
    assert landelijk["percentage"][0] == pytest.approx(50.0)
    instelling = frame.filter(pl.col("niveau") == "instelling")
    assert instelling.select("brin", "populatie", "doorstromers").rows() == [("10AA", 4, 2)]
    vestiging = frame.filter(pl.col("niveau") == "vestiging")
    assert vestiging.select("vestiging", "populatie").rows() == [("10AA00", 4)]
    assert not frame["onderdrukt"].any()


def test_doorstromers_per_sector(run):
    from pipelines.transform.raden import doorstromers_per_sector

    tellingen = run.tabel("doorstromers").filter(pl.col("raad") == "mbo-raad")
    per_sector = doorstromers_per_sector(tellingen).filter(pl.col("schooljaar") == 2020)
    # Crebo 25180 techniek (p16 yes, p17 no), 25140 economie (p19), 25350 landbouw (p23).
    assert per_sector.select("sector", "populatie", "doorstromers").rows() == [
        ("Economie", 1, 1), ("Landbouw", 1, 1), ("Techniek", 2, 1),
    ]


def test_last_year_has_no_doorstromers(run):
    # 2023 is the extract's last year, so t + 1 is not observed and 2023 is left out.
    jaren = run.parquet("po-raad", "doorstromers")["schooljaar"].unique().to_list()
    assert 2023 not in jaren


def test_hoofdinschrijving_priority(run):
    # The principal enrolments carry only the person key; inschrijvingen has the persoon_id.
    personen = run.tabel("inschrijvingen").select("persoon_id", "persoon_sleutel").unique()
    hoofd = run.tabel("hoofdinschrijvingen").join(personen, on="persoon_sleutel", how="left")
    assert "persoon_id" not in run.tabel("hoofdinschrijvingen").columns
    soort = {
        (p, j): s for p, j, s in hoofd.select("persoon_id", "schooljaar", "onderwijssoort").rows()
    }
    assert soort[("p07", 2020)] == "hbo-ba"   # ho before vo and vavo
    assert soort[("p07", 2021)] == "mbo-4"    # mbo before vavo
    assert soort[("p08", 2020)] == "vmbo-t"   # same sector: highest level
    assert soort[("p09", 2020)] == "so"       # (v)so before (s)bo
    assert hoofd.select("persoon_id", "schooljaar").is_duplicated().sum() == 0


def test_transition_uses_principal_enrolment(run):
    doorstroom = run.parquet("vereniging-hogescholen", "doorstroom").filter(
        (pl.col("niveau") == "landelijk") & (pl.col("schooljaar") == 2020)
        & (pl.col("termijn") == 1) & (pl.col("van") == "hbo-ba")
    )
    assert doorstroom.select("naar", "aantal").rows() == [("mbo-4", 1)]
    # The havo and vavo enrolments of p07 in 2020 are not principal, so VO-raad has no havo row.
    vo = run.parquet("vo-raad", "doorstroom").filter(
        (pl.col("schooljaar") == 2020) & (pl.col("van") == "havo")
    )
    assert vo.height == 0


def test_transition_shares_sum_to_one(run):
    doorstroom = run.parquet("po-raad", "doorstroom")
    sommen = doorstroom.group_by(
        "schooljaar", "termijn", "niveau", "brin", "vestiging", "van", "diploma"
    ).agg(pl.col("aandeel").sum())
    assert sommen["aandeel"].to_list() == pytest.approx([1.0] * sommen.height)


def test_geen_inschrijving_destination(run):
    po = run.parquet("po-raad", "doorstroom").filter(
        (pl.col("niveau") == "landelijk") & (pl.col("schooljaar") == 2020)
        & (pl.col("termijn") == 1) & (pl.col("van") == "bao")
    )
    naar = dict(po.select("naar", "aantal").rows())
    # p01, p02, p04 stay in bao, p03 goes to so, p05 leaves.
    assert naar == {"bao": 3, "so": 1, "geen_inschrijving": 1}


EXPECTED_ADVIES = {
    ("havo/vwo", "havo"): "op",
    ("havo/vwo", "vwo"): "boven",
    ("havo", "havo/vwo"): "boven",
    ("vmbo-gl/havo", "vmbo-t"): "op",
    ("vmbo-tl/havo", "havo"): "boven",
    ("havo", "vmbo-t"): "onder",
    ("vwo", "vwo"): "op",                          # delayed pupil, leerjaar 3 in 2023
    ("vmbo-gl", "niet_in_leerjaar_3"): None,       # left vo
    ("geen", "vmbo-b"): None,                      # no advice: counted, not judged
    ("vso", "vso"): None,                          # vso advice: counted, not judged
    ("vmbo-tl", "havo"): "boven",                  # first advice, not the revision
    ("vmbo-k/gl", "vmbo-k"): "op",
}


def test_advies_positie_judgements(run):
    matrix = run.parquet("po-raad", "advies_positie").filter(
        (pl.col("niveau") == "landelijk") & (pl.col("cohort") == 2019)
    )
    gevonden = {(r["advies"], r["positie"]): r["oordeel"] for r in matrix.iter_rows(named=True)}
    assert gevonden == EXPECTED_ADVIES
    assert matrix["aantal"].to_list() == [1] * len(EXPECTED_ADVIES)


def test_advies_positie_levels_per_council(run):
    po = run.parquet("po-raad", "advies_positie")
    vo = run.parquet("vo-raad", "advies_positie")
    assert set(po["niveau"]) == {"landelijk", "po_vestiging"}
    assert set(vo["niveau"]) == {"landelijk", "vo_vestiging"}
    assert po.filter(pl.col("niveau") == "po_vestiging")["vestiging"].unique().to_list() == [PO_A]
    # vso pupil a10 was in leerjaar 1 at a vso branch, the others at VO2.
    vestigingen = vo.filter(pl.col("niveau") == "vo_vestiging")
    assert dict(vestigingen.group_by("vestiging").agg(pl.col("aantal").sum()).rows()) == {
        VO2: 11, SO: 1,
    }
    assert not (tmp := run.uitvoer / "mbo-raad" / "advies_positie.parquet").exists(), tmp


def test_no_persoon_id_in_output(run):
    raden = [map_ for map_ in run.uitvoer.iterdir() if map_.is_dir() and map_.name != "intern"]
    assert len(raden) == 6
    for parquet in (p for map_ in raden for p in map_.rglob("*.parquet")):
        kolommen = pl.read_parquet_schema(parquet)
        assert "persoon_id" not in kolommen, parquet
    # Whole words only: the run id and hashes on every page are hex and may contain "a01".
    for html in (p for map_ in raden for p in map_.rglob("*.html")):
        tekst = html.read_text(encoding="utf-8")
        assert not re.search(r"\bp01\b", tekst), html
        assert not re.search(r"\ba01\b", tekst), html
