"""DropoutNet: gradients against centred differences with the dropout masks held fixed, units
dropped only while training, the inverted scaling, training with fit, and clear errors."""
import numpy as np
import pytest

from circuits.gradcheck import array_gradients
from circuits import optim
from circuits.datasets import spirals
from circuits.models.dense import DenseNet
from circuits.models.dropout import DropoutNet
from circuits.train import fit


def _fixed_mask_cost(net, X, y, seed):
    net.rng = np.random.default_rng(seed)            # the same masks on every call
    return net.loss(X, y)


@pytest.mark.parametrize("sizes, p", [((2, 5, 3), 0.5), ((2, 4, 6, 3), 0.3)])
def test_gradients_match_centred_differences_with_fixed_masks(sizes, p, h=1e-6):
    rng = np.random.default_rng(4)
    X, y = rng.normal(size=(7, 2)), rng.integers(3, size=7)
    net = DropoutNet(sizes, rng, p, regularization=0.1)
    for name in net.params:                          # biases off 0: a row whose units are
        if name[0] == "b":                           # all dropped would sit on ReLU's kink
            net.params[name] = rng.normal(scale=0.5, size=net.params[name].shape)
    _, grads = _fixed_mask_cost(net, X, y, 9)
    numerical = array_gradients(lambda: _fixed_mask_cost(net, X, y, 9)[0], net.params, h)
    for name, numeric in numerical.items():
        error = np.abs(grads[name] - numeric).max() / max(np.abs(numeric).max(), 1e-8)
        assert error < 1e-6, f"{name} relative error {error:.1e}"


def test_units_are_dropped_in_loss_only_and_survivors_scaled():
    X, y = spirals(10, 3, 0.2, 0)
    net = DropoutNet((2, 50, 3), np.random.default_rng(1), p=0.4)
    plain = DenseNet((2, 50, 3), np.random.default_rng(1))
    assert np.array_equal(net.scores(X), plain.scores(X))          # predicting: every unit
    _, caches = net.forward(X, train=True)
    mask = caches[1][1][1]
    assert set(np.unique(mask)) == {0.0, 1 / 0.6} and 0.3 < np.mean(mask == 0) < 0.5
    assert net.loss(X, y)[0] != net.loss(X, y)[0]                # fresh masks on every call
    assert DropoutNet((2, 50, 3), np.random.default_rng(1), p=0.0).loss(X, y)[0] == \
        plain.loss(X, y)[0]


def test_training_with_fit_is_reproducible_and_learns():
    X, y = spirals(30, 3, 0.2, 2)
    runs = [fit(DropoutNet((2, 32, 3), np.random.default_rng(5), 0.3), X, y, optim.adam,
                {"learning_rate": 0.02}, 150, every=150) for _ in range(2)]
    assert runs[0].accuracy[-1] == runs[1].accuracy[-1] and runs[0].accuracy[-1] > 0.8


def test_bad_input_is_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="dropout probability p"):
        DropoutNet((2, 4, 3), np.random.default_rng(0), p=1.0)
    with pytest.raises(ValueError, match="pass rng"):
        DropoutNet((2, 4, 3), None)
    net = DropoutNet((2, 4, 1), np.random.default_rng(0), loss="mse")
    with pytest.raises(ValueError, match="targets"):
        net.loss(np.ones((3, 2)), np.ones(5))
