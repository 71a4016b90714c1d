"""rapport.html: a self-contained Dutch report per council, built from the suppressed tables only."""

from __future__ import annotations

from pathlib import Path

import jinja2
import polars as pl

from pipelines.export import grafieken
from pipelines.registry import Raad, Registry
from pipelines.transform.advies_positie import NIET_IN_LEERJAAR_3

SJABLONEN = Path(__file__).resolve().parents[2] / "reports"


def _omgeving() -> jinja2.Environment:
    omgeving = jinja2.Environment(
        loader=jinja2.FileSystemLoader(SJABLONEN),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    omgeving.filters["getal"] = _getal
    omgeving.filters["procent"] = _procent
    return omgeving


def _getal(waarde) -> str:
    return "" if waarde is None else f"{waarde:,}".replace(",", ".")


def _procent(waarde, decimalen: int = 1) -> str:
    if waarde is None:
        return ""
    return f"{waarde:.{decimalen}f}".replace(".", ",") + "%"


class Cel:
    """A published number, or the suppression mark where it was suppressed."""

    def __init__(self, waarde, onderdrukt: bool, teken: str, procent: bool = False) -> None:
        self.onderdrukt = onderdrukt and waarde is None
        if self.onderdrukt:
            self.tekst = teken
        elif waarde is None:
            self.tekst = ""
        else:
            self.tekst = _procent(waarde) if procent else _getal(waarde)


def render(
    *,
    registry: Registry,
    raad: Raad,
    tabellen: dict[str, pl.DataFrame],
    vestigingen: pl.DataFrame,
    rijtelling: pl.DataFrame,
    manifest: dict,
    drempel: int,
) -> str:
    teken = f"<{drempel}" if drempel > 1 else ""
    doorstroom = tabellen["doorstroom"]
    doorstromers = tabellen["doorstromers"]
    advies = tabellen.get("advies_positie")

    schooljaren = sorted(doorstroom["schooljaar"].unique().to_list())
    context = {
        "raad": raad,
        "registry": registry,
        "teken": teken,
        "drempel": drempel,
        "manifest": manifest,
        "schooljaren": [f"{j}-{j + 1}" for j in schooljaren],
        "definities": raad.doorstromers,
        "doorstromers_landelijk": _doorstromers_landelijk(doorstromers, teken),
        "trend_svg": grafieken.doorstromers_trend(
            doorstromers.filter(pl.col("niveau") == "landelijk")
        ),
        "overgangen": _overgangen(doorstroom, teken),
        "instellingen": _instellingen(doorstromers, vestigingen, teken),
        "advies": _advies(advies, teken, registry) if advies is not None else None,
        "rijtelling": rijtelling.sort("tabel").to_dicts(),
    }
    return _omgeving().get_template("rapport.html.j2").render(**context)


def _doorstromers_landelijk(doorstromers: pl.DataFrame, teken: str) -> list[dict]:
    landelijk = doorstromers.filter(pl.col("niveau") == "landelijk").sort("definitie", "schooljaar")
    return [
        {
            "definitie": rij["definitie"],
            "schooljaar": f"{rij['schooljaar']}-{rij['schooljaar'] + 1}",
            "populatie": Cel(rij["populatie"], rij["onderdrukt"], teken),
            "doorstromers": Cel(rij["doorstromers"], rij["onderdrukt"], teken),
            "percentage": Cel(rij["percentage"], rij["onderdrukt"], teken, procent=True),
        }
        for rij in landelijk.iter_rows(named=True)
    ]


def _overgangen(doorstroom: pl.DataFrame, teken: str) -> dict | None:
    """National transitions of the latest year at termijn 1, as a van x naar table of counts."""
    landelijk = doorstroom.filter((pl.col("niveau") == "landelijk") & (pl.col("termijn") == 1))
    if landelijk.height == 0:
        return None
    jaar = landelijk["schooljaar"].max()
    jaarrijen = landelijk.filter(pl.col("schooljaar") == jaar)
    # Diploma and no diploma together: a combined cell may only show where neither part is suppressed.
    samen = jaarrijen.group_by("van", "naar").agg(
        pl.col("aantal").sum().alias("aantal"),
        pl.col("onderdrukt").any().alias("onderdrukt"),
    )
    van = sorted(samen["van"].unique().to_list())
    naar = sorted(samen["naar"].unique().to_list())
    cellen = {(r["van"], r["naar"]): r for r in samen.iter_rows(named=True)}
    rijen = []
    for bron in van:
        rij = []
        for doel in naar:
            cel = cellen.get((bron, doel))
            if cel is None:
                rij.append(Cel(0, False, teken))
            else:
                waarde = None if cel["onderdrukt"] else cel["aantal"]
                rij.append(Cel(waarde, cel["onderdrukt"], teken))
        rijen.append({"van": bron, "cellen": rij})
    return {"schooljaar": f"{jaar}-{jaar + 1}", "naar": naar, "rijen": rijen}


def _instellingen(doorstromers: pl.DataFrame, vestigingen: pl.DataFrame, teken: str) -> list[dict]:
    """Per brin: name, gemeente and its latest doorstromer figures next to the national ones."""
    namen = (
        vestigingen.sort("vestiging")
        .group_by("brin", maintain_order=True)
        .agg(pl.col("naam").first(), pl.col("gemeente").first())
    )
    laatste = doorstromers.group_by("definitie").agg(pl.col("schooljaar").max().alias("laatste"))
    recent = doorstromers.join(laatste, on="definitie").filter(
        pl.col("schooljaar") == pl.col("laatste")
    )
    landelijk = {
        r["definitie"]: r for r in recent.filter(pl.col("niveau") == "landelijk").iter_rows(named=True)
    }
    instellingen = (
        recent.filter(pl.col("niveau") == "instelling")
        .join(namen, on="brin", how="left")
        .sort("brin", "definitie")
    )
    uitkomst = []
    for rij in instellingen.iter_rows(named=True):
        land = landelijk.get(rij["definitie"], {})
        uitkomst.append({
            "brin": rij["brin"],
            "naam": rij["naam"] or "(niet in vestigingenlijst)",
            "gemeente": rij["gemeente"] or "",
            "definitie": rij["definitie"],
            "schooljaar": f"{rij['schooljaar']}-{rij['schooljaar'] + 1}",
            "populatie": Cel(rij["populatie"], rij["onderdrukt"], teken),
            "doorstromers": Cel(rij["doorstromers"], rij["onderdrukt"], teken),
            "percentage": Cel(rij["percentage"], rij["onderdrukt"], teken, procent=True),
            "landelijk": Cel(land.get("percentage"), land.get("onderdrukt", False), teken,
                             procent=True),
        })
    return uitkomst


def _advies(advies: pl.DataFrame, teken: str, registry: Registry) -> dict | None:
    """National advice x position heat map for the latest cohort, and judgement shares per cohort."""
    landelijk = advies.filter(pl.col("niveau") == "landelijk")
    if landelijk.height == 0:
        return None
    cohort = landelijk["cohort"].max()
    laatste = landelijk.filter(pl.col("cohort") == cohort)

    advieslabels = [a.label for a in registry.adviezen.values()]
    volgorde_posities = list(registry.niveau_tabel()) + [NIET_IN_LEERJAAR_3]
    aanwezig = set(laatste["positie"].to_list())
    posities = [p for p in volgorde_posities if p in aanwezig]
    rijlabels = [a for a in advieslabels if a in set(laatste["advies"].to_list())]
    cellen = {(r["advies"], r["positie"]): r for r in laatste.iter_rows(named=True)}
    grootste = max((r["aantal"] or 0) for r in cellen.values()) or 1

    rijen = []
    for label in rijlabels:
        rij = []
        for positie in posities:
            cel = cellen.get((label, positie))
            if cel is None:
                rij.append({"cel": Cel(0, False, teken), "intensiteit": 0, "oordeel": ""})
            else:
                rij.append({
                    "cel": Cel(cel["aantal"], cel["onderdrukt"], teken),
                    "intensiteit": round(100 * (cel["aantal"] or 0) / grootste),
                    "oordeel": cel["oordeel"] or "",
                })
        rijen.append({"advies": label, "cellen": rij})

    beoordeeld = landelijk.filter(pl.col("oordeel").is_not_null() & pl.col("aantal").is_not_null())
    aandelen = (
        beoordeeld.group_by("cohort", "oordeel")
        .agg(pl.col("aantal").sum())
        .with_columns((pl.col("aantal") / pl.col("aantal").sum().over("cohort")).alias("aandeel"))
        .with_columns(
            pl.col("oordeel").replace_strict({"onder": 0, "op": 1, "boven": 2}).alias("volgorde")
        )
        .sort("cohort", "volgorde")
    )
    return {
        "cohort": cohort,
        "posities": posities,
        "rijen": rijen,
        "aandelen": aandelen.to_dicts(),
        "aandelen_svg": grafieken.oordeel_aandelen(aandelen),
        "bron": registry.monitor.advies_positie.bron,
        "advies_soort": registry.monitor.advies_positie.advies_soort,
    }
