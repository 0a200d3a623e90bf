"""Pictures of recurrent networks: a character model's loss as training goes, and the size of
a gradient as it flows back through time."""
import numpy as np

from .axes import few_ticks, new_axes, title_text


def plot_char_loss(losses, ax=None, window=34, chance=None):
    """Each iteration's loss (light) and its moving average over ``window`` iterations, on a
    log scale; a dotted line at ``chance`` (the loss of a uniform guess, log V) if given.
    Returns the moving average."""
    ax = new_axes(ax)
    losses = np.asarray(losses, dtype=float)
    if losses.ndim != 1 or len(losses) < window or window < 1:
        raise ValueError(f"need a 1-D array of at least window = {window} losses, got shape "
                         f"{losses.shape}")
    smooth = np.convolve(losses, np.ones(window) / window, mode="valid")
    ax.semilogy(losses, color="tab:blue", alpha=0.25, lw=0.6, label="each iteration")
    ax.semilogy(np.arange(window - 1, len(losses)), smooth, color="tab:blue",
                label=f"mean of the last {window}")
    if chance is not None:
        ax.axhline(chance, color="0.5", ls=":", lw=1, label=f"uniform guess, log V = {chance:.2f}")
    ax.set(xlabel="iteration", ylabel="loss per character (log scale)")
    ax.legend(fontsize="small")
    return smooth


def plot_gradient_norms(curves, ax=None, title=None, decades=None, ylabel="||dL/dh_t||"):
    """Each curve of ``curves`` ({label: norms}) against the time step, on a log scale: norms[t]
    is the size of the gradient that reaches step t from a loss at the last step. The y axis
    spans the powers of ten ``decades`` = (low, high) if given (fixed ticks: fast redraws)."""
    ax = new_axes(ax)
    if not curves:
        raise ValueError("curves is empty: give at least one {label: norms}")
    for label, norms in curves.items():
        ax.plot(*_log_curve(norms), label=label)
    if decades is None:
        decades = np.floor(ax.get_ylim()[0]), np.ceil(ax.get_ylim()[1])
    lo, hi = int(decades[0]), int(decades[1])
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 1000) if (hi - lo) / s <= 5)  # few: cheap
    ticks = list(range(-(-lo // step) * step, hi + 1, step))
    ax.set_yticks(ticks, labels=[f"1e{k}" if k else "1" for k in ticks])
    ax.set_ylim(lo, hi)
    few_ticks(ax, xlim=(0, max(len(np.atleast_1d(n)) for n in curves.values()) - 1))
    ax.set(xlabel="time step t (the loss is at the last step)",
           ylabel=f"{ylabel} (log scale)")
    ax.legend(fontsize="small", loc="lower right")
    if title:
        title_text(ax, title)
    return ax


def set_gradient_norms(line, norms):
    """Move a curve of ``plot_gradient_norms`` (one of ``ax.lines``) to new ``norms``, in
    place; returns the line."""
    line.set_data(*_log_curve(norms))
    return line


def _log_curve(norms):
    """(time steps, log10 of the norms), the norms floored at 1e-300 (a log has no 0)."""
    norms = np.asarray(norms, dtype=float)
    return np.arange(len(norms)), np.log10(np.maximum(norms, 1e-300))
