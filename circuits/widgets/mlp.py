"""Explorer for chapter 3's Unit MLP: micrograd's demo on two moons, every step precomputed."""
import ipywidgets as W
import numpy as np

from ..datasets import two_moons
from ..models import mlp_arrays
from ..models.mlp import MLP
from ..plots.classifier import limits, plot_boundary
from ..plots.curves import plot_curves
from .explorer import Explorer

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
        left, right = fig.subplots(1, 2, gridspec_kw=dict(bottom=0.17, wspace=0.3))
        sizes = (2, hidden, hidden, 1)
        plot_boundary(lambda P: mlp_arrays.scores(path[step], sizes, P), X, y, left,
                      extent=extent, n=50, legend=False, ticks=False)
        left.set_title(f"MLP 2-{hidden}-{hidden}-1, step {step}", fontsize="small", y=1)
        plot_curves(losses, accuracies, right, now=step, legend=False)
        right.set_title("loss and accuracy", fontsize="small", y=1)
        right.set_xlabel("step")
        return (f"step {step}: loss {losses[step]:.4f}, training accuracy "
                f"{accuracies[step]:.0%} ({mlp_arrays.n_parameters(sizes)} parameters)")

    controls = {
        "step": W.IntSlider(value=step, min=0, max=steps, description="step"),
        "hidden": W.Dropdown(options=list(HIDDEN), value=hidden, description="hidden"),
    }
    return Explorer(draw, controls, figsize=(8, 3.4))
