"""Read DUO's open-data count files as delivered: every field quoted, `<5` for small counts.

The layout is that of DUO's open onderwijsdata CSVs such as the schooladviezen file: `;` as
separator, doubled quotes inside names, dates as JJJJMMDD and the branch split into
INSTELLINGSCODE (brin) and a 2-digit VESTIGINGSCODE. A count of 1 to 4 is published as `<5`;
it stays suppressed here (`aantal` empty, `onderdrukt` true), never 0 or a guess.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from pipelines.errors import InvoerFout
from pipelines.load.bestanden import BESTAND, REGEL, lees_bestand

ONDERDRUKT = "<5"
# Columns of codes that look like counts (digits only) but are not.
_CODEKOLOMMEN = ("CODE", "NUMMER", "DATUM", "POSTCODE")
_TELWAARDE = r"^(\d+|<5)$"


def lees_tekst(pad: Path) -> pl.DataFrame:
    """Read a DUO CSV with every column as trimmed text and a `_regel` line number."""
    if not pad.is_file():
        raise InvoerFout(f"DUO-bestand '{pad}' niet gevonden. Controleer het pad.")
    frame, _ = lees_bestand(pad)
    return frame.drop(BESTAND)


def telkolommen(frame: pl.DataFrame) -> list[str]:
    """Columns whose every value is a count or `<5`, leaving out code columns such as GEMEENTENUMMER."""
    kandidaten = [
        k for k in frame.columns
        if k != REGEL and not any(deel in k.upper() for deel in _CODEKOLOMMEN)
    ]
    return [
        k for k in kandidaten
        if frame[k].null_count() < frame.height
        and frame[k].drop_nulls().str.contains(_TELWAARDE).all()
    ]


def lees_aantallen(pad: Path, frame: pl.DataFrame, kolommen: list[str]) -> pl.DataFrame:
    """Turn count columns into Int64 (empty where suppressed) plus `<kolom>_onderdrukt` booleans.

    Raises InvoerFout naming file, line, column and value for anything else than digits or `<5`.
    """
    for kolom in kolommen:
        fout = frame.filter(pl.col(kolom).is_not_null() & ~pl.col(kolom).str.contains(_TELWAARDE))
        if fout.height:
            rij = fout.row(0, named=True)
            raise InvoerFout(
                f"DUO-bestand '{pad.name}', regel {rij[REGEL]}, kolom '{kolom}': waarde "
                f"'{rij[kolom]}' is geen aantal of '{ONDERDRUKT}'. Controleer of het bestand "
                "onbewerkt van DUO komt."
            )
    return frame.with_columns(
        *[(pl.col(k) == ONDERDRUKT).alias(f"{k}_onderdrukt") for k in kolommen],
        *[pl.col(k).replace(ONDERDRUKT, None).cast(pl.Int64) for k in kolommen],
    )


def lees_datums(pad: Path, frame: pl.DataFrame) -> pl.DataFrame:
    """Parse every column with DATUM in its name from JJJJMMDD to a date."""
    kolommen = [k for k in frame.columns if "DATUM" in k.upper()]
    for kolom in kolommen:
        ongeldig = frame.filter(
            pl.col(kolom).is_not_null()
            & pl.col(kolom).str.to_date("%Y%m%d", strict=False).is_null()
        )
        if ongeldig.height:
            rij = ongeldig.row(0, named=True)
            raise InvoerFout(
                f"DUO-bestand '{pad.name}', regel {rij[REGEL]}, kolom '{kolom}': '{rij[kolom]}' "
                "is geen datum in de vorm JJJJMMDD (bijv. 20241001)."
            )
    return frame.with_columns(pl.col(k).str.to_date("%Y%m%d") for k in kolommen)


def met_vestiging(frame: pl.DataFrame) -> pl.DataFrame:
    """Add `brin` and the 6-character `vestiging` from INSTELLINGSCODE and VESTIGINGSCODE."""
    brin = next((k for k in ("INSTELLINGSCODE", "BRIN NUMMER") if k in frame.columns), None)
    nummer = next((k for k in ("VESTIGINGSCODE", "VESTIGINGSNUMMER") if k in frame.columns), None)
    if brin is None or nummer is None:
        return frame
    # DUO writes the branch either as 2 digits next to the brin, or already as brin + digits.
    kort = pl.col(nummer).str.len_chars() <= 2
    return frame.with_columns(
        pl.col(brin).alias("brin"),
        pl.when(kort)
        .then(pl.col(brin) + pl.col(nummer).str.zfill(2))
        .otherwise(pl.col(nummer))
        .alias("vestiging"),
    )


def lees_telbestand(pad: Path, kolommen: list[str] | None = None) -> pl.DataFrame:
    """Read a DUO open-data count file into a long table, one row per branch and count column.

    Columns: the file's own identifying columns (dates parsed), `brin`, `vestiging`, `kenmerk`
    (the count column's name), `aantal` (Int64, empty when suppressed) and `onderdrukt`.
    `kolommen` names the count columns; by default every column holding only counts and `<5`.
    """
    frame = lees_tekst(pad)
    kolommen = telkolommen(frame) if kolommen is None else kolommen
    ontbrekend = [k for k in kolommen if k not in frame.columns]
    if ontbrekend:
        raise InvoerFout(
            f"DUO-bestand '{pad.name}' mist de kolom(men) {', '.join(ontbrekend)}. Gevonden: "
            f"{', '.join(k for k in frame.columns if k != REGEL)}."
        )
    frame = met_vestiging(lees_datums(pad, lees_aantallen(pad, frame, kolommen)))
    id_kolommen = [
        k for k in frame.columns
        if k not in kolommen and not k.endswith("_onderdrukt")
    ]
    aantallen = frame.unpivot(on=kolommen, index=id_kolommen, variable_name="kenmerk",
                              value_name="aantal")
    onderdrukt = frame.unpivot(
        on=[f"{k}_onderdrukt" for k in kolommen], index=[REGEL], variable_name="kenmerk",
        value_name="onderdrukt",
    ).with_columns(pl.col("kenmerk").str.strip_suffix("_onderdrukt"))
    return aantallen.join(onderdrukt, on=[REGEL, "kenmerk"], how="left").sort(REGEL, maintain_order=True)
