"""The overview page of a council: national figures, transitions, advice, spread of instellingen."""

from __future__ import annotations

import polars as pl

from pipelines.export import grafieken
from pipelines.export.rapport_onderdelen import (
    Rapportcontext,
    doorstromers_cellen,
    oordelen,
    overgangen,
    warmtekaart,
)
from pipelines.export.taal import schooljaar

KLASSEBREEDTE = 5  # percentage points per bar in the spread of instellingen


def laatste_jaren(doorstromers: pl.DataFrame) -> dict[str, int]:
    """Per definition, the latest school year with a national row."""
    landelijk = doorstromers.filter(pl.col("niveau") == "landelijk")
    return dict(landelijk.group_by("definitie").agg(pl.col("schooljaar").max()).iter_rows())


def overzicht(tabellen: dict[str, pl.DataFrame], ctx: Rapportcontext) -> dict:
    doorstromers = tabellen["doorstromers"]
    landelijk = doorstromers.filter(pl.col("niveau") == "landelijk").sort("definitie", "schooljaar")
    laatste = laatste_jaren(doorstromers)

    kerncijfers = [
        {"definitie": rij["definitie"], **doorstromers_cellen(rij, ctx.cellen)}
        for rij in landelijk.iter_rows(named=True)
        if rij["schooljaar"] == laatste[rij["definitie"]]
    ]
    trend = [{"definitie": rij["definitie"], **doorstromers_cellen(rij, ctx.cellen)}
             for rij in landelijk.iter_rows(named=True)]
    trendrijen = [
        {"definitie": rij["definitie"], "schooljaar": schooljaar(rij["schooljaar"]),
         "percentage": rij["percentage"],
         "tekst": ctx.cellen.procent(rij["percentage"], rij["onderdrukt"]).tekst}
        for rij in landelijk.iter_rows(named=True)
    ]
    return {
        "kerncijfers": kerncijfers,
        "trend": trend,
        "trend_grafiek": grafieken.spec(
            grafieken.trend_landelijk(ctx.taal.code), trendrijen, ctx.taal.t("trend.beschrijving")
        ) if any(r["percentage"] is not None for r in trendrijen) else None,
        "overgangen": _overgangen(tabellen["doorstroom"], ctx),
        "advies": _advies(tabellen.get("advies_positie"), ctx),
        "verdeling": _verdeling(doorstromers, laatste, ctx),
    }


def _overgangen(doorstroom: pl.DataFrame, ctx: Rapportcontext) -> dict | None:
    landelijk = doorstroom.filter((pl.col("niveau") == "landelijk") & (pl.col("termijn") == 1))
    if landelijk.height == 0:
        return None
    jaar = landelijk["schooljaar"].max()
    sectie = overgangen(
        landelijk.filter(pl.col("schooljaar") == jaar).to_dicts(), ctx,
        ctx.taal.t("overgangen.beschrijving", schooljaar=schooljaar(jaar)),
    )
    return {**sectie, "schooljaar": schooljaar(jaar)} if sectie else None


def _advies(advies: pl.DataFrame | None, ctx: Rapportcontext) -> dict | None:
    if advies is None:
        return None
    landelijk = advies.filter(pl.col("niveau") == "landelijk")
    if landelijk.height == 0:
        return None
    cohort = landelijk["cohort"].max()
    taal = ctx.taal
    kaart = warmtekaart(
        landelijk.filter(pl.col("cohort") == cohort).to_dicts(), [(taal.t("eenheid.landelijk"), None)], ctx,
        taal.t("advies.warmtekaart_beschrijving", cohort=schooljaar(cohort)),
    )
    cohorten = sorted(landelijk["cohort"].unique().to_list())
    aandelen = oordelen(
        [(schooljaar(c), landelijk.filter(pl.col("cohort") == c).to_dicts()) for c in cohorten],
        ctx,
        taal.t("advies.oordeel_cohort_beschrijving"),
    )
    instelling = ctx.registry.monitor.advies_positie
    return {
        "cohort": schooljaar(cohort),
        "warmtekaart": kaart,
        "oordelen": aandelen,
        "advies_soort": taal.code_label(instelling.advies_soort),
        "bron": taal.registry_tekst(instelling, "bron"),
    }


def _verdeling(doorstromers: pl.DataFrame, laatste: dict[str, int], ctx: Rapportcontext) -> dict:
    """Count the instellingen in each band of the latest doorstromer percentage."""
    taal = ctx.taal
    instellingen = doorstromers.filter(pl.col("niveau") == "instelling")
    rijen, tabel = [], []
    for definitie, jaar in sorted(laatste.items()):
        jaarrijen = instellingen.filter(
            (pl.col("definitie") == definitie) & (pl.col("schooljaar") == jaar)
        )
        landelijk = doorstromers.filter(
            (pl.col("niveau") == "landelijk") & (pl.col("definitie") == definitie)
            & (pl.col("schooljaar") == jaar)
        )
        land = landelijk["percentage"][0] if landelijk.height else None
        gepubliceerd = jaarrijen["percentage"].drop_nulls().to_list()
        klassen: dict[int, int] = {}
        for percentage in gepubliceerd:
            # 100% belongs in the last band, 95 to 100.
            van = min(int(percentage // KLASSEBREEDTE) * KLASSEBREEDTE, 100 - KLASSEBREEDTE)
            klassen[van] = klassen.get(van, 0) + 1
        for van, aantal in sorted(klassen.items()):
            klasse = f"{van}-{van + KLASSEBREEDTE}%"
            rijen.append({"definitie": definitie, "van": van, "tot": van + KLASSEBREEDTE,
                          "klasse": klasse, "instellingen": aantal, "landelijk": land,
                          "landelijk_tekst": taal.procent(land)})
        tabel.append({
            "definitie": definitie,
            "schooljaar": schooljaar(jaar),
            "instellingen": jaarrijen.height,
            "gepubliceerd": len(gepubliceerd),
            "niet_gepubliceerd": jaarrijen.height - len(gepubliceerd),
            "klassen": [(f"{van}-{van + KLASSEBREEDTE}%", aantal)
                        for van, aantal in sorted(klassen.items())],
        })
    return {
        "tabel": tabel,
        "grafiek": grafieken.spec(
            grafieken.verdeling_instellingen(taal.code), rijen, taal.t("verdeling.beschrijving")
        ) if rijen else None,
    }
