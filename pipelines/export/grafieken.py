"""Chart specs for the report: Vega-Lite from Altair, a Vega spec for the Sankey diagram.

The browser draws them with Vega. Its JavaScript (vega, vega-lite and vega-embed, bundled by
vl-convert) is written once per council as rapport-bestanden/vega.js, so no network is needed.
Rendering in the browser keeps a page small (its data, not an SVG drawing) and the job fast.
vl-convert 1.9 took about 25 ms per SVG, serially, on the machine in docs/rapport-meting.md:
minutes for thousands of instelling pages.

Each chart is built once per language as a template whose data is the named dataset
`waarden`; a page only adds its rows. Every chart has a table with the same numbers beside it.
"""

from __future__ import annotations

import json
from functools import cache

import altair as alt
import vl_convert

from pipelines.export.sankey import BREEDTE as SANKEY_BREEDTE
from pipelines.export.sankey import DIPLOMA_KLEUREN, KNOOPBREEDTE
from pipelines.export.taal import Taal

# Okabe-Ito palette: distinguishable with the common forms of colour blindness.
KLEUREN = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"]
OORDEEL_KLEUREN = {"onder": "#D55E00", "op": "#BBBBBB", "boven": "#0072B2"}
OORDEEL_TEKENS = {"onder": "↓", "op": "=", "boven": "↑"}
LANDELIJK_KLEUR = "#000000"

BREEDTE = 560
BIBLIOTHEEK = "vega.js"
LEGENDARUIMTE = 45  # px below the Sankey for its legend
# Units keep the order the report gives them (instelling first, then its vestigingen).
VOLGORDE = alt.EncodingSortField("volgorde", op="min")


# Bundling takes about a second, and one job writes the bundle for six councils.
@cache
def bibliotheek() -> str:
    """Return the Vega, Vega-Lite and vega-embed bundle, with the versions in its first line."""
    kop = (
        f"/* vega {vl_convert.get_vega_version()}, vega-lite "
        f"{vl_convert.get_vegalite_versions()[-1]}, vega-embed "
        f"{vl_convert.get_vega_embed_version()}; bundled by vl-convert-python "
        f"{_versie('vl-convert-python')} (BSD-3-Clause). */\n"
    )
    return kop + vl_convert.javascript_bundle()


def getalopmaak() -> dict[str, dict]:
    """Return the d3-format locale per report language, for numbers on axes and in tooltips."""
    return {"nl": vl_convert.get_format_locale("nl-NL"),
            "en": vl_convert.get_format_locale("en-GB")}


def _versie(pakket: str) -> str:
    from importlib import metadata

    return metadata.version(pakket)


class Grafiek(dict):
    """A filled chart spec that keeps its template and what the page added to it.

    Thousands of instelling pages share a few templates, so `als_json` serialises each template
    once and adds only a page's own part.
    """

    sjabloon: dict
    eigen: dict


def spec(template: dict, waarden: list[dict], beschrijving: str, **vervang) -> Grafiek:
    """Fill a template with its rows, a text alternative and optional top-level settings.

    `template` is one of the cached templates below: `als_json` keeps every template it has
    serialised, so a new template dict on every call would grow that store without limit.
    """
    eigen = {"datasets": {"waarden": waarden}, "description": beschrijving, **vervang}
    uitkomst = Grafiek(template)
    uitkomst.update(eigen)
    uitkomst.sjabloon, uitkomst.eigen = template, eigen
    return uitkomst


def als_json(grafiek: dict) -> str:
    """Serialise a spec for a <script type="application/json"> element, escaping `</`."""
    if not isinstance(grafiek, Grafiek):
        return _json(grafiek)
    kop = _sjabloon_json(grafiek.sjabloon, tuple(grafiek.eigen))
    staart = _json(grafiek.eigen)[1:]
    return f"{kop},{staart}" if len(kop) > 1 else "{" + staart


# The JSON text of each template without the keys a page sets, and without its closing brace.
_SJABLONEN_JSON: dict[tuple[int, tuple[str, ...]], tuple[dict, str]] = {}


def _sjabloon_json(sjabloon: dict, eigen_sleutels: tuple[str, ...]) -> str:
    sleutel = (id(sjabloon), eigen_sleutels)
    bewaard = _SJABLONEN_JSON.get(sleutel)
    # The template itself is kept beside its text, so its id cannot be reused by another dict.
    if bewaard is None or bewaard[0] is not sjabloon:
        rest = {k: v for k, v in sjabloon.items() if k not in eigen_sleutels}
        bewaard = (sjabloon, _json(rest)[:-1])
        _SJABLONEN_JSON[sleutel] = bewaard
    return bewaard[1]


def _json(waarde: dict) -> str:
    return json.dumps(waarde, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def _data() -> alt.Data:
    return alt.Data(name="waarden")


def _af(chart: alt.TopLevelMixin) -> dict:
    uitkomst = chart.to_dict(validate=False)
    uitkomst.pop("config", None)
    uitkomst["config"] = {"view": {"stroke": None}, "font": "system-ui, sans-serif"}
    return uitkomst


@cache
def trend_landelijk(taalcode: str) -> dict:
    """Build a line chart of the national doorstromer percentage per definition and year."""
    taal = Taal(taalcode)
    chart = (
        alt.Chart(_data())
        .mark_line(point=True, invalid="break-paths-show-domains")
        .encode(
            x=alt.X("schooljaar:O", title=taal.t("as.schooljaar"), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("percentage:Q", title=taal.t("as.percentage_doorstromers"),
                    scale=alt.Scale(zero=True, nice=True)),
            color=alt.Color("definitie:N", title=taal.t("as.definitie"),
                            scale=alt.Scale(range=KLEUREN), legend=alt.Legend(orient="bottom")),
            tooltip=[
                alt.Tooltip("definitie:N", title=taal.t("as.definitie")),
                alt.Tooltip("schooljaar:O", title=taal.t("as.schooljaar")),
                alt.Tooltip("tekst:N", title=taal.t("as.percentage")),
            ],
        )
        .properties(width=BREEDTE, height=220)
    )
    return _af(chart)


@cache
def verdeling_instellingen(taalcode: str) -> dict:
    """Build bars counting instellingen per 5-point percentage band, with the national rule."""
    taal = Taal(taalcode)
    basis = alt.Chart()
    staven = basis.mark_rect(color=KLEUREN[0], stroke="#FFFFFF").encode(
        x=alt.X("van:Q", title=taal.t("as.percentage_doorstromers"),
                scale=alt.Scale(domain=[0, 100])),
        x2="tot:Q",
        y=alt.Y("instellingen:Q", title=taal.t("as.instellingen")),
        y2=alt.datum(0),
        tooltip=[alt.Tooltip("klasse:N", title=taal.t("as.percentage")),
                 alt.Tooltip("instellingen:Q", title=taal.t("as.instellingen"))],
    )
    landelijk = basis.mark_rule(color=LANDELIJK_KLEUR, strokeDash=[6, 3], size=2).encode(
        x="landelijk:Q",
        tooltip=[alt.Tooltip("landelijk_tekst:N", title=taal.t("as.landelijk"))],
    )
    chart = (
        alt.layer(staven, landelijk, data=_data())
        .properties(width=BREEDTE, height=160)
        .facet(row=alt.Row("definitie:N", title=None))
    )
    return _af(chart)


@cache
def percentages_eenheden(taalcode: str) -> dict:
    """Build bars per instelling and vestiging, with the national percentage as a dashed rule."""
    taal = Taal(taalcode)
    basis = alt.Chart()
    y = alt.Y("eenheid:N", title=None, sort=VOLGORDE, axis=alt.Axis(labelLimit=260))
    staven = basis.mark_bar(color=KLEUREN[0]).encode(
        x=alt.X("percentage:Q", title=taal.t("as.percentage_doorstromers"),
                scale=alt.Scale(zero=True, nice=True)),
        y=y,
        tooltip=[alt.Tooltip("eenheid:N", title=taal.t("as.eenheid")),
                 alt.Tooltip("tekst:N", title=taal.t("as.percentage"))],
    )
    waarde = basis.mark_text(align="left", dx=4, fontSize=11).encode(
        x="x_tekst:Q", y=y, text="tekst:N",
    )
    landelijk = basis.mark_rule(color=LANDELIJK_KLEUR, strokeDash=[6, 3], size=2).encode(
        x="landelijk:Q",
        tooltip=[alt.Tooltip("landelijk_tekst:N", title=taal.t("as.landelijk"))],
    )
    chart = (
        alt.layer(staven, waarde, landelijk, data=_data())
        .properties(width=BREEDTE - 200, height=alt.Step(22))
        .facet(row=alt.Row("definitie:N", title=None,
                           header=alt.Header(labelAngle=0, labelOrient="top",
                                             labelAnchor="start", labelFontWeight="bold")))
    )
    return _af(chart)


@cache
def trend_eenheden(taalcode: str) -> dict:
    """Build small multiples of each unit's percentage per year, national as a dashed line."""
    taal = Taal(taalcode)
    chart = (
        alt.Chart(_data())
        .mark_line(point=True, invalid="break-paths-show-domains")
        .encode(
            x=alt.X("schooljaar:O", title=None, axis=alt.Axis(labelAngle=-45)),
            y=alt.Y("percentage:Q", title="%", scale=alt.Scale(zero=True, nice=True)),
            color=alt.Color("definitie:N", title=taal.t("as.definitie"),
                            scale=alt.Scale(range=KLEUREN), legend=alt.Legend(orient="bottom")),
            # The caption names the national line, because Vega-Lite draws no line in this legend.
            strokeDash=alt.StrokeDash("reeks:N", title=None, sort="descending", legend=None),
            tooltip=[
                alt.Tooltip("eenheid:N", title=taal.t("as.eenheid")),
                alt.Tooltip("reeks:N", title=taal.t("as.reeks")),
                alt.Tooltip("definitie:N", title=taal.t("as.definitie")),
                alt.Tooltip("schooljaar:O", title=taal.t("as.schooljaar")),
                alt.Tooltip("tekst:N", title=taal.t("as.percentage")),
            ],
        )
        .properties(width=160, height=110)
        .facet(facet=alt.Facet("eenheid:N", title=None,
                               sort=VOLGORDE,
                               header=alt.Header(labelLimit=170)), columns=3)
    )
    return _af(chart)


@cache
def bestemmingen_eenheden(taalcode: str, sectoren: tuple[str, ...]) -> dict:
    """Build stacked bars per vestiging of published transitions per destination sector."""
    taal = Taal(taalcode)
    chart = (
        alt.Chart(_data())
        .mark_bar()
        .encode(
            x=alt.X("aantal:Q", stack="zero", title=taal.t("as.gepubliceerde_personen")),
            y=alt.Y("eenheid:N", title=None,
                    sort=alt.EncodingSortField("eenheid_volgorde", op="min"),
                    axis=alt.Axis(labelLimit=260)),
            color=alt.Color(
                "sector:N", title=taal.t("as.bestemming"), sort=list(sectoren),
                scale=alt.Scale(domain=list(sectoren), range=KLEUREN[: len(sectoren)]),
                legend=alt.Legend(orient="bottom", columns=4),
            ),
            order=alt.Order("volgorde:Q"),
            tooltip=[alt.Tooltip("eenheid:N", title=taal.t("as.eenheid")),
                     alt.Tooltip("sector:N", title=taal.t("as.bestemming")),
                     alt.Tooltip("tekst:N", title=taal.t("as.aantal"))],
        )
        .properties(width=BREEDTE - 200, height=alt.Step(22))
    )
    return _af(chart)


@cache
def warmtekaart(taalcode: str) -> dict:
    """Build the advice-against-position heat map; colour and text are the count, `<5` included."""
    taal = Taal(taalcode)
    x = alt.X("positie:N", title=taal.t("as.positie"), sort=alt.EncodingSortField("px"),
              axis=alt.Axis(labelAngle=-40, orient="top"))
    y = alt.Y("advies:N", title=taal.t("as.advies"), sort=alt.EncodingSortField("py"))
    tip = [alt.Tooltip("advies:N", title=taal.t("as.advies")),
           alt.Tooltip("positie:N", title=taal.t("as.positie")),
           alt.Tooltip("tekst:N", title=taal.t("as.aantal")),
           alt.Tooltip("oordeel:N", title=taal.t("as.oordeel"))]
    basis = alt.Chart()
    achtergrond = basis.mark_rect(color="#F2F2F2", stroke="#FFFFFF").encode(x=x, y=y, tooltip=tip)
    kleur = basis.mark_rect(stroke="#FFFFFF").encode(
        x=x, y=y, tooltip=tip,
        color=alt.Color("aantal:Q", title=taal.t("as.leerlingen"),
                        scale=alt.Scale(scheme="blues", domainMin=0),
                        legend=alt.Legend(orient="bottom")),
    )
    tekst = basis.mark_text(fontSize=11).encode(
        x=x, y=y, text="label:N",
        fill=alt.Fill("tekstkleur:N", scale=None),
    )
    chart = (
        alt.layer(achtergrond, kleur, tekst, data=_data())
        .properties(width=alt.Step(44), height=alt.Step(22))
        .facet(facet=alt.Facet("eenheid:N", title=None,
                               sort=VOLGORDE), columns=2)
    )
    return _af(chart)


def warmtekaart_spec(taalcode: str, waarden: list[dict], beschrijving: str) -> dict:
    """Fill the heat map, with its colour domain fixed to 0 .. the largest published count.

    A fixed domain keeps the colours valid when every cell of a page is suppressed.
    """
    grootste = max((r["aantal"] for r in waarden if r["aantal"] is not None), default=1)
    sjabloon = warmtekaart(taalcode)
    # Copy only the path to each colour scale: a deep copy of the cached template per page cost
    # more than the rest of the heat map together.
    lagen = []
    for laag in sjabloon["spec"]["layer"]:
        kleur = laag["encoding"].get("color")
        if kleur is not None:
            schaal = {k: v for k, v in kleur["scale"].items() if k != "domainMin"}
            schaal["domain"] = [0, max(grootste, 1)]
            laag = {**laag, "encoding": {**laag["encoding"], "color": {**kleur, "scale": schaal}}}
        lagen.append(laag)
    return spec(sjabloon, waarden, beschrijving, spec={**sjabloon["spec"], "layer": lagen})


@cache
def oordeel_aandelen(taalcode: str) -> dict:
    """Build the onder, op and boven shares per unit or cohort: a dot, or a bar for a range."""
    taal = Taal(taalcode)
    labels = [taal.code_label(o) for o in OORDEEL_KLEUREN]
    kleur = alt.Color("oordeel:N", title=taal.t("as.oordeel"), sort=labels, legend=None,
                      scale=alt.Scale(domain=labels, range=list(OORDEEL_KLEUREN.values())))
    y = alt.Y("eenheid:N", title=None, sort=VOLGORDE, axis=alt.Axis(labelLimit=220))
    tip = [alt.Tooltip("eenheid:N", title=taal.t("as.eenheid")),
           alt.Tooltip("oordeel:N", title=taal.t("as.oordeel")),
           alt.Tooltip("tekst:N", title=taal.t("as.aandeel"))]
    basis = alt.Chart()
    bereik = basis.mark_rule(strokeWidth=9, opacity=0.6).encode(
        x=alt.X("laag:Q", title=taal.t("as.aandeel"), scale=alt.Scale(domain=[0, 100])),
        x2="hoog:Q", y=y, color=kleur, tooltip=tip,
    )
    punt = basis.mark_point(filled=True, size=90, opacity=1).encode(
        x="punt:Q", y=y, color=kleur, tooltip=tip,
    )
    chart = (
        alt.layer(bereik, punt, data=_data())
        .properties(width=150, height=alt.Step(20))
        .facet(column=alt.Column("oordeel:N", title=None, sort=labels))
    )
    return _af(chart)


def sankey(layout: dict, taal: Taal, beschrijving: str) -> dict:
    """Build the Vega spec that draws a layout from pipelines.export.sankey."""
    diploma = [taal.t("waarde.met_diploma"), taal.t("waarde.zonder_diploma")]
    return {
        "$schema": "https://vega.github.io/schema/vega/v6.json",
        "description": beschrijving,
        "width": SANKEY_BREEDTE,
        "height": layout["hoogte"] + LEGENDARUIMTE,
        # Vega pads the bounds of thick stroked paths generously, and autosize would then shrink
        # the whole drawing. The layout already fits the width and height.
        "autosize": {"type": "none"},
        "padding": {"top": 5, "bottom": 5, "left": 0, "right": 0},
        "config": {"text": {"font": "system-ui, sans-serif"},
                   "legend": {"labelFont": "system-ui, sans-serif",
                              "titleFont": "system-ui, sans-serif"}},
        "data": [
            {"name": "knopen", "values": layout["knopen"]},
            {
                "name": "stromen",
                "values": layout["stromen"],
                "transform": [{
                    "type": "linkpath", "orient": "horizontal", "shape": "diagonal",
                    "sourceX": "x0", "sourceY": "y0", "targetX": "x1", "targetY": "y1",
                }],
            },
        ],
        "scales": [{"name": "kleur", "type": "ordinal", "domain": diploma,
                    "range": list(DIPLOMA_KLEUREN)}],
        "legends": [{"stroke": "kleur", "title": taal.t("as.diploma_in_t"),
                     "orient": "none", "legendX": 0, "legendY": layout["hoogte"] + 12,
                     "direction": "horizontal", "symbolType": "stroke",
                     "symbolStrokeWidth": 6, "titleLimit": 400}],
        "marks": [
            {
                "type": "path",
                "from": {"data": "stromen"},
                "encode": {"enter": {
                    "path": {"field": "path"},
                    "stroke": {"scale": "kleur", "field": "diploma"},
                    "strokeWidth": {"field": "dikte"},
                    "strokeOpacity": {"signal": "datum.onderdrukt ? 0.9 : 0.6"},
                    "strokeDash": {"signal": "datum.onderdrukt ? [3, 3] : []"},
                    "tooltip": {"field": "tip"},
                }},
            },
            {
                "type": "rect",
                "from": {"data": "knopen"},
                "encode": {"enter": {
                    "x": {"field": "x"}, "width": {"value": KNOOPBREEDTE},
                    "y": {"field": "y"}, "height": {"field": "hoogte"},
                    "fill": {"value": "#4D4D4D"},
                    "tooltip": {"field": "label"},
                }},
            },
            {
                "type": "text",
                "from": {"data": "knopen"},
                "encode": {"enter": {
                    "x": {"signal": f"datum.kant === 'links' ? datum.x - 6 : datum.x + "
                                    f"{KNOOPBREEDTE + 6}"},
                    "y": {"field": "midden"},
                    "align": {"signal": "datum.kant === 'links' ? 'right' : 'left'"},
                    "baseline": {"value": "middle"},
                    "fontSize": {"value": 11},
                    "fill": {"value": "#1A1A1A"},
                    "text": {"field": "label"},
                }},
            },
        ],
    }
