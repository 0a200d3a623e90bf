"""Pictures for the debugging checklist: the gradient check's worst relative error by parameter."""
import numpy as np

from .axes import new_axes


def plot_gradient_errors(errors, ax=None, tolerance=1e-5, floor=1e-12):
    """One bar per parameter: the worst relative error of ``errors`` ({name: error}) on a log
    scale (errors below ``floor`` drawn at it), red above ``tolerance``, a dotted line there."""
    ax = new_axes(ax)
    names = list(errors)
    values = np.maximum([errors[n] for n in names], floor)
    colours = ["tab:red" if v > tolerance else "tab:green" for v in values]
    ax.bar(names, values, color=colours, bottom=floor)
    ax.axhline(tolerance, color="0.3", ls=":", lw=1)
    ax.set(yscale="log", ylim=(floor, 10.0), xlabel="parameter", ylabel="worst relative error")
    return ax
