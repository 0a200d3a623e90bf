"""Pictures of structured prediction: the trellis of a label sequence (positions across, labels
up, the unary scores as colours), every allowed step between neighbours, and a chosen path."""
import numpy as np
from matplotlib.collections import LineCollection

from .axes import new_axes, title_text


def _as_path(labels, length, n_labels, what):
    labels = np.asarray(labels)
    if labels.shape != (length,) or np.any(labels < 0) or np.any(labels >= n_labels):
        raise ValueError(f"{what} must be {length} labels in 0 .. {n_labels - 1}, got "
                         f"{labels.tolist()}")
    return labels.astype(int)


def plot_trellis(unary_scores, path=None, ax=None, truth=None, annotate=True, title=None,
                 limits=None, colorbar=False):
    """The trellis of ``unary_scores`` (T, K): one column per position, one row per label,
    coloured by score (colours from ``limits`` = (low, high), default the scores' range);
    grey steps between neighbouring positions; ``path`` (T labels) as a thick line and
    ``truth`` (T labels) as hollow circles; ``annotate`` writes each score in its box.
    Returns the path drawn (None if none)."""
    ax = new_axes(ax)
    unary_scores = np.asarray(unary_scores, dtype=float)
    if unary_scores.ndim != 2 or 0 in unary_scores.shape:
        raise ValueError(f"unary_scores must have shape (T, K) with T, K >= 1, got shape "
                         f"{unary_scores.shape}")
    t, k = unary_scores.shape
    lo, hi = limits if limits is not None else (unary_scores.min(), unary_scores.max())
    image = ax.imshow(unary_scores.T, origin="lower", cmap="Greens", vmin=lo, vmax=hi,
                      aspect="auto", extent=(-0.5, t - 0.5, -0.5, k - 0.5))
    steps = [((s, i), (s + 1, j)) for s in range(t - 1) for i in range(k) for j in range(k)]
    ax.add_collection(LineCollection(steps, colors="0.6", linewidths=0.5, zorder=1))
    if annotate:
        for (s, j), value in np.ndenumerate(unary_scores):   # in the box's corner, clear of
            dark = (value - lo) > 0.6 * (hi - lo)              # the steps; white on dark green
            ax.text(s - 0.45, j + 0.45, f"{value:.2g}", fontsize="small", ha="left", va="top",
                    color="white" if dark else "0.15")
    if truth is not None:
        truth = _as_path(truth, t, k, "truth")
        ax.plot(np.arange(t), truth, ls="none", marker="o", ms=13, mfc="none", mec="tab:red",
                mew=1.5, label="true labels", zorder=3)
    if path is not None:
        path = _as_path(path, t, k, "path")
        ax.plot(np.arange(t), path, color="tab:blue", lw=2.5, marker="o", ms=6,
                label="decoded path", zorder=4)
    every = -(-t // 8)                                # at most 8 position ticks: ticks are slow
    ax.set_xticks(range(0, t, every), labels=[str(s) for s in range(0, t, every)])
    ax.set_yticks(range(k), labels=[str(j) for j in range(k)])
    ax.set(xlabel="position t", ylabel="label", xlim=(-0.5, t - 0.5), ylim=(-0.5, k - 0.5))
    if title:
        title_text(ax, title)
    if colorbar:
        ax.figure.colorbar(image, ax=ax, label="unary score", fraction=0.04, pad=0.02)
    return path
