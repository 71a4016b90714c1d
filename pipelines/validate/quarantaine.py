"""Split a raw table into rows that meet the contract and quarantined rows with a Dutch reason."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import polars as pl
from pandera.errors import SchemaErrors

from pipelines.load.bestanden import BESTAND, REGEL
from pipelines.sleutels import mogelijk_herhaald, persoon_sleutel
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


# Rows validated at a time: a national extract's 38 million rows in about ten parts.
DEELGROOTTE = 4_000_000


class Validatie:
    """Validate a raw table part by part: typed rows that pass, one quarantine row per failure.

    `bronnen` are the table's files in order, as lazy frames with one schema. `geldige_delen`
    yields the typed rows that pass, at most `deelgrootte` rows of one file at a time, so a
    national table is never in memory whole. Once it has run to the end, `quarantaine` and the
    counts are set.
    """

    def __init__(
        self,
        bronnen: Sequence[pl.LazyFrame],
        schema: Schema,
        deelgrootte: int = DEELGROOTTE,
        controle: Callable[[pl.DataFrame], None] | None = None,
    ):
        self.bronnen = list(bronnen)
        self.schema = schema
        self.deelgrootte = deelgrootte
        # Called on each raw part before any of its rows is yielded. It raises to stop the run.
        self.controle = controle
        self.rijen_gelezen = 0
        self.rijen_gebruikt = 0
        self.rijen_in_quarantaine = 0
        self.quarantaine = pl.DataFrame(schema=QUARANTAINE_SCHEMA)

    def geldige_delen(self) -> Iterator[pl.DataFrame]:
        uniek = self.schema.contract.uniek
        # Repeated keys are found over the whole table first, on one hash per row. The parts
        # then only compare the few rows that share a hash with another.
        verdacht = mogelijk_herhaald(pl.concat(self.bronnen), uniek).arg_true().cast(pl.UInt32)
        gezien = None
        quarantaine = []
        for deel in self._delen():
            fouten = _waardefouten(deel, self.schema)
            afgekeurd = (
                fouten.get_column(RIJ).unique() if fouten.height else pl.Series(RIJ, [], pl.UInt32)
            )
            kandidaten = deel.filter(~pl.col(RIJ).is_in(afgekeurd.implode()))
            if gezien is None:
                gezien = kandidaten.select(uniek).clear()
            geldig, dubbel, gezien = _splits_dubbele(kandidaten, uniek, verdacht, gezien)

            self.rijen_gebruikt += geldig.height
            self.rijen_in_quarantaine += afgekeurd.len() + dubbel.height
            quarantaine.append(self._quarantaine(deel, fouten, dubbel))
            yield _naar_contracttypes(geldig, self.schema)
        self.quarantaine = pl.concat(quarantaine).sort("bestand", "regel", "kolom")

    def _delen(self) -> Iterator[pl.DataFrame]:
        """Yield each file in slices of at most `deelgrootte` rows, numbered across the table.

        A slice never spans two files. Slicing one Parquet scan reads only the row groups it
        needs, while slices of all files together made a national validation twice as slow.
        """
        for bron in self.bronnen:
            begin = 0
            while True:
                deel = bron.slice(begin, self.deelgrootte).collect()
                if self.controle is not None:
                    self.controle(deel)
                if deel.height:
                    yield self._genummerd(deel)
                begin += deel.height
                if deel.height < self.deelgrootte:
                    break
        if self.rijen_gelezen == 0:
            # An empty table still yields one part, because later scans rely on its schema.
            yield self._genummerd(self.bronnen[0].clear().collect())

    def _genummerd(self, deel: pl.DataFrame) -> pl.DataFrame:
        genummerd = deel.with_row_index(RIJ, offset=self.rijen_gelezen)
        self.rijen_gelezen += deel.height
        return genummerd

    def _quarantaine(
        self, deel: pl.DataFrame, fouten: pl.DataFrame, dubbel: pl.DataFrame
    ) -> pl.DataFrame:
        uniek = self.schema.contract.uniek
        dubbelfouten = dubbel.select(
            RIJ,
            pl.lit(",".join(uniek)).alias("kolom"),
            pl.lit(None, dtype=pl.String).alias("waarde"),
            pl.lit(f"dubbele rij: dezelfde {', '.join(uniek)} als een eerdere rij").alias("reden"),
        )
        return (
            pl.concat([fouten, dubbelfouten])
            .join(deel.select(RIJ, BESTAND, REGEL), on=RIJ, how="left")
            .select(
                pl.lit(self.schema.contract.tabel).alias("tabel"),
                pl.col(BESTAND).alias("bestand"),
                pl.col(REGEL).alias("regel"),
                "kolom",
                "waarde",
                "reden",
            )
            .cast(QUARANTAINE_SCHEMA)
        )


def _splits_dubbele(
    kandidaten: pl.DataFrame, uniek: list[str], verdacht: pl.Series, gezien: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Split a part's rows into first occurrences and repeats of a key, in file order.

    `verdacht` holds the row numbers whose key hash occurs more than once in the whole table;
    `gezien` the keys of such rows in earlier parts. Returns the kept rows, the repeats and
    `gezien` with this part's keys added.
    """
    verdachte = kandidaten.filter(pl.col(RIJ).is_in(verdacht.implode()))
    if verdachte.height == 0:
        return kandidaten, kandidaten.clear(), gezien
    eerder = verdachte.join(gezien, on=uniek, how="semi", nulls_equal=True)
    binnen = verdachte.filter(~pl.struct(uniek).is_first_distinct())
    herhaling = pl.concat([eerder.get_column(RIJ), binnen.get_column(RIJ)]).unique()
    is_herhaling = pl.col(RIJ).is_in(herhaling.implode())
    gezien = pl.concat([gezien, verdachte.select(uniek)]).unique()
    return kandidaten.filter(~is_herhaling), kandidaten.filter(is_herhaling), gezien


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
        # pandera numbers the rows of the part from 0, so the part's first row number is added.
        (pl.col("index") + frame.get_column(RIJ).min()).cast(pl.UInt32).alias(RIJ),
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
    sleutel = [persoon_sleutel()] if "persoon_id" in schema.contract.kolommen else []
    return geldig.select(*casts, *sleutel, *extra)
