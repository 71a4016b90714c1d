"""Registry lookups as small Polars frames, so transforms can join them instead of mapping rows."""

from __future__ import annotations

import polars as pl

from pipelines.registry import Registry


def onderwijssoorten(registry: Registry) -> pl.DataFrame:
    """Tabulate the onderwijssoorten: sector, CBS priority, rank in the sector, vo level interval."""
    rijen = []
    for code, soort in registry.onderwijssoorten.items():
        laag, hoog = soort.niveau if soort.niveau else (None, None)
        rijen.append({
            "onderwijssoort": code,
            "onderwijssector": soort.sector,
            "prioriteit": registry.sectoren[soort.sector].prioriteit,
            "rang": soort.rang,
            "niveau_laag": laag,
            "niveau_hoog": hoog,
        })
    return pl.DataFrame(rijen, schema={
        "onderwijssoort": pl.String,
        "onderwijssector": pl.String,
        "prioriteit": pl.Int32,
        "rang": pl.Int32,
        "niveau_laag": pl.Int32,
        "niveau_hoog": pl.Int32,
    })


def adviezen(registry: Registry) -> pl.DataFrame:
    """Tabulate the advice codes: label and level interval (empty for 0 geen and 5 vso)."""
    rijen = []
    for code, advies in registry.adviezen.items():
        laag, hoog = advies.niveau if advies.niveau else (None, None)
        rijen.append({"advies": code, "advies_label": advies.label,
                      "advies_laag": laag, "advies_hoog": hoog})
    return pl.DataFrame(rijen, schema={
        "advies": pl.Int64,
        "advies_label": pl.String,
        "advies_laag": pl.Int32,
        "advies_hoog": pl.Int32,
    })
