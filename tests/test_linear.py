"""The guide's Circuit and SVM."""
import numpy as np
import pytest

from hypothesis import given, settings, strategies as st

from circuits import SVM, Circuit, Unit
from circuits.datasets import guide_points, loss_example, make_dataset
from circuits.gradcheck import numerical_gradient
from circuits.models import linear

seeds = st.integers(0, 2**32 - 1)


def test_circuit_computes_and_backpropagates():
    x, y, a, b, c = (Unit(v) for v in (1.2, 0.7, 1.0, -2.0, -1.0))
    circuit = Circuit()
    out = circuit.forward(x, y, a, b, c)
    assert out.value == pytest.approx(-1.2)
    circuit.backward(1.0)
    assert [u.grad for u in (a, b, c, x, y)] == pytest.approx([1.2, 0.7, 1.0, 1.0, -2.0])


def test_circuit_backward_before_forward():
    with pytest.raises(RuntimeError, match="before forward"):
        Circuit().backward(1.0)


def test_svm_starts_at_the_guides_parameters():
    svm = SVM()
    assert (svm.a.value, svm.b.value, svm.c.value) == (1.0, -2.0, -1.0)


@pytest.mark.parametrize("x, y, label, pull", [
    (1.2, 0.7, 1, 1.0),     # score -1.2 < 1 on a positive point: pull up
    (-0.3, 0.5, -1, 0.0),   # score -2.3 < -1 on a negative point: happy, no pull
    (-0.3, -0.5, -1, -1.0),  # score -0.3 > -1 on a negative point: pull down
    (3.0, -1.0, 1, 0.0),    # score 4 >= 1: happy
])
def test_update_rule_matches_the_force_specification(x, y, label, pull):
    svm = SVM(step_size=0.01, regularization=1.0)
    score = svm.forward(x, y).value
    assert score == pytest.approx(1.0 * x - 2.0 * y - 1.0)
    assert svm.pull(label) == pull
    svm.learn_from(x, y, label)
    # the class-free form of the same update
    a, b, c = 1.0, -2.0, -1.0
    assert svm.a.value == pytest.approx(a + 0.01 * (x * pull - a))
    assert svm.b.value == pytest.approx(b + 0.01 * (y * pull - b))
    assert svm.c.value == pytest.approx(c + 0.01 * pull)


def test_regularization_strength_scales_the_spring_on_a_and_b_only():
    svm = SVM(regularization=0.5)
    svm.forward(-0.3, 0.5)
    svm.backward(-1)           # no data pull: only the springs act
    assert (svm.a.grad, svm.b.grad, svm.c.grad) == (-0.5, 1.0, 0.0)
    svm.regularization = 0.0
    svm.backward(-1)
    assert (svm.a.grad, svm.b.grad, svm.c.grad) == (0.0, 0.0, 0.0)


def test_backward_starts_from_fresh_gradients():
    svm = SVM()
    svm.forward(1.2, 0.7)
    svm.backward(1)
    first = (svm.a.grad, svm.b.grad, svm.c.grad)
    svm.backward(1)
    assert (svm.a.grad, svm.b.grad, svm.c.grad) == first


def test_training_separates_the_guides_data_with_a_gentler_spring():
    X, y = guide_points("training")
    data = [(x0, x1, int(label)) for (x0, x1), label in zip(X.tolist(), y)]
    svm = SVM(step_size=0.01, regularization=0.1)
    rng = np.random.default_rng(0)
    for i in rng.integers(len(data), size=3000):
        svm.learn_from(*data[i])
    assert all(svm.predict(x, y) == label for x, y, label in data)


@pytest.mark.parametrize("label", [0, 2, "1", None, True, 0.5])
def test_labels_other_than_plus_minus_one_are_rejected(label):
    svm = SVM()
    with pytest.raises(ValueError, match="label must be"):
        svm.learn_from(1.0, 2.0, label)


def test_hyperparameters_are_checked():
    with pytest.raises(ValueError, match="step_size"):
        SVM(step_size=0)
    with pytest.raises(ValueError, match="regularization"):
        SVM(regularization=-1)
    with pytest.raises(TypeError, match="step_size"):
        SVM(step_size="big")
    svm = SVM()
    svm.step_size = 0.1
    assert svm.step_size == 0.1


def test_backward_before_forward_says_so():
    with pytest.raises(RuntimeError, match="before forward"):
        SVM().backward(1)


def test_inputs_may_be_units_or_numbers():
    assert SVM().forward(Unit(1.2), Unit(0.7)).value == SVM().forward(1.2, 0.7).value
    with pytest.raises(TypeError, match="x must be a real number"):
        SVM().forward("a", 1.0)


def test_circuit_backward_twice_adds_the_same_share_into_the_inputs_again():
    x, y, a, b, c = (Unit(v) for v in (1.2, 0.7, 1.0, -2.0, -1.0))
    circuit = Circuit()
    circuit.forward(x, y, a, b, c)
    circuit.backward(1.0)
    circuit.backward(1.0)   # inner wires start fresh; inputs accumulate, as gates do
    assert [u.grad for u in (a, b, c)] == pytest.approx([2.4, 1.4, 2.0])


def test_the_guides_cost_example():
    X, y = loss_example()
    cost = linear.cost(X, y, [0.1, 0.2, 0.3], regularization=0.2 / 3)
    assert cost.scores == pytest.approx([0.56, 0.37, 1.1])
    assert cost.losses == pytest.approx([0.44, 1.37, 0.0])
    assert 3 * cost.regularization == pytest.approx(0.005)     # the guide's sum is 3 times ours
    assert 3 * cost.total == pytest.approx(1.815)


@settings(max_examples=30, deadline=None)
@given(seed=seeds, strength=st.floats(0, 1))
def test_cost_gradient_matches_numbers_and_the_unit_circuit(seed, strength):
    rng = np.random.default_rng(seed)
    X, y = make_dataset("blobs", 8, 0.5, rng)
    w = rng.normal(size=3)
    margins = 1 - y * (X @ w[:2] + w[2])
    if np.min(np.abs(margins)) < 1e-3:          # at a kink the slope is not defined
        return
    grad = linear.cost_gradient(X, y, w, strength)
    numeric = numerical_gradient(lambda *v: linear.cost(X, y, v, strength).total, w, h=1e-6)
    assert grad == pytest.approx(numeric, abs=1e-5)
    total, units = linear.cost_circuit(X, y, w, strength)
    total.backward()
    assert total.value == pytest.approx(linear.cost(X, y, w, strength).total)
    assert [u.grad for u in units] == pytest.approx(grad)


def test_force_specification_is_minus_the_gradient_of_one_examples_cost():
    """SVM.backward's pulls = -d/dw [hinge_i + regularization / 2 * (a^2 + b^2)]."""
    svm = SVM(regularization=0.3)
    X, y = guide_points("training")
    for (x, y_), label in zip(X[:3].tolist(), y[:3].astype(int).tolist()):
        svm.forward(x, y_)
        svm.backward(label)
        w = [svm.a.value, svm.b.value, svm.c.value]
        grad = linear.cost_gradient([[x, y_]], [label], w, regularization=0.3)
        assert [svm.a.grad, svm.b.grad, svm.c.grad] == pytest.approx(-grad)


def test_cost_checks_its_inputs():
    with pytest.raises(ValueError, match="shape"):
        linear.cost([[1, 2, 3]], [1], [0, 0, 0], 0.1)
    with pytest.raises(ValueError, match="3 numbers"):
        linear.cost([[1, 2]], [1], [0, 0], 0.1)
    with pytest.raises(ValueError, match="labels"):
        linear.cost([[1, 2]], [0], [0, 0, 0], 0.1)
