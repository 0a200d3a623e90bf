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


def test_both_knobs_are_drawn_in_place_over_axes_fixed_for_the_slider():
    from circuits.diagnostics import layer_stds
    explorer = initialization_explorer(scale=0.1)
    left, right = explorer.figure.axes
    limits = right.get_ylim()
    for scale in (0.01, 1.0):
        explorer.set(scale=scale)
        assert explorer.drawn_in_place
        assert explorer.figure.axes == [left, right] and right.get_ylim() == limits
        np.testing.assert_allclose(right.lines[0].get_ydata(), layer_stds(stack(scale, "tanh")))
        assert left.get_xlim() == (-1, 1)                 # tanh: always its whole range
    assert limits[0] <= layer_stds(stack(0.01, "tanh")).min()
    explorer.set(nonlinearity="relu")
    assert explorer.drawn_in_place and right.get_ylim() != limits
    top = max(np.abs(a).max() for a in stack(1.0, "relu"))
    assert left.get_xlim() == pytest.approx((0, top))   # relu: from 0 to the largest
    assert right.get_ylim()[1] >= layer_stds(stack(10 ** 0.5, "relu")).max()


def test_a_bad_nonlinearity_is_refused():
    with pytest.raises(ValueError, match="nonlinearity must be one of"):
        initialization_explorer(nonlinearity="sigmoid")
