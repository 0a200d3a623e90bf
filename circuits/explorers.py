"""Ready-made explorers (sliders + picture) used by the notebooks."""
import ipywidgets as W
import numpy as np

from .unit import Unit
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
    ax.set(xlim=(-8, 8), ylim=(-0.2, 1.2), xlabel="x", ylabel="output",
           title=f"sigmoid({x:.2f}) = {s.value:.4f}, local gradient {u.grad:.4f}")
    ax.legend(loc="upper left", fontsize="small")
    return s.value, u.grad


def sigmoid_explorer(x=0.0):
    """A slider for the input of a sigmoid gate; shows its output and local gradient."""
    def draw(fig, x):
        value, grad = plot_sigmoid(x, fig.subplots())
        return f"sigmoid(x) = {value:.4f}    d sigmoid / dx = {grad:.4f}"
    return Explorer(draw, {"x": W.FloatSlider(value=x, min=-8, max=8, step=0.1, description="x")})


EXPLORERS = (sigmoid_explorer,)
