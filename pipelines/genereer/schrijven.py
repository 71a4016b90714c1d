"""Write the simulated persons as an extract in the input contract, one school year at a time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import polars as pl

from pipelines.genereer import parameters as par
from pipelines.genereer.advies import Adviesmodel, trek_adviezen
from pipelines.genereer.simulatie import Simulatie
from pipelines.genereer.tabellen import Tabellen

FORMATEN = ("parquet", "csv")
_LEERWEG = np.array([None, "bol", "bbl"], dtype=object)
# Rows per CSV chunk: bounds the memory of the Windows-1252 encoding step.
_CSV_BLOK = 500_000


def vul_po(sim: Simulatie) -> None:
    """Write groep 1-8 for the eight years before vo leerjaar 1.

    Groep 8 is at the person's po branch, the one that gives the advice. Going back from there,
    a pupil was at another branch of the same region before a school change.
    """
    p, t = sim.pop, sim.t
    n = p.n
    heeft_po = (p.po_vest[:n] >= 0) & (p.cohort[:n] > 0) & ~p.verwijderd[:n]
    index = np.nonzero(heeft_po)[0]
    per_groep = _po_loopbaan(sim, p.po_vest[index])
    bao = t.s["bao"]
    for kolom, jaar in enumerate(range(sim.eerste_jaar, sim.laatste_jaar + 1)):
        groep = 8 - (p.cohort[index].astype(np.int64) - 1 - jaar)
        binnen = (groep >= 1) & (groep <= 8)
        sub = index[binnen]
        p.w_vest[sub, kolom] = per_groep[np.nonzero(binnen)[0], groep[binnen] - 1]
        p.w_soort[sub, kolom] = bao
        p.w_lj[sub, kolom] = groep[binnen]
        p.w_code[sub, kolom] = 0
        p.w_leerweg[sub, kolom] = 0


def _po_loopbaan(sim: Simulatie, groep_8: np.ndarray) -> np.ndarray:
    """Draw each pupil's branch in groep 1 to 8 (one column per groep), going back from groep 8."""
    per_groep = np.empty((len(groep_8), 8), dtype=groep_8.dtype)
    per_groep[:, 7] = groep_8
    for groep in range(7, 0, -1):
        huidig = per_groep[:, groep].copy()
        wissel = np.nonzero(sim.rng.random(len(huidig)) < par.PO_SCHOOLWISSEL)[0]
        gevonden, keuze = sim.t.po.kies(sim.t.corop[huidig[wissel]], sim.rng)
        wissel, nieuw = wissel[gevonden], keuze["vest"][gevonden]
        huidig[wissel] = nieuw
        per_groep[:, groep - 1] = huidig
    return per_groep


def persoon_ids(aantal: int, rng: np.random.Generator) -> np.ndarray:
    """Return a random permutation, so a key reveals nothing about the order of generation."""
    return rng.permutation(aantal)


def _id_kolom(ids: np.ndarray, index: np.ndarray) -> pl.Series:
    return ("L" + pl.Series(ids[index]).cast(pl.String).str.zfill(9)).alias("persoon_id")


def _tekst(waarden: np.ndarray, index: np.ndarray, naam: str) -> pl.Series:
    return pl.Series(naam, list(waarden), dtype=pl.String).gather(pl.Series(index))


def inschrijvingen(sim: Simulatie, ids: np.ndarray, jaar: int) -> pl.DataFrame:
    p, t = sim.pop, sim.t
    kolom = jaar - sim.eerste_jaar
    index = np.nonzero((p.w_soort[: p.n, kolom] >= 0) & ~p.verwijderd[: p.n])[0]
    vest = p.w_vest[index, kolom]
    vestigingen = _tekst(t.vest_code, vest, "vestiging")
    return pl.DataFrame([
        _id_kolom(ids, index),
        pl.Series("schooljaar", np.full(len(index), jaar, np.int16)),
        vestigingen.str.slice(0, 4).alias("brin"),
        vestigingen,
        _tekst(np.array(t.soorten, dtype=object), p.w_soort[index, kolom], "onderwijssoort"),
        pl.Series("leerjaar", p.w_lj[index, kolom]),
        _tekst(t.codes, p.w_code[index, kolom], "opleidingscode").replace("", None),
        _tekst(_LEERWEG, p.w_leerweg[index, kolom], "leerweg"),
    ])


def diplomas(sim: Simulatie, ids: np.ndarray) -> pl.DataFrame:
    t = sim.t
    if not sim.diplomas.delen:
        delen = [np.zeros(0, np.int64)] * 5
    else:
        delen = [np.concatenate(d) for d in zip(*sim.diplomas.delen)]
    persoon, jaar, vest, soort, code = delen
    houden = (jaar >= sim.eerste_jaar) & (jaar <= sim.laatste_jaar) & ~sim.pop.verwijderd[persoon]
    persoon, jaar, vest, soort, code = (d[houden] for d in (persoon, jaar, vest, soort, code))
    vestigingen = _tekst(t.vest_code, vest, "vestiging")
    frame = pl.DataFrame([
        _id_kolom(ids, persoon),
        pl.Series("schooljaar", jaar.astype(np.int16)),
        vestigingen.str.slice(0, 4).alias("brin"),
        vestigingen,
        _tekst(np.array(t.soorten, dtype=object), soort, "onderwijssoort"),
        _tekst(t.codes, code, "opleidingscode").replace("", None),
    ])
    return frame


def schooladviezen(sim: Simulatie, ids: np.ndarray, maak_model: Callable[[dict[int, float]], Adviesmodel],
                   advies_niveau: dict[int, tuple[int, int]], rng: np.random.Generator) -> pl.DataFrame:
    """Draw one `eerste` advice per pupil in groep 8 in a written year from the lj-3 position.

    Some pupils placed above their advice also get a `herzien` advice one step higher.

    The advice table is fitted per groep-8 year on that year's own positions, because the
    mix of positions differs between cohorts (anchored pupils against simulated ones).
    """
    p, t = sim.pop, sim.t
    n = p.n
    advies_jaar = p.cohort[:n].astype(np.int64) - 1
    index = np.nonzero(
        (p.po_vest[:n] >= 0) & (p.cohort[:n] > 0) & ~p.verwijderd[:n]
        & (advies_jaar >= sim.eerste_jaar) & (advies_jaar <= sim.laatste_jaar)
    )[0]
    positie = p.positie[index].astype(np.int64)
    codes = np.zeros(len(index), dtype=np.int16)

    def model_voor(binnen: np.ndarray) -> Adviesmodel:
        soorten, aantallen = np.unique(positie[binnen & (positie >= 0)], return_counts=True)
        return maak_model(dict(zip(soorten.tolist(), aantallen.astype(float).tolist())))

    # Pupils of the last groep-8 years reach leerjaar 3 after the last simulated year; they
    # draw from the table of all years together.
    alle_jaren = model_voor(np.ones(len(index), dtype=bool))
    for jaar in np.unique(advies_jaar[index]):
        binnen = advies_jaar[index] == jaar
        model = model_voor(binnen) if (positie[binnen] >= 0).any() else alle_jaren
        codes[binnen] = trek_adviezen(model, positie[binnen], rng)

    volgorde = np.array(sorted(advies_niveau))
    boven = _boven_advies(t, codes, p.positie[index], advies_niveau)
    herzien = boven & (rng.random(len(index)) < par.HERZIEN) & (codes < volgorde.max())
    hoger = volgorde[np.minimum(np.searchsorted(volgorde, codes[herzien], side="right"), len(volgorde) - 1)]

    def frame(rijen: np.ndarray, advies: np.ndarray, soort: str) -> pl.DataFrame:
        vestigingen = _tekst(t.vest_code, p.po_vest[rijen], "vestiging")
        return pl.DataFrame([
            _id_kolom(ids, rijen),
            pl.Series("schooljaar", advies_jaar[rijen].astype(np.int16)),
            vestigingen.str.slice(0, 4).alias("brin"),
            vestigingen,
            pl.Series("advies", advies.astype(np.int16)),
            pl.Series("advies_soort", [soort] * len(rijen), dtype=pl.String),
        ])

    return pl.concat([frame(index, codes, "eerste"), frame(index[herzien], hoger, "herzien")])


def _boven_advies(t: Tabellen, codes: np.ndarray, positie: np.ndarray,
                  advies_niveau: dict[int, tuple[int, int]]) -> np.ndarray:
    laag = np.full(len(codes), 99)
    for code, (niveau, _) in advies_niveau.items():
        laag[codes == code] = niveau
    positie_laag = np.array([t.niveau.get(int(s), (-1, -1))[0] for s in range(len(t.soorten))] + [-1])
    return positie_laag[positie.astype(np.int64)] > laag


def vestigingen(t: Tabellen) -> dict[str, pl.DataFrame]:
    """Split the vestigingen table per sector; it comes from the registers read at generation time."""
    frame = t.vestigingen
    delen = {}
    for sector, naam in (("po", "vestigingen_bo"), ("vo", "vestigingen_vo"), (None, "vestigingen_mbo_ho")):
        if sector is None:
            deel = frame.filter(pl.col("onderwijssector").is_in(["mbo", "hbo", "wo"]))
        else:
            deel = frame.filter(pl.col("onderwijssector") == sector)
        delen[naam] = deel.select(
            "vestiging", "brin", "naam", "gemeente",
            *[k for k in deel.columns if k not in ("vestiging", "brin", "naam", "gemeente")],
        )
    return delen


def schrijf(frame: pl.DataFrame, map_: Path, naam: str, formaat: str) -> Path:
    """Write Parquet, or CSV the way DUO delivers it: `;`, Windows-1252, CRLF line ends."""
    if formaat == "parquet":
        pad = map_ / f"{naam}.parquet"
        frame.write_parquet(pad, compression="zstd", row_group_size=500_000)
        return pad
    pad = map_ / f"{naam}.csv"
    with pad.open("wb") as bestand:
        for nummer, blok in enumerate(frame.iter_slices(_CSV_BLOK)):
            tekst = blok.write_csv(separator=";", include_header=nummer == 0, line_terminator="\r\n")
            bestand.write(tekst.encode("cp1252", errors="replace"))
    return pad
