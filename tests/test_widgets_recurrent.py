"""The gradient-flow explorer: its curve is the package's gradient norms for the slider's scale,
and moving the slider moves that curve in place, over axes that stay the same."""
import numpy as np
import pytest

pytest.importorskip("ipywidgets")
from circuits.models.sequence import rnn_gradient_norms  # noqa: E402
from circuits.widgets.recurrent import gradient_flow_explorer  # noqa: E402


def test_moving_the_scale_moves_its_curve_in_place():
    explorer = gradient_flow_explorer(scale=0.5, seed=1)
    ax = explorer.figure.axes[0]
    limits = ax.get_ylim()
    for scale in (2.0, 0.25):
        explorer.set(scale=scale)
        assert explorer.drawn_in_place and explorer.figure.axes == [ax]
        norms = rnn_gradient_norms(scale, 50, 100, np.random.default_rng(1))
        np.testing.assert_allclose(ax.lines[0].get_ydata(), np.log10(norms))
        per_step = norms[0] ** (1 / 49)
        assert f"Wh scale {scale:.2f}: about {per_step:.2f}x" in ax.texts[-1].get_text()
        assert f"{norms[0]:.2e} times" in explorer.readout.value
    assert ax.get_ylim() == limits == (-40, 10)       # the whole slider's range, fixed
    reference = rnn_gradient_norms(1.0, 50, 100, np.random.default_rng(1))
    np.testing.assert_allclose(ax.lines[1].get_ydata(), np.log10(reference))
