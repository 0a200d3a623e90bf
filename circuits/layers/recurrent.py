"""One time step of a vanilla RNN and of an LSTM, on a minibatch: x (N, D), hidden state (N, H).

Forward returns the new state(s) and a cache; backward takes the gradients on the new state(s)
and the cache. The LSTM packs its four gates in Wx (D, 4H), Wh (H, 4H), b (4H,) in the order
input, forget, output, candidate: columns [0:H] are the input gate, [H:2H] forget, and so on.
"""
import numpy as np

from .checks import as_array, check_shape
from .dense import sigmoid_backward, sigmoid_forward, tanh_backward, tanh_forward


def _inputs(x, h_prev, Wx, Wh, b, gates):
    """Check the shapes of one step's inputs (gates = 1 for the RNN, 4 for the LSTM)."""
    x, h_prev = as_array("x (N, D)", x, 2), as_array("h_prev (N, H)", h_prev, 2)
    Wx, Wh, b = as_array("Wx", Wx, 2), as_array("Wh", Wh, 2), as_array("b", b, 1)
    (N, D), H = x.shape, h_prev.shape[1]
    G = f"{gates}H" if gates > 1 else "H"
    wanted = {"h_prev": ((N, H), h_prev), "Wx": ((D, gates * H), Wx),
              "Wh": ((H, gates * H), Wh), "b": ((gates * H,), b)}
    for name, (shape, a) in wanted.items():
        if a.shape != shape:
            raise ValueError(f"{name} must have shape {shape} for x {x.shape} and h_prev "
                             f"{h_prev.shape} (Wx (D, {G}), Wh (H, {G}), b ({G},)), got {a.shape}")
    return x, h_prev, Wx, Wh, b


def rnn_step_forward(x, h_prev, Wx, Wh, b):
    """h_next = tanh(x Wx + h_prev Wh + b); returns (h_next, cache)."""
    x, h_prev, Wx, Wh, b = _inputs(x, h_prev, Wx, Wh, b, 1)
    h_next, tanh_cache = tanh_forward(x @ Wx + h_prev @ Wh + b)
    return h_next, (x, h_prev, Wx, Wh, tanh_cache)


def rnn_step_backward(dh_next, cache):
    """Gradients (dx, dh_prev, dWx, dWh, db) of one RNN step from dh_next."""
    x, h_prev, Wx, Wh, tanh_cache = cache
    dh_next = as_array("dh_next", dh_next)
    check_shape("dh_next", dh_next, h_prev.shape, " (the hidden state's shape)")
    da = tanh_backward(dh_next, tanh_cache)
    return da @ Wx.T, da @ Wh.T, x.T @ da, h_prev.T @ da, da.sum(axis=0)


def lstm_step_forward(x, h_prev, c_prev, Wx, Wh, b):
    """One LSTM step, gates (input, forget, output, candidate): (h_next, c_next, cache)."""
    x, h_prev, Wx, Wh, b = _inputs(x, h_prev, Wx, Wh, b, 4)
    c_prev = as_array("c_prev (N, H)", c_prev, 2)
    check_shape("c_prev", c_prev, h_prev.shape, " (h_prev's shape)")
    a = x @ Wx + h_prev @ Wh + b
    H = h_prev.shape[1]
    ifo, sig_cache = sigmoid_forward(a[:, :3 * H])           # input, forget, output gates
    g, g_cache = tanh_forward(a[:, 3 * H:])                   # candidate values
    i, f, o = ifo[:, :H], ifo[:, H:2 * H], ifo[:, 2 * H:]
    c_next = f * c_prev + i * g
    tanh_c, c_cache = tanh_forward(c_next)
    h_next = o * tanh_c
    return h_next, c_next, (x, h_prev, c_prev, Wx, Wh, i, f, o, g, tanh_c,
                            sig_cache, g_cache, c_cache)


def lstm_step_backward(dh_next, dc_next, cache):
    """Gradients (dx, dh_prev, dc_prev, dWx, dWh, db) of one LSTM step."""
    x, h_prev, c_prev, Wx, Wh, i, f, o, g, tanh_c, sig_cache, g_cache, c_cache = cache
    dh_next, dc_next = as_array("dh_next", dh_next), as_array("dc_next", dc_next)
    check_shape("dh_next", dh_next, h_prev.shape, " (the hidden state's shape)")
    check_shape("dc_next", dc_next, c_prev.shape, " (the cell state's shape)")
    dc = dc_next + tanh_backward(dh_next * o, c_cache)        # c reaches the loss two ways
    d_ifo = np.hstack([dc * g, dc * c_prev, dh_next * tanh_c])
    da = np.hstack([sigmoid_backward(d_ifo, sig_cache), tanh_backward(dc * i, g_cache)])
    return da @ Wx.T, da @ Wh.T, dc * f, x.T @ da, h_prev.T @ da, da.sum(axis=0)
