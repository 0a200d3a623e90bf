"""Explorers of a single gate: the sigmoid's slope, random search, the x*y landscape, the
error of a numerical derivative, and a step that is too big. Every slider is drawn in place:
the picture's frame is drawn once and only what follows the sliders is drawn again."""
import ipywidgets as W

from ..plots.single_gate import (h_error_frame, landscape_frame, random_search_frame,
                                 sigmoid_frame, wiggly_step_frame)
from .explorer import Explorer, InPlace, slider


def in_place(move, readout, **values):
    """What a draw returns for a frame's ``move`` driven by every control: ``readout(result,
    **values)`` is the text under the figure."""
    def update(**values):
        result, artists = move(**values)
        return readout(result, **values), artists
    return InPlace(update(**values)[0], update, live=tuple(values))


def sigmoid_explorer(x=0.0):
    """A slider for the input of a sigmoid gate; shows its output and local gradient."""
    def draw(fig, x):
        fig.subplots_adjust(left=0.08, right=0.8, bottom=0.15, top=0.88)
        return in_place(sigmoid_frame(fig.subplots()), readout, x=x)

    def readout(result, x):
        return f"sigmoid(x) = {result[0]:.4f}    d sigmoid / dx = {result[1]:.4f}"
    return Explorer(draw, {"x": W.FloatSlider(value=x, min=-8, max=8, step=0.1, description="x")},
                    figsize=(8.0, 3.6), dpi=100)


# chapter 1 ---------------------------------------------------------------------------------


def random_search_explorer(tweak_amount=0.01, tries=100, seed=0):
    """Random local search around (-2, 3): the tweak amount, the number of tries, the seed."""
    def draw(fig, tweak_amount, tries, seed):
        fig.subplots_adjust(left=0.16, right=0.86, bottom=0.18, top=0.93)   # the legend below
        return in_place(random_search_frame(fig.subplots(), -2.0, 3.0), readout,
                        tweak_amount=tweak_amount, tries=tries, seed=seed)

    def readout(result, **values):
        return "best_x = {:.4f}  best_y = {:.4f}  best_out = {:.4f}".format(*result)
    controls = {
        "tweak_amount": W.FloatLogSlider(value=tweak_amount, base=10, min=-3, max=0, step=0.1,
                                         description="tweak"),
        "tries": W.IntSlider(value=tries, min=1, max=1000, description="tries"),
        "seed": W.IntSlider(value=seed, min=0, max=20, description="seed"),
    }
    return Explorer(draw, controls, figsize=(7.0, 5.4), dpi=100)


def h_error_explorer(h=1e-4):
    """The error of a numerical derivative against its step h, on log-log axes."""
    def draw(fig, h):
        fig.subplots_adjust(left=0.12, right=0.78, bottom=0.13, top=0.91)
        return in_place(h_error_frame(fig.subplots()), readout, h=h)

    def readout(errors, h):
        return f"h = {h:.1e}    " + "   ".join(f"{k}: {v:.1e}" for k, v in errors.items())
    controls = {"h": W.FloatLogSlider(value=h, base=10, min=-14, max=0, step=0.25,
                                      description="h")}
    return Explorer(draw, controls, figsize=(8.5, 4.5), dpi=100)


def landscape_explorer(x=-2.0, y=3.0, step_size=0.01):
    """f(x, y) = x*y as a map, with the gradient arrow at (x, y) and where one step lands."""
    def draw(fig, x, y, step_size):
        fig.subplots_adjust(left=0.08, right=0.88, bottom=0.1, top=0.93)
        return in_place(landscape_frame(fig.subplots()), readout, x=x, y=y, step_size=step_size)

    def readout(result, x, y, step_size):
        new_x, new_y, out = result
        return (f"x*y = {x * y:.4f}   gradient (y, x) = ({y:.2f}, {x:.2f})   after the step: "
                f"x = {new_x:.4f}, y = {new_y:.4f}, x*y = {out:.4f}")
    controls = {"x": slider("x", x, -4, 4), "y": slider("y", y, -4, 4),
                "step_size": W.FloatSlider(value=step_size, min=0.0, max=1.0, step=0.01,
                                           description="step_size")}
    return Explorer(draw, controls, figsize=(6.5, 5.5), dpi=100)


def wiggly_step_explorer(step_size=0.05):
    """One gradient step on a wiggly function: a bigger step is not always better."""
    def draw(fig, step_size):
        fig.subplots_adjust(left=0.08, right=0.97, bottom=0.14, top=0.9, wspace=0.28)
        return in_place(wiggly_step_frame(fig.subplots(1, 2)), readout, step_size=step_size)

    def readout(result, step_size):
        return f"step_size = {step_size:.2f}: x = {result[0]:.3f}, output {result[1]:.4f}"
    controls = {"step_size": W.FloatSlider(value=step_size, min=0.0, max=1.0, step=0.01,
                                           description="step_size")}
    return Explorer(draw, controls, figsize=(10.0, 4.0), dpi=100)
