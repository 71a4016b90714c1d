"""Roll counts per vestiging up to instelling (brin) and landelijk level."""

from __future__ import annotations

import polars as pl


def rol_op(tellingen: pl.DataFrame, sleutel: list[str], sommen: list[str]) -> pl.DataFrame:
    """Stack the vestiging rows with their sums per brin and nationally, tagged by `niveau`.

    `sleutel` are the grouping columns other than brin and vestiging; `sommen` the counts.
    """
    leeg = pl.lit(None, dtype=pl.String)
    vestiging = (
        tellingen.group_by(*sleutel, "brin", "vestiging")
        .agg(pl.col(sommen).sum())
        .with_columns(pl.lit("vestiging").alias("niveau"))
    )
    instelling = (
        tellingen.group_by(*sleutel, "brin")
        .agg(pl.col(sommen).sum())
        .with_columns(pl.lit("instelling").alias("niveau"), leeg.alias("vestiging"))
    )
    landelijk = (
        tellingen.group_by(sleutel)
        .agg(pl.col(sommen).sum())
        .with_columns(pl.lit("landelijk").alias("niveau"), leeg.alias("brin"), leeg.alias("vestiging"))
    )
    kolommen = [*sleutel, "niveau", "brin", "vestiging", *sommen]
    return pl.concat([landelijk.select(kolommen), instelling.select(kolommen), vestiging.select(kolommen)])
