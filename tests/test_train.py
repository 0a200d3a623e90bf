"""The training loop: the guide's class loop, the float loop and numpy runs agree bit for bit;
accuracy, picks, the recorded history and the cost convention; fit's schedules, validation
history and update-to-weight ratios."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from circuits import SVM, optim
from circuits.datasets import guide_points, make_dataset, noisy_curve, spirals
from circuits.losses import hinge_loss
from circuits.models import linear
from circuits.models.dense import DenseNet
from circuits.models.linear import train_svm
from circuits.schedules import constant, exponential, step_decay
from circuits.train import (accuracy, cost, fit, gradient_descent, random_picks, sgd, step, train,
                            update_ratio)

seeds = st.integers(0, 2**32 - 1)


@settings(max_examples=25, deadline=None)
@given(seed=seeds, step=st.floats(1e-3, 0.3), strength=st.floats(0, 2))
def test_class_free_loop_is_identical_to_the_classes(seed, step, strength):
    rng = np.random.default_rng(seed)
    X, y = make_dataset("blobs", 12, 0.3, rng)
    picks = random_picks(len(y), 150, rng)
    svm = SVM(step_size=step, regularization=strength)
    train_svm(svm, X, y, picks)
    short = tuple(sgd(linear, X, y, picks, linear.START, step, strength)[1][-1].tolist())
    assert short == (svm.a.value, svm.b.value, svm.c.value)          # bit for bit
    many = sgd(linear, X, y, picks[None], linear.START, step, strength)[1]
    assert np.array_equal(many[0, -1], short)


@settings(max_examples=15, deadline=None)
@given(seed=seeds)
def test_squared_hinge_class_and_numpy_runs_agree(seed):
    rng = np.random.default_rng(seed)
    X, y = make_dataset("two moons", 10, 0.2, rng)
    picks = random_picks(len(y), 100, rng)
    svm = SVM(step_size=0.02, regularization=0.5, loss="squared hinge")
    for i in picks:
        svm.learn_from(X[i, 0], X[i, 1], int(y[i]))
    many = sgd(linear, X, y, picks[None], linear.START, 0.02, 0.5, "squared hinge")[1][0, -1]
    assert np.allclose(many, [svm.a.value, svm.b.value, svm.c.value], rtol=1e-12, atol=1e-12)
    one = sgd(linear, X, y, picks, linear.START, 0.02, 0.5, "squared hinge")[1][-1]
    assert np.array_equal(one, many)


def test_trace_records_accuracy_every_25_steps():
    X, y = guide_points()
    svm = SVM()
    trace = train_svm(svm, X, y, np.zeros(60, dtype=int), every=25)
    assert [it for it, _ in trace] == [0, 25, 50]
    assert trace[-1][1] == accuracy(svm.scores(X), y)


def test_accuracy_counts_the_points_on_their_side():
    X, y = guide_points()
    by_hand = np.mean([SVM().predict(*point) == label for point, label in zip(X, y)])
    assert accuracy(SVM().scores(X), y) == by_hand == pytest.approx(4 / 6)
    assert accuracy([[1.0, -1.0], [-1.0, -1.0]], [1.0, 1.0]).tolist() == [0.5, 0.0]


def test_random_picks_are_seeded_and_in_range():
    a = random_picks(6, 400, np.random.default_rng(1))
    b = random_picks(6, 400, np.random.default_rng(1))
    assert np.array_equal(a, b) and a.min() >= 0 and a.max() <= 5 and len(set(a)) == 6
    with pytest.raises(ValueError, match="n_points"):
        random_picks(0, 10, np.random.default_rng(1))


def test_cost_is_mean_hinge_plus_half_the_springs():
    X, y = guide_points()
    w = np.array([[1.0, -2.0, -1.0]])
    expected = hinge_loss(X @ [1.0, -2.0] - 1.0, y).mean() + 0.5 * 0.4 * 5
    assert cost(linear, w, X, y, 0.4) == pytest.approx([expected])
    assert linear.cost(X, y, w[0], 0.4).total == pytest.approx(expected)


def test_history_records_every_step_and_finds_divergence():
    X, y = make_dataset("blobs", 20, 0.2, 3)
    picks = random_picks(20, 300, np.random.default_rng(3))
    calm = train(linear, X, y, picks, linear.START, 0.01, 0.1, every=100)
    assert calm.iterations.tolist() == [0, 100, 200, 300] and calm.diverged_at is None
    assert calm.index(250) == 2 and calm.accuracy[-1] > 0.9
    wild = train(linear, X, y, picks, linear.START, 1e6, 1e3)
    assert wild.diverged_at is not None and wild.diverged_at <= 300


def test_step_and_gradient_descent():
    assert step([1.0, 2.0], [0.5, -1.0], 0.1) == [0.95, 2.1]
    path = gradient_descent(lambda w: 2 * w, [1.0, -2.0], 0.25, 3)    # f = |w|^2
    assert path.tolist() == [[1.0, -2.0], [0.5, -1.0], [0.25, -0.5], [0.125, -0.25]]


def test_sgd_refuses_bad_settings():
    X, y = guide_points()
    with pytest.raises(ValueError, match="step_size > 0"):
        sgd(linear, X, y, [0, 1], linear.START, step_size=0)
    with pytest.raises(ValueError, match="loss must be one of"):
        sgd(linear, X, y, [0, 1], linear.START, loss="cubic")


def _spiral_net(seed=0):
    X, y = spirals(20, 3, 0.2, seed)
    return DenseNet((2, 8, 3), np.random.default_rng(seed)), X, y


def test_fit_without_the_new_options_records_none_of_them():
    net, X, y = _spiral_net()
    history = fit(net, X, y, optim.sgd, {"learning_rate": 0.1}, 5)
    assert (history.validation_cost, history.validation_accuracy, history.ratios) == (None,) * 3


def test_a_schedule_sets_the_rate_of_every_step():
    net, X, y = _spiral_net()
    by_hand = {k: v.copy() for k, v in net.params.items()}
    history = fit(net, X, y, optim.sgd, None, 4, schedule=step_decay(0.5, 0.1, 2))
    for rate in (0.5, 0.5, 0.05, 0.05):
        net.params = by_hand
        _, grads = net.loss(X, y)
        by_hand = {k: v - rate * grads[k] for k, v in by_hand.items()}
    for name, p in history.parameters[-1].items():
        np.testing.assert_allclose(p, by_hand[name], rtol=1e-13, atol=1e-15)


def test_a_constant_schedule_is_the_constant_rate_bit_for_bit():
    runs = []
    for options in ({"config": {"learning_rate": 0.2}}, {"schedule": constant(0.2)}):
        net, X, y = _spiral_net(3)
        runs.append(fit(net, X, y, optim.adam, iterations=20, batch_size=8,
                        rng=np.random.default_rng(3), **options))
    assert np.array_equal(runs[0].cost, runs[1].cost)


def test_validation_is_the_cost_and_accuracy_of_each_recorded_net_on_the_held_out_data():
    net, X, y = _spiral_net()
    held, held_y = X[::2] + 0.05, y[::2]
    history = fit(net, X, y, optim.sgd, {"learning_rate": 0.3}, 30, every=10,
                  validation=(held, held_y))
    assert history.validation_cost.shape == history.validation_accuracy.shape == (4,)
    for k, params in enumerate(history.parameters):
        net.params = params
        assert history.validation_cost[k] == net.loss(held, held_y)[0]
        assert history.validation_accuracy[k] == net.accuracy(held, held_y)
    same = fit(_spiral_net()[0], X, y, optim.sgd, {"learning_rate": 0.3}, 30, every=10,
               validation=(X, y))
    np.testing.assert_allclose(same.validation_cost, same.cost, rtol=1e-14)


def test_ratios_are_the_relative_size_of_the_step_taken_from_each_recorded_iteration():
    net, X, y = _spiral_net()
    history = fit(net, X, y, optim.sgd, {"learning_rate": 0.1}, 6, every=3, ratios=True)
    assert set(history.ratios) == set(net.params) and np.isnan(history.ratios["W1"][-1])
    net.params = {k: v.copy() for k, v in history.parameters[1].items()}
    _, grads = net.loss(X, y)
    expected = 0.1 * np.linalg.norm(grads["W2"]) / np.linalg.norm(net.params["W2"])
    assert history.ratios["W2"][1] == pytest.approx(expected, rel=1e-12)
    assert np.isinf(history.ratios["b1"][0])              # biases start at zero
    assert update_ratio([3.0, 4.0], [3.0, 4.5]) == 0.1
    with pytest.raises(ValueError, match=r"before has shape \(2,\) but after has \(3,\)"):
        update_ratio([1.0, 2.0], [1.0, 2.0, 3.0])


def test_fit_refuses_unclear_schedules_and_validation():
    net, X, y = _spiral_net()
    with pytest.raises(ValueError, match="config must then leave the learning rate out"):
        fit(net, X, y, optim.sgd, {"learning_rate": 0.1}, 3, schedule=constant(0.1))
    with pytest.raises(ValueError, match="validation must be a pair"):
        fit(net, X, y, optim.sgd, {"learning_rate": 0.1}, 3, validation=X)


def test_a_schedule_that_blows_up_names_the_rate_it_was_using():
    x, t = noisy_curve(30, 0.1, 0)
    net = DenseNet((1, 16, 1), np.random.default_rng(0), loss="mse")
    with pytest.raises(FloatingPointError, match=r"at iteration \d+: lower the learning rate, "
                                                 r"now 0\.9"):
        fit(net, x, t, optim.sgd, None, 200, schedule=exponential(1.0, 1e-3))
