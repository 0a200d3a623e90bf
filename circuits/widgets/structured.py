"""Explorer for structured prediction: one noisy label sequence decoded by Viterbi while a
slider scales the pairwise reward for keeping the same label ("stickiness")."""
from functools import lru_cache

import ipywidgets as W
import numpy as np

from ..plots.structured import plot_trellis
from ..structured import best_sequence, make_sequences
from .explorer import Explorer, InPlace


def noisy_unaries(length=14, n_labels=3, noise=0.8, seed=0):
    """A sticky true labelling and unary scores that favour it: one-hot(truth) plus
    ``noise`` times gaussian numbers (the same numbers for every ``noise``)."""
    rng = np.random.default_rng(seed)
    truth = make_sequences(1, length, n_labels, 1, rng)[1][0]
    return truth, np.eye(n_labels)[truth] + noise * rng.normal(size=(length, n_labels))


def stickiness_explorer(stickiness=0.0, noise=0.8, length=14, n_labels=3, seed=0):
    """Scale the pairwise reward for staying on a label and watch the Viterbi path: at 0 each
    position is decoded alone; a little smooths the noise away; a lot flattens the path."""
    @lru_cache(maxsize=256)
    def decode(stickiness, noise):
        truth, unary = noisy_unaries(length, n_labels, noise, seed)
        return truth, unary, best_sequence(unary, stickiness * np.eye(n_labels))[0]

    ends = [noisy_unaries(length, n_labels, level, seed)[1] for level in (0.2, 1.6)]
    limits = min(u.min() for u in ends), max(u.max() for u in ends)   # linear in the noise

    def draw(fig, stickiness, noise):
        truth, unary, path = decode(stickiness, noise)
        ax = fig.subplots(gridspec_kw=dict(bottom=0.15, top=0.85, left=0.06, right=0.95))
        plot_trellis(unary, path, ax, truth=truth, annotate=False, limits=limits,
                     colorbar=True)
        ax.legend(loc="lower right", bbox_to_anchor=(1, 1), ncol=2, fontsize="small",
                  frameon=False, borderaxespad=0.2)
        title = ax.text(0, 1.03, "", transform=ax.transAxes, va="bottom")
        moving = [*ax.images, *ax.collections, *ax.lines, title]

        def update(stickiness, noise):          # any move: new scores, a new path
            truth, unary, path = decode(stickiness, noise)
            ax.images[0].set_data(unary.T)
            ax.lines[-1].set_ydata(path)
            title.set_text(f"pairwise scores: {stickiness:.1f} x identity")
            alone = unary.argmax(axis=1)
            return (f"decoded right at {int((path == truth).sum())} of {length} positions "
                    f"(each position alone: {int((alone == truth).sum())}); "
                    f"label changes: decoded {int((path[1:] != path[:-1]).sum())}, "
                    f"true {int((truth[1:] != truth[:-1]).sum())}"), moving

        return InPlace(update(stickiness, noise)[0], update, live=("stickiness", "noise"))

    controls = {
        "stickiness": W.FloatSlider(value=stickiness, min=0.0, max=3.0, step=0.1,
                                    description="stickiness"),
        "noise": W.FloatSlider(value=noise, min=0.2, max=1.6, step=0.2, description="noise"),
    }
    return Explorer(draw, controls, figsize=(10, 3.6), dpi=100)
