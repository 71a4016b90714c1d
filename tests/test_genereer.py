"""The national generator reproduces the DUO and Inspectie figures it is calibrated on.

Runs are limited to Zeeland (about 18,600 vo pupils) or a small scale to stay fast. Expected
DUO counts are summed here from the raw CSV, apart from the readers under test.
"""

from __future__ import annotations

import io
import shutil

import numpy as np
import polars as pl
import pytest
import yaml

from pipelines.errors import DefinitieFout
from pipelines.genereer import kalibratie
from pipelines.genereer import parameters as par
from pipelines.genereer.genereer import genereer
from pipelines.load.bestanden import lees_bestand
from pipelines.registry import laad_registry
from tests.conftest import DEFINITIES, draai_job

PROVINCIE = "Zeeland"
LEERLINGEN_VO = "leerlingen-vo-per-vestiging-naar-onderwijstype-2019.csv"


def _ruwe_telling(duo_map, provincie: str | None = None) -> pl.DataFrame:
    """One row per source line: vestiging and its 12 counts, in file order."""
    tekst = (duo_map / LEERLINGEN_VO).read_bytes().decode("cp1252")
    frame = pl.read_csv(io.StringIO(tekst), separator=";", infer_schema=False)
    if provincie:
        frame = frame.filter(pl.col("PROVINCIE VESTIGING") == provincie)
    kolommen = [k for k in frame.columns if k.startswith("LEER- OF VERBLIJFSJAAR")]
    return frame.select(
        (pl.col("BRIN NUMMER") + pl.col("VESTIGINGSNUMMER")).alias("vestiging"),
        *[pl.col(k).cast(pl.Int64) for k in kolommen],
    )


def _genereer(map_, duo_map, **opties):
    opties.setdefault("eerste_jaar", 2015)
    opties.setdefault("laatste_jaar", 2024)
    genereer(map_, duo=duo_map, definities=DEFINITIES, **opties)
    return map_


@pytest.fixture(scope="module")
def zeeland(tmp_path_factory, duo_map):
    return _genereer(tmp_path_factory.mktemp("zeeland"), duo_map, schaal=1.0, provincies=[PROVINCIE])


@pytest.fixture(scope="module")
def registry():
    return laad_registry(DEFINITIES)


def test_vo_2019_equals_duo_per_branch(zeeland, duo_map):
    ruw = _ruwe_telling(duo_map, PROVINCIE)
    verwacht = dict(ruw.group_by("vestiging").agg(
        pl.sum_horizontal(pl.exclude("vestiging")).sum()).iter_rows())
    inschrijvingen = pl.read_parquet(zeeland / "inschrijvingen_2019.parquet")
    vo = inschrijvingen.filter(pl.col("vestiging").is_in(list(verwacht)))
    gevonden = dict(vo.group_by("vestiging").len().iter_rows())
    assert gevonden == verwacht
    assert sum(verwacht.values()) == 18_612


def test_vo_2019_equals_duo_per_soort_leerjaar(zeeland, duo_map, registry):
    duo = kalibratie.duo_vo_geschaald(duo_map, registry, 1.0, [PROVINCIE])
    vergelijking = kalibratie.vergelijk_vo(kalibratie.lees_extract(zeeland, "inschrijvingen"), duo)
    afwijkend = vergelijking.filter(pl.col("verschil") != 0)
    assert afwijkend.height == 0, afwijkend.head(5)
    assert vergelijking.height > 300


def test_advice_shares_within_3pp(zeeland, duo_map, registry):
    aandelen = kalibratie.advies_aandelen(
        kalibratie.lees_extract(zeeland, "schooladviezen"),
        kalibratie.lees_extract(zeeland, "inschrijvingen"),
        registry,
    )
    vergelijking = kalibratie.vergelijk_advies(aandelen, kalibratie.inspectie_doelen(duo_map, registry))
    assert vergelijking.height == 15
    te_ver = vergelijking.filter(pl.col("verschil_pp").abs() > 3)
    assert te_ver.height == 0, te_ver


def test_hbo_within_one_percent(zeeland, duo_map):
    grenzen = kalibratie.hbo_grenzen(duo_map, [PROVINCIE])
    vergelijking = kalibratie.vergelijk_hbo(
        kalibratie.lees_extract(zeeland, "inschrijvingen"), grenzen, 1.0)
    assert sorted(vergelijking["jaar"].unique()) == [2020, 2021, 2022, 2023, 2024]
    assert vergelijking.filter(pl.col("buiten_bereik") != 0).height == 0
    exact = vergelijking.filter(~pl.col("onderdrukt"))
    assert (exact["extract"] == exact["minimum"]).all()
    per_jaar = vergelijking.group_by("jaar").agg(pl.col("extract").sum(), pl.col("minimum").sum())
    assert ((per_jaar["extract"] / per_jaar["minimum"] - 1).abs() < 0.01).all()


def test_po_pupils_in_real_bo_branches(zeeland, duo_map):
    register = lees_bestand(duo_map / "alle-vestigingen-bo.csv")[0]["VESTIGINGSNUMMER"]
    po = pl.read_parquet(zeeland / "inschrijvingen_2019.parquet").filter(pl.col("onderwijssoort") == "bao")
    assert po.height > 0
    assert po["vestiging"].is_in(register.implode()).all()
    assert set(po["leerjaar"]) == set(range(1, 9))


def _po_inschrijvingen(extract, jaar: int) -> pl.DataFrame:
    return pl.read_parquet(extract / f"inschrijvingen_{jaar}.parquet").filter(
        pl.col("onderwijssoort") == "bao")


def test_po_school_change_rate(zeeland):
    """A pupil in groep 1-7 is at another branch a year later at about PO_SCHOOLWISSEL."""
    paren = _po_inschrijvingen(zeeland, 2018).filter(pl.col("leerjaar") <= 7).join(
        _po_inschrijvingen(zeeland, 2019).select("persoon_id", pl.col("vestiging").alias("later")),
        on="persoon_id")
    gewisseld = (paren["vestiging"] != paren["later"]).mean()
    # A draw of the same branch is no change, so the share lies a little below the rate.
    assert gewisseld > 0.8 * par.PO_SCHOOLWISSEL
    assert gewisseld <= 1.1 * par.PO_SCHOOLWISSEL


def test_groep_8_at_advising_branch(zeeland):
    advies = pl.read_parquet(zeeland / "schooladviezen.parquet").filter(pl.col("schooljaar") == 2019)
    groep_8 = _po_inschrijvingen(zeeland, 2019).filter(pl.col("leerjaar") == 8).select(
        "persoon_id", "vestiging")
    samen = advies.join(groep_8, on="persoon_id", suffix="_po")
    assert samen.height > 0
    assert (samen["vestiging"] == samen["vestiging_po"]).all()


def test_vestigingen_from_registers(zeeland):
    bo = pl.read_parquet(zeeland / "vestigingen_bo.parquet")
    vo = pl.read_parquet(zeeland / "vestigingen_vo.parquet")
    assert {"vestiging", "brin", "naam", "gemeente", "corop_code"} <= set(bo.columns)
    assert bo["vestiging"].n_unique() == bo.height
    assert vo.height == 32


def test_scaled_counts_use_cumulative_rounding(tmp_path, duo_map):
    schaal = 0.02
    map_ = _genereer(tmp_path / "extract", duo_map, schaal=schaal, eerste_jaar=2019, laatste_jaar=2019)
    ruw = _ruwe_telling(duo_map)
    # Every count in file order (line, then column), scaled by round(s * running total).
    aantallen = ruw.select(pl.exclude("vestiging")).to_numpy().ravel()
    lopend = np.floor(np.cumsum(aantallen) * schaal + 0.5)
    geschaald = np.diff(np.concatenate([[0.0], lopend])).reshape(ruw.height, -1).sum(axis=1)
    verwacht = (
        ruw.select("vestiging").with_columns(pl.Series("aantal", geschaald.astype(np.int64)))
        .group_by("vestiging").agg(pl.col("aantal").sum()).filter(pl.col("aantal") > 0)
    )
    inschrijvingen = pl.read_parquet(map_ / "inschrijvingen_2019.parquet")
    gevonden = inschrijvingen.filter(pl.col("vestiging").is_in(verwacht["vestiging"].implode()))
    assert dict(gevonden.group_by("vestiging").len().iter_rows()) == dict(verwacht.iter_rows())
    assert gevonden.height == round(956_857 * schaal)
    # Each branch stays within one pupil of its exact share.
    exact = ruw.group_by("vestiging").agg(
        (pl.sum_horizontal(pl.exclude("vestiging")).sum() * schaal).alias("exact"))
    verschil = verwacht.join(exact, on="vestiging").select(
        (pl.col("aantal") - pl.col("exact")).abs().max()).item()
    assert verschil <= 1


def test_same_seed_same_extract(tmp_path, duo_map):
    opties = dict(schaal=0.1, provincies=[PROVINCIE], eerste_jaar=2018, laatste_jaar=2019)
    eerste = _genereer(tmp_path / "a", duo_map, **opties)
    tweede = _genereer(tmp_path / "b", duo_map, **opties)
    for naam in ("inschrijvingen_2018", "inschrijvingen_2019", "schooladviezen", "diplomas"):
        assert pl.read_parquet(eerste / f"{naam}.parquet").equals(
            pl.read_parquet(tweede / f"{naam}.parquet")), naam


def test_csv_written_in_duo_style(tmp_path, duo_map):
    map_ = _genereer(tmp_path / "csv", duo_map, schaal=0.05, provincies=[PROVINCIE],
                     eerste_jaar=2019, laatste_jaar=2019, formaat="csv")
    inhoud = (map_ / "vestigingen_bo.csv").read_bytes()
    assert inhoud.startswith(b"vestiging;brin;naam;gemeente;")
    assert b"\r\n" in inhoud
    # Names with accents are single Windows-1252 bytes, as in DUO's own files.
    assert b"\xc3" not in inhoud
    frame, info = lees_bestand(map_ / "inschrijvingen_2019.csv")
    assert info["scheidingsteken"] == ";"
    assert frame.height == pl.read_csv(map_ / "inschrijvingen_2019.csv", separator=";").height


def test_job_counts_equal_duo_scaled(tmp_path, duo_map, registry):
    schaal = 0.2
    map_ = _genereer(tmp_path / "extract", duo_map, schaal=schaal, provincies=[PROVINCIE],
                     eerste_jaar=2018, laatste_jaar=2020)
    # Only the load and principal-enrolment steps matter here, so a failing publish step
    # elsewhere in the job does not hide this comparison.
    run = draai_job(map_, tmp_path / "uit", raise_on_error=False)
    duo = kalibratie.duo_vo_geschaald(duo_map, registry, schaal, [PROVINCIE])
    verwacht = dict(duo.group_by("vestiging").agg(pl.col("duo").sum()).iter_rows())
    for tabel in ("inschrijvingen", "hoofdinschrijvingen"):
        frame = run.tabel(tabel).filter(
            (pl.col("schooljaar") == 2019) & pl.col("vestiging").is_in(list(verwacht)))
        assert dict(frame.group_by("vestiging").len().iter_rows()) == verwacht, tabel


def test_registry_rejects_unknown_soort_in_duo_mapping(tmp_path):
    kopie = tmp_path / "definitions"
    shutil.copytree(DEFINITIES, kopie)
    bestand = kopie / "duo-onderwijstypen.yaml"
    inhoud = yaml.safe_load(bestand.read_text(encoding="utf-8"))
    inhoud["elementcodes"]["0015"] = "havo-vwo"
    bestand.write_text(yaml.safe_dump(inhoud, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DefinitieFout) as fout:
        laad_registry(kopie)
    assert "sleutel 'elementcodes'" in str(fout.value)
    assert "'havo-vwo'" in str(fout.value)
