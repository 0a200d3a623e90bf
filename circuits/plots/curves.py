"""Training curves: accuracy and cost against iteration."""
import numpy as np

from .axes import few_ticks, new_axes


POINTS = 500    # at most this many points per curve: more than the pixels of a panel's width


def _curves(cost, acc, iterations):
    """(iterations, accuracy, cost / its largest value, that value), every k-th point of a
    long run."""
    cost, acc = np.asarray(cost, float), np.asarray(acc, float)
    iterations = np.arange(len(cost)) if iterations is None else np.asarray(iterations)
    top = cost.max() if cost.size and cost.max() > 0 else 1.0
    every = -(-len(cost) // POINTS)
    return iterations[::every], acc[::every], cost[::every] / top, top


def _cost_name(top, legend):
    return f"cost / {top:.3g}" if legend else f"accuracy (green), cost / {top:.3g} (purple)"


def plot_curves(cost, acc, ax=None, iterations=None, now=None, legend=True, span=None):
    """Training accuracy (green) and the cost scaled by its largest value (purple), so both fit
    in [0, 1], against iteration; a dotted line at iteration ``now``. Without ``legend`` (faster
    to draw) the y label names the colours. ``span`` (first, last iteration) fixes the x axis
    whatever the curves cover. Returns a ``Curves``, to move them in place."""
    ax = new_axes(ax)
    iterations, acc, scaled, top = _curves(cost, acc, iterations)
    accuracy, = ax.plot(iterations, acc, color="tab:green", lw=1.2, label="training accuracy")
    cost_line, = ax.plot(iterations, scaled, color="tab:purple", lw=1.2,
                         label=_cost_name(top, True))
    marker = None if now is None else ax.axvline(now, color="0.4", lw=0.8, ls=":")
    if span is not None:
        pad = ax.margins()[0] * (span[1] - span[0])
        ax.set_xlim(span[0] - pad, span[1] + pad)
    ax.set(xlabel="iteration", ylim=(0, 1.05))
    few_ticks(ax, ax.get_xlim())
    ax.set_yticks([0, 0.5, 1], labels=["0", "0.5", "1"])
    if legend:
        name = ax.legend(loc="center right", fontsize="small", framealpha=0.8).get_texts()[1]
        ax.set_ylabel("accuracy, scaled cost")
    else:
        name = ax.set_ylabel(_cost_name(top, False), fontsize="small")
    return Curves(accuracy, cost_line, marker, name, ax.get_legend() if legend else None)


class Curves:
    """What ``plot_curves`` drew: ``update`` sets new curves and ``move`` the dotted line, in
    place (the axes stay); both return the artists they changed."""

    def __init__(self, accuracy, cost, now, name, legend):
        self.accuracy, self.cost, self.now, self.name, self.legend = \
            accuracy, cost, now, name, legend

    def update(self, cost, acc, iterations=None, now=None):
        """New curves (and dotted line at ``now``); None when the y label would change (without
        a legend it names the cost's scale, and an axis label cannot be redrawn alone)."""
        iterations, acc, scaled, top = _curves(cost, acc, iterations)
        name = _cost_name(top, self.legend is not None)
        if self.legend is None and name != self.name.get_text():
            return None
        self.accuracy.set_data(iterations, acc)
        self.cost.set_data(iterations, scaled)
        self.name.set_text(name)
        changed = [self.accuracy, self.cost] + ([] if self.legend is None else [self.legend])
        return changed + (self.move(now) if now is not None else [])

    def move(self, now):
        """The dotted line to iteration ``now``."""
        self.now.set_xdata([now, now])
        return [self.now]
