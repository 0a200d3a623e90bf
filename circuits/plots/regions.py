"""Pictures of a multiclass classifier on 2-D points: a colour per class, shaded where the
classifier predicts that class, with the points coloured by their labels."""
import numpy as np
from matplotlib.colors import ListedColormap

from .axes import frame_plane, new_axes
from .classifier import grid, limits

CLASS_COLORS = ("tab:blue", "tab:orange", "tab:green", "tab:red", "tab:purple", "tab:brown",
                "tab:pink", "tab:gray", "tab:olive", "tab:cyan")
MARKERS = "os^Dv<>ph*"


def _labels(name, values, n_classes=None):
    """``values`` as an int array of class labels 0, 1, ... (below ``n_classes`` if given)."""
    values = np.asarray(values)
    if values.dtype.kind == "f" and np.all(values == np.round(values)):
        values = values.astype(int)
    if values.dtype.kind not in "iu":
        raise TypeError(f"{name} must be whole-number class labels, got dtype {values.dtype}")
    top = len(CLASS_COLORS) if n_classes is None else n_classes
    if values.size and (values.min() < 0 or values.max() >= top):
        raise ValueError(f"{name} must lie in 0 ... {top - 1}, got values from {values.min()} "
                         f"to {values.max()}")
    return values


def plot_points(X, y, ax=None, size=20):
    """The points, one colour and marker per class, labelled "class k" for a legend."""
    ax = new_axes(ax)
    X = np.asarray(X, float)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (N, 2), got {X.shape}")
    y = _labels("labels y", y)
    if y.shape != (len(X),):
        raise ValueError(f"y must hold one label per row of X: {len(X)} rows, y of shape {y.shape}")
    for k in np.unique(y):
        pts = X[y == k]
        ax.plot(pts[:, 0], pts[:, 1], ls="none", marker=MARKERS[k], ms=np.sqrt(size),
                mfc=CLASS_COLORS[k], mec="k", mew=0.5, label=f"class {k}", zorder=3)
    return ax


def move_points(ax, X, y):
    """Move the points ``plot_points`` drew on ``ax`` to X, y in place; returns their lines, or
    None when y holds other classes than those drawn (the legend would change)."""
    X, y = np.asarray(X, float), _labels("labels y", y)
    if X.ndim != 2 or X.shape[1] != 2 or y.shape != (len(X),):
        raise ValueError(f"need X of shape (N, 2) and N labels, got X of shape {X.shape} and "
                         f"y of shape {y.shape}")
    lines = [line for line in ax.lines if line.get_label().startswith("class ")]
    classes = np.unique(y)
    if [line.get_label() for line in lines] != [f"class {k}" for k in classes]:
        return None
    for line, k in zip(lines, classes):
        line.set_data(X[y == k, 0], X[y == k, 1])
    return lines


def plot_regions(predict, X, y, ax=None, extent=None, n=100, legend=True, ticks=True):
    """Shade the plane by the class ``predict`` (a function of points (M, 2), or anything with
    ``.predict``) gives each spot of an n x n grid; ``predict=None`` shows only the points.
    Returns the grid of predicted labels (n, n), or None."""
    ax = plot_points(X, y, ax)
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 2:
        raise ValueError(f"n (grid points per side) must be a whole number >= 2, got {n!r}")
    extent = tuple(extent) if extent is not None else limits(X, pad=0.2)
    labels = None
    if predict is not None:
        predict = getattr(predict, "predict", predict)
        if not callable(predict):
            raise TypeError(f"predict must be a function of points or have .predict, "
                            f"got a {type(predict).__name__}")
        points = grid(extent, n)[2]
        labels = _labels("the predictions", predict(points), len(CLASS_COLORS))
        if labels.shape != (n * n,):
            raise ValueError(f"predict gave shape {labels.shape} for {n * n} points; it must "
                             f"give one label per point")
        labels = labels.reshape(n, n)
        ax.imshow(labels, origin="lower", extent=extent, cmap=ListedColormap(CLASS_COLORS),
                  vmin=-0.5, vmax=len(CLASS_COLORS) - 0.5, alpha=0.35, aspect="auto",
                  interpolation="nearest")
    frame_plane(ax, extent, ticks)
    if legend:
        ax.legend(loc="upper right", fontsize="small", framealpha=0.8)
    return labels
