"""Explorer for notebook 18: a slider for the share of the minority class, and what plain
training, class weights and oversampling make of it, every network trained once, up front, so
that a move only changes the points, regions and bars in place."""
from dataclasses import dataclass
from functools import lru_cache

import ipywidgets as W
import numpy as np

from ..datasets import blobs
from ..plots.axes import title_text
from ..plots.classifier import grid
from ..plots.regions import plot_regions
from ..plots.tuning import plot_balance, set_balance
from ..tuning import REMEDIES, imbalance_scores, train_remedy, unbalance
from .explorer import Explorer, InPlace

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
    points of the same mix for all three remedies. Both controls move them in place."""
    if fraction not in FRACTIONS or remedy not in REMEDIES:
        raise ValueError(f"fraction must be one of {FRACTIONS} and remedy one of {REMEDIES}, "
                         f"got {fraction} and {remedy!r}")
    runs = imbalance_runs(seed)
    extent, n = (-4.0, 4.0, -4.0, 4.0), 100
    points = grid(extent, n)[2]
    regions = {key: run.net.predict(points) for key, run in runs.items()}     # made once

    def draw(fig, fraction, remedy):
        left, right = fig.subplots(1, 2, gridspec_kw=dict(left=0.07, right=0.98, bottom=0.15,
                                                          top=0.9, wspace=0.2))
        run = runs[fraction, remedy]
        plot_regions(lambda _: regions[fraction, remedy], run.X_train, run.y_train, left,
                     extent=extent, n=n, legend=False)
        left.legend(loc="upper right", bbox_to_anchor=(1, -0.07), ncol=2, fontsize="small",
                    frameon=False, handletextpad=0.2)   # outside: the shading never covers it
        left_title = title_text(left, "")
        plot_balance({r.replace(" ", "\n"): runs[fraction, r].scores for r in REMEDIES}, right)
        bars = right.patches
        right.set_yticks([0, 0.5, 1], labels=["0", "0.5", "1"])
        right.set_ylim(0, 1.3)
        right.legend(fontsize="small", loc="upper center", ncol=3, handlelength=1,
                     columnspacing=1).set_zorder(0.5)    # under the bars, drawn in place
        right_title = title_text(right, "")

        def update(fraction, remedy):
            run = runs[fraction, remedy]
            for k, line in enumerate(left.lines):       # class 0, then class 1
                line.set_data(*run.X_train[run.y_train == k].T)
            left.images[0].set_data(regions[fraction, remedy].reshape(n, n))
            left_title.set_text(f"{int(run.y_train.sum())} of {len(run.y_train)} training "
                                f"points in class 1")
            set_balance(bars, {r: runs[fraction, r].scores for r in REMEDIES})
            right_title.set_text(f"{run.test_size} test points, {fraction:.0%} in class 1")
            scores = run.scores
            return (f"{remedy}: accuracy {scores['accuracy']:.3f}, balanced accuracy "
                    f"{scores['balanced accuracy']:.3f}, class 1 recall "
                    f"{scores['minority recall']:.3f}",
                    [*left.images, *left.lines, left_title, *bars, right_title])

        return InPlace(update(fraction, remedy)[0], update, live=("fraction", "remedy"))

    controls = {
        "fraction": W.SelectionSlider(options=FRACTIONS, value=fraction,
                                      description="class 1 share"),
        "remedy": W.Dropdown(options=REMEDIES, value=remedy, description="remedy"),
    }
    return Explorer(draw, controls, figsize=(10, 4), dpi=100)
