"""Training curves: accuracy and cost against iteration."""
import numpy as np

from .axes import few_ticks, new_axes


POINTS = 500    # at most this many points per curve: more than the pixels of a panel's width
LEGEND_BAND = 1.25   # the y axis goes this high, the curves at most to 1: the legend goes above


def _curves(cost, acc, iterations):
    """(iterations, accuracy, cost / its largest value, that value), every k-th point of a
    long run."""
    cost, acc = np.asarray(cost, float), np.asarray(acc, float)
    iterations = np.arange(len(cost)) if iterations is None else np.asarray(iterations)
    top = cost.max() if cost.size and cost.max() > 0 else 1.0
    every = -(-len(cost) // POINTS)
    return iterations[::every], acc[::every], cost[::every] / top, top


COST_NAME = "cost / its largest"      # the legend's label: the same for every run


def _axis_name(top):
    """The y label without a legend: the colours, and the cost's scale."""
    return f"accuracy (green), cost / {top:.3g} (purple)"


def plot_curves(cost, acc, ax=None, iterations=None, now=None, legend=True, span=None):
    """Training accuracy (green) and the cost scaled by its largest value (purple), so both fit
    in [0, 1], against iteration; a dotted line at iteration ``now``. The legend sits in a band
    above 1, where no curve goes, so curves moved in place never cover it. Without ``legend``
    the y label names the colours and the cost's scale. ``span`` (first, last iteration) fixes
    the x axis whatever the curves cover. Returns a ``Curves``, to move them in place."""
    ax = new_axes(ax)
    iterations, acc, scaled, top = _curves(cost, acc, iterations)
    accuracy, = ax.plot(iterations, acc, color="tab:green", lw=1.2, label="training accuracy")
    cost_line, = ax.plot(iterations, scaled, color="tab:purple", lw=1.2, label=COST_NAME)
    ceiling = LEGEND_BAND if legend else 1.05
    marker = None if now is None else \
        ax.axvline(now, ymax=1.05 / ceiling, color="0.4", lw=0.8, ls=":")
    if span is not None:
        pad = ax.margins()[0] * (span[1] - span[0])
        ax.set_xlim(span[0] - pad, span[1] + pad)
    ax.set(xlabel="iteration", ylim=(0, ceiling))
    few_ticks(ax, ax.get_xlim())
    ax.set_yticks([0, 0.5, 1], labels=["0", "0.5", "1"])
    if legend:
        ax.legend(loc="upper center", ncols=2, fontsize="small", frameon=False)
        ax.set_ylabel("accuracy, scaled cost")
        name = None
    else:
        name = ax.set_ylabel(_axis_name(top), fontsize="small")
    return Curves(accuracy, cost_line, marker, name)


class Curves:
    """What ``plot_curves`` drew: ``update`` sets new curves and ``move`` the dotted line, in
    place (the axes stay); both return the artists they changed."""

    def __init__(self, accuracy, cost, now, name):
        self.accuracy, self.cost, self.now, self.name = accuracy, cost, now, name

    def update(self, cost, acc, iterations=None, now=None):
        """New curves (and dotted line at ``now``); None when the y label would change (without
        a legend it names the cost's scale, and an axis label cannot be redrawn alone)."""
        iterations, acc, scaled, top = _curves(cost, acc, iterations)
        if self.name is not None and _axis_name(top) != self.name.get_text():
            return None
        self.accuracy.set_data(iterations, acc)
        self.cost.set_data(iterations, scaled)
        return [self.accuracy, self.cost] + (self.move(now) if now is not None else [])

    def move(self, now):
        """The dotted line to iteration ``now``."""
        self.now.set_xdata([now, now])
        return [self.now]
