"""Person arrays that grow as persons are added, plus one column per written school year."""

from __future__ import annotations

import numpy as np

# Sector of a person's current state in the simulation.
GEEN, VO, MBO, HBO, WO, UIT = 0, 1, 2, 3, 4, 9
ACTIEF = (VO, MBO, HBO, WO)

_VELDEN = {
    "sector": (np.int8, GEEN),
    "vest": (np.int32, -1),
    "soort": (np.int8, -1),
    "lj": (np.int8, 0),
    "code": (np.int32, 0),
    "duur": (np.int8, 0),
    "herkomst": (np.int8, -1),
    "leerweg": (np.int8, 0),
    "cel": (np.int32, -1),
    "po_vest": (np.int32, -1),
    "cohort": (np.int16, 0),
    "positie": (np.int8, -1),
    "anker": (np.bool_, False),
    "verwijderd": (np.bool_, False),
}
_JAARVELDEN = {"w_vest": (np.int32, -1), "w_soort": (np.int8, -1), "w_lj": (np.int8, 0),
               "w_code": (np.int32, 0), "w_leerweg": (np.int8, 0)}


class Populatie:
    """All persons of one run; `w_*` arrays hold the enrolment per person and written year."""

    def __init__(self, jaren: int, capaciteit: int = 1024) -> None:
        self.jaren = jaren
        self.n = 0
        self._capaciteit = 0
        for naam, (dtype, _) in _VELDEN.items():
            setattr(self, naam, np.zeros(0, dtype=dtype))
        for naam, (dtype, _) in _JAARVELDEN.items():
            setattr(self, naam, np.zeros((0, jaren), dtype=dtype))
        self._groei(capaciteit)

    def _groei(self, minimum: int) -> None:
        nieuw = max(minimum, 2 * self._capaciteit)
        for naam, (dtype, standaard) in _VELDEN.items():
            oud = getattr(self, naam)
            groter = np.full(nieuw, standaard, dtype=dtype)
            groter[: self.n] = oud[: self.n]
            setattr(self, naam, groter)
        for naam, (dtype, standaard) in _JAARVELDEN.items():
            oud = getattr(self, naam)
            groter = np.full((nieuw, self.jaren), standaard, dtype=dtype)
            groter[: self.n] = oud[: self.n]
            setattr(self, naam, groter)
        self._capaciteit = nieuw

    def voeg_toe(self, aantal: int, **waarden) -> np.ndarray:
        """Add persons with the given field values; return their indices."""
        if self.n + aantal > self._capaciteit:
            self._groei(self.n + aantal)
        index = np.arange(self.n, self.n + aantal)
        self.n += aantal
        for naam, waarde in waarden.items():
            getattr(self, naam)[index] = waarde
        return index

    def actief(self) -> np.ndarray:
        return np.nonzero(np.isin(self.sector[: self.n], ACTIEF))[0]

    def leg_vast(self, kolom: int, index: np.ndarray) -> None:
        """Write the current enrolment of `index` into written-year column `kolom`."""
        self.w_vest[index, kolom] = self.vest[index]
        self.w_soort[index, kolom] = self.soort[index]
        self.w_lj[index, kolom] = self.lj[index]
        self.w_code[index, kolom] = self.code[index]
        self.w_leerweg[index, kolom] = self.leerweg[index]
