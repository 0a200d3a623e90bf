"""The initialisation explorer: its stacks are deep_activations' own, the knobs show the three
regimes in the readout, and a bad nonlinearity is refused."""
import re

import numpy as np
import pytest

pytest.importorskip("ipywidgets")
from circuits.diagnostics import deep_activations  # noqa: E402
from circuits.widgets.initialization import (DEPTH, POINTS, WIDTH,  # noqa: E402
                                             initialization_explorer, stack)


def test_the_cached_stack_is_the_package_stack():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((POINTS, WIDTH))
    expected = deep_activations(X, DEPTH, WIDTH, 0.1, "tanh", rng)
    assert all(np.array_equal(a, b) for a, b in zip(stack(0.1, "tanh"), expected))


def test_the_knobs_show_vanishing_and_saturating_activations():
    explorer = initialization_explorer()
    image = explorer.image.value
    explorer.set(scale=1.0)
    saturated = re.search(r"layer 10: (\d+)%", explorer.readout.value).group(1)
    assert explorer.image.value != image and int(saturated) > 50
    explorer.set(scale=0.01, nonlinearity="relu")
    last = re.search(r"layer 10 ([-+.e\d]+);", explorer.readout.value).group(1)
    assert float(last) < 1e-9 and explorer.error is None


def test_a_bad_nonlinearity_is_refused():
    with pytest.raises(ValueError, match="nonlinearity must be one of"):
        initialization_explorer(nonlinearity="sigmoid")
