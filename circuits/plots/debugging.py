"""Pictures for the debugging checklist: the gradient check's worst relative error by parameter."""
import numpy as np

from .axes import new_axes


def plot_gradient_errors(errors, ax=None, tolerance=1e-5, floor=1e-12):
    """One bar per parameter: the worst relative error of ``errors`` ({name: error}) on a log
    scale (errors below ``floor`` drawn at it), red above ``tolerance``, a dotted line there."""
    ax = new_axes(ax)
    ax.bar(list(errors), np.ones(len(errors)), bottom=floor)
    set_gradient_errors(ax.patches, errors, tolerance, floor)
    ax.axhline(tolerance, color="0.3", ls=":", lw=1)
    ax.set(yscale="log", ylim=(floor, 10.0), xlabel="parameter", ylabel="worst relative error")
    return ax


def set_gradient_errors(bars, errors, tolerance=1e-5, floor=1e-12):
    """Give the bars of ``plot_gradient_errors`` the heights and colours of ``errors`` (the
    same parameters, in the same order); returns the bars."""
    if len(bars) != len(errors):
        raise ValueError(f"{len(errors)} errors for {len(bars)} bars: give one per bar")
    for bar, error in zip(bars, errors.values()):
        value = max(error, floor)
        bar.set_height(value)
        bar.set_color("tab:red" if value > tolerance else "tab:green")
    return list(bars)
