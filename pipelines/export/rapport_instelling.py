"""One page per instelling (brin): its figures and each vestiging's, next to the national ones.

The tables are split by brin once, into plain rows, so a council with thousands of instellingen
costs one pass over its rows, and a page only looks through its own few dozen rows.
"""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from pipelines.export import grafieken
from pipelines.export.cellen import Cel
from pipelines.export.rapport_onderdelen import (
    Rapportcontext,
    bestemmingen,
    doorstromers_cellen,
    oordelen,
    overgangen,
    warmtekaart,
)
from pipelines.export.taal import schooljaar


def bestandsnaam(brin: str) -> str:
    return f"instelling/{brin}.html"


Rijen = list[dict]


def _per_brin(frame: pl.DataFrame) -> dict[str, Rijen]:
    groepen: dict[str, Rijen] = {}
    for rij in frame.iter_rows(named=True):
        groepen.setdefault(rij["brin"], []).append(rij)
    return groepen


def _eigen(rijen: Rijen, vestiging: str | None) -> Rijen:
    """Return the rows of one unit: the instelling's own (vestiging None) or one vestiging's."""
    if vestiging is None:
        return [r for r in rijen if r["niveau"] == "instelling"]
    return [r for r in rijen if r["vestiging"] == vestiging]


class Instellingen:
    """Builds the view of every instelling page and the rows of the searchable index."""

    def __init__(
        self, tabellen: dict[str, pl.DataFrame], vestigingen: pl.DataFrame, ctx: Rapportcontext,
        laatste: dict[str, int],
    ) -> None:
        self.ctx = ctx
        self.laatste = laatste
        doorstromers = tabellen["doorstromers"]
        self.landelijk = {
            (r["definitie"], r["schooljaar"]): r
            for r in doorstromers.filter(pl.col("niveau") == "landelijk").iter_rows(named=True)
        }
        self.schooljaren = sorted(doorstromers["schooljaar"].unique().to_list())
        self.doorstromers = _per_brin(doorstromers.filter(pl.col("niveau") != "landelijk"))

        doorstroom = tabellen["doorstroom"].filter(pl.col("termijn") == 1)
        landelijk = doorstroom.filter(pl.col("niveau") == "landelijk")
        self.overgangsjaar = landelijk["schooljaar"].max() if landelijk.height else None
        self.doorstroom = {} if self.overgangsjaar is None else _per_brin(doorstroom.filter(
            (pl.col("niveau") != "landelijk") & (pl.col("schooljaar") == self.overgangsjaar)
        ))

        self.advies, self.advies_landelijk, self.cohort = {}, None, None
        advies = tabellen.get("advies_positie")
        if advies is not None and ctx.raad.advies_positie is not None:
            land = advies.filter(pl.col("niveau") == "landelijk")
            if land.height:
                self.cohort = land["cohort"].max()
                self.advies_landelijk = land.filter(pl.col("cohort") == self.cohort).to_dicts()
                # The contract's vestiging code starts with its brin (contracts/*.yaml, begint_met).
                self.advies = _per_brin(
                    advies.filter((pl.col("niveau") == ctx.raad.advies_positie)
                                  & (pl.col("cohort") == self.cohort))
                    .with_columns(pl.col("vestiging").str.slice(0, 4).alias("brin"))
                )

        self.namen = {
            r["vestiging"]: (r["naam"], r["gemeente"]) for r in vestigingen.iter_rows(named=True)
        }
        self.lijst_per_brin: dict[str, list[str]] = {}
        for code in sorted(self.namen):
            self.lijst_per_brin.setdefault(code[:4], []).append(code)
        self.brins = sorted(set(self.doorstromers) | set(self.doorstroom) | set(self.advies))

    def __len__(self) -> int:
        return len(self.brins)

    def _vestigingen(self, brin: str) -> list[str]:
        codes = set()
        for bron in (self.doorstromers, self.doorstroom, self.advies):
            codes |= {r["vestiging"] for r in bron.get(brin, ()) if r["vestiging"] is not None}
        return sorted(codes)

    def _naam(self, brin: str, vestigingen: list[str]) -> tuple[str, list[str]]:
        eigen = self.lijst_per_brin.get(brin, [])
        naam = self.namen[eigen[0]][0] if eigen else self.ctx.taal.t("instelling.onbekende_naam")
        gemeenten = sorted({self.namen[v][1] for v in eigen + vestigingen
                            if v in self.namen and self.namen[v][1]})
        return naam, gemeenten

    def paginas(self) -> Iterator[dict]:
        for brin in self.brins:
            yield self.pagina(brin)

    def pagina(self, brin: str) -> dict:
        taal = self.ctx.taal
        codes = self._vestigingen(brin)
        naam, gemeenten = self._naam(brin, codes)
        vestigingen = [
            {"code": v, "naam": self.namen.get(v, ("", ""))[0],
             "gemeente": self.namen.get(v, ("", ""))[1] or ""}
            for v in codes
        ]
        eenheden = [(taal.t("eenheid.instelling", brin=brin), None)]
        if len(codes) > 1:
            eenheden += [(f"{v['code']} {v['naam']}".strip(), v["code"]) for v in vestigingen]
        return {
            "brin": brin,
            "naam": naam,
            "gemeenten": gemeenten,
            "bestand": bestandsnaam(brin),
            "vestigingen": vestigingen,
            "een_vestiging": len(codes) <= 1,
            "percentages": self._percentages(brin, eenheden),
            "trend": self._trend(brin, eenheden),
            "overgangen": self._overgangen(brin),
            "bestemmingen": self._bestemmingen(brin, eenheden) if len(codes) > 1 else None,
            "advies": self._advies(brin, vestigingen),
        }

    def _percentages(self, brin: str, eenheden: list[tuple[str, str | None]]) -> dict | None:
        """Latest year per definition: each unit's figures and the national ones."""
        frame = self.doorstromers.get(brin)
        if frame is None:
            return None
        cellen, taal = self.ctx.cellen, self.ctx.taal
        groepen, grafiekrijen = [], []
        for definitie, jaar in sorted(self.laatste.items()):
            land = self.landelijk.get((definitie, jaar))
            jaarrijen = [r for r in frame
                         if r["definitie"] == definitie and r["schooljaar"] == jaar]
            rijen = []
            for volgorde, (label, vestiging) in enumerate(eenheden):
                eigen = _eigen(jaarrijen, vestiging)
                if not eigen:
                    rijen.append({"eenheid": label, "populatie": Cel("–", "geen"),
                                  "doorstromers": Cel("–", "geen"), "percentage": Cel("–", "geen")})
                    continue
                rij = eigen[0]
                cel = doorstromers_cellen(rij, cellen)
                rijen.append({"eenheid": label, **cel})
                grafiekrijen.append({
                    "definitie": definitie, "eenheid": label, "volgorde": volgorde,
                    "percentage": rij["percentage"],
                    "x_tekst": rij["percentage"] or 0, "tekst": cel["percentage"].tekst,
                    "landelijk": land["percentage"] if land else None,
                    "landelijk_tekst": taal.procent(land["percentage"]) if land else "–",
                })
            landelijk = ({"eenheid": taal.t("eenheid.landelijk"),
                          **doorstromers_cellen(land, cellen)} if land else None)
            groepen.append({"definitie": definitie, "schooljaar": schooljaar(jaar),
                            "rijen": rijen, "landelijk": landelijk})
        return {
            "groepen": groepen,
            "grafiek": grafieken.spec(grafieken.percentages_eenheden(taal.code), grafiekrijen,
                                      taal.t("percentages.beschrijving"))
            if any(r["percentage"] is not None for r in grafiekrijen) else None,
        }

    def _trend(self, brin: str, eenheden: list[tuple[str, str | None]]) -> dict | None:
        """Percentage per school year for each unit and definition, with the national row."""
        frame = self.doorstromers.get(brin)
        if frame is None:
            return None
        cellen, taal = self.ctx.cellen, self.ctx.taal
        eigen_reeks, landelijke_reeks = taal.t("reeks.eigen"), taal.t("eenheid.landelijk")
        rijen, grafiekrijen = [], []
        for definitie in sorted(self.laatste):
            land = {j: self.landelijk.get((definitie, j)) for j in self.schooljaren}
            van_definitie = [r for r in frame if r["definitie"] == definitie]
            for volgorde, (label, vestiging) in enumerate(eenheden):
                per_jaar = {r["schooljaar"]: r for r in _eigen(van_definitie, vestiging)}
                jaarcellen = []
                for jaar in self.schooljaren:
                    rij = per_jaar.get(jaar)
                    cel = (cellen.procent(rij["percentage"], rij["onderdrukt"]) if rij
                           else Cel("–", "geen"))
                    jaarcellen.append(cel)
                    if rij is not None:
                        grafiekrijen.append({
                            "eenheid": label, "volgorde": volgorde, "definitie": definitie,
                            "reeks": eigen_reeks,
                            "schooljaar": schooljaar(jaar), "percentage": rij["percentage"],
                            "tekst": cel.tekst,
                        })
                    if land[jaar] is not None:
                        grafiekrijen.append({
                            "eenheid": label, "volgorde": volgorde, "definitie": definitie,
                            "reeks": landelijke_reeks,
                            "schooljaar": schooljaar(jaar),
                            "percentage": land[jaar]["percentage"],
                            "tekst": cellen.procent(land[jaar]["percentage"],
                                                    land[jaar]["onderdrukt"]).tekst,
                        })
                rijen.append({"definitie": definitie, "eenheid": label, "landelijk": False,
                              "cellen": jaarcellen})
            rijen.append({
                "definitie": definitie, "eenheid": landelijke_reeks, "landelijk": True,
                "cellen": [cellen.procent(land[j]["percentage"], land[j]["onderdrukt"])
                           if land[j] else Cel("–", "geen") for j in self.schooljaren],
            })
        return {
            "schooljaren": [schooljaar(j) for j in self.schooljaren],
            "rijen": rijen,
            "grafiek": grafieken.spec(grafieken.trend_eenheden(taal.code), grafiekrijen,
                                      taal.t("trend_eenheden.beschrijving"))
            if any(r["percentage"] is not None for r in grafiekrijen) else None,
        }

    def _overgangen(self, brin: str) -> dict | None:
        frame = self.doorstroom.get(brin)
        if frame is None:
            return None
        jaar = schooljaar(self.overgangsjaar)
        sectie = overgangen(_eigen(frame, None), self.ctx,
                            self.ctx.taal.t("overgangen.beschrijving", schooljaar=jaar))
        return {**sectie, "schooljaar": jaar} if sectie else None

    def _bestemmingen(self, brin: str, eenheden: list[tuple[str, str | None]]) -> dict | None:
        frame = self.doorstroom.get(brin)
        if frame is None:
            return None
        return bestemmingen(frame, eenheden, self.ctx,
                            self.ctx.taal.t("bestemmingen.beschrijving"))

    def _advies(self, brin: str, vestigingen: list[dict]) -> dict | None:
        # TODO: advies_positie.parquet has no instelling level, so this section shows each
        # vestiging but no total for the brin; adding one belongs in transform/advies_positie.
        frame = self.advies.get(brin)
        if frame is None:
            return None
        taal = self.ctx.taal
        codes = sorted({r["vestiging"] for r in frame})
        namen = {v["code"]: v["naam"] for v in vestigingen}
        eenheden = [(f"{code} {namen.get(code, '')}".strip(), code) for code in codes]
        cohort = schooljaar(self.cohort)
        return {
            "cohort": cohort,
            "niveau": taal.code_label(self.ctx.raad.advies_positie),
            "warmtekaart": warmtekaart(frame, eenheden, self.ctx,
                                       taal.t("advies.warmtekaart_beschrijving", cohort=cohort)),
            "oordelen": oordelen(
                [(taal.t("eenheid.landelijk"), self.advies_landelijk)]
                + [(label, _eigen(frame, code)) for label, code in eenheden],
                self.ctx, taal.t("advies.oordeel_eenheden_beschrijving", cohort=cohort),
            ),
        }

    def indexrij(self, pagina: dict) -> dict:
        """Build the index row of a page: names, places and the latest figures per definition."""
        frame = self.doorstromers.get(pagina["brin"])
        cellen = []
        for definitie, jaar in sorted(self.laatste.items()):
            rij = None
            for kandidaat in frame or ():
                if (kandidaat["niveau"] == "instelling" and kandidaat["definitie"] == definitie
                        and kandidaat["schooljaar"] == jaar):
                    rij = kandidaat
                    break
            if rij is None:
                cellen += [Cel("–", "geen"), Cel("–", "geen")]
            else:
                cellen += [self.ctx.cellen.aantal(rij["populatie"], rij["onderdrukt"]),
                           self.ctx.cellen.procent(rij["percentage"], rij["onderdrukt"])]
        # The search also reads the row's own text, so this adds only what the row does not show.
        zoektekst = " ".join(f"{v['code']} {v['naam']}" for v in pagina["vestigingen"]
                             if v["naam"] != pagina["naam"] or len(pagina["vestigingen"]) > 1)
        return {
            "brin": pagina["brin"],
            "naam": pagina["naam"],
            "gemeenten": ", ".join(pagina["gemeenten"]),
            "vestigingen": len(pagina["vestigingen"]),
            "bestand": pagina["bestand"],
            "cellen": cellen,
            "zoek": zoektekst,
        }
