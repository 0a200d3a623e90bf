"""Convolution and max pooling: against plain loops, against numerical gradients, sizes, errors."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from circuits.gradcheck import array_gradients
from circuits.layers.conv import (conv_backward, conv_forward, max_pool_backward,
                                  max_pool_forward, output_size)


def numerical_gradient(f, x, dout, h=1e-3):
    """Centred differences of sum(f(x) * dout) with respect to each entry of x.

    Both layers are linear in each input (max pooling piecewise), so a large step loses
    nothing to truncation and keeps rounding small.
    """
    return array_gradients(lambda: np.sum(f(x) * dout), {"x": x}, h)["x"]


def relative_error(a, b):
    """|a - b| / (|a| + |b|) over the whole gradient: entries near 0 do not blow it up."""
    return np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-12)


def naive_conv(x, w, b, stride, pad):
    """The convolution as four nested loops over images, filters and output pixels."""
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    Ho, Wo = (H + 2 * pad - HH) // stride + 1, (W + 2 * pad - WW) // stride + 1
    out = np.zeros((N, F, Ho, Wo))
    for n in range(N):
        for f in range(F):
            for i in range(Ho):
                for j in range(Wo):
                    patch = xp[n, :, i * stride:i * stride + HH, j * stride:j * stride + WW]
                    out[n, f, i, j] = np.sum(patch * w[f]) + b[f]
    return out


def naive_pool(x, size, stride):
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
    out = np.zeros((N, C, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            out[:, :, i, j] = x[:, :, i * stride:i * stride + size,
                                j * stride:j * stride + size].max(axis=(2, 3))
    return out


# (H, W, HH, WW, stride, pad) that tile: (H - HH + 2 pad) divisible by stride, and so for W
conv_shapes = st.sampled_from([(5, 5, 3, 3, 1, 0), (5, 5, 3, 3, 1, 1), (7, 5, 3, 3, 2, 1),
                               (6, 6, 2, 2, 2, 0), (4, 6, 1, 3, 1, 0), (5, 7, 3, 3, 2, 0),
                               (3, 3, 3, 3, 1, 0), (6, 8, 4, 2, 2, 1)])


@settings(max_examples=12, deadline=None, derandomize=True)
@given(conv_shapes, st.integers(1, 2), st.integers(1, 3), st.integers(1, 3), st.integers(0, 10**6))
def test_conv_matches_loops_and_numerical_gradients(shape, N, C, F, seed):
    H, W, HH, WW, stride, pad = shape
    rng = np.random.default_rng(seed)
    x, w, b = rng.normal(size=(N, C, H, W)), rng.normal(size=(F, C, HH, WW)), rng.normal(size=F)
    out, cache = conv_forward(x, w, b, stride=stride, pad=pad)
    np.testing.assert_allclose(out, naive_conv(x, w, b, stride, pad), rtol=1e-12, atol=1e-12)
    dout = rng.normal(size=out.shape)
    dx, dw, db = conv_backward(dout, cache)
    assert relative_error(dx, numerical_gradient(
        lambda v: conv_forward(v, w, b, stride, pad)[0], x, dout)) < 1e-7
    assert relative_error(dw, numerical_gradient(
        lambda v: conv_forward(x, v, b, stride, pad)[0], w, dout)) < 1e-7
    assert relative_error(db, numerical_gradient(
        lambda v: conv_forward(x, w, v, stride, pad)[0], b, dout)) < 1e-7


@pytest.mark.parametrize("size, field, stride, pad, expected", [
    (227, 11, 4, 0, 55),      # AlexNet's first layer
    (32, 5, 1, 2, 32),        # "same" padding keeps the size
    (7, 3, 1, 0, 5),
    (7, 3, 2, 1, 4),
    (224, 3, 1, 1, 224),
])
def test_output_size_by_forward_pass(size, field, stride, pad, expected):
    x = np.ones((1, 1, size, size))
    out, _ = conv_forward(x, np.ones((2, 1, field, field)), np.zeros(2), stride=stride, pad=pad)
    assert out.shape == (1, 2, expected, expected) and output_size(size, field, stride, pad) == expected


def test_conv_known_values():
    x = np.arange(16.0).reshape(1, 1, 4, 4)
    w = np.array([[[[1.0, 0.0], [0.0, -1.0]]]])        # top-left minus bottom-right: always -5
    out, _ = conv_forward(x, w, np.array([1.0]), stride=2)
    np.testing.assert_array_equal(out, np.full((1, 1, 2, 2), -4.0))


def test_conv_keeps_float32():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(2, 3, 6, 6)).astype(np.float32)
    w = rng.normal(size=(4, 3, 3, 3)).astype(np.float32)
    out, cache = conv_forward(x, w, np.zeros(4, np.float32), pad=1)
    dx, dw, db = conv_backward(np.ones_like(out), cache)
    assert out.dtype == dx.dtype == dw.dtype == np.float32


@settings(max_examples=12, deadline=None, derandomize=True)
@given(st.sampled_from([(4, 4, 2, 2), (6, 4, 2, 2), (5, 5, 3, 2), (5, 7, 3, 1), (6, 6, 3, 3),
                        (3, 3, 1, 1)]), st.integers(1, 2), st.integers(1, 3), st.integers(0, 10**6))
def test_max_pool_matches_loops_and_numerical_gradient(shape, N, C, seed):
    H, W, size, stride = shape
    rng = np.random.default_rng(seed)
    x = rng.permutation(N * C * H * W).reshape(N, C, H, W) / 7.0    # distinct: no ties
    out, cache = max_pool_forward(x, size, stride)
    np.testing.assert_array_equal(out, naive_pool(x, size, stride))
    dout = rng.normal(size=out.shape)
    dx = max_pool_backward(dout, cache)
    assert relative_error(dx, numerical_gradient(
        lambda v: max_pool_forward(v, size, stride)[0], x, dout)) < 1e-7


def test_max_pool_overlapping_windows_add_their_gradients():
    x = np.zeros((1, 1, 3, 3))
    x[0, 0, 1, 1] = 5.0                                  # the centre is in all four 2x2 windows
    out, cache = max_pool_forward(x, size=2, stride=1)
    assert np.all(out == 5.0)
    dx = max_pool_backward(np.ones_like(out), cache)
    assert dx[0, 0, 1, 1] == 4.0 and dx.sum() == 4.0


def test_max_pool_tie_sends_gradient_to_the_first_maximum():
    x = np.array([[[[1.0, 3.0], [3.0, 3.0]]]])
    out, cache = max_pool_forward(x)
    dx = max_pool_backward(np.array([[[[2.0]]]]), cache)
    np.testing.assert_array_equal(dx, [[[[0.0, 2.0], [0.0, 0.0]]]])   # first in row-major order


def test_conv_errors_name_the_numbers():
    x, w, b = np.zeros((1, 3, 7, 7)), np.zeros((2, 3, 3, 3)), np.zeros(2)
    with pytest.raises(ValueError, match=r"stride 3 does not tile.*\(7 - 3 \+ 2\*0\) = 4"):
        conv_forward(x, w, b, stride=3)
    with pytest.raises(ValueError, match=r"\(1, 3, 7, 7\).*\(2, 4, 3, 3\)"):
        conv_forward(x, np.zeros((2, 4, 3, 3)), b)
    with pytest.raises(ValueError, match=r"b has shape \(3,\), expected \(2,\)"):
        conv_forward(x, w, np.zeros(3))
    with pytest.raises(ValueError, match=r"4 dimensions, got shape \(3, 7, 7\)"):
        conv_forward(np.zeros((3, 7, 7)), w, b)
    with pytest.raises(ValueError, match="window of 9 does not fit the height of 7 with pad 0"):
        conv_forward(x, np.zeros((2, 3, 9, 9)), b)
    with pytest.raises(ValueError, match="stride must be an integer >= 1, got 0"):
        conv_forward(x, w, b, stride=0)
    with pytest.raises(ValueError, match="pad must be an integer >= 0, got 1.5"):
        conv_forward(x, w, b, pad=1.5)
    out, cache = conv_forward(x, w, b)
    with pytest.raises(ValueError, match=r"dout has shape \(1, 2, 7, 7\), expected \(1, 2, 5, 5\)"):
        conv_backward(np.zeros((1, 2, 7, 7)), cache)


def test_pool_errors_name_the_numbers():
    with pytest.raises(ValueError, match=r"stride 2 does not tile the width.*\(5 - 2 \+ 2\*0\) = 3"):
        max_pool_forward(np.zeros((1, 1, 4, 5)))
    with pytest.raises(ValueError, match="size must be an integer >= 1, got 0"):
        max_pool_forward(np.zeros((1, 1, 4, 4)), size=0)
    out, cache = max_pool_forward(np.zeros((1, 1, 4, 4)))
    with pytest.raises(ValueError, match=r"dout has shape \(1, 1, 4, 4\), expected \(1, 1, 2, 2\)"):
        max_pool_backward(np.zeros((1, 1, 4, 4)), cache)
