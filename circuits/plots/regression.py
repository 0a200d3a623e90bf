"""Pictures of regression: a fitted curve through 1-D points, a fitted surface over 2-D points,
and the training and validation errors as the model grows."""
import numpy as np

from .axes import few_ticks, new_axes
from .classifier import grid


def _predictions(predict, X, rows):
    """``predict(X)`` as a flat array of ``rows`` numbers (a (rows, 1) output is flattened)."""
    out = np.asarray(predict(X), float)
    if out.size != rows:
        raise ValueError(f"predict gave an output of shape {out.shape} for {rows} points: "
                         f"need shape ({rows},) or ({rows}, 1)")
    return out.reshape(rows)


def plot_fit(x, t, predict, ax=None, truth=None, validation=None, span=None, n=200,
             label="prediction", legend=True):
    """The points (x, t) and the curve ``predict`` draws through them over ``span`` (default: the
    points' range); ``truth`` (a function) dashed, ``validation`` = (x, t) as hollow points.
    Returns (the x of the curve, its values)."""
    ax = new_axes(ax)
    x, t = np.asarray(x, float).reshape(-1), np.asarray(t, float)
    if t.shape != x.shape:
        raise ValueError(f"x has {x.size} values but t has shape {t.shape}: need one target "
                         "per point")
    lo, hi = span if span is not None else (x.min(), x.max())
    xs = np.linspace(lo, hi, n)
    ys = _predictions(predict, xs[:, None], n)
    if truth is not None:
        ax.plot(xs, truth(xs), color="0.5", ls="--", lw=1, label="true curve")
    if validation is not None:
        ax.plot(np.ravel(validation[0]), validation[1], ls="none", marker="o", ms=4, mfc="none",
                mec="0.55", label="validation points")
    ax.plot(x, t, ls="none", marker="o", ms=5, color="tab:blue", mec="k", mew=0.5,
            label="training points", zorder=3)
    ax.plot(xs, ys, color="tab:orange", lw=2, label=label)
    ax.set(xlabel="x", ylabel="target t")
    if legend:
        ax.legend(fontsize="small", loc="best")
    return xs, ys


def plot_surface(predict, ax=None, extent=(-1.0, 1.0, -1.0, 1.0), n=60, points=None,
                 limits=None, colorbar=True, title=None, label="value", cmap="viridis"):
    """``predict`` over a grid on ``extent`` as a picture with contour lines and (with
    ``colorbar``) a colour bar named ``label``; ``points`` (X of shape (N, 2)) as dots; colours
    from ``limits`` = (low, high) (default: the values' range). Returns the grid values."""
    ax = new_axes(ax)
    xs, ys, P = grid(extent, n)
    z = _predictions(predict, P, n * n).reshape(n, n)
    lo, hi = limits if limits is not None else (z.min(), z.max())
    image = ax.imshow(z, origin="lower", extent=extent, cmap=cmap, vmin=lo, vmax=hi,
                      aspect="auto")
    if z.max() > z.min():
        ax.contour(xs, ys, z, levels=np.linspace(lo, hi, 9)[1:-1], colors="w",
                   linewidths=0.6, alpha=0.7)
    if points is not None:
        points = np.asarray(points, float)
        ax.plot(points[:, 0], points[:, 1], ls="none", marker=".", ms=3, color="k")
    if colorbar:
        ax.figure.colorbar(image, ax=ax, label=label)
    ax.set(xlabel="x0", ylabel="x1", xlim=extent[:2], ylim=extent[2:])
    if title is not None:
        ax.set_title(title)
    return z


def plot_errors(sizes, training, validation, ax=None, now=None, noise=None, legend=True,
                top=None):
    """Training and validation errors (mean squared) against model size, sizes evenly spaced
    (1, 2, 4, ... read as a log scale); a dotted line at size ``now``, a dashed one at the noise
    variance ``noise`` squared; the y axis up to ``top`` (default: a little above the largest).
    Without ``legend`` (faster) the y label names the colours."""
    ax = new_axes(ax)
    sizes = list(sizes)
    if not len(sizes) == len(training) == len(validation):
        raise ValueError(f"need one error per size: {len(sizes)} sizes, {len(training)} "
                         f"training and {len(validation)} validation errors")
    if now is not None and now not in sizes:
        raise ValueError(f"now = {now} is not one of the sizes {sizes}")
    at = np.arange(len(sizes))
    ax.plot(at, training, marker="o", ms=4, color="tab:blue", label="training")
    ax.plot(at, validation, marker="s", ms=4, color="tab:red", label="validation")
    if noise is not None:
        ax.axhline(noise ** 2, color="0.5", lw=0.8, ls="--", label="noise variance")
    if now is not None:
        ax.axvline(sizes.index(now), color="0.4", lw=0.8, ls=":")
    if top is None:
        top = 1.1 * max(max(training), max(validation), 0 if noise is None else noise ** 2)
    ax.set(xlabel="hidden units", xlim=(-0.3, len(sizes) - 0.7), ylim=(0, top))
    ax.set_xticks(at, labels=[f"{s:g}" for s in sizes])
    few_ticks(ax, ylim=(0, top))
    if legend:
        ax.set_ylabel("mean squared error")
        ax.legend(fontsize="small", loc="upper right")
    else:
        ax.set_ylabel("error: training (blue), validation (red)", fontsize="small")
    return at
