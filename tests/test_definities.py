"""The definitions registry: invalid YAML stops with a Dutch message, and YAML alone changes results."""

from __future__ import annotations


import polars as pl
import pytest

from pipelines.errors import DefinitieFout
from pipelines.registry import laad_registry
from tests.conftest import DEFINITIES, draai_job, inschrijving, pas_yaml_aan, schrijf_extract


def test_shipped_definitions_load():
    registry = laad_registry(DEFINITIES)
    assert set(registry.raden) == {
        "po-raad", "vo-raad", "mbo-raad", "aoc-raad", "vereniging-hogescholen",
        "universiteiten-van-nederland",
    }
    assert registry.onderwijssoorten["havo/vwo"].niveau == (4, 5)
    assert registry.adviezen[35].niveau == (2, 3)
    assert registry.adviezen[0].niveau is None
    assert registry.adviezen[5].niveau is None


def test_unknown_key_names_file_and_key(definities):
    bestand = definities / "raden" / "po-raad.yaml"
    pas_yaml_aan(bestand, lambda d: d["doorstromers"]["schoolwisseling"]["populatie"].update(
        {"leerjar": [1, 7]}))
    with pytest.raises(DefinitieFout) as fout:
        laad_registry(definities)
    melding = str(fout.value)
    assert str(bestand) in melding
    assert "sleutel 'doorstromers.schoolwisseling.populatie.leerjar': onbekende sleutel" in melding


def test_unknown_code_names_key(definities):
    bestand = definities / "raden" / "mbo-raad.yaml"
    pas_yaml_aan(bestand, lambda d: d["doorstromers"]["mbo_hbo"]["bestemming"].update(
        {"onderwijssoorten": ["hbo-ad", "hbo-bachelor"]}))
    with pytest.raises(DefinitieFout, match=r"'doorstromers.mbo_hbo.bestemming.onderwijssoorten': "
                                            r"onbekende code 'hbo-bachelor'"):
        laad_registry(definities)


def test_missing_field_named(definities):
    bestand = definities / "raden" / "vo-raad.yaml"
    pas_yaml_aan(bestand, lambda d: d["doorstromers"]["vervolgonderwijs"].pop("omschrijving"))
    with pytest.raises(DefinitieFout, match=r"'doorstromers.vervolgonderwijs.omschrijving': "
                                            r"verplichte sleutel ontbreekt"):
        laad_registry(definities)


def test_malformed_yaml_named(definities):
    (definities / "monitor.yaml").write_text("doorstroom: [1, 2\n", encoding="utf-8")
    with pytest.raises(DefinitieFout, match="monitor.yaml' is geen geldige YAML"):
        laad_registry(definities)


def _schoolwisselaars(tmp_path):
    return schrijf_extract(tmp_path / "extract", inschrijvingen=[
        inschrijving("p1", 2020, "10AA00", "bao", 4), inschrijving("p1", 2021, "11BB00", "bao", 5),
        inschrijving("p2", 2020, "10AA00", "bao", 4), inschrijving("p2", 2021, "10AA01", "bao", 5),
        inschrijving("p3", 2020, "10AA00", "bao", 4), inschrijving("p3", 2021, "10AA00", "bao", 5),
        inschrijving("p3", 2022, "11BB00", "bao", 6),
    ])


def _po_2020(run):
    rij = run.parquet("po-raad", "doorstromers").filter(
        (pl.col("niveau") == "landelijk") & (pl.col("schooljaar") == 2020)
    )
    return rij.select("definitie", "populatie", "doorstromers").rows()


def test_yaml_change_alters_result(tmp_path, definities):
    extract = _schoolwisselaars(tmp_path)
    standaard = draai_job(extract, tmp_path / "standaard", min_cel=0)
    # Shipped definition: only p1 changes brin within a year.
    assert _po_2020(standaard) == [("schoolwisseling", 3, 1)]

    def binnen_bestuur(d):
        definitie = d["doorstromers"]["schoolwisseling"]
        definitie["bestemming"]["andere_instelling"] = False
        d["doorstromers"]["zelfde_school_twee_jaar"] = {
            **definitie,
            "omschrijving": "Leerlingen die twee jaar later op dezelfde school staan.",
            "termijn": 2,
        }

    pas_yaml_aan(definities / "raden" / "po-raad.yaml", binnen_bestuur)
    aangepast = draai_job(extract, tmp_path / "aangepast", min_cel=0, definities=definities)
    # Same brin a year later: p2 (other vestiging) and p3. Two years later on the same brin: none
    # of p1-p3 (p1 left 10AA, p2 has no 2022 row, p3 moved to 11BB in 2022).
    assert _po_2020(aangepast) == [("schoolwisseling", 3, 2), ("zelfde_school_twee_jaar", 3, 0)]


def test_ho_sector_from_croho(tmp_path, definities, duo_map, monkeypatch):
    """Sectors by CROHO onderdeel: 34401 at 00BH is economie in Croho.asc, 99999 is not listed."""
    from pipelines.transform.raden import doorstromers_per_sector
    from tests.conftest import diploma

    def per_onderdeel(d):
        d["sectoren"]["op"] = "croho_onderdeel"
        d["sectoren"]["indeling"] = {
            "economie": {"label": "Economie", "codes": ["economie"]},
            "techniek": {"label": "Techniek", "codes": ["techniek"]},
        }

    pas_yaml_aan(definities / "raden" / "vereniging-hogescholen.yaml", per_onderdeel)
    monkeypatch.setenv("DOORSTROOM_1CIJFERHO_LAYOUT", str(duo_map / "1cijferho"))
    extract = schrijf_extract(
        tmp_path / "extract",
        inschrijvingen=[inschrijving("h1", 2021, "00BH00", "hbo-ma", 1, "44401"),
                        inschrijving("h2", 2021, "00BH00", "bao", 1)],
        diplomas=[diploma("h1", 2020, "00BH00", "hbo-ba", "34401"),
                  diploma("h2", 2020, "00BH00", "hbo-ba", "99999")],
    )
    run = draai_job(extract, tmp_path / "uit", min_cel=0, definities=definities)
    tellingen = run.tabel("doorstromers").filter(pl.col("raad") == "vereniging-hogescholen")
    per_sector = doorstromers_per_sector(tellingen)
    assert per_sector.select("sector", "populatie", "doorstromers").rows() == [
        ("Economie", 1, 1), ("overig", 1, 0),
    ]
