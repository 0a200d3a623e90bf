"""The vectorised layers and array losses: gradients against centred differences, values
against plain loops, dropout's masks, and clear errors for input that does not fit."""
import importlib.util
import math
import pathlib

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from circuits.gradcheck import array_gradients
from circuits.layers import (affine_backward, affine_forward, binary_hinge_loss,
                             dropout_backward, dropout_forward, mse_loss, relu_backward,
                             relu_forward, sigmoid_backward, sigmoid_forward, softmax_loss,
                             svm_loss, tanh_backward, tanh_forward)

FEW = settings(max_examples=30, deadline=None)
sizes = st.integers(1, 5)
seeds = st.integers(0, 2**32 - 1)
TOLERANCE = 1e-7          # cs231n's "should be below 1e-7"; in float64 we see about 1e-10


def numerical_gradient(f, x, dout, h=1e-5):
    """d sum(f(x) * dout) / dx by centred differences, one entry of x at a time (x is restored)."""
    return array_gradients(lambda: np.sum(np.array(f(x), dtype=float) * dout), {"x": x}, h)["x"]


def relative_error(a, b):
    """|a - b| / (|a| + |b|) over whole arrays, so an entry that happens to be near 0 does not
    turn rounding into a large ratio; cs231n's rule of thumb (below 1e-7) still applies."""
    return np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-12)


def away_from_zero(a, gap=1e-2):
    """Move entries out of (-gap, gap): a kink there would fool the centred differences."""
    return np.where(a < 0, a - gap, a + gap)


# --- affine -------------------------------------------------------------------------------

@FEW
@given(n=sizes, dims=st.lists(sizes, min_size=1, max_size=3), m=sizes, seed=seeds)
def test_affine_gradients_match_centred_differences(n, dims, m, seed):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, *dims))
    w, b = rng.normal(size=(math.prod(dims), m)), rng.normal(size=m)
    dout = rng.normal(size=(n, m))
    dx, dw, db = affine_backward(dout, affine_forward(x, w, b)[1])
    assert dx.shape == x.shape and dw.shape == w.shape and db.shape == b.shape
    numerical = [numerical_gradient(lambda v: affine_forward(v, w, b)[0], x, dout),
                 numerical_gradient(lambda v: affine_forward(x, v, b)[0], w, dout),
                 numerical_gradient(lambda v: affine_forward(x, w, v)[0], b, dout)]
    for analytic, numeric in zip((dx, dw, db), numerical):
        assert relative_error(analytic, numeric) < TOLERANCE


def test_affine_forward_is_each_flattened_row_times_w_plus_b():
    rng = np.random.default_rng(0)
    x, w, b = rng.normal(size=(3, 2, 2)), rng.normal(size=(4, 5)), rng.normal(size=5)
    out, _ = affine_forward(x, w, b)
    for i in range(3):
        row = [x[i, 0, 0], x[i, 0, 1], x[i, 1, 0], x[i, 1, 1]]
        for j in range(5):
            assert out[i, j] == pytest.approx(math.fsum(row[k] * w[k, j] for k in range(4)) + b[j])


def test_affine_names_both_shapes_when_they_do_not_fit():
    with pytest.raises(ValueError, match=r"\(3, 4\).*\(5, 2\)"):
        affine_forward(np.ones((3, 4)), np.ones((5, 2)), np.ones(2))
    with pytest.raises(ValueError, match=r"b of shape \(3,\)"):
        affine_forward(np.ones((3, 4)), np.ones((4, 2)), np.ones(3))
    with pytest.raises(ValueError, match=r"batch .* got shape \(4,\)"):
        affine_forward(np.ones(4), np.ones((4, 2)), np.ones(2))
    _, cache = affine_forward(np.ones((3, 4)), np.ones((4, 2)), np.ones(2))
    with pytest.raises(ValueError, match=r"dout has shape \(3, 3\), expected \(3, 2\)"):
        affine_backward(np.ones((3, 3)), cache)
    with pytest.raises(TypeError, match="x must .* numbers"):
        affine_forward([["a", "b"]], np.ones((2, 2)), np.ones(2))


# --- elementwise nonlinearities -------------------------------------------------------------

NONLINEARITIES = {"relu": (relu_forward, relu_backward),
                  "sigmoid": (sigmoid_forward, sigmoid_backward),
                  "tanh": (tanh_forward, tanh_backward)}


@pytest.mark.parametrize("name", NONLINEARITIES)
@FEW
@given(shape=st.lists(sizes, min_size=1, max_size=3), seed=seeds)
def test_nonlinearity_gradients_match_centred_differences(name, shape, seed):
    forward, backward = NONLINEARITIES[name]
    rng = np.random.default_rng(seed)
    x, dout = away_from_zero(rng.normal(size=shape)), rng.normal(size=shape)
    dx = backward(dout, forward(x)[1])
    assert relative_error(dx, numerical_gradient(lambda v: forward(v)[0], x, dout)) < TOLERANCE


def test_nonlinearity_values():
    x = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
    assert relu_forward(x)[0].tolist() == [0.0, 0.0, 0.0, 0.5, 2.0]
    assert relu_backward(np.ones(5), relu_forward(x)[1]).tolist() == [0, 0, 0, 1, 1]  # 0 at 0
    assert sigmoid_forward(x)[0] == pytest.approx([1 / (1 + math.exp(-v)) for v in x], rel=1e-15)
    assert tanh_forward(x)[0] == pytest.approx([math.tanh(v) for v in x], rel=1e-15)


def test_sigmoid_does_not_overflow_and_stays_accurate_far_out():
    x = np.array([-1000.0, -50.0, 0.0, 50.0, 1000.0])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        s, cache = sigmoid_forward(x)
        ds = sigmoid_backward(np.ones(5), cache)
    assert s[0] == 0.0 and s[2] == 0.5 and s[3] == 1.0 and s[4] == 1.0
    assert s[1] == pytest.approx(math.exp(-50) / (1 + math.exp(-50)), rel=1e-12)   # tiny, not 0
    assert ds[1] == pytest.approx(math.exp(-50), rel=1e-12) and ds[0] == 0.0


def test_nonlinearity_backward_wants_dout_of_the_input_shape():
    for name, (forward, backward) in NONLINEARITIES.items():
        with pytest.raises(ValueError, match=r"dout has shape \(2, 3\), expected \(3, 2\)"):
            backward(np.ones((2, 3)), forward(np.ones((3, 2)))[1])


# --- dropout -------------------------------------------------------------------------------

def test_dropout_drops_a_fraction_p_and_scales_the_survivors():
    p, x = 0.3, np.ones((200, 500))
    out, _ = dropout_forward(x, p, rng=np.random.default_rng(0))
    dropped = np.mean(out == 0)
    sigma = math.sqrt(p * (1 - p) / x.size)
    assert abs(dropped - p) < 4 * sigma
    assert np.allclose(out[out != 0], 1 / (1 - p))        # inverted dropout: the mean stays 1
    assert abs(out.mean() - 1) < 4 * sigma / (1 - p)


def test_dropout_is_the_identity_at_test_time_and_for_p_zero():
    x = np.random.default_rng(1).normal(size=(4, 5))
    for out, cache in (dropout_forward(x, 0.5, train=False), dropout_forward(x, 0.0)):
        assert np.array_equal(out, x)
        assert np.array_equal(dropout_backward(2 * x, cache), 2 * x)


def test_dropout_masks_repeat_with_the_seed_and_differ_without_it():
    x = np.ones((20, 30))
    first = dropout_forward(x, 0.5, rng=np.random.default_rng(7))[0]
    again = dropout_forward(x, 0.5, rng=np.random.default_rng(7))[0]
    other = dropout_forward(x, 0.5, rng=np.random.default_rng(8))[0]
    assert np.array_equal(first, again) and not np.array_equal(first, other)


@FEW
@given(shape=st.lists(sizes, min_size=1, max_size=3), p=st.floats(0.0, 0.9), seed=seeds)
def test_dropout_gradient_matches_centred_differences_with_the_mask_fixed(shape, p, seed):
    rng = np.random.default_rng(seed)
    x, dout = rng.normal(size=shape), rng.normal(size=shape)
    dx = dropout_backward(dout, dropout_forward(x, p, rng=np.random.default_rng(seed))[1])
    same_mask = lambda v: dropout_forward(v, p, rng=np.random.default_rng(seed))[0]   # noqa: E731
    assert relative_error(dx, numerical_gradient(same_mask, x, dout)) < TOLERANCE


def test_dropout_errors_name_the_problem():
    x = np.ones((2, 2))
    for p in (1.0, -0.1, float("nan"), 2):
        with pytest.raises(ValueError, match=rf"p must be a finite number in \[0, 1\), got {p}"):
            dropout_forward(x, p, rng=np.random.default_rng(0))
    with pytest.raises(TypeError, match=r"rng=np.random.default_rng\(seed\)"):
        dropout_forward(x, 0.5)
    with pytest.raises(TypeError, match="got rng=3"):
        dropout_forward(x, 0.5, rng=3)
    with pytest.raises(ValueError, match=r"dout has shape \(3,\), expected \(2, 2\)"):
        dropout_backward(np.ones(3), dropout_forward(x, 0.5, rng=np.random.default_rng(0))[1])


# --- losses --------------------------------------------------------------------------------

def scores_and_labels(n, c, seed):
    """Scores of size about 1 (so softmax is not saturated) and labels in [0, c)."""
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n, c)), rng.integers(0, c, size=n)


def loss_gradient_error(loss, scores, *args):
    """Relative error between a loss's dscores and centred differences of its value."""
    _, dscores = loss(scores, *args)
    numerical = numerical_gradient(lambda s: loss(s, *args)[0], scores, np.ones(()))
    return relative_error(dscores, numerical)


@FEW
@given(n=sizes, c=st.integers(2, 6), seed=seeds)
def test_softmax_loss_gradient_matches_centred_differences(n, c, seed):
    assert loss_gradient_error(softmax_loss, *scores_and_labels(n, c, seed)) < TOLERANCE


@FEW
@given(n=sizes, c=st.integers(2, 6), seed=seeds, margin=st.sampled_from([0.0, 1.0, 2.5]))
def test_svm_loss_gradient_matches_centred_differences(n, c, seed, margin):
    scores, y = scores_and_labels(n, c, seed)
    gaps = scores - scores[np.arange(n), y][:, None] + margin
    gaps[np.arange(n), y] = 1.0
    assume(np.abs(gaps).min() > 1e-3)                # away from the hinge's kinks
    assert loss_gradient_error(svm_loss, scores, y, margin) < TOLERANCE


@FEW
@given(shape=st.lists(sizes, min_size=1, max_size=3), seed=seeds)
def test_mse_loss_gradient_matches_centred_differences(shape, seed):
    rng = np.random.default_rng(seed)
    pred, target = rng.normal(size=shape), rng.normal(size=shape)
    assert loss_gradient_error(mse_loss, pred, target) < TOLERANCE


@FEW
@given(n=sizes, seed=seeds, column=st.booleans())
def test_binary_hinge_loss_gradient_matches_centred_differences(n, seed, column):
    rng = np.random.default_rng(seed)
    scores, y = rng.normal(size=(n, 1) if column else n), rng.choice([-1.0, 1.0], size=n)
    assume(np.abs(1 - y * scores.ravel()).min() > 1e-3)
    assert loss_gradient_error(binary_hinge_loss, scores, y) < TOLERANCE


def test_loss_values_match_plain_loops():
    scores, y = scores_and_labels(4, 3, seed=5)
    rows = scores.tolist()
    softmax = [math.log(sum(math.exp(s) for s in row)) - row[k] for row, k in zip(rows, y)]
    svm = [sum(max(0.0, s - row[k] + 1.0) for j, s in enumerate(row) if j != k)
           for row, k in zip(rows, y)]
    assert softmax_loss(scores, y)[0] == pytest.approx(sum(softmax) / 4, rel=1e-14)
    assert svm_loss(scores, y)[0] == pytest.approx(sum(svm) / 4, rel=1e-14)
    target = scores[::-1]
    squares = [(a - b) ** 2 for a, b in zip(scores.ravel(), target.ravel())]
    assert mse_loss(scores, target)[0] == pytest.approx(sum(squares) / 12, rel=1e-14)
    labels = np.array([1.0, -1.0, 1.0, -1.0])
    hinge = [max(0.0, 1 - l * s) for l, s in zip(labels, scores[:, 0])]
    assert binary_hinge_loss(scores[:, 0], labels)[0] == pytest.approx(sum(hinge) / 4, rel=1e-14)


@pytest.mark.parametrize("c", [2, 10, 1000])
def test_softmax_loss_of_small_random_weights_is_about_log_c(c):
    rng = np.random.default_rng(c)
    X, W = rng.normal(size=(50, 20)), 1e-4 * rng.normal(size=(20, c))
    loss, _ = softmax_loss(X @ W, rng.integers(0, c, size=50))
    assert loss == pytest.approx(math.log(c), abs=1e-2)


def test_softmax_loss_is_stable_for_huge_scores():
    scores, y = scores_and_labels(3, 4, seed=2)
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        shifted = softmax_loss(scores + 1e4, y)
        spread = softmax_loss(1e3 * scores, y)
    plain = softmax_loss(scores, y)
    assert shifted[0] == pytest.approx(plain[0], rel=1e-9)     # adding a constant changes nothing
    assert np.allclose(shifted[1], plain[1], atol=1e-9)
    assert math.isfinite(spread[0]) and spread[0] > 100


@pytest.mark.parametrize("loss", [softmax_loss, svm_loss])
def test_class_labels_must_be_whole_numbers_in_range(loss):
    scores = np.zeros((3, 4))
    assert loss(scores, [0.0, 1.0, 3.0])[0] == loss(scores, [0, 1, 3])[0]     # 3.0 is fine
    with pytest.raises(TypeError, match=r"integers in \[0, 4\).*1.5"):
        loss(scores, [0, 1.5, 2])
    with pytest.raises(ValueError, match=r"C = 4 classes, got \[-1, 4\]"):
        loss(scores, [4, -1, 0])
    with pytest.raises(ValueError, match=r"shape \(3,\).*got shape \(2,\)"):
        loss(scores, [0, 1])
    with pytest.raises(ValueError, match=r"scores must have 2 dimensions, got shape \(4,\)"):
        loss(np.zeros(4), [0])
    with pytest.raises(ValueError, match="scores contain NaN or infinity"):
        loss(np.array([[0.0, np.nan, 1.0, 2.0]]), [0])
    with pytest.raises(ValueError, match="at least one example"):
        loss(np.zeros((0, 4)), [])


def test_other_loss_errors_name_the_problem():
    with pytest.raises(ValueError, match=r"pred has shape \(3, 1\) but target has shape \(3,\)"):
        mse_loss(np.zeros((3, 1)), np.zeros(3))
    with pytest.raises(ValueError, match="target contain NaN or infinity"):
        mse_loss(np.zeros(3), np.array([0.0, np.inf, 0.0]))
    with pytest.raises(ValueError, match=r"labels y must be \+1 or -1, got \[0.0, 1.0\]"):
        binary_hinge_loss(np.zeros(2), np.array([1.0, 0.0]))
    with pytest.raises(ValueError, match=r"shape \(2, 2\) do not fit 2 labels"):
        binary_hinge_loss(np.zeros((2, 2)), np.array([1.0, -1.0]))
    with pytest.raises(ValueError, match=r"margin must be a finite number >= 0, got -1"):
        svm_loss(np.zeros((2, 3)), [0, 1], margin=-1)


# --- layers together ------------------------------------------------------------------------

def two_layer_loss(params, X, y):
    """softmax(relu(X W1 + b1) W2 + b2): the loss and the gradients of all four parameters."""
    w1, b1, w2, b2 = params
    h, fc1 = affine_forward(X, w1, b1)
    a, relu = relu_forward(h)
    scores, fc2 = affine_forward(a, w2, b2)
    loss, dscores = softmax_loss(scores, y)
    da, dw2, db2 = affine_backward(dscores, fc2)
    _, dw1, db1 = affine_backward(relu_backward(da, relu), fc1)
    return loss, [dw1, db1, dw2, db2]


def test_a_two_layer_network_built_from_the_layers_has_the_right_gradients():
    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(6, 4)), rng.integers(0, 3, size=6)
    params = [rng.normal(size=shape) for shape in ((4, 5), 5, (5, 3), 3)]
    _, grads = two_layer_loss(params, X, y)
    for k, grad in enumerate(grads):
        def loss_of(v, k=k):
            return two_layer_loss(params[:k] + [v] + params[k + 1:], X, y)[0]
        assert relative_error(grad, numerical_gradient(loss_of, params[k], np.ones(()))) < TOLERANCE


def test_the_benchmark_network_trains_like_the_hand_written_numpy_loop():
    path = pathlib.Path(__file__).parents[1] / "benchmarks" / "vectorized_vs_torch.py"
    spec = importlib.util.spec_from_file_location("vectorized_vs_torch", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    X, y = bench.two_moons(100, noise=0.1, seed=0)
    ours, _ = bench.train(bench.step_layers, bench.initial_params(), X, y, steps=20)
    theirs, _ = bench.train(bench.step_numpy, bench.initial_params(), X, y, steps=20)
    assert np.allclose(ours, theirs, rtol=1e-12, atol=0)
    assert ours[-1] < 0.5 * ours[0]
