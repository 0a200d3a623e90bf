"""Explorers of a single gate: the sigmoid's slope, random search, the x*y landscape, the
error of a numerical derivative, and a step that is too big."""
import ipywidgets as W

from ..plots.single_gate import (plot_h_error, plot_landscape, plot_random_search,
                                 plot_sigmoid, plot_wiggly_step)
from .explorer import Explorer, slider


def sigmoid_explorer(x=0.0):
    """A slider for the input of a sigmoid gate; shows its output and local gradient."""
    def draw(fig, x):
        fig.subplots_adjust(bottom=0.15)                    # room for the x label
        value, grad = plot_sigmoid(x, fig.subplots())
        return f"sigmoid(x) = {value:.4f}    d sigmoid / dx = {grad:.4f}"
    return Explorer(draw, {"x": W.FloatSlider(value=x, min=-8, max=8, step=0.1, description="x")})


# chapter 1 ---------------------------------------------------------------------------------


def random_search_explorer(tweak_amount=0.01, tries=100, seed=0):
    """Random local search around (-2, 3): the tweak amount, the number of tries, the seed."""
    def draw(fig, tweak_amount, tries, seed):
        fig.subplots_adjust(left=0.18, bottom=0.14)        # room for 5-digit ticks and labels
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
        fig.subplots_adjust(bottom=0.15)
        errors = plot_h_error(h, fig.subplots())
        return f"h = {h:.1e}    " + "   ".join(f"{k}: {v:.1e}" for k, v in errors.items())
    controls = {"h": W.FloatLogSlider(value=h, base=10, min=-14, max=0, step=0.25,
                                      description="h")}
    return Explorer(draw, controls, figsize=(6.0, 3.8))


def landscape_explorer(x=-2.0, y=3.0, step_size=0.01):
    """f(x, y) = x*y as a map, with the gradient arrow at (x, y) and where one step lands."""
    def draw(fig, x, y, step_size):
        fig.subplots_adjust(bottom=0.13)
        new_x, new_y, out = plot_landscape(x, y, step_size, fig.subplots())
        return (f"x*y = {x * y:.4f}   gradient (y, x) = ({y:.2f}, {x:.2f})   after the step: "
                f"x = {new_x:.4f}, y = {new_y:.4f}, x*y = {out:.4f}")
    controls = {"x": slider("x", x, -4, 4), "y": slider("y", y, -4, 4),
                "step_size": W.FloatSlider(value=step_size, min=0.0, max=1.0, step=0.01,
                                           description="step_size")}
    return Explorer(draw, controls, figsize=(4.6, 4.2))


def wiggly_step_explorer(step_size=0.05):
    """One gradient step on a wiggly function: a bigger step is not always better."""
    def draw(fig, step_size):
        fig.subplots_adjust(left=0.09, bottom=0.16)        # room for the axis labels
        x1, y1 = plot_wiggly_step(step_size, fig.subplots(1, 2))
        return f"step_size = {step_size:.2f}: x = {x1:.3f}, output {y1:.4f}"
    controls = {"step_size": W.FloatSlider(value=step_size, min=0.0, max=1.0, step=0.01,
                                           description="step_size")}
    return Explorer(draw, controls, figsize=(8.0, 3.6))
