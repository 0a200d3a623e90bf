"""Explorer for chapter 3's regression: a small ReLU network fitted to a noisy curve, with
sliders for its hidden units and its regularization over fits trained once, up front."""
from dataclasses import dataclass
from functools import lru_cache

import ipywidgets as W
import numpy as np

from .. import optim
from ..datasets import noisy_curve
from ..models.dense import DenseNet
from ..plots.axes import few_ticks, title_text
from ..plots.regression import plot_errors, plot_fit
from ..train import fit
from .explorer import Explorer, InPlace

HIDDEN = (1, 2, 4, 8, 16, 32)
REGULARIZATION = (0.0, 0.01, 0.1, 1.0)


def curve_truth(x):
    """The noise-free curve behind ``circuits.datasets.noisy_curve``: sin(x) + x / 4."""
    return np.sin(x) + np.asarray(x) / 4


@dataclass(frozen=True)
class CurveFits:
    """Training and validation data, and a trained net per (hidden, regularization) with its
    mean squared errors: ``nets``, ``training`` and ``validation`` are keyed by that pair."""

    x: np.ndarray
    t: np.ndarray
    x_val: np.ndarray
    t_val: np.ndarray
    nets: dict
    training: dict
    validation: dict

    def errors(self, regularization):
        """(training, validation) errors for every size in HIDDEN at this regularization."""
        return ([self.training[h, regularization] for h in HIDDEN],
                [self.validation[h, regularization] for h in HIDDEN])


def _mse(net, x, t):
    return float(np.mean((net.scores(x)[:, 0] - t) ** 2))


def curve_fits(n=20, noise=0.25, seed=0, iterations=500, learning_rate=0.03):
    """Fit a DenseNet (1, H, 1) with loss "mse" by full-batch adam to ``noisy_curve(n, noise,
    seed)`` for every H in HIDDEN and regularization in REGULARIZATION (each net starting from
    rng ``seed``); validation: 100 points of ``noisy_curve`` with seed + 1. Cached: treat the
    nets as read-only."""
    return _curve_fits(n, noise, seed, iterations, learning_rate)    # one cache key per setting


@lru_cache(maxsize=4)
def _curve_fits(n, noise, seed, iterations, learning_rate):
    x, t = noisy_curve(n, noise, seed)
    x_val, t_val = noisy_curve(100, noise, seed + 1)
    nets, training, validation = {}, {}, {}
    for h in HIDDEN:
        for reg in REGULARIZATION:
            net = DenseNet((1, h, 1), np.random.default_rng(seed), loss="mse",
                           regularization=reg)
            fit(net, x, t, optim.adam, {"learning_rate": learning_rate}, iterations,
                every=max(iterations, 1))          # keep only the start and the end
            nets[h, reg] = net
            training[h, reg], validation[h, reg] = _mse(net, x, t), _mse(net, x_val, t_val)
    return CurveFits(x, t, x_val, t_val, nets, training, validation)


def regression_explorer(hidden=8, regularization=0.0, n=20, noise=0.25, seed=0,
                        iterations=500):
    """Move the hidden units and the regularization of a network fitted to a noisy curve; see
    the fit, the held-out points, and the training and validation errors of every size."""
    if hidden not in HIDDEN or regularization not in REGULARIZATION:
        raise ValueError(f"hidden must be one of {HIDDEN} and regularization one of "
                         f"{REGULARIZATION}, got {hidden} and {regularization}")
    fits = curve_fits(n, noise, seed, iterations)
    span = (-3.0, 3.0)
    top = 1.1 * max(*fits.training.values(), *fits.validation.values(), noise ** 2)

    def draw(fig, hidden, regularization):
        left, right = fig.subplots(1, 2, gridspec_kw=dict(bottom=0.15, right=0.85, wspace=0.25))
        xs, _ = plot_fit(fits.x, fits.t, fits.nets[hidden, regularization].scores, left,
                         truth=curve_truth, validation=(fits.x_val, fits.t_val), span=span,
                         n=120, legend=False)
        left.legend(fontsize="small", loc="upper left")
        left.set(ylim=(-2.2, 2.2))
        few_ticks(left, span, (-2, 2))
        plot_errors(HIDDEN, *fits.errors(regularization), right, now=hidden, noise=noise,
                    top=top)
        right.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1))
        title_text(right, "every size at this regularization")
        (*_, dots, fit_line), title = left.lines, title_text(left, "")
        training, validation, noise_line, now = right.lines
        # the legends stay out of the way: the fit never reaches the top left, the errors'
        # legend sits beside its axes, so neither is drawn again
        moving = [fit_line, dots, title, training, validation, noise_line, now]

        def update(hidden, regularization):     # any move: new curves on the same axes
            fit_line.set_ydata(fits.nets[hidden, regularization].scores(xs[:, None])[:, 0])
            title.set_text(f"{hidden} hidden, regularization {regularization:g}")
            training.set_ydata(fits.errors(regularization)[0])
            validation.set_ydata(fits.errors(regularization)[1])
            now.set_xdata([HIDDEN.index(hidden)] * 2)
            return (f"training error {fits.training[hidden, regularization]:.3f}, validation "
                    f"error {fits.validation[hidden, regularization]:.3f} (noise variance "
                    f"{noise ** 2:.4g})"), moving

        return InPlace(update(hidden, regularization)[0], update,
                       live=("hidden", "regularization"))

    controls = {
        "hidden": W.SelectionSlider(options=HIDDEN, value=hidden, description="hidden"),
        "regularization": W.SelectionSlider(options=REGULARIZATION, value=regularization,
                                            description="regularization"),
    }
    return Explorer(draw, controls, figsize=(10, 4), dpi=100)
