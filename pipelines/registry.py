"""The definitions registry: the one place where YAML under `definitions/` becomes code.

Every transform reads onderwijssoorten, advice codes, councils and their doorstromer and
sector definitions from here, so changing a definition never needs a code change.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from pipelines.errors import DefinitieFout
from pipelines.yamltekst import lees_yaml

# Destination of a graduate without any enrolment on 1 October of the next year.
GEEN_BESTEMMING = "geen"


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
    # English texts for the report with DOORSTROOM_TAAL=en; without them it shows the Dutch.
    omschrijving_en: str | None = None
    bron_en: str | None = None
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
    label_en: str | None = None
    # Onderwijssoort codes, opleidingscodes or CROHO onderdeel names, depending on `op`.
    codes: list[str]


class Sectordefinitie(_Strict):
    omschrijving: str
    bron: str
    omschrijving_en: str | None = None
    bron_en: str | None = None
    # With croho_onderdeel the codes are onderdeel names from eencijferho.yaml, looked up in
    # Croho.asc from the 1cijferHO layout folder at run time.
    op: Literal["onderwijssoort", "opleidingscode", "croho_onderdeel"]
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
    bron_en: str | None = None


class Monitor(_Strict):
    doorstroom: DoorstroomInstellingen
    advies_positie: AdviesPositieInstellingen


class EencijferhoVelden(_Strict):
    """The 1cijferHO layout fields the loader reads, named as the Bestandsbeschrijving names them."""

    persoon: str
    schooljaar: str
    brin: str
    vestigingsnummer: str
    opleidingscode: str
    soort_ho: str
    type_ho: str
    actief_op_peildatum: str
    soort_inschrijving: str
    leerjaar: str
    diplomajaar: str
    diploma_fase: str
    soort_diploma: str
    diploma_vestigingsnummer: str


class EencijferhoInschrijvingen(_Strict):
    actief_op_peildatum: list[str]
    soort_inschrijving: list[str]
    hoogste_leerjaar: int = Field(ge=1)


class EencijferhoDiplomas(_Strict):
    fasen: list[str]
    soort_diploma_ongeldig: list[str]


class CrohoVelden(_Strict):
    """The Croho.asc fields the loader reads, named as its Bestandsbeschrijving names them."""

    brin: str
    opleidingscode: str
    onderdeel: str
    naam: str
    soort_ho: str
    type_ho: str


class CrohoVeld(_Strict):
    naam: str
    start: int = Field(ge=1)
    lengte: int = Field(ge=1)


class CrohoDefinitie(_Strict):
    bestand: str
    velden: CrohoVelden
    # CROHO onderdeel code -> name, as the 1cijferHO Bestandsbeschrijving lists them.
    onderdelen: dict[str, str]
    # Layout of Croho.asc for a layout folder without Bestandsbeschrijving_Croho.txt.
    indeling: list[CrohoVeld]


class Eencijferho(_Strict):
    """Mapping of DUO's 1cijferHO main file onto the inschrijvingen and diplomas contracts."""

    velden: EencijferhoVelden
    # Soort hoger onderwijs -> type hoger onderwijs -> onderwijssoort; null leaves the rows out.
    onderwijssoorten: dict[str, dict[str, str | None]]
    inschrijvingen: EencijferhoInschrijvingen
    diplomas: EencijferhoDiplomas
    croho: CrohoDefinitie


class Afdeling(_Strict):
    label: str
    onderwijssoorten: list[str]


class Driejaarsgemiddelde(_Strict):
    omschrijving: str
    bron: str
    jaren: int = Field(3, ge=1, le=10)
    minimum_jaren: int = Field(2, ge=1, le=10)


class SchooladviesPlaatsing(_Strict):
    omschrijving: str
    bron: str
    advies_soort: Literal["eerste", "herzien"]
    leerjaar: int = Field(ge=1, le=8)
    herkomst_leerjaren: list[int] = Field(min_length=1)
    vso_adviezen: list[int]


class Onderbouwsnelheid(_Strict):
    omschrijving: str
    bron: str
    leerjaren: list[int] = Field(min_length=1)
    onderwijssoorten: list[str]


class Bovenbouwsucces(_Strict):
    omschrijving: str
    bron: str
    vanaf_leerjaar: int = Field(ge=1, le=8)


class VervolgBestemming(_Strict):
    label: str
    onderwijssoorten: list[str]


class DoorstroomVervolgonderwijs(_Strict):
    omschrijving: str
    bron: str
    bestemmingen: dict[str, VervolgBestemming]


class VenstersVo(_Strict):
    """Definitions of the indicators in VO-raad's Vensters VO feed (definitions/vensters-vo.yaml)."""

    omschrijving: str
    bron: str
    vo_onderwijssoorten: list[str]
    afdelingen: dict[str, Afdeling]
    driejaarsgemiddelde: Driejaarsgemiddelde
    schooladvies_plaatsing: SchooladviesPlaatsing
    onderbouwsnelheid: Onderbouwsnelheid
    bovenbouwsucces: Bovenbouwsucces
    doorstroom_vervolgonderwijs: DoorstroomVervolgonderwijs


class _Onderwijssoorten(_Strict):
    sectoren: dict[str, Sector]
    onderwijssoorten: dict[str, Onderwijssoort]


class _Adviezen(_Strict):
    adviezen: dict[int, Advies]


class DuoOnderwijstype(_Strict):
    onderwijssoort: str | None = None
    herkomst: str | None = None


class InspectieAdviesgroep(_Strict):
    label: str
    niveau: int


class DuoOnderwijstypen(_Strict):
    """DUO's labels in its open-data counts mapped onto onderwijssoort codes (optional file)."""

    bron: str
    onderwijstypen: dict[str, DuoOnderwijstype]
    elementcodes: dict[str, str]
    hbo_typen: dict[str, str]
    inspectie_adviesgroepen: dict[str, InspectieAdviesgroep]


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
        # Optional: only an extract with 1cijferHO files or a CROHO-based sector needs it.
        eencijferho = self.folder / "eencijferho.yaml"
        self.eencijferho: Eencijferho | None = (
            _lees(eencijferho, Eencijferho) if eencijferho.is_file() else None
        )
        if self.eencijferho is not None:
            self._controleer_eencijferho(eencijferho, self.eencijferho)

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
        self.duo_onderwijstypen: DuoOnderwijstypen | None = self._lees_duo_onderwijstypen()
        _eis_bekend(self.folder / "monitor.yaml", self.monitor.advies_positie.positie_onderwijssoorten,
                    self.onderwijssoorten, "advies_positie.positie_onderwijssoorten")
        self.vensters_vo: VenstersVo = _lees(self.folder / "vensters-vo.yaml", VenstersVo)
        self._controleer_vensters_vo()

    def _controleer_soorten(self) -> None:
        bestand = self.folder / "onderwijssoorten.yaml"
        for code, soort in self.onderwijssoorten.items():
            if soort.sector not in self.sectoren:
                raise DefinitieFout(
                    f"Ongeldige definitie in {bestand}, sleutel 'onderwijssoorten.{code}.sector': "
                    f"onbekende onderwijssector '{soort.sector}'. Kies uit: "
                    f"{', '.join(self.sectoren)}."
                )

    def _lees_duo_onderwijstypen(self) -> DuoOnderwijstypen | None:
        # Only the DUO count readers and the generator need it, so a folder without it still runs.
        bestand = self.folder / "duo-onderwijstypen.yaml"
        if not bestand.is_file():
            return None
        typen = _lees(bestand, DuoOnderwijstypen)
        for label, type_ in typen.onderwijstypen.items():
            codes = [c for c in (type_.onderwijssoort, type_.herkomst) if c is not None]
            _eis_bekend(bestand, codes, self.onderwijssoorten, f"onderwijstypen.{label}")
        _eis_bekend(bestand, list(typen.elementcodes.values()), self.onderwijssoorten, "elementcodes")
        _eis_bekend(bestand, list(typen.hbo_typen.values()), self.onderwijssoorten, "hbo_typen")
        return typen

    def _controleer_codes(self, bestand: Path, raad: Raad) -> None:
        def eis(codes: list[str], bekend: dict, sleutel: str) -> None:
            _eis_bekend(bestand, codes, bekend, sleutel)

        eis(raad.onderwijssoorten, self.onderwijssoorten, "onderwijssoorten")
        if raad.sectoren.op == "onderwijssoort":
            for naam, groep in raad.sectoren.indeling.items():
                eis(groep.codes, self.onderwijssoorten, f"sectoren.indeling.{naam}.codes")
        if raad.sectoren.op == "croho_onderdeel":
            if self.eencijferho is None:
                raise DefinitieFout(
                    f"Ongeldige definitie in {bestand}, sleutel 'sectoren.op': croho_onderdeel "
                    f"vraagt de CROHO-onderdelen uit {self.folder / 'eencijferho.yaml'}, en dat "
                    "bestand ontbreekt. Herstel het uit de repository of kies op: opleidingscode."
                )
            onderdelen = {naam: code for code, naam in self.eencijferho.croho.onderdelen.items()}
            for naam, groep in raad.sectoren.indeling.items():
                eis(groep.codes, onderdelen, f"sectoren.indeling.{naam}.codes")
        for naam, definitie in raad.doorstromers.items():
            sleutel = f"doorstromers.{naam}"
            eis(definitie.populatie.onderwijssoorten, self.onderwijssoorten,
                f"{sleutel}.populatie.onderwijssoorten")
            eis(definitie.bestemming.onderwijssoorten, self.onderwijssoorten,
                f"{sleutel}.bestemming.onderwijssoorten")
            eis(definitie.bestemming.onderwijssectoren, self.sectoren,
                f"{sleutel}.bestemming.onderwijssectoren")

    def _controleer_eencijferho(self, bestand: Path, definitie: Eencijferho) -> None:
        for soort, types in definitie.onderwijssoorten.items():
            gebruikt = [code for code in types.values() if code is not None]
            _eis_bekend(bestand, gebruikt, self.onderwijssoorten, f"onderwijssoorten.{soort}")

    def _controleer_vensters_vo(self) -> None:
        bestand = self.folder / "vensters-vo.yaml"
        vensters = self.vensters_vo

        def fout(sleutel: str, reden: str) -> DefinitieFout:
            return DefinitieFout(f"Ongeldige definitie in {bestand}, sleutel '{sleutel}': {reden}")

        _eis_bekend(bestand, vensters.vo_onderwijssoorten, self.onderwijssoorten,
                    "vo_onderwijssoorten")
        # Level comparisons (advice judgement, moving down in the bovenbouw) need a level.
        for code in vensters.vo_onderwijssoorten:
            if self.onderwijssoorten[code].niveau is None:
                raise fout("vo_onderwijssoorten", f"onderwijssoort '{code}' heeft geen niveau in "
                           "onderwijssoorten.yaml. Geef het een niveau of haal het uit de lijst.")

        in_afdeling: dict[str, str] = {}
        for naam, afdeling in vensters.afdelingen.items():
            sleutel = f"afdelingen.{naam}.onderwijssoorten"
            _eis_bekend(bestand, afdeling.onderwijssoorten, self.onderwijssoorten, sleutel)
            for code in afdeling.onderwijssoorten:
                if code not in vensters.vo_onderwijssoorten:
                    raise fout(sleutel, f"'{code}' staat niet in vo_onderwijssoorten. Voeg het daar "
                               "toe of haal het uit de afdeling.")
                if code in in_afdeling:
                    raise fout(sleutel, f"'{code}' staat ook in afdeling '{in_afdeling[code]}'. "
                               "Een onderwijssoort hoort bij één afdeling.")
                in_afdeling[code] = naam

        gemiddelde = vensters.driejaarsgemiddelde
        if gemiddelde.minimum_jaren > gemiddelde.jaren:
            raise fout("driejaarsgemiddelde.minimum_jaren",
                       f"{gemiddelde.minimum_jaren} is groter dan jaren ({gemiddelde.jaren}).")

        advies = vensters.schooladvies_plaatsing
        _eis_bekend(bestand, advies.vso_adviezen, self.adviezen, "schooladvies_plaatsing.vso_adviezen")
        if max(advies.herkomst_leerjaren) >= advies.leerjaar:
            raise fout("schooladvies_plaatsing.herkomst_leerjaren",
                       f"de leerjaren moeten voor leerjaar {advies.leerjaar} liggen.")

        onderbouw = vensters.onderbouwsnelheid
        _eis_bekend(bestand, onderbouw.onderwijssoorten, self.onderwijssoorten,
                    "onderbouwsnelheid.onderwijssoorten")
        for code in onderbouw.onderwijssoorten:
            if code not in vensters.vo_onderwijssoorten:
                raise fout("onderbouwsnelheid.onderwijssoorten", f"'{code}' staat niet in "
                           "vo_onderwijssoorten. Voeg het daar toe of haal het hier weg.")

        # Every onderwijssoort needs exactly one destination, so no graduate falls outside.
        in_bestemming: dict[str, str] = {}
        for naam, bestemming in vensters.doorstroom_vervolgonderwijs.bestemmingen.items():
            sleutel = f"doorstroom_vervolgonderwijs.bestemmingen.{naam}"
            if naam == GEEN_BESTEMMING or not re.fullmatch(r"[a-z0-9_]+", naam):
                raise fout(sleutel, f"ongeldige naam '{naam}': gebruik kleine letters, cijfers en "
                           f"'_', en niet '{GEEN_BESTEMMING}' (dat is de bestemming zonder "
                           "inschrijving).")
            _eis_bekend(bestand, bestemming.onderwijssoorten, self.onderwijssoorten,
                        f"{sleutel}.onderwijssoorten")
            for code in bestemming.onderwijssoorten:
                if code in in_bestemming:
                    raise fout(f"{sleutel}.onderwijssoorten", f"'{code}' staat ook in bestemming "
                               f"'{in_bestemming[code]}'. Een onderwijssoort hoort bij één "
                               "bestemming.")
                in_bestemming[code] = naam
        ontbreekt = [code for code in self.onderwijssoorten if code not in in_bestemming]
        if ontbreekt:
            raise fout("doorstroom_vervolgonderwijs.bestemmingen",
                       f"geen bestemming voor {', '.join(ontbreekt)}. Zet elke onderwijssoort in "
                       "precies één bestemming.")

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
        inhoud = lees_yaml(bestand.read_text(encoding="utf-8"))
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
