"""Explorer for notebook 16: the starting scale of the weights of a deep stack on a log slider
and a choice of nonlinearity; every layer's histogram of activations and their spread."""
from functools import lru_cache

import ipywidgets as W
import numpy as np

from ..diagnostics import NONLINEARITIES, deep_activations, he_scale, layer_stds, saturation
from matplotlib.ticker import NullLocator

from ..plots.axes import few_ticks, title_text
from ..plots.diagnostics import plot_layer_histograms, plot_layer_stds
from .explorer import Explorer, log_slider

DEPTH, WIDTH, POINTS = 10, 100, 200


@lru_cache(maxsize=64)
def stack(scale, nonlinearity, seed=0):
    """The activations of the explorer's stack (DEPTH layers of WIDTH units on POINTS gaussian
    points) at weight scale ``scale``; cached, so treat the result as read-only."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((POINTS, WIDTH))
    return deep_activations(X, DEPTH, WIDTH, scale, nonlinearity, rng)


def initialization_explorer(scale=0.1, nonlinearity="tanh", seed=0):
    """Pick the standard deviation of the starting weights and the nonlinearity; see where the
    activations of each of 10 layers fall, and how their spread changes from layer to layer."""
    if nonlinearity not in NONLINEARITIES:
        raise ValueError(f"nonlinearity must be one of {list(NONLINEARITIES)}, "
                         f"got {nonlinearity!r}")
    he = he_scale(WIDTH)

    def draw(fig, scale, nonlinearity):
        left, right = fig.subplots(1, 2, gridspec_kw=dict(bottom=0.15, wspace=0.3))
        activations = stack(round(scale, 6), nonlinearity, seed)
        stds = layer_stds(activations)
        plot_layer_histograms(activations, left, bins=30, stds=False)
        few_ticks(left, left.get_xlim())
        left.set_yticks([1, DEPTH // 2, DEPTH])
        title_text(left, f"{nonlinearity}, weights' std {scale:.3g}")
        with np.errstate(divide="ignore"):
            plot_layer_stds({"this scale": np.maximum(stds, 1e-300),
                             f"He scale {he:.3g}": layer_stds(stack(he, nonlinearity, seed))},
                            right, legend=False)
        low = int(np.floor(np.log10(max(stds.min(), 1e-300))))
        decades = 10.0 ** np.unique(np.linspace(min(low, -1), 1, 4).round())
        right.set_yticks(decades, labels=[f"1e{np.log10(d):.0f}" for d in decades])
        right.yaxis.set_minor_locator(NullLocator())
        few_ticks(right, (1, DEPTH))
        title_text(right, f"spread per layer (orange: He scale {he:.3g})")
        return (f"std of the activations: layer 1 {stds[0]:.3g}, layer {DEPTH} {stds[-1]:.3g}; "
                f"beyond |0.99| in layer {DEPTH}: {saturation(activations[-1]):.0%}")

    controls = {"scale": log_slider(scale, -2, 0.5, "weights' std"),
                "nonlinearity": W.Dropdown(options=list(NONLINEARITIES), value=nonlinearity,
                                           description="nonlinearity")}
    return Explorer(draw, controls, figsize=(9, 3.6))
