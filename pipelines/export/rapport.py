"""The HTML report of a council, built from the suppressed tables only.

Layout of the council folder:
- rapport.html: the overview (national figures, transitions, advice, spread of instellingen);
- instellingen.html: a searchable index of instellingen by name, brin and gemeente;
- instelling/<brin>.html: one page per instelling, with each vestiging beside it;
- rapport-bestanden/: the style sheet, the page script and Vega, shared by all pages so each
  page stays small. Nothing is fetched from a network.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
import polars as pl
from markupsafe import Markup

from pipelines.export import grafieken
from pipelines.export.bestanden import sha256_van_delen
from pipelines.export.cellen import Cel, Celmaker
from pipelines.export.rapport_instelling import Instellingen
from pipelines.export.rapport_landelijk import laatste_jaren, overzicht
from pipelines.export.rapport_onderdelen import Rapportcontext
from pipelines.export.taal import Taal, schooljaar
from pipelines.registry import Raad, Registry

SJABLONEN = Path(__file__).resolve().parents[2] / "reports"
BESTANDEN_MAP = "rapport-bestanden"
INSTELLING_MAP = "instelling"
OVERZICHT = "rapport.html"
INDEX = "instellingen.html"
# Below this many instelling pages, starting worker processes costs more than it saves.
PAGINAS_PER_PROCES = 250
# Pages a process claims at a time: small, so that the processes finish close together.
BLOK = 50
# The number each mark's footnote has in the list at the foot of every page (basis.html.j2).
NOTEN = {"onderdrukt": "1", "afgeleid": "2", "ondergrens": "3", "bereik": "4", "geen": "5"}


def _omgeving(taal: Taal) -> jinja2.Environment:
    omgeving = jinja2.Environment(
        loader=jinja2.FileSystemLoader(SJABLONEN),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    omgeving.globals.update(
        t=taal.t, code=taal.code_label, tekst=taal.registry_tekst, getal=taal.getal,
        procent=taal.procent,
    )
    omgeving.filters["json"] = grafieken.als_json
    omgeving.globals.update(_celopmaak(taal))
    return omgeving


def _celopmaak(taal: Taal) -> dict:
    """Return the functions that format table cells as HTML, for the templates.

    Functions rather than Jinja macros: the PO-Raad's instelling pages hold about a million
    cells, and with functions Jinja took 1.7 ms per page instead of 2.4 ms. Most cells repeat
    (`<5`, `–`, small numbers), so each is formatted once.
    """
    titels = {soort: taal.t(f"noot.titel.{soort}") for soort in NOTEN}

    @lru_cache(maxsize=1 << 16)
    def kale_cel(c: Cel) -> Markup:
        return Markup('<td class="{}">{}</td>').format(c.soort, c.tekst)

    @lru_cache(maxsize=1 << 16)
    def cel(c: Cel) -> Markup:
        """Format a cell with, for any mark, a link to the footnote that explains it."""
        if c.soort == "getal":
            return kale_cel(c)
        return Markup('<td class="{}">{}<a class="noot" href="#{}" title="{}">{}</a></td>').format(
            c.soort, c.tekst, c.noot, titels[c.soort], NOTEN[c.soort]
        )

    return {"cel": cel, "kale_cel": kale_cel}


def _algemeen(ctx: Rapportcontext, tabellen: dict[str, pl.DataFrame], drempel: int) -> dict:
    """Collect what every page shows: definitions, school years, source, run date, footnotes."""
    taal, manifest = ctx.taal, ctx.manifest
    doorstroom = tabellen["doorstroom"]
    jaren = sorted(doorstroom["schooljaar"].unique().to_list())
    bestemming = (doorstroom["schooljaar"] + doorstroom["termijn"]).max() if jaren else None
    definities = [
        {"naam": naam, "termijn": definitie.termijn,
         "omschrijving": taal.registry_tekst(definitie, "omschrijving"),
         "bron": taal.registry_tekst(definitie, "bron")}
        for naam, definitie in ctx.raad.doorstromers.items()
    ]
    return {
        "taal": taal.code,
        "raad": ctx.raad,
        "definities": definities,
        "schooljaren": {
            "van": schooljaar(jaren[0]) if jaren else None,
            "tot": schooljaar(jaren[-1]) if jaren else None,
            "bestemming": schooljaar(bestemming) if bestemming is not None else None,
        },
        "invoer": [bestand["bestand"] for bestand in manifest["invoer"]],
        "rundatum": taal.datum(manifest["tijdstip"]),
        "run_id": manifest["run_id"],
        "definities_sha256": manifest["definities_sha256"][:12],
        "drempel": drempel,
        "teken": ctx.cellen.teken,
    }


def _schrijf(pad: Path, tekst: str) -> dict:
    inhoud = tekst.encode("utf-8")
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_bytes(inhoud)
    return {"bestand": pad.name, "rijen": None, "sha256": hashlib.sha256(inhoud).hexdigest()}


def _schrijf_bestanden(map_: Path) -> list[dict]:
    """Write the shared style sheet, page script and Vega bundle."""
    doel = map_ / BESTANDEN_MAP
    doel.mkdir(parents=True, exist_ok=True)
    script = (
        f"window.DOORSTROOM_OPMAAK = {json.dumps(grafieken.getalopmaak())};\n"
        + (SJABLONEN / "rapport.js").read_text(encoding="utf-8")
    )
    uitkomst = []
    for naam, tekst in (
        ("rapport.css", (SJABLONEN / "rapport.css").read_text(encoding="utf-8")),
        ("rapport.js", script),
        (grafieken.BIBLIOTHEEK, grafieken.bibliotheek()),
    ):
        entry = _schrijf(doel / naam, tekst)
        uitkomst.append({**entry, "bestand": f"{BESTANDEN_MAP}/{naam}"})
    return uitkomst


def schrijf_rapport(
    map_: Path,
    *,
    registry: Registry,
    raad: Raad,
    tabellen: dict[str, pl.DataFrame],
    vestigingen: pl.DataFrame,
    rijtelling: pl.DataFrame,
    manifest: dict,
    drempel: int,
    taal: Taal,
    processen: int = 0,
) -> dict:
    """Write every page of the report; return the manifest section that lists them.

    `processen` is the number of worker processes for the instelling pages. With 0 there is one
    per available core, once there are enough pages to pay for starting them.
    """
    ctx = Rapportcontext(registry=registry, raad=raad, taal=taal,
                         cellen=Celmaker(taal, drempel), manifest=manifest)
    omgeving = _omgeving(taal)
    algemeen = _algemeen(ctx, tabellen, drempel)
    algemeen["voet"] = Markup(omgeving.get_template("voet.html.j2").render(**algemeen))
    laatste = laatste_jaren(tabellen["doorstromers"])

    # Pages of instellingen that left the data since the last run must not linger. The folder is
    # emptied before the helpers start, because they write into it.
    instelling_map = map_ / INSTELLING_MAP
    if instelling_map.exists():
        shutil.rmtree(instelling_map)
    instelling_map.mkdir()
    opdracht = _Paginaopdracht(map_=map_, tabellen=tabellen, vestigingen=vestigingen, ctx=ctx,
                               laatste=laatste, algemeen=algemeen)
    # The helpers start before this process builds its own view of the instellingen and the
    # overview page, so that their start-up overlaps that work.
    with _Helpers(opdracht, _aantal_helpers(processen, tabellen)) as helpers:
        instellingen = Instellingen(tabellen, vestigingen, ctx, laatste)
        bestanden = _schrijf_bestanden(map_)
        overzichtpagina = omgeving.get_template("overzicht.html.j2").render(
            **algemeen, basis="", pagina=overzicht(tabellen, ctx),
            aantal_instellingen=len(instellingen),
            advies_aan=raad.advies_positie is not None,
            rijtelling=rijtelling.sort("tabel").to_dicts(),
        )
        bestanden.append(_schrijf(map_ / OVERZICHT, overzichtpagina))
        per_brin = helpers.schrijf_mee(instellingen)
    paginas = [per_brin[brin][0] for brin in instellingen.brins]
    indexrijen = [per_brin[brin][1] for brin in instellingen.brins]

    index = omgeving.get_template("instellingen.html.j2").render(
        **algemeen, basis="", rijen=indexrijen,
        kolommen=[(definitie, schooljaar(jaar)) for definitie, jaar in sorted(laatste.items())],
    )
    bestanden.append(_schrijf(map_ / INDEX, index))
    return {
        "taal": taal.code,
        "bestanden": bestanden,
        "instellingspaginas": {
            "map": f"{INSTELLING_MAP}/",
            "bestanden": len(paginas),
            "sha256": sha256_van_delen(paginas),
        },
    }


@dataclass(frozen=True)
class _Paginaopdracht:
    """Inputs for a worker process that builds and writes instelling pages on its own."""

    map_: Path
    tabellen: dict[str, pl.DataFrame]
    vestigingen: pl.DataFrame
    ctx: Rapportcontext
    laatste: dict[str, int]
    algemeen: dict


def _aantal_helpers(processen: int, tabellen: dict[str, pl.DataFrame]) -> int:
    """Return the number of helper processes besides this one for the instelling pages.

    With `processen` 0 there is one process per core, once there are enough pages to pay for
    starting them. The pages are not known yet, so their number is estimated by the brins that
    have doorstromers rows.
    """
    if processen == 0:
        brins = tabellen["doorstromers"].get_column("brin").drop_nulls().n_unique()
        processen = min(len(os.sched_getaffinity(0)), brins // PAGINAS_PER_PROCES)
    return max(processen - 1, 0)


class _Helpers:
    """Helper processes that write instelling pages beside this process.

    The pages are independent and rendering them is pure Python, so with thousands of
    instellingen they are shared over processes: this process and helpers started with spawn,
    because Polars' thread pool is not safe to fork. Each process claims the next block of pages
    from a shared counter, so all finish within a block of each other.
    """

    def __init__(self, opdracht: _Paginaopdracht, aantal: int):
        context = multiprocessing.get_context("spawn")
        self.opdracht = opdracht
        self.teller = context.Value("i", 0)
        self.pool = None
        self.uitkomsten = []
        if aantal:
            self.pool = ProcessPoolExecutor(
                max_workers=aantal, mp_context=context,
                initializer=_zet_teller, initargs=(self.teller,),
            )
            self.uitkomsten = [self.pool.submit(_schrijf_blokken, opdracht) for _ in range(aantal)]

    def __enter__(self) -> _Helpers:
        return self

    def __exit__(self, *fout) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def schrijf_mee(self, instellingen: Instellingen) -> dict[str, tuple[dict, dict]]:
        """Write pages in this process until none is left, then return every brin's entries."""
        per_brin = _schrijf_blokken(self.opdracht, self.teller, instellingen)
        for uitkomst in self.uitkomsten:
            per_brin.update(uitkomst.result())
        return per_brin


# The shared block counter of a helper process, set when the helper starts.
_TELLER = None


def _zet_teller(teller) -> None:
    global _TELLER
    _TELLER = teller


def _schrijf_blokken(
    opdracht: _Paginaopdracht, teller=None, instellingen: Instellingen | None = None
) -> dict[str, tuple[dict, dict]]:
    """Write blocks of pages until none is left; return each brin's manifest entry and index row.

    A helper process builds its own view of the instellingen and uses the counter it was
    started with. Every process cuts the same sorted brins into the same blocks.
    """
    teller = teller if teller is not None else _TELLER
    if instellingen is None:
        instellingen = Instellingen(opdracht.tabellen, opdracht.vestigingen, opdracht.ctx,
                                    opdracht.laatste)
    brins = instellingen.brins
    blokken = [brins[i:i + BLOK] for i in range(0, len(brins), BLOK)]
    sjabloon = _omgeving(opdracht.ctx.taal).get_template("instelling.html.j2")
    advies_aan = opdracht.ctx.raad.advies_positie is not None
    uitkomst = {}
    while True:
        with teller.get_lock():
            nummer = teller.value
            teller.value += 1
        if nummer >= len(blokken):
            return uitkomst
        for brin in blokken[nummer]:
            pagina = instellingen.pagina(brin)
            html = sjabloon.render(**opdracht.algemeen, basis="../", pagina=pagina,
                                   advies_aan=advies_aan)
            entry = _schrijf(opdracht.map_ / pagina["bestand"], html)
            uitkomst[brin] = ({**entry, "bestand": pagina["bestand"]},
                              instellingen.indexrij(pagina))
