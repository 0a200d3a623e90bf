"""Chapter 1's explorers beyond 'no error anywhere' (the generic sweep): what they compute."""
import pytest

pytest.importorskip("ipywidgets")
from circuits.examples import CIRCUITS, defaults  # noqa: E402
from circuits.widgets import circuit_explorer, expression_explorer  # noqa: E402
from circuits.widgets.stepper import BackwardStepper, stepper_circuits  # noqa: E402
from circuits.unit import topological_order  # noqa: E402


def test_circuit_explorer_reads_out_the_backprop_gradients():
    explorer = circuit_explorer("(x+y)*z")
    assert "output = -12.0000" in explorer.readout.value
    assert "d/dx = -4.0000" in explorer.readout.value and "d/dz = 3.0000" in explorer.readout.value
    explorer.set(z=2.0)
    assert "d/dx = 2.0000" in explorer.readout.value


def test_an_undefined_point_is_reported_not_raised():
    explorer = expression_explorer("(a+b)/(c+d)")
    explorer.set(c=-4.0)                             # d = 4: c + d = 0
    assert explorer.error is None and "no value at these inputs" in explorer.readout.value


def test_expression_explorer_switches_expression():
    explorer = expression_explorer("a*b")
    explorer.set(expression="relu(a)", a=-1.0)
    assert "output = 0.0000" in explorer.readout.value and "d/da = 0.0000" in explorer.readout.value


@pytest.mark.parametrize("name", sorted(stepper_circuits()))
def test_stepping_through_gives_the_same_gradients_as_backward(name):
    stepper = BackwardStepper(name)
    gates = [u for u in topological_order(stepper.out) if u.inputs]
    for _ in range(len(gates) + 1):                  # the pull, then one click per gate
        stepper.controls["step"].click()
    assert stepper.pending == []
    stepped = {id(u): u.grad for u in topological_order(stepper.out)}
    stepper.out.backward()
    assert stepped == {id(u): u.grad for u in topological_order(stepper.out)}
    stepper.controls["step"].click()
    assert "complete" in stepper.readout.value


def test_each_click_runs_exactly_one_gate_in_reverse_order():
    stepper = BackwardStepper("(x+y)*z")
    stepper.controls["step"].click()
    assert stepper.out.grad == 1 and stepper.last is None
    stepper.controls["step"].click()
    q, z = stepper.out.inputs
    assert stepper.last is stepper.out and (q.grad, z.grad) == (-4, 3)
    assert all(u.grad == 0 for u in q.inputs)        # the add gate has not run yet
    stepper.controls["reset"].click()
    assert stepper.out.grad == 0 and stepper.written == set()


def test_choosing_another_circuit_starts_over():
    stepper = BackwardStepper("(x+y)*z")
    stepper.controls["step"].click()
    stepper.set(circuit="sig(a*x+b*y+c)")
    assert stepper.out.op == "sigmoid" and stepper.written == set()
    with pytest.raises(KeyError, match="no circuit"):
        BackwardStepper("nope")


def test_example_circuits_have_the_guides_outputs():
    values = {name: build().value for name, build in CIRCUITS.items()}
    assert values["x*y"] == -6 and values["(x+y)*z"] == -12 and values["2*(x*y+max(z,w))"] == -20
    assert values["sig(a*x+b*y+c)"] == pytest.approx(0.8808, abs=5e-5)
    assert defaults(CIRCUITS["(x+y)*z"]) == {"x": -2.0, "y": 5.0, "z": -4.0}
