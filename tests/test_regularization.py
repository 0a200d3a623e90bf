"""Penalties: (sub)gradients against centred differences, the proximal steps against their
definition (the minimiser of penalty + distance), exact zeros, whole units off, the update
rules inside fit, and clear errors."""
import numpy as np
import pytest
from scipy.optimize import minimize

from circuits.gradcheck import array_gradients
from circuits import optim
from circuits import regularization as reg
from circuits.datasets import spirals
from circuits.models.dense import DenseNet
from circuits.train import fit


def _numerical(f, W, h=1e-6):
    return array_gradients(lambda: f(W), {"W": W}, h)["W"]


@pytest.mark.parametrize("kind", ["L2", "L1", "group"])
def test_gradients_match_centred_differences_away_from_kinks(kind):
    W = np.random.default_rng(1).normal(size=(4, 3))
    numeric = _numerical(lambda V: reg.PENALTIES[kind](V, 0.7), W)
    assert np.allclose(reg.GRADIENTS[kind](W, 0.7), numeric, atol=1e-6)


def test_penalties_by_hand():
    W = np.array([[3.0, 0.0], [-4.0, 1.0]])
    assert reg.l2_penalty(W, 2.0) == 26.0 and reg.l1_penalty(W, 0.5) == 4.0
    assert np.allclose(reg.unit_norms(W), [5.0, 1.0]) and reg.group_penalty(W, 2.0) == 12.0
    params = {"W1": W, "b1": np.array([10.0, -10.0])}          # biases are not penalised
    assert reg.penalty(params, "L1", 1.0) == 8.0


def test_soft_threshold_moves_towards_zero_and_stops_there():
    W = np.array([-2.0, -0.3, 0.0, 0.2, 1.5])
    assert np.array_equal(reg.soft_threshold(W, 0.5), [-1.5, 0.0, 0.0, 0.0, 1.0])
    assert np.array_equal(reg.soft_threshold(W, 0.0), W)


@pytest.mark.parametrize("kind", ["L1", "group"])
def test_proximal_steps_minimise_penalty_plus_distance(kind):
    rng = np.random.default_rng(2)
    V, t = rng.normal(size=(3, 4)), 0.8

    def objective(flat):
        W = flat.reshape(V.shape)
        return reg.PENALTIES[kind](W, t) + 0.5 * np.sum((W - V) ** 2)
    shrunk = reg.PROXIMAL[kind](V, t)
    best = min((minimize(objective, start.ravel(), method="Powell",
                         options={"xtol": 1e-10, "ftol": 1e-14}) for start in (V, shrunk)),
               key=lambda r: r.fun)
    assert objective(shrunk.ravel()) <= best.fun + 1e-9


def test_group_shrink_switches_short_columns_off_and_keeps_directions():
    W = np.array([[3.0, 0.3, 0.0], [4.0, 0.4, 0.0]])       # columns of length 5, 0.5, 0
    out = reg.group_shrink(W, 1.0)
    assert np.allclose(out[:, 0], [2.4, 3.2]) and np.all(out[:, 1:] == 0)
    assert np.all(reg.group_subgradient(W, 1.0)[:, 2] == 0)


def _train(rule, seed=0):
    X, y = spirals(30, 3, 0.2, seed)
    net = DenseNet((2, 16, 3), np.random.default_rng(seed))
    fit(net, X, y, rule, {"learning_rate": 0.3}, 200)
    return net.params


def test_proximal_l1_gives_exact_zeros_subgradient_only_small_weights():
    prox = _train(reg.proximal(optim.sgd, "L1", 0.01))
    sub = _train(reg.penalized(optim.sgd, "L1", 0.01))
    zeros = lambda p: sum(int(np.sum(W == 0)) for k, W in p.items() if k[0] == "W")  # noqa: E731
    assert zeros(prox) > 10 and zeros(sub) == 0
    small = np.abs(sub["W1"]) < 0.01
    assert small.sum() > 0                        # the subgradient run jitters near zero
    assert np.all(prox["b1"] == _train(reg.proximal(optim.sgd, "L1", 0.01))["b1"])


def test_more_strength_more_zeros_and_group_switches_whole_units_off():
    counts = [int(np.sum(_train(reg.proximal(optim.sgd, "L1", s))["W1"] == 0))
              for s in (0.0, 0.003, 0.03)]
    assert counts[0] == 0 and counts[0] < counts[1] < counts[2]
    W1 = _train(reg.proximal(optim.sgd, "group", 0.03))["W1"]
    off = reg.unit_norms(W1) == 0
    assert 0 < off.sum() < 16 and np.all(W1[:, off] == 0) and np.all(W1[:, ~off] != 0)


def test_penalized_l2_matches_densenets_own_regularization():
    X, y = spirals(20, 3, 0.2, 3)
    a = DenseNet((2, 8, 3), np.random.default_rng(3), regularization=0.05)
    b = DenseNet((2, 8, 3), np.random.default_rng(3))
    fit(a, X, y, optim.sgd, {"learning_rate": 0.2}, 20)
    fit(b, X, y, reg.penalized(optim.sgd, "L2", 0.05), {"learning_rate": 0.2}, 20)
    assert all(np.allclose(a.params[k], b.params[k]) for k in a.params)


def test_bad_input_is_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="kind must be one of"):
        reg.proximal(optim.sgd, "L2", 0.1)
    with pytest.raises(ValueError, match="strength"):
        reg.penalized(optim.sgd, "L1", -1.0)
    with pytest.raises(ValueError, match="2 dimensions"):
        reg.unit_norms(np.ones(3))
    with pytest.raises(ValueError, match="threshold"):
        reg.soft_threshold(np.ones(3), -0.1)
