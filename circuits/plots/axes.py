"""What every plot helper shares: the ``ax=None`` convention, colours, cheap ticks and titles."""
import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator

POSITIVE, NEGATIVE = "tab:blue", "tab:red"     # the colours of labels +1 and -1


def new_axes(ax=None, figsize=None, rect=None):
    """``ax`` itself, or (when None) the axes of a new pyplot figure of ``figsize`` inches,
    filling ``rect`` (left, bottom, width, height in figure fractions) if given."""
    if ax is not None:
        return ax
    fig = plt.figure(figsize=figsize)
    return fig.add_axes(rect) if rect is not None else fig.add_subplot()


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


def frame_plane(ax, extent, ticks=True):
    """The x-y plane over ``extent`` (xmin, xmax, ymin, ymax): limits, axis names, and a few
    round ticks (``ticks=False`` leaves them out: an explorer redraws faster without them)."""
    ax.set(xlim=extent[:2], ylim=extent[2:], xlabel="x", ylabel="y")
    if ticks:
        few_ticks(ax, extent[:2], extent[2:])
    else:
        ax.set(xticks=[], yticks=[])


def title_text(ax, text):
    """A title as plain axes text (returned, to be changed in place): ``set_title``
    re-measures the tick labels on every draw."""
    return ax.text(0.5, 1.02, text, transform=ax.transAxes, ha="center", va="bottom")
