"""The report's language: labels from one message catalogue, numbers and dates per language.

reports/berichten.yaml contains every label in Dutch (`nl`) and English (`en`). Texts from the
definitions registry use their `_en` field in English; where that field is missing the Dutch
text is shown, marked `lang="nl"` and followed by a note, so no untranslated text passes as
English unnoticed.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from pathlib import Path

from markupsafe import Markup, escape

from pipelines.errors import InvoerFout
from pipelines.yamltekst import lees_yaml

CATALOGUS = Path(__file__).resolve().parents[2] / "reports" / "berichten.yaml"
TALEN = ("nl", "en")

_MAANDEN = {
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}
# Thousands and decimal separators.
_SCHEIDING = {"nl": (".", ","), "en": (",", ".")}


@cache
def lees_catalogus() -> dict[str, dict[str, str]]:
    """Read the catalogue; every key must have a text for every language."""
    catalogus = lees_yaml(CATALOGUS.read_text(encoding="utf-8"))
    for sleutel, teksten in catalogus.items():
        # An unquoted comma in a flow mapping ({nl: a, b}) silently adds a key, so demand
        # exactly one text per language.
        if not isinstance(teksten, dict) or set(teksten) != set(TALEN) or not all(
            isinstance(tekst, str) and tekst for tekst in teksten.values()
        ):
            raise InvoerFout(
                f"Berichtencatalogus {CATALOGUS}: sleutel '{sleutel}' moet precies één tekst "
                f"per taal hebben ({', '.join(TALEN)}), maar heeft {teksten!r}. Zet een tekst "
                "met een komma of dubbele punt tussen aanhalingstekens."
            )
    return catalogus


class Taal:
    """Labels and number formats of one language."""

    def __init__(self, code: str) -> None:
        if code not in TALEN:
            raise InvoerFout(
                f"DOORSTROOM_TAAL='{code}' is geen ondersteunde taal. Kies uit: "
                f"{', '.join(TALEN)}."
            )
        self.code = code
        self._catalogus = lees_catalogus()

    def t(self, sleutel: str, **waarden) -> str:
        """Return the label `sleutel`, with `{naam}` placeholders filled in."""
        try:
            tekst = self._catalogus[sleutel][self.code]
        except KeyError:
            raise KeyError(f"Sleutel '{sleutel}' ontbreekt in {CATALOGUS}.") from None
        return tekst.format(**waarden) if waarden else tekst

    def code_label(self, code, soort: str = "waarde") -> str:
        """Label of a value code (geen_inschrijving, onder, ...); other codes are shown as they are.

        `soort` is the catalogue prefix: `waarde` for values in the tables, `sector` for
        onderwijssectoren.
        """
        sleutel = f"{soort}.{code}"
        return self.t(sleutel) if sleutel in self._catalogus else str(code)

    def getal(self, waarde: int | float | None, decimalen: int = 0) -> str:
        if waarde is None:
            return ""
        duizend, decimaal = _SCHEIDING[self.code]
        tekst = f"{waarde:,.{decimalen}f}"
        return tekst.replace(",", "\0").replace(".", decimaal).replace("\0", duizend)

    def procent(self, waarde: float | None, decimalen: int = 1) -> str:
        """Format a value on the 0-100 scale as a percentage."""
        return "" if waarde is None else f"{self.getal(waarde, decimalen)}%"

    def datum(self, tijdstip: str) -> str:
        """Format an ISO timestamp as a date, e.g. 4 december 2026."""
        moment = datetime.fromisoformat(tijdstip)
        return f"{moment.day} {_MAANDEN[self.code][moment.month - 1]} {moment.year}"

    def registry_tekst(self, bron: object, veld: str) -> Markup:
        """Return the registry text `veld` of `bron` in this language, else the Dutch, marked."""
        nederlands = getattr(bron, veld)
        if self.code == "nl":
            return escape(nederlands)
        engels = getattr(bron, f"{veld}_en", None)
        if engels:
            return escape(engels)
        return Markup('<span lang="nl">{}</span> <em>({})</em>').format(
            nederlands, self.t("tekst.alleen_nederlands")
        )


def schooljaar(jaar: int) -> str:
    """Format a school year as 2021-2022, the same in both languages."""
    return f"{jaar}-{jaar + 1}"
