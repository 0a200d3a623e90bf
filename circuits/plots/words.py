"""Pictures of word vectors: words at their 2-D positions, some highlighted, some joined."""
import numpy as np
from matplotlib.collections import LineCollection

from .axes import new_axes, title_text

FOCUS, NEIGHBOUR, OTHER = "tab:red", "tab:blue", "0.55"


def plot_words(points, words, ax=None, highlight=(), focus=None, arrows=(), colors=None,
               title=None):
    """``words`` at ``points`` (N, 2), labelled: ``focus`` in red with a line to each word of
    ``highlight`` (blue), the others in ``colors[word]`` (default grey); ``arrows`` is a list
    of (from word, to word) drawn as arrows. Returns {word: point}."""
    ax = new_axes(ax, figsize=(7, 5))
    points = np.asarray(points, dtype=float)
    words = list(words)
    if points.shape != (len(words), 2):
        raise ValueError(f"points must have shape ({len(words)}, 2), one row per word; got "
                         f"{points.shape}")
    where = dict(zip(words, points))
    missing = [w for w in [*highlight, *([focus] if focus else []), *np.ravel(arrows)]
               if w not in where]
    if missing:
        raise ValueError(f"{missing[0]!r} is not among the {len(words)} words plotted")
    colors = colors or {}
    ax.scatter(points[:, 0], points[:, 1], s=12, c=[colors.get(w, OTHER) for w in words])
    marked = {*highlight, focus}
    for w, (x, y) in where.items():
        if w not in marked:
            ax.text(x, y, " " + w, fontsize=8, color=colors.get(w, OTHER), va="center")
    for start, end in arrows:
        ax.annotate("", xy=where[end], xytext=where[start],
                    arrowprops=dict(arrowstyle="->", color="0.3", lw=1.2))
    mark_words(ax, where, highlight, focus)
    pad = 0.08 * np.ptp(points, axis=0).max()
    ax.set(xlim=(points[:, 0].min() - pad, points[:, 0].max() + 3 * pad),
           ylim=(points[:, 1].min() - pad, points[:, 1].max() + pad),
           xlabel="first principal direction", ylabel="second principal direction")
    if title:
        title_text(ax, title)
    return where


def mark_words(ax, where, highlight=(), focus=None):
    """Over a map of words (``where``: {word: point}), ``focus`` in red joined to each word of
    ``highlight`` in blue, both in bold. Returns the artists drawn (to remove or redraw): the
    joins and each colour's points as one artist apiece, and a label per word."""
    highlight, drawn = list(highlight), []
    if focus and highlight:
        drawn.append(ax.add_collection(LineCollection(
            [[where[focus], where[w]] for w in highlight], colors=NEIGHBOUR, linewidths=0.8,
            alpha=0.6)))
    marked = [(w, NEIGHBOUR) for w in highlight] + ([(focus, FOCUS)] if focus else [])
    for color in (NEIGHBOUR, FOCUS):
        points = [where[w] for w, c in marked if c == color]
        if points:
            drawn += ax.plot(*np.transpose(points), "o", ms=4, color=color, zorder=5)
    for w, color in marked:
        drawn.append(ax.text(*where[w], " " + w, fontsize=9, color=color, va="center",
                             fontweight="bold", zorder=4,
                             bbox=dict(fc="white", ec="none", alpha=0.8, pad=0.5)))
    return drawn
