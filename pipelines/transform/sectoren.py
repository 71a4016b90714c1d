"""A council's sector of origin: its own mapping of onderwijssoort or opleidingscode to sectors."""

from __future__ import annotations

import polars as pl

from pipelines.registry import Raad

OVERIG = "overig"


def sector(raad: Raad) -> pl.Expr:
    """Sector label by the council's `sectoren.indeling`; codes it does not list become `overig`."""
    kolom = raad.sectoren.op
    labels = {
        code: groep.label for groep in raad.sectoren.indeling.values() for code in groep.codes
    }
    return pl.col(kolom).replace_strict(labels, default=OVERIG, return_dtype=pl.String)
