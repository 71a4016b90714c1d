"""Report sections shared by the overview and the instelling pages: transitions and advice.

Each builder takes rows of the suppressed output tables, as dicts, and returns table cells plus a
chart spec. Plain rows rather than frames: an instelling page has a few dozen rows, and one
Polars filter per unit made building a page's data take 3.4 ms instead of 0.9 ms. Sums over
suppressed rows go through Celmaker.som, so no suppressed count is printed or worked out from a
total.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipelines.export import grafieken, sankey
from pipelines.export.cellen import Celmaker, Som
from pipelines.export.taal import Taal, schooljaar
from pipelines.registry import Raad, Registry
from pipelines.transform.advies_positie import NIET_IN_LEERJAAR_3
from pipelines.transform.transities import GEEN_INSCHRIJVING

OORDELEN = ("onder", "op", "boven")


@dataclass
class Rapportcontext:
    """Definitions, language, cell formats and code order, shared by every section."""

    registry: Registry
    raad: Raad
    taal: Taal
    cellen: Celmaker
    manifest: dict
    volgorde: list[str] = field(init=False)
    sectoren: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        # Codes in the order of definitions/onderwijssoorten.yaml, from po to wo.
        self.volgorde = [*self.registry.onderwijssoorten, GEEN_INSCHRIJVING,
                         NIET_IN_LEERJAAR_3]
        self.sectoren = (*self.registry.sectoren, GEEN_INSCHRIJVING)

    def sector(self, soort: str) -> str:
        if soort in self.registry.onderwijssoorten:
            return self.registry.onderwijssoorten[soort].sector
        return soort

    def sectorlabel(self, sector: str) -> str:
        return self.taal.code_label(sector, "sector")


def overgangen(rijen: list[dict], ctx: Rapportcontext, beschrijving: str) -> dict | None:
    """Transitions of one unit and year: van, naar, met and zonder diploma, total, and a Sankey."""
    if not rijen:
        return None
    cellen = ctx.cellen
    rang = {code: i for i, code in enumerate(ctx.volgorde)}
    delen: dict[tuple[str, str], dict[bool, tuple[int | None, bool]]] = {}
    for rij in rijen:
        delen.setdefault((rij["van"], rij["naar"]), {})[rij["diploma"]] = (
            rij["aantal"], rij["onderdrukt"]
        )
    tabel = []
    for (van, naar), paar in sorted(delen.items(), key=lambda p: (rang.get(p[0][0], 99),
                                                                   rang.get(p[0][1], 99))):
        met = paar.get(True, (0, False))
        zonder = paar.get(False, (0, False))
        tabel.append({
            "van": ctx.taal.code_label(van),
            "naar": ctx.taal.code_label(naar),
            "met": cellen.aantal(*met),
            "zonder": cellen.aantal(*zonder),
            "totaal": cellen.som([met, zonder]),
        })
    stromen = [
        sankey.Stroom(r["van"], r["naar"], r["diploma"], r["aantal"], r["onderdrukt"])
        for r in rijen
        if r["aantal"] != 0
    ]
    layout = sankey.layout(stromen, ctx.volgorde, cellen)
    return {
        "rijen": tabel,
        "grafiek": grafieken.sankey(layout, ctx.taal, beschrijving) if layout else None,
    }


def bestemmingen(
    rijen: list[dict], eenheden: list[tuple[str, str | None]], ctx: Rapportcontext,
    beschrijving: str,
) -> dict | None:
    """Per unit (label, vestiging or None for the instelling): transitions per destination sector.

    `rijen` are one year's doorstroom rows at niveau instelling and vestiging of one brin.
    """
    if not rijen:
        return None
    sectoren = ctx.sectoren
    aanwezig = set()
    tabel, grafiekrijen = [], []
    for eenheid_volgorde, (label, vestiging) in enumerate(eenheden):
        per_sector: dict[str, list[tuple[int | None, bool]]] = {}
        # A vestiging of None picks the instelling's own rows, whose vestiging is empty.
        for rij in (r for r in rijen if r["vestiging"] == vestiging):
            per_sector.setdefault(ctx.sector(rij["naar"]), []).append(
                (rij["aantal"], rij["onderdrukt"])
            )
        aanwezig |= set(per_sector)
        cellen = {}
        for volgorde, sector in enumerate(sectoren):
            delen = per_sector.get(sector, [])
            cellen[sector] = ctx.cellen.som(delen)
            som = Som.van(delen)
            # The instelling is the sum of its vestigingen, so the chart shows the vestigingen.
            if som.gepubliceerd and vestiging is not None:
                grafiekrijen.append({
                    "eenheid": label, "eenheid_volgorde": eenheid_volgorde,
                    "sector": ctx.sectorlabel(sector),
                    "aantal": som.gepubliceerd, "volgorde": volgorde,
                    "tekst": cellen[sector].tekst,
                })
        tabel.append({"eenheid": label, "cellen": cellen})
    kolommen = [s for s in sectoren if s in aanwezig]
    for rij in tabel:
        rij["cellen"] = [rij["cellen"][s] for s in kolommen]
    labels = tuple(ctx.sectorlabel(s) for s in sectoren)
    return {
        "kolommen": [ctx.sectorlabel(s) for s in kolommen],
        "rijen": tabel,
        "grafiek": grafieken.spec(
            grafieken.bestemmingen_eenheden(ctx.taal.code, labels), grafiekrijen, beschrijving
        ) if grafiekrijen else None,
    }


def warmtekaart(
    rijen: list[dict], eenheden: list[tuple[str, str | None]], ctx: Rapportcontext,
    beschrijving: str,
) -> dict | None:
    """Advice x position heat map per unit (label, vestiging or None for landelijk), one cohort."""
    if not rijen:
        return None
    adviezen = [a.label for a in ctx.registry.adviezen.values()]
    posities = [*ctx.registry.monitor.advies_positie.positie_onderwijssoorten, NIET_IN_LEERJAAR_3]
    rang_advies = {label: i for i, label in enumerate(adviezen)}
    rang_positie = {code: i for i, code in enumerate(posities)}
    grootste = max((r["aantal"] for r in rijen if r["aantal"] is not None), default=1) or 1

    def rang(rij: dict) -> tuple[int, int]:
        return rang_advies.get(rij["advies"], 99), rang_positie.get(rij["positie"], 99)

    grafiekrijen, tabel = [], []
    for volgorde, (label, vestiging) in enumerate(eenheden):
        eigen = sorted((r for r in rijen if r["vestiging"] == vestiging), key=rang)
        for rij in eigen:
            py, px = rang(rij)
            cel = ctx.cellen.aantal(rij["aantal"], rij["onderdrukt"])
            teken = grafieken.OORDEEL_TEKENS.get(rij["oordeel"] or "", "")
            aantal = rij["aantal"]
            grafiekrijen.append({
                "eenheid": label,
                "volgorde": volgorde,
                "advies": ctx.taal.code_label(rij["advies"]),
                "positie": ctx.taal.code_label(rij["positie"]),
                "py": py, "px": px,
                "aantal": aantal,
                "tekst": cel.tekst,
                "label": f"{cel.tekst} {teken}".strip(),
                "oordeel": ctx.taal.code_label(rij["oordeel"]) if rij["oordeel"] else "–",
                "tekstkleur": "#FFFFFF" if aantal and aantal > 0.6 * grootste else "#1A1A1A",
            })
            tabel.append({
                "eenheid": label,
                "advies": ctx.taal.code_label(rij["advies"]),
                "positie": ctx.taal.code_label(rij["positie"]),
                "oordeel": ctx.taal.code_label(rij["oordeel"]) if rij["oordeel"] else "–",
                "aantal": cel,
            })
    if not grafiekrijen:
        return None
    return {
        "rijen": tabel,
        "grafiek": grafieken.warmtekaart_spec(ctx.taal.code, grafiekrijen, beschrijving),
    }


def aandeel_bereik(
    gepubliceerd: dict[str, int], onderdrukt: dict[str, int], grootste: int
) -> dict[str, tuple[float, float]]:
    """Smallest and largest possible share (0-100) of each category, given suppressed cells.

    Each suppressed cell contains 1 to `grootste` persons. A category's share is smallest when
    its own suppressed cells contain 1 and the others' contain `grootste`, and largest the other
    way round. The range therefore uses only published numbers and reveals no suppressed count.
    """
    totaal_p = sum(gepubliceerd.values())
    totaal_k = sum(onderdrukt.values())
    bereik = {}
    for categorie, p in gepubliceerd.items():
        k = onderdrukt[categorie]
        laag_noemer = totaal_p + k + grootste * (totaal_k - k)
        hoog_noemer = totaal_p + grootste * k + (totaal_k - k)
        laag = 100 * (p + k) / laag_noemer if laag_noemer else 0.0
        hoog = 100 * (p + grootste * k) / hoog_noemer if hoog_noemer else 0.0
        bereik[categorie] = (laag, hoog)
    return bereik


def oordelen(
    groepen: list[tuple[str, list[dict]]], ctx: Rapportcontext, beschrijving: str
) -> dict | None:
    """Onder, op and boven advice per group (unit or cohort): counts and shares.

    Where a group has suppressed cells its share is a range (see aandeel_bereik), never a
    share of the published cells alone, which could be far off for a small vestiging.
    """
    taal, cellen = ctx.taal, ctx.cellen
    grootste = max(cellen.drempel - 1, 1)
    tabel, grafiekrijen = [], []
    for groep_volgorde, (label, rijen) in enumerate(groepen):
        delen = {o: [] for o in OORDELEN}
        for r in rijen:
            if r["oordeel"] is not None:
                delen[r["oordeel"]].append((r["aantal"], r["onderdrukt"]))
        if not any(delen.values()):
            continue
        sommen = {o: Som.van(d) for o, d in delen.items()}
        if not any(s.gepubliceerd or s.onderdrukt for s in sommen.values()):
            continue
        bereik = aandeel_bereik({o: s.gepubliceerd for o, s in sommen.items()},
                                {o: s.onderdrukt for o, s in sommen.items()}, grootste)
        rij = {"eenheid": label, "aantallen": [], "aandelen": [],
               "onderdrukte_cellen": sum(s.onderdrukt for s in sommen.values())}
        for oordeel in OORDELEN:
            laag, hoog = bereik[oordeel]
            cel = cellen.bereik(laag, hoog)
            rij["aantallen"].append(cellen.som(delen[oordeel]))
            rij["aandelen"].append(cel)
            grafiekrijen.append({
                "eenheid": label, "volgorde": groep_volgorde,
                "oordeel": taal.code_label(oordeel), "laag": round(laag, 3), "hoog": round(hoog, 3),
                "punt": round(laag, 3) if cel.soort == "getal" else None,
                "tekst": cel.tekst,
            })
        tabel.append(rij)
    if not tabel:
        return None
    return {
        "kolommen": [taal.code_label(o) for o in OORDELEN],
        "rijen": tabel,
        "grafiek": grafieken.spec(grafieken.oordeel_aandelen(taal.code), grafiekrijen,
                                  beschrijving),
    }


def doorstromers_cellen(rij: dict, cellen: Celmaker) -> dict:
    """Populatie, doorstromers and percentage of one doorstromers row as cells."""
    return {
        "schooljaar": schooljaar(rij["schooljaar"]),
        "populatie": cellen.aantal(rij["populatie"], rij["onderdrukt"]),
        "doorstromers": cellen.aantal(rij["doorstromers"], rij["onderdrukt"]),
        "percentage": cellen.procent(rij["percentage"], rij["onderdrukt"]),
    }
