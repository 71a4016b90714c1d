"""Vensters VO, onderbouwsnelheid and bovenbouwsucces: does a pupil in year t move up a year?

Both compare the principal vo enrolment in t with the one in t + 1, counted at the vestiging of
t. Years whose t + 1 is not in the extract are left out, because "not enrolled" cannot be
distinguished from "not yet delivered" there.
"""

from __future__ import annotations

import polars as pl

from pipelines.registry import Registry
from pipelines.sleutels import PERSOON
from pipelines.transform.vensters import aandeel, afdelingen

ONDERBOUWSNELHEID = "onderbouwsnelheid"
BOVENBOUWSUCCES = "bovenbouwsucces"


def _volgend_jaar(vo: pl.LazyFrame) -> pl.LazyFrame:
    """Return the principal vo enrolment of t + 1, keyed on t."""
    return vo.select(
        PERSOON,
        (pl.col("schooljaar") - 1).alias("schooljaar"),
        pl.col("leerjaar").alias("volgend_leerjaar"),
        pl.col("niveau_laag").alias("volgend_niveau_laag"),
    )


def _laatste_jaar(hoofd: pl.LazyFrame) -> int:
    return hoofd.select(pl.col("schooljaar").max()).collect().item()


def onderbouw_per_leerling(
    hoofd: pl.LazyFrame, vo: pl.LazyFrame, registry: Registry
) -> pl.LazyFrame:
    """Flag pupils in the onderbouw leerjaren in t as `doorgestroomd` if one leerjaar higher in t + 1.

    The level in t + 1 does not matter. A pupil who left regular vo did not move up.
    """
    instelling = registry.vensters_vo.onderbouwsnelheid
    populatie = vo.filter(
        pl.col("onderwijssoort").is_in(instelling.onderwijssoorten)
        & pl.col("leerjaar").is_in(instelling.leerjaren)
        & (pl.col("schooljaar") + 1 <= _laatste_jaar(hoofd))
    )
    return populatie.join(_volgend_jaar(vo), on=[PERSOON, "schooljaar"], how="left").with_columns(
        (pl.col("volgend_leerjaar") == pl.col("leerjaar") + 1).fill_null(False).alias("doorgestroomd")
    )


def bovenbouw_per_leerling(
    hoofd: pl.LazyFrame, vo: pl.LazyFrame, diplomas: pl.LazyFrame, registry: Registry
) -> pl.LazyFrame:
    """Flag pupils from `vanaf_leerjaar` in t, per afdeling, as `succesvol` or not.

    Successful means a diploma of the same afdeling in t, or in t + 1 one leerjaar higher at a level
    whose lower bound is not below that of t. A combined class is at its lower level, so havo/vwo
    3 to havo 4 is no move down.
    """
    instelling = registry.vensters_vo.bovenbouwsucces
    per_afdeling = afdelingen(registry.vensters_vo)
    populatie = vo.filter(
        (pl.col("leerjaar") >= instelling.vanaf_leerjaar)
        & (pl.col("schooljaar") + 1 <= _laatste_jaar(hoofd))
    ).join(per_afdeling, on="onderwijssoort", how="inner")

    geslaagd = (
        diplomas.join(per_afdeling, on="onderwijssoort", how="inner")
        .select(PERSOON, "schooljaar", "afdeling")
        .unique()
        .with_columns(pl.lit(True).alias("diploma"))
    )
    hoger = (pl.col("volgend_leerjaar") == pl.col("leerjaar") + 1) & (
        pl.col("volgend_niveau_laag") >= pl.col("niveau_laag")
    )
    return (
        populatie.join(_volgend_jaar(vo), on=[PERSOON, "schooljaar"], how="left")
        .join(geslaagd, on=[PERSOON, "schooljaar", "afdeling"], how="left")
        .with_columns((pl.col("diploma").fill_null(False) | hoger.fill_null(False)).alias("succesvol"))
    )


def tel_onderbouwsnelheid(per_leerling: pl.LazyFrame) -> pl.DataFrame:
    return aandeel(per_leerling, ONDERBOUWSNELHEID, "doorgestroomd", per_afdeling=False)


def tel_bovenbouwsucces(per_leerling: pl.LazyFrame) -> pl.DataFrame:
    return aandeel(per_leerling, BOVENBOUWSUCCES, "succesvol", per_afdeling=True)
