"""Simulate school careers year by year, with vo in 2019 fixed to DUO's count per branch.

Three kinds of persons make up the vo population:
- anchors: one person per pupil in DUO's 2019 count (scaled), placed exactly in their branch,
  onderwijssoort, leerjaar and elementcode. Their earlier years (po, brugklas, repeats) are
  drawn backwards; from 2019 on the forward simulation moves them on.
- cohorts entering vo in other years: each a copy of the branch's 2019 leerjaar-1 pupils,
  moved on by the forward simulation. A person of an earlier cohort who is still in vo in 2019
  is removed, because an anchor takes their place. So vo in 2019 consists of anchors only.
- persons from outside (adults, students from abroad) who top up mbo and wo, and fill hbo
  places that no school leaver takes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import polars as pl

from pipelines.genereer import parameters as par
from pipelines.genereer.bronnen import ANKERJAAR, Bronnen
from pipelines.genereer.kiezen import kies_uit
from pipelines.genereer.populatie import GEEN, HBO, MBO, UIT, VO, WO, Populatie
from pipelines.genereer.tabellen import Tabellen

# Candidates for a place in higher education next year.
GEEN_KANDIDAAT, KANDIDAAT_HBO, KANDIDAAT_HBO_MA, KANDIDAAT_WO_BA, KANDIDAAT_WO_MA = range(5)


@dataclass
class Diplomas:
    delen: list[tuple[np.ndarray, ...]] = field(default_factory=list)

    def voeg_toe(self, jaar: int, persoon, vest, soort, code) -> None:
        if len(persoon):
            self.delen.append((persoon.copy(), np.full(len(persoon), jaar, np.int16),
                               vest.copy(), soort.copy(), code.copy()))


class Simulatie:
    def __init__(self, tabellen: Tabellen, bronnen: Bronnen, eerste_jaar: int, laatste_jaar: int,
                 schaal: float, rng: np.random.Generator) -> None:
        self.t = tabellen
        self.rng = rng
        self.eerste_jaar = eerste_jaar
        self.laatste_jaar = laatste_jaar
        self.start = min(eerste_jaar, ANKERJAAR) - par.INLOOPJAREN
        self.eind = max(laatste_jaar, ANKERJAAR)
        self.pop = Populatie(laatste_jaar - eerste_jaar + 1)
        self.diplomas = Diplomas()
        omvang = schaal * bronnen.aandeel
        self.doel_mbo = int(round(par.MBO_OMVANG * omvang))
        self.doel_wo = int(round(par.WO_OMVANG * omvang))
        self.hbo_plaatsen = self._hbo_plaatsen(bronnen)
        self.kandidaat = np.zeros(0, dtype=np.int8)
        self.s = tabellen.s

    # Set-up.

    def _hbo_plaatsen(self, bronnen: Bronnen) -> dict[int, np.ndarray]:
        """Return the places per hbo cell and year; a year outside DUO's range copies the nearest one."""
        cellen = self.t.hbo
        per_jaar = bronnen.hbo.join(cellen.select("brin", "opleidingscode", "cel"),
                                    on=["brin", "opleidingscode"])
        jaren = sorted(per_jaar["jaar"].unique().to_list())
        plaatsen = {}
        for jaar in range(self.start, self.eind + 1):
            # TODO: before the first and after the last DUO year hbo stays at that year's size.
            bron = min(max(jaar, jaren[0]), jaren[-1]) if jaren else jaar
            deel = per_jaar.filter(pl.col("jaar") == bron)
            aantal = np.zeros(cellen.height, dtype=np.int64)
            aantal[deel["cel"].to_numpy()] = deel["aantal"].to_numpy()
            plaatsen[jaar] = aantal
        return plaatsen

    def maak_cohorten(self) -> None:
        """Add persons entering vo leerjaar 1 in every year but the anchor year, from 2019's leerjaar 1."""
        # A handful of leerjaar-1 pupils are outsourced to vavo in 2019; a cohort starts without them.
        lj1 = self.t.cellen.filter(pl.col("lj") == 1, pl.col("soort").is_in(list(self.t.niveau)))
        # TODO: every cohort is as large as 2019's leerjaar 1; no demographic trend per region.
        n = lj1["aantal"].to_numpy()
        for cohort in range(self.start, self.laatste_jaar + 9):
            if cohort == ANKERJAAR:
                continue
            vest = np.repeat(lj1["vest"].to_numpy(), n)
            self.pop.voeg_toe(
                len(vest), vest=vest, soort=np.repeat(lj1["soort"].to_numpy(), n),
                code=np.repeat(lj1["code"].to_numpy(), n), lj=0, cohort=cohort,
                po_vest=self._po_vestiging(vest),
            )

    def _po_vestiging(self, vo_vest: np.ndarray) -> np.ndarray:
        gevonden, keuze = self.t.po.kies(self.t.corop[vo_vest], self.rng)
        _, landelijk = self.t.po.kies(np.full(len(vo_vest), -1), self.rng)
        return np.where(gevonden, keuze["vest"], landelijk["vest"])

    # The year loop.

    def draai(self) -> None:
        self.maak_cohorten()
        for jaar in range(self.start, self.eind + 1):
            self._instroom_vo(jaar)
            if jaar == ANKERJAAR:
                self._veranker(jaar)
            self._leg_vast(jaar)
            if jaar < self.eind:
                self._stap(jaar)

    def _instroom_vo(self, jaar: int) -> None:
        p = self.pop
        nieuw = np.nonzero((p.cohort[: p.n] == jaar) & (p.sector[: p.n] == GEEN) & ~p.anker[: p.n])[0]
        p.sector[nieuw] = VO
        p.lj[nieuw] = 1

    def _leg_vast(self, jaar: int) -> None:
        p = self.pop
        actief = p.actief()
        vo = actief[(p.sector[actief] == VO) & (p.lj[actief] == 3) & (p.positie[actief] < 0)]
        p.positie[vo] = p.soort[vo]
        if self.eerste_jaar <= jaar <= self.laatste_jaar:
            p.leg_vast(jaar - self.eerste_jaar, actief)

    # Anchors.

    def _veranker(self, jaar: int) -> None:
        """Replace every simulated vo pupil of the anchor year by DUO's pupils of that year."""
        p = self.pop
        vervangen = np.nonzero(p.sector[: p.n] == VO)[0]
        p.verwijderd[vervangen] = True
        p.sector[vervangen] = UIT

        cellen = self.t.cellen
        n = cellen["aantal"].to_numpy()
        kolom = {k: np.repeat(cellen[k].to_numpy(), n) for k in ("vest", "soort", "herkomst", "code", "lj")}
        index = p.voeg_toe(len(kolom["vest"]), sector=VO, anker=True, **kolom)
        self._terug(index, jaar)

    def _terug(self, index: np.ndarray, jaar: int) -> None:
        """Draw the earlier years of anchored pupils: leerjaren with repeats, brugklas, po branch."""
        p, t, rng = self.pop, self.t, self.rng
        lj = p.lj[index].astype(np.int64)
        soort = p.soort[index].astype(np.int64)
        herkomst = p.herkomst[index].astype(np.int64)
        vavo = herkomst >= 0
        # The soort of the years before: a pupil outsourced to vavo followed the soort they came from.
        eerder = np.where(vavo, herkomst, soort)

        # Each leerjaar up to the current one was repeated with the chance of repeating it. A
        # vavo pupil repeated the exam year, because they failed it and were then outsourced.
        jaren_in_lj = np.zeros((len(index), 7), dtype=np.int64)
        for l in range(1, 7):
            herhaald = rng.random(len(index)) < par.VO_ZITTENBLIJVEN.get(l, 0.0)
            jaren_in_lj[:, l] = np.where(l <= lj, 1 + herhaald, 0)
        jaren_in_lj[vavo, lj[vavo]] = 2
        # The anchor year is the last year counted in the current leerjaar, so leerjaar l began
        # in the anchor year minus the years from l up to the current leerjaar, plus one.
        begin = jaar - np.cumsum(jaren_in_lj[:, ::-1], axis=1)[:, ::-1] + 1
        begin[:, 0] = begin[:, 1]
        instroom = begin[:, 1]
        p.cohort[index] = instroom

        # The brugklassen of leerjaar 2 and 1, drawn backwards from the class above them.
        vest, code = p.vest[index].copy(), p.code[index].copy()
        klas = {l: (vest.copy(), soort.copy(), code.copy()) for l in (1, 2)}
        boven = lj >= 3
        klas[2] = _voeg_samen(boven, self._trek_brug((3, 2), vest, eerder, code), klas[2])
        twee_of_meer = lj >= 2
        klas[1] = _voeg_samen(twee_of_meer, self._trek_brug((2, 1), *klas[2]), klas[1])
        p.po_vest[index] = self._po_vestiging(klas[1][0])
        p.positie[index[boven]] = np.where(np.isin(eerder[boven], list(t.niveau)), eerder[boven], -1)

        # Fill the written years before the anchor year.
        leerjaren = np.arange(1, 7)
        for kalenderjaar in range(max(self.eerste_jaar, int(instroom.min())), min(jaar, self.laatste_jaar + 1)):
            leerjaar = ((begin[:, 1:] <= kalenderjaar) & (leerjaren[None, :] <= lj[:, None])).sum(axis=1)
            sub = np.nonzero(leerjaar >= 1)[0]
            if not len(sub):
                continue
            onderbouw = leerjaar[sub] <= 2
            een = leerjaar[sub] == 1
            vest, srt, code = (
                np.where(een, klas[1][k][sub], np.where(onderbouw, klas[2][k][sub], boven_waarde[sub]))
                for k, boven_waarde in enumerate((p.vest[index], eerder, p.code[index]))
            )
            # Upper years before the anchor year: the class of that leerjaar within reach.
            hoger = np.nonzero(~onderbouw & ((leerjaar[sub] != lj[sub]) | vavo[sub]))[0]
            if len(hoger):
                vest[hoger], code[hoger] = self._kies_plaats(vest[hoger], srt[hoger],
                                                             leerjaar[sub][hoger], code[hoger])
            rij = index[sub]
            kolom = kalenderjaar - self.eerste_jaar
            p.w_vest[rij, kolom] = vest
            p.w_soort[rij, kolom] = srt
            p.w_lj[rij, kolom] = leerjaar[sub]
            p.w_code[rij, kolom] = code

    def _trek_brug(self, paar: tuple[int, int], vest: np.ndarray, soort: np.ndarray, code: np.ndarray):
        """Draw the class (branch, soort, elementcode) in the other leerjaar of `paar`.

        Where the brin has no fitting class, the national table gives soort and elementcode
        and the pupil keeps the branch.
        """
        tabel, landelijk = self.t.brug[paar]
        soort = np.asarray(soort, np.int64)
        gevonden, keuze = tabel.kies(self.t.sleutel_brug(vest, soort), self.rng)
        land_gevonden, land = landelijk.kies(soort, self.rng)
        return (
            np.where(gevonden, keuze["vest"], vest),
            np.where(gevonden, keuze["soort"], np.where(land_gevonden, land["soort"], soort)),
            np.where(gevonden, keuze["code"], np.where(land_gevonden, land["code"], code)),
        )

    # One year on.

    def _stap(self, jaar: int) -> None:
        p = self.pop
        self.kandidaat = np.zeros(p.n, dtype=np.int8)
        actief = p.actief()
        sector = p.sector[actief]
        self._stap_vo(jaar, actief[sector == VO])
        self._stap_mbo(jaar, actief[sector == MBO])
        self._stap_ho(jaar, actief[sector == HBO], hbo=True)
        self._stap_ho(jaar, actief[sector == WO], hbo=False)
        self._vul_hbo(jaar + 1)
        self._start_wo(np.nonzero(self.kandidaat == KANDIDAAT_WO_BA)[0], "wo-ba")
        self._start_wo(np.nonzero(self.kandidaat == KANDIDAAT_WO_MA)[0], "wo-ma")
        self._aanvullen(jaar + 1)

    def _stap_vo(self, jaar: int, index: np.ndarray) -> None:
        p, t, rng, s = self.pop, self.t, self.rng, self.s
        soort = p.soort[index].astype(np.int64)
        lj = p.lj[index].astype(np.int64)
        u = rng.random(len(index))

        pro = soort == s["pro"]
        vavo = soort == s["vavo"]
        examen = (t.examenjaar[soort] > 0) & (lj >= t.examenjaar[soort]) & ~pro & ~vavo
        gewoon = ~pro & ~vavo & ~examen

        # Praktijkonderwijs: on to the next leerjaar with the chance seen in the 2019 counts.
        sub = index[pro]
        door = rng.random(len(sub)) < t.pro_door[p.lj[sub]]
        p.lj[sub[door]] += 1
        weg = sub[~door]
        naar_mbo = rng.random(len(weg)) < par.PRO_NAAR_MBO
        self._start_mbo(weg[naar_mbo], "mbo-1")
        p.sector[weg[~naar_mbo]] = UIT

        # vavo: one year, then the diploma of the soort the pupil came from, or leave.
        sub = index[vavo]
        geslaagd = sub[rng.random(len(sub)) < par.VAVO_GESLAAGD]
        herkomst = p.herkomst[geslaagd]
        self.diplomas.voeg_toe(jaar, geslaagd, p.vest[geslaagd], herkomst, p.code[geslaagd])
        for code in np.unique(herkomst):
            self._na_diploma(geslaagd[herkomst == code], t.soorten[code])
        p.sector[np.setdiff1d(sub, geslaagd)] = UIT

        # Years without an exam: repeat, leave early, or move on.
        sub, u_sub = index[gewoon], u[gewoon]
        kans_blijven = np.array([par.VO_ZITTENBLIJVEN.get(l, 0.03) for l in range(8)])[p.lj[sub]]
        blijft = u_sub < kans_blijven
        vertrekt = ~blijft & (u_sub < kans_blijven + par.VO_VOORTIJDIG_WEG)
        weg = sub[vertrekt]
        half = rng.random(len(weg)) < 0.5
        self._start_mbo(weg[half], "mbo-2")
        p.sector[weg[~half]] = UIT
        self._volgend_leerjaar(sub[~blijft & ~vertrekt])

        # Exam year.
        self._examen(jaar, index[examen])

    def _volgend_leerjaar(self, index: np.ndarray) -> None:
        p, t, rng, s = self.pop, self.t, self.rng, self.s
        lj = p.lj[index]

        # After leerjaar 1 and 2 a brugklas may split; the brin's own classes come first.
        for van in (1, 2):
            sub = index[lj == van]
            tabel, landelijk = t.brug[(van, van + 1)]
            vest, soort = p.vest[sub], p.soort[sub].astype(np.int64)
            gevonden, keuze = tabel.kies(t.sleutel_brug(vest, soort), rng)
            hier = sub[gevonden]
            p.vest[hier] = keuze["vest"][gevonden]
            p.soort[hier] = keuze["soort"][gevonden]
            p.code[hier] = keuze["code"][gevonden]
            p.lj[hier] = van + 1
            # A brin without a fitting class: the national split, in a branch nearby.
            elders = sub[~gevonden]
            land_gevonden, land = landelijk.kies(soort[~gevonden], rng)
            nieuw = np.where(land_gevonden, land["soort"], soort[~gevonden])
            self._plaats(elders, nieuw, np.full(len(elders), van + 1))

        hoger = index[lj >= 3]
        soort = p.soort[hoger].astype(np.int64)
        # A combined class in leerjaar 3 (havo/vwo) splits into its two soorten.
        for gecombineerd, (laag, hoog) in _SPLITS.items():
            if gecombineerd not in s:
                continue
            binnen = soort == s[gecombineerd]
            soort[binnen] = np.where(rng.random(binnen.sum()) < 0.5, s[laag], s[hoog])
        afstroom = (soort == s["vwo"]) & (p.lj[hoger] == 3) & (rng.random(len(hoger)) < par.AFSTROOM_VWO_HAVO)
        soort[afstroom] = s["havo"]
        self._plaats(hoger, soort, p.lj[hoger] + 1)

    def _kies_plaats(self, vest, soort, lj, code):
        """Draw branch and elementcode of a class of soort and leerjaar for pupils now at `vest`.

        The class is in the pupil's brin (mostly the own branch), else in the COROP region.
        Failing both, the branch stays and the elementcode is a national one.
        """
        t, rng = self.t, self.rng
        soort = np.asarray(soort, np.int64)
        gevonden, keuze = t.plaats.kies(t.sleutel_plaats(vest, soort, lj), rng)
        regio_gevonden, regio = t.plaats_regio.kies(t.sleutel_plaats(t.corop[vest], soort, lj), rng)
        land_sleutel = soort * 8 + lj
        _, land = t.plaats_landelijk.kies(land_sleutel, rng)
        land_gevonden = np.isin(land_sleutel, t.plaats_landelijk.uniek)
        nieuw_vest = np.where(gevonden, keuze["vest"], np.where(regio_gevonden, regio["vest"], vest))
        nieuw_code = np.where(gevonden, keuze["code"], np.where(
            regio_gevonden, regio["code"], np.where(land_gevonden, land["code"], code)))
        return nieuw_vest, nieuw_code

    def _plaats(self, index: np.ndarray, soort: np.ndarray, lj: np.ndarray) -> None:
        p = self.pop
        p.vest[index], p.code[index] = self._kies_plaats(p.vest[index], soort, lj, p.code[index])
        p.soort[index] = soort
        p.lj[index] = lj

    def _examen(self, jaar: int, index: np.ndarray) -> None:
        p, t, rng, s = self.pop, self.t, self.rng, self.s
        soort = p.soort[index]
        kans = np.zeros(len(t.soorten))
        for code, waarde in par.GESLAAGD.items():
            kans[s[code]] = waarde
        geslaagd = rng.random(len(index)) < kans[soort]
        sub = index[geslaagd]
        self.diplomas.voeg_toe(jaar, sub, p.vest[sub], p.soort[sub], p.code[sub])
        for code in np.unique(p.soort[sub]):
            self._na_diploma(sub[p.soort[sub] == code], t.soorten[code])

        gezakt = index[~geslaagd]
        keuze = kies_uit(par.NA_ZAKKEN, len(gezakt), rng)
        vavo = gezakt[keuze == "vavo"]
        p.herkomst[vavo] = p.soort[vavo]
        self._plaats(vavo, np.full(len(vavo), s["vavo"]), p.lj[vavo])
        p.sector[gezakt[keuze == "weg"]] = UIT

    def _na_diploma(self, index: np.ndarray, soort: str) -> None:
        p, s = self.pop, self.s
        keuze = kies_uit(par.NA_DIPLOMA[soort], len(index), self.rng)
        p.herkomst[index] = -1
        for stap in np.unique(keuze):
            sub = index[keuze == stap]
            if stap.startswith("mbo"):
                self._start_mbo(sub, stap)
            elif stap == "havo":
                self._plaats(sub, np.full(len(sub), s["havo"]), np.full(len(sub), 4))
                p.sector[sub] = VO
            elif stap == "vwo":
                self._plaats(sub, np.full(len(sub), s["vwo"]), np.full(len(sub), 5))
                p.sector[sub] = VO
            elif stap == "hbo":
                self._wordt_kandidaat(sub, KANDIDAAT_HBO)
            elif stap == "wo":
                self._wordt_kandidaat(sub, KANDIDAAT_WO_BA)
            else:
                p.sector[sub] = UIT

    def _wordt_kandidaat(self, index: np.ndarray, soort: int) -> None:
        self.kandidaat[index] = soort
        self.pop.sector[index] = UIT  # until a place is found for next year

    # mbo.

    def _start_mbo(self, index: np.ndarray, niveau: str, roc: np.ndarray | None = None) -> None:
        p, t, rng = self.pop, self.t, self.rng
        if not len(index):
            return
        if roc is None:
            herkomst = np.maximum(p.vest[index], 0)
            gevonden, keuze = t.roc.kies(t.corop[herkomst], rng)
            _, land = t.roc.kies(np.full(len(index), -1), rng)
            roc = np.where(gevonden & (p.vest[index] >= 0), keuze["vest"], land["vest"])
        p.sector[index] = MBO
        p.vest[index] = roc
        p.soort[index] = self.s[niveau]
        p.lj[index] = 1
        p.code[index] = 0
        p.duur[index] = par.MBO_DUUR[niveau]
        p.leerweg[index] = np.where(rng.random(len(index)) < par.MBO_BBL[niveau], 2, 1)
        p.herkomst[index] = -1

    def _stap_mbo(self, jaar: int, index: np.ndarray) -> None:
        p, rng, t = self.pop, self.rng, self.t
        lj = p.lj[index]
        uitval = rng.random(len(index)) < np.where(lj == 1, par.MBO_UITVAL[1], par.MBO_UITVAL["later"])
        uit = index[uitval]
        overstap = rng.random(len(uit)) < par.MBO_UITVAL_OVERSTAP
        for code in np.unique(p.soort[uit[overstap]]):
            sub = uit[overstap][p.soort[uit[overstap]] == code]
            self._start_mbo(sub, t.soorten[code], roc=p.vest[sub])
        p.sector[uit[~overstap]] = UIT

        blijft = index[~uitval]
        klaar = p.lj[blijft] >= p.duur[blijft]
        p.lj[blijft[~klaar]] += 1
        examen = blijft[klaar]
        geslaagd = rng.random(len(examen)) < par.MBO_GESLAAGD
        sub = examen[geslaagd]
        self.diplomas.voeg_toe(jaar, sub, p.vest[sub], p.soort[sub], p.code[sub])
        for code in np.unique(p.soort[sub]):
            binnen = sub[p.soort[sub] == code]
            keuze = kies_uit(par.NA_MBO[t.soorten[code]], len(binnen), rng)
            for stap in np.unique(keuze):
                deel = binnen[keuze == stap]
                if stap.startswith("mbo"):
                    self._start_mbo(deel, stap, roc=p.vest[deel])
                elif stap == "hbo":
                    self._wordt_kandidaat(deel, KANDIDAAT_HBO)
                else:
                    p.sector[deel] = UIT
        gezakt = examen[~geslaagd]
        p.sector[gezakt[rng.random(len(gezakt)) < 0.5]] = UIT

    # hbo and wo.

    def _stap_ho(self, jaar: int, index: np.ndarray, hbo: bool) -> None:
        p, rng, s = self.pop, self.rng, self.s
        lj = p.lj[index]
        uitval = rng.random(len(index)) < np.where(lj == 1, par.HO_UITVAL[1], par.HO_UITVAL["later"])
        uit = index[uitval]
        p.sector[uit] = UIT
        if hbo:
            # Some hbo drop-outs try another programme, through next year's places.
            self._wordt_kandidaat(uit[rng.random(len(uit)) < 0.4], KANDIDAAT_HBO)

        blijft = index[~uitval]
        klaar = p.lj[blijft] >= p.duur[blijft]
        p.lj[blijft[~klaar]] += 1
        examen = blijft[klaar]
        geslaagd = rng.random(len(examen)) < par.HO_GESLAAGD
        sub = examen[geslaagd]
        self.diplomas.voeg_toe(jaar, sub, p.vest[sub], p.soort[sub], p.code[sub])
        gezakt = examen[~geslaagd]
        p.sector[gezakt[rng.random(len(gezakt)) < 0.4]] = UIT

        p.sector[sub] = UIT
        ba = sub[p.soort[sub] == s["hbo-ba"]]
        keuze = kies_uit(par.NA_HBO_BA, len(ba), rng)
        self._wordt_kandidaat(ba[keuze == "hbo-ma"], KANDIDAAT_HBO_MA)
        self._wordt_kandidaat(ba[keuze == "wo-ma"], KANDIDAAT_WO_MA)
        ad = sub[p.soort[sub] == s["hbo-ad"]]
        self._wordt_kandidaat(ad[rng.random(len(ad)) < 0.4], KANDIDAAT_HBO)
        woba = sub[p.soort[sub] == s["wo-ba"]]
        keuze = kies_uit(par.NA_WO_BA, len(woba), rng)
        self._wordt_kandidaat(woba[keuze == "wo-ma"], KANDIDAAT_WO_MA)

    def _vul_hbo(self, jaar: int) -> None:
        """Fill next year's hbo places: students who stay first, then candidates, then outsiders."""
        p, rng, t = self.pop, self.rng, self.t
        plaatsen = self.hbo_plaatsen[jaar]
        cel_soort = t.hbo["soort"].to_numpy()

        blijvers = np.nonzero(p.sector[: p.n] == HBO)[0]
        volgorde = blijvers[np.lexsort((rng.random(len(blijvers)), p.cel[blijvers]))]
        cel = p.cel[volgorde]
        eerste = np.searchsorted(cel, cel, side="left")
        rang = np.arange(len(volgorde)) - eerste
        te_veel = rang >= plaatsen[cel]
        p.sector[volgorde[te_veel]] = UIT
        bezet = np.bincount(cel[~te_veel], minlength=len(plaatsen))
        vrij = plaatsen - bezet

        master = cel_soort == self.s["hbo-ma"]
        for soort, cellen in ((KANDIDAAT_HBO, ~master), (KANDIDAAT_HBO_MA, master)):
            kandidaten = np.nonzero(self.kandidaat == soort)[0]
            kandidaten = kandidaten[rng.permutation(len(kandidaten))]
            open_cel = np.repeat(np.nonzero(cellen)[0], vrij[cellen])
            open_cel = open_cel[rng.permutation(len(open_cel))]
            gevuld = min(len(kandidaten), len(open_cel))
            self._start_hbo(kandidaten[:gevuld], open_cel[:gevuld])
            # Places that no school leaver takes go to students from outside: adults, abroad.
            rest = open_cel[gevuld:]
            buiten = self.pop.voeg_toe(len(rest), cohort=0)
            self._start_hbo(buiten, rest)
            self._spreid_eerste_jaar(jaar, buiten)

    def _start_hbo(self, index: np.ndarray, cel: np.ndarray) -> None:
        p, t = self.pop, self.t
        p.sector[index] = HBO
        p.cel[index] = cel
        p.vest[index] = t.hbo["vest"].to_numpy()[cel]
        p.code[index] = t.hbo["code"].to_numpy()[cel]
        p.soort[index] = t.hbo["soort"].to_numpy()[cel]
        p.lj[index] = 1
        p.leerweg[index] = 0
        p.duur[index] = np.array([par.HO_DUUR.get(c, 4) for c in t.soorten])[p.soort[index]]

    def _start_wo(self, index: np.ndarray, soort: str) -> None:
        p, t, rng = self.pop, self.t, self.rng
        if not len(index):
            return
        gevonden, keuze = t.wo.kies(np.full(len(index), self.s[soort]), rng)
        if not gevonden.all():
            p.sector[index] = UIT
            return
        p.sector[index] = WO
        p.vest[index] = keuze["vest"]
        p.code[index] = keuze["code"]
        p.soort[index] = self.s[soort]
        p.lj[index] = 1
        p.leerweg[index] = 0
        duur = par.HO_DUUR[soort]
        if soort == "wo-ma":
            duur = np.where(rng.random(len(index)) < par.WO_MA_TWEEJARIG, 2, 1)
        p.duur[index] = duur

    def _spreid_eerste_jaar(self, jaar: int, index: np.ndarray) -> None:
        """Spread the very first outsiders over all years of their programme.

        Without this the first intake all graduates in the same year, and that echo would
        repeat every programme length through the burn-in into the written years.
        """
        if jaar == self.start + 1 and len(index):
            duur = self.pop.duur[index].astype(np.int64)
            self.pop.lj[index] = 1 + (self.rng.random(len(index)) * duur).astype(np.int64)

    def _aanvullen(self, jaar: int) -> None:
        """Top mbo and wo up to their target size with persons from outside."""
        p, rng = self.pop, self.rng
        mbo_tekort = self.doel_mbo - int((p.sector[: p.n] == MBO).sum())
        if mbo_tekort > 0:
            niveau = kies_uit({"mbo-2": 0.3, "mbo-3": 0.3, "mbo-4": 0.4}, mbo_tekort, rng)
            nieuw = p.voeg_toe(mbo_tekort, cohort=0)
            for code in np.unique(niveau):
                self._start_mbo(nieuw[niveau == code], code)
            self._spreid_eerste_jaar(jaar, nieuw)
        wo_tekort = self.doel_wo - int((p.sector[: p.n] == WO).sum())
        if wo_tekort > 0:
            nieuw = p.voeg_toe(wo_tekort, cohort=0)
            master = rng.random(wo_tekort) < 0.4
            self._start_wo(nieuw[~master], "wo-ba")
            self._start_wo(nieuw[master], "wo-ma")
            self._spreid_eerste_jaar(jaar, nieuw)


_SPLITS = {"havo/vwo": ("havo", "vwo"), "vmbo-gt/havo": ("vmbo-t", "havo"),
           "vmbo-k/gt": ("vmbo-k", "vmbo-t"), "vmbo-b/k": ("vmbo-b", "vmbo-k")}


def _voeg_samen(kies: np.ndarray, ja: tuple, nee: tuple) -> tuple:
    """Return per position the values of `ja` where `kies` is true, else those of `nee`."""
    return tuple(np.where(kies, a, b) for a, b in zip(ja, nee))
