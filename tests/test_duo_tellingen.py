"""DUO's open-data count files and the Inspectie file, read as delivered, quirks included.

Expected totals were computed beforehand with a separate script (plain polars sums over the
raw columns and json.load), not with the readers under test.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from pipelines.errors import InvoerFout
from pipelines.load.duo_hbo import lees_ingeschrevenen_hbo
from pipelines.load.duo_inspectie import gewogen_gemiddelde, lees_toezichtkaarten
from pipelines.load.duo_leerlingen_vo import lees_leerlingen_vo, met_onderwijssoort
from pipelines.load.duo_tellingen import lees_telbestand
from pipelines.registry import laad_registry
from tests.conftest import DEFINITIES

LEERLINGEN_VO = "leerlingen-vo-per-vestiging-naar-onderwijstype-2019.csv"


@pytest.fixture(scope="module")
def typen():
    return laad_registry(DEFINITIES).duo_onderwijstypen


@pytest.fixture(scope="module")
def leerlingen_vo(duo_map):
    return lees_leerlingen_vo(duo_map / LEERLINGEN_VO)


def _cel(frame: pl.DataFrame, vestiging: str, kenmerk: str) -> dict:
    return frame.filter((pl.col("vestiging") == vestiging) & (pl.col("kenmerk") == kenmerk)).row(0, named=True)


def test_schooladviezen_suppressed_stays_suppressed(duo_map):
    frame = lees_telbestand(duo_map / "schooladviezen-2024-2025-eerste-8-rijen.csv")
    cel = _cel(frame, "00AP00", "VMBO_K")
    assert cel["aantal"] is None
    assert cel["onderdrukt"] is True
    nul = _cel(frame, "00AP00", "VSO")
    assert nul["aantal"] == 0
    assert nul["onderdrukt"] is False


def test_schooladviezen_layout_quirks(duo_map):
    frame = lees_telbestand(duo_map / "schooladviezen-2024-2025-eerste-8-rijen.csv")
    cel = _cel(frame, "00AR00", "VMBO_GT")
    assert cel["aantal"] == 10
    # A doubled quote inside a quoted field is one quote in the name.
    assert cel["INSTELLINGSNAAM_VESTIGING"] == 'BS "De Maasparel"'
    assert cel["PEILDATUM_LEERLINGEN"] == dt.date(2024, 10, 1)
    assert cel["PRIKDATUM"] == dt.date(2025, 9, 4)
    # GEMEENTENUMMER contains digits only but is a code, not a count.
    assert "GEMEENTENUMMER" not in frame["kenmerk"].unique().to_list()
    assert frame["kenmerk"].n_unique() == 12
    assert frame["vestiging"].n_unique() == 8


def test_count_file_rejects_unknown_value(tmp_path):
    pad = tmp_path / "telling.csv"
    pad.write_text(
        '"INSTELLINGSCODE";"VESTIGINGSCODE";"HAVO"\n"99ZZ";"00";"<5"\n"99ZY";"01";"vijf"\n',
        encoding="utf-8",
    )
    with pytest.raises(InvoerFout) as fout:
        lees_telbestand(pad, ["HAVO"])
    melding = str(fout.value)
    assert "regel 3" in melding
    assert "kolom 'HAVO'" in melding
    assert "'vijf'" in melding


def test_leerlingen_vo_total_and_branches(leerlingen_vo):
    assert leerlingen_vo["aantal"].sum() == 956_857
    assert leerlingen_vo["vestiging"].n_unique() == 1450
    assert leerlingen_vo["_regel"].n_unique() == 24_243
    assert leerlingen_vo["onderdrukt"].sum() == 0


def test_leerlingen_vo_long_row(leerlingen_vo):
    # First data row: 00AH, branch 00, brugjaar 0024, leerjaar 1: 89 men and 105 women.
    eerste = leerlingen_vo.filter((pl.col("vestiging") == "00AH00") & (pl.col("elementcode") == "0024")
                                  & (pl.col("leerjaar") == 1))
    assert dict(zip(eerste["geslacht"], eerste["aantal"])) == {"man": 89, "vrouw": 105}
    naam = leerlingen_vo.filter(pl.col("vestiging") == "19EO00")["naam"][0]
    assert naam == 'VMBO "De Jutter" Vlieland'


def test_leerlingen_vo_maps_every_row(duo_map, leerlingen_vo, typen):
    soorten = met_onderwijssoort(duo_map / LEERLINGEN_VO, leerlingen_vo, typen)
    assert soorten["onderwijssoort"].null_count() == 0
    per_code = dict(
        soorten.filter(pl.col("onderwijstype") == "Brugjaar 1-2")
        .select("elementcode", "onderwijssoort").unique().iter_rows()
    )
    assert per_code["0015"] == "havo/vwo"
    assert per_code["0033"] == "vmbo-b/k"
    vavo = soorten.filter(pl.col("onderwijstype") == "VWO uitbest. aan VAVO")
    assert set(vavo["onderwijssoort"]) == {"vavo"}
    assert set(vavo["herkomst"]) == {"vwo"}
    # Hand sum of the five HAVO/VWO lj 3 elementcodes for vwo (0100, 0200, 0017).
    vwo_lj3 = soorten.filter((pl.col("onderwijssoort") == "vwo") & (pl.col("leerjaar") == 3)
                             & (pl.col("onderwijstype") == "HAVO/VWO lj 3"))
    assert vwo_lj3["aantal"].sum() == 28_831 + 10_900 + 4_257


def test_leerlingen_vo_unknown_label_names_line(tmp_path, duo_map, typen):
    regels = (duo_map / LEERLINGEN_VO).read_bytes().decode("cp1252").splitlines()
    pad = tmp_path / "leerlingen.csv"
    pad.write_text("\n".join([regels[0], regels[1].replace("Brugjaar 1-2", "Brugjaar 1-3")]),
                   encoding="cp1252")
    with pytest.raises(InvoerFout) as fout:
        met_onderwijssoort(pad, lees_leerlingen_vo(pad), typen)
    melding = str(fout.value)
    assert "regel 2" in melding
    assert "'Brugjaar 1-3'" in melding
    assert "duo-onderwijstypen.yaml" in melding


def test_inspectie_reads_percentages(duo_map):
    toezicht = lees_toezichtkaarten(duo_map / "inspectie-toezichtkaarten-vo-2012.csv")
    rij = toezicht.filter((pl.col("vestiging") == "00AH00") & (pl.col("adviesgroep") == "bl"))
    assert dict(zip(rij["categorie"], rij["percentage"])) == {"pop": 40.0, "phond": 0.0, "pond": 60.0}
    assert rij["llns_brin"][0] == 3396
    # 1,169 lines; 1,105 branches of 537 brins have at least one advice figure.
    assert toezicht["vestiging"].n_unique() == 1105
    assert toezicht["brin"].n_unique() == 537
    # The havo columns include hapop, the name the openstate description lists as a second hapbov.
    assert "pop" in toezicht.filter(pl.col("adviesgroep") == "ha")["categorie"].to_list()


def test_inspectie_duplicate_hapbov_is_hapop(tmp_path):
    pad = tmp_path / "toezicht.csv"
    pad.write_bytes(b"brin;vestnr;llns;hapbov;haphbov;hapbov\r\n99ZZ;1;120 leerlingen;10;5;85\r\n")
    toezicht = lees_toezichtkaarten(pad)
    assert dict(zip(toezicht["categorie"], toezicht["percentage"])) == {
        "pbov": 10.0, "phbov": 5.0, "pop": 85.0}
    assert toezicht["vestiging"][0] == "99ZZ01"


def test_inspectie_weighted_mean_by_hand():
    toezicht = pl.DataFrame({
        "vestiging": ["01AA00", "02BB00", "03CC00"],
        "adviesgroep": ["vw", "vw", "vw"],
        "categorie": ["pop", "pop", "pop"],
        "percentage": [60.0, 40.0, 90.0],
    })
    gewichten = pl.DataFrame({"vestiging": ["01AA00", "02BB00"], "gewicht": [300, 100]})
    # 03CC00 has no weight, so only (60 * 300 + 40 * 100) / 400 = 55 counts.
    gemiddeld = gewogen_gemiddelde(toezicht, gewichten)
    assert gemiddeld["percentage"].to_list() == [55.0]
    assert gemiddeld["vestigingen"].to_list() == [2]


def test_hbo_json_total_and_suppression(duo_map):
    hbo = lees_ingeschrevenen_hbo(duo_map / "ingeschrevenen-hbo-2020-2024.json")
    per_jaar = dict(hbo.group_by("jaar").agg(pl.col("aantal").sum()).iter_rows())
    assert per_jaar[2020] == 487_593
    assert per_jaar[2024] == 448_296
    assert hbo.filter(pl.col("jaar") == 2020)["onderdrukt"].sum() == 327
    # Second object: B Elektrotechniek at 25BE for women, "<5" in 2022.
    cel = hbo.filter((pl.col("object") == 2) & (pl.col("jaar") == 2022)).row(0, named=True)
    assert (cel["brin"], cel["opleidingscode"], cel["aantal"], cel["onderdrukt"]) == (
        "25BE", "34267", None, True)
    assert set(hbo["type"]) == {"associate degree", "bachelor", "master"}
    assert set(hbo["vorm"]) == {"voltijd", "deeltijd", "duaal"}
