"""Explorer for notebook 15: the heavy ball on the ill-conditioned quadratic, its path computed
live (a few hundred cheap steps) for any step size and momentum."""
from functools import lru_cache

import ipywidgets as W
import numpy as np
from matplotlib.ticker import NullLocator

from .. import optim
from ..optimization import (CURVATURES, descent_path, iterations_to_reach, optimal_gd,
                            optimal_momentum)
from ..plots.axes import few_ticks, title_text
from ..plots.optimization import plot_contours
from .explorer import Explorer, InPlace

START = (-3.5, 1.0)
TOLERANCE = 1e-6


def momentum_explorer(learning_rate=None, momentum=None, shown=40, max_iterations=400):
    """Step size and momentum sliders (default: the best settings theory gives) over the path of
    ``circuits.optim.sgd_momentum`` on f = 0.1 x1^2 + 2 x2^2, with the steps it needs to come
    within 1e-6 of the minimum."""
    best_rate, best_momentum = optimal_momentum(CURVATURES)
    learning_rate = round(best_rate, 2) if learning_rate is None else learning_rate
    momentum = round(best_momentum, 2) if momentum is None else momentum
    reference = iterations_to_reach(optim.sgd, {"learning_rate": optimal_gd(CURVATURES)},
                                    START, TOLERANCE, max_iterations)

    @lru_cache(maxsize=256)
    def run(learning_rate, momentum):
        config = {"learning_rate": learning_rate, "momentum": momentum}
        path = descent_path(optim.sgd_momentum, config, START, max_iterations)
        with np.errstate(over="ignore"):
            return path, np.linalg.norm(path, axis=1)

    def draw(fig, learning_rate, momentum):
        left, right = fig.subplots(1, 2, gridspec_kw=dict(width_ratios=(1.6, 1), left=0.07,
                                                          right=0.98, bottom=0.14, top=0.9,
                                                          wspace=0.3))
        plot_contours(left)
        few_ticks(left, (-4, 4), (-2, 2))
        steps, = left.plot([], [], ".-", color="tab:blue", lw=1, ms=3)
        title_text(left, f"the first {shown} steps")
        right.axhline(TOLERANCE, color="0.4", ls=":", lw=1)     # under the curve
        curve, = right.plot([], [], color="tab:blue", lw=1.4)
        right.set(yscale="log", xlim=(0, max_iterations), ylim=(1e-8, 1e3), xlabel="iteration",
                  ylabel="distance (log scale)")
        right.set_yticks([1e-6, 1e-3, 1.0], labels=["goal 1e-6", "1e-3", "1"])
        right.yaxis.set_minor_locator(NullLocator())     # log-scale minor ticks cost 100s of ms
        few_ticks(right, (0, max_iterations))
        title_text(right, "distance to the minimum")

        def update(learning_rate, momentum):           # both sliders: the same two curves
            path, distance = run(learning_rate, momentum)
            steps.set_data(path[:shown + 1, 0], path[:shown + 1, 1])
            curve.set_data(np.arange(len(distance)), distance)
            reached = np.flatnonzero(distance <= TOLERANCE)
            if len(path) <= max_iterations or distance[-1] > distance[0]:
                verdict = "diverges: every step takes it further from the minimum on average"
            elif not reached.size:
                verdict = f"not within {TOLERANCE:g} after {max_iterations} steps"
            else:
                verdict = f"within {TOLERANCE:g} of the minimum after {reached[0]} steps"
            return (f"step {learning_rate:.2f}, momentum {momentum:.2f}: {verdict} "
                    f"(gradient descent at its best step: {reference})"), \
                [steps, curve]

        return InPlace(update(learning_rate, momentum)[0], update,
                       live=("learning_rate", "momentum"))

    controls = {
        "learning_rate": W.FloatSlider(value=learning_rate, min=0.05, max=1.2, step=0.01,
                                       description="step size"),
        "momentum": W.FloatSlider(value=momentum, min=0.0, max=0.95, step=0.01,
                                  description="momentum"),
    }
    return Explorer(draw, controls, figsize=(10, 4), dpi=100)
