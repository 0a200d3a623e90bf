"""Recurrent steps unrolled through time: backprop through time against numerical gradients,
the bidirectional states, the gradient-size probe, errors."""
import numpy as np
import pytest

from circuits.layers import rnn_step_forward
from circuits.models.sequence import (bidirectional_rnn, lstm_backward, lstm_forward,
                                      rnn_backward, rnn_forward, rnn_gradient_norms)
from test_recurrent import numerical_gradient, relative_error

T, N, D, H = 4, 2, 3, 5


def test_rnn_backward_through_time_matches_numbers():
    rng = np.random.default_rng(1)
    inputs = [rng.normal(scale=0.5, size=s) for s in [(T, N, D), (N, H), (D, H), (H, H), (H,)]]
    weights = rng.normal(size=(T, N, H))                     # loss = sum of weights * states
    hs, caches = rnn_forward(*inputs)
    grads = rnn_backward(weights, caches)
    for a, grad in zip(inputs, grads):
        numerical = numerical_gradient(lambda: np.sum(rnn_forward(*inputs)[0] * weights), a)
        assert grad.shape == a.shape and relative_error(grad, numerical) < 1e-7


def test_rnn_forward_is_the_step_repeated():
    rng = np.random.default_rng(2)
    xs, h, Wx, Wh, b = [rng.normal(size=s) for s in [(T, N, D), (N, H), (D, H), (H, H), (H,)]]
    hs, _ = rnn_forward(xs, h, Wx, Wh, b)
    for t in range(T):
        h, _ = rnn_step_forward(xs[t], h, Wx, Wh, b)
        assert np.array_equal(hs[t], h)


def test_lstm_backward_through_time_matches_numbers():
    rng = np.random.default_rng(3)
    inputs = [rng.normal(scale=0.5, size=s)
              for s in [(T, N, D), (N, H), (N, H), (D, 4 * H), (H, 4 * H), (4 * H,)]]
    weights = rng.normal(size=(T, N, H))
    hs, caches = lstm_forward(*inputs)
    *grads, dc_norms = lstm_backward(weights, caches)
    for a, grad in zip(inputs, grads):
        numerical = numerical_gradient(lambda: np.sum(lstm_forward(*inputs)[0] * weights), a)
        assert grad.shape == a.shape and relative_error(grad, numerical) < 1e-7
    assert dc_norms.shape == (T,) and dc_norms[0] == pytest.approx(np.linalg.norm(grads[2]))


def test_lstm_cell_gradient_survives_when_the_forget_gate_is_open():
    rng = np.random.default_rng(4)
    xs = rng.normal(size=(30, 1, D))
    Wx, Wh = 0.1 * rng.normal(size=(D, 4 * H)), 0.1 * rng.normal(size=(H, 4 * H))
    dhs = np.zeros((30, 1, H))
    dhs[-1] = 1.0
    last = []
    for forget_bias in (0.0, 6.0):
        b = np.repeat([0.0, forget_bias, 0.0, 0.0], H)
        _, caches = lstm_forward(xs, np.zeros((1, H)), np.zeros((1, H)), Wx, Wh, b)
        last.append(lstm_backward(dhs, caches)[-1][0])
    assert last[0] < 1e-6 < 0.1 < last[1]     # f = 0.5 halves it each step; f = 0.998 keeps it


def test_bidirectional_state_sees_the_future():
    rng = np.random.default_rng(5)
    xs = rng.normal(size=(T, N, D))
    params = [tuple(rng.normal(size=s) for s in [(D, H), (H, H), (H,)]) for _ in range(2)]
    states = bidirectional_rnn(xs, np.zeros((N, H)), *params)
    changed = xs.copy()
    changed[-1] += 1.0                                          # change the last input only
    moved = np.abs(bidirectional_rnn(changed, np.zeros((N, H)), *params) - states)
    assert states.shape == (T, N, 2 * H)
    assert np.all(moved[:-1, :, :H] == 0) and np.all(moved[-1, :, :H] > 0)   # reads left to right
    assert np.all(moved[:, :, H:].max(axis=(1, 2)) > 0)     # the right-to-left half sees it at every t


def test_gradient_norms_vanish_for_small_and_explode_for_large_weights():
    small = rnn_gradient_norms(0.5, 40, 50, np.random.default_rng(0))
    large = rnn_gradient_norms(3.0, 40, 50, np.random.default_rng(0))
    assert small[-1] == large[-1] == pytest.approx(1.0) and len(small) == 40
    assert small[0] < 1e-8 and large[0] > 1e3


def test_errors_name_the_problem():
    rng = np.random.default_rng(6)
    Wx, Wh, b = rng.normal(size=(D, H)), rng.normal(size=(H, H)), np.zeros(H)
    with pytest.raises(ValueError, match="at least one time step"):
        rnn_forward(np.zeros((0, N, D)), np.zeros((N, H)), Wx, Wh, b)
    with pytest.raises(ValueError, match="3 dimensions"):
        rnn_forward(np.zeros((N, D)), np.zeros((N, H)), Wx, Wh, b)
    _, caches = rnn_forward(np.zeros((T, N, D)), np.zeros((N, H)), Wx, Wh, b)
    with pytest.raises(ValueError, match="3 time steps but there are 4 caches"):
        rnn_backward(np.zeros((3, N, H)), caches)
    with pytest.raises(TypeError, match="np.random.Generator"):
        rnn_gradient_norms(1.0, rng=None)
