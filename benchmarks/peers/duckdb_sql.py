"""Peer: the national transition matrix as one hand-written DuckDB query over the extract's Parquet.

Usage: python benchmarks/peers/duckdb_sql.py EXTRACT_FOLDER OUTPUT.parquet
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from pipelines.registry import laad_registry
from pipelines.resources import PROJECT_MAP
from pipelines.transform.referentie import onderwijssoorten

SQL = Path(__file__).with_name("transities.sql")


def bereken(extract: Path, uitvoer: Path) -> int:
    soorten = onderwijssoorten(laad_registry(PROJECT_MAP / "definitions")).to_arrow()
    con = duckdb.connect()
    con.register("soorten", soorten)
    # A view cannot take a prepared parameter, so each table is registered as a relation.
    for tabel in ("inschrijvingen", "diplomas"):
        con.register(tabel, con.read_parquet(str(extract / f"{tabel}*.parquet")))
    resultaat = con.sql(SQL.read_text(encoding="utf-8"))
    resultaat.write_parquet(str(uitvoer))
    return con.execute("SELECT count(*) FROM read_parquet(?)", [str(uitvoer)]).fetchone()[0]


if __name__ == "__main__":
    print(bereken(Path(sys.argv[1]), Path(sys.argv[2])))
