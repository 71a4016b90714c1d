"""Input handling: quarantine and row accounting, unreadable files, BSN-like ids, encodings."""

from __future__ import annotations

import polars as pl
import pyarrow.parquet as pq
import pytest

from pipelines.errors import InvoerFout
from pipelines.load.bestanden import lees_bestand
from pipelines.load.extract import lees_tabel
from pipelines.validate.contract import lees_contract
from tests.conftest import KOLOMMEN, draai_job, fout_van, inschrijving, schrijf_csv, schrijf_extract

GOED = [
    inschrijving("p1", 2020, "10AA00", "bao", 5),
    inschrijving("p1", 2021, "10AA00", "bao", 6),
    inschrijving("p2", 2020, "10AA00", "bao", 3),
]
# Line numbers in the file: header is line 1, so GOED is lines 2-4 and FOUT starts at line 5.
FOUT = [
    inschrijving("p3", 2020, "10AA00", "vmbo-x", 1),                          # line 5
    ("p4", 2020, "10AA", "10AA00", "bao", "negen", "", ""),                   # line 6
    ("", 2020, "10AA", "10AA00", "bao", 4, "", ""),                           # line 7
    ("p5", 2020, "10AA", "11BB00", "bao", 4, "", ""),                         # line 8
    inschrijving("p1", 2020, "10AA00", "bao", 5),                             # line 9, duplicate
    ("p6", 2020, "10AA", "10AA00", "bao", 12, "", "xyz"),                     # line 10, two faults
]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    extract = schrijf_extract(
        tmp_path_factory.mktemp("invoer") / "extract", inschrijvingen=GOED + FOUT
    )
    return draai_job(extract, tmp_path_factory.mktemp("uit"), min_cel=0)


def test_quarantine_reasons_per_line(run):
    quarantaine = run.tabel("quarantaine").filter(pl.col("tabel") == "inschrijvingen")
    gevonden = {(r["regel"], r["kolom"]): r for r in quarantaine.iter_rows(named=True)}
    assert set(gevonden) == {
        (5, "onderwijssoort"), (6, "leerjaar"), (7, "persoon_id"), (8, "vestiging"),
        (9, "persoon_id,schooljaar,vestiging,onderwijssoort,leerjaar,opleidingscode"),
        (10, "leerjaar"), (10, "leerweg"),
    }
    assert gevonden[(5, "onderwijssoort")]["waarde"] == "vmbo-x"
    assert gevonden[(5, "onderwijssoort")]["reden"].startswith("onbekende code")
    assert gevonden[(6, "leerjaar")]["reden"] == "geen geheel getal"
    assert gevonden[(7, "persoon_id")]["reden"] == "verplichte waarde ontbreekt"
    assert "begint niet met de waarde van kolom brin" in gevonden[(8, "vestiging")]["reden"]
    assert gevonden[(10, "leerjaar")]["reden"] == "buiten het toegestane bereik 1 tot en met 8"
    assert all(r["bestand"] == "inschrijvingen.csv" for r in gevonden.values())


def test_row_accounting_adds_up(run):
    telling = run.tabel("rijtelling").filter(pl.col("tabel") == "inschrijvingen").row(0, named=True)
    assert telling["rijen_gelezen"] == 9
    assert telling["rijen_gebruikt"] == 3
    assert telling["rijen_in_quarantaine"] == 6
    assert telling["klopt"] is True
    assert run.tabel("inschrijvingen").height == 3


def test_quarantine_csv_written(run):
    csv = pl.read_csv(run.uitvoer / "quarantaine.csv", separator=";")
    assert csv.height == 7
    assert set(csv.columns) == {"tabel", "bestand", "regel", "kolom", "waarde", "reden"}


def test_manifest_counts(run):
    import json

    manifest = json.loads((run.uitvoer / "po-raad" / "manifest.json").read_text(encoding="utf-8"))
    rijen = {r["tabel"]: r for r in manifest["rijen"]}
    assert rijen["inschrijvingen"]["rijen_in_quarantaine"] == 6
    assert manifest["onderdrukking"]["drempel"] == 0
    assert {b["bestand"] for b in manifest["invoer"]} >= {"inschrijvingen.csv", "vestigingen.csv"}
    assert all(len(b["sha256"]) == 64 for b in manifest["invoer"])
    assert {u["bestand"] for u in manifest["uitvoer"]} == {
        "doorstroom.parquet", "doorstromers.parquet", "advies_positie.parquet", "rapport.html",
    }


def test_missing_column_stops_run(tmp_path):
    extract = schrijf_extract(tmp_path / "extract", inschrijvingen=GOED)
    kolommen = [k for k in KOLOMMEN["inschrijvingen"] if k != "leerjaar"]
    rijen = [tuple(v for k, v in zip(KOLOMMEN["inschrijvingen"], r) if k != "leerjaar") for r in GOED]
    schrijf_csv(extract / "inschrijvingen.csv", kolommen, rijen)

    run = draai_job(extract, tmp_path / "uit", raise_on_error=False)
    assert not run.resultaat.success
    melding = fout_van(run.resultaat)
    assert "'inschrijvingen.csv' mist de verplichte kolom(men) leerjaar" in melding
    assert "Gevonden kolommen: persoon_id, schooljaar" in melding
    assert not (tmp_path / "uit" / "po-raad").exists()


def test_bsn_like_id_stops_run(tmp_path):
    # 111222333 passes the elfproef: 9*1+8*1+7*1+6*2+5*2+4*2+3*3+2*3-1*3 = 66 = 6*11.
    extract = schrijf_extract(
        tmp_path / "extract",
        inschrijvingen=[*GOED, inschrijving("111222333", 2020, "10AA00", "bao", 4)],
    )
    run = draai_job(extract, tmp_path / "uit", raise_on_error=False)
    assert not run.resultaat.success
    melding = fout_van(run.resultaat)
    assert "regel 5, kolom 'persoon_id'" in melding
    assert "burgerservicenummer" in melding
    assert "111222333" not in melding


def _parquet_inschrijvingen(pad, persoon_ids):
    rijen = len(persoon_ids)
    pl.DataFrame({
        "persoon_id": persoon_ids, "schooljaar": [2022] * rijen, "brin": ["10AA"] * rijen,
        "vestiging": ["10AA00"] * rijen, "onderwijssoort": ["bao"] * rijen, "leerjaar": [7] * rijen,
        "opleidingscode": [f"{i:05d}" for i in range(rijen)],
    }).write_parquet(pad, compression="zstd")


def test_parquet_bsn_stops_run(tmp_path):
    extract = schrijf_extract(tmp_path / "extract", inschrijvingen=GOED)
    _parquet_inschrijvingen(extract / "inschrijvingen_2022.parquet", ["p8", "p9", "111222333"])
    run = draai_job(extract, tmp_path / "uit", raise_on_error=False)
    assert not run.resultaat.success
    melding = fout_van(run.resultaat)
    assert "Bestand 'inschrijvingen_2022.parquet', regel 3, kolom 'persoon_id'" in melding
    assert "111222333" not in melding
    # The CSV file before it was valid, but none of its rows stay stored either.
    assert not (tmp_path / "uit" / "intern" / "inschrijvingen").exists()


def _melding_bij_schade(tmp_path, kolom: int) -> str:
    """Run the job on an extract whose Parquet file has the page header of `kolom` damaged.

    The footer stays intact, so the file opens and the damage only shows once that column's
    data is read.
    """
    extract = schrijf_extract(tmp_path / "extract", inschrijvingen=GOED)
    pad = extract / "inschrijvingen_2022.parquet"
    _parquet_inschrijvingen(pad, [f"p{i}" for i in range(5000)])
    begin = pq.ParquetFile(pad).metadata.row_group(0).column(kolom).data_page_offset
    inhoud = bytearray(pad.read_bytes())
    inhoud[begin:begin + 12] = b"\x55" * 12
    pad.write_bytes(bytes(inhoud))

    run = draai_job(extract, tmp_path / "uit", raise_on_error=False)
    assert not run.resultaat.success
    return fout_van(run.resultaat)


def test_damaged_parquet_persoon_id(tmp_path):
    # persoon_id is read first, for the BSN check, so the message names the one file.
    melding = _melding_bij_schade(tmp_path, kolom=0)
    assert "Bestand 'inschrijvingen_2022.parquet' kan niet helemaal gelezen worden" in melding
    assert "lever het opnieuw aan" in melding


def test_damaged_parquet_later_column(tmp_path):
    # opleidingscode is first read during validation, which reads the CSV and the Parquet file
    # together. The message still names the damaged file.
    melding = _melding_bij_schade(tmp_path, kolom=6)
    assert "Bestand 'inschrijvingen_2022.parquet' kan niet helemaal gelezen worden" in melding
    assert "inschrijvingen.csv" not in melding


def test_nine_digits_failing_elfproef_accepted(tmp_path):
    extract = schrijf_extract(
        tmp_path / "extract",
        inschrijvingen=[inschrijving("123456789", 2020, "10AA00", "bao", 4)],
    )
    ruw = lees_tabel(extract, lees_contract("inschrijvingen"))
    assert ruw.frame.collect().height == 1


def test_empty_file_stops_with_message(tmp_path):
    extract = schrijf_extract(tmp_path / "extract", inschrijvingen=GOED)
    (extract / "diplomas_2021.csv").write_bytes(b"")
    with pytest.raises(InvoerFout, match="'diplomas_2021.csv' is leeg"):
        lees_tabel(extract, lees_contract("diplomas"))


def test_header_only_file_is_empty_table(tmp_path):
    pad = schrijf_csv(tmp_path / "diplomas.csv", KOLOMMEN["diplomas"], [])
    frame, _ = lees_bestand(pad)
    assert frame.height == 0
    assert "persoon_id" in frame.columns


def test_windows_1252_semicolon_read(tmp_path):
    pad = schrijf_csv(
        tmp_path / "vestigingen.csv", KOLOMMEN["vestigingen"],
        [("10AA00", "10AA", "Basisschool De Eikenhoeve ‘t Veld", "Wûnseradiel")],
        scheidingsteken=";", codering="cp1252",
    )
    frame, info = lees_bestand(pad)
    assert info == {"formaat": "csv", "codering": "windows-1252", "scheidingsteken": ";"}
    assert frame["naam"][0] == "Basisschool De Eikenhoeve ‘t Veld"
    assert frame["gemeente"][0] == "Wûnseradiel"


def test_parquet_and_csv_files_combined(tmp_path):
    extract = schrijf_extract(tmp_path / "extract", inschrijvingen=GOED)
    pl.DataFrame(
        {"persoon_id": ["p9"], "schooljaar": [2022], "brin": ["10AA"], "vestiging": ["10AA00"],
         "onderwijssoort": ["bao"], "leerjaar": [7]}
    ).write_parquet(extract / "inschrijvingen_2022.parquet")
    frame = lees_tabel(extract, lees_contract("inschrijvingen")).frame.collect()
    assert frame.height == 4
    parquetrij = frame.filter(pl.col("_bestand") == "inschrijvingen_2022.parquet")
    assert parquetrij.select("leerjaar", "_regel", "leerweg").row(0) == ("7", 1, None)


def test_parquet_integers_validated_by_value(tmp_path):
    """Integer columns of a Parquet file are checked as numbers; text columns stay text."""
    extract = schrijf_extract(tmp_path / "extract", inschrijvingen=GOED[:1])
    (extract / "inschrijvingen.csv").unlink()
    pl.DataFrame(
        {"persoon_id": [101, 102, 103], "schooljaar": [2020, 2020, 2020],
         "brin": ["10AA"] * 3, "vestiging": ["10AA00"] * 3, "onderwijssoort": ["bao"] * 3,
         "leerjaar": [4, 12, 5]},
        schema_overrides={"schooljaar": pl.Int32, "leerjaar": pl.Int16},
    ).write_parquet(extract / "inschrijvingen.parquet")

    run = draai_job(extract, tmp_path / "uit", min_cel=0)
    quarantaine = run.tabel("quarantaine").filter(pl.col("tabel") == "inschrijvingen")
    assert quarantaine.select("regel", "kolom", "waarde", "reden").rows() == [
        (2, "leerjaar", "12", "buiten het toegestane bereik 1 tot en met 8"),
    ]
    inschrijvingen = run.tabel("inschrijvingen")
    assert inschrijvingen["persoon_id"].to_list() == ["101", "103"]
    assert inschrijvingen.schema["leerjaar"] == pl.Int64
