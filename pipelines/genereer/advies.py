"""Groep-8 advice drawn from the position in vo leerjaar 3, calibrated on the Inspectie 2012 shares.

The Inspectie gives, per advice group (bl, kl, gt, ha, vw), the share of pupils below, at and
above the advised level in leerjaar 3. The generator draws the track first and the advice
afterwards from P(advice group | position). That table comes from iterative proportional
fitting of a joint table advice group x position: its column sums are the national leerjaar-3
counts of 2019, and each row's split over onder / op / boven is the Inspectie's.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from pipelines.genereer import parameters as par
from pipelines.genereer.kiezen import kies_uit

# Inspectie's five position columns folded into the job's three judgements. 2019 has combined
# classes in leerjaar 3 only for havo/vwo, so the half-level columns cannot be met one by one.
DRIE_CATEGORIEEN = {"pbov": "onder", "phbov": "onder", "pop": "op", "phond": "boven", "pond": "boven"}
OORDELEN = ("onder", "op", "boven")
PRO = "pro"


def oordeel(advies_niveau: np.ndarray, laag: np.ndarray, hoog: np.ndarray) -> np.ndarray:
    """0 onder, 1 op, 2 boven for a single-level advice against a position interval."""
    return np.where(laag < advies_niveau, 0, np.where((laag > advies_niveau) | (hoog > advies_niveau), 2, 1))


def inspectie_categorie(advies_niveau: np.ndarray, laag: np.ndarray, hoog: np.ndarray) -> np.ndarray:
    """Return the Inspectie's position column (pbov, phbov, pop, phond, pond) for each pupil."""
    return np.select(
        [
            (laag == advies_niveau) & (hoog == advies_niveau),
            (laag == advies_niveau) & (hoog == advies_niveau + 1),
            (hoog == advies_niveau) & (laag == advies_niveau - 1),
            laag > advies_niveau,
            hoog < advies_niveau,
        ],
        ["pop", "phond", "phbov", "pond", "pbov"],
        default="pond",
    )


def drie_doelen(inspectie: pl.DataFrame) -> dict[str, dict[str, float]]:
    """Inspectie shares per advice group as fractions onder / op / boven, normalised to 1."""
    gevouwen = (
        inspectie.with_columns(pl.col("categorie").replace_strict(DRIE_CATEGORIEEN).alias("oordeel"))
        .group_by("adviesgroep", "oordeel")
        .agg(pl.col("percentage").sum())
    )
    doelen: dict[str, dict[str, float]] = {}
    for groep in gevouwen["adviesgroep"].unique().sort().to_list():
        deel = gevouwen.filter(pl.col("adviesgroep") == groep)
        totaal = deel["percentage"].sum()
        waarden = dict(zip(deel["oordeel"], deel["percentage"]))
        doelen[groep] = {o: waarden.get(o, 0.0) / totaal for o in OORDELEN}
    return doelen


@dataclass
class Adviesmodel:
    groepen: list[str]  # "pro" first, then the Inspectie groups
    niveaus: np.ndarray  # level per group
    positie_soorten: np.ndarray  # soort index per position column
    p_groep: np.ndarray  # positions x groups, P(group | position)
    p_marginaal: np.ndarray  # P(group) for pupils without a position
    doelen: dict[str, dict[str, float]]


def bouw_adviesmodel(doelen: dict[str, dict[str, float]], niveau_groep: dict[str, int],
                     lj3_per_soort: dict[int, float], niveau_soort: dict[int, tuple[int, int]],
                     pro_soort: int) -> Adviesmodel:
    groepen = [PRO, *sorted(niveau_groep, key=niveau_groep.get)]
    niveaus = np.array([0, *[niveau_groep[g] for g in groepen[1:]]])
    soorten = np.array(sorted(s for s in lj3_per_soort if s in niveau_soort and lj3_per_soort[s] > 0))
    laag = np.array([niveau_soort[s][0] for s in soorten])
    hoog = np.array([niveau_soort[s][1] for s in soorten])
    kolomsom = np.array([lj3_per_soort[s] for s in soorten], dtype=np.float64)

    # Prior: mass falls off with the distance between advice level and position.
    midden = (laag + hoog) / 2
    tabel = np.exp(-1.5 * np.abs(niveaus[:, None] - midden[None, :])) * kolomsom[None, :]
    tabel[0, :] = np.where(soorten == pro_soort, 1.0, 0.0) * kolomsom
    tabel[1:, soorten == pro_soort] = 0.0

    oordelen = np.stack([oordeel(np.full(len(soorten), n), laag, hoog) for n in niveaus])
    for _ in range(par.IPF_RONDEN):
        tabel *= (kolomsom / np.maximum(tabel.sum(axis=0), 1e-12))[None, :]
        for rij, groep in enumerate(groepen):
            if groep not in doelen:
                continue
            totaal = tabel[rij].sum()
            for index, naam in enumerate(OORDELEN):
                cellen = oordelen[rij] == index
                huidig = tabel[rij, cellen].sum()
                if huidig > 0:
                    tabel[rij, cellen] *= doelen[groep][naam] * totaal / huidig
    tabel *= (kolomsom / np.maximum(tabel.sum(axis=0), 1e-12))[None, :]
    p_groep = (tabel / tabel.sum(axis=0)[None, :]).T
    marginaal = tabel.sum(axis=1) / tabel.sum()
    return Adviesmodel(groepen, niveaus, soorten, p_groep, marginaal, doelen)


def trek_adviezen(model: Adviesmodel, positie: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Draw an advice code per pupil from the soort index of their first leerjaar-3 year (-1: none)."""
    n = len(positie)
    kolom = np.searchsorted(model.positie_soorten, positie)
    kolom = np.minimum(kolom, len(model.positie_soorten) - 1)
    heeft_positie = (positie >= 0) & (model.positie_soorten[kolom] == positie)
    kansen = np.where(heeft_positie[:, None], model.p_groep[kolom], model.p_marginaal[None, :])
    cumulatief = np.cumsum(kansen, axis=1)
    groep = (rng.random(n)[:, None] * cumulatief[:, -1:] > cumulatief).sum(axis=1)
    groep = np.minimum(groep, len(model.groepen) - 1)

    # Within a group the code (single or combined advice) is an uncalibrated guess.
    codes = np.zeros(n, dtype=np.int16)
    for index, naam in enumerate(model.groepen):
        binnen = groep == index
        codes[binnen] = kies_uit(par.ADVIESCODES[naam], int(binnen.sum()), rng)
    return codes
