"""Explorer for notebook 18: a slider for the share of the minority class, and what plain
training, class weights and oversampling make of it, every network trained once, up front."""
from dataclasses import dataclass
from functools import lru_cache

import ipywidgets as W
import numpy as np

from ..datasets import blobs
from ..plots.axes import title_text
from ..plots.regions import plot_regions
from ..plots.tuning import plot_balance
from ..tuning import REMEDIES, imbalance_scores, train_remedy, unbalance
from .explorer import Explorer

FRACTIONS = (0.02, 0.05, 0.1, 0.2, 0.5)


@dataclass(frozen=True)
class Run:
    """One trained network: its training points, and its scores on ``test_size`` test points."""

    X_train: np.ndarray
    y_train: np.ndarray
    net: object
    scores: dict
    test_size: int


@lru_cache(maxsize=2)
def imbalance_runs(seed=0, n_train=400, n_test=2000):
    """Two overlapping blobs (class 1 around (1, 1), class 0 around (-1, -1)), cut down so that
    class 1 is each share of FRACTIONS, in training and test alike; a ``Run`` per (fraction,
    remedy). Cached: read-only."""
    X, y = blobs(n_train + n_test, 0.0, seed, spread=1.0)
    y = (y > 0).astype(int)
    runs = {}
    for fraction in FRACTIONS:
        rng = np.random.default_rng(seed)
        X_train, y_train = unbalance(X[:n_train], y[:n_train], fraction, rng)
        X_test, y_test = unbalance(X[n_train:], y[n_train:], fraction, rng)
        for remedy in REMEDIES:
            net = train_remedy(remedy, X_train, y_train, 2, np.random.default_rng(seed))
            runs[fraction, remedy] = Run(X_train, y_train, net,
                                         imbalance_scores(y_test, net.predict(X_test)),
                                         len(y_test))
    return runs


def imbalance_explorer(fraction=0.05, remedy="none", seed=0):
    """Pick the minority's share and a remedy: see the training points with the regions the
    network gives each class, and accuracy, balanced accuracy and minority recall on test
    points of the same mix for all three remedies."""
    if fraction not in FRACTIONS or remedy not in REMEDIES:
        raise ValueError(f"fraction must be one of {FRACTIONS} and remedy one of {REMEDIES}, "
                         f"got {fraction} and {remedy!r}")
    runs = imbalance_runs(seed)
    extent = (-4.0, 4.0, -4.0, 4.0)

    def draw(fig, fraction, remedy):
        left, right = fig.subplots(1, 2, gridspec_kw=dict(bottom=0.17, wspace=0.3))
        run = runs[fraction, remedy]
        X_train, y_train, scores = run.X_train, run.y_train, run.scores
        plot_regions(run.net, X_train, y_train, left, extent=extent, n=60, legend=False,
                     ticks=False)
        left.set(xticks=[], yticks=[], xlabel="", ylabel="")       # tick labels cost most
        title_text(left, f"{int(y_train.sum())} of {len(y_train)} training points in class 1")
        plot_balance({r.replace(" ", "\n"): runs[fraction, r].scores for r in REMEDIES}, right)
        right.set_yticks([0, 0.5, 1], labels=["0", "0.5", "1"])
        right.set(ylabel="", ylim=(0, 1.3))
        right.legend(fontsize="x-small", loc="upper center", ncol=3, handlelength=1)
        title_text(right, f"{run.test_size} test points, {fraction:.0%} in class 1")
        return (f"{remedy}: accuracy {scores['accuracy']:.3f}, balanced accuracy "
                f"{scores['balanced accuracy']:.3f}, class 1 recall "
                f"{scores['minority recall']:.3f}")

    controls = {
        "fraction": W.SelectionSlider(options=FRACTIONS, value=fraction,
                                      description="class 1 share"),
        "remedy": W.Dropdown(options=REMEDIES, value=remedy, description="remedy"),
    }
    return Explorer(draw, controls, figsize=(9, 3.6))
