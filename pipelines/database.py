"""The run's DuckDB file: write Polars frames as tables, read tables back, run files from sql/."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import duckdb
import polars as pl

SQL_MAP = Path(__file__).resolve().parents[1] / "sql"


@cache
def sql(naam: str) -> str:
    """Return the text of `sql/<naam>.sql`."""
    return (SQL_MAP / f"{naam}.sql").read_text(encoding="utf-8")


# Internal tables hold persoon_id, so they stay out of the council folders that get published.
TABELLEN_MAP = "intern"

def _database_bestand(con: duckdb.DuckDBPyConnection) -> Path:
    # DuckDB 2 keeps a result open until it is fetched to the end, so fetch all rows.
    ((pad,),) = con.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchall()
    return Path(pad)


def schrijf(
    con: duckdb.DuckDBPyConnection, tabel: str, frame: pl.DataFrame | pl.LazyFrame
) -> None:
    """Store `tabel` as one Parquet part beside the database and as a view on it in DuckDB.

    The table is replaced as a whole, so a rerun of an asset leaves no rows of the previous run.
    Parquet instead of a DuckDB table because writing and scanning it is several times faster
    for the tens of millions of text rows of a national extract, and a lazy scan reads only the
    columns a transform uses.
    """
    schrijf_delen(con, tabel, [frame])


def schrijf_delen(
    con: duckdb.DuckDBPyConnection, tabel: str, delen: Iterable[pl.DataFrame | pl.LazyFrame]
) -> int:
    """Store `tabel` from parts computed one after another, e.g. one per school year.

    Each part becomes its own Parquet file in `intern/<tabel>/`, so only one part is in memory
    at a time. A scan of the table reads them as one. Returns the number of rows written.

    A lazy part streams into its file. For a table read from large files that was about three
    times faster than collecting it first, because on a machine where fresh memory is slow to hand
    out, the 9 GB a national extract takes in memory cost more than the reading and writing.
    """
    map_ = _database_bestand(con).parent / TABELLEN_MAP / tabel
    if map_.exists():
        shutil.rmtree(map_)
    map_.mkdir(parents=True)
    rijen = 0
    try:
        for nummer, deel in enumerate(delen):
            pad = map_ / f"deel-{nummer:04d}.parquet"
            if isinstance(deel, pl.LazyFrame):
                deel.sink_parquet(pad, compression="zstd", compression_level=1)
                rijen += pl.scan_parquet(pad).select(pl.len()).collect().item()
            else:
                deel.write_parquet(pad, compression="zstd", compression_level=1)
                rijen += deel.height
    except BaseException:
        # A part that fails (a damaged file, a BSN-like id) leaves no half table behind.
        shutil.rmtree(map_)
        raise
    if not any(map_.iterdir()):
        # An empty frame still carries the schema that later scans rely on.
        raise ValueError(f"schrijf_delen kreeg geen enkel deel voor {tabel}")

    soorten = con.execute(
        "SELECT table_type FROM information_schema.tables WHERE table_name = ?", [tabel]
    ).fetchall()
    if ("BASE TABLE",) in soorten:
        con.execute(f'DROP TABLE "{tabel}"')
    # A view cannot take a query parameter, so the path is written in as an escaped literal.
    letterlijk = str((map_ / "*.parquet").resolve()).replace("'", "''")
    con.execute(f"CREATE OR REPLACE VIEW \"{tabel}\" AS SELECT * FROM read_parquet('{letterlijk}')")
    return rijen


def lees(con: duckdb.DuckDBPyConnection, tabel: str) -> pl.DataFrame:
    """Return the whole of `tabel`; for large tables prefer `scan`."""
    return scan(con, tabel).collect()


def scan(con: duckdb.DuckDBPyConnection, tabel: str) -> pl.LazyFrame:
    """Return `tabel` as a lazy frame, so a transform reads only the columns and rows it uses.

    A table written by `schrijf` is scanned from its Parquet files directly; others (the small
    bookkeeping tables) come from DuckDB.
    """
    map_ = _database_bestand(con).parent / TABELLEN_MAP / tabel
    if map_.is_dir():
        return pl.scan_parquet(map_ / "*.parquet")
    return con.sql(f'SELECT * FROM "{tabel}"').pl().lazy()


def vervang_rijen(
    con: duckdb.DuckDBPyConnection, doel: str, tabel: str, frame: pl.DataFrame, schema: dict
) -> None:
    """Delete the rows of one extract table from `doel`, then insert the new ones.

    Several assets share `doel` (one per extract table), so each replaces only its own rows.
    """
    con.register("_leeg", pl.DataFrame(schema=schema).to_arrow())
    con.execute(f'CREATE TABLE IF NOT EXISTS "{doel}" AS SELECT * FROM _leeg')
    con.unregister("_leeg")
    con.execute(f'DELETE FROM "{doel}" WHERE tabel = ?', [tabel])
    con.register("_nieuw", frame.cast(schema).to_arrow())
    try:
        con.execute(f'INSERT INTO "{doel}" SELECT * FROM _nieuw')
    finally:
        con.unregister("_nieuw")
