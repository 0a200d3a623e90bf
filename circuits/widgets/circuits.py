"""Explorers of circuits: move the inputs, see every wire's value and gradient. A move of an
input slider shows the new numbers on the same diagram (in place), without drawing it again."""
from ipywidgets import Dropdown

from ..examples import CIRCUITS, defaults
from ..exercises import EXERCISES
from ..plots.circuit import draw_diagram, figsize_for, relabel
from ..unit import topological_order
from .explorer import Explorer, InPlace, slider

DPI = 100
LARGEST = (10.0, 4.2)              # inches: a notebook column's width, and no more height


def diagram_figsize(outs, scale=1.5):
    """A figure size (inches) that fits the diagram of each circuit in ``outs`` at ``scale``
    (or smaller, to stay within LARGEST)."""
    sizes = [figsize_for(out, scale=1.0) for out in outs]
    width, height = max(w for w, _ in sizes), max(h for _, h in sizes)
    scale = min(scale, LARGEST[0] / width, LARGEST[1] / height)
    return (round(scale * width, 2), round(scale * height, 2))


def _gradients_text(out):
    leaves = sorted((u for u in topological_order(out) if not u.inputs and u.name),
                    key=lambda u: u.name)
    return (f"output = {out.value:.4f}    gradients: "
            + ", ".join(f"d/d{u.name} = {u.grad:.4f}" for u in leaves))


def _backpropagated(build, values):
    """``(output Unit after backward, readout)``, or ``(None, why)`` where the circuit has no
    value (say a division by 0): shown, not raised."""
    try:
        out = build(**values)
    except (ZeroDivisionError, ValueError, OverflowError) as exc:
        return None, f"no value at these inputs: {exc}"
    out.backward()
    return out, _gradients_text(out)


def draw_backpropagated(build, fig, **values):
    """Build the circuit from ``values``, backpropagate and draw it on ``fig``; return the
    readout, with later moves of the ``values`` relabelling the same diagram."""
    ax = fig.add_axes((0.01, 0.01, 0.98, 0.98))
    out, text = _backpropagated(build, values)
    if out is None:
        ax.set_axis_off()
        ax.text(0.5, 0.5, text.replace(": ", ":\n", 1), ha="center", va="center", fontsize=11)
        return text
    diagram = draw_diagram(out, ax)

    def update(**moved):
        out, text = _backpropagated(build, {n: moved[n] for n in values})
        if out is None or not relabel(diagram, out):
            return None                         # drawn anew
        return text, diagram.numbers            # only numbers change: no highlight here
    return InPlace(text, update, live=tuple(values))


def circuit_explorer(name="(x+y)*z"):
    """Sliders for the inputs of one of chapter 1's example circuits, drawn after backward."""
    build = CIRCUITS[name]
    controls = {n: slider(n, v) for n, v in defaults(build).items()}
    return Explorer(lambda fig, **values: draw_backpropagated(build, fig, **values), controls,
                    figsize=diagram_figsize([build()]), dpi=DPI)


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

        def build(**values):
            return ex.circuit(**{n: values[n] for n in ex.variables})
        return draw_backpropagated(build, fig, **values)
    figsize = diagram_figsize([ex.circuit() for ex in EXERCISES.values()])
    return Explorer(draw, controls, figsize=figsize, dpi=DPI)
