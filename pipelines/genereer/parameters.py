"""Rates of the national generator that no real file calibrates.

NOTE: every value here is a plausible guess that shapes the careers. docs/kalibratie.md lists
which outcomes are calibrated on real DUO figures and which rest on these guesses.
"""

# Rounds of iterative proportional fitting for the advice table; it settles well before this.
IPF_RONDEN = 200

# Burn-in: persons enter vo this many years before the first school year written, so that
# mbo, hbo and wo are filled with earlier cohorts by then.
INLOOPJAREN = 13

# Advice codes within each advice group (DUO waardelijst schooladvies).
ADVIESCODES = {
    "pro": {10: 1.0},
    "bl": {15: 0.6, 20: 0.4},
    "kl": {30: 0.6, 35: 0.15, 40: 0.25},
    "gt": {50: 0.1, 55: 0.1, 60: 0.1, 65: 0.55, 66: 0.15},
    "ha": {70: 0.65, 75: 0.35},
    "vw": {80: 1.0},
}
# Share of pupils placed above their advice whose school revises the advice upward.
HERZIEN = 0.15

# po: a branch's share of its region's pupils is proportional to a lognormal size weight.
PO_GROOTTE_SIGMA = 0.6
# po: chance that a pupil in groep 1 to 7 is at another branch of the region a year later
# (moving house, another school). A draw that lands on the same branch is no change.
PO_SCHOOLWISSEL = 0.03

# vo, per year.
VO_ZITTENBLIJVEN = {1: 0.015, 2: 0.025, 3: 0.04, 4: 0.07, 5: 0.05}
VO_VOORTIJDIG_WEG = 0.01  # outside the exam year: to mbo-2 (half) or no enrolment
# Weight of another branch of the same brin against the own branch (1.0) for a next leerjaar.
ANDERE_VESTIGING_BRIN = 0.02
# Weight of a class one level beside the brugklas range when splitting after leerjaar 2.
NAAST_BRUGKLAS = 0.08
AFSTROOM_VWO_HAVO = 0.06  # vwo leerjaar 3 to havo leerjaar 4
EXAMENJAAR = {"vmbo-b": 4, "vmbo-k": 4, "vmbo-g": 4, "vmbo-t": 4, "havo": 5, "vwo": 6}
GESLAAGD = {"vmbo-b": 0.97, "vmbo-k": 0.96, "vmbo-g": 0.94, "vmbo-t": 0.93, "havo": 0.88, "vwo": 0.91}
# After failing the exam: repeat the year, or the vavo (kept on the vo roll), or leave.
NA_ZAKKEN = {"herhalen": 0.45, "vavo": 0.45, "weg": 0.1}
VAVO_GESLAAGD = 0.7
# Next step after a diploma. `hbo` and `wo` go through the enrolment places of that year.
NA_DIPLOMA = {
    "vmbo-b": {"mbo-2": 0.83, "mbo-3": 0.1, "mbo-1": 0.03, "weg": 0.04},
    "vmbo-k": {"mbo-3": 0.55, "mbo-2": 0.18, "mbo-4": 0.23, "weg": 0.04},
    "vmbo-g": {"mbo-4": 0.6, "mbo-3": 0.27, "havo": 0.06, "weg": 0.07},
    "vmbo-t": {"mbo-4": 0.66, "mbo-3": 0.1, "havo": 0.18, "weg": 0.06},
    "havo": {"hbo": 0.72, "vwo": 0.05, "mbo-4": 0.07, "weg": 0.16},
    "vwo": {"wo": 0.72, "hbo": 0.16, "weg": 0.12},
}
# Praktijkonderwijs has no exam; a pupil who leaves goes on to mbo-1 or out of education.
PRO_NAAR_MBO = 0.4
PRO_MAX_LEERJAAR = 6

# mbo.
MBO_DUUR = {"mbo-1": 1, "mbo-2": 2, "mbo-3": 3, "mbo-4": 4}
MBO_BBL = {"mbo-1": 0.05, "mbo-2": 0.3, "mbo-3": 0.25, "mbo-4": 0.12}
MBO_UITVAL = {1: 0.1, "later": 0.04}
MBO_UITVAL_OVERSTAP = 0.35  # share of drop-outs who start another programme at the same level
MBO_GESLAAGD = 0.85
NA_MBO = {
    "mbo-1": {"mbo-2": 0.55, "weg": 0.45},
    "mbo-2": {"mbo-3": 0.35, "weg": 0.65},
    "mbo-3": {"mbo-4": 0.25, "weg": 0.75},
    "mbo-4": {"hbo": 0.4, "weg": 0.6},
}

# hbo and wo.
HO_DUUR = {"hbo-ad": 2, "hbo-ba": 4, "hbo-ma": 1, "wo-ba": 3, "wo-ma": 1}
HO_UITVAL = {1: 0.15, "later": 0.04}
HO_GESLAAGD = 0.8  # in the last year; the others repeat it once more or leave
NA_HBO_BA = {"hbo-ma": 0.06, "wo-ma": 0.05, "weg": 0.89}
NA_WO_BA = {"wo-ma": 0.8, "weg": 0.2}
WO_MA_TWEEJARIG = 0.3

# Persons per school year in mbo and wo, national sizes that no DUO file here fixes. Entrants
# from outside (adults, students from abroad) top them up to this size times the scale and
# the chosen provinces' share of vo pupils.
MBO_OMVANG = 500_000
WO_OMVANG = 330_000
