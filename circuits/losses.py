"""Losses as pure functions. For +1/-1 labels: the hinge and the squared hinge, and their pulls
(minus the slope of the loss at the score: the force the guide puts on the circuit's output).
Each works on plain floats and on numpy arrays alike."""
import numpy as np

LOSSES = ("hinge", "squared hinge")


def hinge_loss(score, label):
    """max(0, 1 - label * score): zero once the score is on the right side by a margin of 1."""
    return np.maximum(0.0, 1.0 - label * score)


def squared_hinge_loss(score, label):
    """max(0, 1 - label * score) squared: grows fast with the size of the mistake."""
    return hinge_loss(score, label) ** 2


def hinge_pull(score, label):
    """Minus the hinge loss's slope: the force specification's +1, -1 or 0."""
    return label * (1.0 - label * score > 0)


def squared_hinge_pull(score, label):
    """Minus the squared hinge loss's slope: a pull that grows with the size of the mistake."""
    shortfall = 1.0 - label * score              # how far the score is short of its margin
    return 2.0 * label * shortfall * (shortfall > 0)


LOSS_FUNCTIONS = {"hinge": hinge_loss, "squared hinge": squared_hinge_loss}
PULLS = {"hinge": hinge_pull, "squared hinge": squared_hinge_pull}


def check_loss(loss):
    """Return ``loss`` if it names a known loss; anything else is a ValueError."""
    if loss not in PULLS:
        raise ValueError(f"loss must be one of {LOSSES}, got {loss!r}")
    return loss


def pull(score, label, loss="hinge"):
    """The pull of ``loss`` ("hinge" or "squared hinge") on a score with this label."""
    return PULLS[check_loss(loss)](score, label)


def loss_value(score, label, loss="hinge"):
    """The value of ``loss`` ("hinge" or "squared hinge") at a score with this label."""
    return LOSS_FUNCTIONS[check_loss(loss)](score, label)
