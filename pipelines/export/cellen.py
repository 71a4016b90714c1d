"""Table cells of the report: a published number, `<5` for a suppressed count, never a guess.

Three marks, explained in each page's footnotes:
- `<5` (the threshold): a count from 1 to the threshold minus 1, not published.
- `x`: a share or percentage not published because a count it rests on is suppressed.
- `≥ N`: a sum of several published and suppressed parts. N adds the published parts and 1
  for each suppressed part, the smallest value a suppressed count can have, so N reveals
  nothing that the `<5` marks of the parts do not already show.
- `a–b%`: a share whose parts include suppressed counts, as the range it must lie in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pipelines.export.taal import Taal

Soort = Literal["getal", "onderdrukt", "afgeleid", "ondergrens", "bereik", "geen"]


@dataclass(frozen=True)
class Cel:
    tekst: str
    soort: Soort = "getal"

    @property
    def noot(self) -> str | None:
        """The footnote anchor that explains the mark, if any."""
        return None if self.soort == "getal" else f"noot-{self.soort}"


class Celmaker:
    """Formats counts and shares of one report language and suppression threshold."""

    def __init__(self, taal: Taal, drempel: int) -> None:
        self.taal = taal
        self.drempel = drempel
        self.teken = f"<{drempel}"

    def aantal(self, waarde: int | None, onderdrukt: bool) -> Cel:
        """Format a count: the number, or the suppression mark where it is empty."""
        if waarde is not None:
            return Cel(self.taal.getal(waarde))
        if onderdrukt:
            return Cel(self.teken, "onderdrukt")
        return Cel("–", "geen")

    def procent(self, waarde: float | None, onderdrukt: bool, decimalen: int = 1) -> Cel:
        """Format a percentage (0-100): `x` when a count it derives from is suppressed."""
        if waarde is not None:
            return Cel(self.taal.procent(waarde, decimalen))
        if onderdrukt:
            return Cel("x", "afgeleid")
        return Cel("–", "geen")

    def bereik(self, laag: float, hoog: float) -> Cel:
        """Format a share (0-100) known to lie between `laag` and `hoog`; one value if equal."""
        tekst_laag = self.taal.procent(laag)
        tekst_hoog = self.taal.procent(hoog)
        if tekst_laag == tekst_hoog:
            return Cel(tekst_laag)
        return Cel(f"{tekst_laag[:-1]}–{tekst_hoog}", "bereik")

    def som(self, delen: list[tuple[int | None, bool]]) -> Cel:
        """Format the total of (count, suppressed) parts, as `≥ N` when a part is suppressed."""
        som = Som.van(delen)
        if som.onderdrukt == 0:
            return Cel(self.taal.getal(som.gepubliceerd))
        if som.onderdrukt == 1 and som.gepubliceerd == 0:
            # The total is that one suppressed count, so its own mark is exact.
            return Cel(self.teken, "onderdrukt")
        return Cel(f"≥ {self.taal.getal(som.ondergrens)}", "ondergrens")


@dataclass(frozen=True)
class Som:
    """Published counts added up, with the number of suppressed parts left out of the sum."""

    gepubliceerd: int
    onderdrukt: int

    @classmethod
    def van(cls, delen: list[tuple[int | None, bool]]) -> Som:
        gepubliceerd = sum(aantal for aantal, _ in delen if aantal is not None)
        onderdrukt = sum(1 for aantal, weg in delen if aantal is None and weg)
        return cls(gepubliceerd, onderdrukt)

    @property
    def ondergrens(self) -> int:
        """The smallest possible total: every suppressed part counts at least 1."""
        return self.gepubliceerd + self.onderdrukt
