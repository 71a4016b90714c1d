"""Read 1cijferHO main files (fixed width, Latin-1) as rows of the inschrijvingen or diplomas table.

Which fields are read and which values count is set in definitions/eencijferho.yaml; positions
come from the Bestandsbeschrijving in the layout folder. Only the named fields are cut out of
each line, so the Burgerservicenummer field never becomes a column.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import polars as pl

from pipelines.errors import DefinitieFout, InvoerFout, PersoonsgegevensFout
from pipelines.load.bestanden import BESTAND, REGEL
from pipelines.load.eencijferho.indeling import (
    Indeling,
    Veld,
    lees_bestandsbeschrijving,
    normaliseer_veldnaam,
)
from pipelines.load.eencijferho.pseudoniem import Pseudonimiseerder, pseudonimiseerder_uit_omgeving
from pipelines.registry import Eencijferho, Registry

TABELLEN = ("inschrijvingen", "diplomas")
# The fields read are codes and numbers. Latin-1 maps every byte value, so decoding never raises.
CODERING = "latin-1"
# Institutions receive EV*.asc files (EV2023.asc); the Bestandsbeschrijving's title names the
# national file 1cyferho_<jaar>_v<versie>.asc. 1cijferho*.asc is accepted as the spelled-out name.
VOORVOEGSELS = ("ev", "1cyferho", "1cijferho")
EXTENSIE = ".asc"
LAYOUT_VARIABELE = "DOORSTROOM_1CIJFERHO_LAYOUT"
STANDAARD_LAYOUT_MAP = "1cijferho"
# A relative DOORSTROOM_1CIJFERHO_LAYOUT counts from the project folder, like the other paths.
_PROJECT_MAP = Path(__file__).resolve().parents[3]
# The description of the main file, e.g. Bestandsbeschrijving_1cyferho_2023_v1.1.txt.
BESCHRIJVING_PATROON = "Bestandsbeschrijving_1c*ferho*.txt"
# Fields whose name contains this are never cut out of a line.
VERBODEN_VELD = "burgerservicenummer"
# Bytes of lines read per batch; memory stays near this plus the batch's selected fields.
_BLOKGROOTTE = 16 * 1024 * 1024


def vind_hoofdbestanden(extract: Path) -> list[Path]:
    """List the 1cijferHO main files directly in the extract folder, sorted by name."""
    return sorted(
        pad
        for pad in extract.iterdir()
        if pad.is_file()
        and pad.suffix.lower() == EXTENSIE
        and pad.name.lower().startswith(VOORVOEGSELS)
    )


def layout_map(extract: Path) -> Path:
    """Return the folder with the Bestandsbeschrijving and decode tables.

    That is DOORSTROOM_1CIJFERHO_LAYOUT when set, else the `1cijferho` subfolder of the extract.
    """
    waarde = os.environ.get(LAYOUT_VARIABELE)
    if not waarde:
        return extract / STANDAARD_LAYOUT_MAP
    pad = Path(waarde)
    return pad if pad.is_absolute() else _PROJECT_MAP / pad


def hoofdindeling(map_: Path) -> Indeling:
    """Read the main file's layout from the one Bestandsbeschrijving_1cyferho*.txt in `map_`."""
    beschrijvingen = sorted(map_.glob(BESCHRIJVING_PATROON)) if map_.is_dir() else []
    if len(beschrijvingen) != 1:
        gevonden = ", ".join(p.name for p in beschrijvingen) or "geen"
        raise InvoerFout(
            f"In de layoutmap '{map_}' moet precies één bestandsbeschrijving van het "
            f"1cijferHO-hoofdbestand staan ({BESCHRIJVING_PATROON}); gevonden: {gevonden}. Zet "
            f"de bestandsbeschrijving van deze levering in de submap '{STANDAARD_LAYOUT_MAP}' van "
            f"de extractmap, of zet {LAYOUT_VARIABELE} op de map waar hij staat."
        )
    indelingen = lees_bestandsbeschrijving(beschrijvingen[0])
    if len(indelingen) != 1:
        raise InvoerFout(
            f"Bestandsbeschrijving '{beschrijvingen[0].name}' beschrijft {len(indelingen)} "
            "bestanden; verwacht één veldtabel voor het hoofdbestand. Gebruik de "
            "bestandsbeschrijving van het 1cijferHO-hoofdbestand."
        )
    return indelingen[0]


def lees_hoofdbestanden(
    extract: Path, tabel: str, registry: Registry | None
) -> list[tuple[Path, pl.DataFrame, dict]]:
    """Read the extract's 1cijferHO main files as rows of `tabel`: (file, text frame, read info).

    Returns an empty list for other tables or when the extract has no main file. The frame has
    `_bestand`, `_regel` (line in the file) and the contract's columns as text.
    """
    if tabel not in TABELLEN:
        return []
    paden = vind_hoofdbestanden(extract)
    if not paden:
        return []
    if registry is None:
        raise ValueError("reading 1cijferHO files needs the definitions registry")
    if registry.eencijferho is None:
        raise DefinitieFout(
            f"Het extract bevat 1cijferHO-bestanden ({', '.join(p.name for p in paden)}), maar "
            f"{registry.folder / 'eencijferho.yaml'} ontbreekt. Herstel dat bestand uit de "
            "repository."
        )
    indeling = hoofdindeling(layout_map(extract))
    pseudoniem = pseudonimiseerder_uit_omgeving(paden[0])
    # NOTE: the inschrijvingen and diplomas assets each read the main file once, so a
    # multi-gigabyte national file is read twice per run.
    return [
        (pad, *lees_hoofdbestand(pad, tabel, indeling, registry.eencijferho, pseudoniem))
        for pad in paden
    ]


def lees_hoofdbestand(
    pad: Path,
    tabel: str,
    indeling: Indeling,
    definitie: Eencijferho,
    pseudoniem: Pseudonimiseerder,
) -> tuple[pl.DataFrame, dict]:
    """Read one main file as rows of `tabel`, with persoon_id pseudonymised."""
    velden = _velden(indeling, definitie)
    naar_contract = naar_inschrijvingen if tabel == "inschrijvingen" else naar_diplomas

    delen: list[pl.DataFrame] = []
    regels = 0
    for blok in _lees_blokken(pad, velden, indeling.recordlengte):
        regels += blok.height
        rijen = naar_contract(blok, definitie)
        delen.append(pseudoniem.vervang_kolom(rijen, "persoon"))

    frame = pl.concat(delen) if delen else _leeg(tabel)
    frame = frame.with_columns(pl.lit(pad.name).alias(BESTAND))
    leesinfo = {
        "formaat": "1cijferHO, vaste breedte",
        "codering": CODERING,
        "bestandsbeschrijving": indeling.bron.name,
        "regels": regels,
        "overgeslagen": regels - frame.height,
    }
    return frame, leesinfo


def _velden(indeling: Indeling, definitie: Eencijferho) -> dict[str, Veld]:
    velden = {rol: indeling.veld(naam) for rol, naam in definitie.velden.model_dump().items()}
    for rol, veld in velden.items():
        if VERBODEN_VELD in normaliseer_veldnaam(veld.naam):
            raise PersoonsgegevensFout(
                f"definitions/eencijferho.yaml, sleutel 'velden.{rol}': het veld '{veld.naam}' "
                "wordt nooit gelezen, omdat het een burgerservicenummer bevat. Gebruik voor de "
                "persoon het veld 'Persoonsgebonden nummer' of 'Onderwijsnummer'."
            )
    return velden


def _lees_blokken(pad: Path, velden: dict[str, Veld], recordlengte: int) -> Iterator[pl.DataFrame]:
    """Yield the file's non-blank lines in batches, as text columns per role plus `_regel`.

    Each line is sliced by byte position (Latin-1 has one byte per character) and only the
    named fields are kept, so no other field of the line leaves this function.
    """
    eerste_regel = 1
    with pad.open("rb") as bestand:
        while ruwe_regels := bestand.readlines(_BLOKGROOTTE):
            nummers: list[int] = []
            regels: list[bytes] = []
            for nummer, regel in enumerate(ruwe_regels, start=eerste_regel):
                regel = regel.rstrip(b"\r\n")
                if len(regel) > recordlengte:
                    raise InvoerFout(
                        f"Bestand '{pad.name}', regel {nummer}: de regel is {len(regel)} tekens "
                        f"lang, maar de bestandsbeschrijving beschrijft {recordlengte} tekens. "
                        "Gebruik de bestandsbeschrijving van dezelfde levering als het bestand."
                    )
                if regel.strip():
                    nummers.append(nummer)
                    regels.append(regel)
            eerste_regel += len(ruwe_regels)
            del ruwe_regels

            kolommen = {
                rol: [regel[veld.plak].decode(CODERING).strip() or None for regel in regels]
                for rol, veld in velden.items()
            }
            schema = {REGEL: pl.Int64, **{rol: pl.String for rol in velden}}
            yield pl.DataFrame({REGEL: nummers, **kolommen}, schema=schema)


def _onderwijssoort(definitie: Eencijferho) -> tuple[pl.Expr, pl.Expr]:
    """Return the onderwijssoort expression and the filter for types that stay out of the monitor.

    A soort/type pair that the YAML does not name stays as '<soort>-<type>', so the contract
    puts the row in quarantine as an unknown onderwijssoort instead of dropping it unseen.
    """
    paar = pl.concat_str(
        [pl.col("soort_ho").str.to_lowercase(), pl.lit("-"), pl.col("type_ho").str.to_lowercase()]
    )
    toewijzing: dict[str, str] = {}
    buiten_monitor: list[str] = []
    for soort, types in definitie.onderwijssoorten.items():
        for type_, code in types.items():
            sleutel = f"{soort.lower()}-{type_.lower()}"
            if code is None:
                buiten_monitor.append(sleutel)
            else:
                toewijzing[sleutel] = code
    return paar.replace(toewijzing), paar.is_in(buiten_monitor).fill_null(False)


def _vestiging(*nummers: str) -> pl.Expr:
    """Brin plus the first filled two-digit vestigingsnummer, or '00' when none is filled."""
    return pl.concat_str([pl.col("brin"), pl.coalesce(*nummers, pl.lit("00"))])


def naar_inschrijvingen(blok: pl.DataFrame, definitie: Eencijferho) -> pl.DataFrame:
    """Keep enrolments active on 1 October with a counted soort inschrijving, as contract rows.

    `leerjaar` is the number of 1 October enrolments in this programme at this institution so
    far, capped at `hoogste_leerjaar`. A value that is not a number stays as delivered, so the
    contract check shows it.
    """
    regels = definitie.inschrijvingen
    onderwijssoort, buiten_monitor = _onderwijssoort(definitie)
    telt = (
        pl.col("actief_op_peildatum").is_in(regels.actief_op_peildatum)
        & pl.col("soort_inschrijving").is_in(regels.soort_inschrijving)
    ).fill_null(False)
    jaren = pl.col("leerjaar").cast(pl.Int64, strict=False)
    leerjaar = (
        pl.when(jaren.is_not_null())
        .then(pl.min_horizontal(jaren, pl.lit(regels.hoogste_leerjaar)).cast(pl.String))
        .otherwise(pl.col("leerjaar"))
    )
    return blok.filter(telt & ~buiten_monitor).select(
        REGEL,
        "persoon",
        "schooljaar",
        "brin",
        _vestiging("vestigingsnummer").alias("vestiging"),
        onderwijssoort.alias("onderwijssoort"),
        leerjaar.alias("leerjaar"),
        "opleidingscode",
    )


def naar_diplomas(blok: pl.DataFrame, definitie: Eencijferho) -> pl.DataFrame:
    """Keep rows with a diploma of a counted phase, as contract rows in the diploma's school year.

    DUO's Diplomajaar T covers October T to September T+1, so it is the schooljaar of the
    diploma as the contract counts it (diploma in school year T, next 1 October in T+1).
    """
    regels = definitie.diplomas
    onderwijssoort, buiten_monitor = _onderwijssoort(definitie)
    heeft_diploma = (
        (pl.col("diplomajaar").cast(pl.Int64, strict=False) > 0)
        & pl.col("diploma_fase").is_in(regels.fasen)
        & ~pl.col("soort_diploma").is_in(regels.soort_diploma_ongeldig).fill_null(False)
    ).fill_null(False)
    return blok.filter(heeft_diploma & ~buiten_monitor).select(
        REGEL,
        "persoon",
        pl.col("diplomajaar").alias("schooljaar"),
        "brin",
        _vestiging("diploma_vestigingsnummer", "vestigingsnummer").alias("vestiging"),
        onderwijssoort.alias("onderwijssoort"),
        "opleidingscode",
    )


def _leeg(tabel: str) -> pl.DataFrame:
    kolommen = ["schooljaar", "brin", "vestiging", "onderwijssoort", "opleidingscode"]
    if tabel == "inschrijvingen":
        kolommen.insert(4, "leerjaar")
    return pl.DataFrame(
        schema={REGEL: pl.Int64, **{k: pl.String for k in kolommen}, "persoon_id": pl.String}
    )
