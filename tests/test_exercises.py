"""The backprop-ninja exercises: reference solutions pass the checker, wrong ones are named."""
import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from circuits.exercises import EXERCISES, check, exercise, solution_source
from circuits.unit import topological_order

NAMES = sorted(EXERCISES)
GUIDE = ["a*b", "a+b", "a+b+c", "a*b+c", "sig(a*x+b*y+c)", "a*a", "a*a+b*b+c*c",
         "((a*b+c)*d)**2", "1/a", "(a+b)/(c+d)", "max(a,b)", "relu(a)"]


def test_every_expression_of_the_guide_is_an_exercise():
    assert [n for n, e in EXERCISES.items() if e.from_guide] == GUIDE


@pytest.mark.parametrize("name", NAMES)
def test_reference_solution_passes_the_checker(name, capsys):
    result = check(name, exercise(name).solution)
    assert result.ok and result.wrong == []
    assert "verdict: ok" in capsys.readouterr().out


@pytest.mark.parametrize("name", NAMES)
def test_reference_solution_agrees_with_the_engine(name):
    ex = exercise(name)
    out = ex.circuit()
    out.backward()
    engine = {u.name: u.grad for u in topological_order(out) if u.name}
    assert ex.solution(*ex.values.values(), 1.0) == pytest.approx(engine, rel=1e-12, abs=1e-15)


@pytest.mark.parametrize("name", NAMES)
def test_the_checker_names_the_one_wrong_gradient(name, capsys):
    ex = exercise(name)
    for wrong in ex.variables:
        def backward(*args, wrong=wrong):
            grads = ex.solution(*args)
            grads[wrong] += 1.0
            return grads
        result = check(name, backward)
        assert not result.ok and result.wrong == [wrong]
        assert f"check the gradient of {wrong}" in capsys.readouterr().out


def test_the_gradient_from_above_is_chained():
    # dx = 2 doubles every gradient; the checker always passes 1.0, so compare directly
    assert exercise("((a*b+c)*d)**2").solution(1.0, 2.0, -3.0, 4.0, 2.0)["a"] == -128


def _inputs(name):
    # two decimals: tiny inputs make tiny gradients, where any relative error is round-off
    return st.lists(st.integers(-300, 300).map(lambda k: k / 100), min_size=len(EXERCISES[name].values),
                    max_size=len(EXERCISES[name].values))


def _smooth_enough(name, values):
    """Away from kinks (max ties, relu at 0), poles (division near 0) and saturation, where
    gradients shrink below what a finite difference can resolve."""
    v = dict(zip(EXERCISES[name].variables, values))
    if name == "sig(a*x+b*y+c)":
        return abs(v["a"] * v["x"] + v["b"] * v["y"] + v["c"]) < 8
    if name == "tanh(a)*b":
        return abs(v["a"]) < 4
    if "max" in name:
        return abs(v["a"] - v["b"]) > 1e-3
    if name == "relu(a)":
        return abs(v["a"]) > 1e-3
    if name == "1/a":
        return abs(v["a"]) > 0.3
    if name == "(a+b)/(c+d)":
        return abs(v["c"] + v["d"]) > 0.3
    return True


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_reference_solutions_hold_at_random_inputs(name, data):
    values = data.draw(_inputs(name))
    assume(_smooth_enough(name, values))
    ex = exercise(name)
    result = check(name, ex.solution, tolerance=1e-5, **dict(zip(ex.variables, values)))
    assert result.ok, str(result)


def test_bad_backward_passes_get_clear_errors():
    with pytest.raises(KeyError, match=r"missing \['b'\]"):
        check("a*b", lambda a, b, dx: {"a": b * dx})
    with pytest.raises(KeyError, match=r"unexpected \['z'\]"):
        check("a*b", lambda a, b, dx: {"a": b, "b": a, "z": 0.0})
    with pytest.raises(TypeError, match="must return a dict"):
        check("a*b", lambda a, b, dx: (b, a))
    with pytest.raises(KeyError, match="no exercise 'a-b'"):
        check("a-b", lambda a, b, dx: {})
    with pytest.raises(KeyError, match=r"has inputs \['a', 'b'\], not \['q'\]"):
        check("a*b", exercise("a*b").solution, q=1.0)


def test_values_can_be_overridden_by_name(capsys):
    check("relu(a)", exercise("relu(a)").solution, a=-2.0)
    assert "at a=-2" in capsys.readouterr().out


def test_solution_source_shows_the_reference_code():
    source = solution_source("(a+b)/(c+d)")
    assert source.startswith("def ") and "return" in source


def test_neuron_exercise_reproduces_the_guide_numbers():
    ex = exercise("sig(a*x+b*y+c)")
    assert ex.value(*ex.values.values()) == pytest.approx(0.8808, abs=5e-5)
    grads = ex.solution(*ex.values.values(), 1.0)
    expected = {"a": -0.105, "b": 0.315, "c": 0.105, "x": 0.105, "y": 0.210}
    assert all(math.isclose(grads[n], g, abs_tol=5e-4) for n, g in expected.items())


def test_a_stub_is_not_done_yet_rather_than_an_error(capsys):
    def backward_multiply(a, b, dx):
        raise NotImplementedError()

    verdict = check("a*b", backward_multiply)
    assert not verdict and not verdict.done
    assert capsys.readouterr().out == "backward_multiply: not done yet\n"


def test_a_finished_check_is_shown_once_and_keeps_its_table():
    result = check("a*b", lambda a, b, dx: {"a": a * dx, "b": b * dx})
    assert not result.ok and result.wrong == ["a", "b"]
    assert result._ipython_display_() is None        # printed by check, not displayed again


@pytest.mark.parametrize("name", ["1/a", "(a+b)/(c+d)"])
def test_the_reciprocal_is_a_one_input_gate_without_a_constant_wire(name):
    units, stack = [], [exercise(name).circuit()]
    while stack:
        u = stack.pop()
        units.append(u)
        stack.extend(u.inputs)
    leaves = sorted(u.name for u in units if not u.inputs)
    assert leaves == sorted(exercise(name).variables)      # every input wire is a named input
