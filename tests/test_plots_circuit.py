"""Circuit diagrams: layout by depth, every wire labelled with its value and (after backward) grad."""
import inspect
import itertools

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from circuits import Unit
from circuits.examples import CIRCUITS, add_then_multiply, neuron
from circuits.exercises import EXERCISES
from circuits.plots.circuit import (HIGHLIGHT, draw_circuit, draw_diagram, figsize_for, layout,
                                    relabel)


def texts(ax):
    """(text, colour) of every text a student sees."""
    return [(t.get_text(), matplotlib.colors.to_hex(t.get_color())) for t in ax.texts
            if t.get_visible() and t.get_text()]


def new_ax():
    return Figure().add_subplot()


def label_problems(fig):
    """What a student could not read on a drawn circuit (an Agg figure): text under 11 px, and
    labels clipped by the figure, overlapping another label or crossed by a wire."""
    renderer = fig.canvas.get_renderer()
    labels = [(t.get_text(), t.get_window_extent(renderer), t.get_size() * fig.dpi / 72)
              for ax in fig.axes for t in ax.texts if t.get_visible() and t.get_text()]
    found = [("small", s) for s, _, px in labels if px < 11]
    found += [("clipped", s) for s, box, _ in labels if box.x0 < 0 or box.y0 < 0
              or box.x1 > fig.bbox.x1 or box.y1 > fig.bbox.y1]
    found += [("overlap", s, t) for (s, a, _), (t, b, _) in itertools.combinations(labels, 2)
              if a.overlaps(b)]
    along = np.linspace(0, 1, 200)[:, None]
    wires = np.concatenate([a + along * (b - a) for ax in fig.axes for lines in ax.collections
                            for segment in lines.get_segments()
                            for a, b in itertools.pairwise(ax.transData.transform(segment))])
    found += [("crossed by a wire", s) for s, box, _ in labels
              if ((wires > box.p0 + 1) & (wires < box.p1 - 1)).all(axis=1).any()]
    return found


def awkward_circuits():
    """Every circuit of chapter 1 at inputs that give long numbers (tiny gradients, -0.0005636),
    after backward."""
    builds = {**{name: (build, list(inspect.signature(build).parameters))
                 for name, build in CIRCUITS.items()},
              **{name: (ex.circuit, ex.variables) for name, ex in EXERCISES.items()}}
    for name, (build, inputs) in builds.items():
        for value in (-4.9, -1.7, 0.3, 1.7, 4.9):
            out = build(**{n: value * (1 + 0.07 * k) for k, n in enumerate(inputs)})
            out.backward()
            yield f"{name} at {value}", out


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


def _seen(diagram):
    """What a student sees of a diagram's numbers and highlight."""
    numbers = [(t.get_text(), matplotlib.colors.to_hex(t.get_color()),
                t.get_bbox_patch() is not None) for t in diagram.numbers if t.get_visible()]
    return numbers, [matplotlib.colors.to_hex(b.get_facecolor()) for b in diagram.boxes]


def test_relabel_shows_what_a_fresh_drawing_of_the_new_numbers_shows():
    first = add_then_multiply()
    first.backward()
    diagram = draw_diagram(first, new_ax(), highlight=[first.inputs[0]], show_grad=True)
    out = add_then_multiply(x=1.5, y=-0.25, z=3.0)
    out.backward()
    q, z = out.inputs
    for highlight, show_grad in (([out], [out, q, z]), ((), False), ([q], True)):
        assert relabel(diagram, out, highlight, show_grad)
        assert _seen(diagram) == _seen(draw_diagram(out, new_ax(), highlight, show_grad))
    assert "q=1.25" in [t for t, _ in texts(diagram.ax)]


def test_relabel_leaves_a_circuit_of_another_shape_alone():
    diagram = draw_diagram(add_then_multiply(), new_ax())
    before = texts(diagram.ax)
    assert relabel(diagram, neuron()) is False and texts(diagram.ax) == before


def test_every_label_is_readable_in_the_notebook_figure_at_awkward_inputs():
    problems = {}
    for name, out in awkward_circuits():
        ax = draw_circuit(out, title=name)          # the figure a notebook shows
        problems[name] = label_problems(ax.figure)
        plt.close(ax.figure)
    assert not {name: found for name, found in problems.items() if found}


def test_gate_names_fit_in_their_boxes_in_the_notebook_figure():
    for _, out in awkward_circuits():
        diagram = draw_diagram(out)
        renderer = diagram.ax.figure.canvas.get_renderer()
        for box, name in zip(diagram.boxes, diagram.ops):
            inside, text = box.get_window_extent(renderer), name.get_window_extent(renderer)
            assert inside.contains(*text.p0) and inside.contains(*text.p1), name.get_text()
        plt.close(diagram.ax.figure)
