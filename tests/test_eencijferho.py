"""DUO's 1cijferHO delivery: layout parsing, decode tables, Croho.asc and the main file reader.

Layouts, decode tables and Croho.asc are DUO's real files; the main file is written by
tests/eencijferho_bestand.py with fictitious persons. Expected rows were worked out by hand
from the records in REGELS (line n of the file is REGELS[n - 1]).
"""

from __future__ import annotations

import hashlib
import hmac

import duckdb
import polars as pl
import pytest

from pipelines.errors import DefinitieFout, InvoerFout, PersoonsgegevensFout
from pipelines.load.eencijferho.croho import lees_croho, voeg_croho_onderdeel_toe
from pipelines.load.eencijferho.decodeertabellen import DEC_BESCHRIJVING, lees_decodeertabel
from pipelines.load.eencijferho.hoofdbestand import (
    LAYOUT_VARIABELE,
    hoofdindeling,
    lees_hoofdbestand,
    lees_hoofdbestanden,
)
from pipelines.load.eencijferho.indeling import lees_bestandsbeschrijving
from pipelines.load.eencijferho.pseudoniem import (
    SLEUTEL_VARIABELE,
    Pseudonimiseerder,
    pseudonimiseerder_uit_omgeving,
)
from pipelines.load.extract import lees_tabel
from pipelines.registry import laad_registry
from pipelines.resources import DATABASE_BESTAND
from pipelines.transform.sectoren import sector
from pipelines.validate.contract import lees_contract
from tests.conftest import DEFINITIES, diploma, pas_yaml_aan, draai_job, inschrijving, schrijf_extract
from tests.eencijferho_bestand import (
    HBO_AD,
    HBO_BA,
    HBO_MA,
    HBO_PI,
    WO_BA,
    WO_MA,
    HoRegel,
    schrijf_hoofdbestand,
)

SLEUTEL = "test-sleutel-alleen-voor-tests-0123456789"
HOOFDBESTAND = "EV30HB22.asc"
HBO, WO = "30HB", "50WO"

# Persoonsgebonden nummers and Burgerservicenummers of the fictitious students A-L. Every BSN
# passes the elfproef (9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11).
A, B, C, D, E, F, G, H, I, J, K, L = (f"0000000001{n:02d}" for n in range(1, 13))
BSN = dict(zip(
    (A, B, C, D, E, F, G, H, I, J, K, L),
    ("261000007", "261000378", "261000743", "261001115", "261001486", "261001851",
     "261002223", "261002594", "261003331", "261003707", "261004074", "261004815"),
    strict=True,
))


def _r(persoon, jaar, brin, code, soort, type_, **velden) -> HoRegel:
    return HoRegel(persoon, jaar, brin, code, soort, type_, BSN[persoon], **velden)


REGELS = [
    # A: hbo bachelor with diploma in 2021, then a wo master: Vereniging Hogescholen's doorstromer.
    _r(A, 2020, HBO, HBO_BA, "hbo", "ba", verblijfsjaar=3),                                  # 1
    _r(A, 2021, HBO, HBO_BA, "hbo", "ba", verblijfsjaar=4, diplomajaar=2021,
       diploma_fase="B", soort_diploma="03", diploma_vestigingsnummer="00"),                  # 2
    _r(A, 2022, WO, WO_MA, "wo", "ma", vestigingsnummer="01"),                                # 3
    # B: wo bachelor with diploma in 2021, then a wo master: the UNL doorstromer.
    _r(B, 2020, WO, WO_BA, "wo", "ba", verblijfsjaar=2),                                      # 4
    _r(B, 2021, WO, WO_BA, "wo", "ba", verblijfsjaar=3, diplomajaar=2021,
       diploma_fase="B", soort_diploma="03"),                                                 # 5
    _r(B, 2022, WO, WO_MA, "wo", "ma"),                                                       # 6
    # C: long stay (leerjaar capped at 8), hbo bachelor diploma in 2021, then no enrolment.
    _r(C, 2020, HBO, HBO_BA, "hbo", "ba", verblijfsjaar=11),                                  # 7
    _r(C, 2021, HBO, HBO_BA, "hbo", "ba", verblijfsjaar=12, diplomajaar=2021,
       diploma_fase="B", soort_diploma="03"),                                                 # 8
    # D: associate degree with diploma, then a bachelor; no vestigingsnummer in 2022.
    _r(D, 2020, HBO, HBO_AD, "hbo", "ad"),                                                    # 9
    _r(D, 2021, HBO, HBO_AD, "hbo", "ad", verblijfsjaar=2, diplomajaar=2021,
       diploma_fase="A", soort_diploma="13"),                                                 # 10
    _r(D, 2022, HBO, HBO_BA, "hbo", "ba", vestigingsnummer=""),                              # 11
    # E: left before 1 October, a late enrolment, and a propedeuse (not a diploma).
    _r(E, 2021, HBO, HBO_BA, "hbo", "ba", actief="2", soort_inschrijving="3", verblijfsjaar=0),
    _r(E, 2022, HBO, HBO_BA, "hbo", "ba", actief="3", soort_inschrijving="3", verblijfsjaar=0),
    _r(E, 2021, WO, WO_BA, "wo", "ba", diplomajaar=2021, diploma_fase="D",
       soort_diploma="01"),                                                                   # 14
    # F: hoofd- and echte neveninschrijving count; the onechte one and a postinitial master not.
    _r(F, 2021, WO, WO_BA, "wo", "ba"),                                                       # 15
    _r(F, 2021, HBO, HBO_BA, "hbo", "ba", soort_inschrijving="2"),                            # 16
    _r(F, 2021, HBO, HBO_BA, "hbo", "ba", soort_inschrijving="4"),                            # 17
    _r(F, 2022, HBO, HBO_PI, "hbo", "pi", soort_inschrijving="5", verblijfsjaar=0),           # 18
    # G: exchange student. H: ongedeelde wo-opleiding, outside the monitor.
    _r(G, 2021, WO, WO_BA, "wo", "ba", soort_inschrijving="6"),                               # 19
    _r(H, 2020, WO, WO_BA, "wo", "on"),                                                       # 20
    # I: diploma record marked invalid (99). J: master at vestiging 02, diploma at vestiging 03.
    _r(I, 2021, HBO, HBO_BA, "hbo", "ba", verblijfsjaar=4, diplomajaar=2021,
       diploma_fase="B", soort_diploma="99"),                                                 # 21
    _r(J, 2021, HBO, HBO_MA, "hbo", "ma", vestigingsnummer="02", diplomajaar=2021,
       diploma_fase="M", soort_diploma="05", diploma_vestigingsnummer="03"),                  # 22
    # K: a type DUO might add later; it goes to quarantine instead of vanishing.
    _r(K, 2021, WO, WO_BA, "wo", "zz"),                                                       # 23
    # L: first-year hbo bachelor in 2021, with a havo diploma in 2020 in the CSV extract.
    _r(L, 2021, HBO, HBO_BA, "hbo", "ba"),                                                    # 24
]

# (line, person, schooljaar, brin, vestiging, onderwijssoort, leerjaar, opleidingscode)
VERWACHTE_INSCHRIJVINGEN = [
    (1, A, "2020", HBO, "30HB00", "hbo-ba", "3", HBO_BA),
    (2, A, "2021", HBO, "30HB00", "hbo-ba", "4", HBO_BA),
    (3, A, "2022", WO, "50WO01", "wo-ma", "1", WO_MA),
    (4, B, "2020", WO, "50WO00", "wo-ba", "2", WO_BA),
    (5, B, "2021", WO, "50WO00", "wo-ba", "3", WO_BA),
    (6, B, "2022", WO, "50WO00", "wo-ma", "1", WO_MA),
    (7, C, "2020", HBO, "30HB00", "hbo-ba", "8", HBO_BA),
    (8, C, "2021", HBO, "30HB00", "hbo-ba", "8", HBO_BA),
    (9, D, "2020", HBO, "30HB00", "hbo-ad", "1", HBO_AD),
    (10, D, "2021", HBO, "30HB00", "hbo-ad", "2", HBO_AD),
    (11, D, "2022", HBO, "30HB00", "hbo-ba", "1", HBO_BA),
    (14, E, "2021", WO, "50WO00", "wo-ba", "1", WO_BA),
    (15, F, "2021", WO, "50WO00", "wo-ba", "1", WO_BA),
    (16, F, "2021", HBO, "30HB00", "hbo-ba", "1", HBO_BA),
    (21, I, "2021", HBO, "30HB00", "hbo-ba", "4", HBO_BA),
    (22, J, "2021", HBO, "30HB02", "hbo-ma", "1", HBO_MA),
    (23, K, "2021", WO, "50WO00", "wo-zz", "1", WO_BA),
    (24, L, "2021", HBO, "30HB00", "hbo-ba", "1", HBO_BA),
]

# (line, person, schooljaar, brin, vestiging, onderwijssoort, opleidingscode)
VERWACHTE_DIPLOMAS = [
    (2, A, "2021", HBO, "30HB00", "hbo-ba", HBO_BA),
    (5, B, "2021", WO, "50WO00", "wo-ba", WO_BA),
    (8, C, "2021", HBO, "30HB00", "hbo-ba", HBO_BA),
    (10, D, "2021", HBO, "30HB00", "hbo-ad", HBO_AD),
    (22, J, "2021", HBO, "30HB03", "hbo-ma", HBO_MA),
]


def pseudoniem(nummer: str, sleutel: str = SLEUTEL) -> str:
    """The documented rule, computed here independently of the loader."""
    digest = hmac.new(sleutel.encode("utf-8"), nummer.encode("utf-8"), hashlib.sha256)
    return "H" + digest.hexdigest()[:16]


@pytest.fixture(scope="module")
def layout(duo_map):
    return duo_map / "1cijferho"


@pytest.fixture(scope="module")
def indeling(layout):
    return hoofdindeling(layout)


@pytest.fixture(scope="module")
def registry():
    return laad_registry(DEFINITIES)


@pytest.fixture
def sleutel(monkeypatch):
    monkeypatch.setenv(SLEUTEL_VARIABELE, SLEUTEL)
    return SLEUTEL


@pytest.fixture
def hoofdbestand(tmp_path, indeling):
    return schrijf_hoofdbestand(tmp_path / HOOFDBESTAND, indeling, REGELS)


def _lees(pad, tabel, indeling, registry, sleutel=SLEUTEL):
    pseudonimiseerder = Pseudonimiseerder(sleutel.encode("utf-8"))
    return lees_hoofdbestand(pad, tabel, indeling, registry.eencijferho, pseudonimiseerder)


# The Bestandsbeschrijving parser, on DUO's real files.


def test_layout_field_positions(indeling):
    # Start and length as printed in Bestandsbeschrijving_1cyferho_2023_v1.1_DEMO.txt.
    verwacht = {
        "Persoonsgebonden nummer": (1, 12),
        "Inschrijvingsjaar": (13, 4),
        "Instellingscode": (17, 4),
        "Opleidingscode": (25, 5),
        "Soort hoger onderwijs": (46, 3),
        "Type hoger onderwijs binnen soort hoger onderwijs": (62, 2),
        "Indicatie actief op peildatum": (65, 1),
        "Soort inschrijving hoger onderwijs": (66, 1),
        "Diplomajaar": (93, 4),
        "Opleidingsfase actueel van het diploma": (97, 1),
        "Soort diploma hoger onderwijs": (100, 2),
        # One space between a long name and its start position.
        "Hoogste vooropleiding binnen het HO oorspronkelijke code": (129, 5),
        # A name ending in a digit.
        "Nationaliteit 1": (162, 4),
        # A footnote mark "(*)" after the length.
        "Etniciteit": (186, 2),
        "Vestigingsnummer": (242, 2),
        "Vestigingsnummer diploma": (252, 2),
        "Verblijfsjaar actuele opleiding-instelling": (279, 2),
        "Burgerservicenummer": (306, 9),
        "Onderwijsnummer": (315, 9),
    }
    for naam, (start, lengte) in verwacht.items():
        veld = indeling.veld(naam)
        assert (veld.start, veld.lengte) == (start, lengte), naam
    assert indeling.titel == "Lay-out bestand"
    assert len(indeling.velden) == 115
    assert indeling.recordlengte == 323


def test_field_lookup_ignores_case_and_spaces(indeling):
    assert indeling.veld("soort  HOGER onderwijs").start == 46


def test_unknown_field_suggests_names(indeling):
    with pytest.raises(DefinitieFout, match="Bedoelt u: Inschrijvingsjaar"):
        indeling.veld("Inschrijvingsjar")


def test_every_configured_field_in_layout(indeling, registry):
    for rol, naam in registry.eencijferho.velden.model_dump().items():
        assert indeling.veld(naam), rol


def test_dec_description_sections(layout):
    indelingen = {i.titel: i for i in lees_bestandsbeschrijving(layout / DEC_BESCHRIJVING)}
    assert len(indelingen) == 14
    opleiding = indelingen["Dec_opleidingscode.asc"]
    assert [(v.naam, v.start, v.lengte) for v in opleiding.velden] == [
        ("Opleidingscode", 1, 5), ("Naam opleiding", 6, 180),
    ]
    # A remark "(EEJJMMDD)" after the length is not part of the field.
    oprichting = indelingen["Dec_instellingscode.asc"].veld("Datum oprichting")
    assert (oprichting.start, oprichting.lengte) == (63, 8)


def test_remark_starting_with_digit(layout):
    # "Cijfer schoolexamen  44  3  0 = missing": the remark's 0 is not the length.
    vakken = lees_bestandsbeschrijving(layout / "Bestandsbeschrijving_Vakkenbestanden.txt")
    veld = {i.titel: i for i in vakken}["Vakgegevens"].veld("Cijfer schoolexamen")
    assert (veld.start, veld.lengte) == (44, 3)


def test_gap_in_layout_names_line(tmp_path):
    beschrijving = tmp_path / "Bestandsbeschrijving_1cyferho_2099.txt"
    beschrijving.write_text(
        "Lay-out bestand\n===============\n"
        "                         Startpositie  Aantal posities\n"
        "Persoonsgebonden nummer         1            12\n"
        "Inschrijvingsjaar              14             4\n",
        encoding="latin-1",
    )
    with pytest.raises(InvoerFout, match="regel 5: veld 'Inschrijvingsjaar' begint op positie 14"):
        lees_bestandsbeschrijving(beschrijving)


# Decode tables and Croho.asc.


def test_decode_tables_read(layout):
    opleidingen = lees_decodeertabel(layout, "Dec_opleidingscode.asc")
    namen = dict(opleidingen.select("Opleidingscode", "Naam opleiding").iter_rows())
    assert namen["34401"] == "B Bedrijfseconomie"
    assert namen["80009"] == "Ad Tourism Management"

    instellingen = lees_decodeertabel(layout, "Dec_ho-inst.asc")
    assert dict(instellingen.iter_rows())["21PN"] == "Tilburg University"


def test_decode_table_accents_and_quotes(layout):
    instellingen = lees_decodeertabel(layout, "Dec_instellingscode.asc")
    per_code = {r["Instellingscode"]: r for r in instellingen.iter_rows(named=True)}
    assert per_code["00TQ"]["Naam"] == "SGM Mariëndael VBO LWOO"
    assert per_code["00TQ"]["Plaats"] == "ARNHEM"
    # Byte 0x92 is a Windows-1252 right quote, not a Latin-1 control character.
    assert per_code["05OC"]["Naam"] == "Dalton Kindcentrum ’t Kompas"


def test_croho_onderdeel_read(layout, registry):
    croho = lees_croho(layout, registry)
    rij = croho.filter((pl.col("brin") == "00BH") & (pl.col("opleidingscode") == "34401"))
    assert rij.select("onderdeel_code", "croho_onderdeel", "soort_ho", "type_ho",
                      "naam_opleiding").row(0) == ("6", "economie", "hbo", "ba",
                                                   "b finance & control")
    rechten = croho.filter((pl.col("brin") == "21PL") & (pl.col("opleidingscode") == "50700"))
    assert rechten.select("onderdeel_code", "croho_onderdeel", "soort_ho", "type_ho").row(0) == (
        "7", "recht", "wo", "ba")


def test_croho_lookup_per_institution(layout, registry):
    croho = lees_croho(layout, registry)
    opleidingen = pl.DataFrame({
        "brin": ["00BH", "07GR", "99ZZ", "99ZZ"],
        "opleidingscode": ["04404", "04404", "04404", "34401"],
    })
    # 04404 is hbo-ict (techniek) at 00BH but business it & management (economie) at 07GR, so
    # an institution without its own entry gets no onderdeel; 34401 is economie everywhere.
    onderdelen = voeg_croho_onderdeel_toe(opleidingen, croho)["croho_onderdeel"].to_list()
    assert onderdelen == ["techniek", "economie", None, "economie"]


def test_onderdeel_names_match_layout(layout, registry):
    tekst = next(layout.glob("Bestandsbeschrijving_1cyferho_*.txt")).read_text(encoding="latin-1")
    for code, naam in registry.eencijferho.croho.onderdelen.items():
        assert f"{code} = {naam}" in tekst, (code, naam)


# Reading the main file.


def test_main_file_inschrijvingen(hoofdbestand, indeling, registry):
    frame, info = _lees(hoofdbestand, "inschrijvingen", indeling, registry)
    gevonden = frame.select(
        "_regel", "persoon_id", "schooljaar", "brin", "vestiging", "onderwijssoort",
        "leerjaar", "opleidingscode",
    ).rows()
    verwacht = [(regel, pseudoniem(persoon), *rest)
                for regel, persoon, *rest in VERWACHTE_INSCHRIJVINGEN]
    assert gevonden == verwacht
    assert set(frame["_bestand"]) == {HOOFDBESTAND}
    assert info["regels"] == 24
    assert info["overgeslagen"] == 6


def test_main_file_diplomas(hoofdbestand, indeling, registry):
    frame, info = _lees(hoofdbestand, "diplomas", indeling, registry)
    gevonden = frame.select(
        "_regel", "persoon_id", "schooljaar", "brin", "vestiging", "onderwijssoort",
        "opleidingscode",
    ).rows()
    verwacht = [(regel, pseudoniem(persoon), *rest) for regel, persoon, *rest in VERWACHTE_DIPLOMAS]
    assert gevonden == verwacht
    assert info["overgeslagen"] == 19


def test_trimmed_lines_read_the_same(tmp_path, hoofdbestand, indeling, registry):
    afgekapt = schrijf_hoofdbestand(tmp_path / "EVafgekapt.asc", indeling, REGELS, afkappen=True)
    assert afgekapt.stat().st_size < hoofdbestand.stat().st_size
    volledig, _ = _lees(hoofdbestand, "inschrijvingen", indeling, registry)
    kort, _ = _lees(afgekapt, "inschrijvingen", indeling, registry)
    assert kort.drop("_bestand").equals(volledig.drop("_bestand"))


def test_line_longer_than_layout_stops(tmp_path, hoofdbestand, indeling, registry):
    regels = hoofdbestand.read_bytes().split(b"\r\n")
    regels[1] += b"X"
    te_lang = tmp_path / "EVtelang.asc"
    te_lang.write_bytes(b"\r\n".join(regels))
    with pytest.raises(InvoerFout, match=r"'EVtelang.asc', regel 2: de regel is 324 tekens lang"):
        _lees(te_lang, "inschrijvingen", indeling, registry)


def test_bsn_not_read(hoofdbestand, indeling, registry):
    # The file does hold the BSNs, at positions 306-314.
    inhoud = hoofdbestand.read_bytes()
    assert all(bsn.encode() in inhoud for bsn in BSN.values())
    for tabel in ("inschrijvingen", "diplomas"):
        frame, _ = _lees(hoofdbestand, tabel, indeling, registry)
        waarden = frame.select(pl.all().cast(pl.String)).unpivot()["value"].drop_nulls()
        for geheim in [*BSN.values(), *BSN.keys()]:
            assert not waarden.str.contains(geheim, literal=True).any(), (tabel, geheim)


def test_bsn_field_in_definition_rejected(hoofdbestand, indeling, registry):
    definitie = registry.eencijferho
    velden = definitie.velden.model_copy(update={"persoon": "Burgerservicenummer"})
    fout = definitie.model_copy(update={"velden": velden})
    with pytest.raises(PersoonsgegevensFout, match="'velden.persoon'.*nooit gelezen"):
        lees_hoofdbestand(hoofdbestand, "inschrijvingen", indeling, fout,
                          Pseudonimiseerder(SLEUTEL.encode()))


# Pseudonymisation.


def test_pseudonym_stable_per_key():
    eerste = Pseudonimiseerder(SLEUTEL.encode())
    tweede = Pseudonimiseerder(SLEUTEL.encode())
    ander = Pseudonimiseerder(b"een-andere-sleutel-0123456789")
    assert eerste.pseudoniem(A) == tweede.pseudoniem(A) == pseudoniem(A)
    assert ander.pseudoniem(A) == pseudoniem(A, "een-andere-sleutel-0123456789")
    assert ander.pseudoniem(A) != eerste.pseudoniem(A)
    assert eerste.pseudoniem(A) != eerste.pseudoniem(B)


def test_pseudonym_format():
    waarde = Pseudonimiseerder(SLEUTEL.encode()).pseudoniem(A)
    assert len(waarde) == 17
    assert waarde[0] == "H"
    assert int(waarde[1:], 16) >= 0


def test_missing_key_stops_in_dutch(tmp_path, monkeypatch, hoofdbestand, layout, registry):
    monkeypatch.delenv(SLEUTEL_VARIABELE, raising=False)
    monkeypatch.setenv(LAYOUT_VARIABELE, str(layout))
    with pytest.raises(InvoerFout) as fout:
        lees_tabel(tmp_path, lees_contract("inschrijvingen"), registry)
    melding = str(fout.value)
    assert f"De omgevingsvariabele {SLEUTEL_VARIABELE} ontbreekt" in melding
    assert HOOFDBESTAND in melding
    assert "gebruik bij elke levering dezelfde sleutel" in melding


def test_short_key_stops(tmp_path):
    with pytest.raises(InvoerFout, match="is 5 tekens lang; .* vraagt minstens 16 tekens"):
        pseudonimiseerder_uit_omgeving(tmp_path / HOOFDBESTAND, {SLEUTEL_VARIABELE: "kort!"})


# Finding the files and the layout.


def test_layout_folder_from_environment(tmp_path, monkeypatch, sleutel, hoofdbestand, layout,
                                        registry):
    monkeypatch.setenv(LAYOUT_VARIABELE, str(layout))
    gelezen = lees_hoofdbestanden(tmp_path, "diplomas", registry)
    assert [(pad.name, frame.height) for pad, frame, _ in gelezen] == [(HOOFDBESTAND, 5)]
    assert lees_hoofdbestanden(tmp_path, "schooladviezen", registry) == []


def test_missing_layout_folder_named(tmp_path, monkeypatch, sleutel, hoofdbestand, registry):
    monkeypatch.delenv(LAYOUT_VARIABELE, raising=False)
    with pytest.raises(InvoerFout, match=rf"layoutmap '{tmp_path / '1cijferho'}'.*gevonden: geen"):
        lees_hoofdbestanden(tmp_path, "inschrijvingen", registry)


# The registry's CROHO-based sectors.


def _zet_indeling(bestand, indeling):
    def per_onderdeel(inhoud):
        inhoud["sectoren"]["op"] = "croho_onderdeel"
        inhoud["sectoren"]["indeling"] = indeling

    pas_yaml_aan(bestand, per_onderdeel)


def test_unknown_onderdeel_name_rejected(definities):
    bestand = definities / "raden" / "vereniging-hogescholen.yaml"
    _zet_indeling(bestand, {"economie": {"label": "Economie", "codes": ["economy"]}})
    with pytest.raises(DefinitieFout, match=r"'sectoren.indeling.economie.codes': onbekende code "
                                            r"'economy'"):
        laad_registry(definities)


def test_croho_sector_needs_eencijferho_yaml(definities):
    bestand = definities / "raden" / "vereniging-hogescholen.yaml"
    _zet_indeling(bestand, {"economie": {"label": "Economie", "codes": ["economie"]}})
    (definities / "eencijferho.yaml").unlink()
    with pytest.raises(DefinitieFout, match="croho_onderdeel vraagt de CROHO-onderdelen"):
        laad_registry(definities)


def test_croho_sector_for_council(layout, definities):
    bestand = definities / "raden" / "vereniging-hogescholen.yaml"
    _zet_indeling(bestand, {
        "economie": {"label": "Economie", "codes": ["economie"]},
        "techniek": {"label": "Techniek", "codes": ["techniek"]},
    })
    registry = laad_registry(definities)
    raad = registry.raden["vereniging-hogescholen"]
    opleidingen = pl.DataFrame({
        "brin": ["00BH", "07GR", "00MF"], "opleidingscode": ["04404", "04404", "44739"],
    })
    met_onderdeel = voeg_croho_onderdeel_toe(opleidingen, lees_croho(layout, registry))
    # 44739 m muziek is taal en cultuur, which this indeling does not list.
    sectoren = met_onderdeel.select(sector(raad))["croho_onderdeel"].to_list()
    assert sectoren == ["Techniek", "Economie", "overig"]


def test_codes_form_still_works(definities):
    raad = laad_registry(definities).raden["vereniging-hogescholen"]
    assert raad.sectoren.op == "opleidingscode"
    assert raad.sectoren.indeling["economie"].codes[0] == "34401"


# The whole job on CSV tables for po and vo plus a 1cijferHO main file.


@pytest.fixture(scope="module")
def run(tmp_path_factory, layout, indeling):
    extract = tmp_path_factory.mktemp("eencijferho") / "extract"
    # L's havo diploma in the vo extract carries the pseudonym that L's number gets on load, as
    # it would when both sides are pseudonymised with the same key.
    vo_l = pseudoniem(L)
    schrijf_extract(
        extract,
        inschrijvingen=[
            inschrijving("p01", 2020, "10AA00", "bao", 5),
            inschrijving("p01", 2021, "11BB00", "bao", 6),
            inschrijving(vo_l, 2020, "20VO00", "havo", 5),
            inschrijving("v02", 2020, "20VO00", "vwo", 6),
        ],
        diplomas=[diploma(vo_l, 2020, "20VO00", "havo"), diploma("v02", 2020, "20VO00", "vwo")],
    )
    schrijf_hoofdbestand(extract / HOOFDBESTAND, indeling, REGELS)
    (extract / "1cijferho").symlink_to(layout, target_is_directory=True)
    with pytest.MonkeyPatch.context() as omgeving:
        omgeving.setenv(SLEUTEL_VARIABELE, SLEUTEL)
        omgeving.delenv(LAYOUT_VARIABELE, raising=False)
        return draai_job(extract, tmp_path_factory.mktemp("uit"), min_cel=0)


def _doorstromers(run, raad: str, definitie: str, niveau: str = "landelijk") -> list[tuple]:
    frame = run.parquet(raad, "doorstromers").filter(
        (pl.col("definitie") == definitie) & (pl.col("niveau") == niveau)
    )
    return frame.select("schooljaar", "brin", "populatie", "doorstromers").rows()


def test_job_hbo_bachelor_master(run):
    # Diplomas hbo-ba 2021: A (wo-ma in 2022) and C (no enrolment in 2022); I's is invalid.
    assert _doorstromers(run, "vereniging-hogescholen", "bachelor_master") == [
        (2021, None, 2, 1)]
    assert _doorstromers(run, "vereniging-hogescholen", "bachelor_master", "instelling") == [
        (2021, HBO, 2, 1)]


def test_job_wo_bachelor_master(run):
    # Diploma wo-ba 2021: B, in wo-ma in 2022.
    assert _doorstromers(run, "universiteiten-van-nederland", "bachelor_master") == [
        (2021, None, 1, 1)]


def test_job_vo_diploma_to_hbo(run):
    # Vo diplomas 2020: L (hbo-ba from the 1cijferHO file in 2021) and v02 (no enrolment).
    assert _doorstromers(run, "vo-raad", "vervolgonderwijs") == [(2020, None, 2, 1)]


def test_job_tables_from_main_file(run):
    inschrijvingen = run.tabel("inschrijvingen").filter(pl.col("brin").is_in([HBO, WO]))
    assert inschrijvingen.height == len(VERWACHTE_INSCHRIJVINGEN) - 1
    assert run.tabel("diplomas").filter(pl.col("brin").is_in([HBO, WO])).height == 5
    bestanden = run.tabel("invoerbestanden").filter(pl.col("bestand") == HOOFDBESTAND)
    assert sorted(bestanden.select("tabel", "rijen").rows()) == [
        ("diplomas", 5), ("inschrijvingen", 18)]


def test_job_quarantine_points_at_line(run):
    quarantaine = run.tabel("quarantaine").filter(pl.col("bestand") == HOOFDBESTAND)
    assert quarantaine.select("tabel", "regel", "kolom", "waarde").rows() == [
        ("inschrijvingen", 23, "onderwijssoort", "wo-zz")]


def test_job_never_stores_bsn_or_person_number(run):
    geheimen = [*BSN.values(), *BSN.keys()]

    def bevat_geheim(frame: pl.DataFrame) -> list[str]:
        if frame.height == 0:
            return []
        waarden = frame.select(pl.all().cast(pl.String)).unpivot()["value"].drop_nulls()
        return [g for g in geheimen if waarden.str.contains(g, literal=True).any()]

    with duckdb.connect(str(run.uitvoer / DATABASE_BESTAND), read_only=True) as con:
        tabellen = [t for (t,) in con.sql("SELECT table_name FROM information_schema.tables")
                    .fetchall()]
        assert "inschrijvingen" in tabellen
        for tabel in tabellen:
            assert bevat_geheim(con.sql(f'SELECT * FROM "{tabel}"').pl()) == [], tabel

    bestanden = [p for p in run.uitvoer.rglob("*") if p.is_file() and p.name != DATABASE_BESTAND]
    assert any(p.suffix == ".parquet" for p in bestanden)
    for pad in bestanden:
        if pad.suffix == ".parquet":
            assert bevat_geheim(pl.read_parquet(pad)) == [], pad
        else:
            inhoud = pad.read_bytes()
            assert [g for g in geheimen if g.encode() in inhoud] == [], pad
