"""The two-moons training explorer: what its readout says at the ends of the training, and the
step slider moving the boundary in place."""
import numpy as np
import pytest

pytest.importorskip("ipywidgets")
from circuits.widgets import moons_explorer  # noqa: E402


def test_readout_follows_the_step_and_the_width():
    explorer = moons_explorer(step=100, hidden=16, seed=2)
    readout = explorer.readout.value
    assert "step 100: loss 0.0229, training accuracy 100% (337 parameters)" in readout
    explorer.set(step=0)
    assert "training accuracy 50%" in explorer.readout.value
    explorer.set(hidden=2)
    assert "(15 parameters)" in explorer.readout.value            # 3*2 + 3*2 + 3
    assert explorer.error is None and bytes(explorer.image.value).startswith(b"\x89PNG")



def test_the_step_moves_the_boundary_in_place():
    explorer = moons_explorer(step=100, hidden=4, seed=2)
    before = explorer.figure.axes[0].images[0].get_array().copy()
    explorer.set(step=10)
    assert explorer.drawn_in_place
    after = explorer.figure.axes[0].images[0].get_array()
    assert not np.array_equal(before, after)
    explorer.set(step=100)                                       # back: the same shading
    assert np.array_equal(explorer.figure.axes[0].images[0].get_array(), before)
    assert "step 100:" in explorer.readout.value
