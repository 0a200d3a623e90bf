"""Diagnostics: the deep stack is the layers of circuits.layers applied in turn, the scales
behave as notebook 16 says, dead units are exactly the never-positive columns, and bad input
is refused by name."""
import numpy as np
import pytest

from circuits import layers, optim
from circuits.datasets import spirals
from circuits.diagnostics import (dead_fraction, dead_fractions, dead_mask, dead_units,
                                  deep_activations, he_scale, layer_stds, preactivations,
                                  saturation)
from circuits.models.dense import DenseNet
from circuits.train import fit

X = np.random.default_rng(5).standard_normal((200, 50))


def test_the_stack_is_affine_then_nonlinearity_with_the_drawn_weights():
    acts = deep_activations(X, 3, 20, 0.3, "tanh", np.random.default_rng(1))
    rng, out = np.random.default_rng(1), X
    for a in acts:
        out = np.tanh(out @ (0.3 * rng.standard_normal((out.shape[1], 20))))
        np.testing.assert_allclose(a, out)
    assert [a.shape for a in acts] == [(200, 20)] * 3


def test_the_three_regimes_of_the_scale():
    def stds(scale, nonlinearity):
        return layer_stds(deep_activations(X, 10, 50, scale, nonlinearity,
                                           np.random.default_rng(0)))
    assert stds(0.01, "tanh")[-1] < 1e-6                       # too small: vanishes
    big = deep_activations(X, 10, 50, 1.0, "tanh", np.random.default_rng(0))
    assert saturation(big[-1]) > 0.5                           # too large: tanh saturates
    he = stds(he_scale(50), "relu")
    assert he.max() / he.min() < 2                             # He: steady across layers
    assert stds(0.5, "relu")[-1] > 1e3 * stds(0.5, "relu")[0]  # too large for ReLU: explodes


def test_he_scale_and_saturation_on_known_numbers():
    assert he_scale(8) == 0.5 and he_scale(2) == 1.0
    assert saturation(np.array([0.0, 0.995, -1.0, 0.5])) == 0.5
    assert saturation(np.array([0.2, -0.6]), threshold=0.5) == 0.5
    np.testing.assert_allclose(layer_stds([np.array([1.0, 3.0]), np.zeros(3)]), [1.0, 0.0])


def test_dead_units_are_the_columns_never_positive():
    pre = np.array([[-1.0, 2.0, 0.0], [-3.0, -1.0, 0.0]])
    assert dead_mask(pre).tolist() == [True, False, True]
    net = DenseNet((2, 4, 3, 2), np.random.default_rng(0))
    net.params["b1"] = np.array([-100.0, 0.0, 0.0, -100.0])   # two units can never fire
    Xs = np.random.default_rng(1).uniform(-1, 1, (30, 2))
    masks = dead_units(net, Xs)
    assert [m.shape for m in masks] == [(4,), (3,)] and masks[0][[0, 3]].all()
    h1 = np.maximum(Xs @ net.params["W1"] + net.params["b1"], 0)
    second = h1 @ net.params["W2"] + net.params["b2"]
    np.testing.assert_allclose(preactivations(net, Xs)[1], second)
    assert dead_fraction(net, Xs) == np.mean(np.concatenate(masks))


def test_a_too_high_rate_kills_the_units_and_leaves_the_net_alone():
    Xs, ys = spirals(30, 3, 0.2, 0)
    fractions = {}
    for rate in (0.3, 10.0):
        net = DenseNet((2, 16, 16, 3), np.random.default_rng(0))
        history = fit(net, Xs, ys, optim.sgd, {"learning_rate": rate}, 60, every=20)
        before = {k: v.copy() for k, v in net.params.items()}
        fractions[rate] = dead_fractions(net, history, Xs)
        assert all(np.array_equal(before[k], net.params[k]) for k in before)
        assert len(fractions[rate]) == len(history.iterations)
    assert fractions[0.3][0] == fractions[10.0][0]             # the same start
    assert fractions[10.0][-1] == 1.0 > fractions[0.3][-1]


def test_bad_input_is_refused_by_name():
    rng = np.random.default_rng(0)
    with pytest.raises(ValueError, match="nonlinearity must be one of"):
        deep_activations(X, 2, 5, 0.1, "sigmoid", rng)
    with pytest.raises(ValueError, match="2-D array"):
        deep_activations(X[0], 2, 5, 0.1, "tanh", rng)
    with pytest.raises(ValueError, match="depth and width"):
        deep_activations(X, 0, 5, 0.1, "tanh", rng)
    with pytest.raises(ValueError, match="scale must be"):
        deep_activations(X, 2, 5, -1.0, "tanh", rng)
    with pytest.raises(ValueError, match="rng="):
        deep_activations(X, 2, 5, 0.1, "tanh", None)
    with pytest.raises(ValueError, match="fan_in"):
        he_scale(0)
    with pytest.raises(ValueError, match=r"shape \(3,\)"):
        dead_mask(np.ones(3))
    with pytest.raises(ValueError, match="no hidden layer"):
        dead_fraction(DenseNet((2, 3), rng), X[:, :2])


def test_the_relu_of_the_stack_is_the_package_relu():
    acts = deep_activations(X, 2, 10, 0.2, "relu", np.random.default_rng(3))
    rng = np.random.default_rng(3)
    first = layers.relu_forward(X @ (0.2 * rng.standard_normal((50, 10))))[0]
    np.testing.assert_allclose(acts[0], first)
    assert (acts[1] >= 0).all()
