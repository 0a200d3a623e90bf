"""Losses for +1/-1 labels: the hinge and the squared hinge, their pulls, and the SVM cost."""
from dataclasses import dataclass

import numpy as np

from .svm import SVM, check_label
from .unit import Unit

LOSSES = ("hinge", "squared hinge")


def hinge_loss(score, label):
    """max(0, 1 - label * score): zero once the score is on the right side by a margin of 1."""
    return np.maximum(0.0, 1.0 - label * score)


def squared_hinge_loss(score, label):
    """max(0, 1 - label * score) squared: grows fast with the size of the mistake."""
    return hinge_loss(score, label) ** 2


def hinge_pull(score, label):
    """Minus the hinge loss's slope: the force specification's +1, -1 or 0."""
    return np.where(label * score < 1, label, 0.0) * 1.0


def squared_hinge_pull(score, label):
    """Minus the squared hinge loss's slope: a pull that grows with the size of the mistake."""
    return 2.0 * label * hinge_loss(score, label)


PULLS = {"hinge": hinge_pull, "squared hinge": squared_hinge_pull}


def pull_function(loss):
    """The pull for ``loss`` ("hinge" or "squared hinge")."""
    if loss not in PULLS:
        raise ValueError(f"loss must be one of {LOSSES}, got {loss!r}")
    return PULLS[loss]


def pull_value(score, label, loss="hinge"):
    """The pull on one plain-float score (fast, for SGD loops); same as the array functions."""
    shortfall = 1.0 - label * score            # how far the score is from its side's margin
    if shortfall <= 0:
        return 0.0
    if loss == "hinge":
        return float(label)
    if loss == "squared hinge":
        return 2.0 * label * shortfall
    raise ValueError(f"loss must be one of {LOSSES}, got {loss!r}")


class SquaredHingeSVM(SVM):
    """The SVM with a variable pull: 2 * (how far the score is short of the margin)."""

    def pull(self, label):
        return pull_value(self.output.value, check_label(label), "squared hinge")


@dataclass
class SVMCost:
    """The pieces of the 2-D SVM cost: scores, per-example costs, regularization, total."""

    scores: np.ndarray
    costs: np.ndarray
    regularization: float
    total: float


def _check_data(X, y, w):
    X, y, w = np.asarray(X, float), np.asarray(y, float), np.asarray(w, float)
    if X.ndim != 2 or X.shape[1] != 2 or len(X) != len(y):
        raise ValueError(f"need X of shape (N, 2) and N labels, got {X.shape} and {y.shape}")
    if w.shape != (3,):
        raise ValueError(f"w must hold 3 numbers (w0, w1, w2), got shape {w.shape}")
    if not np.all(np.isin(y, (1.0, -1.0))):
        raise ValueError(f"labels must be +1 or -1, got {sorted(set(y.tolist()))}")
    return X, y, w


def svm_cost(X, y, w, alpha):
    """Sum over examples of max(0, 1 - y_i * score_i), plus alpha * (w0^2 + w1^2)."""
    X, y, w = _check_data(X, y, w)
    scores = X @ w[:2] + w[2]
    costs = hinge_loss(scores, y)
    regularization = float(alpha * (w[0] ** 2 + w[1] ** 2))
    return SVMCost(scores, costs, regularization, float(costs.sum()) + regularization)


def svm_cost_gradient(X, y, w, alpha):
    """Gradient of ``svm_cost`` with respect to (w0, w1, w2); the bias w2 has no spring."""
    X, y, w = _check_data(X, y, w)
    pull = hinge_pull(X @ w[:2] + w[2], y)          # minus d cost_i / d score_i
    grad = -np.r_[pull @ X, pull.sum()]
    grad[:2] += 2 * alpha * w[:2]
    return grad


def svm_cost_circuit(X, y, w, alpha):
    """The same cost built from Units: returns (cost Unit, [w0, w1, w2] Units)."""
    X, y, _ = _check_data(X, y, w)
    w = [Unit(float(v), name=f"w{i}") for i, v in enumerate(w)]
    total = Unit(0.0)
    for (x0, x1), label in zip(X.tolist(), y.tolist()):
        score = w[0] * x0 + w[1] * x1 + w[2]
        total = total + (1 - label * score).max(0.0)
    return total + alpha * (w[0] ** 2 + w[1] ** 2), w
