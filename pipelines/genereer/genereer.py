"""Run the national generator: read the DUO files, simulate, write the extract."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import polars as pl

from pipelines.errors import InvoerFout
from pipelines.genereer import schrijven
from pipelines.genereer.advies import bouw_adviesmodel, drie_doelen
from pipelines.genereer.bronnen import lees_bronnen
from pipelines.genereer.simulatie import Simulatie
from pipelines.genereer.tabellen import Tabellen
from pipelines.registry import laad_registry

log = logging.getLogger(__name__)


@dataclass
class Verslag:
    bestanden: dict[str, int] = field(default_factory=dict)  # file name -> rows
    seconden: dict[str, float] = field(default_factory=dict)
    personen: int = 0


def genereer(uitvoer: Path, *, duo: Path, definities: Path, schaal: float = 1.0,
             eerste_jaar: int = 2015, laatste_jaar: int = 2024, seed: int = 20190101,
             formaat: str = "parquet", provincies: list[str] | None = None) -> Verslag:
    """Write a synthetic extract to `uitvoer`; return rows per file and timings."""
    if not 0 < schaal <= 1:
        raise InvoerFout(f"Schaal {schaal} ligt niet tussen 0 en 1. Kies bijvoorbeeld 0.01 of 1.")
    if eerste_jaar > laatste_jaar:
        raise InvoerFout(f"Eerste jaar {eerste_jaar} ligt na laatste jaar {laatste_jaar}.")
    if formaat not in schrijven.FORMATEN:
        raise InvoerFout(f"Onbekend formaat '{formaat}'. Kies uit: {', '.join(schrijven.FORMATEN)}.")
    if not duo.is_dir():
        raise InvoerFout(f"Map met DUO-bestanden '{duo}' bestaat niet. Geef haar op met --duo.")

    verslag = Verslag()
    klok = time.perf_counter()
    rng = np.random.default_rng(seed)
    registry = laad_registry(definities)
    bronnen = lees_bronnen(duo, registry, schaal, provincies, rng)
    tabellen = Tabellen(bronnen, registry, rng)
    verslag.seconden["bronnen"] = time.perf_counter() - klok

    klok = time.perf_counter()
    simulatie = Simulatie(tabellen, bronnen, eerste_jaar, laatste_jaar, schaal, rng)
    simulatie.draai()
    schrijven.vul_po(simulatie)
    verslag.seconden["simulatie"] = time.perf_counter() - klok
    verslag.personen = simulatie.pop.n

    klok = time.perf_counter()
    uitvoer.mkdir(parents=True, exist_ok=True)
    ids = schrijven.persoon_ids(simulatie.pop.n, rng)
    for jaar in range(eerste_jaar, laatste_jaar + 1):
        frame = schrijven.inschrijvingen(simulatie, ids, jaar)
        pad = schrijven.schrijf(frame, uitvoer, f"inschrijvingen_{jaar}", formaat)
        verslag.bestanden[pad.name] = frame.height
        log.info("%s: %d rijen", pad.name, frame.height)
        del frame

    maak_model = _adviesmodel(bronnen, tabellen, registry)
    niveaus = {code: a.niveau for code, a in registry.adviezen.items() if a.niveau is not None}
    delen = {
        "diplomas": schrijven.diplomas(simulatie, ids),
        "schooladviezen": schrijven.schooladviezen(simulatie, ids, maak_model, niveaus, rng),
        **schrijven.vestigingen(tabellen),
    }
    for naam, frame in delen.items():
        pad = schrijven.schrijf(frame, uitvoer, naam, formaat)
        verslag.bestanden[pad.name] = frame.height
    verslag.seconden["schrijven"] = time.perf_counter() - klok
    return verslag


def _adviesmodel(bronnen, tabellen: Tabellen, registry):
    """A function that fits the advice table on given counts of leerjaar-3 positions.

    Without any position (a run too short for any pupil to reach leerjaar 3) it fits on
    DUO's leerjaar-3 pupils of 2019.
    """
    groepen = {naam: g.niveau for naam, g in registry.duo_onderwijstypen.inspectie_adviesgroepen.items()}
    doelen = drie_doelen(bronnen.inspectie)
    lj3 = (
        bronnen.vo_ongeschaald.filter(pl.col("leerjaar") == 3)
        .group_by("onderwijssoort").agg(pl.col("aantal").sum())
    )
    duo_lj3 = {tabellen.s[s]: float(a) for s, a in zip(lj3["onderwijssoort"], lj3["aantal"])}

    def maak(posities: dict[int, float]):
        bruikbaar = {s: a for s, a in posities.items() if s in tabellen.niveau and a > 0}
        return bouw_adviesmodel(doelen, groepen, bruikbaar or duo_lj3, tabellen.niveau, tabellen.s["pro"])

    return maak
