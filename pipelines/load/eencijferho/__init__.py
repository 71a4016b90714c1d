"""DUO's 1cijferHO delivery: layout parser, decode tables, Croho.asc and the main file reader.

docs/eencijferho.md describes the choices (which rows count, leerjaar, pseudonymisation).
"""

from pipelines.load.eencijferho.hoofdbestand import lees_hoofdbestanden, vind_hoofdbestanden

__all__ = ["lees_hoofdbestanden", "vind_hoofdbestanden"]
