"""Explorer for notebook 19: pick a bug of ``BrokenNet`` and see the four checks' verdicts, the
gradient check by parameter and the overfitting run; every case computed once, up front, so a
new pick only moves the curves and bars in place."""
from functools import lru_cache

import ipywidgets as W
import numpy as np
from matplotlib.lines import Line2D

from ..checklist import run_checklist
from ..datasets import spirals
from ..models.broken import BUGS, BrokenNet
from ..plots.axes import few_ticks, title_text
from ..plots.debugging import plot_gradient_errors, set_gradient_errors
from ..plots.monitoring import plot_costs
from .explorer import Explorer, InPlace

SIZES = (2, 64, 3)
CASES = ("no bug", *BUGS)
COST_FLOOR = 1e-3                   # costs below it drawn at it: the cost axis starts there


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


def _curve(findings):
    """The overfitting run's (iterations, cost floored at COST_FLOOR), or empty arrays."""
    history = findings["overfit"].detail
    if history is None:
        return np.empty(0), np.empty(0)
    return history.iterations, np.maximum(history.cost, COST_FLOOR)


def debugging_explorer(seed=0):
    """Buttons for the bug; the overfitting run's cost (the healthy one dashed), the gradient
    check by parameter, and the four verdicts underneath."""
    cases = checklist_cases(seed)

    def draw(fig, bug):
        left, right = fig.subplots(1, 2)
        fig.subplots_adjust(left=0.08, right=0.98, bottom=0.15, top=0.9, wspace=0.3)
        plot_costs({"picked": _curve(cases[bug]), "no bug": _curve(cases["no bug"])}, left,
                   legend=False)
        picked, healthy = left.lines
        healthy.set(color="0.45", ls="--", zorder=1.9)       # under the picked case's curve
        left.set(ylim=(COST_FLOOR, 1e3), xlim=(0, 300))
        left.legend([Line2D([], [], color="tab:blue"), Line2D([], [], color="0.45", ls="--")],
                    ["the bug picked", "no bug"], loc="upper right",
                    fontsize="small").set_zorder(1.5)       # under the curves, drawn in place
        title_text(left, "overfitting 10 points")
        bars = plot_gradient_errors(cases[bug]["gradient"].detail, right).patches
        title_text(right, "gradient check")
        for ax, powers in ((left, (-3, 0, 3)), (right, (-12, -8, -4, 0))):
            ax.minorticks_off()                 # log-scale minor ticks dominate a redraw
            ax.set_yticks([10.0 ** k for k in powers], labels=[f"1e{k}" for k in powers])
        few_ticks(left, xlim=(0, 300))

        def update(bug):                        # a new pick: the same artists, new data
            found = cases[bug]
            picked.set_data(*_curve(found))
            set_gradient_errors(bars, found["gradient"].detail)
            return ("\n".join(str(f) for f in found.values()),
                    [picked, *bars, *right.lines])

        return InPlace(update(bug)[0], update, live=("bug",))

    return Explorer(draw, {"bug": W.ToggleButtons(options=CASES, value="no bug",
                                                  description="bug")},
                    figsize=(10, 3.6), dpi=100)
