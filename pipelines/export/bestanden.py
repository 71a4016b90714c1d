"""Write a council's tables as Parquet, suppressed, with the column types of the output contract."""

from __future__ import annotations

import hashlib
from pathlib import Path

import polars as pl

from pipelines.export.onderdrukking import onderdruk

# Output contract: column types per file, in column order.
DOORSTROOM = {
    "schooljaar": pl.Int32,
    "termijn": pl.Int32,
    "niveau": pl.String,
    "brin": pl.String,
    "vestiging": pl.String,
    "van": pl.String,
    "naar": pl.String,
    "diploma": pl.Boolean,
    "aantal": pl.Int64,
    "aandeel": pl.Float64,
    "onderdrukt": pl.Boolean,
}
DOORSTROMERS = {
    "definitie": pl.String,
    "schooljaar": pl.Int32,
    "niveau": pl.String,
    "brin": pl.String,
    "vestiging": pl.String,
    "populatie": pl.Int64,
    "doorstromers": pl.Int64,
    "percentage": pl.Float64,
    "onderdrukt": pl.Boolean,
}
ADVIES_POSITIE = {
    "cohort": pl.Int32,
    "niveau": pl.String,
    "vestiging": pl.String,
    "advies": pl.String,
    "positie": pl.String,
    "oordeel": pl.String,
    "aantal": pl.Int64,
    "onderdrukt": pl.Boolean,
}


def publiceerbaar(
    doorstroom: pl.DataFrame,
    doorstromers: pl.DataFrame,
    advies_positie: pl.DataFrame | None,
    drempel: int,
) -> dict[str, pl.DataFrame]:
    """Suppress small counts and fix column order and types; keys are the output file stems."""
    tabellen = {
        "doorstroom": onderdruk(doorstroom, ["aantal"], ["aandeel"], drempel)
        .select(list(DOORSTROOM)).cast(DOORSTROOM),
        "doorstromers": onderdruk(
            doorstromers, ["populatie", "doorstromers"], ["percentage"], drempel
        ).select(list(DOORSTROMERS)).cast(DOORSTROMERS),
    }
    if advies_positie is not None:
        tabellen["advies_positie"] = (
            onderdruk(advies_positie, ["aantal"], [], drempel)
            .select(list(ADVIES_POSITIE)).cast(ADVIES_POSITIE)
        )
    return tabellen


def schrijf_parquet(frame: pl.DataFrame, pad: Path) -> dict:
    """Write one Parquet file and return its manifest entry (rows and SHA-256)."""
    frame.write_parquet(pad, compression="zstd", statistics=True)
    return {"bestand": pad.name, "rijen": frame.height, "sha256": sha256(pad)}


def sha256(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()
