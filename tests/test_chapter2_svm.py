"""Chapter 2's SVM training: class loop, class-free loop and numpy runs agree; losses by hand."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from circuits import SVM
from circuits.datasets import guide_points, loss_example, make_dataset
from circuits.losses import (SquaredHingeSVM, hinge_loss, hinge_pull, pull_value,
                             squared_hinge_loss, squared_hinge_pull, svm_cost,
                             svm_cost_circuit, svm_cost_gradient)
from circuits.gradcheck import numerical_gradient
from circuits.training import (accuracy_curves, random_picks, svm_accuracy,
                               svm_history, svm_objective, train_svm, train_svm_many)

seeds = st.integers(0, 2**32 - 1)


@settings(max_examples=25, deadline=None)
@given(seed=seeds, step=st.floats(1e-3, 0.3), strength=st.floats(0, 2))
def test_class_free_loop_is_identical_to_the_classes(seed, step, strength):
    rng = np.random.default_rng(seed)
    X, y = make_dataset("blobs", 12, 0.3, rng)
    picks = random_picks(len(y), 150, rng)
    svm = SVM(step_size=step, regularization=strength)
    train_svm(svm, X, y, picks)
    short = tuple(svm_history(X, y, picks, step, strength)[-1].tolist())
    assert short == (svm.a.value, svm.b.value, svm.c.value)          # bit for bit
    assert np.array_equal(train_svm_many(X, y, picks[None], step, strength)[0, -1], short)


@settings(max_examples=15, deadline=None)
@given(seed=seeds)
def test_squared_hinge_class_and_numpy_runs_agree(seed):
    rng = np.random.default_rng(seed)
    X, y = make_dataset("two moons", 10, 0.2, rng)
    picks = random_picks(len(y), 100, rng)
    svm = SquaredHingeSVM(step_size=0.02, regularization=0.5)
    for i in picks:
        svm.learn_from(X[i, 0], X[i, 1], int(y[i]))
    many = train_svm_many(X, y, picks[None], 0.02, 0.5, "squared hinge")[0, -1]
    assert np.allclose(many, [svm.a.value, svm.b.value, svm.c.value], rtol=1e-12, atol=1e-12)
    assert np.array_equal(svm_history(X, y, picks, 0.02, 0.5, "squared hinge")[-1], many)


def test_trace_records_accuracy_every_25_steps():
    X, y = guide_points()
    svm = SVM()
    trace = train_svm(svm, X, y, np.zeros(60, dtype=int), every=25)
    assert [it for it, _ in trace] == [0, 25, 50]
    assert trace[-1][1] == svm_accuracy(svm, X, y)


def test_accuracy_helpers_agree_with_the_svm():
    X, y = guide_points()
    svm = SVM()
    assert svm_accuracy(svm, X, y) == pytest.approx(4 / 6)
    assert accuracy_curves(np.array([1.0, -2.0, -1.0]), X, y) == pytest.approx(4 / 6)


def test_random_picks_are_seeded_and_in_range():
    a = random_picks(6, 400, np.random.default_rng(1))
    b = random_picks(6, 400, np.random.default_rng(1))
    assert np.array_equal(a, b) and a.min() >= 0 and a.max() <= 5 and len(set(a)) == 6
    with pytest.raises(ValueError, match="n_points"):
        random_picks(0, 10, np.random.default_rng(1))


@pytest.mark.parametrize("score, label, hinge, squared, pull, squared_pull", [
    (0.56, 1, 0.44, 0.44 ** 2, 1, 0.88),
    (0.37, -1, 1.37, 1.37 ** 2, -1, -2.74),
    (1.1, 1, 0, 0, 0, 0),
    (-3.0, -1, 0, 0, 0, 0),
    (100.0, -1, 101, 101 ** 2, -1, -202),
])
def test_losses_and_pulls_by_hand(score, label, hinge, squared, pull, squared_pull):
    assert hinge_loss(score, label) == pytest.approx(hinge)
    assert squared_hinge_loss(score, label) == pytest.approx(squared)
    assert hinge_pull(score, label) == pull and pull_value(score, label) == pull
    assert squared_hinge_pull(score, label) == pytest.approx(squared_pull)
    assert pull_value(score, label, "squared hinge") == pytest.approx(squared_pull)


@settings(max_examples=50, deadline=None)
@given(score=st.floats(-5, 5).filter(lambda s: abs(abs(s) - 1) > 1e-3),
       label=st.sampled_from([1, -1]), loss=st.sampled_from(["hinge", "squared hinge"]))
def test_pull_is_minus_the_slope_of_the_loss(score, label, loss):
    f = {"hinge": hinge_loss, "squared hinge": squared_hinge_loss}[loss]
    slope, = numerical_gradient(lambda s: float(f(s, label)), [score], h=1e-6)
    assert pull_value(score, label, loss) == pytest.approx(-slope, abs=1e-5)


def test_unknown_loss_is_named():
    with pytest.raises(ValueError, match="loss must be one of"):
        pull_value(0.0, 1, "cubic")


def test_the_guides_cost_example():
    X, y = loss_example()
    cost = svm_cost(X, y, [0.1, 0.2, 0.3], alpha=0.1)
    assert cost.scores == pytest.approx([0.56, 0.37, 1.1])
    assert cost.costs == pytest.approx([0.44, 1.37, 0.0])
    assert cost.regularization == pytest.approx(0.005)
    assert cost.total == pytest.approx(1.815)


@settings(max_examples=30, deadline=None)
@given(seed=seeds, alpha=st.floats(0, 1))
def test_cost_gradient_matches_numbers_and_the_unit_circuit(seed, alpha):
    rng = np.random.default_rng(seed)
    X, y = make_dataset("blobs", 8, 0.5, rng)
    w = rng.normal(size=3)
    margins = 1 - y * (X @ w[:2] + w[2])
    if np.min(np.abs(margins)) < 1e-3:          # at a kink the slope is not defined
        return
    grad = svm_cost_gradient(X, y, w, alpha)
    numeric = numerical_gradient(lambda *v: svm_cost(X, y, v, alpha).total, w, h=1e-6)
    assert grad == pytest.approx(numeric, abs=1e-5)
    total, units = svm_cost_circuit(X, y, w, alpha)
    total.backward()
    assert total.value == pytest.approx(svm_cost(X, y, w, alpha).total)
    assert [u.grad for u in units] == pytest.approx(grad)


def test_force_specification_is_minus_the_gradient_of_one_examples_cost():
    """SVM.backward's pulls = -d/dw [hinge_i + regularization / 2 * (a^2 + b^2)]."""
    svm = SVM(regularization=0.3)
    X, y = guide_points("training")
    for (x, y_), label in zip(X[:3].tolist(), y[:3].astype(int).tolist()):
        svm.forward(x, y_)
        svm.backward(label)
        w = [svm.a.value, svm.b.value, svm.c.value]
        grad = svm_cost_gradient([[x, y_]], [label], w, alpha=0.3 / 2)
        assert [svm.a.grad, svm.b.grad, svm.c.grad] == pytest.approx(-grad)


def test_objective_is_mean_hinge_plus_half_the_springs():
    X, y = guide_points()
    w = np.array([[1.0, -2.0, -1.0]])
    expected = hinge_loss(X @ [1.0, -2.0] - 1.0, y).mean() + 0.5 * 0.4 * 5
    assert svm_objective(w, X, y, 0.4) == pytest.approx([expected])


def test_cost_checks_its_inputs():
    with pytest.raises(ValueError, match="shape"):
        svm_cost([[1, 2, 3]], [1], [0, 0, 0], 0.1)
    with pytest.raises(ValueError, match="3 numbers"):
        svm_cost([[1, 2]], [1], [0, 0], 0.1)
    with pytest.raises(ValueError, match="labels"):
        svm_cost([[1, 2]], [0], [0, 0, 0], 0.1)
