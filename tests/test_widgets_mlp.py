"""The two-moons training explorer: what its readout says at the ends of the training."""
import pytest

pytest.importorskip("ipywidgets")
from circuits.widgets import moons_explorer  # noqa: E402


def test_readout_follows_the_step_and_the_width():
    explorer = moons_explorer(step=100, hidden=16, seed=2)
    assert "step 100: loss 0.0229, training accuracy 100% (337 parameters)" in explorer.readout.value
    explorer.set(step=0)
    assert "training accuracy 50%" in explorer.readout.value
    explorer.set(hidden=2)
    assert "(15 parameters)" in explorer.readout.value            # 3*2 + 3*2 + 3
    assert explorer.error is None and bytes(explorer.image.value).startswith(b"\x89PNG")

