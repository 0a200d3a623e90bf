"""Explorers for notebook 17, over trainings run once and cached: a penalty (L2, L1 or group)
and its strength, showing the weights' histogram and the decision regions; a dropout
probability, showing training against validation accuracy."""
from dataclasses import dataclass
from functools import lru_cache

import ipywidgets as W
import numpy as np

from .. import optim
from ..datasets import two_moons
from ..models.dense import DenseNet
from ..models.dropout import DropoutNet
from ..plots.classifier import grid, limits
from ..plots.axes import few_ticks, title_text
from ..plots.regions import plot_regions
from ..plots.regularization import plot_accuracies, plot_weight_histogram
from ..regularization import penalized, proximal, unit_norms
from ..train import fit
from .explorer import Explorer

KINDS = ("L2", "L1", "group")
STRENGTHS = (0.0, 0.001, 0.003, 0.01, 0.03)
DROPOUT = (0.0, 0.1, 0.3, 0.5, 0.7)
PENALTY_SIZES, DROPOUT_SIZES = (2, 32, 2), (2, 32, 32, 2)


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


def _regions(runs, X, n=50):
    """Every run's predictions on the n x n grid of the regions picture, made once, as a
    function of the key for ``plot_regions`` (the grid is the same at every redraw)."""
    points = grid(limits(X, pad=0.2), n)[2]
    labels = {key: run.net.predict(points) for key, run in runs.items()}
    return lambda key: (lambda _: labels[key])


def _check(name, value, choices):
    if value not in choices:
        raise ValueError(f"{name} must be one of {choices}, got {value!r}")


def penalty_explorer(kind="L1", strength=0.003, seed=0):
    """Pick a penalty and its strength; see the weights' histogram (exact zeros in red) and
    the decision regions on the training points."""
    _check("kind", kind, KINDS)
    _check("strength", strength, STRENGTHS)
    runs = penalty_runs(seed)
    X, y = overfit_data(seed)[:2]
    limit = max(max(np.abs(r.net.params[k]).max() for k in ("W1", "W2")) for r in runs.values())
    regions = _regions(runs, X)

    def draw(fig, kind, strength):
        left, right = fig.subplots(1, 2, gridspec_kw=dict(bottom=0.17, wspace=0.35))
        run = runs[kind, strength]
        params, h = run.net.params, run.history
        zeros = plot_weight_histogram([params["W1"], params["W2"]], left, bins=30, limit=limit)
        title_text(left, "weights of both layers")
        plot_regions(regions((kind, strength)), X, y, right, n=50,
                     legend=False)
        title_text(right, "decision regions, training points")
        off = int(np.sum(unit_norms(params["W1"]) == 0))
        return (f"{kind}, strength {strength:g}: {zeros} weights exactly 0, {off} of "
                f"{PENALTY_SIZES[1]} hidden units off; accuracy {h.accuracy[-1]:.0%} training, "
                f"{h.validation_accuracy[-1]:.0%} validation")

    controls = {
        "kind": W.Dropdown(options=KINDS, value=kind, description="penalty"),
        "strength": W.SelectionSlider(options=STRENGTHS, value=strength, description="strength"),
    }
    return Explorer(draw, controls, figsize=(8, 3.2))


def dropout_explorer(p=0.5, seed=0):
    """Pick a dropout probability; see training against validation accuracy (no dropout in
    grey) and the decision regions on the training points."""
    _check("p", p, DROPOUT)
    runs = dropout_runs(seed)
    X, y = overfit_data(seed)[:2]
    regions = _regions(runs, X)

    def draw(fig, p):
        left, right = fig.subplots(1, 2, gridspec_kw=dict(bottom=0.17, wspace=0.35))
        h, plain = runs[p].history, runs[0.0].history
        shown = {"p = 0": plain} if p == 0 else {"p = 0": plain, f"p = {p:g}": h}
        plot_accuracies(shown, left, colours=("0.6", "tab:blue"))
        left.get_legend().remove()
        left.set_ylim(0.5, 1.02)
        few_ticks(left, (0, h.iterations[-1]), (0.5, 1.0))
        title_text(left, "accuracy; solid: training, dashed: validation")
        plot_regions(regions(p), X, y, right, n=50, legend=False)
        title_text(right, "decision regions, training points")
        gap = h.accuracy[-1] - h.validation_accuracy[-1]
        return (f"dropout p = {p:g}: accuracy {h.accuracy[-1]:.0%} training, "
                f"{h.validation_accuracy[-1]:.0%} validation, gap {gap:.0%} (no dropout: "
                f"{plain.accuracy[-1] - plain.validation_accuracy[-1]:.0%})")

    controls = {"p": W.SelectionSlider(options=DROPOUT, value=p, description="dropout p")}
    return Explorer(draw, controls, figsize=(8, 3.2))
