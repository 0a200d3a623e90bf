"""Training curves: accuracy and cost against iteration."""
import numpy as np

from .axes import few_ticks, new_axes


def plot_curves(cost, acc, ax=None, iterations=None, now=None, legend=True):
    """Training accuracy (green) and the cost scaled by its largest value (purple), so both fit
    in [0, 1], against iteration; a dotted line at iteration ``now``. Without ``legend`` (faster
    to draw) the y label names the colours."""
    ax = new_axes(ax)
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
        ax.legend(loc="center right", fontsize="small", framealpha=0.8)
        ax.set_ylabel("accuracy, scaled cost")
    else:
        ax.set_ylabel(f"accuracy (green), cost / {top:.3g} (purple)", fontsize="small")
