"""Pictures for watching training: loss curves, update-to-weight ratios, training against
validation cost, learning-rate schedules."""
import numpy as np

from .axes import new_axes

COLOURS = ("tab:blue", "tab:orange", "tab:green", "tab:red", "tab:purple", "tab:brown")


def plot_costs(curves, ax=None, log=True, legend=True):
    """One cost curve per entry of ``curves`` ({label: (iterations, costs)}), on a log scale
    unless ``log`` is False."""
    ax = new_axes(ax)
    for (label, (iterations, costs)), colour in zip(curves.items(), COLOURS):
        ax.plot(iterations, costs, color=colour, lw=1.4, label=label)
    ax.set(xlabel="iteration", ylabel="cost")
    if log:
        ax.set_yscale("log")
    if legend:
        ax.legend(fontsize="small")
    return ax


def plot_ratios(history, ax=None, names=None, target=1e-3):
    """The update-to-weight ratio of each parameter in ``names`` (default: the weights W...)
    recorded by ``fit(..., ratios=True)``, on a log scale, with a dotted line at ``target``."""
    if history.ratios is None:
        raise ValueError("this History has no ratios: train with fit(..., ratios=True)")
    ax = new_axes(ax)
    names = names or [name for name in history.ratios if name.startswith("W")]
    for name, colour in zip(names, COLOURS):
        ax.plot(history.iterations, history.ratios[name], ".-", color=colour, lw=1.4, ms=4,
                label=name)
    ax.axhline(target, color="0.3", ls=":", lw=1, label=f"{target:g}")
    ax.set(xlabel="iteration", ylabel="|update| / |weights|", yscale="log")
    ax.legend(fontsize="small")
    return ax


def plot_validation(history, ax=None):
    """Training and validation cost of a ``fit(..., validation=...)`` run, the gap shaded."""
    if history.validation_cost is None:
        raise ValueError("this History has no validation cost: train with "
                         "fit(..., validation=(X_val, y_val))")
    ax = new_axes(ax)
    its, train, held = history.iterations, history.cost, history.validation_cost
    ax.plot(its, train, color="tab:blue", lw=1.4, label="training cost")
    ax.plot(its, held, color="tab:red", lw=1.4, label="validation cost")
    ax.fill_between(its, train, held, color="tab:red", alpha=0.12, lw=0, label="the gap")
    best = int(np.argmin(held))
    ax.plot(its[best], held[best], "o", color="tab:red", ms=5,
            label=f"lowest validation cost (iteration {its[best]})")
    ax.set(xlabel="iteration", ylabel="cost")
    ax.legend(fontsize="small")
    return ax


def plot_schedules(schedules, iterations, ax=None, legend=True):
    """The learning rate of every schedule in ``schedules`` ({label: schedule}) over
    ``iterations`` steps."""
    ax = new_axes(ax)
    t = np.arange(iterations)
    for (label, schedule), colour in zip(schedules.items(), COLOURS):
        ax.plot(t, schedule(t), color=colour, lw=1.4, label=label)
    ax.set(xlabel="iteration", ylabel="learning rate", ylim=(0, None))
    if legend:
        ax.legend(fontsize="small")
    return ax
