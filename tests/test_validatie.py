"""Work done in parts gives the outcome of one pass: validation, principal enrolments.

The parts keep a national extract out of memory as a whole; these tests pin down that the
parts change nothing in what comes out.
"""

from __future__ import annotations

import polars as pl
import pytest

from pipelines.errors import InvoerFout
from pipelines.load.extract import lees_tabel
from pipelines.registry import laad_registry
from pipelines.resources import PROJECT_MAP, DoorstroomResource
from pipelines.transform.hoofdinschrijving import hoofdinschrijvingen, hoofdinschrijvingen_per_jaar
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
    frame = lees_tabel(extract, lees_contract("inschrijvingen"), registry).frame.collect()
    return frame, bouw_schema("inschrijvingen", registry, frame.schema)


def _valideer(ruw, deelgrootte):
    frame, schema = ruw
    validatie = Validatie([frame.lazy()], schema, deelgrootte=deelgrootte)
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


@pytest.mark.parametrize("splitsing", [1, 8, 11])
@pytest.mark.parametrize("deelgrootte", [2, 1000])
def test_files_give_the_same_outcome(ruw, splitsing, deelgrootte):
    """Rows spread over two files validate as in one file, also a key repeated across them."""
    frame, schema = ruw
    heel, heel_geldig = _valideer(ruw, 1000)
    bronnen = [frame.head(splitsing).lazy(), frame.slice(splitsing).lazy()]
    validatie = Validatie(bronnen, schema, deelgrootte=deelgrootte)
    geldig = pl.concat(list(validatie.geldige_delen()))
    assert geldig.equals(heel_geldig)
    assert validatie.quarantaine.equals(heel.quarantaine)
    assert validatie.rijen_gelezen == 12
    assert validatie.rijen_gebruikt == 4


def test_empty_files_give_one_empty_part(ruw):
    frame, schema = ruw
    validatie = Validatie([frame.clear().lazy(), frame.clear().lazy()], schema)
    delen = list(validatie.geldige_delen())
    assert [deel.height for deel in delen] == [0]
    assert "persoon_sleutel" in delen[0].columns
    assert validatie.rijen_gelezen == 0
    assert validatie.rijen_in_quarantaine == 0


def test_principal_enrolments_per_year_equal_one_pass():
    """The principal enrolments chosen per school year are those of one pass over the sample."""
    registry = laad_registry(DEFINITIES)
    ruw = lees_tabel(
        PROJECT_MAP / "data-samples" / "extract", lees_contract("inschrijvingen"), registry
    ).frame.collect()
    validatie = Validatie([ruw.lazy()], bouw_schema("inschrijvingen", registry, ruw.schema))
    inschrijvingen = pl.concat(list(validatie.geldige_delen())).lazy()

    delen = list(hoofdinschrijvingen_per_jaar(inschrijvingen, registry))
    geheel = hoofdinschrijvingen(inschrijvingen, registry).collect()
    assert len(delen) == inschrijvingen.select(pl.col("schooljaar").n_unique()).collect().item()
    assert pl.concat(delen).sort(pl.all()).equals(geheel.sort(pl.all()))
    # The sample has persons with two enrolments in one year, so a choice is made.
    meervoudig = inschrijvingen.group_by("persoon_id", "schooljaar").len().filter(pl.col("len") > 1)
    assert meervoudig.collect().height > 0


def test_invalid_report_process_count_rejected(monkeypatch):
    monkeypatch.setenv("DOORSTROOM_RAPPORT_PROCESSEN", "twee")
    with pytest.raises(InvoerFout, match="DOORSTROOM_RAPPORT_PROCESSEN='twee'"):
        DoorstroomResource.uit_omgeving()
