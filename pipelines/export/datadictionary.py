"""The data dictionary: every column of every output file, written from contracts/uitvoer/.

Regenerate docs/datadictionary.md after changing an output contract:

    python -m pipelines.export.datadictionary

The job also writes `datadictionary.md` into each council's folder, with the values that
depend on the council (its definitions and onderwijssoorten) filled in.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipelines.export.uitvoercontract import (
    REGISTRY_BRONNEN,
    REGISTRY_SOURCES,
    Uitvoercontract,
    Uitvoerkolom,
    alle_uitvoercontracten,
)
from pipelines.registry import Raad, Registry, laad_registry

PROJECT_MAP = Path(__file__).resolve().parents[2]
DOCS_BESTAND = PROJECT_MAP / "docs" / "datadictionary.md"

_KOP = """# Datadictionary / data dictionary

Gegenereerd uit `contracts/uitvoer/*.yaml` door `python -m pipelines.export.datadictionary`;
pas het contract aan, niet dit bestand. Generated from `contracts/uitvoer/*.yaml`; edit the
contract, not this file.

Elk Parquet-bestand draagt dezelfde tekst als Arrow-veldmetadata per kolom (sleutels `type`,
`omschrijving`, `description`, `eenheid`, `unit`, `waarden`, `leeg`, `empty`, `patroon`) en als
schemametadata (`bestand`, `omschrijving`, `description`, `sleutel`, `raad`,
`onderdrukking_drempel`). In een gepartitioneerde map staat de beschrijving van de
partitiekolom in de schemametadata `partitie` van elk deel. Every Parquet file carries the
same text as Arrow field metadata per column and as schema metadata. In a partitioned folder
the partition column's description is in each part's schema metadata key `partitie`.

Onderdrukking / suppression: een aantal van 1 tot de drempel (standaard 5, zie `manifest.json`)
is leeg, met `onderdrukt = true`; een 0 is een echte nul. A count from 1 up to the threshold is
empty with `onderdrukt = true`; a 0 is a real zero.
"""


def _cel(tekst: str | None) -> str:
    return "" if tekst is None else tekst.replace("|", "\\|").replace("\n", " ")


def _waarden(kolom: Uitvoerkolom, registry: Registry, raad: Raad | None) -> str:
    if kolom.patroon:
        return f"patroon `{kolom.patroon}`"
    if kolom.waarden is None:
        return {"bool": "true, false"}.get(kolom.type, "")
    waarden = kolom.waarden.bepaal(registry, raad)
    if waarden is None:
        bron = kolom.waarden.registry
        extra = "".join(f", `{w}`" for w in kolom.waarden.extra)
        return f"{REGISTRY_BRONNEN[bron]} / {REGISTRY_SOURCES[bron]}{extra}"
    return ", ".join(f"`{w}`" for w in waarden)


def _bestand(contract: Uitvoercontract, registry: Registry, raad: Raad | None) -> list[str]:
    partitie = contract.partitie
    grens = f"{partitie.vanaf_rijen:_}".replace("_", " ")
    regels = [
        f"## {contract.bestand}.parquet",
        "",
        contract.omschrijving,
        "",
        f"*{contract.description}*",
        "",
        f"- Sleutel / key: {', '.join(f'`{k}`' for k in contract.sleutel)} (één rij per "
        "combinatie / one row per combination).",
        f"- Vanaf {grens} rijen een map `{contract.bestand}.parquet/` met per "
        f"`{partitie.kolom}` een deel (hive: `{partitie.kolom}=<waarde>/deel-0.parquet`); "
        f"daaronder één bestand. From {grens} rows on, a hive-partitioned folder by "
        f"`{partitie.kolom}`; below that, one file.",
        "",
        "| kolom | type | eenheid / unit | waarden / values | leeg als / empty when "
        "| omschrijving | description |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for naam, kolom in contract.kolommen.items():
        eenheid = " / ".join(t for t in (kolom.eenheid, kolom.unit) if t)
        leeg = " / ".join(t for t in (kolom.leeg, kolom.empty) if t) or "nooit / never"
        regels.append(
            f"| `{naam}` | {kolom.type} | {_cel(eenheid)} "
            f"| {_cel(_waarden(kolom, registry, raad))} "
            f"| {_cel(leeg)} | {_cel(kolom.omschrijving)} | {_cel(kolom.description)} |"
        )
    regels.append("")
    return regels


def markdown(registry: Registry, raad: Raad | None = None) -> str:
    """Render the dictionary as Markdown; without a council, council values name their source."""
    regels = [_KOP]
    if raad is not None:
        regels.append(f"Raad: {raad.naam}.\n")
    for stam, contract in alle_uitvoercontracten().items():
        if raad is not None and stam == "advies_positie" and raad.advies_positie is None:
            continue
        regels.extend(_bestand(contract, registry, raad))
    return "\n".join(regels).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--definities", default=str(PROJECT_MAP / "definitions"),
        help="map met de definities (standaard: definitions/)",
    )
    parser.add_argument("--uit", default=str(DOCS_BESTAND), help="doelbestand")
    args = parser.parse_args(argv)
    Path(args.uit).write_text(markdown(laad_registry(args.definities)), encoding="utf-8")
    print(f"{args.uit} geschreven")
    return 0


if __name__ == "__main__":
    sys.exit(main())
