"""Training curves: accuracy and cost against iteration."""
import numpy as np

from .axes import few_ticks, new_axes


POINTS = 500    # at most this many points per curve: more than the pixels of a panel's width


def _curves(cost, acc, iterations):
    """(iterations, accuracy, cost / its largest value), every k-th point of long runs."""
    cost, acc = np.asarray(cost, float), np.asarray(acc, float)
    iterations = np.arange(len(cost)) if iterations is None else np.asarray(iterations)
    top = cost.max() if cost.size and cost.max() > 0 else 1.0
    every = -(-len(cost) // POINTS)
    return iterations[::every], acc[::every], cost[::every] / top


COST_NAME = "cost / its largest"      # the same for every run, so a new run is not relabelled


def plot_curves(cost, acc, ax=None, iterations=None, now=None, legend=True, span=None):
    """Training accuracy (green) and the cost scaled by its largest value (purple), so both fit
    in [0, 1], against iteration; a dotted line at iteration ``now``. Without ``legend`` the y
    label names the colours. ``span`` (first, last iteration) fixes the x axis whatever the
    curves cover. Returns a ``Curves``, to move them in place."""
    ax = new_axes(ax)
    iterations, acc, scaled = _curves(cost, acc, iterations)
    accuracy, = ax.plot(iterations, acc, color="tab:green", lw=1.2, label="training accuracy")
    cost_line, = ax.plot(iterations, scaled, color="tab:purple", lw=1.2, label=COST_NAME)
    marker = None if now is None else ax.axvline(now, color="0.4", lw=0.8, ls=":")
    if span is not None:
        pad = ax.margins()[0] * (span[1] - span[0])
        ax.set_xlim(span[0] - pad, span[1] + pad)
    ax.set(xlabel="iteration", ylim=(0, 1.05))
    few_ticks(ax, ax.get_xlim())
    ax.set_yticks([0, 0.5, 1], labels=["0", "0.5", "1"])
    if legend:
        ax.legend(loc="center right", fontsize="small", framealpha=0.8)
        ax.set_ylabel("accuracy, scaled cost")
    else:
        ax.set_ylabel(f"accuracy (green), {COST_NAME} (purple)", fontsize="small")
    return Curves(accuracy, cost_line, marker)


class Curves:
    """What ``plot_curves`` drew: ``update`` sets new curves and ``move`` the dotted line, in
    place (the axes and their labels stay); both return the artists they changed."""

    def __init__(self, accuracy, cost, now):
        self.accuracy, self.cost, self.now = accuracy, cost, now

    def update(self, cost, acc, iterations=None, now=None):
        """New curves, and the dotted line at ``now``."""
        iterations, acc, scaled = _curves(cost, acc, iterations)
        self.accuracy.set_data(iterations, acc)
        self.cost.set_data(iterations, scaled)
        return [self.accuracy, self.cost] + (self.move(now) if now is not None else [])

    def move(self, now):
        """The dotted line to iteration ``now``."""
        self.now.set_xdata([now, now])
        return [self.now]
