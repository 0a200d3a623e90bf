"""Pictures for comparing optimisers on the quadratic bowl: paths over its contours, the distance
to its minimum against the predicted rates. (Loss curves: ``plots.monitoring.plot_costs``.)"""
import numpy as np

from ..optimization import CURVATURES, quadratic
from .axes import new_axes

COLOURS = ("tab:blue", "tab:orange", "tab:green", "tab:red", "tab:purple", "tab:brown")


LIMITS = ((-4.0, 4.0), (-2.0, 2.0))             # the picture's x1 and x2 ranges
LEVELS = tuple(0.02 * 2.0 ** k for k in range(9))   # f = 0.02, 0.04, ..., 5.12


def level_curves(curvatures=CURVATURES, levels=LEVELS, points=100):
    """The ellipses f(x) = c of the 2-D quadratic, one per level c, as rows of points with a row
    of NaN between ellipses (so one ``ax.plot`` draws them all)."""
    lam = np.asarray(curvatures, dtype=float)
    if lam.shape != (2,):
        raise ValueError(f"level curves are drawn for two curvatures, got {curvatures!r}")
    quadratic(np.zeros(2), lam)                              # checks they are positive
    angle = np.append(np.linspace(0.0, 2 * np.pi, points), np.nan)
    rows = [np.column_stack([np.sqrt(2 * c / lam[0]) * np.cos(angle),
                             np.sqrt(2 * c / lam[1]) * np.sin(angle)]) for c in levels]
    return np.concatenate(rows)


def plot_contours(ax=None, curvatures=CURVATURES, limits=LIMITS):
    """The level sets of the quadratic over ``limits``, its minimum marked."""
    ax = new_axes(ax)
    curves = level_curves(curvatures)
    ax.plot(curves[:, 0], curves[:, 1], color="0.75", lw=0.8)
    ax.plot(0, 0, "k*", ms=8)
    ax.set(xlim=limits[0], ylim=limits[1], xlabel="x1", ylabel="x2")
    return ax


def plot_paths(paths, ax=None, curvatures=CURVATURES, legend=True):
    """Each path of ``paths`` ({label: points of shape (T, 2)}) over the contours."""
    ax = plot_contours(ax, curvatures)
    for (label, points), colour in zip(paths.items(), COLOURS):
        ax.plot(points[:, 0], points[:, 1], ".-", color=colour, lw=1, ms=3, label=label)
    if legend:
        ax.legend(fontsize="small", loc="upper right")
    return ax


def plot_distances(paths, rates=None, ax=None):
    """Distance to the minimum along each path (log scale); dotted, the predicted rate of the
    same label (``rates``: {label: shrink per step}) from the same start."""
    ax = new_axes(ax)
    for (label, points), colour in zip(paths.items(), COLOURS):
        distance = np.linalg.norm(points, axis=1)
        ax.plot(distance, color=colour, lw=1.4, label=label)
        if rates and label in rates:
            steps = np.arange(len(distance))
            ax.plot(steps, distance[0] * rates[label] ** steps, ":", color=colour, lw=1.2,
                    label=f"predicted, {rates[label]:.3f} per step")
    ax.set(xlabel="iteration", ylabel="distance to the minimum", yscale="log")
    ax.legend(fontsize="small")
    return ax
