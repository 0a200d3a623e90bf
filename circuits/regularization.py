"""Penalties on the weights and how to follow them: L2 and L1 with their (sub)gradients, the
soft threshold that makes L1 weights exactly zero, and the group penalty over each unit's
incoming weights (a column of W) whose shrinkage switches whole units off.

Each penalty applies to the weight matrices (2-D parameters) only, never to biases, as in
``circuits.models.dense.DenseNet``. ``penalized`` and ``proximal`` wrap an update rule of
``circuits.optim`` so that ``circuits.train.fit`` trains with the penalty."""
import numpy as np

from .layers.checks import as_array, as_scalar


def l2_penalty(W, strength):
    """strength / 2 * sum of the squared weights."""
    W = as_array("W", W)
    return as_scalar("strength", strength, 0.0) / 2 * float(np.sum(W * W))


def l2_gradient(W, strength):
    """The gradient of ``l2_penalty``: strength * W (every weight pulled towards 0 in
    proportion to its size)."""
    return as_scalar("strength", strength, 0.0) * as_array("W", W)


def l1_penalty(W, strength):
    """strength * sum of the absolute weights."""
    return as_scalar("strength", strength, 0.0) * float(np.sum(np.abs(as_array("W", W))))


def l1_subgradient(W, strength):
    """A subgradient of ``l1_penalty``: strength * sign(W) (0 where a weight is exactly 0)."""
    return as_scalar("strength", strength, 0.0) * np.sign(as_array("W", W))


def soft_threshold(W, threshold):
    """The proximal step of L1: every weight moves ``threshold`` towards 0 and stops there:
    sign(W) * max(|W| - threshold, 0)."""
    W = as_array("W", W)
    threshold = as_scalar("threshold", threshold, 0.0)
    return np.sign(W) * np.maximum(np.abs(W) - threshold, 0.0)


def unit_norms(W):
    """Each unit's incoming weights' length: the norm of every column of W (inputs, units)."""
    return np.sqrt(np.sum(as_array("W", W, ndim=2) ** 2, axis=0))


def group_penalty(W, strength):
    """strength * the sum of the units' norms (the group lasso, one group per column of W)."""
    return as_scalar("strength", strength, 0.0) * float(np.sum(unit_norms(W)))


def group_subgradient(W, strength):
    """A subgradient of ``group_penalty``: each column divided by its norm, times strength
    (0 for a column that is all zeros)."""
    W = as_array("W", W, ndim=2)
    norms = unit_norms(W)
    scale = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    return as_scalar("strength", strength, 0.0) * W * scale


def group_shrink(W, threshold):
    """The proximal step of the group penalty: each column's length shrinks by ``threshold``,
    its direction kept; a column shorter than that becomes all zeros (the unit is off)."""
    W = as_array("W", W, ndim=2)
    norms = unit_norms(W)
    threshold = as_scalar("threshold", threshold, 0.0)
    keep = np.divide(np.maximum(norms - threshold, 0.0), norms, out=np.zeros_like(norms),
                     where=norms > 0)
    return W * keep


GRADIENTS = {"L2": l2_gradient, "L1": l1_subgradient, "group": group_subgradient}
PROXIMAL = {"L1": soft_threshold, "group": group_shrink}
PENALTIES = {"L2": l2_penalty, "L1": l1_penalty, "group": group_penalty}


def _known(kind, table):
    if kind not in table:
        raise ValueError(f"kind must be one of {list(table)}, got {kind!r}")
    return table[kind]


def penalty(params, kind, strength):
    """The penalty ``kind`` ("L2", "L1" or "group") summed over the weight matrices of a
    parameter dict (biases and other 1-D parameters are not penalised)."""
    rule = _known(kind, PENALTIES)
    return sum(rule(p, strength) for p in params.values() if np.ndim(p) == 2)


def penalized(update, kind, strength):
    """An update rule that adds the penalty's (sub)gradient to the gradient of every weight
    matrix before calling ``update``: plain (sub)gradient descent on cost + penalty."""
    gradient = _known(kind, GRADIENTS)
    as_scalar("strength", strength, 0.0)

    def rule(w, dw, config=None):
        if np.ndim(w) == 2:
            dw = dw + gradient(w, strength)
        return update(w, dw, config)
    return rule


def proximal(update, kind, strength):
    """An update rule that takes the ``update`` step on the data's gradient, then the proximal
    step of the penalty ("L1": soft threshold, "group": group shrink) on every weight matrix,
    with threshold learning_rate * strength (proximal gradient descent; meant for optim.sgd)."""
    shrink = _known(kind, PROXIMAL)
    as_scalar("strength", strength, 0.0)

    def rule(w, dw, config=None):
        w, config = update(w, dw, config)
        if np.ndim(w) == 2:
            w = shrink(w, config["learning_rate"] * strength)
        return w, config
    return rule
