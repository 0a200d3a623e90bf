"""Explorer for chapter 3's vectorised network: the same 2-16-16-1 net trained on the two moons
with every batch size and learning rate, all trained once, up front; scrub through the steps."""
from dataclasses import dataclass
from functools import lru_cache

import ipywidgets as W
import numpy as np

from .. import optim
from ..datasets import two_moons
from ..models.dense import DenseNet
from ..plots.classifier import Boundary, limits
from ..plots.curves import plot_curves
from ..train import fit
from .explorer import Explorer, InPlace

SIZES = (2, 16, 16, 1)
BATCH_SIZES = (1, 5, 20, 100)          # 100 = every point of the data, every step
LEARNING_RATES = (0.03, 0.3, 1.0)


@dataclass(frozen=True)
class Runs:
    """The data and, per (batch size, learning rate), the recorded iterations, parameters,
    cost and accuracy on all the data (not just the batch a step used)."""

    X: np.ndarray
    y: np.ndarray
    iterations: np.ndarray
    parameters: dict
    cost: dict
    accuracy: dict


@lru_cache(maxsize=4)
def batch_runs(noise=0.1, seed=0, iterations=200, every=10, regularization=2e-4):
    """Train a DenseNet 2-16-16-1 (hinge loss) by SGD on ``two_moons(100, noise, seed)`` for
    every batch size in BATCH_SIZES (100: all the data) and learning rate in LEARNING_RATES,
    all from the same start; cached, so treat the result as read-only."""
    n = BATCH_SIZES[-1]
    X, y = two_moons(n, noise, seed)
    start = DenseNet(SIZES, np.random.default_rng(seed), loss="hinge").params
    parameters, cost, accuracy, recorded = {}, {}, {}, None
    for batch in BATCH_SIZES:
        for rate in LEARNING_RATES:
            net = DenseNet(SIZES, np.random.default_rng(seed), loss="hinge",
                           regularization=regularization)
            net.params = {name: p.copy() for name, p in start.items()}
            history = fit(net, X, y, optim.sgd, {"learning_rate": rate}, iterations,
                          batch_size=None if batch == n else batch,
                          rng=np.random.default_rng(seed), every=every)
            costs = []
            for params in history.parameters:          # the cost on all the data, not the batch
                net.params = params
                costs.append(net.loss(X, y)[0])
            recorded = history.iterations
            parameters[batch, rate] = history.parameters
            cost[batch, rate], accuracy[batch, rate] = np.array(costs), history.accuracy
    return Runs(X, y, recorded, parameters, cost, accuracy)


def batch_explorer(batch_size=100, learning_rate=0.3, iteration=200, seed=0, iterations=200):
    """Pick a batch size and a learning rate; scrub through the SGD steps and watch the
    boundary, the cost and the accuracy on all the points."""
    if batch_size not in BATCH_SIZES or learning_rate not in LEARNING_RATES:
        raise ValueError(f"batch_size must be one of {BATCH_SIZES} and learning_rate one of "
                         f"{LEARNING_RATES}, got {batch_size} and {learning_rate}")
    every = 10
    runs = batch_runs(seed=seed, iterations=iterations, every=every)
    view = DenseNet(SIZES, np.random.default_rng(seed), loss="hinge")
    extent = limits(runs.X)

    def draw(fig, batch_size, learning_rate, iteration):
        key, k = shown(batch_size, learning_rate, iteration)
        left, right = fig.subplots(1, 2, gridspec_kw=dict(bottom=0.17, wspace=0.3))
        boundary = Boundary(view.scores, runs.X, runs.y, left, extent=extent, n=50,
                            legend=False)
        curves = plot_curves(runs.cost[key], runs.accuracy[key], right,
                             iterations=runs.iterations, now=iteration,
                             span=(runs.iterations[0], runs.iterations[-1]))
        right.set_title(f"cost and accuracy on all {len(runs.y)} points", y=1)

        def update(batch_size, learning_rate, iteration):     # every run has the same axes
            key, k = shown(batch_size, learning_rate, iteration)
            artists = boundary.update(view.scores) + curves.update(
                runs.cost[key], runs.accuracy[key], runs.iterations, iteration)
            return text(key, k), artists + [left.title]

        def text(key, k):
            batch_size, learning_rate = key
            left.set_title(f"step {runs.iterations[k]}: batch {batch_size}, "
                           f"rate {learning_rate:g}", y=1)
            return (f"step {runs.iterations[k]}: accuracy {runs.accuracy[key][k]:.0%}, cost "
                    f"{runs.cost[key][k]:.3f}; {runs.iterations[k] * batch_size} examples "
                    "looked at")
        return InPlace(text(key, k), update, live=("batch_size", "learning_rate", "iteration"))

    def shown(batch_size, learning_rate, iteration):
        """The run's key and the row recorded at ``iteration``; the view net holds its weights."""
        key = batch_size, learning_rate
        k = int(np.searchsorted(runs.iterations, iteration, side="right")) - 1
        view.params = runs.parameters[key][k]
        return key, k

    controls = {
        "batch_size": W.SelectionSlider(options=BATCH_SIZES, value=batch_size,
                                        description="batch size"),
        "learning_rate": W.SelectionSlider(options=LEARNING_RATES, value=learning_rate,
                                           description="learning rate"),
        "iteration": W.IntSlider(value=iteration, min=0, max=iterations, step=every,
                                 description="step"),
    }
    return Explorer(draw, controls, figsize=(10, 4), dpi=100)
