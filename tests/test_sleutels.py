"""Repeated keys are found, also where the key's hash is 2**63 or more."""

import polars as pl

from pipelines.sleutels import mogelijk_herhaald


def test_repeated_keys_marked():
    frame = pl.DataFrame({"a": ["x", "y", "x", "z"], "b": [1, 2, 1, None]})
    assert mogelijk_herhaald(frame, ["a", "b"]).to_list() == [True, False, True, False]


def test_large_hashes_compared():
    frame = pl.DataFrame({"a": [f"p{i}" for i in range(2000)] * 2})
    hashes = frame.select(pl.col("a").hash()).to_series()
    assert (hashes >= 2**63).any()
    assert mogelijk_herhaald(frame, ["a"]).all()
