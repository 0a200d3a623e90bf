"""Pictures of a 2-D classifier: the labelled points and the decision regions with margins."""
import numpy as np
from matplotlib import colormaps
from matplotlib.colors import ListedColormap

from .axes import NEGATIVE, POSITIVE, frame_plane, new_axes


# red (-1) to blue (+1), never darker than a pastel, so points stay visible on any shade
SHADES = ListedColormap(0.45 + 0.55 * colormaps["RdBu"](np.linspace(0.1, 0.9, 256))[:, :3])


def score_function(model):
    """A function X (N, 2) -> scores (N,) for: a callable, or anything with ``.scores(X)``
    such as the guide's SVM or a ``Network``."""
    if hasattr(model, "scores"):
        return model.scores
    if callable(model):
        return model
    raise TypeError(f"cannot score points with a {type(model).__name__}: pass a function of X, "
                    "an object with .scores(X), or an SVM")


def limits(X, pad=0.5):
    """(xmin, xmax, ymin, ymax) around the points, with ``pad`` to spare."""
    X = np.asarray(X, float)
    lo, hi = X.min(axis=0) - pad, X.max(axis=0) + pad
    return lo[0], hi[0], lo[1], hi[1]


def covering(extent, X, pad=0.5):
    """``extent`` if it holds every point of X, else grown to hold them with ``pad`` to spare
    (just the points' ``limits`` when ``extent`` is None)."""
    X = np.asarray(X, float)
    if extent is not None and len(X) and (X.min(axis=0) >= extent[::2]).all() and \
            (X.max(axis=0) <= extent[1::2]).all():
        return tuple(extent)
    lo, hi = X.min(axis=0) - pad, X.max(axis=0) + pad
    if extent is not None:
        lo, hi = np.minimum(lo, extent[::2]), np.maximum(hi, extent[1::2])
    return lo[0], hi[0], lo[1], hi[1]


def grid(extent, n=60):
    """An n x n grid over ``extent`` (xmin, xmax, ymin, ymax): (xs, ys, points of shape (n*n, 2))."""
    xs, ys = np.linspace(extent[0], extent[1], n), np.linspace(extent[2], extent[3], n)
    xx, yy = np.meshgrid(xs, ys)
    return xs, ys, np.column_stack([xx.ravel(), yy.ravel()])


CLASSES = ((1, POSITIVE, "o"), (-1, NEGATIVE, "s"))     # label, colour, marker


def plot_data(X, y, ax=None, size=30):
    """The points: +1 as blue dots, -1 as red squares. Returns their two lines (+1, -1)."""
    ax = new_axes(ax)
    lines = []
    for label, color, marker in CLASSES:
        pts = X[y == label]
        lines += ax.plot(pts[:, 0], pts[:, 1], ls="none", marker=marker, ms=np.sqrt(size),
                         mfc=color, mec="k", mew=0.6, label=f"label {label:+d}", zorder=3)
    return lines


def set_points(lines, X, y):
    """Show the points X, y on the two lines ``plot_data`` returned, in place."""
    X, y = np.asarray(X, float), np.asarray(y, float)
    for line, (label, _, _) in zip(lines, CLASSES):
        line.set_data(X[y == label, 0], X[y == label, 1])


def plot_boundary(model, X, y, ax=None, extent=None, n=60, legend=True, ticks=True):
    """Shade where ``model`` says +1 (blue) or -1 (red); solid line: score 0 (the decision
    boundary), dashed lines: scores +1 and -1 (the margin); then the data. Returns the grid scores.
    ``ticks=False`` leaves out the tick labels. ``Boundary`` draws the same, to move in place."""
    return Boundary(model, X, y, ax, extent, n, legend, ticks).scores


class Boundary:
    """The picture of ``plot_boundary``, kept: ``update(model, X, y)`` shades it and draws its
    lines for another model (and moves the points) in place, the axes staying, and returns the
    artists it changed, with those drawn over them (points, frame, legend)."""

    def __init__(self, model, X, y, ax=None, extent=None, n=60, legend=True, ticks=True):
        self.ax = ax = new_axes(ax)
        X, y = np.asarray(X, float), np.asarray(y, float)
        self.extent = extent or limits(X)
        self.xs, self.ys, self.grid = grid(self.extent, n)
        self.image = ax.imshow(np.zeros((n, n)), origin="lower", extent=self.extent,
                               cmap=SHADES, vmin=-3, vmax=3, aspect="auto")
        self.margins, self.dots = None, []
        self.update(model)
        self.dots = plot_data(X, y, ax)
        frame_plane(ax, self.extent, ticks)
        if legend:
            ax.legend(loc="best", fontsize="x-small", framealpha=0.8)

    def update(self, model, X=None, y=None):
        """Shade and line the picture for ``model`` (and show the points X, y instead, if
        given); the artists that changed."""
        if X is not None:
            set_points(self.dots, X, y)
        n = len(self.xs)
        self.scores = s = np.asarray(score_function(model)(self.grid), float).reshape(n, n)
        self.image.set_data(np.clip(s, -3, 3))
        if self.margins is not None:
            self.margins.remove()
        self.margins = None
        if s.min() < 1 and s.max() > -1:
            self.margins = self.ax.contour(self.xs, self.ys, s, levels=[-1, 0, 1], colors="k",
                                           linestyles=["--", "-", "--"],
                                           linewidths=[0.8, 1.5, 0.8])
        over = [*self.dots, *self.ax.spines.values(), *filter(None, [self.ax.get_legend()])]
        return [self.image, *([] if self.margins is None else [self.margins]), *over]
