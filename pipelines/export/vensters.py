"""The Vensters VO feed files: suppressed rows as `;`-separated UTF-8 CSV and as Parquet."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from pipelines.export.bestanden import schrijf_parquet, sha256
from pipelines.export.onderdrukking import onderdruk
from pipelines.transform.vensters import RIJ

BESTAND = "vensters_vo"
SCHEIDINGSTEKEN = ";"
DECIMALEN = 4

# Output contract of the feed, in column order; LEESMIJ.md documents the same header.
FEED = {
    **RIJ,
    "waarde": pl.Float64,
    "gemiddelde_3_jaar": pl.Float64,
    "onderdrukt": pl.Boolean,
}


def publiceerbaar(rijen: pl.DataFrame, drempel: int) -> pl.DataFrame:
    """Suppress small counts, and every value or average computed from one.

    A teller or noemer from 1 to drempel - 1 is emptied together with the row's waarde and
    average. An average is also emptied when any year it sums has such a count
    (`kleinste_bronaantal`), because the row's own counts and the other years' published values
    would give the small count back. `onderdrukt` is true on every row where something was emptied.
    """
    # TODO: no secondary suppression yet. Within one vestiging and year, a suppressed teller of
    # advies_onder/op/boven or of a doorstroom destination follows from the noemer and the others.
    frame = onderdruk(rijen, ["teller", "noemer"], ["waarde", "gemiddelde_3_jaar"], drempel)
    if drempel > 1:
        klein = pl.col("kleinste_bronaantal").is_between(1, drempel - 1).fill_null(False)
        frame = frame.with_columns(
            (pl.col("onderdrukt") | (klein & pl.col("gemiddelde_3_jaar").is_not_null()))
            .alias("onderdrukt"),
            pl.when(klein).then(None).otherwise(pl.col("gemiddelde_3_jaar"))
            .alias("gemiddelde_3_jaar"),
        )
    return (
        frame.with_columns(pl.col("waarde", "gemiddelde_3_jaar").round(DECIMALEN))
        .select(list(FEED))
        .cast(FEED)
    )


def schrijf(feed: pl.DataFrame, map_: Path, leesmij: str) -> list[dict]:
    """Write the CSV, the Parquet file and LEESMIJ.md; return their manifest entries."""
    map_.mkdir(parents=True, exist_ok=True)
    csv = map_ / f"{BESTAND}.csv"
    # No byte order mark, so the first field of the header reads exactly "brin".
    feed.write_csv(csv, separator=SCHEIDINGSTEKEN, null_value="", include_bom=False)
    uitvoer = [{"bestand": csv.name, "rijen": feed.height, "sha256": sha256(csv)}]
    uitvoer.append(schrijf_parquet(feed, map_ / f"{BESTAND}.parquet"))
    leesmij_pad = map_ / "LEESMIJ.md"
    leesmij_pad.write_text(leesmij, encoding="utf-8")
    uitvoer.append({"bestand": leesmij_pad.name, "rijen": None, "sha256": sha256(leesmij_pad)})
    return uitvoer
