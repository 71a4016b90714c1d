"""Dagster code location: everything under `pipelines/defs/`."""

from functools import cache
from pathlib import Path

import dagster as dg


@dg.definitions
def defs() -> dg.Definitions:
    return _uit_defs_map()


# Dagster calls `defs` six times in one `dg launch`, and walking the folder again took about
# 0.35 s each time. The modules in it are imported once per process anyway, so keeping the first
# result changes nothing that a later call could have seen.
@cache
def _uit_defs_map() -> dg.Definitions:
    return dg.load_from_defs_folder(path_within_project=Path(__file__).parent)
