"""Explorer for notebook 16: the starting scale of the weights of a deep stack on a log slider
and a choice of nonlinearity; every layer's histogram of activations and their spread."""
from functools import lru_cache

import ipywidgets as W
import numpy as np
from matplotlib.ticker import NullLocator

from ..diagnostics import NONLINEARITIES, deep_activations, he_scale, layer_stds, saturation
from ..plots.axes import few_ticks, title_text
from ..plots.diagnostics import (histogram_rows, plot_layer_histograms, plot_layer_stds,
                                 set_layer_histograms)
from .explorer import Explorer, InPlace, log_slider

DEPTH, WIDTH, POINTS = 10, 100, 200
EXPONENTS = (-2, 0.5)                           # the slider's range: 10**-2 to 10**0.5
SCALES = tuple(10.0 ** np.arange(EXPONENTS[0], EXPONENTS[1] + 1e-9, 0.25))  # its stops


@lru_cache(maxsize=4)
def stack(scale, nonlinearity, seed=0):
    """The activations of the explorer's stack (DEPTH layers of WIDTH units on POINTS gaussian
    points) at weight scale ``scale``; cached, so treat the result as read-only."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((POINTS, WIDTH))
    return deep_activations(X, DEPTH, WIDTH, scale, nonlinearity, rng)


@lru_cache(maxsize=64)
def summary(scale, nonlinearity, seed=0):
    """What the explorer shows of the stack at ``scale``: its histogram rows over [-1, 1] for
    tanh (else over its own range), every layer's std, the last layer's saturation; cached."""
    activations = stack(scale, nonlinearity, seed)
    rows = histogram_rows(activations, 30, (-1, 1) if nonlinearity == "tanh" else None)
    return rows, layer_stds(activations), saturation(activations[-1])


@lru_cache(maxsize=8)
def decade_limits(nonlinearity, seed=0):
    """The powers of ten (low, high) around every layer's spread at every scale of the
    explorer's slider and at the He scale: fixed axes while the slider moves."""
    stds = [summary(round(s, 6), nonlinearity, seed)[1] for s in (*SCALES, he_scale(WIDTH))]
    logs = np.log10(np.maximum(np.concatenate(stds), 1e-300))
    return int(np.floor(logs.min() - 0.3)), int(np.ceil(logs.max() + 0.3))   # off the frame


def initialization_explorer(scale=0.1, nonlinearity="tanh", seed=0):
    """Pick the standard deviation of the starting weights and the nonlinearity; see where the
    activations of each of 10 layers fall, and how their spread changes from layer to layer."""
    if nonlinearity not in NONLINEARITIES:
        raise ValueError(f"nonlinearity must be one of {list(NONLINEARITIES)}, "
                         f"got {nonlinearity!r}")
    he = he_scale(WIDTH)

    def draw(fig, scale, nonlinearity):
        left, right = fig.subplots(1, 2, gridspec_kw=dict(left=0.06, right=0.98, bottom=0.14,
                                                          top=0.88, wspace=0.2))
        bars = plot_layer_histograms(stack(round(scale, 6), nonlinearity, seed), left,
                                     stds=False).collections[0]
        left.set_yticks([1, DEPTH // 2, DEPTH])
        title = title_text(left, "")
        plot_layer_stds({"this scale": np.ones(DEPTH), f"He scale {he:.3g}": np.ones(DEPTH)},
                        right, legend=False)
        right.legend(loc="lower left", bbox_to_anchor=(0, 1), ncols=2, frameon=False,
                     fontsize="small", borderaxespad=0.2)
        spread, steady = right.lines
        spread.set_zorder(2.1)                  # over the He scale's line, anew or in place
        right.yaxis.set_minor_locator(NullLocator())
        few_ticks(right, (1, DEPTH))

        def update(scale, nonlinearity):        # the same bars and lines; both axes relabelled
            rows, stds, saturated = summary(round(scale, 6), nonlinearity, seed)
            set_layer_histograms(bars, *rows)
            few_ticks(left, left.get_xlim(), n=4)
            title.set_text(f"{nonlinearity}, weights' std {scale:.3g}")
            spread.set_ydata(np.maximum(stds, 1e-300))
            steady.set_ydata(summary(round(he, 6), nonlinearity, seed)[1])
            lo, hi = decade_limits(nonlinearity, seed)
            step = next(s for s in (1, 2, 5, 10, 20, 50) if (hi - lo) / s <= 5)  # few: cheap
            decades = np.arange(-(-lo // step) * step, hi + 1, step)
            right.set_yticks(10.0 ** decades, labels=[f"1e{d}" if d else "1" for d in decades])
            right.set_ylim(10.0 ** lo, 10.0 ** hi)
            return (f"std of the activations: layer 1 {stds[0]:.3g}, layer {DEPTH} "
                    f"{stds[-1]:.3g}; beyond |0.99| in layer {DEPTH}: {saturated:.0%}"), \
                [bars, steady, spread, left.xaxis, right.yaxis, title]  # axes over the data

        return InPlace(update(scale, nonlinearity)[0], update, live=("scale", "nonlinearity"))

    controls = {"scale": log_slider(scale, *EXPONENTS, "weights' std"),
                "nonlinearity": W.Dropdown(options=list(NONLINEARITIES), value=nonlinearity,
                                           description="nonlinearity")}
    return Explorer(draw, controls, figsize=(10, 4), dpi=100)
