"""Generate the synthetic sample extract that ships in data-samples/extract.

The extract has the layout of a pseudonymised DUO extract: enrolments on 1 October (one file
per school year), groep-8 school advices, diplomas and a reference list of vestigingen. Every
person, institution, name and gemeente is fictitious. Each person follows a simulated school
career from groep 1 onwards, so the transitions between sectors look plausible. The rates
are guesses for a realistic-looking sample, not DUO or CBS figures.

Regenerate with:

    python data-samples/genereer.py

The script uses only the standard library. The same options always give byte-identical files.
"""

import argparse
import csv
import dataclasses
import random
import sys
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SEED = 20261204
DEFAULT_PERSONEN = 4000
DEFAULT_EERSTE_JAAR = 2018
DEFAULT_LAATSTE_JAAR = 2024

# Persons who start groep 1 this many years before the first school year are in their
# mid-twenties by then, old enough for a master's degree after an mbo-hbo route.
BURN_IN_YEARS = 22

INSCHRIJVINGEN_COLUMNS = (
    "persoon_id",
    "schooljaar",
    "brin",
    "vestiging",
    "onderwijssoort",
    "leerjaar",
    "opleidingscode",
    "leerweg",
)
SCHOOLADVIEZEN_COLUMNS = ("persoon_id", "schooljaar", "brin", "vestiging", "advies", "advies_soort")
DIPLOMAS_COLUMNS = (
    "persoon_id",
    "schooljaar",
    "brin",
    "vestiging",
    "onderwijssoort",
    "opleidingscode",
)
VESTIGINGEN_COLUMNS = ("vestiging", "brin", "naam", "gemeente", "onderwijssector")

# Table names double as file name prefixes, because the loader finds a table's files by prefix.
TABLES = ("inschrijvingen", "schooladviezen", "diplomas", "vestigingen")

ONDERWIJSSOORTEN = (
    "bao", "sbo", "so", "vso", "pro",
    "vmbo-b", "vmbo-k", "vmbo-g", "vmbo-t", "vmbo-b/k", "vmbo-k/gt", "vmbo-gt/havo",
    "havo/vwo", "havo", "vwo", "vavo",
    "mbo-1", "mbo-2", "mbo-3", "mbo-4",
    "hbo-ad", "hbo-ba", "hbo-ma", "wo-ba", "wo-ma",
)  # fmt: skip
ADVIES_CODES = (0, 5, 10, 15, 20, 30, 35, 40, 50, 55, 60, 65, 66, 70, 75, 80)


# --- Deliberately invalid rows ---------------------------------------------------------------


@dataclass(frozen=True)
class InvalidRow:
    """A deliberately invalid row that the loader must move to quarantine.

    `column` and `value` name the single defect. All other values in `row` are valid, and the
    persoon_id occurs nowhere else in the extract, so dropping the row removes nothing else.
    """

    file: str
    column: str
    value: str
    row: dict[str, str]


INVALID_ROWS_SCHOOLJAAR = 2020

INVALID_ROWS: tuple[InvalidRow, ...] = (
    InvalidRow(
        file="inschrijvingen_2020.csv",
        column="onderwijssoort",
        value="vmbo-x",
        row={
            "persoon_id": "Pbad00001",
            "schooljaar": "2020",
            "brin": "91AB",
            "vestiging": "91AB01",
            "onderwijssoort": "vmbo-x",
            "leerjaar": "2",
            "opleidingscode": "",
            "leerweg": "",
        },
    ),
    InvalidRow(
        file="inschrijvingen_2020.csv",
        column="leerjaar",
        value="negen",
        row={
            "persoon_id": "Pbad00002",
            "schooljaar": "2020",
            "brin": "91CD",
            "vestiging": "91CD00",
            "onderwijssoort": "havo",
            "leerjaar": "negen",
            "opleidingscode": "",
            "leerweg": "",
        },
    ),
    InvalidRow(
        file="schooladviezen.csv",
        column="advies",
        value="25",
        row={
            "persoon_id": "Pbad00003",
            "schooljaar": "2020",
            "brin": "90AE",
            "vestiging": "90AE00",
            "advies": "25",
            "advies_soort": "eerste",
        },
    ),
)


# --- Institutions ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Vestiging:
    """A fictitious school branch and the onderwijssoorten it offers."""

    vestiging: str
    naam: str
    gemeente: str
    onderwijssector: str
    onderwijssoorten: tuple[str, ...]

    @property
    def brin(self) -> str:
        return self.vestiging[:4]


VMBO_SOORTEN = ("vmbo-b", "vmbo-k", "vmbo-g", "vmbo-t")
VMBO_CLASSES = ("vmbo-b/k", "vmbo-k/gt", *VMBO_SOORTEN)
MBO_SOORTEN = ("mbo-1", "mbo-2", "mbo-3", "mbo-4")
HBO_SOORTEN = ("hbo-ad", "hbo-ba", "hbo-ma")
WO_SOORTEN = ("wo-ba", "wo-ma")

VESTIGINGEN: tuple[Vestiging, ...] = (
    # Primary schools (bao), one sbo school and one school for so and vso.
    Vestiging("90AE00", "Basisschool De Eikenhoeve", "Zuidbroek-Oost", "po", ("bao",)),
    Vestiging(
        "90AE01", "Basisschool De Eikenhoeve locatie Oostkamp", "Zuidbroek-Oost", "po", ("bao",)
    ),
    Vestiging("90BK00", "Basisschool De Zeeën", "Brakenveen", "po", ("bao",)),
    Vestiging("90CL00", "CBS Het Kwakelpad", "Kwakeldam", "po", ("bao",)),
    Vestiging("90CL01", "CBS Het Kwakelpad dependance Molenwijk", "Kwakeldam", "po", ("bao",)),
    Vestiging("90DM00", "OBS De Linderhof", "Lindewaard", "po", ("bao",)),
    Vestiging("90EN00", "Kindcentrum De Zilverwilg", "Eikendaal", "po", ("bao",)),
    Vestiging("90FP00", "RKBS Sint Ansfridus", "Hoogmeerdijk", "po", ("bao",)),
    Vestiging("90GR00", "Basisschool De Kievitshoek", "Brakenveen", "po", ("bao",)),
    Vestiging(
        "90GR01", "Basisschool De Kievitshoek locatie Veenzijde", "Brakenveen", "po", ("bao",)
    ),
    Vestiging("90HS00", "Daltonschool De Vlierboom", "Eikendaal", "po", ("bao",)),
    Vestiging("90JT00", "Montessorischool Het Meerlicht", "Lindewaard", "po", ("bao",)),
    Vestiging(
        "90JT01", "Montessorischool Het Meerlicht locatie Noord", "Lindewaard", "po", ("bao",)
    ),
    Vestiging("90KV00", "OBS De Brakenhoeve", "Brakenveen", "po", ("bao",)),
    Vestiging("90SB00", "SBO De Kompasroos", "Kwakeldam", "po", ("sbo",)),
    Vestiging("90SO00", "SO De Vuurtorenwachter", "Eikendaal", "so", ("so",)),
    Vestiging("90SO01", "VSO De Vuurtorenwachter", "Eikendaal", "so", ("vso",)),
    # Secondary schools.
    Vestiging(
        "91AB00",
        "Eemdal College havo/vwo",
        "Eikendaal",
        "vo",
        ("havo/vwo", "vmbo-gt/havo", "havo", "vwo"),
    ),
    Vestiging("91AB01", "Eemdal College vmbo", "Eikendaal", "vo", VMBO_CLASSES),
    Vestiging(
        "91CD00", "Stedelijk Lyceum Brakenveen", "Brakenveen", "vo", ("havo/vwo", "havo", "vwo")
    ),
    Vestiging(
        "91EF00",
        "Scholengemeenschap De Zeven Linden",
        "Lindewaard",
        "vo",
        ("vmbo-gt/havo", "havo/vwo", "vmbo-g", "vmbo-t", "havo", "vwo"),
    ),
    Vestiging(
        "91EF01",
        "Scholengemeenschap De Zeven Linden locatie Dijkzicht",
        "Lindewaard",
        "vo",
        ("vmbo-b/k", "vmbo-k/gt", "vmbo-b", "vmbo-k"),
    ),
    Vestiging("91GH00", "Vakcollege Théo Lindeboom", "Kwakeldam", "vo", VMBO_CLASSES),
    Vestiging(
        "91JK00",
        "Oosterwold College",
        "Hoogmeerdijk",
        "vo",
        ("vmbo-k/gt", "vmbo-gt/havo", "havo/vwo", "vmbo-k", "vmbo-g", "vmbo-t", "havo", "vwo"),
    ),
    Vestiging("91PR00", "Praktijkschool De Werkplaats", "Zuidbroek-Oost", "vo", ("pro",)),
    # Mbo colleges. The vavo department has its own vestiging.
    Vestiging("92AB00", "ROC Eemdal", "Eikendaal", "mbo", MBO_SOORTEN),
    Vestiging("92AB01", "ROC Eemdal vavo", "Eikendaal", "vo", ("vavo",)),
    Vestiging("92CD00", "Lindewaard College", "Lindewaard", "mbo", MBO_SOORTEN),
    Vestiging("92CD01", "Lindewaard College locatie Kwakeldam", "Kwakeldam", "mbo", MBO_SOORTEN),
    Vestiging("92EF00", "Vakschool Brakenveen", "Brakenveen", "mbo", MBO_SOORTEN),
    # AOCs: green mbo at vestiging 00, green vmbo at vestiging 01.
    Vestiging("93AO00", "AOC Groene Delta mbo", "Hoogmeerdijk", "mbo", MBO_SOORTEN),
    Vestiging(
        "93AO01",
        "AOC Groene Delta vmbo",
        "Hoogmeerdijk",
        "vo",
        ("vmbo-b/k", "vmbo-k/gt", "vmbo-b", "vmbo-k", "vmbo-g"),
    ),
    Vestiging("94AO00", "AOC Veldzicht mbo", "Brakenveen", "mbo", MBO_SOORTEN),
    Vestiging("94AO01", "AOC Veldzicht vmbo", "Brakenveen", "vo", VMBO_CLASSES),
    # Higher education.
    Vestiging("95HA00", "Hogeschool Eemdal", "Eikendaal", "hbo", HBO_SOORTEN),
    Vestiging("95HB00", "Hogeschool Zuidbroek", "Zuidbroek-Oost", "hbo", HBO_SOORTEN),
    Vestiging(
        "95HC00", "Hogeschool voor Techniek Hoogmeerdijk", "Hoogmeerdijk", "hbo", HBO_SOORTEN
    ),
    Vestiging("96UA00", "Universiteit van Brakenveen", "Brakenveen", "wo", WO_SOORTEN),
    Vestiging("96UB00", "Technische Universiteit Lindewaard", "Lindewaard", "wo", WO_SOORTEN),
)

AOC_BRINS = ("93AO", "94AO")
VAVO_VESTIGING = "92AB01"

# Vmbo elementcodes per sector, in leerweg order: basis, kader, gemengd, theoretisch.
VMBO_CODES = {
    "techniek": ("6011", "6021", "6031", "0470"),
    "zorg_en_welzijn": ("6611", "6621", "6631", "0471"),
    "economie": ("6411", "6421", "6431", "0472"),
    "landbouw": ("6711", "6721", "6731", "0473"),
    "intersectoraal": ("6911", "6921", "6931", "0474"),
}
VMBO_CODE_INDEX = {"vmbo-b": 0, "vmbo-k": 1, "vmbo-g": 2, "vmbo-t": 3}
# AOCs teach only the green (landbouw) programmes, the other schools everything else.
VMBO_SECTORS_AOC = ("landbouw",)
VMBO_SECTORS_OTHER = ("techniek", "zorg_en_welzijn", "economie", "intersectoraal")

MBO_CODES_AOC = ("25350", "25360", "25370")
MBO_CODES_OTHER = (
    "25180", "25190", "25200",
    "25140", "25150", "25160",
    "25480", "25490", "25500",
)  # fmt: skip
HBO_CODES = (
    "34401", "34402", "34403",
    "34411", "34412",
    "34421", "34422",
    "34431", "34432", "34433",
)  # fmt: skip
WO_CODES = ("56401", "56402", "56411", "56412", "56441", "56442", "56431", "56432")


# --- Simulation rates ------------------------------------------------------------------------
# NOTE: all rates below are plausible guesses that shape the sample, not measured figures.

COHORT_START = {"bao": 0.975, "sbo": 0.015, "so": 0.01}
PO_LEAVE = 0.003
PO_REPEAT = 0.015
PO_CHANGE_SCHOOL = 0.03
BAO_TO_SBO = 0.006
BAO_TO_SO = 0.002

ADVIES_BAO = {
    0: 0.5, 10: 2.5, 15: 7, 20: 6, 30: 9, 35: 3, 40: 3, 50: 4,
    55: 3, 60: 4, 65: 12, 66: 6, 70: 12, 75: 9, 80: 18,
}  # fmt: skip
ADVIES_SBO = {5: 5, 10: 35, 15: 30, 20: 15, 30: 10, 40: 5}
ADVIES_SO_VSO = 0.7  # share of so pupils advised vso (code 5), the rest get none (code 0)
ADVIES_HERZIEN = 0.065  # applied to pupils whose code can go up, so about 5% of all pupils

# Level interval of each advice on the vo scale pro 0 ... vwo 5, as in the DUO value list.
ADVIES_LEVEL = {
    10: (0, 0), 15: (1, 1), 20: (1, 2), 30: (2, 2), 35: (2, 3), 40: (2, 3), 50: (3, 3),
    55: (3, 3), 60: (3, 4), 65: (3, 3), 66: (3, 4), 70: (4, 4), 75: (4, 5), 80: (5, 5),
}  # fmt: skip

# First-year class per advice. Combined classes are the brugklassen of leerjaar 1-2.
PLACEMENT = {
    10: {"pro": 1.0},
    15: {"vmbo-b": 0.5, "vmbo-b/k": 0.5},
    20: {"vmbo-b/k": 0.9, "vmbo-b": 0.1},
    30: {"vmbo-k": 0.4, "vmbo-b/k": 0.3, "vmbo-k/gt": 0.3},
    35: {"vmbo-k/gt": 0.8, "vmbo-k": 0.2},
    40: {"vmbo-k/gt": 0.7, "vmbo-t": 0.3},
    50: {"vmbo-k/gt": 0.5, "vmbo-g": 0.2, "vmbo-t": 0.3},
    55: {"vmbo-t": 0.5, "vmbo-k/gt": 0.3, "vmbo-gt/havo": 0.2},
    60: {"vmbo-gt/havo": 0.8, "vmbo-t": 0.2},
    65: {"vmbo-t": 0.6, "vmbo-gt/havo": 0.4},
    66: {"vmbo-gt/havo": 0.9, "vmbo-t": 0.1},
    70: {"havo": 0.4, "havo/vwo": 0.4, "vmbo-gt/havo": 0.2},
    75: {"havo/vwo": 1.0},
    80: {"vwo": 0.5, "havo/vwo": 0.5},
}
PLACEMENT_OFF_ADVICE = 0.08
# First-year classes from low to high, for a placement one step above or below the advice.
CLASS_LADDER = (
    "pro", "vmbo-b", "vmbo-b/k", "vmbo-k", "vmbo-k/gt", "vmbo-g", "vmbo-t",
    "vmbo-gt/havo", "havo", "havo/vwo", "vwo",
)  # fmt: skip
SO_TO_PRO = 0.15
SBO_VSO_ADVICE_TO_PRO = 0.4

# Level of each vo soort on the scale pro 0 ... vwo 5.
VO_LEVEL = {"pro": 0, "vmbo-b": 1, "vmbo-k": 2, "vmbo-g": 3, "vmbo-t": 3, "havo": 4, "vwo": 5}
# Soorten a combined class splits into after the brugperiode.
SPLIT = {
    "vmbo-b/k": ("vmbo-b", "vmbo-k"),
    "vmbo-k/gt": ("vmbo-k", "vmbo-g", "vmbo-t"),
    "vmbo-gt/havo": ("vmbo-g", "vmbo-t", "havo"),
    "havo/vwo": ("havo", "vwo"),
}
VMBO_T_OVER_G = 0.65
TWO_YEAR_BRUGPERIODE = 0.5
VO_REPEAT = 0.05
# Per year from leerjaar 2 on outside the exam year, which gives about 10% per vo career.
VO_LEVEL_CHANGE = 0.065
LEVEL_UP = {
    "vmbo-b": "vmbo-k",
    "vmbo-k": "vmbo-t",
    "vmbo-g": "havo",
    "vmbo-t": "havo",
    "havo": "vwo",
}
LEVEL_DOWN = {
    "vwo": "havo",
    "havo": "vmbo-t",
    "vmbo-t": "vmbo-k",
    "vmbo-g": "vmbo-k",
    "vmbo-k": "vmbo-b",
}
MAX_LEERJAAR = {
    "pro": 5, "vso": 6, "vmbo-b": 4, "vmbo-k": 4, "vmbo-g": 4, "vmbo-t": 4, "havo": 5, "vwo": 6,
}  # fmt: skip
EXAM_LEERJAAR = {"vmbo-b": 4, "vmbo-k": 4, "vmbo-g": 4, "vmbo-t": 4, "havo": 5, "vwo": 6}
EXAM_PASS = {
    "vmbo-b": 0.93, "vmbo-k": 0.93, "vmbo-g": 0.93, "vmbo-t": 0.93, "havo": 0.88, "vwo": 0.9,
}  # fmt: skip
VMBO_AT_AOC_WEIGHT = 0.35  # relative to 1.0 for every other vestiging offering the soort
VSO_EARLY_LEAVE = 0.15  # per year from leerjaar 4 on

# Next step after a diploma or at the end of a programme. "leave" means no enrolment next year.
AFTER_VMBO = {
    "vmbo-b": {"mbo-1": 0.05, "mbo-2": 0.8, "mbo-3": 0.12, "leave": 0.03},
    "vmbo-k": {"mbo-2": 0.2, "mbo-3": 0.52, "mbo-4": 0.25, "leave": 0.03},
    "vmbo-g": {"mbo-2": 0.04, "mbo-3": 0.36, "mbo-4": 0.52, "havo": 0.05, "leave": 0.03},
    "vmbo-t": {"mbo-2": 0.02, "mbo-3": 0.12, "mbo-4": 0.68, "havo": 0.15, "leave": 0.03},
}
AFTER_HAVO = {"hbo-ba": 0.72, "hbo-ad": 0.04, "vwo": 0.07, "mbo-4": 0.05, "leave": 0.12}
AFTER_VWO = {"wo-ba": 0.68, "hbo-ba": 0.2, "leave": 0.12}
AFTER_VMBO_FAIL = {"repeat": 0.6, "mbo-1": 0.15, "mbo-2": 0.1, "leave": 0.15}
AFTER_HAVO_FAIL = {"repeat": 0.45, "vavo": 0.4, "mbo-4": 0.08, "leave": 0.07}
AFTER_VWO_FAIL = {"repeat": 0.4, "havo": 0.1, "vavo": 0.4, "leave": 0.1}
AFTER_PRO = {"mbo-1": 0.35, "mbo-2": 0.1, "leave": 0.55}
AFTER_VSO = {"mbo-1": 0.2, "leave": 0.8}
# Share of vavo starters who also enrol in mbo-4 in the same year.
VAVO_WITH_MBO = 0.5
VAVO_PASS = 0.7
AFTER_VAVO = {
    "havo": {"hbo-ba": 0.85, "leave": 0.15},
    "vwo": {"wo-ba": 0.55, "hbo-ba": 0.3, "leave": 0.15},
}
AFTER_VAVO_FAIL = {"mbo-4": 0.4, "leave": 0.6}

MBO_AT_AOC_AFTER_AOC = 0.65
MBO_AT_AOC_OTHERWISE = 0.08
MBO_BBL = {"mbo-1": 0.05, "mbo-2": 0.3, "mbo-3": 0.25, "mbo-4": 0.1}
MBO_FOUR_YEARS = 0.6  # share of mbo-4 programmes that last 4 years instead of 3
MBO_DROPOUT_FIRST_YEAR = 0.1
MBO_DROPOUT_LATER = 0.05
MBO_DROPOUT_SWITCH = 0.4  # share of dropouts who start another mbo programme next year
MBO_REPEAT = 0.04
MBO_PASS = 0.85
MBO_FAIL_REPEAT = 0.6
AFTER_MBO = {
    "mbo-1": {"mbo-2": 0.55, "leave": 0.45},
    "mbo-2": {"mbo-3": 0.35, "leave": 0.65},
    "mbo-3": {"mbo-4": 0.25, "leave": 0.75},
    "mbo-4": {"hbo-ad": 0.12, "hbo-ba": 0.28, "leave": 0.6},
}

HO_DURATION = {"hbo-ad": (2,), "hbo-ba": (4,), "hbo-ma": (1, 2), "wo-ba": (3,), "wo-ma": (1, 2)}
HO_DROPOUT_FIRST_YEAR = {"hbo": 0.16, "wo": 0.12}
HO_DROPOUT_LATER = 0.04
HO_DROPOUT_SWITCH = 0.5  # share of first-year dropouts who start another bachelor next year
HO_REPEAT = 0.08
HO_PASS = {"hbo-ad": 0.75, "hbo-ba": 0.75, "hbo-ma": 0.85, "wo-ba": 0.75, "wo-ma": 0.8}
HO_FAIL_REPEAT = 0.8
AFTER_HO = {
    "hbo-ad": {"hbo-ba": 0.3, "leave": 0.7},
    "hbo-ba": {"hbo-ma": 0.1, "wo-ma": 0.2, "leave": 0.7},
    "hbo-ma": {"leave": 1.0},
    "wo-ba": {"wo-ma": 0.7, "leave": 0.3},
    "wo-ma": {"leave": 1.0},
}
# Share of vwo graduates entering a bachelor who also enrol in a bachelor of the other ho sector.
DOUBLE_BACHELOR = 0.05


# --- Persons and their enrolments ------------------------------------------------------------


@dataclass
class Enrolment:
    """One enrolment on 1 October of a school year."""

    onderwijssoort: str
    vestiging: str
    leerjaar: int
    opleidingscode: str = ""
    leerweg: str = ""
    # Mbo, ho and vavo: the leerjaar of the final year, in which a diploma can be obtained.
    final_leerjaar: int = 0

    @property
    def brin(self) -> str:
        return self.vestiging[:4]


@dataclass
class Person:
    """Simulation state of one person between two school years."""

    persoon_id: str
    enrolment: Enrolment | None
    # A second enrolment in the same school year (vavo beside mbo, or two bachelors).
    second: Enrolment | None = None
    second_last_leerjaar: int = 0
    # Latent level on the vo scale pro 0 ... vwo 5, set when the groep-8 advice is given.
    level: float = 0.0
    brugperiode: int = 1
    vmbo_sector: str = ""
    vavo_diploma: str = ""


class Extract:
    """Rows of the extract tables, collected for the school years in the extract only."""

    def __init__(self, eerste_jaar: int, laatste_jaar: int) -> None:
        self.eerste_jaar = eerste_jaar
        self.laatste_jaar = laatste_jaar
        self.inschrijvingen: dict[int, list[dict[str, str | int]]] = {
            year: [] for year in range(eerste_jaar, laatste_jaar + 1)
        }
        self.schooladviezen: list[dict[str, str | int]] = []
        self.diplomas: list[dict[str, str | int]] = []

    def covers(self, year: int) -> bool:
        return self.eerste_jaar <= year <= self.laatste_jaar

    def add_enrolment(self, year: int, persoon_id: str, enrolment: Enrolment) -> None:
        if not self.covers(year):
            return
        self.inschrijvingen[year].append(
            {
                "persoon_id": persoon_id,
                "schooljaar": year,
                "brin": enrolment.brin,
                "vestiging": enrolment.vestiging,
                "onderwijssoort": enrolment.onderwijssoort,
                "leerjaar": enrolment.leerjaar,
                "opleidingscode": enrolment.opleidingscode,
                "leerweg": enrolment.leerweg,
            }
        )

    def add_advice(
        self, year: int, persoon_id: str, vestiging: str, advies: int, advies_soort: str
    ) -> None:
        if not self.covers(year):
            return
        self.schooladviezen.append(
            {
                "persoon_id": persoon_id,
                "schooljaar": year,
                "brin": vestiging[:4],
                "vestiging": vestiging,
                "advies": advies,
                "advies_soort": advies_soort,
            }
        )

    def add_diploma(
        self, year: int, persoon_id: str, enrolment: Enrolment, onderwijssoort: str = ""
    ) -> None:
        """Record a diploma for `enrolment`.

        A given `onderwijssoort` replaces the enrolment's, because a vavo diploma is a havo or
        vwo diploma.
        """
        if not self.covers(year):
            return
        self.diplomas.append(
            {
                "persoon_id": persoon_id,
                "schooljaar": year,
                "brin": enrolment.brin,
                "vestiging": enrolment.vestiging,
                "onderwijssoort": onderwijssoort or enrolment.onderwijssoort,
                "opleidingscode": enrolment.opleidingscode,
            }
        )


def pick(rng: random.Random, weights: dict) -> object:
    """Draw one key of `weights`, with probability proportional to its value."""
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def vestigingen_offering(onderwijssoort: str) -> list[Vestiging]:
    return [v for v in VESTIGINGEN if onderwijssoort in v.onderwijssoorten]


# --- Primary education -----------------------------------------------------------------------


def start_groep_1(rng: random.Random) -> Enrolment:
    onderwijssoort = pick(rng, COHORT_START)
    vestiging = rng.choice(vestigingen_offering(onderwijssoort)).vestiging
    return Enrolment(onderwijssoort, vestiging, 1)


def advance_po(rng: random.Random, person: Person, year: int, extract: Extract) -> Enrolment | None:
    current = person.enrolment
    if current.leerjaar == 8:
        advies = give_advice(rng, person, year, extract)
        return place_in_vo(rng, person, advies)

    if rng.random() < PO_LEAVE:
        return None
    groep = current.leerjaar if rng.random() < PO_REPEAT else current.leerjaar + 1

    if current.onderwijssoort == "bao":
        draw = rng.random()
        if 3 <= current.leerjaar <= 7 and draw < BAO_TO_SBO:
            return Enrolment("sbo", vestigingen_offering("sbo")[0].vestiging, groep)
        if 3 <= current.leerjaar <= 7 and draw < BAO_TO_SBO + BAO_TO_SO:
            return Enrolment("so", vestigingen_offering("so")[0].vestiging, groep)
        if rng.random() < PO_CHANGE_SCHOOL:
            others = [v for v in vestigingen_offering("bao") if v.brin != current.brin]
            return Enrolment("bao", rng.choice(others).vestiging, groep)

    return dataclasses.replace(current, leerjaar=groep)


def give_advice(rng: random.Random, person: Person, year: int, extract: Extract) -> int:
    """Record the groep-8 advice, and a revised one for some pupils, and return the final advice."""
    current = person.enrolment
    if current.onderwijssoort == "so":
        advies = 5 if rng.random() < ADVIES_SO_VSO else 0
    elif current.onderwijssoort == "sbo":
        advies = pick(rng, ADVIES_SBO)
    else:
        advies = pick(rng, ADVIES_BAO)
    extract.add_advice(year, person.persoon_id, current.vestiging, advies, "eerste")

    # A revision only ever raises the advice, and codes 0 and 5 lie outside the level scale.
    if 10 <= advies < 80 and rng.random() < ADVIES_HERZIEN:
        higher = [code for code in ADVIES_CODES if code > advies]
        advies = higher[0] if rng.random() < 0.7 or len(higher) == 1 else higher[1]
        extract.add_advice(year, person.persoon_id, current.vestiging, advies, "herzien")
    return advies


def place_in_vo(rng: random.Random, person: Person, advies: int) -> Enrolment:
    """Return the leerjaar-1 enrolment that follows the advice, and set the pupil's latent level."""
    if advies in (0, 5) and person.enrolment.onderwijssoort == "so":
        person.level = 0.0
        if rng.random() < SO_TO_PRO:
            return Enrolment("pro", choose_vo_vestiging(rng, "pro"), 1)
        return Enrolment("vso", vestigingen_offering("vso")[0].vestiging, 1)
    if advies == 5:
        person.level = 0.0
        if rng.random() < SBO_VSO_ADVICE_TO_PRO:
            return Enrolment("pro", choose_vo_vestiging(rng, "pro"), 1)
        return Enrolment("vso", vestigingen_offering("vso")[0].vestiging, 1)
    if advies == 0:
        # A bao pupil without advice is placed by an advice drawn from the bao distribution.
        advies = pick(rng, {code: weight for code, weight in ADVIES_BAO.items() if code != 0})

    low, high = ADVIES_LEVEL[advies]
    person.level = (low + high) / 2 + rng.gauss(0, 0.45)
    onderwijssoort = pick(rng, PLACEMENT[advies])
    if rng.random() < PLACEMENT_OFF_ADVICE:
        step = rng.choice((-1, 1))
        index = min(max(CLASS_LADDER.index(onderwijssoort) + step, 0), len(CLASS_LADDER) - 1)
        onderwijssoort = CLASS_LADDER[index]
    person.brugperiode = 2 if rng.random() < TWO_YEAR_BRUGPERIODE else 1
    return Enrolment(onderwijssoort, choose_vo_vestiging(rng, onderwijssoort), 1)


# --- Secondary education ---------------------------------------------------------------------


def choose_vo_vestiging(rng: random.Random, onderwijssoort: str, current: str = "") -> str:
    """Return a vestiging offering the soort, preferring the current one, then its own brin."""
    offering = vestigingen_offering(onderwijssoort)
    if current:
        if any(v.vestiging == current for v in offering):
            return current
        same_brin = [v for v in offering if v.brin == current[:4]]
        if same_brin:
            return same_brin[0].vestiging
    weights = [VMBO_AT_AOC_WEIGHT if v.brin in AOC_BRINS else 1.0 for v in offering]
    return rng.choices(offering, weights=weights)[0].vestiging


def vo_enrolment(
    rng: random.Random, person: Person, onderwijssoort: str, leerjaar: int, current: str = ""
) -> Enrolment:
    """Build a vo enrolment, with the vmbo elementcode that leerjaar 3 and 4 carry."""
    vestiging = choose_vo_vestiging(rng, onderwijssoort, current)
    code = ""
    if onderwijssoort in VMBO_CODE_INDEX and leerjaar >= 3:
        at_aoc = vestiging[:4] in AOC_BRINS
        sectors = VMBO_SECTORS_AOC if at_aoc else VMBO_SECTORS_OTHER
        if person.vmbo_sector not in sectors:
            person.vmbo_sector = rng.choice(sectors)
        code = VMBO_CODES[person.vmbo_sector][VMBO_CODE_INDEX[onderwijssoort]]
    return Enrolment(onderwijssoort, vestiging, leerjaar, code)


def split_class(rng: random.Random, person: Person, combined: str) -> str:
    """Return the single soort closest to the pupil's level among those the class splits into."""
    target = person.level + rng.gauss(0, 0.4)
    candidates = SPLIT[combined]
    best = min(abs(VO_LEVEL[soort] - target) for soort in candidates)
    closest = [soort for soort in candidates if abs(VO_LEVEL[soort] - target) == best]
    if closest == ["vmbo-g", "vmbo-t"]:
        return "vmbo-t" if rng.random() < VMBO_T_OVER_G else "vmbo-g"
    return closest[0]


def change_level(
    rng: random.Random, person: Person, onderwijssoort: str, leerjaar: int
) -> tuple[str, int] | None:
    """Return the soort and leerjaar one level up or down, or None when no such move exists.

    Moving up keeps the leerjaar, so the pupil effectively repeats it. Moving down continues
    in the next leerjaar, capped at the last leerjaar of the lower soort.
    """
    up = person.level > VO_LEVEL[onderwijssoort]
    if rng.random() < 0.3:
        up = not up
    target = (LEVEL_UP if up else LEVEL_DOWN).get(onderwijssoort)
    if target is None:
        return None
    new_leerjaar = leerjaar if up else min(leerjaar + 1, MAX_LEERJAAR[target])
    person.level = (person.level + VO_LEVEL[target]) / 2
    return target, new_leerjaar


def advance_vo(rng: random.Random, person: Person, year: int, extract: Extract) -> Enrolment | None:
    current = person.enrolment
    onderwijssoort, leerjaar = current.onderwijssoort, current.leerjaar

    if onderwijssoort == "pro":
        if leerjaar >= MAX_LEERJAAR["pro"]:
            return after_programme(rng, person, pick(rng, AFTER_PRO))
        return dataclasses.replace(current, leerjaar=leerjaar + 1)
    if onderwijssoort == "vso":
        if leerjaar >= MAX_LEERJAAR["vso"]:
            return after_programme(rng, person, pick(rng, AFTER_VSO))
        if leerjaar >= 4 and rng.random() < VSO_EARLY_LEAVE:
            return None
        return dataclasses.replace(current, leerjaar=leerjaar + 1)
    if EXAM_LEERJAAR.get(onderwijssoort) == leerjaar:
        return take_vo_exam(rng, person, year, extract)

    if rng.random() < VO_REPEAT:
        return dataclasses.replace(current)
    if onderwijssoort in SPLIT:
        if leerjaar < person.brugperiode:
            return dataclasses.replace(current, leerjaar=leerjaar + 1)
        single = split_class(rng, person, onderwijssoort)
        return vo_enrolment(rng, person, single, leerjaar + 1, current.vestiging)
    if leerjaar >= 2 and rng.random() < VO_LEVEL_CHANGE:
        change = change_level(rng, person, onderwijssoort, leerjaar)
        if change is not None:
            return vo_enrolment(rng, person, *change, current.vestiging)
    return vo_enrolment(rng, person, onderwijssoort, leerjaar + 1, current.vestiging)


def take_vo_exam(
    rng: random.Random, person: Person, year: int, extract: Extract
) -> Enrolment | None:
    current = person.enrolment
    onderwijssoort = current.onderwijssoort
    if rng.random() < EXAM_PASS[onderwijssoort]:
        extract.add_diploma(year, person.persoon_id, current)
        if onderwijssoort == "havo":
            return after_programme(rng, person, pick(rng, AFTER_HAVO))
        if onderwijssoort == "vwo":
            return after_vwo_diploma(rng, person)
        return after_programme(rng, person, pick(rng, AFTER_VMBO[onderwijssoort]))

    if onderwijssoort == "havo":
        step = pick(rng, AFTER_HAVO_FAIL)
    elif onderwijssoort == "vwo":
        step = pick(rng, AFTER_VWO_FAIL)
    else:
        step = pick(rng, AFTER_VMBO_FAIL)
    if step == "repeat":
        return dataclasses.replace(current)
    if step == "vavo":
        return start_vavo(rng, person, onderwijssoort)
    return after_programme(rng, person, step)


def after_vwo_diploma(rng: random.Random, person: Person) -> Enrolment | None:
    """Return the next enrolment after a vwo diploma, with a second bachelor for a few graduates."""
    step = pick(rng, AFTER_VWO)
    next_enrolment = after_programme(rng, person, step)
    if next_enrolment is not None and rng.random() < DOUBLE_BACHELOR:
        other = "hbo-ba" if step == "wo-ba" else "wo-ba"
        person.second = start_ho(rng, other)
        person.second_last_leerjaar = rng.choice((1, 2))
    return next_enrolment


def after_programme(rng: random.Random, person: Person, step: str) -> Enrolment | None:
    """Return the enrolment for the step after leaving a programme: a new one, or None to leave."""
    if step == "leave":
        return None
    if step == "havo":
        # After a vmbo diploma (havo leerjaar 4) or a failed vwo exam (havo leerjaar 5).
        leerjaar = 5 if person.enrolment.onderwijssoort == "vwo" else 4
        return vo_enrolment(rng, person, "havo", leerjaar, person.enrolment.vestiging)
    if step == "vwo":
        return vo_enrolment(rng, person, "vwo", 5, person.enrolment.vestiging)
    if step in MBO_SOORTEN:
        return start_mbo(rng, person, step)
    return start_ho(rng, step)


def start_vavo(rng: random.Random, person: Person, failed: str) -> Enrolment:
    """Start vavo after a failed havo or vwo exam, for some pupils beside an mbo-4 programme."""
    person.vavo_diploma = failed
    vavo = Enrolment("vavo", VAVO_VESTIGING, 1, final_leerjaar=1)
    if rng.random() < VAVO_WITH_MBO:
        person.second = vavo
        person.second_last_leerjaar = 1
        return start_mbo(rng, person, "mbo-4")
    return vavo


def advance_vavo(
    rng: random.Random, person: Person, year: int, extract: Extract
) -> Enrolment | None:
    current = person.enrolment
    if rng.random() < VAVO_PASS:
        extract.add_diploma(year, person.persoon_id, current, person.vavo_diploma)
        step = pick(rng, AFTER_VAVO[person.vavo_diploma])
    else:
        step = pick(rng, AFTER_VAVO_FAIL)
    return after_programme(rng, person, step)


# --- Mbo and higher education ----------------------------------------------------------------


def start_mbo(rng: random.Random, person: Person, onderwijssoort: str) -> Enrolment:
    came_from_aoc = person.enrolment is not None and person.enrolment.brin in AOC_BRINS
    at_aoc_share = MBO_AT_AOC_AFTER_AOC if came_from_aoc else MBO_AT_AOC_OTHERWISE
    offering = vestigingen_offering(onderwijssoort)
    if rng.random() < at_aoc_share:
        vestiging = rng.choice([v for v in offering if v.brin in AOC_BRINS])
        code = rng.choice(MBO_CODES_AOC)
    else:
        vestiging = rng.choice([v for v in offering if v.brin not in AOC_BRINS])
        code = rng.choice(MBO_CODES_OTHER)
    leerweg = "bbl" if rng.random() < MBO_BBL[onderwijssoort] else "bol"
    duration = int(onderwijssoort[-1])
    if onderwijssoort == "mbo-4":
        duration = 4 if rng.random() < MBO_FOUR_YEARS else 3
    return Enrolment(onderwijssoort, vestiging.vestiging, 1, code, leerweg, final_leerjaar=duration)


def advance_mbo(
    rng: random.Random, person: Person, year: int, extract: Extract
) -> Enrolment | None:
    current = person.enrolment
    if current.leerjaar >= current.final_leerjaar:
        if rng.random() < MBO_PASS:
            extract.add_diploma(year, person.persoon_id, current)
            return after_programme(rng, person, pick(rng, AFTER_MBO[current.onderwijssoort]))
        return dataclasses.replace(current) if rng.random() < MBO_FAIL_REPEAT else None

    dropout = MBO_DROPOUT_FIRST_YEAR if current.leerjaar == 1 else MBO_DROPOUT_LATER
    draw = rng.random()
    if draw < dropout:
        if rng.random() < MBO_DROPOUT_SWITCH:
            level = max(1, int(current.onderwijssoort[-1]) - rng.choice((0, 1)))
            return start_mbo(rng, person, f"mbo-{level}")
        return None
    if draw < dropout + MBO_REPEAT:
        return dataclasses.replace(current)
    return dataclasses.replace(current, leerjaar=current.leerjaar + 1)


def start_ho(rng: random.Random, onderwijssoort: str, leerjaar: int = 1) -> Enrolment:
    vestiging = rng.choice(vestigingen_offering(onderwijssoort)).vestiging
    codes = HBO_CODES if onderwijssoort.startswith("hbo") else WO_CODES
    final_leerjaar = rng.choice(HO_DURATION[onderwijssoort])
    code = rng.choice(codes)
    return Enrolment(onderwijssoort, vestiging, leerjaar, code, final_leerjaar=final_leerjaar)


def advance_ho(rng: random.Random, person: Person, year: int, extract: Extract) -> Enrolment | None:
    current = person.enrolment
    onderwijssoort = current.onderwijssoort
    if current.leerjaar >= current.final_leerjaar:
        if rng.random() < HO_PASS[onderwijssoort]:
            extract.add_diploma(year, person.persoon_id, current)
            step = pick(rng, AFTER_HO[onderwijssoort])
            if step == "leave":
                return None
            # Associate degree graduates enter the bachelor in its third year.
            return start_ho(rng, step, leerjaar=3 if onderwijssoort == "hbo-ad" else 1)
        return dataclasses.replace(current) if rng.random() < HO_FAIL_REPEAT else None

    is_bachelor = onderwijssoort in ("hbo-ad", "hbo-ba", "wo-ba")
    if current.leerjaar == 1 and is_bachelor:
        dropout = HO_DROPOUT_FIRST_YEAR[onderwijssoort.split("-")[0]]
    else:
        dropout = HO_DROPOUT_LATER
    draw = rng.random()
    if draw < dropout:
        if current.leerjaar == 1 and is_bachelor and rng.random() < HO_DROPOUT_SWITCH:
            # A switching student starts an hbo bachelor, within hbo or down from wo.
            return start_ho(rng, "hbo-ba")
        return None
    if draw < dropout + HO_REPEAT:
        return dataclasses.replace(current)
    return dataclasses.replace(current, leerjaar=current.leerjaar + 1)


# --- Careers ---------------------------------------------------------------------------------

SECTOR_OF = {
    **dict.fromkeys(("bao", "sbo", "so"), "po"),
    **dict.fromkeys(("vso", "pro", *VMBO_CLASSES, "vmbo-gt/havo", "havo", "havo/vwo", "vwo"), "vo"),
    "vavo": "vavo",
    **dict.fromkeys(MBO_SOORTEN, "mbo"),
    **dict.fromkeys((*HBO_SOORTEN, *WO_SOORTEN), "ho"),
}
ADVANCE = {
    "po": advance_po,
    "vo": advance_vo,
    "vavo": advance_vavo,
    "mbo": advance_mbo,
    "ho": advance_ho,
}


def advance_second(rng: random.Random, person: Person, year: int, extract: Extract) -> None:
    """End or continue the second enrolment after `year`. A vavo enrolment ends with its exam."""
    second = person.second
    if second is None:
        return
    if second.leerjaar >= person.second_last_leerjaar:
        if second.onderwijssoort == "vavo" and rng.random() < VAVO_PASS:
            extract.add_diploma(year, person.persoon_id, second, person.vavo_diploma)
        person.second = None
        return
    person.second = dataclasses.replace(second, leerjaar=second.leerjaar + 1)


def simulate_career(rng: random.Random, person: Person, start_year: int, extract: Extract) -> bool:
    """Simulate a career from groep 1 in `start_year` and return whether the extract includes it."""
    in_extract = False
    for year in range(start_year, extract.laatste_jaar + 1):
        if person.enrolment is None:
            break
        if extract.covers(year):
            in_extract = True
        extract.add_enrolment(year, person.persoon_id, person.enrolment)
        if person.second is not None:
            extract.add_enrolment(year, person.persoon_id, person.second)

        advance_second(rng, person, year, extract)
        advance = ADVANCE[SECTOR_OF[person.enrolment.onderwijssoort]]
        person.enrolment = advance(rng, person, year, extract)
        if person.enrolment is None and person.second is not None:
            # The person keeps studying in the programme that was the second enrolment.
            person.enrolment, person.second = person.second, None
    return in_extract


def new_persoon_id(rng: random.Random, used: set[str]) -> str:
    """Draw a key of the form P + 8 lowercase hex digits that is not in `used`, and add it there."""
    while True:
        persoon_id = f"P{rng.getrandbits(32):08x}"
        if persoon_id not in used:
            used.add(persoon_id)
            return persoon_id


def simulate_population(rng: random.Random, personen: int, extract: Extract) -> int:
    """Add persons until `personen` of them appear in the extract, and return that number.

    Persons are drawn round-robin over the groep-1 cohorts from BURN_IN_YEARS before the
    first school year up to the last one. The cohorts are then about equally large, and the
    first school year already has persons at every stage from groep 1 to a master's degree.
    Persons who left education before the first school year are simulated but not counted.
    """
    used = {str(row.row["persoon_id"]) for row in INVALID_ROWS}
    cohorts = range(extract.eerste_jaar - BURN_IN_YEARS, extract.laatste_jaar + 1)
    in_extract = 0
    while in_extract < personen:
        for start_year in cohorts:
            person = Person(new_persoon_id(rng, used), start_groep_1(rng))
            if simulate_career(rng, person, start_year, extract):
                in_extract += 1
            if in_extract >= personen:
                break
    return in_extract


# --- Writing ---------------------------------------------------------------------------------


def add_invalid_rows(extract: Extract) -> None:
    for invalid in INVALID_ROWS:
        if invalid.file.startswith("inschrijvingen"):
            extract.inschrijvingen[INVALID_ROWS_SCHOOLJAAR].append(dict(invalid.row))
        else:
            extract.schooladviezen.append(dict(invalid.row))


def sort_key(columns: tuple[str, ...]):
    return lambda row: tuple(str(row[column]) for column in columns)


def write_csv(
    path: Path,
    columns: tuple[str, ...],
    rows: list[dict],
    delimiter: str = ",",
    encoding: str = "utf-8",
) -> int:
    """Write the header and the rows sorted on all columns as text, and return the row count."""
    with path.open("w", encoding=encoding, newline="") as file:
        writer = csv.writer(file, delimiter=delimiter, lineterminator="\n")
        writer.writerow(columns)
        for row in sorted(rows, key=sort_key(columns)):
            writer.writerow([row[column] for column in columns])
    return len(rows)


def remove_old_files(uitvoer: Path) -> list[Path]:
    """Delete the tables' CSV files from an earlier run, so that no stale year file stays behind."""
    removed = []
    for path in sorted(uitvoer.iterdir()):
        if path.is_file() and path.suffix == ".csv" and path.name.startswith(TABLES):
            path.unlink()
            removed.append(path)
    return removed


def write_extract(extract: Extract, uitvoer: Path) -> dict[str, int]:
    """Write all files of the extract and return the row count per file name."""
    counts = {}
    for year, rows in extract.inschrijvingen.items():
        name = f"inschrijvingen_{year}.csv"
        counts[name] = write_csv(uitvoer / name, INSCHRIJVINGEN_COLUMNS, rows)
    counts["schooladviezen.csv"] = write_csv(
        uitvoer / "schooladviezen.csv", SCHOOLADVIEZEN_COLUMNS, extract.schooladviezen
    )
    counts["diplomas.csv"] = write_csv(
        uitvoer / "diplomas.csv", DIPLOMAS_COLUMNS, extract.diplomas
    )

    # Written as Windows-1252 with ";", like a spreadsheet export, so that the sample exercises
    # the loader's detection of encoding and separator.
    vestigingen = [
        {
            "vestiging": v.vestiging,
            "brin": v.brin,
            "naam": v.naam,
            "gemeente": v.gemeente,
            "onderwijssector": v.onderwijssector,
        }
        for v in VESTIGINGEN
    ]
    counts["vestigingen.csv"] = write_csv(
        uitvoer / "vestigingen.csv",
        VESTIGINGEN_COLUMNS,
        vestigingen,
        delimiter=";",
        encoding="cp1252",
    )
    return counts


# --- Command line ----------------------------------------------------------------------------


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=(
            "Genereer het synthetische voorbeeldextract: inschrijvingen per schooljaar, "
            "schooladviezen, diploma's en vestigingen. Alle personen en instellingen zijn "
            "verzonnen."
        )
    )
    parser.add_argument(
        "--uitvoer",
        type=Path,
        default=Path(__file__).resolve().parent / "extract",
        help="map waarin de bestanden komen (standaard: de map extract naast dit script)",
    )
    parser.add_argument(
        "--personen",
        type=int,
        default=DEFAULT_PERSONEN,
        help=(
            "aantal personen met minstens één inschrijving in het extract "
            f"(standaard: {DEFAULT_PERSONEN})"
        ),
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        help=f"startwaarde van de toevalsgenerator (standaard: {DEFAULT_SEED})",
    )
    parser.add_argument(
        "--eerste-jaar",
        type=int,
        default=DEFAULT_EERSTE_JAAR,
        help=f"eerste schooljaar, 2021 = 2021-2022 (standaard: {DEFAULT_EERSTE_JAAR})",
    )
    parser.add_argument(
        "--laatste-jaar",
        type=int,
        default=DEFAULT_LAATSTE_JAAR,
        help=f"laatste schooljaar (standaard: {DEFAULT_LAATSTE_JAAR})",
    )
    arguments = parser.parse_args(argv)

    if arguments.personen < 1:
        parser.error(f"--personen moet minstens 1 zijn, niet {arguments.personen}.")
    if arguments.eerste_jaar > arguments.laatste_jaar:
        parser.error(
            f"--eerste-jaar ({arguments.eerste_jaar}) ligt na --laatste-jaar "
            f"({arguments.laatste_jaar}). "
            "Kies een eerste jaar dat niet later is dan het laatste."
        )
    if not arguments.eerste_jaar <= INVALID_ROWS_SCHOOLJAAR <= arguments.laatste_jaar:
        parser.error(
            f"De schooljaren {arguments.eerste_jaar}-{arguments.laatste_jaar} bevatten "
            f"{INVALID_ROWS_SCHOOLJAAR} niet, maar de opzettelijk ongeldige rijen horen in dat "
            "jaar. "
            f"Kies een bereik dat {INVALID_ROWS_SCHOOLJAAR} omvat."
        )
    return arguments


def report_missing_codes(extract: Extract) -> None:
    """Print a warning for each onderwijssoort or advice code that a small run did not produce."""
    soorten = {row["onderwijssoort"] for rows in extract.inschrijvingen.values() for row in rows}
    missing_soorten = [soort for soort in ONDERWIJSSOORTEN if soort not in soorten]
    adviezen = {row["advies"] for row in extract.schooladviezen}
    missing_adviezen = [str(code) for code in ADVIES_CODES if code not in adviezen]
    if missing_soorten:
        missing = ", ".join(missing_soorten)
        print(f"Let op: deze onderwijssoorten ontbreken in het extract: {missing}.")
    if missing_adviezen:
        missing = ", ".join(missing_adviezen)
        print(f"Let op: deze adviescodes ontbreken in het extract: {missing}.")
    if missing_soorten or missing_adviezen:
        print("Kies meer personen met --personen of een andere --seed.")


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    uitvoer: Path = arguments.uitvoer
    uitvoer.mkdir(parents=True, exist_ok=True)

    rng = random.Random(arguments.seed)
    extract = Extract(arguments.eerste_jaar, arguments.laatste_jaar)
    personen = simulate_population(rng, arguments.personen, extract)
    report_missing_codes(extract)
    add_invalid_rows(extract)

    removed = remove_old_files(uitvoer)
    counts = write_extract(extract, uitvoer)

    if removed:
        print(f"{len(removed)} bestand(en) van een eerdere run verwijderd uit {uitvoer}.")
    print(
        f"Voorbeeldextract geschreven naar {uitvoer}: {personen} personen, schooljaren "
        f"{arguments.eerste_jaar}-{arguments.laatste_jaar}, seed {arguments.seed}."
    )
    invalid_per_file = {}
    for invalid in INVALID_ROWS:
        invalid_per_file[invalid.file] = invalid_per_file.get(invalid.file, 0) + 1
    for name, count in counts.items():
        invalid = invalid_per_file.get(name, 0)
        note = f", waarvan {invalid} opzettelijk ongeldig" if invalid else ""
        print(f"  {name:<26} {count:>6} rijen{note}")
    print(
        f"Opzettelijk ongeldig: {len(INVALID_ROWS)} rijen in totaal, bedoeld voor de quarantaine "
        "van de lader (zie INVALID_ROWS in genereer.py)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
