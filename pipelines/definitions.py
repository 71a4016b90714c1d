"""Dagster code location: everything under `pipelines/defs/`."""

from functools import cache
from pathlib import Path

import dagster as dg


@dg.definitions
def defs() -> dg.Definitions:
    return _uit_defs_map()


# `dg launch` asks for the definitions six times in one run. Loading the folder again took about
# 0.35 s each time, so it is loaded once per process; `dg dev` reloads in a new process.
@cache
def _uit_defs_map() -> dg.Definitions:
    return dg.load_from_defs_folder(path_within_project=Path(__file__).parent)
