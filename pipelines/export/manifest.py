"""manifest.json: what went into a council's output and how, so two runs can be distinguished."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

import polars as pl

PAKKETTEN = ("doorstroommonitor", "dagster", "polars", "duckdb", "pandera", "pyarrow", "jinja2")


def versies() -> dict[str, str]:
    uitkomst = {}
    for pakket in PAKKETTEN:
        try:
            uitkomst[pakket] = metadata.version(pakket)
        except metadata.PackageNotFoundError:
            uitkomst[pakket] = "onbekend"
    return uitkomst


def bouw_manifest(
    *,
    raad: str,
    invoerbestanden: pl.DataFrame,
    rijtelling: pl.DataFrame,
    definities_hash: str,
    drempel: int,
    uitvoer: list[dict],
    run_id: str,
    tijdstip: datetime | None = None,
) -> dict:
    tijdstip = tijdstip or datetime.now(timezone.utc)
    return {
        "raad": raad,
        "run_id": run_id,
        "tijdstip": tijdstip.isoformat(timespec="seconds"),
        "onderdrukking": {
            "drempel": drempel,
            "regel": (
                f"aantallen van 1 tot en met {drempel - 1} zijn leeg met onderdrukt = true, "
                "net als elk aandeel of percentage dat ervan is afgeleid"
                if drempel > 1
                else "uit: niets is onderdrukt (alleen voor intern gebruik)"
            ),
        },
        "definities_sha256": definities_hash,
        "invoer": invoerbestanden.sort("tabel", "bestand").to_dicts(),
        "rijen": rijtelling.sort("tabel").to_dicts(),
        "uitvoer": uitvoer,
        "versies": versies(),
    }


def schrijf_manifest(manifest: dict, pad: Path) -> None:
    pad.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
