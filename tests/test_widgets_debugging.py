import numpy as np

from circuits.plots.debugging import plot_gradient_errors
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
