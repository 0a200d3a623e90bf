"""Pictures of hidden ReLU neurons: where each fires, and its line on the plane."""
import numpy as np

from .axes import frame_plane, new_axes
from .classifier import grid, limits, plot_data


def plot_hidden_neuron(w, X, y, ax=None, extent=None, n=40, title=None):
    """One ReLU neuron relu(a*x + b*y + c): its activation (shaded where it fires), its line
    a*x + b*y + c = 0, and the data."""
    ax = new_axes(ax)
    extent = extent or limits(X)
    xs, ys, points = grid(extent, n)
    pre = (points @ np.asarray(w[:2], float) + w[2]).reshape(n, n)
    act = np.maximum(0.0, pre)
    ax.imshow(act, origin="lower", extent=extent, cmap="Greens", aspect="auto",
              vmin=0, vmax=max(act.max(), 1e-9))
    if pre.max() > 0 > pre.min():
        ax.contour(xs, ys, pre, levels=[0], colors="darkgreen", linewidths=1.2)
    plot_data(X, y, ax, size=12)
    ax.set(xlim=extent[:2], ylim=extent[2:], xticks=[], yticks=[])
    ax.set_title(title or f"{w[0]:+.2f}x {w[1]:+.2f}y {w[2]:+.2f}", fontsize="small")


def plot_hidden_lines(W, top, X, y, ax=None, extent=None, n=50):
    """Every hidden neuron's line a*x + b*y + c = 0 on one plot, an arrow towards the side where
    it fires (labelled with its number and its weight in the score), shaded by how many fire.
    Returns a ``HiddenLines``, to draw other neurons in place."""
    return HiddenLines(W, top, X, y, ax, extent, n)


class HiddenLines:
    """The picture of ``plot_hidden_lines``, kept: ``update(W, top)`` draws other neurons in
    place (the axes stay) and returns the artists it changed, with the points over them."""

    def __init__(self, W, top, X, y, ax=None, extent=None, n=50):
        self.ax = ax = new_axes(ax)
        self.extent = extent or limits(X)
        _, _, self.grid = grid(self.extent, n)
        self.image = ax.imshow(np.zeros((n, n)), origin="lower", extent=self.extent,
                               cmap="Greens", aspect="auto", alpha=0.7)
        self.marks, self.dots = [], []
        self.update(W, top)
        self.dots = plot_data(X, y, ax, size=12)
        frame_plane(ax, self.extent)

    def update(self, W, top):
        """Shade and draw the neurons of W (rows a, b, c) with top weights ``top``."""
        W, n = np.asarray(W, float), self.image.get_array().shape[0]
        firing = (self.grid @ W[:, :2].T + W[:, 2] > 0).sum(axis=1).reshape(n, n)
        self.image.set_data(firing)
        self.image.set_clim(0, max(len(W), 1))
        for mark in self.marks:
            mark.remove()
        self.marks = []
        extent, ax = self.extent, self.ax
        centre = np.array([(extent[0] + extent[1]) / 2, (extent[2] + extent[3]) / 2])
        size = min(extent[1] - extent[0], extent[3] - extent[2])
        for j, ((a, b, c), v) in enumerate(zip(W, top)):
            normal = np.array([a, b])
            length = np.hypot(a, b)
            if length == 0:
                continue
            angle = 2 * np.pi * j / len(W)               # spread the labels around the centre
            near = centre + 0.3 * size * np.array([np.cos(angle), np.sin(angle)])
            foot = near - (normal @ near + c) / length ** 2 * normal   # nearest point on line
            color = f"C{j % 10}"
            tip = foot + 0.15 * size * normal / length
            self.marks += [
                ax.axline(foot, foot + [-b, a], color=color, lw=1.3),
                ax.annotate("", tip, foot, arrowprops=dict(arrowstyle="->", color=color, lw=1.3)),
                ax.text(*self._inside(tip), f"{j + 1} ({v:+.1f})", color=color,
                        fontsize="small", clip_on=True, ha="right" if tip[0] > centre[0] else "left",
                        va="top" if tip[1] > centre[1] else "bottom",
                        bbox=dict(fc="white", alpha=0.7, lw=0, pad=1))]
        return [self.image, *self.marks, *self.dots, *ax.spines.values()]

    def _inside(self, point, margin=0.02):
        """``point`` moved just inside the pictured plane, so its label is never cut off."""
        x0, x1, y0, y1 = self.extent
        dx, dy = margin * (x1 - x0), margin * (y1 - y0)
        return np.clip(point[0], x0 + dx, x1 - dx), np.clip(point[1], y0 + dy, y1 - dy)
