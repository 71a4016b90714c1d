"""The definitions registry: the one place where YAML under `definitions/` becomes code.

Every transform reads onderwijssoorten, advice codes, councils and their doorstromer and
sector definitions from here, so changing a definition never needs a code change.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from pipelines.errors import DefinitieFout


class _Strict(BaseModel):
    # Unknown keys are typos in an analyst's YAML, so they stop the run instead of being ignored.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Sector(_Strict):
    label: str
    prioriteit: int = Field(description="CBS priority for double enrolments, higher wins")


class Onderwijssoort(_Strict):
    label: str
    sector: str
    rang: int
    niveau: tuple[int, int] | None = None


class Advies(_Strict):
    label: str
    niveau: tuple[int, int] | None = None


class Populatie(_Strict):
    gebeurtenis: Literal["inschrijving", "diploma"]
    onderwijssoorten: list[str]
    leerjaar: tuple[int, int] | None = None


class Bestemming(_Strict):
    inschrijving: Literal["hoofd", "elke"] = "hoofd"
    onderwijssoorten: list[str] = []
    onderwijssectoren: list[str] = []
    hoger_vo_niveau: bool = False
    andere_instelling: bool | None = None


class Doorstromerdefinitie(_Strict):
    omschrijving: str
    bron: str
    termijn: int = Field(1, ge=1, le=10)
    populatie: Populatie
    bestemming: Bestemming

    @model_validator(mode="after")
    def _bestemming_niet_leeg(self) -> Doorstromerdefinitie:
        b = self.bestemming
        if not (b.onderwijssoorten or b.onderwijssectoren or b.hoger_vo_niveau):
            raise ValueError(
                "bestemming noemt geen onderwijssoorten, onderwijssectoren of hoger_vo_niveau"
            )
        return self


class Sectorgroep(_Strict):
    label: str
    codes: list[str]


class Sectordefinitie(_Strict):
    omschrijving: str
    bron: str
    op: Literal["onderwijssoort", "opleidingscode"]
    indeling: dict[str, Sectorgroep]


class Raad(_Strict):
    naam: str
    map: str
    onderwijssoorten: list[str]
    instellingen: list[str] | None = None
    advies_positie: Literal["po_vestiging", "vo_vestiging"] | None = None
    sectoren: Sectordefinitie
    doorstromers: dict[str, Doorstromerdefinitie]


class DoorstroomInstellingen(_Strict):
    termijnen: list[int]


class AdviesPositieInstellingen(_Strict):
    advies_soort: Literal["eerste", "herzien"]
    leerjaar: int
    positie_onderwijssoorten: list[str]
    eerste_jaar: int
    laatste_jaar: int
    bron: str


class Monitor(_Strict):
    doorstroom: DoorstroomInstellingen
    advies_positie: AdviesPositieInstellingen


class _Onderwijssoorten(_Strict):
    sectoren: dict[str, Sector]
    onderwijssoorten: dict[str, Onderwijssoort]


class _Adviezen(_Strict):
    adviezen: dict[int, Advies]


class Registry:
    """All definitions read from one `definitions/` folder, checked against each other."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        if not self.folder.is_dir():
            raise DefinitieFout(
                f"De map met definities '{self.folder}' bestaat niet. Zet DOORSTROOM_DEFINITIES "
                "op de map met onderwijssoorten.yaml, schooladviezen.yaml, monitor.yaml en raden/."
            )
        soorten = _lees(self.folder / "onderwijssoorten.yaml", _Onderwijssoorten)
        self.sectoren: dict[str, Sector] = soorten.sectoren
        self.onderwijssoorten: dict[str, Onderwijssoort] = soorten.onderwijssoorten
        self.adviezen: dict[int, Advies] = _lees(
            self.folder / "schooladviezen.yaml", _Adviezen
        ).adviezen
        self.monitor: Monitor = _lees(self.folder / "monitor.yaml", Monitor)

        raad_bestanden = sorted((self.folder / "raden").glob("*.yaml"))
        if not raad_bestanden:
            raise DefinitieFout(
                f"Geen raden gevonden in '{self.folder / 'raden'}'. Zet per sectorraad een "
                "YAML-bestand in die map."
            )
        self.raden: dict[str, Raad] = {}
        for bestand in raad_bestanden:
            raad = _lees(bestand, Raad)
            self._controleer_codes(bestand, raad)
            self.raden[raad.map] = raad
        self._controleer_soorten()
        _eis_bekend(self.folder / "monitor.yaml", self.monitor.advies_positie.positie_onderwijssoorten,
                    self.onderwijssoorten, "advies_positie.positie_onderwijssoorten")

    def _controleer_soorten(self) -> None:
        bestand = self.folder / "onderwijssoorten.yaml"
        for code, soort in self.onderwijssoorten.items():
            if soort.sector not in self.sectoren:
                raise DefinitieFout(
                    f"Ongeldige definitie in {bestand}, sleutel 'onderwijssoorten.{code}.sector': "
                    f"onbekende onderwijssector '{soort.sector}'. Kies uit: "
                    f"{', '.join(self.sectoren)}."
                )

    def _controleer_codes(self, bestand: Path, raad: Raad) -> None:
        def eis(codes: list[str], bekend: dict, sleutel: str) -> None:
            _eis_bekend(bestand, codes, bekend, sleutel)

        eis(raad.onderwijssoorten, self.onderwijssoorten, "onderwijssoorten")
        if raad.sectoren.op == "onderwijssoort":
            for naam, groep in raad.sectoren.indeling.items():
                eis(groep.codes, self.onderwijssoorten, f"sectoren.indeling.{naam}.codes")
        for naam, definitie in raad.doorstromers.items():
            sleutel = f"doorstromers.{naam}"
            eis(definitie.populatie.onderwijssoorten, self.onderwijssoorten,
                f"{sleutel}.populatie.onderwijssoorten")
            eis(definitie.bestemming.onderwijssoorten, self.onderwijssoorten,
                f"{sleutel}.bestemming.onderwijssoorten")
            eis(definitie.bestemming.onderwijssectoren, self.sectoren,
                f"{sleutel}.bestemming.onderwijssectoren")

    # Lookups the transforms use.

    def niveau_tabel(self) -> dict[str, tuple[int, int]]:
        """Map vo onderwijssoort codes to their level interval."""
        return {c: s.niveau for c, s in self.onderwijssoorten.items() if s.niveau is not None}

    def sector_van(self, onderwijssoort: str) -> str:
        return self.onderwijssoorten[onderwijssoort].sector

    def advies_label(self, code: int) -> str:
        return self.adviezen[code].label

    def hash(self) -> str:
        """SHA-256 over every YAML file, so the manifest records which definitions a run used."""
        digest = hashlib.sha256()
        for bestand in sorted(self.folder.rglob("*.yaml")):
            digest.update(str(bestand.relative_to(self.folder)).encode())
            digest.update(bestand.read_bytes())
        return digest.hexdigest()


def _eis_bekend(bestand: Path, codes: list[str], bekend: dict, sleutel: str) -> None:
    for code in codes:
        if code not in bekend:
            raise DefinitieFout(
                f"Ongeldige definitie in {bestand}, sleutel '{sleutel}': onbekende code "
                f"'{code}'. Kies uit: {', '.join(map(str, bekend))}."
            )


def _lees(bestand: Path, model: type[BaseModel]):
    if not bestand.is_file():
        raise DefinitieFout(
            f"Definitiebestand '{bestand}' ontbreekt. Herstel het uit de repository of zet "
            "DOORSTROOM_DEFINITIES op een volledige map met definities."
        )
    try:
        inhoud = yaml.safe_load(bestand.read_text(encoding="utf-8"))
    except yaml.YAMLError as fout:
        raise DefinitieFout(
            f"Definitiebestand '{bestand}' is geen geldige YAML: {fout}. Herstel de opmaak."
        ) from fout
    try:
        return model.model_validate(inhoud if inhoud is not None else {})
    except ValidationError as fout:
        raise DefinitieFout(_beschrijf(bestand, fout)) from fout


_REDENEN = {
    "extra_forbidden": "onbekende sleutel; controleer de spelling",
    "missing": "verplichte sleutel ontbreekt",
    "literal_error": "ongeldige waarde",
    "int_parsing": "geen geheel getal",
    "bool_parsing": "geen true of false",
}


def _beschrijf(bestand: Path, fout: ValidationError) -> str:
    regels = [f"Ongeldige definitie in {bestand}:"]
    for detail in fout.errors():
        sleutel = ".".join(str(deel) for deel in detail["loc"]) or "(hele bestand)"
        reden = _REDENEN.get(detail["type"], detail["msg"])
        if detail["type"] == "literal_error":
            reden = f"{reden}; {detail['msg']}"
        regels.append(f"  sleutel '{sleutel}': {reden}")
    regels.append("Pas het bestand aan; docs/definities.md beschrijft alle sleutels.")
    return "\n".join(regels)


def laad_registry(folder: Path | str) -> Registry:
    return Registry(Path(folder))
