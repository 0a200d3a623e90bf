"""The engine benchmark's workload gives the same losses in circuits and micrograd (no timing)."""
import importlib.util
import pathlib

import pytest

pytest.importorskip("micrograd")
path = pathlib.Path(__file__).parents[1] / "benchmarks" / "engine_vs_micrograd.py"
spec = importlib.util.spec_from_file_location("engine_vs_micrograd", path)
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


def test_both_engines_train_the_same_network_to_the_same_losses():
    ours, theirs, _, _ = bench.compare(steps=3, repeats=1)
    assert ours == pytest.approx(theirs, rel=1e-9)
    assert ours[-1] < ours[0]          # and training does something
