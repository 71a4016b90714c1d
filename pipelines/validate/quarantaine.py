"""Split a raw table into rows that meet the contract and quarantined rows with a Dutch reason."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
from pandera.errors import SchemaErrors

from pipelines.load.bestanden import BESTAND, REGEL
from pipelines.sleutels import mogelijk_herhaald
from pipelines.validate.contract import Schema

RIJ = "_rij"
QUARANTAINE_SCHEMA = {
    "tabel": pl.String,
    "bestand": pl.String,
    "regel": pl.Int64,
    "kolom": pl.String,
    "waarde": pl.String,
    "reden": pl.String,
}

_VASTE_REDENEN = {"not_nullable": "verplichte waarde ontbreekt"}


@dataclass
class Validatie:
    """Outcome for one table: typed rows that passed, and one quarantine row per failure."""

    geldig: pl.DataFrame
    quarantaine: pl.DataFrame
    rijen_gelezen: int
    rijen_in_quarantaine: int

    @property
    def rijen_gebruikt(self) -> int:
        return self.geldig.height


def valideer(ruw: pl.DataFrame, schema: Schema) -> Validatie:
    """Validate every row (pandera, lazy) and cast the rows that pass to their contract types."""
    tabel = schema.contract.tabel
    frame = ruw.with_row_index(RIJ)
    fouten = _waardefouten(frame, schema)

    afgekeurd = fouten.get_column(RIJ).unique() if fouten.height else pl.Series(RIJ, [], pl.UInt32)
    kandidaten = frame.filter(~pl.col(RIJ).is_in(afgekeurd.implode()))

    geldig, dubbel = _splits_dubbele(kandidaten, schema.contract.uniek)
    uniek = schema.contract.uniek
    dubbelfouten = dubbel.select(
        RIJ,
        pl.lit(",".join(uniek)).alias("kolom"),
        pl.lit(None, dtype=pl.String).alias("waarde"),
        pl.lit(f"dubbele rij: dezelfde {', '.join(uniek)} als een eerdere rij").alias("reden"),
    )

    alle_fouten = pl.concat([fouten, dubbelfouten])
    quarantaine = (
        alle_fouten.join(frame.select(RIJ, BESTAND, REGEL), on=RIJ, how="left")
        .select(
            pl.lit(tabel).alias("tabel"),
            pl.col(BESTAND).alias("bestand"),
            pl.col(REGEL).alias("regel"),
            "kolom",
            "waarde",
            "reden",
        )
        .sort("bestand", "regel", "kolom")
        .cast(QUARANTAINE_SCHEMA)
    )

    return Validatie(
        geldig=_naar_contracttypes(geldig, schema),
        quarantaine=quarantaine,
        rijen_gelezen=ruw.height,
        rijen_in_quarantaine=afgekeurd.len() + dubbel.height,
    )


def _splits_dubbele(frame: pl.DataFrame, uniek: list[str]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Split rows into the first of each key and the later repeats, in file order.

    Repeats are rare, so the order-dependent check only runs on rows whose key occurs twice.
    """
    verdacht = frame.filter(mogelijk_herhaald(frame, uniek))
    if verdacht.height == 0:
        return frame, frame.clear()
    herhaling = verdacht.filter(~pl.struct(uniek).is_first_distinct()).get_column(RIJ)
    is_herhaling = pl.col(RIJ).is_in(herhaling.implode())
    return frame.filter(~is_herhaling), frame.filter(is_herhaling)


def _waardefouten(frame: pl.DataFrame, schema: Schema) -> pl.DataFrame:
    leeg = pl.DataFrame(
        schema={RIJ: pl.UInt32, "kolom": pl.String, "waarde": pl.String, "reden": pl.String}
    )
    try:
        schema.schema.validate(frame.drop(RIJ), lazy=True)
        return leeg
    except SchemaErrors as fouten:
        gevallen = fouten.failure_cases

    zonder_rij = gevallen.filter(pl.col("index").is_null())
    if zonder_rij.height:
        # Only checks on whole columns lack a row; the reader guarantees columns and types.
        raise RuntimeError(f"Onverwachte contractfout zonder rij: {zonder_rij.to_dicts()}")

    redenen = [
        _VASTE_REDENEN.get(check) or schema.redenen.get((kolom, check), check)
        for kolom, check in gevallen.select("column", "check").iter_rows()
    ]
    return gevallen.select(
        pl.col("index").cast(pl.UInt32).alias(RIJ),
        pl.col("column").alias("kolom"),
        pl.col("failure_case").cast(pl.String).alias("waarde"),
        pl.Series("reden", redenen, dtype=pl.String),
    )


def _naar_contracttypes(geldig: pl.DataFrame, schema: Schema) -> pl.DataFrame:
    """Cast to the contract types; file and line stay behind, because only quarantine needs them."""
    # Every value here passed its format check, so a strict cast cannot fail.
    casts = [
        pl.col(naam).cast(kolom.polars_type, strict=True)
        for naam, kolom in schema.contract.kolommen.items()
    ]
    intern = (RIJ, BESTAND, REGEL)
    extra = [k for k in geldig.columns if k not in schema.contract.kolommen and k not in intern]
    return geldig.select(*casts, *extra)
