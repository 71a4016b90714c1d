"""Validation in parts gives the same rows and quarantine as validating the table at once."""

from __future__ import annotations

import polars as pl
import pytest

from pipelines.load.extract import lees_tabel
from pipelines.registry import laad_registry
from pipelines.validate.contract import bouw_schema, lees_contract
from pipelines.validate.quarantaine import Validatie
from tests.conftest import DEFINITIES, inschrijving, schrijf_extract
from tests.test_invoer import FOUT, GOED

# Line 11 fails on leerweg; line 12 has the same key and is valid, so it is kept: a rejected row
# is no earlier occurrence. Line 13 repeats line 12.
ZELFDE_SLEUTEL = [
    ("p7", 2020, "10AA", "10AA00", "bao", 4, "", "xyz"),
    inschrijving("p7", 2020, "10AA00", "bao", 4),
    inschrijving("p7", 2020, "10AA00", "bao", 4),
]


@pytest.fixture(scope="module")
def ruw(tmp_path_factory):
    extract = schrijf_extract(
        tmp_path_factory.mktemp("delen") / "extract", inschrijvingen=GOED + FOUT + ZELFDE_SLEUTEL
    )
    registry = laad_registry(DEFINITIES)
    frame = lees_tabel(extract, lees_contract("inschrijvingen"), registry).frame
    return frame, bouw_schema("inschrijvingen", registry, frame.schema)


def _valideer(ruw, deelgrootte):
    frame, schema = ruw
    validatie = Validatie(frame.lazy(), schema, deelgrootte=deelgrootte)
    geldig = pl.concat(list(validatie.geldige_delen()))
    return validatie, geldig


def test_whole_table_at_once(ruw):
    validatie, geldig = _valideer(ruw, 1000)
    assert geldig.select("persoon_id", "schooljaar").rows() == [
        ("p1", 2020), ("p1", 2021), ("p2", 2020), ("p7", 2020)
    ]
    dubbel = validatie.quarantaine.filter(pl.col("reden").str.starts_with("dubbele rij"))
    assert dubbel["regel"].to_list() == [9, 13]
    assert validatie.rijen_gelezen == 12
    assert validatie.rijen_gebruikt == 4
    assert validatie.rijen_in_quarantaine == 8


@pytest.mark.parametrize("deelgrootte", [1, 2, 5])
def test_parts_give_the_same_outcome(ruw, deelgrootte):
    heel, heel_geldig = _valideer(ruw, 1000)
    delen, delen_geldig = _valideer(ruw, deelgrootte)
    assert delen_geldig.equals(heel_geldig)
    assert delen.quarantaine.equals(heel.quarantaine)
    assert (delen.rijen_gelezen, delen.rijen_gebruikt, delen.rijen_in_quarantaine) == (12, 4, 8)
