"""Pictures for comparing optimisers on the quadratic bowl: paths over its contours, the distance
to its minimum against the predicted rates. (Loss curves: ``plots.monitoring.plot_costs``.)"""
import numpy as np

from ..optimization import CURVATURES, quadratic
from .axes import new_axes

COLOURS = ("tab:blue", "tab:orange", "tab:green", "tab:red", "tab:purple", "tab:brown")


def contour_grid(curvatures=CURVATURES, limits=((-4.0, 4.0), (-2.0, 2.0)), n=60):
    """(x1, x2, f) on an n-by-n grid over ``limits``, ready for ``ax.contour``."""
    x1, x2 = np.meshgrid(np.linspace(*limits[0], n), np.linspace(*limits[1], n))
    return x1, x2, quadratic(np.stack([x1, x2], axis=-1), curvatures)


def plot_contours(grid=None, ax=None, levels=12):
    """The level sets of the quadratic (``grid`` from ``contour_grid``), its minimum marked."""
    ax = new_axes(ax)
    x1, x2, f = contour_grid() if grid is None else grid
    ax.contour(x1, x2, f, levels=np.geomspace(f.max() / 400, f.max(), levels), colors="0.75",
               linewidths=0.8)
    ax.plot(0, 0, "k*", ms=8)
    ax.set(xlim=(x1.min(), x1.max()), ylim=(x2.min(), x2.max()), xlabel="x1", ylabel="x2")
    return ax


def plot_paths(paths, grid=None, ax=None, legend=True):
    """Each path of ``paths`` ({label: points of shape (T, 2)}) over the contours."""
    ax = plot_contours(grid, ax)
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
