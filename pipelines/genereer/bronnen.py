"""Read the real DUO files the generator calibrates on, scaled and limited to the chosen provinces."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl

from pipelines.errors import InvoerFout
from pipelines.load import kolomnamen
from pipelines.load.bestanden import BESTAND, REGEL, decodeer, lees_bestand
from pipelines.load.duo_hbo import lees_ingeschrevenen_hbo
from pipelines.load.duo_inspectie import gewogen_gemiddelde, lees_toezichtkaarten
from pipelines.load.duo_leerlingen_vo import lees_leerlingen_vo, met_onderwijssoort
from pipelines.registry import Registry

LEERLINGEN_VO = "leerlingen-vo-per-vestiging-naar-onderwijstype-2019.csv"
# School year (first calendar year) of the pupil counts above: 1 October 2019.
ANKERJAAR = 2019
REGISTER_BO = "alle-vestigingen-bo.csv"
REGISTER_VO = "alle-vestigingen-vo.csv"
INSPECTIE = "inspectie-toezichtkaarten-vo-2012.csv"
HBO = "ingeschrevenen-hbo-2020-2024.json"
HO_INSTELLINGEN = Path("1cijferho") / "Dec_actuele_instelling.asc"
ALLE_INSTELLINGEN = Path("1cijferho") / "Dec_instellingscode.asc"
CROHO = Path("1cijferho") / "Croho.asc"


def schaal_aantallen(aantallen: np.ndarray, schaal: float) -> np.ndarray:
    """Scale counts by cumulative rounding in the given order.

    Cell i gets round(s * C_i) - round(s * C_{i-1}), C being the running total and rounding half
    up. Every cell gets floor or ceil of s times its count, the total is round(s * total), and
    any run of consecutive cells (one branch, in file order) is within 1 of s times its sum.
    """
    lopend = np.floor(np.cumsum(np.asarray(aantallen, dtype=np.float64)) * schaal + 0.5)
    return np.diff(np.concatenate([[0.0], lopend])).astype(np.int64)


@dataclass
class Bronnen:
    vo: pl.DataFrame  # scaled 2019 cells: vestiging, brin, onderwijssoort, herkomst, elementcode, leerjaar, geslacht, aantal
    vo_ongeschaald: pl.DataFrame
    vo_vestigingen: pl.DataFrame  # vestiging, brin, naam, gemeente, corop_code, provincie + register columns
    bo_vestigingen: pl.DataFrame
    inspectie: pl.DataFrame  # adviesgroep, categorie, percentage (weighted mean)
    hbo: pl.DataFrame  # jaar, brin, opleidingscode, onderwijssoort, aantal (scaled)
    hogescholen: pl.DataFrame  # brin, naam, gemeente
    universiteiten: pl.DataFrame  # brin, naam
    wo_opleidingen: pl.DataFrame  # brin, opleidingscode, onderwijssoort
    rocs: pl.DataFrame  # brin, naam, gemeente, corop_code
    aandeel: float  # share of the national vo pupils inside the chosen provinces


def lees_bronnen(duo: Path, registry: Registry, schaal: float, provincies: list[str] | None,
                 rng: np.random.Generator) -> Bronnen:
    if registry.duo_onderwijstypen is None:
        raise InvoerFout(
            f"definitions/duo-onderwijstypen.yaml ontbreekt in '{registry.folder}'; de generator "
            "heeft die vertaling van DUO-onderwijstypen nodig."
        )
    vo_pad = duo / LEERLINGEN_VO
    vo = met_onderwijssoort(vo_pad, lees_leerlingen_vo(vo_pad), registry.duo_onderwijstypen)
    landelijk = vo["aantal"].sum()
    # The Inspectie targets are national, also for a run limited to some provinces.
    gewichten = vo.group_by("vestiging").agg(pl.col("aantal").sum().alias("gewicht"))
    inspectie = gewogen_gemiddelde(lees_toezichtkaarten(duo / INSPECTIE), gewichten)
    if provincies:
        _eis_provincies(vo, provincies)
        vo = vo.filter(pl.col("provincie").is_in(provincies))
    geschaald = vo.with_columns(
        pl.Series("aantal", schaal_aantallen(vo["aantal"].to_numpy(), schaal))
    ).filter(pl.col("aantal") > 0)

    register_bo = _lees_register(duo / REGISTER_BO)
    register_vo = _lees_register(duo / REGISTER_VO)
    plaats_corop = _plaats_naar_corop(register_bo, register_vo)
    vo_vestigingen = _vo_vestigingen(vo, register_vo, plaats_corop)
    bo = register_bo.with_columns(pl.lit("po").alias("onderwijssector"))
    if provincies:
        bo = bo.filter(pl.col("provincie").is_in(provincies))

    hbo_ruw = lees_ingeschrevenen_hbo(duo / HBO)
    if provincies:
        hbo_ruw = hbo_ruw.filter(pl.col("provincie").is_in(provincies))
    hbo = _hbo_cellen(hbo_ruw, registry, schaal, rng)
    hogescholen = (
        hbo_ruw.group_by("brin")
        .agg(pl.col("instellingsnaam").first().alias("naam"), pl.col("gemeente").mode().sort().first())
        .sort("brin")
    )
    universiteiten = _universiteiten(duo / HO_INSTELLINGEN)
    return Bronnen(
        vo=geschaald,
        vo_ongeschaald=vo,
        vo_vestigingen=vo_vestigingen,
        bo_vestigingen=bo,
        inspectie=inspectie,
        hbo=hbo,
        hogescholen=hogescholen,
        universiteiten=universiteiten,
        wo_opleidingen=_wo_opleidingen(duo / CROHO, universiteiten),
        rocs=_rocs(duo / ALLE_INSTELLINGEN, plaats_corop),
        aandeel=vo["aantal"].sum() / landelijk,
    )


def _eis_provincies(vo: pl.DataFrame, provincies: list[str]) -> None:
    bekend = set(vo["provincie"].unique().to_list())
    onbekend = [p for p in provincies if p not in bekend]
    if onbekend:
        raise InvoerFout(
            f"Onbekende provincie(s) {', '.join(onbekend)}. Kies uit: {', '.join(sorted(bekend))}."
        )


def _lees_register(pad: Path) -> pl.DataFrame:
    """A DUO branch register read the way the main job reads it, with contract column names."""
    frame, _ = lees_bestand(pad)
    return kolomnamen.normaliseer(frame).drop(BESTAND, REGEL)


def _plaats_naar_corop(*registers: pl.DataFrame) -> pl.DataFrame:
    delen = [r.select(pl.col("plaatsnaam").str.to_uppercase(), "corop_code") for r in registers]
    return (
        pl.concat(delen).drop_nulls()
        .group_by("plaatsnaam").agg(pl.col("corop_code").mode().sort().first())
    )


def _vo_vestigingen(vo: pl.DataFrame, register: pl.DataFrame, plaats_corop: pl.DataFrame) -> pl.DataFrame:
    """List every branch in the pupil counts, with its register row where the register has it.

    The register (about 2020) lacks some branches that had pupils in 2019; those keep the name
    and place of the count file, and their COROP region comes from another branch of the brin
    or from the place name.
    """
    uit_telling = vo.group_by("vestiging").agg(
        pl.col("brin").first(), pl.col("naam").first(), pl.col("plaats").first(),
        pl.col("provincie").first(),
    )
    gekoppeld = uit_telling.join(
        register.drop("brin", "provincie").rename({"naam": "naam_register"}),
        on="vestiging", how="left",
    )
    brin_corop = register.group_by("brin").agg(pl.col("corop_code").mode().sort().first().alias("_brin_corop"))
    gekoppeld = (
        gekoppeld.join(brin_corop, on="brin", how="left")
        .join(plaats_corop.rename({"corop_code": "_plaats_corop"}),
              left_on=pl.col("plaats").str.to_uppercase(), right_on="plaatsnaam", how="left")
        .with_columns(
            pl.coalesce("naam_register", "naam").alias("naam"),
            pl.coalesce("gemeente", "plaats").alias("gemeente"),
            pl.coalesce("corop_code", "_brin_corop", "_plaats_corop").alias("corop_code"),
            pl.lit("vo").alias("onderwijssector"),
        )
    )
    weg = [k for k in ("naam_register", "_brin_corop", "_plaats_corop", "plaats", "plaatsnaam_right")
           if k in gekoppeld.columns]
    return gekoppeld.drop(weg).sort("vestiging")


def _hbo_cellen(ruw: pl.DataFrame, registry: Registry, schaal: float,
                rng: np.random.Generator) -> pl.DataFrame:
    """Counts per year, brin and CROHO code, scaled; a suppressed `<5` becomes a draw from 1-4."""
    typen = registry.duo_onderwijstypen.hbo_typen
    onbekend = set(ruw["type"].unique().to_list()) - set(typen)
    if onbekend:
        raise InvoerFout(
            f"Onbekend type hoger onderwijs {sorted(onbekend)} in {HBO}. Voeg het toe aan "
            "definitions/duo-onderwijstypen.yaml onder hbo_typen."
        )
    # NOTE: a `<5` cell gets a random 1-4, so a total over suppressed cells is a draw, not DUO's.
    ingevuld = ruw.with_columns(
        pl.when(pl.col("onderdrukt"))
        .then(pl.Series(rng.integers(1, 5, ruw.height)))
        .otherwise(pl.col("aantal"))
        .alias("aantal")
    ).sort("jaar", "object")
    delen = []
    for jaar, deel in ingevuld.group_by("jaar", maintain_order=True):
        delen.append(deel.with_columns(
            pl.Series("aantal", schaal_aantallen(deel["aantal"].to_numpy(), schaal))
        ))
    return (
        pl.concat(delen)
        .with_columns(pl.col("type").replace_strict(typen).alias("onderwijssoort"))
        .group_by("jaar", "brin", "opleidingscode", "onderwijssoort")
        .agg(pl.col("aantal").sum())
        .sort("jaar", "brin", "opleidingscode")
    )


def _lees_vaste_breedte(pad: Path) -> list[str]:
    tekst, _ = decodeer(pad, pad.read_bytes())
    return [regel for regel in tekst.splitlines() if regel.strip()]


def _universiteiten(pad: Path) -> pl.DataFrame:
    regels = _lees_vaste_breedte(pad)
    rijen = [(r[:4], r[4:54].strip()) for r in regels]
    frame = pl.DataFrame(rijen, schema=["brin", "naam"], orient="row")
    # The decode table lists hogescholen and universities together, so the name decides.
    universiteit = pl.col("naam").str.contains("(?i)universit")
    hogeschool = pl.col("naam").str.contains("(?i)applied sciences")
    return frame.filter(universiteit & ~hogeschool).sort("brin")


def _wo_opleidingen(pad: Path, universiteiten: pl.DataFrame) -> pl.DataFrame:
    """wo bachelor and master programmes per university from the CROHO register (Croho.asc).

    Layout as read from the file: brin in positions 1-4, current CROHO code in 18-22, sector
    `wo ` in 31-33 and the degree (`ba`, `ma`) in 34-35.
    """
    rijen = []
    for regel in _lees_vaste_breedte(pad):
        if regel[30:33] == "wo " and regel[33:35] in ("ba", "ma"):
            rijen.append((regel[:4], regel[17:22].strip(), f"wo-{regel[33:35]}"))
    frame = pl.DataFrame(rijen, schema=["brin", "opleidingscode", "onderwijssoort"], orient="row")
    return frame.filter(pl.col("brin").is_in(universiteiten["brin"].implode())).unique().sort(
        "brin", "opleidingscode"
    )


def _rocs(pad: Path, plaats_corop: pl.DataFrame) -> pl.DataFrame:
    """Regional training centres (ROC) still open, from the RIO decode table of institutions.

    Layout: brin 1-4, name 5-34, place 39-62, closing date 71-78 (empty while open).
    """
    rijen = []
    for regel in _lees_vaste_breedte(pad):
        naam = regel[4:34].strip()
        if naam.upper().startswith("ROC ") and not regel[70:78].strip():
            rijen.append((regel[:4], naam, regel[38:62].strip()))
    frame = pl.DataFrame(rijen, schema=["brin", "naam", "gemeente"], orient="row")
    return frame.join(plaats_corop, left_on="gemeente", right_on="plaatsnaam", how="left").sort("brin")
