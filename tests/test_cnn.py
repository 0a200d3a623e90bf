"""ConvNet: gradients against centred differences, the loss at the start, the layers it is made
of, training with fit on shifted digits, and clear errors."""
import numpy as np
import pytest

from circuits import layers, optim
from circuits.gradcheck import array_gradients
from circuits.images import drawn_digit
from circuits.models.cnn import ConvNet
from circuits.train import fit


@pytest.mark.parametrize("shape, filters, field, pool", [((1, 8, 8), 3, 3, 2),
                                                         ((2, 6, 6), 2, 5, 3),
                                                         ((1, 4, 4), 2, 1, 4)])
def test_gradients_match_centred_differences(shape, filters, field, pool):
    rng = np.random.default_rng(5)
    X = rng.normal(size=(4, *shape))
    y = rng.integers(3, size=4)
    net = ConvNet(shape, filters, field, pool, classes=3, rng=rng, regularization=0.1)
    _, grads = net.loss(X, y)
    numerical = array_gradients(lambda: net.loss(X, y)[0], net.params)
    for name in net.params:
        numeric = numerical[name]
        error = np.abs(grads[name] - numeric).max() / max(np.abs(numeric).max(), 1e-8)
        assert error < 1e-6, f"{name}: relative error {error:.1e}"


def test_the_scores_are_the_layers_in_order():
    rng = np.random.default_rng(1)
    net = ConvNet((1, 8, 8), 4, 3, 2, classes=5, rng=rng)
    X, p = rng.normal(size=(3, 1, 8, 8)), net.params
    maps = np.maximum(layers.conv_forward(X, p["W1"], p["b1"], 1, 1)[0], 0)
    pooled = maps.reshape(3, 4, 4, 2, 4, 2).max(axis=(3, 5))
    assert np.allclose(net.feature_maps(X), maps)
    assert np.allclose(net.scores(X), pooled.reshape(3, -1) @ p["W2"] + p["b2"])
    assert p["W2"].shape == (4 * 4 * 4, 5) and net.predict(X).shape == (3,)


def test_softmax_cost_at_a_tiny_start_is_log_of_the_classes():
    rng = np.random.default_rng(0)
    net = ConvNet(rng=rng, weight_scale=1e-4)
    X = rng.uniform(size=(20, 1, 16, 16))
    assert net.loss(X, rng.integers(10, size=20))[0] == pytest.approx(np.log(10), abs=1e-3)


def test_fit_tells_a_digit_from_its_upside_down_copy_anywhere_on_the_canvas():
    rng = np.random.default_rng(0)
    upright = [drawn_digit(12, t, l) for t in range(5) for l in range(5)]
    X = np.array(upright + [im[::-1, ::-1] for im in upright])[:, None]
    y = np.repeat([0, 1], 25)
    net = ConvNet((1, 12, 12), 4, 3, 4, classes=2, rng=rng)
    history = fit(net, X, y, optim.adam, {"learning_rate": 3e-2}, iterations=150,
                  batch_size=10, rng=rng, every=150)
    assert history.accuracy[-1] == 1.0 and net.loss(X, y)[0] < history.cost[0] / 10
    assert np.array_equal(history.parameters[-1]["W1"], net.params["W1"])


@pytest.mark.parametrize("kwargs, message", [
    (dict(rng=None), "rng=np.random.default_rng"),
    (dict(field=4), "field must be odd"),
    (dict(pool=3), "stride 3 does not tile the height"),
    (dict(input_shape=(16, 16)), r"input_shape must be \(C, H, W\)"),
    (dict(filters=0), "filters must be a whole number >= 1"),
    (dict(classes=1), "classes must be a whole number >= 2"),
])
def test_bad_settings_are_named(kwargs, message):
    settings = dict(rng=np.random.default_rng(0)) | kwargs
    with pytest.raises(ValueError, match=message):
        ConvNet(**settings)


def test_images_of_the_wrong_shape_are_named():
    net = ConvNet(rng=np.random.default_rng(0))
    with pytest.raises(ValueError, match=r"X must have shape \(N, 1, 16, 16\), got \(2, 16, 16\)"):
        net.scores(np.zeros((2, 16, 16)))
    assert repr(net) == "ConvNet(input_shape=(1, 16, 16), filters=8, field=5, pool=4, classes=10)"
