"""Read DUO's small fixed-width reference files: the decode tables Dec_*.asc and Croho.asc."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from pipelines.errors import InvoerFout
from pipelines.load.eencijferho.indeling import (
    Indeling,
    indeling_met_titel,
    lees_bestandsbeschrijving,
)

DEC_BESCHRIJVING = "Bestandsbeschrijving_Dec-bestanden.txt"


def decodeer_enkelbyte(inhoud: bytes) -> str:
    """Decode as Windows-1252, else Latin-1; both have one character per byte, so positions hold.

    DUO calls its files Latin-1, but Dec_instellingscode.asc has Windows-1252 quotes
    ("’t Kompas"). Latin-1 takes over when a byte is undefined in Windows-1252.
    """
    try:
        return inhoud.decode("cp1252")
    except UnicodeDecodeError:
        return inhoud.decode("latin-1")


def lees_vaste_breedte(
    pad: Path, indeling: Indeling, velden: list[str] | None = None
) -> pl.DataFrame:
    """Read a fixed-width single-byte file into text columns named after the layout's fields.

    Only `velden` are read when given. Values are trimmed and an all-space value is empty.
    Blank lines are skipped. Meant for the small reference files; the main file has its own
    streaming reader.
    """
    if not pad.is_file():
        raise InvoerFout(
            f"Bestand '{pad}' niet gevonden. Zet het uit de 1cijferHO-levering in de map die "
            "DOORSTROOM_1CIJFERHO_LAYOUT aanwijst."
        )
    # split("\n"), not splitlines(): Latin-1 byte 0x85 is a line break to splitlines().
    tekst = decodeer_enkelbyte(pad.read_bytes())
    regels = [regel.rstrip("\r") for regel in tekst.split("\n") if regel.strip()]
    gekozen = [indeling.veld(naam) for naam in velden] if velden else list(indeling.velden)
    kolommen = {
        veld.naam: [regel[veld.plak].strip() or None for regel in regels] for veld in gekozen
    }
    return pl.DataFrame(kolommen, schema={naam: pl.String for naam in kolommen})


def lees_decodeertabel(layout_map: Path, bestand: str) -> pl.DataFrame:
    """Read decode table `bestand` (e.g. Dec_opleidingscode.asc) with DUO's layout for it."""
    indelingen = lees_bestandsbeschrijving(layout_map / DEC_BESCHRIJVING)
    return lees_vaste_breedte(layout_map / bestand, indeling_met_titel(indelingen, bestand))
