"""Command line: python -m pipelines.genereer --uitvoer /tmp/landelijk --schaal 0.1"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from pipelines.errors import DoorstroomFout
from pipelines.genereer.genereer import genereer
from pipelines.resources import PROJECT_MAP

STANDAARD_DUO = PROJECT_MAP.parent / "shared" / "duo"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pipelines.genereer",
        description=(
            "Genereer een synthetisch landelijk extract (inschrijvingen, schooladviezen, "
            "diplomas, vestigingen), gekalibreerd op DUO's open data; zie docs/kalibratie.md."
        ),
    )
    parser.add_argument("--uitvoer", type=Path, required=True,
                        help="map voor het extract (buiten de repository, bijv. /tmp/landelijk)")
    parser.add_argument("--schaal", type=float, default=1.0,
                        help="deel van de werkelijke aantallen, 0 < schaal <= 1 (standaard 1.0)")
    parser.add_argument("--eerste-jaar", type=int, default=2015, help="eerste schooljaar (standaard 2015)")
    parser.add_argument("--laatste-jaar", type=int, default=2024, help="laatste schooljaar (standaard 2024)")
    parser.add_argument("--seed", type=int, default=20190101, help="startwaarde van de toevalsgenerator")
    parser.add_argument("--formaat", choices=("parquet", "csv"), default="parquet",
                        help="parquet (standaard) of csv zoals DUO levert: ';' en Windows-1252")
    parser.add_argument("--provincie", action="append", dest="provincies",
                        help="alleen vestigingen in deze provincie (herhaalbaar), bijv. Zeeland")
    parser.add_argument("--duo", type=Path, default=STANDAARD_DUO,
                        help=f"map met de DUO-bestanden (standaard {STANDAARD_DUO})")
    parser.add_argument("--definities", type=Path, default=PROJECT_MAP / "definitions",
                        help="map met de definities (standaard definitions/)")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    try:
        verslag = genereer(
            args.uitvoer, duo=args.duo, definities=args.definities, schaal=args.schaal,
            eerste_jaar=args.eerste_jaar, laatste_jaar=args.laatste_jaar, seed=args.seed,
            formaat=args.formaat, provincies=args.provincies,
        )
    except DoorstroomFout as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        return 1

    for naam, rijen in verslag.bestanden.items():
        print(f"{naam}: {rijen} rijen")
    tijden = ", ".join(f"{stap} {sec:.1f} s" for stap, sec in verslag.seconden.items())
    print(f"{verslag.personen} personen; {tijden}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
