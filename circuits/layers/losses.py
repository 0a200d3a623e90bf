"""Losses on whole batches of scores, each returning ``(loss, dscores)``: the mean loss and its
gradient with respect to the scores (or predictions), ready for the layers' backward passes."""
import numpy as np

from .checks import as_array, as_labels, as_scalar, check_finite_loss


def softmax_loss(scores, y):
    """Mean cross-entropy of softmax(scores) (N, C) against integer labels y in [0, C)."""
    scores = as_array("scores", scores, ndim=2)
    n, num_classes = scores.shape
    y = as_labels(y, n, num_classes)
    shifted = scores - scores.max(axis=1, keepdims=True)     # largest score 0: exp cannot overflow
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    rows = np.arange(n)
    loss = -log_probs[rows, y].mean()
    check_finite_loss(loss, scores=scores)
    dscores = np.exp(log_probs)                              # softmax probabilities
    dscores[rows, y] -= 1.0
    return float(loss), dscores / n


def svm_loss(scores, y, margin=1.0):
    """Multiclass hinge: mean over examples of the sum over wrong classes j of
    max(0, s_j - s_y + margin)."""
    scores = as_array("scores", scores, ndim=2)
    n, num_classes = scores.shape
    y = as_labels(y, n, num_classes)
    margin = as_scalar("margin", margin, low=0.0)
    rows = np.arange(n)
    margins = np.maximum(0.0, scores - scores[rows, y][:, None] + margin)
    margins[rows, y] = 0.0                                   # the right class is no violation
    loss = margins.sum() / n
    check_finite_loss(loss, scores=scores)
    dscores = (margins > 0).astype(float)                    # each violation pushes s_j up ...
    dscores[rows, y] -= dscores.sum(axis=1)                  # ... and s_y down once per violation
    return float(loss), dscores / n


def mse_loss(pred, target):
    """Mean of the squared differences over all elements; pred and target of the same shape."""
    pred, target = as_array("pred", pred), as_array("target", target)
    if pred.shape != target.shape:
        raise ValueError(f"pred has shape {pred.shape} but target has shape {target.shape}; "
                         "they must match (no broadcasting)")
    diff = pred - target
    if diff.size == 0:
        raise ValueError(f"mse_loss needs at least one element, got shape {pred.shape}")
    loss = float(np.mean(diff * diff))
    check_finite_loss(loss, pred=pred, target=target)
    return loss, diff * (2.0 / diff.size)


def binary_hinge_loss(scores, y):
    """Mean of max(0, 1 - y * score) for labels y of +1/-1; scores of shape (N,) or (N, 1)."""
    scores, y = as_array("scores", scores), as_array("labels y", y, ndim=1)
    n = len(y)
    if scores.shape != (n,) and scores.shape != (n, 1):
        raise ValueError(f"scores of shape {scores.shape} do not fit {n} labels: "
                         f"need shape ({n},) or ({n}, 1)")
    if n == 0:
        raise ValueError("binary_hinge_loss needs at least one example, got 0")
    short = 1.0 - y * scores.reshape(n)                  # how far each score is from its margin
    loss = float(np.maximum(short, 0.0).sum()) / n
    if np.count_nonzero(y * y != 1.0):                   # count_nonzero: cheaper than any()
        raise ValueError(f"labels y must be +1 or -1, got {sorted(set(y.tolist()))[:10]}")
    check_finite_loss(loss, scores=scores)
    dscores = (short > 0) * (y * (-1.0 / n))             # -y / n where the margin is not met
    return loss, dscores.reshape(scores.shape)
