"""The HO programme register Croho.asc: per institution and CROHO code the onderdeel (HO sector).

Croho.asc keys on instelling and opleiding, and the same CROHO code can fall in a different
onderdeel at another institution (51 codes in the 2023 delivery), because DUO assigns the
onderdeel of the programme's current equivalent.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from pipelines.errors import InvoerFout
from pipelines.load.eencijferho.decodeertabellen import lees_vaste_breedte
from pipelines.load.eencijferho.indeling import Indeling, Veld, lees_bestandsbeschrijving
from pipelines.registry import CrohoDefinitie, Registry

CROHO_BESCHRIJVING = "Bestandsbeschrijving_Croho.txt"
# croho_onderdeel is the onderdeel's name ("economie"), the value a council's `sectoren.op:
# croho_onderdeel` lists; onderdeel_code is DUO's one-character code ("6").
CROHO_KOLOMMEN = {
    "brin": pl.String,
    "opleidingscode": pl.String,
    "onderdeel_code": pl.String,
    "croho_onderdeel": pl.String,
    "naam_opleiding": pl.String,
    "soort_ho": pl.String,
    "type_ho": pl.String,
}


def croho_indeling(layout_map: Path, definitie: CrohoDefinitie, definitiebestand: Path) -> Indeling:
    """Return the layout of Croho.asc: DUO's description in the layout folder, else the YAML one."""
    beschrijving = layout_map / CROHO_BESCHRIJVING
    if beschrijving.is_file():
        indelingen = lees_bestandsbeschrijving(beschrijving)
        if len(indelingen) != 1:
            raise InvoerFout(
                f"'{beschrijving}' beschrijft {len(indelingen)} bestanden; verwacht alleen "
                f"{definitie.bestand}. Gebruik de bestandsbeschrijving uit de 1cijferHO-levering."
            )
        return indelingen[0]
    velden = tuple(Veld(veld.naam, veld.start, veld.lengte, 0) for veld in definitie.indeling)
    return Indeling("croho.indeling", definitiebestand, velden)


def lees_croho(layout_map: Path, registry: Registry) -> pl.DataFrame:
    """Read Croho.asc as one row per institution and CROHO code, with onderdeel code and name."""
    if registry.eencijferho is None:
        raise InvoerFout(
            f"Croho.asc lezen vraagt {registry.folder / 'eencijferho.yaml'}, en dat bestand "
            "ontbreekt. Herstel het uit de repository."
        )
    definitie = registry.eencijferho.croho
    indeling = croho_indeling(layout_map, definitie, registry.folder / "eencijferho.yaml")
    namen = definitie.velden.model_dump()
    ruw = lees_vaste_breedte(layout_map / definitie.bestand, indeling, list(namen.values()))
    croho = ruw.select(
        pl.col(indeling.veld(namen["brin"]).naam).alias("brin"),
        pl.col(indeling.veld(namen["opleidingscode"]).naam).alias("opleidingscode"),
        pl.col(indeling.veld(namen["onderdeel"]).naam).alias("onderdeel_code"),
        pl.col(indeling.veld(namen["naam"]).naam).alias("naam_opleiding"),
        pl.col(indeling.veld(namen["soort_ho"]).naam).str.to_lowercase().alias("soort_ho"),
        pl.col(indeling.veld(namen["type_ho"]).naam).str.to_lowercase().alias("type_ho"),
    )
    onderdeelnaam = pl.col("onderdeel_code").replace_strict(
        definitie.onderdelen, default=None, return_dtype=pl.String
    )
    return (
        croho.with_columns(onderdeelnaam.alias("croho_onderdeel"))
        .unique(["brin", "opleidingscode"], keep="first", maintain_order=True)
        .select(list(CROHO_KOLOMMEN))
    )


def voeg_croho_onderdeel_toe(frame: pl.DataFrame, croho: pl.DataFrame) -> pl.DataFrame:
    """Add `croho_onderdeel` (the onderdeel's name) to rows with `brin` and `opleidingscode`.

    The institution's own Croho.asc entry decides. Without one, the code's onderdeel counts
    when every institution that offers it agrees; otherwise the onderdeel stays empty.
    """
    eigen = croho.select("brin", "opleidingscode", pl.col("croho_onderdeel").alias("_eigen"))
    eenduidig = (
        croho.group_by("opleidingscode")
        .agg(pl.col("croho_onderdeel").unique().alias("_onderdelen"))
        .filter(pl.col("_onderdelen").list.len() == 1)
        .select("opleidingscode", pl.col("_onderdelen").list.first().alias("_landelijk"))
    )
    return (
        frame.join(eigen, on=["brin", "opleidingscode"], how="left", maintain_order="left")
        .join(eenduidig, on="opleidingscode", how="left", maintain_order="left")
        .with_columns(pl.coalesce("_eigen", "_landelijk").alias("croho_onderdeel"))
        .drop("_eigen", "_landelijk")
    )
