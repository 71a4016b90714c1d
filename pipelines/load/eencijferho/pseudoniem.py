"""Pseudonymise 1cijferHO person numbers on load with a keyed hash (HMAC-SHA256).

A person number in DUO's deliveries can be a BSN or onderwijsnummer behind leading zeros (DUO's
description of the vakken file calls it "BSN voorafgegaan door 000"). An unkeyed hash of it could be
reversed by hashing all 10^9 nine-digit candidates; the secret key prevents that. The same key
gives the same persoon_id in every run and every delivery.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Mapping
from pathlib import Path

import polars as pl

from pipelines.errors import InvoerFout

SLEUTEL_VARIABELE = "DOORSTROOM_PSEUDONIEM_SLEUTEL"
MINIMALE_SLEUTELLENGTE = 16
# 16 hex characters = 64 bits: for 10 million persons the chance of any collision is about
# 10^14 / 2^65, roughly 3 in a million.
_HEX_TEKENS = 16
VOORVOEGSEL = "H"


class Pseudonimiseerder:
    """Map person numbers to `H` + the first 16 hex characters of HMAC-SHA256(key, number)."""

    def __init__(self, sleutel: bytes) -> None:
        self._basis = hmac.new(sleutel, digestmod=hashlib.sha256)

    def pseudoniem(self, nummer: str) -> str:
        digest = self._basis.copy()
        digest.update(nummer.encode("utf-8"))
        return VOORVOEGSEL + digest.hexdigest()[:_HEX_TEKENS]

    def vervang_kolom(
        self, frame: pl.DataFrame, kolom: str, doel: str = "persoon_id"
    ) -> pl.DataFrame:
        """Replace column `kolom` by its pseudonyms in column `doel`; empty stays empty."""
        # A file lists each person in several rows, so hash each distinct number once.
        nummers = frame.get_column(kolom).drop_nulls().unique().to_list()
        tabel = {nummer: self.pseudoniem(nummer) for nummer in nummers}
        pseudoniemen = pl.col(kolom).replace_strict(tabel, default=None, return_dtype=pl.String)
        return frame.with_columns(pseudoniemen.alias(doel)).drop(kolom)


def pseudonimiseerder_uit_omgeving(
    bestand: Path, omgeving: Mapping[str, str] = os.environ
) -> Pseudonimiseerder:
    """Build the pseudonymiser from DOORSTROOM_PSEUDONIEM_SLEUTEL; stop when it is missing or short.

    `bestand` is the 1cijferHO file that needs the key, named in the error message.
    """
    sleutel = omgeving.get(SLEUTEL_VARIABELE, "")
    maak_sleutel = 'python -c "import secrets; print(secrets.token_hex(32))"'
    if not sleutel:
        raise InvoerFout(
            f"De omgevingsvariabele {SLEUTEL_VARIABELE} ontbreekt. Het 1cijferHO-bestand "
            f"'{bestand.name}' bevat persoonsnummers, die bij het laden gepseudonimiseerd worden "
            f"met een geheime sleutel. Zet {SLEUTEL_VARIABELE} op een geheime reeks van minstens "
            f"{MINIMALE_SLEUTELLENGTE} tekens (bijvoorbeeld de uitvoer van {maak_sleutel}), bewaar "
            "hem buiten de repository en gebruik bij elke levering dezelfde sleutel; met een "
            "andere sleutel zijn personen niet over leveringen heen te volgen."
        )
    if len(sleutel) < MINIMALE_SLEUTELLENGTE:
        raise InvoerFout(
            f"De omgevingsvariabele {SLEUTEL_VARIABELE} is {len(sleutel)} tekens lang; de "
            f"pseudonimisering van '{bestand.name}' vraagt minstens {MINIMALE_SLEUTELLENGTE} "
            f"tekens. Kies een langere geheime sleutel, bijvoorbeeld de uitvoer van {maak_sleutel}."
        )
    return Pseudonimiseerder(sleutel.encode("utf-8"))
