"""Measure the main job and its peers as whole processes: wall time and peak RSS of the process tree.

Every command runs `--herhalingen` times, each in a fresh process. The script prints the median
and the spread (min to max) of each, and the ratios between them, all measured in this one run.

    python benchmarks/meet.py --extract FOLDER [--extract FOLDER2 ...] [--herhalingen 3]

Each FOLDER is an extract of Parquet files in the input contract (the national generator writes
them). With several folders (e.g. 1/8, 1/4, 1/2 and full scale) it also fits time and memory
against the number of enrolment rows.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import polars as pl
import psutil

PROJECT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
DG = str(Path(sys.executable).with_name("dg"))
_STAP = re.compile(r'Finished execution of step "([^"]+)" in ([0-9.]+)(ms|s)')


def meet_proces(commando: list[str], omgeving: dict[str, str]) -> dict:
    """Run one command; sample the summed RSS of it and all its descendants every 50 ms."""
    # The log goes to a file: a pipe that is not read during the run could fill up and block it.
    with tempfile.TemporaryFile(mode="w+") as log:
        start = time.perf_counter()
        proces = subprocess.Popen(
            commando, cwd=PROJECT, env=omgeving, stdout=log, stderr=subprocess.STDOUT, text=True
        )
        hoofd = psutil.Process(proces.pid)
        piek = 0
        while proces.poll() is None:
            try:
                boom = [hoofd, *hoofd.children(recursive=True)]
                piek = max(piek, sum(_rss(p) for p in boom))
            except psutil.NoSuchProcess:
                pass
            time.sleep(0.05)
        duur = time.perf_counter() - start
        log.seek(0)
        tekst = log.read()
    if proces.returncode != 0:
        raise RuntimeError(f"{' '.join(commando)} faalde:\n{tekst[-4000:]}")
    return {"seconden": duur, "piek_rss_mb": piek / 2**20, "log": tekst}


def _rss(proces: psutil.Process) -> int:
    try:
        return proces.memory_info().rss
    except psutil.NoSuchProcess:
        return 0


def stapduur(log: str) -> dict[str, float]:
    """Seconds per Dagster step, read from the run's log lines."""
    duren = {}
    for stap, getal, eenheid in _STAP.findall(log):
        duren[stap] = float(getal) / (1000 if eenheid == "ms" else 1)
    return duren


def commando_s(extract: Path, werkmap: Path) -> dict[str, tuple[list[str], dict[str, str]]]:
    omgeving = {**os.environ, "PYTHONPATH": str(PROJECT)}
    job = {**omgeving, "DOORSTROOM_EXTRACT": str(extract),
           "DOORSTROOM_UITVOER": str(werkmap / "job")}
    peers = PROJECT / "benchmarks" / "peers"
    return {
        "job (dg launch)": ([DG, "launch", "--job", "doorstroommonitor"], job),
        "pipeline transities": (
            [PYTHON, str(peers / "pipeline_direct.py"), str(extract), str(werkmap / "pt"),
             "--alleen-transities"], omgeving),
        "duckdb sql transities": (
            [PYTHON, str(peers / "duckdb_sql.py"), str(extract), str(werkmap / "sql.parquet")],
            omgeving),
        "pipeline transities+advies": (
            [PYTHON, str(peers / "pipeline_direct.py"), str(extract), str(werkmap / "pa")],
            omgeving),
        "pandas transities+advies": (
            [PYTHON, str(peers / "pandas_impl.py"), str(extract), str(werkmap / "pandas")],
            omgeving),
    }


def samenvatting(metingen: list[dict], sleutel: str) -> dict:
    waarden = [m[sleutel] for m in metingen]
    return {"mediaan": statistics.median(waarden), "min": min(waarden), "max": max(waarden)}


def meet_extract(extract: Path, herhalingen: int, overslaan: set[str]) -> dict:
    rijen = pl.scan_parquet(extract / "inschrijvingen*.parquet").select(pl.len()).collect().item()
    resultaten = {}
    with tempfile.TemporaryDirectory() as tijdelijk:
        for naam, (commando, omgeving) in commando_s(extract, Path(tijdelijk)).items():
            if naam in overslaan:
                continue
            metingen = [meet_proces(commando, omgeving) for _ in range(herhalingen)]
            resultaat = {
                "seconden": samenvatting(metingen, "seconden"),
                "piek_rss_mb": samenvatting(metingen, "piek_rss_mb"),
            }
            if naam.startswith("job"):
                stappen = stapduur(metingen[-1]["log"])
                resultaat["stappen_seconden"] = stappen
                resultaat["dagster_overhead_seconden"] = (
                    metingen[-1]["seconden"] - sum(stappen.values())
                )
            resultaten[naam] = resultaat
            print(f"{extract.name} {naam}: {resultaat['seconden']['mediaan']:.2f} s "
                  f"({resultaat['seconden']['min']:.2f}-{resultaat['seconden']['max']:.2f}), "
                  f"piek {resultaat['piek_rss_mb']['mediaan']:.0f} MB", flush=True)
    return {"extract": str(extract), "inschrijvingen": rijen, "resultaten": resultaten}


def verhoudingen(resultaten: dict) -> dict:
    def mediaan(naam):
        return resultaten[naam]["seconden"]["mediaan"] if naam in resultaten else None

    paren = {
        "pipeline / duckdb sql (transities)": ("pipeline transities", "duckdb sql transities"),
        "pandas / pipeline (transities+advies)": ("pandas transities+advies",
                                                   "pipeline transities+advies"),
    }
    uitkomst = {}
    for label, (teller, noemer) in paren.items():
        if mediaan(teller) and mediaan(noemer):
            uitkomst[label] = mediaan(teller) / mediaan(noemer)
    return uitkomst


def lineaire_fit(punten: list[tuple[float, float]]) -> dict:
    """Least-squares line y = a + b x with R², for time or memory against enrolment rows."""
    xs, ys = zip(*punten)
    helling, snijpunt = statistics.linear_regression(xs, ys)
    gemiddelde = statistics.fmean(ys)
    totaal = sum((y - gemiddelde) ** 2 for y in ys)
    rest = sum((y - (snijpunt + helling * x)) ** 2 for x, y in punten)
    return {"snijpunt": snijpunt, "helling_per_miljoen_rijen": helling * 1e6,
            "r2": 1 - rest / totaal if totaal else 1.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extract", type=Path, action="append", required=True,
                        help="map met een extract in Parquet; mag vaker")
    parser.add_argument("--herhalingen", type=int, default=3, help="runs per commando")
    parser.add_argument("--overslaan", action="append", default=[],
                        help="commando's die niet draaien, bijv. 'pandas transities+advies'")
    parser.add_argument("--resultaat", type=Path, help="JSON-bestand voor de metingen")
    argumenten = parser.parse_args()

    metingen = [meet_extract(e, argumenten.herhalingen, set(argumenten.overslaan))
                for e in argumenten.extract]
    for meting in metingen:
        meting["verhoudingen"] = verhoudingen(meting["resultaten"])
        print(f"{Path(meting['extract']).name}: {json.dumps(meting['verhoudingen'])}")

    fits = {}
    if len(metingen) > 1:
        for naam in metingen[0]["resultaten"]:
            for grootheid in ("seconden", "piek_rss_mb"):
                punten = [(m["inschrijvingen"], m["resultaten"][naam][grootheid]["mediaan"])
                          for m in metingen if naam in m["resultaten"]]
                if len(punten) > 1:
                    fits[f"{naam} {grootheid}"] = lineaire_fit(punten)
        print(json.dumps(fits, indent=2))

    verslag = {
        "datum": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "cpu": os.cpu_count(),
                    "geheugen_gb": round(psutil.virtual_memory().total / 2**30, 1)},
        "commando": " ".join(sys.argv),
        "metingen": metingen,
        "schaalfit": fits,
    }
    if argumenten.resultaat:
        argumenten.resultaat.write_text(json.dumps(verslag, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
