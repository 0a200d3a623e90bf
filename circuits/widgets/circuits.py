"""Explorers of circuits: move the inputs, see every wire's value and gradient."""
from functools import partial

from ipywidgets import Dropdown

from ..examples import CIRCUITS, defaults
from ..exercises import EXERCISES
from ..plots.circuit import draw_circuit
from ..unit import topological_order
from .explorer import Explorer, slider


def _gradients_text(out):
    leaves = sorted((u for u in topological_order(out) if not u.inputs and u.name),
                    key=lambda u: u.name)
    return (f"output = {out.value:.4f}    gradients: "
            + ", ".join(f"d/d{u.name} = {u.grad:.4f}" for u in leaves))


def draw_backpropagated(build, fig, **values):
    """Build the circuit from ``values``, backpropagate and draw it on ``fig``; return the
    readout. Inputs where the circuit has no value (say a division by 0) are shown, not raised."""
    ax = fig.add_axes((0.01, 0.01, 0.98, 0.98))
    try:
        out = build(**values)
    except (ZeroDivisionError, ValueError, OverflowError) as exc:
        ax.set_axis_off()
        ax.text(0.5, 0.5, f"no value at these inputs:\n{exc}", ha="center", va="center")
        return f"no value at these inputs: {exc}"
    out.backward()
    draw_circuit(out, ax)
    return _gradients_text(out)


def circuit_explorer(name="(x+y)*z"):
    """Sliders for the inputs of one of chapter 1's example circuits, drawn after backward."""
    build = CIRCUITS[name]
    controls = {n: slider(n, v) for n, v in defaults(build).items()}
    return Explorer(partial(draw_backpropagated, build), controls, figsize=(6.5, 3.0))


def gate_explorer():
    """The single multiply gate x*y: move x and y, read the output and both gradients."""
    return circuit_explorer("x*y")


def patterns_explorer():
    """2*(x*y + max(z, w)): watch add distribute, max route and multiply switch the gradient."""
    return circuit_explorer("2*(x*y+max(z,w))")


def neuron_explorer():
    """The sigmoid neuron sig(a*x + b*y + c) with a slider per input."""
    return circuit_explorer("sig(a*x+b*y+c)")


def expression_explorer(name="((a*b+c)*d)**2"):
    """Pick a backprop-ninja expression and move its inputs; unused sliders are ignored."""
    start = {}                    # each input starts at the first value an exercise gives it
    for ex in EXERCISES.values():
        for n, v in ex.values.items():
            start.setdefault(n, v)
    controls = {"expression": Dropdown(options=list(EXERCISES), value=name,
                                         description="expression")}
    controls.update({n: slider(n, v) for n, v in sorted(start.items())})

    def draw(fig, expression, **values):
        ex = EXERCISES[expression]
        return draw_backpropagated(ex.circuit, fig, **{n: values[n] for n in ex.variables})
    return Explorer(draw, controls, figsize=(6.5, 3.0))
