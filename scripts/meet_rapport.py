"""Measure the HTML report of a large council: page weight, job time and render time in Chromium.

Generates a fictitious primary-school extract with about 6,000 vestigingen (PO-Raad size),
runs the whole job on it and loads the overview, the index and a sample of instelling pages in
headless Chromium. Every name, brin and person is made up; the rates are arbitrary.

    python scripts/meet_rapport.py --map /tmp/meting [--vestigingen 6000] [--taal nl]

Prints a Markdown table; docs/rapport-meting.md keeps a measured result.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROJECT_MAP = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_MAP))

JAREN = range(2019, 2024)  # cohort 2019 reaches vo leerjaar 3 in 2022, inside the extract
PER_GROEP = 3  # pupils per groep per vestiging in the first year: 24 per vestiging
WISSEL = 0.04  # chance per year that a pupil in groep 1-7 moves to another school
ADVIEZEN = [(10, "pro"), (15, "vmbo-b"), (30, "vmbo-k"), (50, "vmbo-g"), (65, "vmbo-t"),
            (70, "havo"), (75, "havo/vwo"), (80, "vwo")]
VO_SOORTEN = {"pro": "pro", "vmbo-b": "vmbo-b", "vmbo-k": "vmbo-k", "vmbo-g": "vmbo-g",
              "vmbo-t": "vmbo-t", "havo": "havo", "havo/vwo": "havo/vwo", "vwo": "vwo"}
WOORDEN = ["Regenboog", "Klimop", "Vlinder", "Horizon", "Kompas", "Zonnebloem", "Wilg", "Eik",
           "Linde", "Ster", "Toermalijn", "Meander", "Duin", "Polder", "Akker", "Beek"]
GEMEENTEN = [f"{voor}{achter}" for voor in ("Eik", "Wil", "Hoog", "Laag", "Noord", "Zuid",
                                            "Oost", "West", "Groen", "Berg")
             for achter in ("dorp", "dam", "veen", "broek", "horst", "wijk", "hoven", "rade")]


def _brins(aantal: int, rng: random.Random) -> list[str]:
    tekens = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"
    gezien: set[str] = set()
    while len(gezien) < aantal:
        gezien.add(f"{rng.randrange(100):02d}{rng.choice(tekens)}{rng.choice(tekens)}")
    return sorted(gezien)


def genereer(map_: Path, vestigingen: int, zaad: int = 20261204) -> dict:
    """Write inschrijvingen, schooladviezen, diplomas and vestigingen; return the counts."""
    rng = random.Random(zaad)
    map_.mkdir(parents=True, exist_ok=True)

    # Most primary schools have one vestiging; about one in six has two to four.
    po: list[tuple[str, str]] = []
    brins = iter(_brins(vestigingen, rng))
    while len(po) < vestigingen:
        brin = next(brins)
        aantal = 1 if rng.random() < 0.84 else rng.randint(2, 4)
        po += [(brin, f"{brin}{i:02d}") for i in range(min(aantal, vestigingen - len(po)))]
    vo = [(b, f"{b}00") for b in _brins(vestigingen // 10, random.Random(zaad + 1))
          if b not in {p[0] for p in po}]

    lijst = [(v, b, f"Basisschool De {rng.choice(WOORDEN)} {i}", rng.choice(GEMEENTEN))
             for i, (b, v) in enumerate(po)]
    lijst += [(v, b, f"Scholengemeenschap {rng.choice(WOORDEN)} {i}", rng.choice(GEMEENTEN))
              for i, (b, v) in enumerate(vo)]

    inschrijvingen, adviezen = [], []
    nummer = 0
    for brin, vestiging in po:
        for groep in range(1, 9):
            for _ in range(PER_GROEP):
                nummer += 1
                persoon = f"s{nummer:07d}"
                school = (brin, vestiging)
                advies = None
                vo_school = rng.choice(vo)
                for jaar in JAREN:
                    g = groep + (jaar - JAREN[0])
                    if g <= 8:
                        if g < 8 and jaar > JAREN[0] and rng.random() < WISSEL:
                            school = rng.choice(po)
                        inschrijvingen.append((persoon, jaar, *school, "bao", g, "", ""))
                        if g == 8:
                            advies = rng.choice(ADVIEZEN)
                            adviezen.append((persoon, jaar, *school, advies[0], "eerste"))
                    elif advies is not None and g - 8 <= 3:
                        soort = VO_SOORTEN[advies[1]]
                        if g - 8 == 3 and rng.random() < 0.25:
                            # A quarter ends up one level above or below the advice.
                            soort = rng.choice(["vmbo-k", "vmbo-t", "havo", "vwo"])
                        inschrijvingen.append((persoon, jaar, *vo_school, soort, g - 8, "", ""))

    with (map_ / "inschrijvingen.csv").open("w", newline="", encoding="utf-8") as f:
        schrijver = csv.writer(f)
        schrijver.writerow(["persoon_id", "schooljaar", "brin", "vestiging", "onderwijssoort",
                            "leerjaar", "opleidingscode", "leerweg"])
        schrijver.writerows(inschrijvingen)
    with (map_ / "schooladviezen.csv").open("w", newline="", encoding="utf-8") as f:
        schrijver = csv.writer(f)
        schrijver.writerow(["persoon_id", "schooljaar", "brin", "vestiging", "advies",
                            "advies_soort"])
        schrijver.writerows(adviezen)
    with (map_ / "diplomas.csv").open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerow(["persoon_id", "schooljaar", "brin", "vestiging",
                                "onderwijssoort", "opleidingscode"])
    with (map_ / "vestigingen.csv").open("w", newline="", encoding="utf-8") as f:
        schrijver = csv.writer(f)
        schrijver.writerow(["vestiging", "brin", "naam", "gemeente"])
        schrijver.writerows(lijst)
    return {"po_vestigingen": len(po), "po_brins": len({b for b, _ in po}),
            "inschrijvingen": len(inschrijvingen), "schooladviezen": len(adviezen)}


def draai(extract: Path, uitvoer: Path, taal: str) -> tuple[float, float]:
    """Run the job; return its duration and that of the PO-Raad publish step, in seconds."""
    import dagster as dg

    from pipelines.definitions import defs
    from pipelines.resources import PROJECT_MAP as PROJECT
    from pipelines.resources import DoorstroomResource

    resource = DoorstroomResource(extract=str(extract), uitvoer=str(uitvoer),
                                  definities=str(PROJECT / "definitions"), taal=taal)
    definitions = defs()
    instance = dg.DagsterInstance.ephemeral()
    begin = time.perf_counter()
    resultaat = dg.materialize([*definitions.assets, *definitions.asset_checks],
                               resources={"doorstroom": resource}, instance=instance)
    duur = time.perf_counter() - begin
    momenten = {}
    for entry in instance.all_logs(resultaat.run_id):
        if entry.step_key == "uitvoer_po_raad" and entry.dagster_event is not None:
            momenten[entry.dagster_event.event_type_value] = entry.timestamp
    return duur, momenten["STEP_SUCCESS"] - momenten["STEP_START"]


# First contentful paint: when the page first shows text, before the charts are drawn.
EERSTE_VERF = """
  (performance.getEntriesByName('first-contentful-paint')[0] || {startTime: null}).startTime
"""


def _kb(pad: Path) -> float:
    return pad.stat().st_size / 1024


def meet(map_: Path, steekproef: int, zaad: int) -> dict:
    from tests.chromium import Chromium

    instellingen = sorted((map_ / "instelling").glob("*.html"))
    groottes = sorted(_kb(p) for p in instellingen)
    gekozen = random.Random(zaad).sample(instellingen, min(steekproef, len(instellingen)))
    uitkomst = {
        "instellingspaginas": len(instellingen),
        "rapport.html kB": _kb(map_ / "rapport.html"),
        "instellingen.html kB": _kb(map_ / "instellingen.html"),
        "instelling mediaan kB": statistics.median(groottes),
        "instelling max kB": groottes[-1],
        "vega.js kB": _kb(map_ / "rapport-bestanden" / "vega.js"),
        "map totaal MB": sum(p.stat().st_size for p in map_.rglob("*") if p.is_file()) / 2**20,
    }
    with Chromium() as browser:
        eerste = browser.laad((map_ / "rapport.html").as_uri())
        uitkomst["rapport.html eerste keer ms"] = eerste.tekentijd_ms
        uitkomst["rapport.html ms"] = browser.laad((map_ / "rapport.html").as_uri()).tekentijd_ms
        index = browser.laad((map_ / "instellingen.html").as_uri())
        uitkomst["instellingen.html ms"] = index.tekentijd_ms
        uitkomst["instellingen.html eerste tekst ms"] = browser.evalueer(EERSTE_VERF)
        uitkomst["zoeken ms"] = browser.evalueer("""
            new Promise(klaar => {
              const invoer = document.getElementById('zoek');
              const begin = performance.now();
              invoer.value = 'regenboog eikdorp';
              invoer.dispatchEvent(new Event('input'));
              // The script waits 80 ms for more typing before it filters.
              setTimeout(() => requestAnimationFrame(
                () => klaar(performance.now() - begin - 80)), 80);
            })
        """)
        tijden, verf = [], []
        for pagina in gekozen:
            geladen = browser.laad(pagina.as_uri())
            if geladen.fouten:
                raise RuntimeError(f"{pagina}: {geladen.fouten}")
            tijden.append(geladen.tekentijd_ms)
            verf.append(browser.evalueer(EERSTE_VERF))
        tijden.sort()
        uitkomst["instelling eerste tekst mediaan ms"] = statistics.median(verf)
        uitkomst["instelling mediaan ms"] = statistics.median(tijden)
        uitkomst["instelling p95 ms"] = tijden[int(0.95 * (len(tijden) - 1))]
        uitkomst["instelling max ms"] = tijden[-1]
    return uitkomst


def machine() -> str:
    cpu = next((r.split(":", 1)[1].strip() for r in Path("/proc/cpuinfo").read_text().splitlines()
                if r.startswith("model name")), platform.processor())
    geheugen = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    from tests.chromium import vind_chromium

    chromium = subprocess.run([vind_chromium(), "--version"], capture_output=True,
                              text=True).stdout.strip()
    return (f"{cpu}, {os.cpu_count()} CPU's, {geheugen:.0f} GB RAM; Python "
            f"{platform.python_version()}; {chromium}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--map", required=True, help="werkmap voor extract en uitvoer")
    parser.add_argument("--vestigingen", type=int, default=6000,
                        help="aantal po-vestigingen (standaard 6000)")
    parser.add_argument("--steekproef", type=int, default=100,
                        help="aantal instellingspagina's om te laden (standaard 100)")
    parser.add_argument("--taal", default="nl", choices=["nl", "en"])
    args = parser.parse_args()

    werkmap = Path(args.map)
    begin = time.perf_counter()
    tellingen = genereer(werkmap / "extract", args.vestigingen)
    genereren = time.perf_counter() - begin
    jobtijd, publiceren = draai(werkmap / "extract", werkmap / "uit", args.taal)
    uitkomst = {**tellingen, "genereren s": genereren, "job s": jobtijd,
                "publiceren PO-Raad s": publiceren,
                **meet(werkmap / "uit" / "po-raad", args.steekproef, 7)}

    print(f"Machine: {machine()}\n")
    print("| meting | waarde |\n| --- | --- |")
    for sleutel, waarde in uitkomst.items():
        tekst = f"{waarde:,.1f}" if isinstance(waarde, float) else f"{waarde:,}"
        print(f"| {sleutel} | {tekst} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
