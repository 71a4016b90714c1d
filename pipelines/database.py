"""The run's DuckDB file: write Polars frames as tables, read tables back, run files from sql/."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import duckdb
import polars as pl

SQL_MAP = Path(__file__).resolve().parents[1] / "sql"


@cache
def sql(naam: str) -> str:
    """Return the text of `sql/<naam>.sql`."""
    return (SQL_MAP / f"{naam}.sql").read_text(encoding="utf-8")


def schrijf(con: duckdb.DuckDBPyConnection, tabel: str, frame: pl.DataFrame) -> None:
    """Replace `tabel` with the frame's rows; a rerun of an asset leaves no rows of the previous run."""
    arrow = frame.to_arrow()
    con.register("_nieuw", arrow)
    try:
        con.execute(f'CREATE OR REPLACE TABLE "{tabel}" AS SELECT * FROM _nieuw')
    finally:
        con.unregister("_nieuw")


def lees(con: duckdb.DuckDBPyConnection, tabel: str) -> pl.DataFrame:
    return con.sql(f'SELECT * FROM "{tabel}"').pl()


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
