"""Vectorised layers on whole batches: each forward returns ``(out, cache)``, each backward
takes ``(dout, cache)`` and returns the gradient of every input the forward took."""
import numpy as np

from .checks import as_array, as_scalar, check_shape


def affine_forward(x, w, b):
    """``x @ w + b``, each row of x (shape (N, D) or (N, d1, ..., dk)) flattened to D numbers."""
    x, w, b = as_array("x", x), as_array("w", w, ndim=2), as_array("b", b, ndim=1)
    if x.ndim < 2:
        raise ValueError(f"x must be a batch of shape (N, D) or (N, d1, ..., dk), "
                         f"got shape {x.shape}")
    rows = x if x.ndim == 2 else x.reshape(len(x), -1)
    if rows.shape[1] != w.shape[0] or b.shape[0] != w.shape[1]:
        raise ValueError(f"affine layer: x of shape {x.shape} gives rows of {rows.shape[1]} "
                         f"numbers; w of shape {w.shape} needs {w.shape[0]} and b of shape "
                         f"{b.shape} needs ({w.shape[1]},)")
    return rows @ w + b, (x, w, b)


def affine_backward(dout, cache):
    """Gradients ``(dx, dw, db)`` of the affine layer; dx has x's shape."""
    x, w, b = cache
    dout = as_array("dout", dout)
    check_shape("dout", dout, (len(x), w.shape[1]), " (the affine layer's output)")
    dx = dout @ w.T
    if x.ndim == 2:
        return dx, x.T @ dout, dout.sum(axis=0)
    return dx.reshape(x.shape), x.reshape(len(x), -1).T @ dout, dout.sum(axis=0)


def relu_forward(x):
    """max(0, x) elementwise."""
    x = as_array("x", x)
    return np.maximum(x, 0.0), x


def relu_backward(dout, cache):
    """The gradient passes where x > 0 and stops elsewhere (0 at the kink x = 0)."""
    x = cache
    dout = as_array("dout", dout)
    check_shape("dout", dout, x.shape, " (the relu's input)")
    return dout * (x > 0)


def sigmoid_forward(x):
    """1 / (1 + exp(-x)) elementwise, without overflow for large |x|."""
    x = as_array("x", x)
    out = np.exp(-np.logaddexp(0.0, -x))    # log(1 + e^-x) computed stably, then e^-that
    return out, out


def sigmoid_backward(dout, cache):
    """sigmoid' = s (1 - s), from the output s that the forward kept."""
    s = cache
    dout = as_array("dout", dout)
    check_shape("dout", dout, s.shape, " (the sigmoid's input)")
    return dout * s * (1.0 - s)


def tanh_forward(x):
    """tanh(x) elementwise."""
    out = np.tanh(as_array("x", x))
    return out, out


def tanh_backward(dout, cache):
    """tanh' = 1 - t^2, from the output t that the forward kept."""
    t = cache
    dout = as_array("dout", dout)
    check_shape("dout", dout, t.shape, " (the tanh's input)")
    return dout * (1.0 - t * t)


def dropout_forward(x, p, train=True, rng=None):
    """Inverted dropout: drop each unit with probability ``p``, scale survivors by 1 / (1 - p).

    The identity when ``train`` is False or p is 0; otherwise ``rng`` must be a
    ``np.random.Generator`` (say ``np.random.default_rng(seed)``), so masks are reproducible.
    """
    x = as_array("x", x)
    p = as_scalar("dropout probability p", p, 0.0, 1.0, high_open=True)
    if not train or p == 0.0:
        return x, (x.shape, None)
    if not isinstance(rng, np.random.Generator):
        raise TypeError("dropout with train=True and p > 0 needs rng=np.random.default_rng(seed) "
                        f"so that its masks are reproducible, got rng={rng!r}")
    mask = (rng.random(x.shape) >= p) / (1.0 - p)    # 0 for dropped units, 1/(1-p) for kept
    return x * mask, (x.shape, mask)


def dropout_backward(dout, cache):
    """The gradient flows through the kept units, scaled as they were."""
    shape, mask = cache
    dout = as_array("dout", dout)
    check_shape("dout", dout, shape, " (the dropout's input)")
    return dout if mask is None else dout * mask
