"""Explorers for notebook 17, over trainings run once and cached: a penalty (L2, L1 or group)
and its strength, showing the weights' histogram and the decision regions; a dropout
probability, showing training against validation accuracy."""
from dataclasses import dataclass
from functools import lru_cache

import ipywidgets as W
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .. import optim
from ..datasets import two_moons
from ..models.dense import DenseNet
from ..models.dropout import DropoutNet
from ..plots.classifier import grid, limits
from ..plots.axes import few_ticks, title_text
from ..plots.regions import plot_regions
from ..plots.regularization import (ZERO_COLOUR, plot_accuracies, plot_weight_histogram,
                                    set_weight_counts, weight_counts)
from ..regularization import penalized, proximal, unit_norms
from ..train import fit
from .explorer import Explorer, InPlace

KINDS = ("L2", "L1", "group")
STRENGTHS = (0.0, 0.001, 0.003, 0.01, 0.03)
DROPOUT = (0.0, 0.1, 0.3, 0.5, 0.7)
PENALTY_SIZES, DROPOUT_SIZES = (2, 32, 2), (2, 32, 32, 2)
PANELS = dict(left=0.08, right=0.98, bottom=0.15, top=0.9, wspace=0.2)    # two, side by side
KEY = (("0.55", "-"), ("tab:blue", "-"), ("k", "-"), ("k", "--"))    # dropout's legend


def overfit_data(seed=0, n_train=40, n_validation=200, noise=0.3):
    """Noisy two moons (labels 0 / 1) split into few training points and a larger validation
    set: (X_train, y_train, X_val, y_val)."""
    X, y = two_moons(n_validation + n_train, noise, seed + 1)
    y = (y > 0).astype(int)
    return X[n_validation:], y[n_validation:], X[:n_validation], y[:n_validation]


def penalty_rule(kind, strength):
    """SGD with the penalty: its gradient for L2, its proximal step for L1 and group."""
    if kind == "L2":
        return penalized(optim.sgd, "L2", strength)
    return proximal(optim.sgd, kind, strength)


def train_penalized(kind, strength, seed=0, iterations=500, learning_rate=0.5):
    """A DenseNet 2-32-2 trained by ``penalty_rule(kind, strength)`` on ``overfit_data(seed)``
    (full batch); the trained net and its History (validation included)."""
    X, y, X_val, y_val = overfit_data(seed)
    net = DenseNet(PENALTY_SIZES, np.random.default_rng(seed))
    history = fit(net, X, y, penalty_rule(kind, strength), {"learning_rate": learning_rate},
                  iterations, every=50, validation=(X_val, y_val))
    return net, history


def train_dropout(p, seed=0, iterations=200, learning_rate=0.02):
    """A DropoutNet 2-32-32-2 with dropout ``p``, trained by Adam on ``overfit_data(seed)``;
    the trained net and its History (validation included)."""
    X, y, X_val, y_val = overfit_data(seed)
    net = DropoutNet(DROPOUT_SIZES, np.random.default_rng(seed), p)
    history = fit(net, X, y, optim.adam, {"learning_rate": learning_rate}, iterations,
                  every=20, validation=(X_val, y_val))
    return net, history


@dataclass(frozen=True)
class Run:
    """A trained network and its History."""

    net: object
    history: object


@lru_cache(maxsize=2)
def penalty_runs(seed=0):
    """Every (kind, strength) of KINDS x STRENGTHS trained once (strength 0 shared); cached,
    so treat the result as read-only."""
    plain = Run(*train_penalized("L2", 0.0, seed))
    return {(kind, s): plain if s == 0 else Run(*train_penalized(kind, s, seed))
            for kind in KINDS for s in STRENGTHS}


@lru_cache(maxsize=2)
def dropout_runs(seed=0):
    """Every dropout probability of DROPOUT trained once; cached, treat as read-only."""
    return {p: Run(*train_dropout(p, seed)) for p in DROPOUT}


def _regions(runs, X, n=100):
    """Every run's predicted labels on the n x n grid of the regions picture, made once:
    {key: labels (n, n)}."""
    points = grid(limits(X, pad=0.2), n)[2]
    return {key: run.net.predict(points).reshape(n, n) for key, run in runs.items()}


def _plot_regions(ax, labels, X, y):
    """The regions of ``labels`` (a grid of ``_regions``) under the training points; returns
    the artists a new grid changes (the shading, the points and the frame over it)."""
    plot_regions(lambda _: labels.ravel(), X, y, ax, n=len(labels), legend=False)
    title_text(ax, "decision regions, training points")
    return [*ax.images, *ax.lines]


def _behind(legend):
    """``legend`` drawn under the data: what a control moves in place passes over it, in the
    picture drawn anew as in the one drawn in place."""
    legend.set_zorder(0.5)


def _check(name, value, choices):
    if value not in choices:
        raise ValueError(f"{name} must be one of {choices}, got {value!r}")


def penalty_explorer(kind="L1", strength=0.003, seed=0):
    """Pick a penalty and its strength; see the weights' histogram (exact zeros in red) and
    the decision regions on the training points. Both controls move them in place."""
    _check("kind", kind, KINDS)
    _check("strength", strength, STRENGTHS)
    runs = penalty_runs(seed)
    X, y = overfit_data(seed)[:2]
    limit = max(max(np.abs(r.net.params[k]).max() for k in ("W1", "W2")) for r in runs.values())
    counts = {key: weight_counts([r.net.params["W1"], r.net.params["W2"]], limit, 30)
              for key, r in runs.items()}
    regions = _regions(runs, X)

    def draw(fig, kind, strength):
        left, right = fig.subplots(1, 2, gridspec_kw=PANELS)
        params = runs[kind, strength].net.params
        plot_weight_histogram([params["W1"], params["W2"]], left, bins=30, limit=limit)
        _behind(left.legend([Patch(color="tab:blue", alpha=0.8), Patch(color=ZERO_COLOUR)],
                           ["nonzero", "exactly 0"], fontsize="small", loc="upper right"))
        title_text(left, "weights of both layers")
        shading = _plot_regions(right, regions[kind, strength], X, y)

        def update(kind, strength):
            run = runs[kind, strength]
            bins, _, zeros = counts[kind, strength]
            bars = set_weight_counts(left.patches, bins, zeros)
            right.images[0].set_data(regions[kind, strength])
            off = int(np.sum(unit_norms(run.net.params["W1"]) == 0))
            h = run.history
            return (f"{kind}, strength {strength:g}: {zeros} weights exactly 0, {off} of "
                    f"{PENALTY_SIZES[1]} hidden units off; accuracy {h.accuracy[-1]:.0%} "
                    f"training, {h.validation_accuracy[-1]:.0%} validation",
                    [*bars, *shading])

        return InPlace(update(kind, strength)[0], update, live=("kind", "strength"))

    controls = {
        "kind": W.Dropdown(options=KINDS, value=kind, description="penalty"),
        "strength": W.SelectionSlider(options=STRENGTHS, value=strength, description="strength"),
    }
    return Explorer(draw, controls, figsize=(10, 4), dpi=100)


def dropout_explorer(p=0.5, seed=0):
    """Pick a dropout probability; see training against validation accuracy (no dropout in
    grey) and the decision regions on the training points, moved in place."""
    _check("p", p, DROPOUT)
    runs = dropout_runs(seed)
    X, y = overfit_data(seed)[:2]
    regions = _regions(runs, X)
    plain = runs[0.0].history

    def draw(fig, p):
        left, right = fig.subplots(1, 2, gridspec_kw=PANELS)
        plot_accuracies({"no dropout": plain, "picked": runs[p].history}, left,
                        colours=("0.55", "tab:blue"))
        lines = left.lines[2:]                  # the picked p's training and validation
        left.set_ylim(0.5, 1.02)
        few_ticks(left, (0, plain.iterations[-1]), (0.5, 1.0))
        _behind(left.legend([Line2D([], [], color=c, ls=ls) for c, ls in KEY],
                           ["no dropout", "p as picked", "training", "validation"],
                           fontsize="small", loc="lower right", ncol=2))
        title_text(left, "accuracy")
        shading = _plot_regions(right, regions[p], X, y)

        def update(p):
            h = runs[p].history
            for line, accuracy in zip(lines, (h.accuracy, h.validation_accuracy)):
                line.set_data(h.iterations, accuracy)
            right.images[0].set_data(regions[p])
            gap = h.accuracy[-1] - h.validation_accuracy[-1]
            return (f"dropout p = {p:g}: accuracy {h.accuracy[-1]:.0%} training, "
                    f"{h.validation_accuracy[-1]:.0%} validation, gap {gap:.0%} (no dropout: "
                    f"{plain.accuracy[-1] - plain.validation_accuracy[-1]:.0%})",
                    [*lines, *shading])

        return InPlace(update(p)[0], update, live=("p",))

    controls = {"p": W.SelectionSlider(options=DROPOUT, value=p, description="dropout p")}
    return Explorer(draw, controls, figsize=(10, 4), dpi=100)
