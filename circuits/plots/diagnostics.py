"""Pictures of what hidden units do: every layer's histogram of activations, the spread per
layer, and the share of dead ReLUs against the learning rate."""
import numpy as np
from matplotlib.collections import PolyCollection

from .axes import new_axes
from .monitoring import COLOURS


def histogram_rows(activations, bins=40, span=None):
    """(edges, counts): one histogram row per layer over the common range ``span`` (default:
    the largest |activation|, or [0, largest] when none is negative), each row a share of 1."""
    values = [np.ravel(a) for a in activations]
    if not values:
        raise ValueError("activations is empty: give at least one layer")
    if span is None:
        top = max(float(np.max(np.abs(v))) for v in values) or 1.0
        span = (0.0 if min(float(v.min()) for v in values) >= 0 else -top, top)
    edges = np.linspace(span[0], span[1], bins + 1)
    counts = np.array([np.histogram(np.clip(v, *span), bins, span)[0] / v.size   # even bins:
                       for v in values])                                          # fast
    return edges, counts


def plot_layer_histograms(activations, ax=None, bins=40, span=None, stds=True):
    """Every layer's histogram of activations, stacked: layer 1 at the bottom, each row scaled
    to its own tallest bar; with ``stds``, the layer's standard deviation written at the right.
    ``set_layer_histograms`` moves them to new activations."""
    ax = new_axes(ax, figsize=(6, 4))
    colours = [COLOURS[k % 2] for k in range(1, len(activations) + 1)]
    bars = ax.add_collection(PolyCollection([], facecolors=colours, edgecolors=colours, lw=0.5,
                                            alpha=0.8))
    set_layer_histograms(bars, *histogram_rows(activations, bins, span))
    if stds:
        for k, a in enumerate(activations, start=1):
            ax.text(1.02, k + 0.1, f"std {np.std(a):.2g}", transform=ax.get_yaxis_transform(),
                    fontsize="small", color="0.3")
    ax.set(xlabel="activation", ylabel="layer", ylim=(0.8, len(activations) + 1))
    ax.set_yticks(range(1, len(activations) + 1))
    return ax


def set_layer_histograms(bars, edges, counts):
    """Show new histogram rows (``edges``, ``counts``: see ``histogram_rows``, one row per
    layer as before) on the ``bars`` that ``plot_layer_histograms`` drew (its PolyCollection),
    in place, their axes' x range over the edges; returns the bars."""
    x = np.repeat(edges, 2)                          # the outline of the bars, as one polygon
    outlines = []
    for k, row in enumerate(counts, start=1):
        tops = k + 0.85 * row / (row.max() or 1.0)
        outlines.append(np.column_stack([x, np.concatenate([[k], np.repeat(tops, 2), [k]])]))
    bars.set_verts(outlines)
    bars.axes.set_xlim(edges[0], edges[-1])
    return bars


def plot_layer_stds(stds, ax=None, legend=True):
    """The standard deviation of the activations at every layer, one line per entry of ``stds``
    ({label: stds}), on a log scale."""
    ax = new_axes(ax)
    for (label, s), colour in zip(stds.items(), COLOURS):
        s = np.asarray(s, float)
        ax.plot(np.arange(1, len(s) + 1), s, "o-", color=colour, ms=4, lw=1.4, label=label)
    ax.set(xlabel="layer", ylabel="std of the activations", yscale="log")
    if legend:
        ax.legend(fontsize="small")
    return ax


def plot_dead_fractions(rates, dead, accuracy, chance, ax=None):
    """The share of dead hidden units and the training accuracy after training at each
    learning rate (log scale), with a dotted line at chance accuracy."""
    ax = new_axes(ax)
    ax.plot(rates, dead, "o-", color="tab:red", lw=1.4, label="dead hidden units")
    ax.plot(rates, accuracy, "s-", color="tab:blue", lw=1.4, label="training accuracy")
    ax.axhline(chance, color="0.3", ls=":", lw=1, label=f"chance ({chance:.2g})")
    ax.set(xscale="log", xlabel="learning rate", ylabel="share", ylim=(-0.03, 1.03))
    ax.legend(fontsize="small")
    return ax


def plot_dead_over_training(curves, ax=None):
    """The share of dead hidden units against the iteration, one line per entry of ``curves``
    ({label: (iterations, fractions)})."""
    ax = new_axes(ax)
    for (label, (iterations, fractions)), colour in zip(curves.items(), COLOURS):
        ax.plot(iterations, fractions, color=colour, lw=1.4, label=label)
    ax.set(xlabel="iteration", ylabel="share of dead hidden units", ylim=(-0.03, 1.03))
    ax.legend(fontsize="small")
    return ax
