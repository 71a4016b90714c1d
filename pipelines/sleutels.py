"""Hash keys: rows whose key repeats, and the 64-bit person key the transforms join on."""

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


# The join key for a person: a 64-bit hash of persoon_id, added to every validated table that
# has a persoon_id. Joining on it instead of the text took half the time of the transitions on
# a national extract. Two persons sharing a key would be counted as one, so the job checks that
# no key has two persoon_ids (see `botsingen`).
PERSOON = "persoon_sleutel"


def persoon_sleutel() -> pl.Expr:
    """Hash persoon_id into the person key.

    The hash is the same within one Polars version, so within a run, but may change with an
    upgrade (see `sleutel_verouderd`).
    """
    return pl.col("persoon_id").hash(seed=0).alias(PERSOON)


def botsingen(tabellen: list[pl.LazyFrame]) -> pl.DataFrame:
    """Return the person keys that belong to more than one persoon_id, with two of those ids.

    Per key it compares a second hash of persoon_id (another seed) instead of the text, because
    grouping numbers is cheaper than grouping text. If the two hashes behave as independent,
    two different ids agree on both with a chance of about 2**-128.
    """
    tweede = pl.col("persoon_id").hash(seed=1)
    per_sleutel = (
        pl.concat([tabel.select(PERSOON, tweede.alias("_tweede")) for tabel in tabellen])
        .group_by(PERSOON)
        .agg(pl.col("_tweede").min().alias("_laag"), pl.col("_tweede").max().alias("_hoog"))
    )
    gedeeld = per_sleutel.filter(pl.col("_laag") != pl.col("_hoog")).select(PERSOON).collect()
    # Only for keys found above are the ids themselves looked up, to name them in a message.
    return (
        pl.concat([tabel.select(PERSOON, "persoon_id") for tabel in tabellen])
        .join(gedeeld.lazy(), on=PERSOON, how="semi")
        .group_by(PERSOON)
        .agg(
            pl.col("persoon_id").min().alias("persoon_id_1"),
            pl.col("persoon_id").max().alias("persoon_id_2"),
        )
        .collect()
    )


def sleutel_verouderd(tabel: pl.LazyFrame, steekproef: int = 10_000) -> bool:
    """Check whether the stored person keys come from another hash than the installed Polars's.

    That happens when one table is validated again after a Polars upgrade and the others are
    not: the same person then has two keys and the joins miss them. A changed hash function
    changes every key, so the first rows show it.
    """
    anders = tabel.head(steekproef).select((pl.col(PERSOON) != persoon_sleutel()).any())
    return bool(anders.collect().item())
