"""The HTML report in a real browser: every page loads without console errors, numbers are right.

Two runs. A hand-made MBO extract whose figures were worked out on paper checks the numbers,
the suppression marks and the English rendering. The bundled sample checks that every page of
every council opens cleanly and shows the figures of its Parquet files.

Needs Chromium (`apt-get install chromium`); the browser tests skip without it.
"""

from __future__ import annotations

import json
import multiprocessing
import re

import dagster as dg
import polars as pl
import pytest
from markupsafe import Markup

from pipelines.definitions import defs
from pipelines.registry import laad_registry
from pipelines.errors import InvoerFout
from pipelines.export import rapport
from pipelines.export.bestanden import publiceerbaar
from pipelines.export.cellen import Celmaker
from pipelines.export.rapport_landelijk import laatste_jaren
from pipelines.export.rapport_onderdelen import Rapportcontext
from pipelines.export.taal import TALEN, Taal, lees_catalogus
from pipelines.transform import raden
from pipelines.resources import PROJECT_MAP, DoorstroomResource
from tests.chromium import Chromium, vind_chromium
from tests.conftest import DEFINITIES, diploma, draai_job, inschrijving, schrijf_extract

VOORBEELD = PROJECT_MAP / "data-samples" / "extract"
MBO_A, MBO_B, HBO = "40MB00", "41MB00", "30HB00"


@pytest.fixture(scope="module")
def browser():
    if vind_chromium() is None:
        pytest.skip("Chromium niet gevonden (apt-get install chromium, of zet CHROMIUM): "
                    "de rapporttests laden de pagina's in een echte browser.")
    with Chromium() as chromium:
        yield chromium


def _extract(map_):
    """MBO, 2020 to 2021, worked out by hand.

    40MB00: 5 mbo-4 graduates, all to hbo-ba; 3 non-graduates in mbo-4, all to hbo-ba.
    41MB00: 4 mbo-4 graduates, 2 to hbo-ba and 2 not enrolled.
    Doorstromers mbo_hbo: national 7 of 9 (77,8%), 40MB 5 of 5 (100,0%), 41MB 2 of 4 (<5).
    National transitions mbo-4 -> hbo-ba: met diploma 7, zonder diploma 3 (<5), so the total
    shows as at least 8; mbo-4 -> geen inschrijving: met diploma 2 (<5).
    """
    inschrijvingen, diplomas = [], []
    for nummer in range(12):
        persoon = f"m{nummer:02d}"
        vestiging = MBO_A if nummer < 5 or nummer >= 9 else MBO_B
        inschrijvingen.append(inschrijving(persoon, 2020, vestiging, "mbo-4", 3))
        if nummer < 9:
            diplomas.append(diploma(persoon, 2020, vestiging, "mbo-4"))
        if nummer < 7 or nummer >= 9:
            inschrijvingen.append(inschrijving(persoon, 2021, HBO, "hbo-ba", 1))
    vestigingen = [(MBO_A, "40MB", "Albeda Zuid", "Rotterdam"),
                   (MBO_B, "41MB", "Graafschap Noord", "Doetinchem"),
                   (HBO, "30HB", "Hogeschool Test", "Utrecht")]
    return schrijf_extract(map_, inschrijvingen=inschrijvingen, diplomas=diplomas,
                           vestigingen=vestigingen)


def _draai(extract, uitvoer, taal: str):
    resource = DoorstroomResource(extract=str(extract), uitvoer=str(uitvoer),
                                  definities=str(DEFINITIES), min_cel=5, taal=taal)
    definitions = defs()
    dg.materialize([*definitions.assets, *definitions.asset_checks],
                   resources={"doorstroom": resource})
    return uitvoer / "mbo-raad"


@pytest.fixture(scope="module")
def handwerk(tmp_path_factory):
    extract = _extract(tmp_path_factory.mktemp("rapport") / "extract")
    return {taal: _draai(extract, tmp_path_factory.mktemp(f"uit-{taal}"), taal)
            for taal in TALEN}


@pytest.fixture(scope="module")
def voorbeeld(tmp_path_factory):
    return draai_job(VOORBEELD, tmp_path_factory.mktemp("voorbeeld"))


def _paginas(map_):
    """The report's pages in a council folder: overview, index and one per instelling."""
    return [map_ / "rapport.html", map_ / "instellingen.html",
            *sorted((map_ / "instelling").glob("*.html"))]


def _cellen(html: str, tekst: str) -> list[str]:
    """The cells of the table row whose first cells read `tekst`, as plain text."""
    for rij in re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S):
        cellen = [re.sub(r"<a class=\"noot\".*?</a>|<[^>]+>", "", c).strip()
                  for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", rij, re.S)]
        if " ".join(cellen).startswith(tekst):
            return cellen
    raise AssertionError(f"geen rij die begint met {tekst!r}")


def test_catalogue_has_every_language():
    for sleutel, teksten in lees_catalogus().items():
        assert set(teksten) == set(TALEN), sleutel


def test_unknown_language_rejected():
    with pytest.raises(InvoerFout, match="DOORSTROOM_TAAL='fr'"):
        Taal("fr")


def test_report_files_written(handwerk):
    map_ = handwerk["nl"]
    for bestand in ("rapport.html", "instellingen.html", "instelling/40MB.html",
                    "instelling/41MB.html", "rapport-bestanden/vega.js",
                    "rapport-bestanden/rapport.js", "rapport-bestanden/rapport.css"):
        assert (map_ / bestand).is_file(), bestand


def test_no_network_references(handwerk):
    for pagina in _paginas(handwerk["nl"]):
        html = pagina.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)=["']https?://""", html), pagina


def test_transition_total_with_suppressed_part(handwerk):
    html = (handwerk["nl"] / "rapport.html").read_text(encoding="utf-8")
    # 7 with a diploma and 3 (suppressed) without: the total is at least 8, never "<5".
    assert _cellen(html, "mbo-4 hbo-ba") == ["mbo-4", "hbo-ba", "7", "&lt;5", "≥ 8"]
    assert _cellen(html, "mbo-4 geen inschrijving") == [
        "mbo-4", "geen inschrijving", "&lt;5", "0", "&lt;5",
    ]


def test_instelling_page_figures(handwerk):
    a = (handwerk["nl"] / "instelling" / "40MB.html").read_text(encoding="utf-8")
    assert _cellen(a, "Hele instelling (40MB)") == ["Hele instelling (40MB)", "5", "5", "100,0%"]
    assert _cellen(a, "Landelijk") == ["Landelijk", "9", "7", "77,8%"]
    # 5 with a diploma, 3 without (suppressed): at least 6.
    assert _cellen(a, "mbo-4 hbo-ba") == ["mbo-4", "hbo-ba", "5", "&lt;5", "≥ 6"]
    b = (handwerk["nl"] / "instelling" / "41MB.html").read_text(encoding="utf-8")
    assert _cellen(b, "Hele instelling (41MB)") == ["Hele instelling (41MB)", "&lt;5", "&lt;5", "x"]
    assert 'href="../rapport.html"' in a
    assert 'href="../instellingen.html"' in a


def test_index_lists_instellingen(handwerk):
    html = (handwerk["nl"] / "instellingen.html").read_text(encoding="utf-8")
    assert _cellen(html, "40MB") == ["40MB", "Albeda Zuid", "Rotterdam", "1", "5", "100,0%"]
    assert _cellen(html, "41MB") == ["41MB", "Graafschap Noord", "Doetinchem", "1", "&lt;5", "x"]
    assert 'href="instelling/41MB.html"' in html


def test_pages_in_browser(browser, handwerk):
    for taal, map_ in handwerk.items():
        for pagina in _paginas(map_):
            geladen = browser.laad(pagina.as_uri())
            assert geladen.fouten == [], (pagina, geladen.fouten)
            assert geladen.grafieken == geladen.dom.count("data-grafiek="), pagina


def test_overview_text_per_language(browser, handwerk):
    nl = browser.laad((handwerk["nl"] / "rapport.html").as_uri()).tekst
    assert "77,8%" in nl
    assert "7 van 9 personen" in nl
    assert "aantallen van 1 tot en met 4 worden niet gepubliceerd" in nl
    en = browser.laad((handwerk["en"] / "rapport.html").as_uri()).tekst
    assert "77.8%" in en
    assert "7 of 9 persons" in en
    assert "counts from 1 to 4 are not published" in en
    assert "Overzicht" not in en
    assert "Landelijk" not in en


def test_index_search_filters(browser, handwerk):
    browser.laad((handwerk["nl"] / "instellingen.html").as_uri())
    browser.evalueer("""
        const invoer = document.getElementById('zoek');
        invoer.value = 'doetinchem';
        invoer.dispatchEvent(new Event('input'));
    """)
    browser.evalueer("new Promise(r => setTimeout(r, 200))")
    zichtbaar = browser.evalueer(
        "Array.from(document.querySelectorAll('#index tbody tr'))"
        ".filter(r => !r.hidden).map(r => r.cells[0].innerText)"
    )
    assert zichtbaar == ["41MB"]


def test_sample_pages_show_parquet_figures(browser, voorbeeld):
    pagina_telling = 0
    for raad in laad_registry(DEFINITIES).raden:
        map_ = voorbeeld.uitvoer / raad
        doorstromers = pl.read_parquet(map_ / "doorstromers.parquet")
        for pagina in _paginas(map_):
            geladen = browser.laad(pagina.as_uri())
            pagina_telling += 1
            assert geladen.fouten == [], (pagina, geladen.fouten)
            assert geladen.grafieken == geladen.dom.count("data-grafiek="), pagina

        # The overview shows each definition's latest national percentage, as 96,0%.
        overzicht = browser.laad((map_ / "rapport.html").as_uri()).tekst
        landelijk = doorstromers.filter(pl.col("niveau") == "landelijk")
        for rij in landelijk.sort("schooljaar").group_by("definitie").last().iter_rows(named=True):
            if rij["percentage"] is not None:
                assert f"{rij['percentage']:.1f}%".replace(".", ",") in overzicht, (raad, rij)
    assert pagina_telling > 30


def test_pages_from_worker_processes_match_one_process(voorbeeld, tmp_path):
    """The instelling pages written by two processes equal those written by one."""
    parallel = draai_job(VOORBEELD, tmp_path / "parallel", rapport_processen=2)
    run_id = re.compile(r"run [0-9a-f-]{36}")
    vergeleken = 0
    for raad in laad_registry(DEFINITIES).raden:
        enkel = _paginas(voorbeeld.uitvoer / raad)
        gedeeld = _paginas(parallel.uitvoer / raad)
        assert [p.name for p in gedeeld] == [p.name for p in enkel], raad
        for a, b in zip(enkel, gedeeld):
            assert run_id.sub("run", a.read_text()) == run_id.sub("run", b.read_text()), b
            vergeleken += 1
    assert vergeleken > 30


def test_helper_process_pages_equal_the_jobs(voorbeeld, tmp_path):
    """Pages written the way a helper process writes them equal the job's.

    On the small sample the job's own process writes every page before a helper has started, so
    the helper's path, which builds its own view of the instellingen, is run here directly.
    """
    registry = laad_registry(DEFINITIES)
    raad = registry.raden["vo-raad"]
    lees = lambda tabel: pl.read_parquet(voorbeeld.uitvoer / "intern" / tabel / "*.parquet")
    tabellen = publiceerbaar(
        raden.doorstroom(lees("transities"), raad),
        raden.doorstromers(lees("doorstromers").filter(pl.col("raad") == raad.map).drop("raad")),
        raden.advies_positie(lees("advies_positie"), raad),
        5,
    )
    map_ = voorbeeld.uitvoer / raad.map
    manifest = json.loads((map_ / "manifest.json").read_text(encoding="utf-8"))
    taal = Taal("nl")
    ctx = Rapportcontext(registry=registry, raad=raad, taal=taal, cellen=Celmaker(taal, 5),
                         manifest=manifest)
    algemeen = rapport._algemeen(ctx, tabellen, 5)
    algemeen["voet"] = Markup(
        rapport._omgeving(taal).get_template("voet.html.j2").render(**algemeen))
    opdracht = rapport._Paginaopdracht(
        map_=tmp_path, tabellen=tabellen, vestigingen=lees("vestigingen"), ctx=ctx,
        laatste=laatste_jaren(tabellen["doorstromers"]), algemeen=algemeen,
    )
    brins = sorted(p.stem for p in (map_ / "instelling").glob("*.html"))
    teller = multiprocessing.Value("i", 0)
    geschreven = rapport._schrijf_blokken(opdracht, teller)

    assert sorted(geschreven) == brins
    for brin in brins:
        pad = f"instelling/{brin}.html"
        assert (tmp_path / pad).read_text() == (map_ / pad).read_text(), brin
