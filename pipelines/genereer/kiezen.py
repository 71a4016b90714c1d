"""Vectorised draws from many small categorical distributions at once, one per key."""

from __future__ import annotations

import numpy as np


class Keuzetabel:
    """Options with weights per integer key; `kies` draws one option for each of many keys.

    Options are stored flat and sorted by key. Per key the normalised cumulative weights are
    shifted by the key's rank, so one `searchsorted` over all keys draws every row at once.
    """

    def __init__(self, sleutels: np.ndarray, gewichten: np.ndarray, **opties: np.ndarray) -> None:
        gewichten = np.asarray(gewichten, dtype=np.float64)
        houden = gewichten > 0
        sleutels = np.asarray(sleutels, dtype=np.int64)[houden]
        gewichten = gewichten[houden]
        # Sort by key, then by weight and options, so the table and its draws do not depend
        # on the order of the input rows (polars joins and group_bys do not fix that order).
        volgorde = np.lexsort([*(np.asarray(w)[houden] for w in reversed(list(opties.values()))),
                               gewichten, sleutels])
        sleutels = sleutels[volgorde]
        gewichten = gewichten[volgorde]
        self.opties = {naam: np.asarray(waarden)[houden][volgorde] for naam, waarden in opties.items()}
        self.uniek, start = np.unique(sleutels, return_index=True)
        rang = np.searchsorted(self.uniek, sleutels)
        cumulatief = np.cumsum(gewichten)
        voor_sleutel = np.concatenate([[0.0], cumulatief])[start]
        totaal = np.add.reduceat(gewichten, start) if len(start) else np.zeros(0)
        self.grens = rang + (cumulatief - voor_sleutel[rang]) / totaal[rang]

    def __len__(self) -> int:
        return len(self.uniek)

    def kies(self, sleutels: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """Return (found, options), one per key.

        `found` is False where a key has no options. There the options contain an arbitrary
        option of the table, which the caller must not use.
        """
        sleutels = np.asarray(sleutels, dtype=np.int64)
        if len(self.uniek) == 0:
            leeg = {naam: np.zeros(len(sleutels), dtype=w.dtype) for naam, w in self.opties.items()}
            return np.zeros(len(sleutels), dtype=bool), leeg
        positie = np.minimum(np.searchsorted(self.uniek, sleutels), len(self.uniek) - 1)
        gevonden = self.uniek[positie] == sleutels
        doel = positie + rng.random(len(sleutels))
        index = np.minimum(np.searchsorted(self.grens, doel, side="right"), len(self.grens) - 1)
        return gevonden, {naam: waarden[index] for naam, waarden in self.opties.items()}


def kies_uit(kansen: dict, n: int, rng: np.random.Generator) -> np.ndarray:
    """Draw n values from {value: probability}; probabilities are normalised first."""
    waarden = np.array(list(kansen))
    p = np.array(list(kansen.values()), dtype=np.float64)
    return waarden[rng.choice(len(waarden), size=n, p=p / p.sum())]
