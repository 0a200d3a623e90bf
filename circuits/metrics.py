"""How well a classifier does, class by class: the confusion matrix and per-class accuracy."""
import numpy as np


def _labels(name, values, n_classes):
    """``values`` as a 1-D int array of labels in [0, n_classes), or a clear error."""
    values = np.asarray(values)
    if values.ndim != 1:
        raise ValueError(f"{name} must be one label per point (1-D), got shape {values.shape}")
    if values.size and (values.dtype.kind not in "biuf" or np.any(values != np.round(values))):
        raise ValueError(f"{name} must hold whole-number class labels, got {values[:5]}")
    if values.size and (values.min() < 0 or values.max() >= n_classes):
        raise ValueError(f"{name} must lie in 0 ... {n_classes - 1}, "
                         f"got {values.min():g} ... {values.max():g}")
    return values.astype(int)


def confusion_matrix(y, predicted, n_classes):
    """Counts C[i, j] of points of class i that were predicted as class j."""
    if isinstance(n_classes, bool) or not isinstance(n_classes, (int, np.integer)) \
            or n_classes < 1:
        raise ValueError(f"n_classes must be a whole number >= 1, got {n_classes!r}")
    y, predicted = _labels("y", y, n_classes), _labels("predicted", predicted, n_classes)
    if y.shape != predicted.shape:
        raise ValueError(f"y has {len(y)} labels but predicted has {len(predicted)}")
    counts = np.zeros((n_classes, n_classes), dtype=int)
    np.add.at(counts, (y, predicted), 1)             # one count per point, repeats add up
    return counts


def per_class_accuracy(y, predicted, n_classes):
    """For each class, the share of its points predicted right (NaN for a class with no points)."""
    counts = confusion_matrix(y, predicted, n_classes)
    sizes = counts.sum(axis=1)
    return np.diag(counts) / np.where(sizes > 0, sizes, np.nan)


def balanced_accuracy(y, predicted, n_classes):
    """The mean of the per-class accuracies, over the classes that have points: every class
    counts the same however many points it has (always guessing one class scores 1 / classes)."""
    per_class = per_class_accuracy(y, predicted, n_classes)
    if np.all(np.isnan(per_class)):
        raise ValueError("balanced accuracy needs at least one point, got none")
    return float(np.nanmean(per_class))
