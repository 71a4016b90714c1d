"""Layout of a two-column Sankey diagram (origin to destination), drawn by a Vega spec.

Vega and Vega-Lite have no Sankey layout, so the positions are computed here and Vega's
`linkpath` transform draws each flow as a curved band. A band's width is its published count.
A suppressed flow has no known size: it is drawn as a thin dashed line, never with a guessed
width, and a node's label then shows `≥ N` (see pipelines/export/cellen.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.export.cellen import Celmaker

BREEDTE = 640
DOELHOOGTE = 360  # px for the tallest column, before nodes are padded to fit their labels
TUSSENRUIMTE = 8
MINIMALE_PLEK = 16  # px of height per node, so two labels never overlap
KNOOPBREEDTE = 12
LABELRUIMTE_LINKS = 150
LABELRUIMTE_RECHTS = 170

DIPLOMA_KLEUREN = ("#0072B2", "#E69F00")  # Okabe-Ito blue and orange


@dataclass(frozen=True)
class Stroom:
    van: str
    naar: str
    diploma: bool
    aantal: int | None
    onderdrukt: bool


def _kolom(
    namen: list[str], stromen: list[Stroom], kant: str, schaal: float, cellen: Celmaker
) -> dict[str, dict]:
    """Place the nodes of one column top to bottom; return name -> node with `y`, `hoogte`."""
    knopen = {}
    y = 0.0
    for naam in namen:
        eigen = [s for s in stromen if getattr(s, kant) == naam]
        waarde = sum(s.aantal or 0 for s in eigen)
        hoogte = waarde * schaal
        knopen[naam] = {
            "naam": naam,
            "y": y,
            "hoogte": hoogte,
            "waarde": cellen.som([(s.aantal, s.onderdrukt) for s in eigen]).tekst,
        }
        y += max(hoogte, MINIMALE_PLEK) + TUSSENRUIMTE
    return knopen


def layout(
    stromen: list[Stroom],
    volgorde: list[str],
    cellen: Celmaker,
) -> dict | None:
    """Node and flow rows for the Vega spec, in the order of `volgorde`; None without flows."""
    if not stromen:
        return None
    rang = {code: i for i, code in enumerate(volgorde)}
    links = sorted({s.van for s in stromen}, key=lambda c: (rang.get(c, len(rang)), c))
    rechts = sorted({s.naar for s in stromen}, key=lambda c: (rang.get(c, len(rang)), c))

    totaal = max(sum(s.aantal or 0 for s in stromen), 1)
    ruimte = DOELHOOGTE - TUSSENRUIMTE * (max(len(links), len(rechts)) - 1)
    schaal = max(ruimte, DOELHOOGTE / 3) / totaal

    bronnen = _kolom(links, stromen, "van", schaal, cellen)
    doelen = _kolom(rechts, stromen, "naar", schaal, cellen)
    x_links = LABELRUIMTE_LINKS
    x_rechts = BREEDTE - LABELRUIMTE_RECHTS

    # Flows leave a node in the order of their destination and reach one in the order of their
    # origin, so the bands do not cross inside a node. Suppressed flows come last, at the edge.
    def verloop(kant: str, andere: str, knopen: dict[str, dict]) -> dict[int, float]:
        plekken = {}
        for naam, knoop in knopen.items():
            eigen = [(i, s) for i, s in enumerate(stromen) if getattr(s, kant) == naam]
            eigen.sort(key=lambda p: (p[1].aantal is None, rang.get(getattr(p[1], andere), 99),
                                      not p[1].diploma))
            y = knoop["y"]
            for i, stroom in eigen:
                dikte = (stroom.aantal or 0) * schaal
                plekken[i] = y + dikte / 2
                y += dikte
        return plekken

    y_bron = verloop("van", "naar", bronnen)
    y_doel = verloop("naar", "van", doelen)

    taal = cellen.taal
    stroomrijen = []
    for i, stroom in enumerate(stromen):
        diploma = taal.t("waarde.met_diploma" if stroom.diploma else "waarde.zonder_diploma")
        aantal = cellen.aantal(stroom.aantal, stroom.onderdrukt).tekst
        stroomrijen.append({
            "x0": x_links + KNOOPBREEDTE,
            "y0": round(y_bron[i], 2),
            "x1": x_rechts,
            "y1": round(y_doel[i], 2),
            "dikte": round(max((stroom.aantal or 0) * schaal, 1.0), 2),
            "diploma": diploma,
            "onderdrukt": stroom.onderdrukt and stroom.aantal is None,
            "tip": f"{taal.code_label(stroom.van)} → {taal.code_label(stroom.naar)}, "
                   f"{diploma}: {aantal}",
        })

    knooprijen = []
    for kant, knopen, x in (("links", bronnen, x_links), ("rechts", doelen, x_rechts)):
        for knoop in knopen.values():
            label = f"{taal.code_label(knoop['naam'])} ({knoop['waarde']})"
            knooprijen.append({
                "x": x,
                "y": round(knoop["y"], 2),
                "hoogte": round(max(knoop["hoogte"], 2.0), 2),
                "midden": round(knoop["y"] + max(knoop["hoogte"], 2.0) / 2, 2),
                "kant": kant,
                "label": label,
            })
    hoogte = max(k["y"] + max(k["hoogte"], MINIMALE_PLEK) for k in knooprijen)
    return {"knopen": knooprijen, "stromen": stroomrijen, "hoogte": round(hoogte)}
