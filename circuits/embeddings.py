"""How faithful a low-dimensional embedding is: do neighbours still share a label?"""
import numpy as np

from .tsne import pairwise_squared_distances


def nearest_neighbour_accuracy(Y, labels):
    """Leave-one-out 1-NN accuracy: the share of points whose nearest other point (in Y) shares
    their label; ties go to the lower index."""
    Y, labels = np.asarray(Y, dtype=float), np.asarray(labels)
    if Y.ndim != 2 or len(Y) < 2:
        raise ValueError(f"Y must be (N, d) with N >= 2 points, got shape {Y.shape}")
    if labels.shape != (len(Y),):
        raise ValueError(f"labels must have one entry per point, shape ({len(Y)},); got "
                         f"{labels.shape}")
    D = pairwise_squared_distances(Y)
    np.fill_diagonal(D, np.inf)                               # a point is not its own neighbour
    return float(np.mean(labels[np.argmin(D, axis=1)] == labels))
