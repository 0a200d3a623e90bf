"""Circuit diagrams: layout by depth, every wire labelled with its value and (after backward) grad."""
import matplotlib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from circuits import Unit
from circuits.plots.circuit import HIGHLIGHT, draw_circuit, figsize_for, layout
from circuits.examples import CIRCUITS, add_then_multiply, neuron


def texts(ax):
    """(text, colour) of every text a student sees."""
    return [(t.get_text(), matplotlib.colors.to_hex(t.get_color())) for t in ax.texts
            if t.get_visible() and t.get_text()]


def new_ax():
    return Figure().add_subplot()


def test_inputs_sit_in_column_zero_and_gates_at_their_depth():
    out = neuron()
    place = layout(out)
    leaves = [u for u in place if not u.inputs]
    assert [u.name for u in sorted(leaves, key=lambda u: -place[u][1])] == list("axbyc")
    assert all(place[u][0] == 0 for u in leaves)
    assert place[out][0] == 4                      # *, +, +, sigmoid
    for u in place:
        if u.inputs:
            assert place[u][0] == 1 + max(place[i][0] for i in u.inputs)


def test_a_gate_sits_level_with_the_mean_of_its_inputs():
    out = add_then_multiply()
    place = layout(out)
    q, z = out.inputs
    assert place[q][1] == pytest.approx((place[q.inputs[0]][1] + place[q.inputs[1]][1]) / 2)
    assert place[out][1] == pytest.approx((place[q][1] + place[z][1]) / 2)


def test_values_always_shown_and_grads_only_after_backward():
    out = add_then_multiply()
    ax = draw_circuit(out, new_ax())
    shown = texts(ax)
    assert {("-12", "#000000"), ("q=3", "#000000"), ("-4", "#000000")} <= set(shown)
    assert not [t for t, colour in shown if colour == "#c62828"]
    out.backward()
    red = sorted(t for t, colour in texts(draw_circuit(out, new_ax())) if colour == "#c62828")
    assert red == sorted(["-4", "-4", "-4", "3", "1"])   # x, y, q, z, output


def test_names_label_input_wires_and_named_gate_outputs():
    out = add_then_multiply()
    shown = [t for t, _ in texts(draw_circuit(out, new_ax()))]
    assert {"x", "y", "z", "q=3", "+", "*"} <= set(shown)


def test_show_grad_can_pick_units_and_highlight_marks_the_gate_and_what_it_wrote():
    out = add_then_multiply()
    out.backward()
    q, z = out.inputs
    ax = draw_circuit(out, new_ax(), highlight=[out], show_grad=[out, q, z])
    red = [t for t in ax.texts if matplotlib.colors.to_hex(t.get_color()) == "#c62828"
           and t.get_visible()]
    assert sorted(t.get_text() for t in red) == ["-4", "1", "3"]
    marked = [t.get_text() for t in red if t.get_bbox_patch() is not None]
    assert sorted(marked) == ["-4", "3"]
    boxes = [p for p in ax.patches if matplotlib.colors.to_hex(p.get_facecolor()) == HIGHLIGHT]
    assert len(boxes) == 1


def test_a_wire_used_twice_draws_two_branches():
    a = Unit(-3.0, name="a")
    out = a * a
    ax = draw_circuit(out, new_ax())
    (lines,) = ax.collections
    assert len(lines.get_segments()) == 3          # two branches into the gate, one out


def test_a_deep_circuit_lays_out_without_recursion():
    out = Unit(0.0, name="x")
    for _ in range(3000):
        out = out + 1.0
    assert layout(out)[out][0] == 3000


@pytest.mark.parametrize("name", sorted(CIRCUITS))
def test_every_example_circuit_draws_and_sizes(name):
    out = CIRCUITS[name]()
    out.backward()
    draw_circuit(out, new_ax())
    width, height = figsize_for(out)
    assert width > 0 and height > 0


def _expressions():
    leaf = st.sampled_from("abcd").map(lambda n: ("leaf", n))
    return st.recursive(leaf, lambda kids: st.one_of(
        st.tuples(st.sampled_from(["+", "*", "max"]), kids, kids),
        st.tuples(st.sampled_from(["relu", "tanh"]), kids)), max_leaves=8)


def _build(tree, units):
    if tree[0] == "leaf":
        return units[tree[1]]
    args = [_build(t, units) for t in tree[1:]]
    return {"+": lambda a, b: a + b, "*": lambda a, b: a * b, "max": lambda a, b: a.max(b),
            "relu": lambda a: a.relu(), "tanh": lambda a: a.tanh()}[tree[0]](*args)


@settings(max_examples=30, deadline=None)
@given(_expressions())
def test_random_circuits_put_every_gate_right_of_its_inputs(tree):
    units = {n: Unit(v, name=n) for n, v in zip("abcd", (1.0, -2.0, 0.5, 3.0))}
    out = _build(tree, units)
    place = layout(out)
    for u in place:
        for i in u.inputs:
            assert place[i][0] < place[u][0]
    out.backward()
    draw_circuit(out, new_ax())
