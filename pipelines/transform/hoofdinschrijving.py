"""Principal enrolment: one enrolment per person and school year, by the CBS priority rule."""

from __future__ import annotations

import polars as pl

from pipelines.registry import Registry
from pipelines.sleutels import mogelijk_herhaald
from pipelines.transform import referentie


def hoofdinschrijvingen(inschrijvingen: pl.LazyFrame, registry: Registry) -> pl.LazyFrame:
    """Keep one enrolment per (persoon_id, schooljaar).

    Order: sector priority (ho > mbo > vo > vavo > (v)so > po, from the registry), then the
    highest rank within the sector. Remaining ties go to the lowest vestiging code so that a
    rerun on the same extract picks the same row.
    """
    soorten = referentie.onderwijssoorten(registry).lazy()
    met_soort = inschrijvingen.join(soorten, on="onderwijssoort", how="left").collect()

    # Most persons have one enrolment a year; only the others need sorting, which is the cost.
    meervoudig = mogelijk_herhaald(met_soort, ["persoon_id", "schooljaar"])
    gekozen = (
        met_soort.filter(meervoudig)
        .sort(
            ["persoon_id", "schooljaar", "prioriteit", "rang", "vestiging", "leerjaar"],
            descending=[False, False, True, True, False, False],
        )
        .unique(subset=["persoon_id", "schooljaar"], keep="first", maintain_order=True)
    )
    return pl.concat([met_soort.filter(~meervoudig), gekozen]).lazy()
