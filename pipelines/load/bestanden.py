"""Find and read the files of one extract table as raw text, keeping file name and line number."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import polars as pl

from pipelines.errors import InvoerFout

BESTAND = "_bestand"
REGEL = "_regel"
ONDERSTEUNDE_EXTENSIES = (".csv", ".txt", ".parquet")

# Bytes that Windows-1252 leaves undefined; a file with them is read as Latin-1 instead.
_CP1252_ONGEDEFINIEERD = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def vind_bestanden(extract: Path, voorvoegsels: tuple[str, ...]) -> list[Path]:
    """List the extract's files whose name starts with one of the prefixes, sorted by name."""
    if not extract.is_dir():
        raise InvoerFout(
            f"De extractmap '{extract}' bestaat niet. Zet DOORSTROOM_EXTRACT op de map met de "
            "bestanden van het extract."
        )
    return sorted(
        pad
        for pad in extract.iterdir()
        if pad.is_file()
        and pad.suffix.lower() in ONDERSTEUNDE_EXTENSIES
        and pad.name.lower().startswith(voorvoegsels)
    )


def decodeer(pad: Path, inhoud: bytes) -> tuple[str, str]:
    """Decode CSV bytes as UTF-8 when valid, else as Windows-1252 (or Latin-1); return text and encoding."""
    if inhoud.startswith(b"\xef\xbb\xbf"):
        inhoud = inhoud[3:]
    try:
        return inhoud.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _CP1252_ONGEDEFINIEERD.isdisjoint(inhoud):
        return inhoud.decode("cp1252"), "windows-1252"
    return inhoud.decode("latin-1"), "latin-1"


def bepaal_scheidingsteken(pad: Path, tekst: str) -> str:
    kop = tekst[: tekst.find("\n")] if "\n" in tekst else tekst
    try:
        return csv.Sniffer().sniff(kop, delimiters=";,").delimiter
    except csv.Error:
        # One column only: no separator appears in the header, so either works.
        return ";" if kop.count(";") >= kop.count(",") else ","


def lees_bestand(pad: Path) -> tuple[pl.DataFrame, dict]:
    """Read one CSV or Parquet file with every column as text, as `scan_bestand` opens it."""
    frame, info = scan_bestand(pad)
    return frame.collect(), info


def scan_bestand(pad: Path) -> tuple[pl.LazyFrame, dict]:
    """Open one CSV or Parquet file with every column as text, as a lazy frame.

    Adds `_bestand` (file name) and `_regel` (line number in a CSV file, header = line 1; row
    number in a Parquet file). Returns the frame and a description of how it was read.

    A Parquet file is only scanned, so its rows can stream to the raw table without the whole
    file in memory. A CSV file is decoded whole, because its encoding is judged on all bytes.
    """
    if pad.suffix.lower() == ".parquet":
        frame = _scan_parquet(pad)
        info = {"formaat": "parquet"}
    else:
        gelezen, info = _lees_csv(pad)
        frame = gelezen.lazy()

    # A header without rows is a readable, empty table (the load asset logs it); no header at
    # all is not, and _lees_csv stops on that.
    # Categorical: one file name repeated on millions of rows costs one dictionary entry.
    frame = frame.with_columns(pl.lit(pad.name).cast(pl.Categorical).alias(BESTAND))
    return frame, info


def _scan_parquet(pad: Path) -> pl.LazyFrame:
    try:
        # Reading the schema reads the file's footer, where a damaged or foreign file fails.
        schema = pl.scan_parquet(pad).collect_schema()
    except Exception as fout:  # polars raises several error types for a damaged file
        raise InvoerFout(
            f"Bestand '{pad.name}' is geen leesbaar Parquet-bestand ({fout}). Lever het opnieuw aan."
        ) from fout
    # Integer columns stay integers: a typed file needs no text round trip, and the contract
    # checks integers by value. Everything else is read as text, like a CSV file.
    waarden = [
        (pl.col(kolom).cast(pl.Int64) if dtype.is_integer()
         else pl.col(kolom).cast(pl.String).str.strip_chars()).alias(_normaliseer_kolomnaam(kolom))
        for kolom, dtype in schema.items()
    ]
    return (
        pl.scan_parquet(pad, row_index_name=REGEL, row_index_offset=1)
        .select(pl.col(REGEL).cast(pl.Int64), *waarden)
    )


def _lees_csv(pad: Path) -> tuple[pl.DataFrame, dict]:
    inhoud = pad.read_bytes()
    if not inhoud.strip():
        raise InvoerFout(
            f"Bestand '{pad.name}' is leeg. Lever het bestand opnieuw aan, of haal het uit de "
            "extractmap."
        )
    tekst, codering = decodeer(pad, inhoud)
    scheidingsteken = bepaal_scheidingsteken(pad, tekst)
    try:
        frame = pl.read_csv(
            io.StringIO(tekst),
            separator=scheidingsteken,
            infer_schema=False,
            row_index_name=REGEL,
            # Header is line 1, so the first data row is line 2.
            row_index_offset=2,
        )
    except pl.exceptions.ComputeError as fout:
        raise InvoerFout(
            f"Bestand '{pad.name}' kan niet als CSV gelezen worden (scheidingsteken "
            f"'{scheidingsteken}', codering {codering}): {fout}. Controleer of elke regel "
            "evenveel velden heeft."
        ) from fout

    frame = frame.rename(
        {kolom: _normaliseer_kolomnaam(kolom) for kolom in frame.columns if kolom != REGEL}
    )
    # DUO pads fixed-width-style fields with spaces; an all-space field counts as empty.
    waarden = [
        pl.col(kolom).str.strip_chars().replace("", None) for kolom in frame.columns if kolom != REGEL
    ]
    frame = frame.with_columns(waarden).with_columns(pl.col(REGEL).cast(pl.Int64))
    # NOTE: a quoted field with a line break inside shifts the line numbers after it by one.
    return frame, {"formaat": "csv", "codering": codering, "scheidingsteken": scheidingsteken}


def _normaliseer_kolomnaam(kolom: str) -> str:
    return kolom.strip().strip('"')
