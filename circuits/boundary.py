"""Pure plot helpers for 2-D classifiers: shaded decision regions, margin lines, the data."""
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import MaxNLocator

POSITIVE, NEGATIVE = "tab:blue", "tab:red"


def score_function(model):
    """A function X (N, 2) -> scores (N,) for: a callable, anything with ``.scores(X)``,
    or an object with Units ``a, b, c`` (the guide's SVM)."""
    if hasattr(model, "scores"):
        return model.scores
    if all(hasattr(model, p) for p in "abc"):
        a, b, c = model.a.value, model.b.value, model.c.value
        return lambda X: a * X[:, 0] + b * X[:, 1] + c
    if callable(model):
        return model
    raise TypeError(f"cannot score points with a {type(model).__name__}: pass a function of X, "
                    "an object with .scores(X), or an SVM")


def limits(X, pad=0.5):
    """(xmin, xmax, ymin, ymax) around the points, with ``pad`` to spare."""
    X = np.asarray(X, float)
    lo, hi = X.min(axis=0) - pad, X.max(axis=0) + pad
    return lo[0], hi[0], lo[1], hi[1]


def grid(extent, n=60):
    """An n x n grid over ``extent`` (xmin, xmax, ymin, ymax): (xs, ys, points of shape (n*n, 2))."""
    xs, ys = np.linspace(extent[0], extent[1], n), np.linspace(extent[2], extent[3], n)
    xx, yy = np.meshgrid(xs, ys)
    return xs, ys, np.column_stack([xx.ravel(), yy.ravel()])


def _tick_values(lo, hi, n):
    values = MaxNLocator(nbins=n).tick_values(lo, hi)
    return [v + 0.0 for v in values if lo - 1e-9 <= v <= hi + 1e-9]    # + 0.0: no "-0"


def few_ticks(ax, xlim=None, ylim=None, n=3):
    """About ``n`` round ticks on each axis given a range, with fixed plain labels: automatic
    tick labels are the most expensive part of redrawing a small explorer figure."""
    for lim, set_ticks in ((xlim, ax.set_xticks), (ylim, ax.set_yticks)):
        if lim is not None:
            values = _tick_values(min(lim), max(lim), n)
            set_ticks(values, labels=[f"{v:.4g}" for v in values])


def plot_data(X, y, ax, size=30):
    """The points: +1 as blue dots, -1 as red squares."""
    for label, color, marker in ((1, POSITIVE, "o"), (-1, NEGATIVE, "s")):
        pts = X[y == label]
        ax.plot(pts[:, 0], pts[:, 1], ls="none", marker=marker, ms=np.sqrt(size), mfc=color,
                mec="k", mew=0.6, label=f"label {label:+d}", zorder=3)


def plot_boundary(model, X, y, ax=None, extent=None, n=60, legend=True, ticks=True):
    """Shade where ``model`` says +1 (blue) or -1 (red); solid line: score 0 (the decision
    boundary), dashed lines: scores +1 and -1 (the margin); then the data. Returns the grid scores.
    ``ticks=False`` leaves out the tick labels (an explorer redraws faster without them)."""
    ax = ax or plt.gca()
    X, y = np.asarray(X, float), np.asarray(y, float)
    extent = extent or limits(X)
    xs, ys, points = grid(extent, n)
    s = np.asarray(score_function(model)(points), float).reshape(n, n)
    ax.imshow(np.clip(s, -3, 3), origin="lower", extent=extent, cmap="RdBu", vmin=-3, vmax=3,
              alpha=0.6, aspect="auto")
    if s.min() < 1 and s.max() > -1:
        ax.contour(xs, ys, s, levels=[-1, 0, 1], colors="k", linestyles=["--", "-", "--"],
                   linewidths=[0.8, 1.5, 0.8])
    plot_data(X, y, ax)
    ax.set(xlim=extent[:2], ylim=extent[2:], xlabel="x", ylabel="y")
    if ticks:
        few_ticks(ax, extent[:2], extent[2:])
    else:
        ax.set(xticks=[], yticks=[])
    if legend:
        ax.legend(loc="best", fontsize="x-small", framealpha=0.8)
    return s


def plot_hidden_neuron(w, X, y, ax, extent=None, n=40, title=None):
    """One ReLU neuron relu(a*x + b*y + c): its activation (shaded where it fires), its line
    a*x + b*y + c = 0, and the data."""
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


def plot_curves(cost, acc, ax, iterations=None, now=None, legend=True):
    """Training accuracy (green) and the cost scaled by its largest value (purple), so both fit
    in [0, 1], against iteration; a dotted line at iteration ``now``. Without ``legend`` (faster
    to draw) the y label names the colours."""
    iterations = np.arange(len(cost)) if iterations is None else iterations
    cost = np.asarray(cost, float)
    top = cost.max() if cost.size and cost.max() > 0 else 1.0
    ax.plot(iterations, acc, color="tab:green", lw=1.2, label="training accuracy")
    ax.plot(iterations, cost / top, color="tab:purple", lw=1.2, label=f"cost / {top:.3g}")
    if now is not None:
        ax.axvline(now, color="0.4", lw=0.8, ls=":")
    ax.set(xlabel="iteration", ylim=(0, 1.05))
    few_ticks(ax, ax.get_xlim())
    ax.set_yticks([0, 0.5, 1], labels=["0", "0.5", "1"])
    if legend:
        ax.legend(loc="center right", fontsize="x-small")
    else:
        ax.set_ylabel(f"accuracy (green), cost / {top:.3g} (purple)", fontsize="small")


def plot_hidden_lines(W, top, X, y, ax, extent=None, n=50):
    """Every hidden neuron's line a*x + b*y + c = 0 on one plot, an arrow towards the side where
    it fires (labelled with its number and its weight in the score), shaded by how many fire."""
    W = np.asarray(W, float)
    extent = extent or limits(X)
    _, _, points = grid(extent, n)
    firing = (points @ W[:, :2].T + W[:, 2] > 0).sum(axis=1).reshape(n, n)
    ax.imshow(firing, origin="lower", extent=extent, cmap="Greens", vmin=0,
              vmax=max(len(W), 1), aspect="auto", alpha=0.7)
    centre = np.array([(extent[0] + extent[1]) / 2, (extent[2] + extent[3]) / 2])
    size = min(extent[1] - extent[0], extent[3] - extent[2])
    for j, ((a, b, c), v) in enumerate(zip(W, top)):
        normal = np.array([a, b])
        length = np.hypot(a, b)
        if length == 0:
            continue
        angle = 2 * np.pi * j / len(W)               # spread the labels around the centre
        near = centre + 0.3 * size * np.array([np.cos(angle), np.sin(angle)])
        foot = near - (normal @ near + c) / length ** 2 * normal   # nearest point on the line
        color = f"C{j % 10}"
        ax.axline(foot, foot + [-b, a], color=color, lw=1.3)
        tip = foot + 0.15 * size * normal / length
        ax.annotate("", tip, foot, arrowprops=dict(arrowstyle="->", color=color, lw=1.3))
        ax.text(*tip, f"{j + 1} ({v:+.1f})", color=color, fontsize="x-small", clip_on=True,
                bbox=dict(fc="white", alpha=0.7, lw=0, pad=1))
    plot_data(X, y, ax, size=12)
    ax.set(xlim=extent[:2], ylim=extent[2:], xlabel="x", ylabel="y")
    few_ticks(ax, extent[:2], extent[2:])
