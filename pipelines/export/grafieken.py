"""Charts for the report, drawn with Altair and rendered to inline SVG by vl-convert (no network)."""

from __future__ import annotations

import altair as alt
import polars as pl
import vl_convert

# Okabe-Ito palette: distinguishable with the common forms of colour blindness.
KLEUREN = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
OORDEEL_KLEUREN = {"onder": "#D55E00", "op": "#999999", "boven": "#0072B2"}


def _svg(chart: alt.Chart) -> str:
    svg = vl_convert.vegalite_to_svg(chart.to_json())
    # Drop the XML prolog so the SVG can sit inline in HTML.
    return svg[svg.find("<svg"):]


def doorstromers_trend(landelijk: pl.DataFrame) -> str | None:
    """Line chart of the national doorstromer percentage per definition over the school years."""
    data = landelijk.filter(pl.col("percentage").is_not_null())
    if data.height == 0:
        return None
    chart = (
        alt.Chart(data)
        .mark_line(point=True)
        .encode(
            x=alt.X("schooljaar:O", title="schooljaar"),
            y=alt.Y("percentage:Q", title="doorstromers (%)", scale=alt.Scale(domain=[0, 100])),
            color=alt.Color("definitie:N", title="definitie", scale=alt.Scale(range=KLEUREN)),
        )
        .properties(width=520, height=220)
    )
    return _svg(chart)


def oordeel_aandelen(aandelen: pl.DataFrame) -> str | None:
    """Stacked bars: share onder, op and boven advice per cohort."""
    if aandelen.height == 0:
        return None
    chart = (
        alt.Chart(aandelen)
        .mark_bar()
        .encode(
            x=alt.X("cohort:O", title="cohort (schooljaar groep 8)"),
            y=alt.Y("aandeel:Q", title="aandeel leerlingen", axis=alt.Axis(format="%"),
                    stack="normalize"),
            color=alt.Color(
                "oordeel:N",
                title="positie t.o.v. advies",
                sort=list(OORDEEL_KLEUREN),
                scale=alt.Scale(domain=list(OORDEEL_KLEUREN), range=list(OORDEEL_KLEUREN.values())),
            ),
            order=alt.Order("volgorde:Q"),
        )
        .properties(width=360, height=200)
    )
    return _svg(chart)
