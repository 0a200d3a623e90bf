"""DenseNet: gradients against centred differences, the softmax loss at the start, training
with fit on the 3-class spiral, and clear errors."""
import numpy as np
import pytest

from circuits import optim
from circuits.datasets import noisy_curve, spirals
from circuits.gradcheck import array_gradients
from circuits.models.dense import DenseNet
from circuits.train import fit


@pytest.mark.parametrize("loss, sizes", [("softmax", (2, 5, 3)), ("svm", (2, 4, 4, 3)),
                                         ("mse", (2, 6, 1)), ("hinge", (2, 3, 1))])
def test_gradients_match_centred_differences(loss, sizes):
    rng = np.random.default_rng(4)
    X = rng.normal(size=(7, 2))
    y = {"softmax": rng.integers(3, size=7), "svm": rng.integers(3, size=7),
         "mse": rng.normal(size=7), "hinge": rng.choice([-1.0, 1.0], size=7)}[loss]
    net = DenseNet(sizes, rng, loss=loss, regularization=0.1)
    _, grads = net.loss(X, y)
    numerical = array_gradients(lambda: net.loss(X, y)[0], net.params)
    for name in net.params:
        numeric = numerical[name]
        error = np.abs(grads[name] - numeric).max() / max(np.abs(numeric).max(), 1e-8)
        assert error < 1e-6, f"{loss}: {name} relative error {error:.1e}"


def test_softmax_cost_at_a_tiny_start_is_log_of_the_classes():
    X, y = spirals(100, 3, 0.2, seed=0)
    net = DenseNet((2, 3), np.random.default_rng(0), weight_scale=1e-4)
    assert net.loss(X, y)[0] == pytest.approx(np.log(3), abs=1e-3)


def test_fit_trains_the_spiral_net_and_records_a_history():
    X, y = spirals(100, 3, 0.2, seed=0)
    net = DenseNet((2, 100, 3), np.random.default_rng(0), weight_scale=0.01,
                   regularization=1e-3)
    history = fit(net, X, y, optim.sgd, {"learning_rate": 1.0}, iterations=3000, every=500)
    assert history.iterations.tolist() == [0, 500, 1000, 1500, 2000, 2500, 3000]
    assert history.accuracy[-1] >= 0.98 and history.cost[-1] < history.cost[0]
    assert np.array_equal(history.parameters[-1]["W1"], net.params["W1"])
    assert not np.array_equal(history.parameters[0]["W1"], net.params["W1"])


def test_fit_with_random_batches_is_seeded():
    X, y = spirals(30, 3, 0.2, seed=1)
    runs = []
    for _ in range(2):
        net = DenseNet((2, 8, 3), np.random.default_rng(2))
        runs.append(fit(net, X, y, optim.adam, iterations=20, batch_size=16,
                        rng=np.random.default_rng(3)).cost)
    assert np.array_equal(*runs)
    with pytest.raises(ValueError, match="rng"):
        fit(net, X, y, optim.sgd, iterations=2, batch_size=4)


def test_a_loss_that_blows_up_stops_with_the_iteration_and_the_rate():
    x, t = noisy_curve(40, 0.1, seed=0)
    net = DenseNet((1, 20, 1), np.random.default_rng(0), loss="mse")
    with pytest.raises(FloatingPointError, match=r"became inf at iteration \d+: lower the "
                                                 r"learning rate, now 10.0"):
        fit(net, x, t, optim.sgd, {"learning_rate": 10.0}, iterations=100)


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="sizes"):
        DenseNet((2,), np.random.default_rng(0))
    with pytest.raises(ValueError, match="loss must be one of"):
        DenseNet((2, 3), np.random.default_rng(0), loss="cubic")
    with pytest.raises(ValueError, match="rng"):
        DenseNet((2, 3), None)
    with pytest.raises(ValueError, match=r"5 targets \(shape \(5,\)\) do not fit 4 rows"):
        DenseNet((2, 1), np.random.default_rng(0), loss="mse").loss(np.zeros((4, 2)), np.ones(5))
    net = DenseNet((2, 3), np.random.default_rng(0))
    with pytest.raises(ValueError, match="every >= 1"):
        fit(net, np.zeros((2, 2)), np.array([0, 1]), optim.sgd, iterations=3, every=0)
    with pytest.raises(ValueError, match=r"in \[0, C\) with C = 3"):
        fit(net, np.zeros((2, 2)), np.array([0, 7]), optim.sgd, iterations=1)
