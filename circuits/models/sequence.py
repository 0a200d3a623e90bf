"""Recurrent steps unrolled over a sequence: forward through time, backprop through time, the
bidirectional idea, and probes of how a gradient's size changes as it flows back in time.

Sequences are arrays xs of shape (T, N, D): T time steps of a minibatch of N inputs of size D.
"""
import numpy as np

from ..layers.checks import as_array
from ..layers.recurrent import (lstm_step_backward, lstm_step_forward, rnn_step_backward,
                                rnn_step_forward)


def _steps(xs):
    xs = as_array("xs (T, N, D)", xs, 3)
    if len(xs) == 0:
        raise ValueError(f"xs must hold at least one time step, got shape {xs.shape}")
    return xs


def rnn_forward(xs, h0, Wx, Wh, b):
    """rnn_step_forward over xs (T, N, D) from h0 (N, H): states hs (T, N, H) and the caches."""
    hs, caches, h = [], [], h0
    for x in _steps(xs):
        h, cache = rnn_step_forward(x, h, Wx, Wh, b)
        hs.append(h)
        caches.append(cache)
    return np.stack(hs), caches


def rnn_backward(dhs, caches):
    """Backprop through time from dhs (T, N, H), the loss's gradient on each state:
    returns (dxs, dh0, dWx, dWh, db), the weights' gradients summed over the steps."""
    dhs = as_array("dhs (T, N, H)", dhs, 3)
    if len(dhs) != len(caches):
        raise ValueError(f"dhs has {len(dhs)} time steps but there are {len(caches)} caches")
    dxs, dh = [], np.zeros_like(dhs[0])
    for t in range(len(dhs) - 1, -1, -1):
        dx, dh, dWx_t, dWh_t, db_t = rnn_step_backward(dhs[t] + dh, caches[t])  # 2 paths add
        dxs.append(dx)
        if t == len(dhs) - 1:
            dWx, dWh, db = dWx_t, dWh_t, db_t
        else:
            dWx += dWx_t                                  # in place: no new (D, H) array
            dWh += dWh_t
            db += db_t
    return np.stack(dxs[::-1]), dh, dWx, dWh, db


def lstm_forward(xs, h0, c0, Wx, Wh, b):
    """lstm_step_forward over xs (T, N, D): states hs (T, N, H) and the caches."""
    hs, caches, h, c = [], [], h0, c0
    for x in _steps(xs):
        h, c, cache = lstm_step_forward(x, h, c, Wx, Wh, b)
        hs.append(h)
        caches.append(cache)
    return np.stack(hs), caches


def lstm_backward(dhs, caches):
    """Backprop through time from dhs (T, N, H): (dxs, dh0, dc0, dWx, dWh, db, dc_norms), where
    dc_norms[t] is the size of the gradient on the cell state c_t."""
    dhs = as_array("dhs (T, N, H)", dhs, 3)
    if len(dhs) != len(caches):
        raise ValueError(f"dhs has {len(dhs)} time steps but there are {len(caches)} caches")
    dxs, dc_norms = [], []
    dh, dc = np.zeros_like(dhs[0]), np.zeros_like(dhs[0])
    dWx, dWh, db = 0.0, 0.0, 0.0
    for dh_t, cache in zip(dhs[::-1], caches[::-1]):
        dx, dh, dc, dWx_t, dWh_t, db_t = lstm_step_backward(dh_t + dh, dc, cache)
        dxs.append(dx)
        dc_norms.append(np.linalg.norm(dc))              # this is the gradient on c_(t-1)
        dWx, dWh, db = dWx + dWx_t, dWh + dWh_t, db + db_t
    return np.stack(dxs[::-1]), dh, dc, dWx, dWh, db, np.array(dc_norms[::-1])


def bidirectional_rnn(xs, h0, forward_params, backward_params):
    """States (T, N, 2H): an RNN read left to right next to another read right to left, so the
    state at t sees the whole sequence. Each params is (Wx, Wh, b)."""
    xs = _steps(xs)
    ahead, _ = rnn_forward(xs, h0, *forward_params)
    behind, _ = rnn_forward(xs[::-1], h0, *backward_params)
    return np.concatenate([ahead, behind[::-1]], axis=2)


def random_rnn(scale, hidden=100, inputs=10, rng=None):
    """Weights (Wx, Wh, b) of an RNN whose Wh has gaussian entries of std scale / sqrt(hidden),
    so its typical gain on a vector is about ``scale``."""
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a np.random.Generator, got {type(rng).__name__}")
    Wh = rng.normal(scale=scale / np.sqrt(hidden), size=(hidden, hidden))
    return rng.normal(scale=0.1, size=(inputs, hidden)), Wh, np.zeros(hidden)


def rnn_gradient_norms(scale, steps=50, hidden=100, rng=None):
    """||dL/dh_t|| for t = 0 .. steps-1 when a loss on the last state only (a random unit
    gradient) flows back through a random RNN of recurrent weight ``scale``."""
    Wx, Wh, b = random_rnn(scale, hidden, 10, rng)
    xs = rng.normal(size=(steps, 1, 10))
    hs, caches = rnn_forward(xs, np.zeros((1, hidden)), Wx, Wh, b)
    dh = rng.normal(size=(1, hidden))
    dh, norms = dh / np.linalg.norm(dh), [1.0]
    for cache in caches[:0:-1]:                     # back from the last step to step 1
        dh = rnn_step_backward(dh, cache)[1]
        norms.append(np.linalg.norm(dh))
    return np.array(norms[::-1])
