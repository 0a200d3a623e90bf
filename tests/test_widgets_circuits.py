"""Chapter 1's explorers beyond 'no error anywhere' (the generic sweep): what they compute."""
import io

import numpy as np
import pytest
from matplotlib.image import imread

pytest.importorskip("ipywidgets")
from circuits.examples import CIRCUITS, defaults  # noqa: E402
from circuits.exercises import EXERCISES  # noqa: E402
from circuits.unit import topological_order  # noqa: E402
from circuits.widgets import EXPLORERS, circuit_explorer, expression_explorer  # noqa: E402
from circuits.widgets.stepper import BackwardStepper, stepper_circuits  # noqa: E402
from test_plots_circuit import label_problems  # noqa: E402

def in_place(explorer):
    """Whether the last move was drawn in place (over the cached picture of the rest)."""
    return explorer.drawn_in_place


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


def test_moving_an_input_relabels_the_same_diagram_in_place():
    explorer = circuit_explorer("(x+y)*z")
    ax = explorer.figure.axes[0]
    labels = list(ax.texts)
    explorer.set(z=2.0)
    explorer.set(z=1.0)
    assert in_place(explorer) and explorer.figure.axes == [ax] and list(ax.texts) == labels
    assert "d/dx = 1.0000" in explorer.readout.value
    shown = {t.get_text() for t in labels if t.get_visible()}     # x=-2, y=5, z=1
    assert shown == {"x", "y", "z", "+", "*", "-2", "5", "1", "q=3", "3"}


def test_expression_explorer_draws_anew_for_another_expression_or_no_value():
    explorer = expression_explorer("(a+b)/(c+d)")
    explorer.set(a=0.5)
    assert in_place(explorer)
    explorer.set(c=-4.0)                             # d = 4: no value, a message instead
    assert explorer.in_place is None and "no value" in explorer.readout.value
    explorer.set(c=-3.0)                             # a diagram again: drawn anew ...
    assert not in_place(explorer) and "output = 2.5000" in explorer.readout.value
    explorer.set(c=-2.0)                             # ... then relabelled
    assert in_place(explorer)
    explorer.set(expression="a*b")
    assert not in_place(explorer) and "output = 1.0000" in explorer.readout.value


def test_stepper_clicks_relabel_the_diagram_in_place_and_another_circuit_draws_anew():
    stepper = BackwardStepper("(x+y)*z")
    for _ in range(2):
        stepper.controls["step"].click()
    assert in_place(stepper) and "(1 gate(s) to go)" in stepper.readout.value
    stepper.controls["reset"].click()
    assert in_place(stepper) and "(2 gate(s) to go)" in stepper.readout.value
    stepper.set(circuit="a*b")
    assert not in_place(stepper)


def picture(explorer):
    return imread(io.BytesIO(explorer.image.value))


def test_moves_drawn_in_place_one_after_another_are_the_pictures_drawn_anew():
    explorer = circuit_explorer("sig(a*x+b*y+c)")
    for c in (1.0, 2.5, -4.0, 0.0):
        explorer.set(c=c)                            # in place, over the picture cached at first
        anew = circuit_explorer("sig(a*x+b*y+c)")
        anew.set(c=c)                                # its first move: the whole figure drawn
        assert in_place(explorer) and np.array_equal(picture(explorer), picture(anew))


def test_each_click_drawn_in_place_is_the_picture_drawn_anew():
    stepper, clicks = BackwardStepper("sig(a*x+b*y+c)"), []
    for button in ["step"] * (len(stepper.pending) + 2) + ["reset", "step"]:
        stepper.controls[button].click()             # in place, over the picture cached at first
        clicks.append(button)
        anew = BackwardStepper("sig(a*x+b*y+c)")
        for earlier in clicks:
            anew.controls[earlier].click()
        anew.redraw(in_place=False)
        assert in_place(stepper) and stepper.readout.value == anew.readout.value
        assert np.array_equal(picture(stepper), picture(anew)), clicks


def problems(explorer):
    """What keeps a student from reading an explorer's picture in a ~1000 px notebook column."""
    width, height = explorer.figure.bbox.size
    too_large = [("too large", width, height)] if width > 1000 or height > 450 else []
    return too_large + label_problems(explorer.figure)


@pytest.mark.parametrize("name", ["gate_explorer", "circuit_explorer", "patterns_explorer",
                                  "neuron_explorer"])
def test_circuit_explorers_fit_a_column_and_every_label_is_readable(name):
    explorer = EXPLORERS[name]()
    for value in (-1.7, 4.9):                        # long numbers: 0.0005636, -34.8
        explorer.set(**{n: value * (1 + 0.07 * k) for k, n in enumerate(explorer.controls)})
        assert problems(explorer) == [], value


def test_every_expression_fits_and_every_label_is_readable():
    explorer = expression_explorer()
    for name, ex in EXERCISES.items():
        explorer.set(expression=name)
        for value in (-1.7, 4.9):
            explorer.set(**{n: value * (1 + 0.07 * k) for k, n in enumerate(ex.variables)})
            assert explorer.error is None and problems(explorer) == [], (name, value)


def test_every_stepper_circuit_fits_and_every_label_is_readable():
    stepper = BackwardStepper()
    for name in stepper_circuits():
        stepper.set(circuit=name)
        while stepper.pending:                       # every gradient, the last gate marked
            stepper.controls["step"].click()
        assert problems(stepper) == [], name
