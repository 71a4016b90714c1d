"""Peer: transitions and advice against position in plain pandas, as analysts write it today.

Read the Parquet files, pick the principal enrolment with sort and drop_duplicates, merge year t
with t + 1, group and count. Usage:
    python benchmarks/peers/pandas_impl.py EXTRACT_FOLDER OUTPUT_FOLDER
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from pipelines.registry import laad_registry
from pipelines.resources import PROJECT_MAP


def _lees(extract: Path, tabel: str) -> pd.DataFrame:
    return pd.concat(
        [pd.read_parquet(pad) for pad in sorted(extract.glob(f"{tabel}*.parquet"))],
        ignore_index=True,
    )


def _soorten() -> pd.DataFrame:
    registry = laad_registry(PROJECT_MAP / "definitions")
    return pd.DataFrame(
        [
            {
                "onderwijssoort": code,
                "prioriteit": registry.sectoren[soort.sector].prioriteit,
                "rang": soort.rang,
                "niveau_laag": soort.niveau[0] if soort.niveau else None,
                "niveau_hoog": soort.niveau[1] if soort.niveau else None,
            }
            for code, soort in registry.onderwijssoorten.items()
        ]
    ), registry


def hoofdinschrijvingen(inschrijvingen: pd.DataFrame, soorten: pd.DataFrame) -> pd.DataFrame:
    df = inschrijvingen.merge(soorten, on="onderwijssoort", how="left")
    df = df.sort_values(
        ["persoon_id", "schooljaar", "prioriteit", "rang", "vestiging", "leerjaar"],
        ascending=[True, True, False, False, True, True],
    )
    return df.drop_duplicates(["persoon_id", "schooljaar"], keep="first")


def transities(hoofd: pd.DataFrame, diplomas: pd.DataFrame) -> pd.DataFrame:
    laatste = hoofd["schooljaar"].max()
    oorsprong = hoofd[hoofd["schooljaar"] + 1 <= laatste][["persoon_id", "schooljaar", "onderwijssoort"]]
    volgend = hoofd[["persoon_id", "schooljaar", "onderwijssoort"]].copy()
    volgend["schooljaar"] = volgend["schooljaar"] - 1
    df = oorsprong.merge(volgend, on=["persoon_id", "schooljaar"], how="left", suffixes=("", "_naar"))
    df["naar"] = df["onderwijssoort_naar"].fillna("geen_inschrijving")
    met_diploma = diplomas[["persoon_id", "schooljaar"]].drop_duplicates()
    met_diploma["diploma"] = True
    df = df.merge(met_diploma, on=["persoon_id", "schooljaar"], how="left")
    df["diploma"] = df["diploma"].fillna(False).astype(bool)
    df = df.rename(columns={"onderwijssoort": "van"})
    return (
        df.groupby(["schooljaar", "van", "naar", "diploma"]).size().rename("aantal").reset_index()
    )


def advies_positie(adviezen: pd.DataFrame, hoofd: pd.DataFrame, registry) -> pd.DataFrame:
    instelling = registry.monitor.advies_positie
    eerste = adviezen[adviezen["advies_soort"] == "eerste"].sort_values(["persoon_id", "schooljaar"])
    eerste = eerste.drop_duplicates("persoon_id")[["persoon_id", "schooljaar", "advies"]]
    eerste = eerste.rename(columns={"schooljaar": "cohort"})
    eerste = eerste[eerste["cohort"] + instelling.laatste_jaar <= hoofd["schooljaar"].max()]

    vo = hoofd[hoofd["onderwijssoort"].isin(instelling.positie_onderwijssoorten)
               & (hoofd["leerjaar"] == instelling.leerjaar)]
    df = eerste.merge(vo[["persoon_id", "schooljaar", "onderwijssoort"]], on="persoon_id", how="left")
    verschil = df["schooljaar"] - df["cohort"]
    df = df[df["schooljaar"].isna()
            | verschil.between(instelling.eerste_jaar, instelling.laatste_jaar)]
    df = df.sort_values(["persoon_id", "schooljaar"]).drop_duplicates("persoon_id")
    df = eerste.merge(df[["persoon_id", "onderwijssoort"]], on="persoon_id", how="left")
    df["positie"] = df["onderwijssoort"].fillna("niet_in_leerjaar_3")

    labels = {code: advies.label for code, advies in registry.adviezen.items()}
    df["advies"] = df["advies"].map(labels)
    return (
        df.groupby(["cohort", "advies", "positie"]).size().rename("aantal").reset_index()
    )


def bereken(extract: Path, uitvoer: Path) -> None:
    soorten, registry = _soorten()
    hoofd = hoofdinschrijvingen(_lees(extract, "inschrijvingen"), soorten)
    uitvoer.mkdir(parents=True, exist_ok=True)
    transities(hoofd, _lees(extract, "diplomas")).to_parquet(uitvoer / "transities.parquet")
    advies_positie(_lees(extract, "schooladviezen"), hoofd, registry).to_parquet(
        uitvoer / "advies_positie.parquet"
    )


if __name__ == "__main__":
    bereken(Path(sys.argv[1]), Path(sys.argv[2]))
