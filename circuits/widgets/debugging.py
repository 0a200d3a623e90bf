"""Explorer for notebook 19: pick a bug of ``BrokenNet`` and see the four checks' verdicts, the
gradient check by parameter and the overfitting run; every case computed once, up front."""
from functools import lru_cache

import ipywidgets as W
import numpy as np

from ..checklist import run_checklist
from ..datasets import spirals
from ..models.broken import BUGS, BrokenNet
from ..plots.axes import few_ticks
from ..plots.debugging import plot_gradient_errors
from ..plots.monitoring import plot_costs
from .explorer import Explorer

SIZES = (2, 64, 3)
CASES = ("no bug", *BUGS)


@lru_cache(maxsize=2)
def checklist_cases(seed=0):
    """{case: {check: Finding}} for the healthy net and each bug alone, on
    ``spirals(50, 3, 0.2, seed)`` with every 15th point as the tiny subset; cached, read-only."""
    X, y = spirals(50, 3, 0.2, seed)
    tiny = np.arange(2, len(y), 15)
    found = {}
    for case in CASES:
        net = BrokenNet(SIZES, np.random.default_rng(seed), () if case == "no bug" else case)
        found[case] = run_checklist(net, X, y, net.learning_rate, tiny)
    return found


def debugging_explorer(seed=0):
    """Buttons for the bug; the overfitting run's cost (the healthy one dashed), the gradient
    check by parameter, and the four verdicts underneath."""
    cases = checklist_cases(seed)

    def draw(fig, bug):
        found = cases[bug]
        left, right = fig.subplots(1, 2)
        fig.subplots_adjust(left=0.08, right=0.98, bottom=0.16, wspace=0.35)
        curves = {}
        for label, case in ((bug, bug), ("no bug", "no bug")):
            history = cases[case]["overfit"].detail
            if history is not None:
                curves[label] = (history.iterations, np.maximum(history.cost, 1e-3))
        plot_costs(curves, left, legend=False)
        left.set(title=f"overfitting: {bug} (blue), no bug (orange)", ylim=(1e-3, 1e3))
        plot_gradient_errors(found["gradient"].detail, right)
        right.set_title("gradient check")
        for ax, powers in ((left, (-3, 0, 3)), (right, (-12, -8, -4, 0))):
            ax.minorticks_off()                 # log-scale minor ticks dominate a redraw
            ax.set_yticks([10.0 ** k for k in powers], labels=[f"1e{k}" for k in powers])
        few_ticks(left, xlim=(0, 300))
        return "\n".join(str(f) for f in found.values())

    return Explorer(draw, {"bug": W.ToggleButtons(options=CASES, value="no bug",
                                                  description="bug")}, figsize=(9, 3.4))
