"""DUO's published branch registers as the vestigingen table, read as delivered."""

from __future__ import annotations

import polars as pl
import pytest

from pipelines.errors import InvoerFout
from pipelines.load.extract import lees_tabel
from pipelines.validate.contract import lees_contract
from tests.conftest import schrijf_csv


@pytest.fixture
def extract_met_registers(tmp_path, duo_map):
    extract = tmp_path / "extract"
    extract.mkdir()
    for naam in ("alle-vestigingen-bo.csv", "alle-vestigingen-vo.csv"):
        (extract / naam).symlink_to(duo_map / naam)
    return extract


def test_registers_read_as_vestigingen(extract_met_registers):
    ruw = lees_tabel(extract_met_registers, lees_contract("vestigingen"))
    info = {b.naam: b for b in ruw.bestanden}
    assert info["alle-vestigingen-bo.csv"].rijen == 6268
    assert info["alle-vestigingen-vo.csv"].rijen == 1619
    assert info["alle-vestigingen-vo.csv"].leesinfo["scheidingsteken"] == ";"
    assert info["alle-vestigingen-bo.csv"].leesinfo["codering"] in ("windows-1252", "latin-1")

    frame = ruw.frame.collect()
    for kolom in ("vestiging", "brin", "naam", "gemeente", "bevoegd_gezag", "denominatie",
                  "rmc_regio", "corop", "onderwijsgebied", "onderwijsstructuur"):
        assert kolom in frame.columns, kolom
    # Padded fields are trimmed: the register pads empty phone numbers with spaces.
    assert frame.filter(pl.col("telefoonnummer") == "").height == 0
    assert frame.filter(pl.col("vestiging").str.slice(0, 4) != pl.col("brin")).height == 0
    assert frame["gemeente"].null_count() == 0
    # Only the vo register has ONDERWIJSSTRUCTUUR, so the bo rows leave it empty.
    structuur = frame.group_by("_bestand").agg(pl.col("onderwijsstructuur").null_count())
    assert dict(structuur.iter_rows()) == {"alle-vestigingen-bo.csv": 6268, "alle-vestigingen-vo.csv": 0}


def test_register_names_decoded(extract_met_registers):
    frame = lees_tabel(extract_met_registers, lees_contract("vestigingen")).frame.collect()
    namen = frame["naam"].to_list()
    # Latin-1 bytes must come out as accented letters, never as replacement characters.
    assert not any("\ufffd" in naam for naam in namen)
    assert any(any(teken in naam for teken in "éëèïöü") for naam in namen)


def test_register_column_variants(tmp_path):
    # Another year's spelling: INSTELLINGSNAAM VESTIGING, a trailing space, CRLF line ends.
    pad = tmp_path / "extract" / "alle-vestigingen-2019.csv"
    pad.parent.mkdir()
    pad.write_bytes(
        "BRIN NUMMER;VESTIGINGSNUMMER ;INSTELLINGSNAAM VESTIGING;GEMEENTENAAM\r\n"
        "99ZZ;99ZZ00;Fictieve School Zuidhorn;ZUIDHORN\r\n".encode("cp1252")
    )
    frame = lees_tabel(pad.parent, lees_contract("vestigingen")).frame.collect()
    assert frame.select("vestiging", "brin", "naam", "gemeente").row(0) == (
        "99ZZ00", "99ZZ", "Fictieve School Zuidhorn", "ZUIDHORN"
    )


def test_register_missing_column_lists_found(tmp_path):
    pad = schrijf_csv(tmp_path / "extract" / "alle-vestigingen-bo.csv",
                      ["BRIN NUMMER", "VESTIGINGSNAAM", "GEMEENTENAAM"],
                      [("99ZZ", "Fictieve School", "ZUIDHORN")], scheidingsteken=";")
    with pytest.raises(InvoerFout) as fout:
        lees_tabel(pad.parent, lees_contract("vestigingen"))
    melding = str(fout.value)
    assert "mist de verplichte kolom(men) vestiging" in melding
    assert "Gevonden kolommen: BRIN NUMMER, VESTIGINGSNAAM, GEMEENTENAAM" in melding
