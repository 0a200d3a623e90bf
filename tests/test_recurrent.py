"""RNN and LSTM steps: numerical gradients, known values, the LSTM's gate order, errors."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from circuits.gradcheck import array_gradients
from circuits.layers.recurrent import (lstm_step_backward, lstm_step_forward, rnn_step_backward,
                                       rnn_step_forward)


def numerical_gradient(f, x, h=1e-5):
    """Centred differences of the scalar f() with respect to each entry of x (changed in place)."""
    return array_gradients(f, {"x": x}, h)["x"]


def relative_error(a, b):
    """|a - b| / (|a| + |b|) over the whole gradient: entries near 0 do not blow it up."""
    return np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-12)


sizes = st.tuples(st.integers(1, 3), st.integers(1, 4), st.integers(1, 4), st.integers(0, 10**6))


@settings(max_examples=15, deadline=None, derandomize=True)
@given(sizes)
def test_rnn_step_gradients(shape):
    N, D, H, seed = shape
    rng = np.random.default_rng(seed)
    inputs = [rng.normal(scale=0.5, size=s) for s in [(N, D), (N, H), (D, H), (H, H), (H,)]]
    h_next, cache = rnn_step_forward(*inputs)         # scale 0.5: tanh far from saturation
    dh = rng.normal(size=h_next.shape)
    analytic = rnn_step_backward(dh, cache)
    for a, grad in zip(inputs, analytic):
        numerical = numerical_gradient(lambda: np.sum(rnn_step_forward(*inputs)[0] * dh), a)
        assert grad.shape == a.shape and relative_error(grad, numerical) < 1e-7


@settings(max_examples=15, deadline=None, derandomize=True)
@given(sizes)
def test_lstm_step_gradients(shape):
    N, D, H, seed = shape
    rng = np.random.default_rng(seed)
    inputs = [rng.normal(scale=0.5, size=s)     # small enough that no gate saturates
              for s in [(N, D), (N, H), (N, H), (D, 4 * H), (H, 4 * H), (4 * H,)]]
    h_next, c_next, cache = lstm_step_forward(*inputs)
    dh, dc = rng.normal(size=h_next.shape), rng.normal(size=c_next.shape)
    grads = lstm_step_backward(dh, dc, cache)

    def loss():
        hn, cn, _ = lstm_step_forward(*inputs)
        return np.sum(hn * dh) + np.sum(cn * dc)
    for a, grad in zip(inputs, grads):
        assert grad.shape == a.shape and relative_error(grad, numerical_gradient(loss, a)) < 1e-7


def test_rnn_step_value():
    h, _ = rnn_step_forward([[1.0, 2.0]], [[0.5]], [[0.25], [-0.5]], [[2.0]], [0.1])
    assert h[0, 0] == pytest.approx(np.tanh(0.25 - 1.0 + 1.0 + 0.1))    # tanh(0.35) = 0.3364


def gates(H, input=0.0, forget=0.0, output=0.0, candidate=0.0):
    """Bias vector (4H,) with each gate's pre-activation set, in the documented order."""
    return np.repeat([input, forget, output, candidate], H)


@pytest.mark.parametrize("H", [1, 3])
def test_lstm_gate_order(H):
    N, D, big = 2, 2, 30.0                                # sigmoid(30) is 1 to 13 digits
    x, Wx, Wh = np.ones((N, D)), np.zeros((D, 4 * H)), np.zeros((H, 4 * H))
    h, c = np.full((N, H), 0.3), np.linspace(-1, 1, N * H).reshape(N, H)
    # only the forget and output gates open: the cell is carried, the output shows tanh(c)
    h1, c1, _ = lstm_step_forward(x, h, c, Wx, Wh, gates(H, -big, big, big, 0.7))
    np.testing.assert_allclose(c1, c, atol=1e-12)
    np.testing.assert_allclose(h1, np.tanh(c), atol=1e-12)
    # only the input gate open: the cell becomes the candidate tanh(0.7), the output is shut
    h2, c2, _ = lstm_step_forward(x, h, c, Wx, Wh, gates(H, big, -big, -big, 0.7))
    np.testing.assert_allclose(c2, np.tanh(0.7), atol=1e-12)
    np.testing.assert_allclose(h2, 0.0, atol=1e-12)
    # all gates half open (pre-activation 0): c = c/2 + tanh(0.7)/2, h = tanh(c)/2
    h3, c3, _ = lstm_step_forward(x, h, c, Wx, Wh, gates(H, candidate=0.7))
    np.testing.assert_allclose(c3, (c + np.tanh(0.7)) / 2, atol=1e-14)
    np.testing.assert_allclose(h3, np.tanh(c3) / 2, atol=1e-14)


def test_forget_gate_carries_the_gradient_of_c():
    H = 2
    x, h, c = np.ones((1, 3)), np.zeros((1, H)), np.ones((1, H))
    _, _, cache = lstm_step_forward(x, h, c, np.zeros((3, 4 * H)), np.zeros((H, 4 * H)),
                                    gates(H, -30, 30, -30))
    dc_prev = lstm_step_backward(np.zeros((1, H)), np.ones((1, H)), cache)[2]
    np.testing.assert_allclose(dc_prev, 1.0, atol=1e-12)   # the "constant error carousel"


def test_shape_errors_name_the_shapes():
    x, h = np.zeros((2, 3)), np.zeros((2, 4))
    with pytest.raises(ValueError, match=r"Wx must have shape \(3, 4\) .*got \(4, 4\)"):
        rnn_step_forward(x, h, np.zeros((4, 4)), np.zeros((4, 4)), np.zeros(4))
    with pytest.raises(ValueError, match=r"h_prev must have shape \(2, 4\) .*got \(3, 4\)"):
        rnn_step_forward(x, np.zeros((3, 4)), np.zeros((3, 4)), np.zeros((4, 4)), np.zeros(4))
    with pytest.raises(ValueError, match=r"b must have shape \(16,\) .*got \(4,\)"):
        lstm_step_forward(x, h, h, np.zeros((3, 16)), np.zeros((4, 16)), np.zeros(4))
    with pytest.raises(ValueError, match=r"Wh must have shape \(4, 16\) .*got \(4, 4\)"):
        lstm_step_forward(x, h, h, np.zeros((3, 16)), np.zeros((4, 4)), np.zeros(16))
    with pytest.raises(ValueError, match=r"c_prev has shape \(2, 3\), expected \(2, 4\)"):
        lstm_step_forward(x, h, x, np.zeros((3, 16)), np.zeros((4, 16)), np.zeros(16))
    with pytest.raises(ValueError, match=r"x \(N, D\) must have 2 dimensions, got shape \(3,\)"):
        rnn_step_forward(np.zeros(3), h, np.zeros((3, 4)), np.zeros((4, 4)), np.zeros(4))


def test_backward_rejects_gradients_of_the_wrong_shape():
    x, h = np.zeros((2, 3)), np.zeros((2, 4))
    _, cache = rnn_step_forward(x, h, np.zeros((3, 4)), np.zeros((4, 4)), np.zeros(4))
    with pytest.raises(ValueError, match=r"dh_next has shape \(4,\), expected \(2, 4\)"):
        rnn_step_backward(np.zeros(4), cache)
    _, _, cache = lstm_step_forward(x, h, h, np.zeros((3, 16)), np.zeros((4, 16)), np.zeros(16))
    with pytest.raises(ValueError, match=r"dh_next has shape \(4,\), expected \(2, 4\)"):
        lstm_step_backward(np.zeros(4), np.zeros((2, 4)), cache)
    with pytest.raises(ValueError, match=r"dc_next has shape \(1, 4\), expected \(2, 4\)"):
        lstm_step_backward(np.zeros((2, 4)), np.zeros((1, 4)), cache)
