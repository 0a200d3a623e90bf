"""numerical_gradient and gradient_check."""
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from circuits import gradient_check, numerical_gradient, relative_error


def test_forward_difference_on_the_guide_example():
    # the guide's x*y at (-2, 3): forward differences with h = 1e-4
    gx, gy = numerical_gradient(lambda x, y: x * y, [-2, 3], h=1e-4, method="forward")
    assert gx == pytest.approx(3.0, abs=1e-9)
    assert gy == pytest.approx(-2.0, abs=1e-9)


def f(x, y):
    return math.sin(x) * math.exp(y)


def exact_gradient(x, y):
    return [math.cos(x) * math.exp(y), math.sin(x) * math.exp(y)]


@settings(max_examples=50, deadline=None)
@given(x=st.floats(-3, 3), y=st.floats(-3, 3))
def test_both_methods_approximate_the_exact_gradient(x, y):
    for method, tol in (("centred", 1e-7), ("forward", 1e-3)):
        for e, n in zip(exact_gradient(x, y), numerical_gradient(f, [x, y], h=1e-4, method=method)):
            assert abs(n - e) <= tol * max(1.0, abs(e))


def test_centred_is_far_more_accurate_than_forward():
    exact = exact_gradient(1.0, 0.5)
    centred = numerical_gradient(f, [1.0, 0.5], h=1e-4)
    forward = numerical_gradient(f, [1.0, 0.5], h=1e-4, method="forward")
    for e, c, fw in zip(exact, centred, forward):
        assert abs(c - e) < 1e-8 < 1e-5 < abs(fw - e)


@pytest.mark.parametrize("h", [0, -1e-5, 0.0])
def test_step_must_be_positive(h):
    with pytest.raises(ValueError, match="h must be a positive"):
        numerical_gradient(lambda x: x, [1.0], h=h)


def test_bad_method_and_bad_function_output_are_named():
    with pytest.raises(ValueError, match="method"):
        numerical_gradient(lambda x: x, [1.0], method="backward")
    with pytest.raises(TypeError, match="return a plain number"):
        numerical_gradient(lambda x: [x], [1.0])
    with pytest.raises(TypeError, match="value 1"):
        numerical_gradient(lambda x, y: x, [1.0, "2"])


def test_relative_error():
    assert relative_error(3.0, 3.0) == 0.0
    assert relative_error(1.0, 2.0) == 0.5
    assert relative_error(0.0, 0.0) == 0.0
    assert relative_error(0.0, 1e-12) < 1e-3   # two tiny gradients are not "100% apart"


def test_gradient_check_passes_a_correct_gradient():
    check = gradient_check(lambda a, b: a * b + b, [2.0, -3.0], [-3.0, 3.0], names=["a", "b"])
    assert check.ok and check.wrong == []
    assert all(e < 1e-8 for e in check.errors)
    assert "verdict: ok" in str(check)


def test_gradient_check_names_the_wrong_variable():
    check = gradient_check(lambda a, b: a * b + b, [2.0, -3.0], [-3.0, 2.0], names=["a", "b"])
    assert not check.ok and check.wrong == ["b"]
    text = str(check)
    assert "WRONG" in text and "check the gradient of b" in text


def test_gradient_check_argument_errors():
    with pytest.raises(ValueError, match="2 analytic gradients for 1 values"):
        gradient_check(lambda a: a, [1.0], [1.0, 2.0])
    with pytest.raises(ValueError, match="names"):
        gradient_check(lambda a: a, [1.0], [1.0], names=["a", "b"])


def test_array_gradients_nudge_every_entry_and_restore_it():
    import numpy as np
    from circuits.gradcheck import array_gradients
    params = {"W": np.array([[1.0, -2.0], [0.5, 3.0]]), "b": np.array([0.25])}
    before = {k: v.copy() for k, v in params.items()}
    grads = array_gradients(lambda: float((params["W"] ** 2).sum() * params["b"][0]), params)
    assert np.allclose(grads["W"], 2 * before["W"] * 0.25, atol=1e-8)
    assert np.allclose(grads["b"], [(before["W"] ** 2).sum()], atol=1e-6)
    assert all(np.array_equal(params[k], before[k]) for k in params)
