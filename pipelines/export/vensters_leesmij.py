"""LEESMIJ.md of the Vensters VO feed, built from the definitions the run used."""

from __future__ import annotations

from pipelines.export.vensters import BESTAND, DECIMALEN, FEED, SCHEIDINGSTEKEN
from pipelines.registry import GEEN_BESTEMMING, Registry
from pipelines.transform.vensters_advies import OORDEEL_INDICATOREN, UITSLUITING_INDICATOREN
from pipelines.transform.vensters_voortgang import BOVENBOUWSUCCES, ONDERBOUWSNELHEID
from pipelines.transform.vensters_vervolg import indicatoren



def _kolommen(registry: Registry) -> dict[str, str]:
    afdelingen = ", ".join(registry.vensters_vo.afdelingen)
    return {
        "brin": "brinnummer van de instelling",
        "vestiging": "vestigingscode (brinnummer plus volgnummer)",
        "indicator": "code van de indicator, zie hieronder",
        "afdeling": f"afdeling ({afdelingen}) bij indicatoren per afdeling, anders leeg",
        "schooljaar": "eerste jaar van het schooljaar: 2022 is 2022-2023",
        "teller": "aantal leerlingen dat aan de indicator voldoet",
        "noemer": "aantal leerlingen waarover de indicator gaat, nooit 0",
        "waarde": f"teller / noemer, een aandeel tussen 0 en 1, afgerond op {DECIMALEN} decimalen",
        "gemiddelde_3_jaar": (
            f"gewogen driejaarsgemiddelde, afgerond op {DECIMALEN} decimalen (zie hieronder), of "
            "leeg bij te weinig jaren"
        ),
        "onderdrukt": "true als in deze rij een getal is weggelaten om kleine aantallen te beschermen",
    }


def _indicatortabel(registry: Registry) -> list[str]:
    advies = registry.vensters_vo.schooladvies_plaatsing
    advies_beoordeeld = "leerlingen met een beoordeeld advies"
    advies_alle = "alle leerlingen van de populatie (beoordeeld of niet)"
    rijen = [
        (OORDEEL_INDICATOREN["onder"], "nee", "onder het advies geplaatst", advies_beoordeeld),
        (OORDEEL_INDICATOREN["op"], "nee", "op het advies geplaatst", advies_beoordeeld),
        (OORDEEL_INDICATOREN["boven"], "nee", "boven het advies geplaatst", advies_beoordeeld),
        (UITSLUITING_INDICATOREN["geen_advies"], "nee",
         "geen advies, of een advies zonder niveau (code 0)", advies_alle),
        (UITSLUITING_INDICATOREN["vso_advies"], "nee", "vso-advies", advies_alle),
        (UITSLUITING_INDICATOREN["vo_verlaten"], "nee",
         f"na leerjaar {max(advies.herkomst_leerjaren)} niet meer in het regulier vo", advies_alle),
        (ONDERBOUWSNELHEID, "nee", "een jaar later één leerjaar hoger",
         "leerlingen in de onderbouwleerjaren"),
        (BOVENBOUWSUCCES, "ja", "een jaar later één leerjaar hoger zonder af te stromen, of "
         "geslaagd", "leerlingen in de bovenbouw van de afdeling"),
    ]
    bestemmingen = registry.vensters_vo.doorstroom_vervolgonderwijs.bestemmingen
    per_bestemming, per_gebleven = indicatoren(registry)
    for naam, code in per_bestemming.items():
        label = "geen inschrijving" if naam == GEEN_BESTEMMING else bestemmingen[naam].label
        rijen.append((code, "ja", f"op 1 oktober na het examen: {label}",
                      "gediplomeerden van de afdeling"))
    for naam, code in per_gebleven.items():
        rijen.append((code, "ja", "een jaar later nog in dezelfde onderwijssector",
                      f"gediplomeerden die op 1 oktober na het examen in {bestemmingen[naam].label} "
                      "stonden"))
    regels = ["| indicator | per afdeling | teller | noemer |", "| --- | --- | --- | --- |"]
    regels += [f"| `{code}` | {afdeling} | {teller} | {noemer} |"
               for code, afdeling, teller, noemer in rijen]
    return regels


def _definities(registry: Registry) -> list[str]:
    vensters = registry.vensters_vo
    delen = [
        ("Schooladvies en plaatsing (`advies_*`)", vensters.schooladvies_plaatsing),
        ("Onderbouwsnelheid", vensters.onderbouwsnelheid),
        ("Bovenbouwsucces", vensters.bovenbouwsucces),
        ("Doorstroom naar vervolgonderwijs (`doorstroom_*`)", vensters.doorstroom_vervolgonderwijs),
        ("Driejaarsgemiddelde", vensters.driejaarsgemiddelde),
    ]
    regels = []
    for titel, definitie in delen:
        regels += [f"### {titel}", "", definitie.omschrijving, "", f"Bron: {definitie.bron}", ""]
    return regels


def leesmij(registry: Registry, drempel: int, definities_hash: str) -> str:
    """Return the Dutch LEESMIJ.md text for the feed folder."""
    vensters = registry.vensters_vo
    gemiddelde = vensters.driejaarsgemiddelde
    afdelingen = [
        f"- `{naam}`: {afdeling.label} ({', '.join(afdeling.onderwijssoorten)})"
        for naam, afdeling in vensters.afdelingen.items()
    ]
    if drempel > 1:
        onderdrukking = (
            f"Een teller of noemer van 1 tot en met {drempel - 1} is leeg, net als de waarde en het "
            "driejaarsgemiddelde van die rij. Een driejaarsgemiddelde is ook leeg als een van de "
            f"jaren waarover het gaat een teller of noemer van 1 tot en met {drempel - 1} heeft. "
            "Een 0 wordt wel gepubliceerd. `onderdrukt` is true op elke rij waarin iets is "
            "weggelaten. Secundaire onderdrukking is er nog niet: een weggelaten teller is soms "
            "terug te rekenen uit de noemer en de andere categorieën van dezelfde vestiging en "
            "hetzelfde jaar."
        )
    else:
        onderdrukking = "Uit: niets is onderdrukt. Deze uitvoer is alleen voor intern gebruik."
    regels = [
        "# Vensters VO-feed",
        "",
        vensters.omschrijving,
        "",
        f"Bron: {vensters.bron}",
        "",
        "## Bestanden",
        "",
        f"- `{BESTAND}.csv`: tekst in UTF-8 zonder BOM, scheidingsteken `{SCHEIDINGSTEKEN}`, "
        "decimale punt, regeleinde LF. De eerste regel is de kop. Een lege cel heeft geen waarde.",
        f"- `{BESTAND}.parquet`: dezelfde rijen en kolommen, met kolomtypen.",
        "- `LEESMIJ.md`: dit bestand.",
        "",
        "Eén rij per vestiging, indicator, afdeling (waar die van toepassing is) en schooljaar. "
        "Een rij staat er alleen als de noemer groter is dan 0. Een schooljaar staat er alleen "
        "als de jaren die de indicator nodig heeft in het extract zitten: het jaar erna (en bij "
        "`doorstroom_*_na_een_jaar` het jaar daarna), en bij `advies_*` leerjaar 1 en het "
        "schooladvies van groep 8.",
        "",
        "## Kop",
        "",
        "```",
        SCHEIDINGSTEKEN.join(FEED),
        "```",
        "",
        "## Kolommen",
        "",
        "| kolom | type | betekenis |",
        "| --- | --- | --- |",
        *[f"| `{kolom}` | {FEED[kolom]} | {uitleg} |"
          for kolom, uitleg in _kolommen(registry).items()],
        "",
        "## Indicatoren",
        "",
        *_indicatortabel(registry),
        "",
        "Afdelingen en hun onderwijssoorten (een gecombineerde klas telt bij het laagste niveau):",
        "",
        *afdelingen,
        "",
        "## Driejaarsgemiddelde",
        "",
        f"Het gemiddelde van schooljaar t telt de tellers en de noemers op over de rijen van "
        f"dezelfde vestiging, indicator en afdeling in de schooljaren t − {gemiddelde.jaren - 1} "
        "tot en met t, en deelt die sommen. Zo weegt elk jaar mee naar het aantal leerlingen. "
        f"Het gemiddelde is leeg als minder dan {gemiddelde.minimum_jaren} van die jaren een rij "
        "hebben; jaar t zelf heeft er altijd een.",
        "",
        "## Onderdrukking",
        "",
        onderdrukking,
        "",
        "## Definities",
        "",
        *_definities(registry),
        f"Definities: `definitions/vensters-vo.yaml`, SHA-256 van alle definitiebestanden "
        f"`{definities_hash}`.",
        "",
    ]
    return "\n".join(regels)
