"""The momentum explorer: its curves are the package's descent path and distances for the
sliders' settings, each move drawn in place, and the readout's verdict is the path's."""
import numpy as np
import pytest

pytest.importorskip("ipywidgets")
from circuits import optim  # noqa: E402
from circuits.optimization import descent_path, iterations_to_reach  # noqa: E402
from circuits.widgets.optimization import START, TOLERANCE, momentum_explorer  # noqa: E402


def test_both_sliders_move_the_path_and_its_distances_in_place():
    explorer = momentum_explorer(shown=30, max_iterations=300)
    left, right = explorer.figure.axes
    for move in (dict(learning_rate=0.48, momentum=0.0), dict(momentum=0.5)):
        explorer.set(**move)
        assert explorer.drawn_in_place
        assert explorer.figure.axes == [left, right]
        config = {"learning_rate": explorer.values["learning_rate"],
                  "momentum": explorer.values["momentum"]}
        path = descent_path(optim.sgd_momentum, config, START, 300)
        np.testing.assert_allclose(left.lines[-1].get_xydata(), path[:31])
        np.testing.assert_allclose(right.lines[-1].get_ydata(), np.linalg.norm(path, axis=1))
        steps = iterations_to_reach(optim.sgd_momentum, config, START, TOLERANCE, 300)
        assert f"within 1e-06 of the minimum after {steps} steps" in explorer.readout.value
    assert right.get_ylim() == pytest.approx((1e-8, 1e3)) and left.get_xlim() == (-4, 4)


def test_a_step_too_large_is_called_diverging():
    explorer = momentum_explorer(learning_rate=0.3, momentum=0.0)
    explorer.set(learning_rate=1.2)                 # 1.2 x curvature 2 > 2: every step grows
    assert "diverges" in explorer.readout.value and explorer.error is None
