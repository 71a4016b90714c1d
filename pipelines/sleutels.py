"""Find rows whose key occurs more than once, fast enough for tens of millions of rows."""

from __future__ import annotations

import polars as pl

# Odd multiplier that mixes each column's hash into the running one (wrapping UInt64 arithmetic).
_MENG = 0x9E3779B97F4A7C15


def sleutelhash(kolommen: list[str]) -> pl.Expr:
    """Hash the columns together into one 64-bit value, column by column.

    Not `pl.struct(kolommen).hash()`: a struct over columns with different chunk layouts (a row
    index has one chunk, a scanned Parquet column hundreds) is first copied into one chunk, which
    took 16 s instead of 0.5 s on 38 million rows.
    """
    uitkomst = pl.col(kolommen[0]).hash(seed=0)
    for zaad, kolom in enumerate(kolommen[1:], start=1):
        uitkomst = (uitkomst * _MENG) ^ pl.col(kolom).hash(seed=zaad)
    return uitkomst


def mogelijk_herhaald(frame: pl.DataFrame | pl.LazyFrame, kolommen: list[str]) -> pl.Series:
    """Mark every row whose key occurs more than once, plus the rare rows sharing only a hash.

    Sorting one 64-bit hash per row is about ten times faster than counting per key with a window
    on text columns. No repeated key is missed; callers compare the marked rows exactly.
    """
    hashes = frame.lazy().select(sleutelhash(kolommen)).collect().to_series()
    gesorteerd = hashes.sort()
    # Compare neighbours directly: diff() on UInt64 goes through Int64 and loses hashes >= 2**63.
    dubbel = gesorteerd.filter(gesorteerd == gesorteerd.shift(1)).unique()
    return hashes.is_in(dubbel.implode())
