"""Index tables and choice tables the simulation draws from, all built from the real DUO files."""

from __future__ import annotations

import numpy as np
import polars as pl

from pipelines.genereer import parameters as par
from pipelines.genereer.bronnen import Bronnen
from pipelines.genereer.kiezen import Keuzetabel
from pipelines.registry import Registry

_SOORTEN = 32  # key space for soort indices in composite keys
_LEERJAREN = 8


class Tabellen:
    def __init__(self, bronnen: Bronnen, registry: Registry, rng: np.random.Generator) -> None:
        self.soorten = list(registry.onderwijssoorten)
        self.s = {code: i for i, code in enumerate(self.soorten)}
        self.niveau = {self.s[c]: n for c, n in registry.niveau_tabel().items()}
        self.examenjaar = np.zeros(len(self.soorten), dtype=np.int8)
        for code, jaar in par.EXAMENJAAR.items():
            self.examenjaar[self.s[code]] = jaar

        self.vestigingen = _vestigingen(bronnen)
        self.vest_code = self.vestigingen["vestiging"].to_numpy()
        self.v = {code: i for i, code in enumerate(self.vest_code)}
        corop = self.vestigingen["corop_code"].cast(pl.Int32, strict=False).fill_null(-1)
        self.corop = corop.to_numpy()

        codes = [""] + sorted(
            set(bronnen.vo_ongeschaald["elementcode"].to_list())
            | set(bronnen.hbo["opleidingscode"].to_list())
            | set(bronnen.wo_opleidingen["opleidingscode"].to_list())
        )
        self.codes = np.array(codes, dtype=object)
        self.c = {code: i for i, code in enumerate(codes)}

        self.cellen = self._cellen(bronnen.vo)
        self.cellen_ongeschaald = self._cellen(bronnen.vo_ongeschaald)
        self.plaats, self.plaats_regio, self.plaats_landelijk = self._plaatsing()
        # (from leerjaar, to leerjaar) -> (table per branch, national table); forward for the
        # moves after leerjaar 1 and 2, backward for the brugklassen an anchored pupil came from.
        self.brug = {paar: self._brugklas(*paar) for paar in ((1, 2), (2, 3), (3, 2), (2, 1))}
        self.po = self._po_keuze(bronnen, rng)
        self.roc = self._regio_keuze(bronnen.rocs["brin"] + "00")
        self.wo = self._wo_keuze(bronnen)
        self.pro_door = self._pro_doorstroom()
        self.hbo = self._hbo_cellen(bronnen)

    # Keys.

    def sleutel_plaats(self, vest, soort, lj):
        return (np.asarray(vest, np.int64) * _SOORTEN + soort) * _LEERJAREN + lj

    def sleutel_brug(self, vest, soort):
        return np.asarray(vest, np.int64) * _SOORTEN + soort

    # Builders.

    def _cellen(self, vo: pl.DataFrame) -> pl.DataFrame:
        return vo.select(
            pl.col("vestiging").replace_strict(self.v, return_dtype=pl.Int32).alias("vest"),
            pl.col("brin"),
            pl.col("onderwijssoort").replace_strict(self.s, return_dtype=pl.Int8).alias("soort"),
            pl.col("herkomst").replace_strict(self.s, default=-1, return_dtype=pl.Int8).fill_null(-1)
            .alias("herkomst"),
            pl.col("elementcode").replace_strict(self.c, return_dtype=pl.Int32).alias("code"),
            pl.col("leerjaar").cast(pl.Int8).alias("lj"),
            pl.col("aantal"),
        )

    def _per_brin(self) -> pl.DataFrame:
        """Pair every branch with every pupil cell of its brin, weighted towards its own cells."""
        cellen = self.cellen_ongeschaald.group_by("vest", "brin", "soort", "code", "lj").agg(
            pl.col("aantal").sum()
        )
        vestigingen = cellen.select(pl.col("vest").alias("van"), "brin").unique()
        return vestigingen.join(cellen, on="brin").with_columns(
            (pl.col("aantal") * pl.when(pl.col("van") == pl.col("vest")).then(1.0)
             .otherwise(par.ANDERE_VESTIGING_BRIN)).alias("gewicht")
        )

    def _plaatsing(self) -> tuple[Keuzetabel, Keuzetabel, Keuzetabel]:
        """(branch, soort, leerjaar) -> branch and elementcode of a class, within the brin;
        the same keyed by (COROP region, soort, leerjaar); and an elementcode per (soort, leerjaar)."""
        kandidaten = self._per_brin()
        tabel = Keuzetabel(
            self.sleutel_plaats(kandidaten["van"].to_numpy(), kandidaten["soort"].to_numpy(),
                                kandidaten["lj"].to_numpy()),
            kandidaten["gewicht"].to_numpy(),
            vest=kandidaten["vest"].to_numpy(), code=kandidaten["code"].to_numpy(),
        )
        cellen = self.cellen_ongeschaald
        regio = Keuzetabel(
            self.sleutel_plaats(self.corop[cellen["vest"].to_numpy()], cellen["soort"].to_numpy(),
                                cellen["lj"].to_numpy()),
            cellen["aantal"].to_numpy(),
            vest=cellen["vest"].to_numpy(), code=cellen["code"].to_numpy(),
        )
        landelijk = Keuzetabel(
            cellen["soort"].to_numpy().astype(np.int64) * _LEERJAREN + cellen["lj"].to_numpy(),
            cellen["aantal"].to_numpy(), code=cellen["code"].to_numpy(),
        )
        return tabel, regio, landelijk

    def _past(self, van: np.ndarray, naar: np.ndarray) -> np.ndarray:
        """Weight of class `naar` for a pupil from class `van`: 1 inside its level range, less beside it."""
        gewicht = np.zeros(len(van))
        for i, (a, b) in enumerate(zip(van, naar)):
            if a not in self.niveau or b not in self.niveau:
                gewicht[i] = 1.0 if a == b else 0.0
                continue
            (lo1, hi1), (lo2, hi2) = self.niveau[a], self.niveau[b]
            if (lo1 == 0) != (lo2 == 0):  # praktijkonderwijs is a track of its own
                continue
            if lo2 >= lo1 and hi2 <= hi1:
                gewicht[i] = 1.0
            elif lo2 >= lo1 - 1 and hi2 <= hi1 + 1:
                gewicht[i] = par.NAAST_BRUGKLAS
        return gewicht

    def _brugklas(self, van: int, naar: int) -> tuple[Keuzetabel, Keuzetabel]:
        """Class in leerjaar `naar` for a pupil in soort s in leerjaar `van` at a branch.

        With van=2, naar=3 this is the split after the brugperiode; with van=3, naar=2 it
        finds the brugklas an anchored pupil came from. Options are the brin's cells in
        leerjaar `naar`, weighted by pupils and by how well the two classes' levels fit.
        Keys cover every vo soort with a level, also those the 2019 counts lack in leerjaar
        `van`: a class that 2019 has only in leerjaar 1 can still come up in leerjaar 2.
        """
        kandidaten = self._per_brin().filter(pl.col("lj") == naar)
        soorten = sorted(self.niveau)
        paren = kandidaten.join(pl.DataFrame({"van_soort": soorten}, schema={"van_soort": pl.Int8}),
                                how="cross")
        uniek = paren.select("van_soort", "soort").unique()
        past = dict(zip(zip(uniek["van_soort"], uniek["soort"]),
                        self._past(uniek["van_soort"].to_numpy(), uniek["soort"].to_numpy())))
        gewicht = np.array([past[p] for p in zip(paren["van_soort"], paren["soort"])]) * paren["gewicht"].to_numpy()
        tabel = Keuzetabel(
            self.sleutel_brug(paren["van"].to_numpy(), paren["van_soort"].to_numpy()), gewicht,
            vest=paren["vest"].to_numpy(), soort=paren["soort"].to_numpy(), code=paren["code"].to_numpy(),
        )
        cellen = self.cellen_ongeschaald.filter(pl.col("lj") == naar)
        land = cellen.join(pl.DataFrame({"van_soort": soorten}, schema={"van_soort": pl.Int8}), how="cross")
        gewicht = self._past(land["van_soort"].to_numpy(), land["soort"].to_numpy()) * land["aantal"].to_numpy()
        landelijk = Keuzetabel(land["van_soort"].to_numpy(), gewicht,
                               soort=land["soort"].to_numpy(), code=land["code"].to_numpy())
        return tabel, landelijk

    def _po_keuze(self, bronnen: Bronnen, rng: np.random.Generator) -> Keuzetabel:
        """po branch per COROP region; the real register has no pupil counts, so sizes are drawn."""
        index = np.array([self.v[c] for c in bronnen.bo_vestigingen["vestiging"]])
        # NOTE: branch sizes are lognormal draws, not DUO counts (docs/kalibratie.md).
        grootte = rng.lognormal(0.0, par.PO_GROOTTE_SIGMA, len(index))
        return _met_landelijk(self.corop[index], grootte, vest=index)

    def _regio_keuze(self, vestigingen: pl.Series) -> Keuzetabel:
        index = np.array([self.v[c] for c in vestigingen])
        return _met_landelijk(self.corop[index], np.ones(len(index)), vest=index)

    def _wo_keuze(self, bronnen: Bronnen) -> Keuzetabel:
        wo = bronnen.wo_opleidingen
        return Keuzetabel(
            wo["onderwijssoort"].replace_strict(self.s, return_dtype=pl.Int8).to_numpy(),
            np.ones(wo.height),
            vest=np.array([self.v[b + "00"] for b in wo["brin"]]),
            code=np.array([self.c[c] for c in wo["opleidingscode"]]),
        )

    def _pro_doorstroom(self) -> np.ndarray:
        """Chance that a pro pupil goes on to the next leerjaar, from the 2019 leerjaar counts."""
        pro = self.cellen_ongeschaald.filter(pl.col("soort") == self.s["pro"])
        per_lj = pro.group_by("lj").agg(pl.col("aantal").sum()).sort("lj")
        aantal = dict(zip(per_lj["lj"], per_lj["aantal"]))
        kans = np.zeros(_LEERJAREN)
        for lj in range(1, par.PRO_MAX_LEERJAAR):
            if aantal.get(lj):
                kans[lj] = min(1.0, aantal.get(lj + 1, 0) / aantal[lj])
        return kans

    def _hbo_cellen(self, bronnen: Bronnen) -> pl.DataFrame:
        cellen = bronnen.hbo.select("brin", "opleidingscode", "onderwijssoort").unique().sort(
            "brin", "opleidingscode")
        return cellen.with_columns(
            pl.col("brin").map_elements(lambda b: self.v[b + "00"], return_dtype=pl.Int32).alias("vest"),
            pl.col("opleidingscode").replace_strict(self.c, return_dtype=pl.Int32).alias("code"),
            pl.col("onderwijssoort").replace_strict(self.s, return_dtype=pl.Int8).alias("soort"),
        ).with_row_index("cel")


def _met_landelijk(corop: np.ndarray, gewicht: np.ndarray, **opties) -> Keuzetabel:
    """Build a table keyed by COROP region, with key -1 for every option (branches without one)."""
    return Keuzetabel(
        np.concatenate([corop, np.full(len(corop), -1)]),
        np.concatenate([gewicht, gewicht]),
        **{naam: np.concatenate([w, w]) for naam, w in opties.items()},
    )


def _vestigingen(bronnen: Bronnen) -> pl.DataFrame:
    """Build the vestigingen table: the real registers plus brin+00 for mbo, hbo and wo."""
    instellingen = [
        bronnen.rocs.select("brin", "naam", "gemeente", "corop_code",
                            pl.lit("mbo").alias("onderwijssector")),
        bronnen.hogescholen.select("brin", "naam", "gemeente", pl.lit(None, pl.String).alias("corop_code"),
                                   pl.lit("hbo").alias("onderwijssector")),
        bronnen.universiteiten.select("brin", "naam", pl.lit(None, pl.String).alias("gemeente"),
                                      pl.lit(None, pl.String).alias("corop_code"),
                                      pl.lit("wo").alias("onderwijssector")),
    ]
    ho = pl.concat(instellingen).with_columns((pl.col("brin") + "00").alias("vestiging"))
    alles = pl.concat([bronnen.vo_vestigingen, bronnen.bo_vestigingen, ho], how="diagonal_relaxed")
    # A brin in two registers (e.g. a hogeschool that is also a university in name) keeps its first row.
    return alles.unique("vestiging", keep="first", maintain_order=True)
