"""Explorer for t-SNE's one knob: slide the perplexity over embeddings computed beforehand and
watch the clusters split, tighten or merge."""
from functools import lru_cache

import ipywidgets as W
import numpy as np

from ..embeddings import nearest_neighbour_accuracy
from ..plots.axes import title_text
from ..plots.embedding import plot_embedding
from ..tsne import tsne
from .explorer import Explorer, InPlace


@lru_cache(maxsize=2)
def blob_embeddings(perplexities=(2.0, 5.0, 15.0, 40.0), per=30, seed=0):
    """({perplexity: t-SNE of four 10-D Gaussian blobs}, labels), cached for the explorer."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(scale=6.0, size=(4, 10))
    X = np.vstack([c + rng.normal(size=(per, 10)) for c in centres])
    return {p: tsne(X, p, 200, rng=seed)[0] for p in perplexities}, np.repeat(np.arange(4), per)


def perplexity_explorer(embeddings=None, labels=None, perplexity=None):
    """Slide over ``embeddings`` ({perplexity: Y (N, 2)}, one run of t-SNE each) of points with
    ``labels``; the readout gives the nearest-neighbour accuracy of each. Default: four blobs."""
    if embeddings is None:
        embeddings, labels = blob_embeddings()
    if not embeddings:
        raise ValueError("embeddings is empty: give at least one {perplexity: Y}")
    options = sorted(embeddings)
    if labels is None or any(np.shape(Y) != (len(labels), 2) for Y in embeddings.values()):
        raise ValueError("every embedding must have shape (N, 2) with N = len(labels)")
    accuracy = {p: nearest_neighbour_accuracy(embeddings[p], labels) for p in options}

    def draw(fig, perplexity):
        ax = fig.subplots(gridspec_kw=dict(left=0.06, right=0.88, bottom=0.08, top=0.92))
        points = plot_embedding(embeddings[perplexity], labels, ax,
                                axis_names=("t-SNE 1", "t-SNE 2"))
        title = title_text(ax, "")

        def update(perplexity):         # no ticks: new limits leave the rest of the axes alone
            Y = embeddings[perplexity]
            points.set_offsets(Y)
            ax.set(**_equal_scale_limits(Y, ax))
            title.set_text(f"t-SNE at perplexity {perplexity:g}")
            return (f"nearest-neighbour accuracy {accuracy[perplexity]:.3f}  (all: "
                    + ", ".join(f"{p:g}: {a:.3f}" for p, a in accuracy.items()) + ")"), \
                [points, title]

        return InPlace(update(perplexity)[0], update, live=("perplexity",))

    value = perplexity if perplexity is not None else options[len(options) // 2]
    controls = {"perplexity": W.SelectionSlider(options=options, value=value,
                                                description="perplexity")}
    return Explorer(draw, controls, figsize=(9, 5.4), dpi=100)


def _equal_scale_limits(Y, ax, margin=0.05):
    """Limits that show the points Y (N, 2) whole on ``ax``, with ``margin`` of their spread on
    each side, one unit as long across as up (a t-SNE map's distances are its meaning)."""
    lo, hi = Y.min(axis=0), Y.max(axis=0)
    half = np.maximum((hi - lo) * (0.5 + margin), 1e-12)
    box = np.array([ax.bbox.width, ax.bbox.height])
    half = box * (half / box).max()                 # the same data units per pixel both ways
    centre = (lo + hi) / 2
    return dict(xlim=(centre[0] - half[0], centre[0] + half[0]),
                ylim=(centre[1] - half[1], centre[1] + half[1]))
