"""Read DUO's hbo enrolment counts (JSON, one object per institution, programme, form and sex).

Each object contains the counts per year as keys "2020" ... "2024", with `"<5"` for 1 to 4, and
the institution as INSTELLINGSCODE ACTUEEL (its brin) plus INSTELLINGSNAAM ACTUEEL.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import polars as pl

from pipelines.errors import InvoerFout
from pipelines.load.duo_tellingen import ONDERDRUKT

_JAAR = re.compile(r"^\d{4}$")
_VELDEN = {
    "INSTELLINGSCODE ACTUEEL": "brin",
    "INSTELLINGSNAAM ACTUEEL": "instellingsnaam",
    "PROVINCIE": "provincie",
    "GEMEENTENAAM": "gemeente",
    "OPLEIDINGSCODE ACTUEEL": "opleidingscode",
    "OPLEIDINGSNAAM ACTUEEL": "opleidingsnaam",
    "ONDERDEEL": "onderdeel",
    "TYPE HOGER ONDERWIJS": "type",
    "OPLEIDINGSVORM": "vorm",
    "GESLACHT": "geslacht",
}


def lees_ingeschrevenen_hbo(pad: Path) -> pl.DataFrame:
    """Return one row per object and year: jaar, brin, instellingsnaam, provincie, gemeente, opleidingscode
    (CROHO, as text), opleidingsnaam, onderdeel, type, vorm, geslacht, aantal, onderdrukt, object.

    `vorm` drops DUO's trailing " onderwijs" (voltijd, deeltijd, duaal); `object` is the
    position of the object in the JSON list, counted from 1.
    """
    try:
        objecten = json.loads(pad.read_text(encoding="utf-8"))
    except json.JSONDecodeError as fout:
        raise InvoerFout(f"DUO-bestand '{pad.name}' is geen geldige JSON: {fout}.") from fout
    if not isinstance(objecten, list):
        raise InvoerFout(f"DUO-bestand '{pad.name}' is geen JSON-lijst van objecten.")

    rijen = []
    for nummer, obj in enumerate(objecten, start=1):
        ontbrekend = [v for v in _VELDEN if v not in obj]
        if ontbrekend:
            raise InvoerFout(
                f"DUO-bestand '{pad.name}', object {nummer}: veld(en) {', '.join(ontbrekend)} "
                "ontbreken."
            )
        vast = {doel: obj[bron] for bron, doel in _VELDEN.items()}
        vast["opleidingscode"] = str(vast["opleidingscode"])
        vast["vorm"] = vast["vorm"].removesuffix(" onderwijs")
        for sleutel, waarde in obj.items():
            if not _JAAR.match(sleutel):
                continue
            onderdrukt = waarde == ONDERDRUKT
            if not onderdrukt and not (isinstance(waarde, int) and waarde >= 0):
                raise InvoerFout(
                    f"DUO-bestand '{pad.name}', object {nummer}, jaar {sleutel}: '{waarde}' is "
                    f"geen aantal of '{ONDERDRUKT}'."
                )
            rijen.append({**vast, "jaar": int(sleutel), "aantal": None if onderdrukt else waarde,
                          "onderdrukt": onderdrukt, "object": nummer})
    schema = {
        "jaar": pl.Int16, "brin": pl.String, "instellingsnaam": pl.String, "provincie": pl.String,
        "gemeente": pl.String,
        "opleidingscode": pl.String, "opleidingsnaam": pl.String, "onderdeel": pl.String,
        "type": pl.String, "vorm": pl.String, "geslacht": pl.String, "aantal": pl.Int64,
        "onderdrukt": pl.Boolean, "object": pl.Int32,
    }
    return pl.DataFrame(rijen, schema=schema).select(list(schema))
