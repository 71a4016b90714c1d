"""Read the Inspectie's vo supervision data (toezichtkaarten, 2012): advice against position.

Per vo branch the file gives, for pupils with groep-8 advice vmbo-b (`bl`), vmbo-k (`kl`),
vmbo-(g)t (`gt`), havo (`ha`) and vwo (`vw`), the percentage at each position in leerjaar 3:
`pop` at the advised level, `pbov`/`phbov` below it (one level, half a level), `phond`/`pond`
above it (half a level, one or more levels). `llns` ("3396 leerlingen") counts the whole brin.
"""

from __future__ import annotations

import io
from pathlib import Path

import polars as pl

from pipelines.errors import InvoerFout
from pipelines.load.bestanden import REGEL, decodeer

ADVIESGROEPEN = ("bl", "kl", "gt", "ha", "vw")
CATEGORIEEN = ("pbov", "phbov", "pop", "phond", "pond")
# The openstate description of this file lists `hapbov` twice; the second one is `hapop`,
# the only havo column missing from the list.
_DUBBELE_KOLOM = {"hapbov": "hapop"}


def _kop(pad: Path, regel: str) -> list[str]:
    namen: list[str] = []
    for naam in (deel.strip() for deel in regel.split(";")):
        if naam in namen:
            vervanging = _DUBBELE_KOLOM.get(naam)
            if vervanging is None or vervanging in namen:
                raise InvoerFout(
                    f"Inspectiebestand '{pad.name}': kolom '{naam}' staat twee keer in de kop. "
                    "Controleer de kopregel."
                )
            naam = vervanging
        namen.append(naam)
    return namen


def lees_toezichtkaarten(pad: Path) -> pl.DataFrame:
    """Return one row per branch, advice group and position category with a percentage.

    Columns: vestiging, brin, llns_brin (pupils of the whole brin), adviesgroep, categorie,
    percentage (Float64), _regel. Empty cells (a space in the file) are left out.
    """
    tekst, _ = decodeer(pad, pad.read_bytes())
    regels = tekst.splitlines()
    if not regels:
        raise InvoerFout(f"Inspectiebestand '{pad.name}' is leeg.")
    kop = _kop(pad, regels[0])
    frame = pl.read_csv(
        io.StringIO("\n".join(regels[1:])),
        separator=";",
        has_header=False,
        new_columns=kop,
        infer_schema=False,
        row_index_name=REGEL,
        row_index_offset=2,
    )
    kolommen = [f"{g}{c}" for g in ADVIESGROEPEN for c in CATEGORIEEN if f"{g}{c}" in frame.columns]
    for nodig in ("brin", "vestnr", "llns"):
        if nodig not in frame.columns:
            raise InvoerFout(f"Inspectiebestand '{pad.name}' mist kolom '{nodig}'.")

    llns = pl.col("llns").str.extract(r"(\d+)").cast(pl.Int64)
    frame = frame.select(
        REGEL,
        pl.col("brin").str.strip_chars(),
        (pl.col("brin").str.strip_chars() + pl.col("vestnr").str.strip_chars().str.zfill(2))
        .alias("vestiging"),
        llns.alias("llns_brin"),
        *[pl.col(k).str.strip_chars().replace("", None) for k in kolommen],
    )
    lang = frame.unpivot(on=kolommen, index=[REGEL, "brin", "vestiging", "llns_brin"],
                         variable_name="kolom", value_name="waarde").drop_nulls("waarde")
    getal = pl.col("waarde").str.replace(",", ".").cast(pl.Float64, strict=False)
    ongeldig = lang.filter(getal.is_null())
    if ongeldig.height:
        rij = ongeldig.row(0, named=True)
        raise InvoerFout(
            f"Inspectiebestand '{pad.name}', regel {rij[REGEL]}, kolom '{rij['kolom']}': "
            f"'{rij['waarde']}' is geen percentage."
        )
    return lang.select(
        "vestiging", "brin", "llns_brin",
        pl.col("kolom").str.slice(0, 2).alias("adviesgroep"),
        pl.col("kolom").str.slice(2).alias("categorie"),
        getal.alias("percentage"),
        REGEL,
    ).sort(REGEL, "adviesgroep", maintain_order=True)


def gewogen_gemiddelde(toezicht: pl.DataFrame, gewichten: pl.DataFrame) -> pl.DataFrame:
    """Mean percentage per advice group and category over branches, weighted by `gewicht`.

    `gewichten` has columns vestiging and gewicht (e.g. the branch's pupils in another year);
    only branches in both frames count, and per advice group only those with figures for it.
    """
    gekoppeld = toezicht.join(gewichten, on="vestiging", how="inner")
    return (
        gekoppeld.group_by("adviesgroep", "categorie")
        .agg(
            ((pl.col("percentage") * pl.col("gewicht")).sum() / pl.col("gewicht").sum())
            .alias("percentage"),
            pl.col("vestiging").n_unique().alias("vestigingen"),
            pl.col("gewicht").sum().alias("gewicht"),
        )
        .sort("adviesgroep", "categorie")
    )
