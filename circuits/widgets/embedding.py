"""Explorer for t-SNE's one knob: slide the perplexity over embeddings computed beforehand and
watch the clusters split, tighten or merge."""
from functools import lru_cache

import ipywidgets as W
import numpy as np

from ..embeddings import nearest_neighbour_accuracy
from ..plots.embedding import plot_embedding
from ..tsne import tsne
from .explorer import Explorer


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
        plot_embedding(embeddings[perplexity], labels, fig.subplots(),
                       title=f"t-SNE at perplexity {perplexity:g}",
                       axis_names=("t-SNE 1", "t-SNE 2"))
        return (f"nearest-neighbour accuracy {accuracy[perplexity]:.3f}  (all: "
                + ", ".join(f"{p:g}: {a:.3f}" for p, a in accuracy.items()) + ")")

    value = perplexity if perplexity is not None else options[len(options) // 2]
    controls = {"perplexity": W.SelectionSlider(options=options, value=value,
                                                description="perplexity")}
    return Explorer(draw, controls, figsize=(6, 4.6))
