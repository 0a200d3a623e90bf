"""Choosing hyperparameters and coping with unbalanced data: grid and random samples of a search
box, k-fold splits and scores, the border check; class weights, a class-weighted softmax loss
and network, an unbalanced subsample and oversampling of the small classes."""
import numpy as np

from . import optim
from .layers.checks import as_array, as_labels
from .metrics import balanced_accuracy, per_class_accuracy
from .models.dense import DenseNet
from .train import fit


def _bounds(bounds):
    """``bounds`` as a (d, 2) float array of (low, high) rows with low < high."""
    box = np.asarray(bounds, float)
    if box.ndim != 2 or box.shape[1] != 2 or not np.all(box[:, 0] < box[:, 1]):
        raise ValueError(f"bounds must be (low, high) pairs with low < high, got {bounds}")
    return box


def grid_samples(bounds, per_axis):
    """Every corner of a grid with ``per_axis`` evenly spaced values from low to high on each
    axis of ``bounds``: shape (per_axis ** d, d)."""
    box = _bounds(bounds)
    if per_axis < 2:
        raise ValueError(f"a grid needs per_axis >= 2 values (both ends), got {per_axis}")
    axes = [np.linspace(lo, hi, per_axis) for lo, hi in box]
    return np.stack(np.meshgrid(*axes, indexing="ij"), axis=-1).reshape(-1, len(box))


def random_samples(bounds, n, rng):
    """``n`` points drawn uniformly in the box ``bounds``: shape (n, d)."""
    box = _bounds(bounds)
    return box[:, 0] + (box[:, 1] - box[:, 0]) * rng.random((n, len(box)))


def log_uniform(low, high, n, rng):
    """``n`` numbers whose logarithms are uniform between log10(low) and log10(high)."""
    if not 0 < low < high:
        raise ValueError(f"need 0 < low < high, got {low} and {high}")
    return 10.0 ** rng.uniform(np.log10(low), np.log10(high), n)


def on_border(values, scores, low, high, margin=0.1):
    """Whether the best-scoring value lies within ``margin`` of the range's width from either
    end of [low, high]: the sign that the best may lie outside the range searched."""
    values, scores = np.asarray(values, float), np.asarray(scores, float)
    if values.shape != scores.shape or values.ndim != 1 or values.size == 0:
        raise ValueError(f"need as many values as scores (1-D, at least one), got shapes "
                         f"{values.shape} and {scores.shape}")
    best, width = values[np.nanargmax(scores)], high - low
    return bool(best <= low + margin * width or best >= high - margin * width)


def narrow(bounds, best, factor=0.5):
    """Coarse to fine: a box ``factor`` times as wide as ``bounds`` on every axis, centred on
    the point ``best`` (it may reach past the old box)."""
    box, best = _bounds(bounds), np.asarray(best, float)
    half = factor * (box[:, 1] - box[:, 0]) / 2
    return np.column_stack([best - half, best + half])


def kfold_indices(n, k):
    """k (train, test) index pairs: the test folds are consecutive runs of 0 ... n-1, the first
    n % k of them one longer, as scikit-learn's KFold without shuffling."""
    if not 2 <= k <= n:
        raise ValueError(f"need 2 <= k <= n, got k={k} for n={n}")
    sizes = np.full(k, n // k) + (np.arange(k) < n % k)
    ends = np.cumsum(sizes)
    everything = np.arange(n)
    return [(np.r_[everything[:end - size], everything[end:]], everything[end - size:end])
            for size, end in zip(sizes, ends)]


def cross_validate(train_and_score, X, y, splits):
    """The score ``train_and_score(X_train, y_train, X_test, y_test)`` on every (train, test)
    split of ``splits`` (such as ``KFold(5).split(X)``): an array, one score per fold."""
    return np.array([train_and_score(X[train], y[train], X[test], y[test])
                     for train, test in splits])


def class_weights(y, n_classes):
    """n_samples / (n_classes * count of the class), one weight per class: every class then
    weighs as much in total."""
    if len(y) == 0:
        raise ValueError("class weights need at least one labelled point, got none")
    y = as_labels(y, len(y), n_classes)
    counts = np.bincount(y, minlength=n_classes)
    if np.any(counts == 0):
        raise ValueError(f"class {int(np.argmin(counts))} has no points: it cannot be weighted")
    return len(y) / (n_classes * counts)


def weighted_softmax_loss(scores, y, weights):
    """Cross-entropy of softmax(scores) where a point of class c counts ``weights[c]`` times:
    the mean over points of weights[y_i] * (-log p_i,y_i); (loss, dscores)."""
    scores = as_array("scores", scores, ndim=2)
    n, n_classes = scores.shape
    y = as_labels(y, n, n_classes)
    weights = as_array("weights", weights, ndim=1)
    if weights.shape != (n_classes,) or np.any(weights < 0):
        raise ValueError(f"need one weight >= 0 per class ({n_classes}), got {weights}")
    shifted = scores - scores.max(axis=1, keepdims=True)        # exp cannot overflow
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    rows, w = np.arange(n), weights[y]
    dscores = np.exp(log_probs)
    dscores[rows, y] -= 1.0
    return float(-(w * log_probs[rows, y]).mean()), dscores * (w / n)[:, None]


class WeightedNet(DenseNet):
    """A softmax ``DenseNet`` whose loss weighs a point of class c by ``weights[c]``."""

    def __init__(self, sizes, rng, weights, regularization=0.0, weight_scale=None):
        super().__init__(sizes, rng, "softmax", regularization, weight_scale)
        self.weights = np.asarray(weights, float)

    def data_loss(self, scores, y):
        """The class-weighted softmax loss and its gradient with respect to the scores."""
        return weighted_softmax_loss(scores, y, self.weights)


def unbalance(X, y, fraction, rng, minority=1):
    """A subsample where class ``minority`` makes up ``fraction`` of the points, as large as
    the data allows: points of either side drawn without replacement, order kept."""
    y = np.asarray(y)
    if not 0 < fraction < 1:
        raise ValueError(f"fraction must lie strictly between 0 and 1, got {fraction}")
    small, rest = np.flatnonzero(y == minority), np.flatnonzero(y != minority)
    if len(small) == 0 or len(rest) == 0:
        raise ValueError(f"need points of class {minority} and of the others, got "
                         f"{len(small)} and {len(rest)}")
    n_small = max(1, min(len(small), round(fraction / (1 - fraction) * len(rest))))
    n_rest = min(len(rest), round((1 - fraction) / fraction * n_small))
    chosen = np.r_[rng.choice(rest, n_rest, replace=False),
                   rng.choice(small, n_small, replace=False)]
    return X[np.sort(chosen)], y[np.sort(chosen)]


def oversample(X, y, rng):
    """Resampling: every class brought up to the size of the largest by drawing its points
    again, with replacement; the originals come first, then the copies."""
    y = np.asarray(y)
    classes, counts = np.unique(y, return_counts=True)
    extra = [rng.choice(np.flatnonzero(y == c), counts.max() - count)
             for c, count in zip(classes, counts)]
    rows = np.r_[np.arange(len(y)), np.concatenate(extra)].astype(int)
    return X[rows], y[rows]


REMEDIES = ("none", "class weights", "oversampling")


def train_remedy(remedy, X, y, n_classes, rng, hidden=8, iterations=150, learning_rate=0.3):
    """A DenseNet (inputs, hidden, n_classes) trained by gradient descent on X, y with one of
    ``REMEDIES`` against unbalanced classes; the network, trained."""
    if remedy not in REMEDIES:
        raise ValueError(f"remedy must be one of {REMEDIES}, got {remedy!r}")
    sizes = (X.shape[1], hidden, n_classes)
    if remedy == "class weights":
        net = WeightedNet(sizes, rng, class_weights(y, n_classes))
    else:
        net = DenseNet(sizes, rng)
        if remedy == "oversampling":
            X, y = oversample(X, y, rng)
    fit(net, X, y, optim.sgd, {"learning_rate": learning_rate}, iterations, every=iterations)
    return net


def imbalance_scores(y, predicted, minority=1, n_classes=2):
    """{accuracy, balanced accuracy, minority recall} of ``predicted`` against ``y``."""
    return {"accuracy": float(np.mean(np.asarray(predicted) == np.asarray(y))),
            "balanced accuracy": balanced_accuracy(y, predicted, n_classes),
            "minority recall": float(per_class_accuracy(y, predicted, n_classes)[minority])}


def search_score(log_rate, log_regularization, X, y, X_test, y_test, seed=0, hidden=16,
                 iterations=100):
    """Test accuracy of a DenseNet (inputs, hidden, classes) trained by ``iterations`` steps
    of gradient descent at learning rate 10**log_rate and regularisation
    10**log_regularization; NaN if training blew up."""
    net = DenseNet((X.shape[1], hidden, int(max(y.max(), y_test.max())) + 1),
                   np.random.default_rng(seed), regularization=10.0 ** log_regularization)
    try:
        fit(net, X, y, optim.sgd, {"learning_rate": 10.0 ** log_rate}, iterations,
            every=iterations)
    except FloatingPointError:
        return np.nan
    return net.accuracy(X_test, y_test)
