"""Ready-made explorers (sliders + picture) used by the notebooks."""
from functools import partial

import ipywidgets as W
import numpy as np

from .diagram import draw_circuit
from .examples import CIRCUITS, defaults
from .exercises import EXERCISES
from .strategy_plots import plot_h_error, plot_landscape, plot_random_search, plot_wiggly_step
from .unit import Unit, topological_order
from .widgets import Explorer


def plot_sigmoid(x, ax):
    """The sigmoid curve, the point at ``x`` and its tangent, whose slope is the local gradient."""
    u = Unit(x)
    s = u.sigmoid()
    s.backward()
    xs = np.linspace(-8, 8, 200)
    ax.plot(xs, 1 / (1 + np.exp(-xs)), color="0.3", label="sigmoid(x)")
    ax.plot(xs, s.value + u.grad * (xs - x), color="tab:red", lw=1, label="slope at x")
    ax.plot([x], [s.value], "o", color="tab:red")
    ax.set(xlim=(-8, 8), ylim=(-0.2, 1.2), xticks=[-8, -4, 0, 4, 8], yticks=[0, 0.5, 1],
           xlabel="x", ylabel="output",
           title=f"sigmoid({x:.2f}) = {s.value:.4f}, local gradient {u.grad:.4f}")
    ax.legend(loc="upper left", fontsize="small")
    return s.value, u.grad


def sigmoid_explorer(x=0.0):
    """A slider for the input of a sigmoid gate; shows its output and local gradient."""
    def draw(fig, x):
        value, grad = plot_sigmoid(x, fig.subplots())
        return f"sigmoid(x) = {value:.4f}    d sigmoid / dx = {grad:.4f}"
    return Explorer(draw, {"x": W.FloatSlider(value=x, min=-8, max=8, step=0.1, description="x")})


# chapter 1 ---------------------------------------------------------------------------------

def _slider(name, value, lo=-5.0, hi=5.0, step=0.1):
    return W.FloatSlider(value=value, min=lo, max=hi, step=step, description=name,
                         continuous_update=True)


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
    controls = {n: _slider(n, v) for n, v in defaults(build).items()}
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
    controls = {"expression": W.Dropdown(options=list(EXERCISES), value=name,
                                         description="expression")}
    controls.update({n: _slider(n, v) for n, v in sorted(start.items())})

    def draw(fig, expression, **values):
        ex = EXERCISES[expression]
        return draw_backpropagated(ex.circuit, fig, **{n: values[n] for n in ex.variables})
    return Explorer(draw, controls, figsize=(6.5, 3.0))


def random_search_explorer(tweak_amount=0.01, tries=100, seed=0):
    """Random local search around (-2, 3): the tweak amount, the number of tries, the seed."""
    def draw(fig, tweak_amount, tries, seed):
        best_x, best_y, best_out = plot_random_search(-2.0, 3.0, tweak_amount, tries, seed,
                                                      fig.subplots())
        return f"best_x = {best_x:.4f}  best_y = {best_y:.4f}  best_out = {best_out:.4f}"
    controls = {
        "tweak_amount": W.FloatLogSlider(value=tweak_amount, base=10, min=-3, max=0, step=0.1,
                                         description="tweak"),
        "tries": W.IntSlider(value=tries, min=1, max=1000, description="tries"),
        "seed": W.IntSlider(value=seed, min=0, max=20, description="seed"),
    }
    return Explorer(draw, controls, figsize=(5.0, 4.0))


def h_error_explorer(h=1e-4):
    """The error of a numerical derivative against its step h, on log-log axes."""
    def draw(fig, h):
        errors = plot_h_error(h, fig.subplots())
        return f"h = {h:.1e}    " + "   ".join(f"{k}: {v:.1e}" for k, v in errors.items())
    controls = {"h": W.FloatLogSlider(value=h, base=10, min=-14, max=0, step=0.25,
                                      description="h")}
    return Explorer(draw, controls, figsize=(6.0, 3.8))


def landscape_explorer(x=-2.0, y=3.0, step_size=0.01):
    """f(x, y) = x*y as a map, with the gradient arrow at (x, y) and where one step lands."""
    def draw(fig, x, y, step_size):
        new_x, new_y, out = plot_landscape(x, y, step_size, fig.subplots())
        return (f"x*y = {x * y:.4f}   gradient (y, x) = ({y:.2f}, {x:.2f})   after the step: "
                f"x = {new_x:.4f}, y = {new_y:.4f}, x*y = {out:.4f}")
    controls = {"x": _slider("x", x, -4, 4), "y": _slider("y", y, -4, 4),
                "step_size": W.FloatSlider(value=step_size, min=0.0, max=1.0, step=0.01,
                                           description="step_size")}
    return Explorer(draw, controls, figsize=(4.6, 4.2))


def wiggly_step_explorer(step_size=0.05):
    """One gradient step on a wiggly function: a bigger step is not always better."""
    def draw(fig, step_size):
        x1, y1 = plot_wiggly_step(step_size, fig.subplots(1, 2))
        return f"step_size = {step_size:.2f}: x = {x1:.3f}, output {y1:.4f}"
    controls = {"step_size": W.FloatSlider(value=step_size, min=0.0, max=1.0, step=0.01,
                                           description="step_size")}
    return Explorer(draw, controls, figsize=(8.0, 3.6))


EXPLORERS = (sigmoid_explorer, gate_explorer, random_search_explorer, h_error_explorer,
             landscape_explorer, wiggly_step_explorer, circuit_explorer, patterns_explorer,
             neuron_explorer, expression_explorer)
