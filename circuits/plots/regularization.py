"""Pictures for regularisation: a histogram of the weights on a log count axis with the exact
zeros as a bar of their own, each hidden unit's norm, training against validation accuracy."""
import numpy as np

from matplotlib.ticker import NullLocator

from .axes import few_ticks, new_axes

ZERO_COLOUR = "tab:red"


def weight_counts(weights, limit=None, bins=40):
    """The entries of ``weights`` (an array or a list of arrays) counted: (counts of the nonzero
    ones in ``bins`` equal bins over [-limit, limit], those beyond in the end bins; the bin
    edges; the number exactly 0). ``limit`` defaults to the largest |entry|."""
    if isinstance(weights, (list, tuple)):
        weights = np.concatenate([np.ravel(w) for w in weights])
    values = np.ravel(np.asarray(weights, float))
    if values.size == 0:
        raise ValueError("no weights to draw: weights is empty")
    if limit is None:
        limit = float(np.max(np.abs(values))) or 1.0
    edges = np.linspace(-float(limit), float(limit), bins + 1)
    nonzero = values[values != 0]
    counts = np.histogram(np.clip(nonzero, -limit, limit), edges)[0]
    return counts, edges, int(values.size - nonzero.size)


def plot_weight_histogram(weights, ax=None, bins=40, limit=None, color="tab:blue", label=None):
    """Histogram of the entries of ``weights`` (an array or a list of arrays) on a log count
    axis; the entries exactly 0 are a separate red bar at 0. Returns the number of zeros."""
    ax = new_axes(ax)
    counts, edges, zeros = weight_counts(weights, limit, bins)
    limit, size = edges[-1], counts.sum() + zeros
    bars = ax.bar(edges[:-1], np.zeros(bins), np.diff(edges), align="edge", color=color,
                  alpha=0.8)
    zero_bar = ax.bar(0.0, 0, width=limit / 20, color=ZERO_COLOUR)[0]
    set_weight_counts([*bars, zero_bar], counts, zeros)
    handles, labels = [bars[0]], [label or f"{counts.sum()} nonzero"]
    if zeros:
        handles.append(zero_bar)
        labels.append(f"{zeros} exactly 0")
    ax.legend(handles, labels, fontsize="small", loc="upper right")
    ax.set(ylim=(0.7, size * 1.5), yscale="log", xlim=(-limit, limit),
           xlabel="weight value", ylabel="count (log scale)")
    powers = 10 ** np.arange(int(np.log10(size * 1.5)) + 1)
    ax.set_yticks(powers, labels=[f"{p:d}" for p in powers])       # fixed: cheap to redraw
    ax.yaxis.set_minor_locator(NullLocator())
    few_ticks(ax, xlim=(-limit, limit))
    return zeros


def set_weight_counts(bars, counts, zeros):
    """Give the bars of ``plot_weight_histogram`` (the bins', then the zeros') new ``counts``
    and ``zeros`` (of ``weight_counts``, same bins; the legend stays); returns the bars."""
    *bins, zero_bar = bars
    if len(bins) != len(counts):
        raise ValueError(f"{len(counts)} counts for a histogram of {len(bins)} bins")
    for bar, count in zip(bins, counts):
        bar.set_height(count)
    zero_bar.set_height(zeros)
    zero_bar.set_visible(zeros > 0)
    return list(bars)


def plot_unit_norms(W, ax=None, color="tab:blue"):
    """A bar per unit: the length of its incoming weights (a column of W); units whose weights
    are all exactly 0 marked with a red cross. Returns how many are off."""
    ax = new_axes(ax)
    W = np.asarray(W, float)
    if W.ndim != 2:
        raise ValueError(f"W must be a weight matrix (n_in, n_units), got shape {W.shape}")
    norms = np.sqrt(np.sum(W * W, axis=0))
    units = np.arange(1, len(norms) + 1)
    off = norms == 0
    ax.bar(units, norms, color=color, label=f"{int((~off).sum())} units on")
    if off.any():
        ax.plot(units[off], np.zeros(off.sum()), "x", color=ZERO_COLOUR, ms=6, mew=1.5,
                label=f"{int(off.sum())} units off", clip_on=False)
    ax.set(xlabel="hidden unit", ylabel="norm of its incoming weights",
           xlim=(0.3, len(norms) + 0.7))
    ax.legend(fontsize="small", loc="upper right")
    return int(off.sum())


def plot_accuracies(histories, ax=None, colours=("tab:blue", "tab:orange", "tab:green")):
    """Training (solid) and validation (dashed) accuracy of each ``fit(..., validation=...)``
    run in ``histories`` ({label: History}), one colour per run."""
    ax = new_axes(ax)
    for (label, h), colour in zip(histories.items(), colours):
        if h.validation_accuracy is None:
            raise ValueError(f"run {label!r} has no validation accuracy: train with "
                             f"fit(..., validation=(X_val, y_val))")
        ax.plot(h.iterations, h.accuracy, color=colour, lw=1.4, label=f"{label}: training")
        ax.plot(h.iterations, h.validation_accuracy, color=colour, lw=1.4, ls="--",
                label=f"{label}: validation")
    ax.set(xlabel="iteration", ylabel="accuracy")
    ax.legend(fontsize="small", loc="lower right")
    return ax
