import numpy as np

import pytest

from circuits.plots.debugging import plot_gradient_errors, set_gradient_errors
from circuits.widgets import EXPLORERS
from circuits.widgets.debugging import CASES, checklist_cases, debugging_explorer


def test_every_case_is_computed_once_and_the_explorer_shows_its_verdicts():
    cases = checklist_cases(0)
    assert set(cases) == set(CASES)
    explorer = debugging_explorer()
    explorer.set(bug="sign")
    assert explorer.readout.value.count("FAIL") == 2
    assert cases is checklist_cases(0)
    assert EXPLORERS["debugging_explorer"] is debugging_explorer


def test_gradient_bars_are_red_above_the_tolerance():
    ax = plot_gradient_errors({"W1": 0.5, "b1": 1e-9, "W2": 0.0})
    colours = [tuple(np.round(p.get_facecolor()[:3], 2)) for p in ax.patches]
    assert colours[0] != colours[1] and colours[1] == colours[2]
    assert ax.get_yscale() == "log"


def test_a_new_bug_is_drawn_in_place_with_its_own_bars_and_curve():
    cases = checklist_cases(0)
    explorer = debugging_explorer()
    explorer.set(bug="sign")
    explorer.set(bug="learning_rate")
    assert explorer.drawn_in_place
    left, right = explorer.figure.axes
    history = cases["learning_rate"]["overfit"].detail
    assert np.allclose(left.lines[0].get_ydata(), np.maximum(history.cost, 1e-3))
    errors = cases["learning_rate"]["gradient"].detail
    assert np.allclose([p.get_height() for p in right.patches], list(errors.values()))


def test_set_gradient_errors_recolours_the_bars_and_wants_one_error_per_bar():
    ax = plot_gradient_errors({"W1": 1e-9, "b1": 1e-9})
    set_gradient_errors(ax.patches, {"W1": 0.5, "b1": 0.0})
    assert [p.get_height() for p in ax.patches] == [0.5, 1e-12]
    assert ax.patches[0].get_facecolor() != ax.patches[1].get_facecolor()
    with pytest.raises(ValueError, match="3 errors for 2 bars"):
        set_gradient_errors(ax.patches, {"W1": 0.5, "b1": 0.0, "W2": 0.1})
