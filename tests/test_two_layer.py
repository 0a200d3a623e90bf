"""The 2-layer network: hand-written backward vs numbers and vs the Unit engine; loop form
vs the hand-written form; vectorised scores vs scalar forward passes."""
import numpy as np
import pytest
from hypothesis import assume, given, settings, strategies as st

from circuits import Unit, gradient_check
from circuits.datasets import guide_points, make_dataset
from circuits.models import two_layer
from circuits.models.two_layer import (GUIDE_NAMES, Network, guide_parameters,
                                       hand_written_step, hidden_activations, scores, unpack)
from circuits.train import sgd, train

seeds = st.integers(0, 2**32 - 1)
# relative errors need gradients well above rounding noise: keep |x|, |y| away from 0
coordinate = st.floats(-2, 2).filter(lambda v: abs(v) > 0.05)


def _net(seed, hidden):
    return Network(hidden, np.random.default_rng(seed))


def _kink_free(net, x, y):
    """True if no hidden neuron sits within a hair of its ReLU kink at (x, y)."""
    return all(abs(a * x + b * y + c) > 1e-4 for a, b, c in net.hidden)


def _objective(net, x, y, pull, strength):
    """pull * score - strength / 2 * (sum of squared weights): its gradient is backward's."""
    def f(*flat):
        probe = _net(0, net.n_hidden)
        probe.set_parameters(flat)
        W, v, _ = unpack(flat)
        springs = (np.asarray(W)[:, :2] ** 2).sum() + (np.asarray(v) ** 2).sum()
        return pull * probe.forward(x, y) - strength / 2 * springs
    return f


@settings(max_examples=30, deadline=None)
@given(seed=seeds, hidden=st.integers(1, 6), x=coordinate, y=coordinate,
       pull=st.sampled_from([1.0, -1.0, 0.5]), strength=st.sampled_from([0.0, 0.1, 1.0]))
def test_backward_matches_the_numerical_gradient(seed, hidden, x, y, pull, strength):
    net = _net(seed, hidden)
    assume(_kink_free(net, x, y))
    net.forward(x, y)
    grads = net.backward(pull, strength)
    check = gradient_check(_objective(net, x, y, pull, strength), net.parameters(), grads,
                           h=1e-6, tolerance=1e-5)
    assert check.ok, str(check)


@settings(max_examples=30, deadline=None)
@given(seed=seeds, hidden=st.integers(1, 6), x=st.floats(-2, 2), y=st.floats(-2, 2))
def test_backward_matches_the_unit_engine(seed, hidden, x, y):
    net = _net(seed, hidden)
    params = [Unit(p) for p in net.parameters()]
    h = net.n_hidden
    score = params[4 * h]
    for j in range(h):
        a, b, c = params[3 * j:3 * j + 3]
        score = score + params[3 * h + j] * (a * x + b * y + c).relu()
    score.backward()
    assert net.forward(x, y) == pytest.approx(score.value)
    assert net.backward(1.0, regularization=0.0) == pytest.approx([p.grad for p in params])


@settings(max_examples=30, deadline=None)
@given(seed=seeds, x=st.floats(-3, 3), y=st.floats(-3, 3), label=st.sampled_from([1, -1]),
       step=st.floats(1e-3, 0.5), strength=st.floats(0, 1))
def test_loop_form_equals_the_hand_written_step(seed, x, y, label, step, strength):
    p = guide_parameters(np.random.default_rng(seed))
    new, _ = hand_written_step(p, x, y, label, step, strength)
    net = _net(0, 3)
    net.set_parameters([p[name] for name in GUIDE_NAMES])
    net.learn_from(x, y, label, step, strength)
    assert net.parameters() == [new[name] for name in GUIDE_NAMES]      # exactly


@settings(max_examples=30, deadline=None)
@given(seed=seeds, hidden=st.integers(1, 8))
def test_vectorised_scores_match_scalar_forward_passes(seed, hidden):
    net = _net(seed, hidden)
    X = np.random.default_rng(seed).normal(size=(25, 2)) * 2
    expected = [net.forward(x, y) for x, y in X]
    assert net.scores(X) == pytest.approx(expected, abs=1e-12)
    assert hidden_activations(net.parameters(), X).shape == (25, hidden)


def test_guide_parameters_are_in_range_and_seeded():
    p = guide_parameters(np.random.default_rng(3))
    assert list(p) == list(GUIDE_NAMES) and len(p) == 13
    assert all(-0.5 <= v < 0.5 for v in p.values())
    assert p == guide_parameters(np.random.default_rng(3))


def test_dead_neurons_pass_no_gradient():
    net = _net(0, 2)
    net.set_parameters([1, 0, -10, 1, 0, 0, 2, 3, 0.5])     # neuron 1 is off at (1, 0)
    net.forward(1.0, 0.0)
    g = net.backward(1.0, regularization=0.0)
    assert g[:3] == [0.0, 0.0, 0.0] and g[3:6] == [3.0, 0.0, 3.0]
    assert g[6:] == [0.0, 1.0, 1.0]


def test_training_snapshots_and_curves():
    X, y = make_dataset("xor", 40, 0.0, 1)
    rng = np.random.default_rng(1)
    net = Network(6, rng)
    start = net.parameters()
    picks = rng.integers(40, size=3000)
    history = train(two_layer, X, y, picks, start, 0.1, 0.001, every=500)
    assert history.parameters.shape == (7, 25) and history.iterations.tolist()[-1] == 3000
    for i in picks:
        net.learn_from(X[i, 0], X[i, 1], y[i], 0.1, 0.001)
    assert history.parameters[0].tolist() == start
    assert history.parameters[-1].tolist() == net.parameters()        # bit for bit
    assert history.accuracy[-1] >= 0.9 and history.cost[-1] < history.cost[0]


def test_the_loop_gradient_is_minus_backwards_pulls():
    net = _net(3, 4)
    flat = net.parameters()
    pulls = net.backward(-1.0 if net.forward(0.3, -0.7) > -1 else 0.0, 0.2)
    assert two_layer.gradient(flat, 0.3, -0.7, -1, 0.2) == [-p for p in pulls]


def test_scores_of_many_parameter_rows_at_once():
    X, _ = make_dataset("circles", 9, 0.1, 2)
    rows = np.array([_net(s, 3).parameters() for s in range(4)])
    assert scores(rows, X) == pytest.approx(np.array([scores(r, X) for r in rows]), abs=1e-12)


def test_training_is_deterministic_given_the_seed():
    X, y = guide_points()
    runs = []
    for _ in range(2):
        rng = np.random.default_rng(7)
        net = Network(3, rng)
        runs.append(sgd(two_layer, X, y, rng.integers(6, size=200), net.parameters())[1])
    assert np.array_equal(*runs)


def test_bad_networks_are_refused():
    with pytest.raises(ValueError, match="n_hidden"):
        Network(0, np.random.default_rng(0))
    with pytest.raises(ValueError, match="rng"):
        Network(3)
    with pytest.raises(ValueError, match="4 \\* n_hidden \\+ 1"):
        _net(0, 3).set_parameters([0.0] * 12)
    assert scores(_net(0, 2).parameters(), np.zeros((0, 2))).shape == (0,)
