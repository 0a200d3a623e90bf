"""Unit arithmetic and backward(), checked against numerical gradients."""
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from circuits import Unit, numerical_gradient

reals = st.floats(min_value=-5, max_value=5, allow_nan=False)
positive = st.floats(min_value=0.2, max_value=5)
away_from_zero = reals.filter(lambda v: abs(v) > 0.2)


def grads(expr, *values):
    """Analytic gradients of ``expr`` (a function of Units) at ``values``, via backward()."""
    units = [Unit(v) for v in values]
    out = expr(*units)
    out.backward()
    return out.value, [u.grad for u in units]


def assert_matches_numerical(expr, *values, tol=1e-5):
    value, analytic = grads(expr, *values)
    numerical = numerical_gradient(lambda *v: expr(*[Unit(x) for x in v]).value, values)
    for a, n in zip(analytic, numerical):
        assert a == pytest.approx(n, rel=tol, abs=tol)
    return value


BINARY = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "radd": lambda a, b: 2.5 + a * b,
    "rsub": lambda a, b: 2.5 - a * b,
    "rmul": lambda a, b: -1.5 * (a + b),
    "scalar sub": lambda a, b: (a - 0.5) * b,
}


@pytest.mark.parametrize("name", BINARY)
@settings(max_examples=30, deadline=None)
@given(a=reals, b=reals)
def test_binary_operations_match_numerical_gradient(name, a, b):
    assert_matches_numerical(BINARY[name], a, b)


@settings(max_examples=30, deadline=None)
@given(a=reals, b=away_from_zero)
def test_division_matches_numerical_gradient(a, b):
    value = assert_matches_numerical(lambda a, b: a / b, a, b)
    assert value == pytest.approx(a / b)
    assert_matches_numerical(lambda a, b: 3.0 / b + a / 2, a, b)


@settings(max_examples=30, deadline=None)
@given(a=positive, exponent=st.sampled_from([-2, -1, -0.5, 0.5, 1, 2, 3]))
def test_power_matches_numerical_gradient(a, exponent):
    assert_matches_numerical(lambda a: a ** exponent, a)


@pytest.mark.parametrize("method", ["sigmoid", "tanh", "exp", "relu"])
@settings(max_examples=30, deadline=None)
@given(a=away_from_zero)
def test_unary_methods_match_numerical_gradient(method, a):
    assert_matches_numerical(lambda u: getattr(u, method)(), a)


@settings(max_examples=30, deadline=None)
@given(a=positive)
def test_log_matches_numerical_gradient(a):
    assert_matches_numerical(lambda u: u.log(), a)


@settings(max_examples=30, deadline=None)
@given(a=reals, b=reals)
def test_negation_and_max(a, b):
    assert_matches_numerical(lambda u, v: -u * v, a, b)
    if abs(a - b) > 1e-3:
        assert_matches_numerical(lambda u, v: u.max(v), a, b)


def test_max_routes_the_gradient_to_the_larger_input():
    _, (ga, gb) = grads(lambda a, b: a.max(b), 2.0, -1.0)
    assert (ga, gb) == (1.0, 0.0)
    _, (ga, gb) = grads(lambda a, b: a.max(b), -3.0, 4.0)
    assert (ga, gb) == (0.0, 1.0)


def test_fan_out_accumulates():
    _, (ga,) = grads(lambda a: a * a, 3.0)
    assert ga == 6.0
    _, (ga,) = grads(lambda a: a * a + a, 3.0)
    assert ga == 7.0


def test_guide_neuron():
    a, b, c, x, y = (Unit(v) for v in (1.0, 2.0, -3.0, -1.0, 3.0))
    out = (a * x + b * y + c).sigmoid()
    out.backward()
    assert out.value == pytest.approx(0.8807970779778823)
    assert [u.grad for u in (a, b, c, x, y)] == pytest.approx(
        [-0.104993585, 0.314980755, 0.104993585, 0.104993585, 0.209987170])


def test_backward_twice_gives_the_same_gradients():
    a, b = Unit(2.0), Unit(-3.0)
    out = (a * b + a).tanh() * a
    out.backward()
    first = (a.grad, b.grad, out.grad)
    out.backward()
    assert (a.grad, b.grad, out.grad) == first


def test_deep_chain_of_50000_gates_backpropagates_without_recursion():
    x = Unit(0.5)
    out = x
    for _ in range(50_000):
        out = out * 1.0 + 0.0
    out.backward()
    assert out.value == 0.5
    assert x.grad == 1.0


def test_operations_remember_how_they_were_made():
    a, b = Unit(2.0, name="a"), Unit(3.0, name="b")
    out = a * b
    assert out.op == "*" and out.inputs == (a, b)
    assert a.op == "" and a.inputs == ()
    assert (a ** 2).op == "**2"


@pytest.mark.parametrize("value", [3, 2.5, np.float64(1.5), np.float32(0.25), np.int64(4)])
def test_unit_accepts_real_numbers_and_stores_plain_floats(value):
    u = Unit(value)
    assert type(u.value) is float and u.value == float(value)
    assert type(u.grad) is float and u.grad == 0.0


@pytest.mark.parametrize("bad", ["1.0", None, [1.0], True, 1 + 2j, np.array([1.0, 2.0])])
def test_unit_rejects_non_numbers_with_a_message_naming_them(bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        Unit(bad)


def test_unit_rejects_nan():
    with pytest.raises(ValueError, match="NaN"):
        Unit(float("nan"))


def test_arithmetic_with_a_non_number_names_it():
    with pytest.raises(TypeError, match="str"):
        Unit(1.0) * "2"
    with pytest.raises(TypeError, match="NoneType"):
        None + Unit(1.0)


def test_numpy_scalar_on_the_left_gives_a_unit():
    out = np.float64(2.0) * Unit(3.0)
    assert isinstance(out, Unit) and out.value == 6.0


def test_exponent_must_be_a_number():
    with pytest.raises(TypeError, match="exponent"):
        Unit(2.0) ** Unit(3.0)
    with pytest.raises(ValueError, match="not a real number"):
        Unit(-8.0) ** 0.5


def test_domain_errors_name_the_problem():
    with pytest.raises(ValueError, match="positive"):
        Unit(0.0).log()
    with pytest.raises(ZeroDivisionError, match="0"):
        Unit(1.0) / Unit(0.0)
    with pytest.raises(OverflowError, match="too large"):
        Unit(1000.0).exp()


def test_sigmoid_is_safe_at_extremes():
    assert Unit(-1000).sigmoid().value == 0.0
    assert Unit(1000).sigmoid().value == 1.0
    assert Unit(-30).sigmoid().value == pytest.approx(math.exp(-30))


def test_repr_shows_value_grad_and_name():
    assert repr(Unit(-2, name="x")) == "Unit(value=-2.0, grad=0.0, name='x')"
    assert repr(Unit(1.5, 0.25)) == "Unit(value=1.5, grad=0.25)"
