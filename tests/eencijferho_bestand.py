"""Write fictitious 1cijferHO main files that follow DUO's real layout to the position.

Positions come from the real Bestandsbeschrijving, read with the project's parser. The test of
that parser pins a handful of them to the values read by hand from the file. Every person here
is made up, but the Burgerservicenummer field contains numbers that pass the elfproef, so a test
can show that the loader never reads that field.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipelines.load.eencijferho.indeling import Indeling

# Real CROHO codes (public register) of fictitious enrolments.
HBO_BA, HBO_AD, HBO_MA, HBO_PI = "34401", "80009", "44739", "70178"
WO_BA, WO_MA = "50645", "60020"

_ONDERDEEL = {HBO_BA: "6", HBO_AD: "6", HBO_MA: "9", HBO_PI: "4", WO_BA: "6", WO_MA: "8"}
_FASE = {"ad": "A", "ba": "B", "ma": "M", "pi": "Q", "on": "I"}
_BSN_GEWICHTEN = (9, 8, 7, 6, 5, 4, 3, 2)


def elfproef_nummer(basis: int) -> str:
    """Return the 8-digit `basis` plus the check digit that makes it pass the BSN elfproef."""
    cijfers = f"{basis:08d}"
    controle = sum(int(c) * w for c, w in zip(cijfers, _BSN_GEWICHTEN, strict=True)) % 11
    if controle == 10:
        raise ValueError(f"basis {basis} has no valid check digit; pick another")
    return cijfers + str(controle)


@dataclass(frozen=True)
class HoRegel:
    """One record of the main file: one enrolment of a person in one inschrijvingsjaar."""

    persoon: str
    jaar: int
    brin: str
    opleidingscode: str
    soort_ho: str
    type_ho: str
    bsn: str
    actief: str = "1"
    soort_inschrijving: str = "1"
    verblijfsjaar: int = 1
    vestigingsnummer: str = "00"
    diplomajaar: int = 0
    diploma_fase: str = ""
    soort_diploma: str = ""
    diploma_vestigingsnummer: str = ""
    onderwijsnummer: str = ""

    def velden(self) -> dict[str, str]:
        """Field values by their name in the Bestandsbeschrijving."""
        waarden = {
            "Persoonsgebonden nummer": self.persoon,
            "Inschrijvingsjaar": str(self.jaar),
            "Instellingscode": self.brin,
            "Actuele instelling": self.brin,
            "Opleidingscode": self.opleidingscode,
            "Opleidingsvorm": "1",
            "Opleidingsfase": _FASE.get(self.type_ho, ""),
            "Maand vanaf": "09",
            "Inschrijvingsvorm": "S",
            "Soort hoger onderwijs": self.soort_ho,
            "Opleiding actueel equivalent": self.opleidingscode,
            "Croho-onderdeel actuele opleiding": _ONDERDEEL.get(self.opleidingscode, "0"),
            "Type hoger onderwijs binnen soort hoger onderwijs": self.type_ho,
            "Indicatie actief op peildatum": self.actief,
            "Soort inschrijving hoger onderwijs": self.soort_inschrijving,
            "Eerste jaar aan deze instelling": str(self.jaar - self.verblijfsjaar + 1),
            "Verblijfsjaar actuele opleiding-instelling": f"{self.verblijfsjaar:02d}",
            "Diplomajaar": f"{self.diplomajaar:04d}",
            "Opleidingsfase actueel van het diploma": self.diploma_fase,
            "Soort diploma hoger onderwijs": self.soort_diploma,
            "Datum inschrijving": f"{self.jaar}0901",
            "Vestigingsnummer": self.vestigingsnummer,
            "Vestigingsnummer diploma": self.diploma_vestigingsnummer,
            "Burgerservicenummer": self.bsn,
            "Onderwijsnummer": self.onderwijsnummer,
        }
        if self.diplomajaar:
            waarden["Datum tekening diploma"] = f"{self.diplomajaar + 1}0705"
        return waarden


def maak_regel(indeling: Indeling, waarden: dict[str, str]) -> str:
    """Place each value left-aligned at its field's position in a line of the record length."""
    regel = [" "] * indeling.recordlengte
    for naam, waarde in waarden.items():
        veld = indeling.veld(naam)
        if len(waarde) > veld.lengte:
            raise ValueError(f"{naam}: '{waarde}' is longer than {veld.lengte} positions")
        regel[veld.plak] = list(waarde.ljust(veld.lengte))
    return "".join(regel)


def schrijf_hoofdbestand(
    pad: Path, indeling: Indeling, regels: list[HoRegel], *, afkappen: bool = False
) -> Path:
    """Write the records as a Latin-1 file with CRLF line ends, as DUO delivers it.

    `afkappen` strips trailing spaces from each line, as some tools do on the way.
    """
    tekst = [maak_regel(indeling, regel.velden()) for regel in regels]
    if afkappen:
        tekst = [regel.rstrip() for regel in tekst]
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_bytes("".join(f"{regel}\r\n" for regel in tekst).encode("latin-1"))
    return pad
