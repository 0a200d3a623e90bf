import numpy as np
import pytest

from circuits import layers
from circuits.datasets import spirals
from circuits.models.broken import BUGS, LEARNING_RATE, BrokenNet
from circuits.models.dense import DenseNet

X, y = spirals(20, 3, noise=0.2, seed=1)


def net(bugs=()):
    return BrokenNet((2, 16, 3), np.random.default_rng(3), bugs)


def test_without_bugs_it_is_the_dense_net():
    dense = DenseNet((2, 16, 3), np.random.default_rng(3))
    cost, grads = net().loss(X, y)
    want_cost, want = dense.loss(X, y)
    assert cost == pytest.approx(want_cost)
    for name in want:
        np.testing.assert_allclose(grads[name], want[name], atol=1e-12)


def test_sign_bug_flips_every_gradient_and_keeps_the_cost():
    cost, grads = net("sign").loss(X, y)
    want_cost, want = net().loss(X, y)
    assert cost == want_cost
    for name in want:
        np.testing.assert_allclose(grads[name], -want[name], atol=1e-12)


def test_relu_mask_bug_changes_only_the_first_layer():
    _, grads = net({"relu_mask"}).loss(X, y)
    _, want = net().loss(X, y)
    np.testing.assert_allclose(grads["W2"], want["W2"])
    np.testing.assert_allclose(grads["b2"], want["b2"])
    assert np.abs(grads["W1"] - want["W1"]).max() > 1e-3
    # the buggy gradient is what an unmasked ReLU backward would give
    healthy = net()
    pre = X @ healthy.params["W1"] + healthy.params["b1"]
    assert (pre < 0).any()
    scores, caches = healthy.forward(X)
    dscores = layers.softmax_loss(scores, y)[1]
    dhidden = layers.affine_backward(dscores, caches[2])[0]
    np.testing.assert_allclose(grads["b1"], dhidden.sum(axis=0))


def test_init_scale_bug_multiplies_the_weights_by_ten():
    broken, healthy = net("init_scale"), net()
    for name in ("W1", "W2"):
        np.testing.assert_allclose(broken.params[name], 10 * healthy.params[name])
    np.testing.assert_array_equal(broken.params["b1"], healthy.params["b1"])


def test_learning_rate_bug_is_a_hundred_times_the_recipe():
    assert net().learning_rate == LEARNING_RATE
    assert net("learning_rate").learning_rate == pytest.approx(100 * LEARNING_RATE)


def test_bugs_combine_and_show_in_repr():
    both = net(["sign", "relu_mask"])
    assert both.bugs == {"sign", "relu_mask"}
    assert "relu_mask" in repr(both) and "sign" in repr(both)
    assert set(BUGS) == {"relu_mask", "sign", "init_scale", "learning_rate"}


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="unknown bug 'typo'"):
        net("typo")
    with pytest.raises(ValueError, match="two layers"):
        BrokenNet((2, 8, 8, 3), np.random.default_rng(0))
