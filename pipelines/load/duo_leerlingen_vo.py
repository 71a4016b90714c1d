"""Read DUO's count of vo pupils per vestiging, onderwijstype and leerjaar into a long table.

The file (`leerlingen-vo-per-vestiging-naar-onderwijstype-<jaar>.csv`) has one row per branch,
onderwijstype label, vmbo sector, afdeling and elementcode, with twelve count columns
`LEER- OF VERBLIJFSJAAR <n> - MAN|VROUW`. The long table has one row per non-zero count.
"""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl

from pipelines.errors import InvoerFout
from pipelines.load.bestanden import REGEL
from pipelines.load.duo_tellingen import lees_aantallen, lees_tekst, met_vestiging
from pipelines.registry import DuoOnderwijstypen

ONDERWIJSTYPE = "ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR"
_TELKOLOM = re.compile(r"^LEER- OF VERBLIJFSJAAR (\d) - (MAN|VROUW)$")
_KOLOMMEN = {
    "INSTELLINGSNAAM VESTIGING": "naam",
    "PLAATSNAAM VESTIGING": "plaats",
    "PROVINCIE VESTIGING": "provincie",
    ONDERWIJSTYPE: "onderwijstype",
    "VMBO SECTOR": "vmbo_sector",
    "AFDELING": "afdeling",
    "ELEMENTCODE": "elementcode",
    "OPLEIDINGSNAAM": "opleidingsnaam",
}


def lees_leerlingen_vo(pad: Path) -> pl.DataFrame:
    """Return (vestiging, brin, naam, plaats, provincie, onderwijstype, vmbo_sector, afdeling, elementcode,
    opleidingsnaam, leerjaar, geslacht, aantal, onderdrukt, _regel), zero counts left out.

    `_regel` is the source line; rows keep the file's order and, within a line, the column order
    (leerjaar 1 man, 1 vrouw, 2 man, ...), which the generator's rounding relies on.
    """
    frame = lees_tekst(pad)
    telkolommen = [k for k in frame.columns if _TELKOLOM.match(k)]
    ontbrekend = [k for k in [*_KOLOMMEN, "BRIN NUMMER", "VESTIGINGSNUMMER"] if k not in frame.columns]
    if ontbrekend or len(telkolommen) != 12:
        raise InvoerFout(
            f"DUO-bestand '{pad.name}' heeft niet de indeling van 'leerlingen vo per vestiging "
            f"naar onderwijstype': ontbrekend {', '.join(ontbrekend) or '-'}, "
            f"{len(telkolommen)} van de 12 aantalkolommen gevonden."
        )
    frame = met_vestiging(lees_aantallen(pad, frame, telkolommen)).rename(_KOLOMMEN)
    sleutel = ["vestiging", "brin", *_KOLOMMEN.values(), REGEL]
    delen = []
    for volgorde, kolom in enumerate(telkolommen):
        leerjaar, geslacht = _TELKOLOM.match(kolom).groups()
        delen.append(
            frame.select(
                *sleutel,
                pl.lit(int(leerjaar), dtype=pl.Int8).alias("leerjaar"),
                pl.lit(geslacht.lower()).alias("geslacht"),
                pl.col(kolom).alias("aantal"),
                pl.col(f"{kolom}_onderdrukt").alias("onderdrukt"),
                pl.lit(volgorde, dtype=pl.Int8).alias("_kolom"),
            )
        )
    lang = pl.concat(delen).filter((pl.col("aantal") != 0) | pl.col("onderdrukt"))
    return lang.sort(REGEL, "_kolom").drop("_kolom")


def met_onderwijssoort(pad: Path, lang: pl.DataFrame, typen: DuoOnderwijstypen) -> pl.DataFrame:
    """Add `onderwijssoort` and `herkomst` from definitions/duo-onderwijstypen.yaml.

    A label with its own onderwijssoort maps directly; the others (brugjaren, leerjaar 3
    havo/vwo) map by elementcode. Raises InvoerFout on a label or elementcode the YAML lacks.
    """
    labels = pl.DataFrame(
        {
            "onderwijstype": list(typen.onderwijstypen),
            "_soort_label": [t.onderwijssoort for t in typen.onderwijstypen.values()],
            "herkomst": [t.herkomst for t in typen.onderwijstypen.values()],
        },
        schema={"onderwijstype": pl.String, "_soort_label": pl.String, "herkomst": pl.String},
    )
    codes = pl.DataFrame(
        {"elementcode": list(typen.elementcodes), "_soort_code": list(typen.elementcodes.values())},
        schema={"elementcode": pl.String, "_soort_code": pl.String},
    )
    gekoppeld = lang.join(labels, on="onderwijstype", how="left").join(
        codes, on="elementcode", how="left"
    )
    onbekend_label = gekoppeld.filter(~pl.col("onderwijstype").is_in(labels["onderwijstype"].implode()))
    if onbekend_label.height:
        rij = onbekend_label.row(0, named=True)
        raise InvoerFout(
            f"DUO-bestand '{pad.name}', regel {rij[REGEL]}, kolom '{ONDERWIJSTYPE}': onbekend "
            f"onderwijstype '{rij['onderwijstype']}'. Voeg het toe aan "
            "definitions/duo-onderwijstypen.yaml onder onderwijstypen."
        )
    soort = pl.coalesce("_soort_label", "_soort_code").alias("onderwijssoort")
    gekoppeld = gekoppeld.with_columns(soort)
    onbekend_code = gekoppeld.filter(pl.col("onderwijssoort").is_null())
    if onbekend_code.height:
        rij = onbekend_code.row(0, named=True)
        raise InvoerFout(
            f"DUO-bestand '{pad.name}', regel {rij[REGEL]}, kolom 'ELEMENTCODE': elementcode "
            f"'{rij['elementcode']}' ({rij['opleidingsnaam']}) bij onderwijstype "
            f"'{rij['onderwijstype']}' heeft geen onderwijssoort. Voeg hem toe aan "
            "definitions/duo-onderwijstypen.yaml onder elementcodes."
        )
    return gekoppeld.drop("_soort_label", "_soort_code")
