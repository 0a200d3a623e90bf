"""Gate objects: forward remembers, backward adds local derivative x output grad into inputs."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import circuits
from circuits import Unit, numerical_gradient

reals = st.floats(min_value=-4, max_value=4, allow_nan=False).filter(lambda v: abs(v) > 0.1)

# gate, how Unit arithmetic spells the same operation, inputs that keep it well defined
GATES = [
    (circuits.MultiplyGate, lambda a, b: a * b, 2),
    (circuits.AddGate, lambda a, b: a + b, 2),
    (circuits.SubtractGate, lambda a, b: a - b, 2),
    (circuits.DivideGate, lambda a, b: a / b, 2),
    (circuits.MaxGate, lambda a, b: a.max(b), 2),
    (circuits.ReLUGate, lambda a: a.relu(), 1),
    (circuits.SigmoidGate, lambda a: a.sigmoid(), 1),
    (circuits.TanhGate, lambda a: a.tanh(), 1),
    (circuits.ExpGate, lambda a: a.exp(), 1),
    (circuits.NegateGate, lambda a: -a, 1),
    (lambda: circuits.PowerGate(3), lambda a: a ** 3, 1),
]


@pytest.mark.parametrize("make_gate, arithmetic, arity", GATES)
@settings(max_examples=25, deadline=None)
@given(values=st.lists(reals, min_size=2, max_size=2), top=reals)
def test_gate_backward_is_local_gradient_times_top(make_gate, arithmetic, arity, values, top):
    values = values[:arity]
    if arity == 2 and abs(values[0] - values[1]) < 1e-3:
        return  # max is not differentiable where its inputs tie
    gate = make_gate()
    units = [Unit(v) for v in values]
    out = gate.forward(*units)
    out.grad = top
    gate.backward()

    def f(*v):
        return make_gate().forward(*[Unit(x) for x in v]).value
    numerical = numerical_gradient(f, values)
    for u, n in zip(units, numerical):
        assert u.grad == pytest.approx(top * n, rel=1e-5, abs=1e-6)
    # the gate and Unit arithmetic share one definition of the derivative
    same = [Unit(v) for v in values]
    twin = arithmetic(*same)
    twin.backward()
    assert twin.value == out.value
    assert [u.grad * top for u in same] == pytest.approx([u.grad for u in units])


def test_log_gate():
    gate = circuits.LogGate()
    x = Unit(2.0)
    out = gate.forward(x)
    out.grad = 3.0
    gate.backward()
    assert x.grad == pytest.approx(1.5)


def test_backward_adds_into_existing_gradients():
    gate = circuits.MultiplyGate()
    x, y = Unit(-2.0, grad=10.0), Unit(3.0)
    out = gate.forward(x, y)
    out.grad = 1.0
    gate.backward()
    gate.backward()
    assert x.grad == 10.0 + 2 * 3.0
    assert y.grad == 2 * -2.0


def test_forward_remembers_inputs_and_output():
    gate = circuits.AddGate()
    a, b = Unit(1.0), Unit(2.0)
    out = gate.forward(a, b)
    assert gate.inputs == (a, b) and gate.output is out and out.value == 3.0
    out.backward()   # a gate's output is a Unit like any other
    assert (a.grad, b.grad) == (1.0, 1.0)


@pytest.mark.parametrize("make_gate", [g for g, _, _ in GATES] + [circuits.LogGate])
def test_backward_before_forward_says_so(make_gate):
    with pytest.raises(RuntimeError, match="before forward"):
        make_gate().backward()


def test_forward_checks_its_inputs():
    with pytest.raises(TypeError, match="takes 2 Unit"):
        circuits.MultiplyGate().forward(Unit(1.0))
    with pytest.raises(TypeError, match="got float"):
        circuits.MultiplyGate().forward(Unit(1.0), 2.0)
    with pytest.raises(TypeError, match="takes 1 Unit"):
        circuits.SigmoidGate().forward(Unit(1.0), Unit(2.0))


def test_sigmoid_gate_is_safe_at_extremes():
    assert circuits.SigmoidGate().forward(Unit(-1000)).value == 0.0


def test_power_gate_needs_a_numeric_exponent():
    with pytest.raises(TypeError, match="exponent"):
        circuits.PowerGate("2")
    assert repr(circuits.PowerGate(2)) == "PowerGate(2)"
