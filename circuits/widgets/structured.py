"""Explorer for structured prediction: one noisy label sequence decoded by Viterbi while a
slider scales the pairwise reward for keeping the same label ("stickiness")."""
from functools import lru_cache

import ipywidgets as W
import numpy as np

from ..plots.structured import plot_trellis
from ..structured import best_sequence, make_sequences
from .explorer import Explorer


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

    def draw(fig, stickiness, noise):
        truth, unary, path = decode(stickiness, noise)
        ax = fig.subplots(gridspec_kw=dict(bottom=0.16, top=0.88, left=0.08, right=0.98))
        plot_trellis(unary, path, ax, truth=truth, annotate=False,
                     title=f"pairwise = {stickiness:.1f} x identity: Viterbi path (blue line), "
                           "true labels (red circles)")
        alone = unary.argmax(axis=1)
        return (f"decoded right at {int((path == truth).sum())} of {length} positions "
                f"(each position alone: {int((alone == truth).sum())}); "
                f"label changes: decoded {int((path[1:] != path[:-1]).sum())}, "
                f"true {int((truth[1:] != truth[:-1]).sum())}")

    controls = {
        "stickiness": W.FloatSlider(value=stickiness, min=0.0, max=3.0, step=0.1,
                                    description="stickiness"),
        "noise": W.FloatSlider(value=noise, min=0.2, max=1.6, step=0.2, description="noise"),
    }
    return Explorer(draw, controls, figsize=(8, 3.2))
