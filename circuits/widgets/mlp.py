"""Explorer for chapter 3's Unit MLP: micrograd's demo on two moons, every step precomputed."""
import ipywidgets as W
import numpy as np

from ..datasets import two_moons
from ..models import mlp_arrays
from ..models.mlp import MLP
from ..plots.classifier import Boundary, limits
from ..plots.curves import plot_curves
from .explorer import Explorer, InPlace

HIDDEN = (1, 2, 4, 8, 16)


def moons_explorer(step=100, hidden=16, seed=2, steps=100):
    """Scrub through the demo's full-batch steps (MLP 2-h-h-1, max-margin loss + 1e-4 L2, rate
    1 - 0.9 k / steps) and pick the hidden layers' width h; data and weights come from ``seed``."""
    X, y = two_moons(100, noise=0.1, seed=seed)
    runs = {}
    for h in HIDDEN:                                  # all of it up front: a redraw only draws
        start = MLP(2, [h, h, 1], np.random.default_rng(seed)).get_parameters()
        runs[h] = mlp_arrays.train_demo(start, (2, h, h, 1), X, y, steps)
    extent = limits(X)

    def draw(fig, step, hidden):
        path, losses, accuracies = runs[hidden]
        sizes = (2, hidden, hidden, 1)
        left, right = fig.subplots(1, 2, gridspec_kw=dict(left=0.07, right=0.8, wspace=0.25))
        boundary = Boundary(lambda P: np.full(len(P), 3.0), X, y, left, extent=extent, n=50,
                            legend=False)               # shaded and lined by update
        curves = plot_curves(losses, accuracies, right, now=step)
        right.set_title("loss and accuracy", fontsize="medium", y=1)
        # the legend beside the axes, clear of the moving line: drawn once, not at every step
        right.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1))
        right.set_xlabel("step")

        def update(step, **unchanged):          # only the step moved: draw in place
            changed = boundary.update(lambda P: mlp_arrays.scores(path[step], sizes, P))
            left.set_title(f"MLP 2-{hidden}-{hidden}-1, step {step}", fontsize="medium", y=1)
            return (f"step {step}: loss {losses[step]:.4f}, training accuracy "
                    f"{accuracies[step]:.0%} ({mlp_arrays.n_parameters(sizes)} parameters)"), \
                [*changed, left.title, *curves.move(step)]

        return InPlace(update(step)[0], update, live=("step",))

    controls = {
        "step": W.IntSlider(value=step, min=0, max=steps, description="step"),
        "hidden": W.Dropdown(options=list(HIDDEN), value=hidden, description="hidden"),
    }
    return Explorer(draw, controls, figsize=(10, 4), dpi=100)
