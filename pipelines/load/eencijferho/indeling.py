"""Parse DUO's Bestandsbeschrijving: per file section, each field's name, start position and length.

A Bestandsbeschrijving lists the fields of a fixed-width file under a header line with the
words "Startpositie" and "Aantal posities", one field per line, until a blank line:

    Persoonsgebonden nummer                                    1            12
    Etniciteit                                               186             2 (*)

The section's name is the nearest title above the header that is underlined with '='
(`Lay-out bestand` in the main file's description, `Dec_landcode.asc` in the description of the
decode tables). Reading positions from the text means a new year's layout needs no code change.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from pipelines.errors import DefinitieFout, InvoerFout
from pipelines.load.bestanden import decodeer

# A whitespace-separated whole number. Names can contain digits ("Nationaliteit 1"), and so can
# remarks after the length ("0 = missing"). Start and length are therefore the numbers under the
# header words "Startpositie" and "Aantal posities", not the last two numbers of the line.
_GETAL = re.compile(r"(?<!\S)\d+(?!\S)")
# A footnote mark after a field name: "Opleidingsnaam actuele opleiding (*)".
_VOETNOOT = re.compile(r"\s*\(\*+\)$")


@dataclass(frozen=True)
class Veld:
    naam: str
    start: int
    """1-based, as DUO writes it."""
    lengte: int
    regel: int
    """Line of the Bestandsbeschrijving that defines the field, for error messages."""

    @property
    def plak(self) -> slice:
        return slice(self.start - 1, self.start - 1 + self.lengte)


@dataclass(frozen=True)
class Indeling:
    """The fields of one fixed-width file, in position order."""

    titel: str
    bron: Path
    velden: tuple[Veld, ...]

    @property
    def recordlengte(self) -> int:
        laatste = self.velden[-1]
        return laatste.start + laatste.lengte - 1

    def veld(self, naam: str) -> Veld:
        """Return the field called `naam`, ignoring case and runs of spaces."""
        gezocht = normaliseer_veldnaam(naam)
        for veld in self.velden:
            if normaliseer_veldnaam(veld.naam) == gezocht:
                return veld
        namen = [veld.naam for veld in self.velden]
        suggesties = difflib.get_close_matches(naam, namen, n=3)
        hint = f" Bedoelt u: {', '.join(suggesties)}?" if suggesties else ""
        raise DefinitieFout(
            f"Veld '{naam}' staat niet in de bestandsbeschrijving '{self.bron}' (onderdeel "
            f"'{self.titel}').{hint} Pas de veldnaam aan in definitions/eencijferho.yaml, of "
            "controleer of de bestandsbeschrijving bij het bestand hoort."
        )


def normaliseer_veldnaam(naam: str) -> str:
    return " ".join(naam.split()).casefold()


def lees_bestandsbeschrijving(pad: Path) -> list[Indeling]:
    """Read every field table in a Bestandsbeschrijving, in the order they appear."""
    if not pad.is_file():
        raise InvoerFout(
            f"Bestandsbeschrijving '{pad}' niet gevonden. Zet de bestandsbeschrijvingen van de "
            "1cijferHO-levering in de map die DOORSTROOM_1CIJFERHO_LAYOUT aanwijst."
        )
    tekst, _ = decodeer(pad, pad.read_bytes())
    # split("\n"), not splitlines(): Latin-1 byte 0x85 is a line break to splitlines().
    regels = [regel.rstrip("\r") for regel in tekst.split("\n")]

    indelingen: list[Indeling] = []
    titel = pad.name
    nummer = 0
    while nummer < len(regels):
        regel = regels[nummer]
        volgende = regels[nummer + 1] if nummer + 1 < len(regels) else ""
        if regel.strip() and re.fullmatch(r"=+", volgende.strip()):
            titel = regel.strip()
        kop = regel.casefold()
        if "startpositie" in kop and "aantal posities" in kop:
            kolommen = (_kolom(kop, "startpositie"), _kolom(kop, "aantal posities"))
            velden, nummer = _lees_veldtabel(pad, regels, nummer + 1, kolommen)
            indelingen.append(Indeling(titel, pad, velden))
            continue
        nummer += 1

    if not indelingen:
        raise InvoerFout(
            f"Bestandsbeschrijving '{pad.name}' bevat geen veldtabel (een kopregel met "
            "'Startpositie' en 'Aantal posities'). Controleer of dit de bestandsbeschrijving van "
            "DUO is."
        )
    return indelingen


def _kolom(kop: str, woord: str) -> range:
    begin = kop.find(woord)
    return range(begin, begin + len(woord))


def _lees_veldtabel(
    pad: Path, regels: list[str], begin: int, kolommen: tuple[range, range]
) -> tuple[tuple[Veld, ...], int]:
    """Read field lines from `begin` up to the first blank line; return the fields and that line."""
    velden: list[Veld] = []
    nummer = begin
    while nummer < len(regels) and regels[nummer].strip():
        regel = regels[nummer]
        start, lengte = (_getal_onder(regel, kolom) for kolom in kolommen)
        naam = _VOETNOOT.sub("", regel[: start.start()].strip()) if start else ""
        if start is None or lengte is None or not naam:
            raise InvoerFout(
                f"Bestandsbeschrijving '{pad.name}', regel {nummer + 1}: '{regel.strip()}' is geen "
                "veldregel (naam, dan startpositie en aantal posities onder de kopjes). Een "
                "veldtabel eindigt met een lege regel; controleer de opmaak rond deze regel."
            )
        dubbel = [v for v in velden if normaliseer_veldnaam(v.naam) == normaliseer_veldnaam(naam)]
        if dubbel:
            raise InvoerFout(
                f"Bestandsbeschrijving '{pad.name}', regel {nummer + 1}: veld '{naam}' staat ook "
                f"op regel {dubbel[0].regel}. Een veldnaam moet per bestand uniek zijn; "
                "controleer de bestandsbeschrijving."
            )
        velden.append(Veld(naam, int(start.group()), int(lengte.group()), nummer + 1))
        nummer += 1
    _eis_aaneengesloten(pad, velden)
    return tuple(velden), nummer


def _getal_onder(regel: str, kolom: range) -> re.Match[str] | None:
    """Return the whole number in `regel` that overlaps the header word's columns, if any."""
    for getal in _GETAL.finditer(regel):
        if getal.start() < kolom.stop and getal.end() > kolom.start:
            return getal
    return None


def _eis_aaneengesloten(pad: Path, velden: list[Veld]) -> None:
    if not velden:
        raise InvoerFout(
            f"Bestandsbeschrijving '{pad.name}' heeft een veldtabel zonder velden. Controleer "
            "de regels onder 'Startpositie  Aantal posities'."
        )
    # DUO's fields follow each other without gaps; a gap or overlap means a misread line.
    verwacht = 1
    for veld in velden:
        if veld.start != verwacht:
            raise InvoerFout(
                f"Bestandsbeschrijving '{pad.name}', regel {veld.regel}: veld '{veld.naam}' begint "
                f"op positie {veld.start}, maar het vorige veld eindigt op {verwacht - 1}. "
                "Controleer startposities en lengtes in de bestandsbeschrijving."
            )
        verwacht = veld.start + veld.lengte


def indeling_met_titel(indelingen: list[Indeling], titel: str) -> Indeling:
    """Return the section titled `titel` (case-insensitive), such as a decode table's file name."""
    for indeling in indelingen:
        if indeling.titel.casefold() == titel.casefold():
            return indeling
    bron = indelingen[0].bron.name if indelingen else "de bestandsbeschrijving"
    raise InvoerFout(
        f"'{titel}' staat niet in {bron}. Beschreven bestanden: "
        f"{', '.join(i.titel for i in indelingen)}. Gebruik een bestandsbeschrijving uit "
        "dezelfde levering als het bestand."
    )
