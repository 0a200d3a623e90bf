"""Pictures for hyperparameter search and unbalanced data: the samples of a search over its
objective, scores along one hyperparameter, k-fold scores, accuracy against balanced accuracy."""
import numpy as np

from .axes import new_axes


def plot_samples(points, objective, bounds, ax=None, n=100):
    """Search points (M, 2) as dots over the shaded ``objective(a, b)`` (arrays in, array
    out) on the box ``bounds``; a tick on the lower edge under every point shows which values
    of the first parameter were tried."""
    ax = new_axes(ax)
    (a0, a1), (b0, b1) = bounds
    a, b = np.meshgrid(np.linspace(a0, a1, n), np.linspace(b0, b1, n))
    ax.imshow(objective(a, b), origin="lower", extent=(a0, a1, b0, b1), aspect="auto",
              cmap="Greens", alpha=0.8)
    points = np.asarray(points, float)
    ax.plot(points[:, 0], points[:, 1], "o", color="tab:blue", mec="k", ms=7, zorder=3)
    ax.plot(points[:, 0], np.full(len(points), b0), "|", color="tab:red", ms=18, mew=2,
            clip_on=False, zorder=4)
    ax.set(xlim=(a0, a1), ylim=(b0, b1), xlabel="important parameter",
           ylabel="unimportant parameter")
    return ax


def plot_scores(values, scores, bounds, ax=None, label="tried", colour="tab:blue",
                margin=0.1):
    """Score against the value of one hyperparameter, the best ringed; the outer ``margin`` of
    the range ``bounds`` shaded grey (a best there asks for a wider range)."""
    ax = new_axes(ax)
    values, scores = np.asarray(values, float), np.asarray(scores, float)
    lo, hi = bounds
    for start in (lo, hi - margin * (hi - lo)):
        ax.axvspan(start, start + margin * (hi - lo), color="0.85", lw=0)
    ax.plot(values, scores, "o", color=colour, ms=6, label=label)
    best = int(np.nanargmax(scores))
    ax.plot(values[best], scores[best], "o", mfc="none", mec="k", ms=13, mew=1.5)
    ax.set(xlabel="value tried", ylabel="score")
    return ax


def plot_folds(fold_scores, ax=None):
    """The score on every fold of each setting in ``fold_scores`` ({label: scores}): one dot
    per fold, a bar at the mean and a line one standard deviation either side."""
    ax = new_axes(ax)
    for k, (label, scores) in enumerate(fold_scores.items()):
        scores = np.asarray(scores, float)
        ax.plot(np.full(len(scores), k), scores, "o", color="tab:blue", alpha=0.6)
        ax.errorbar(k + 0.15, scores.mean(), yerr=scores.std(), fmt="_", color="k", ms=20,
                    capsize=4)
    ax.set_xticks(range(len(fold_scores)), labels=list(fold_scores))
    ax.set(xlim=(-0.5, len(fold_scores) - 0.5), ylabel="score on the held-out fold")
    return ax


def plot_balance(results, ax=None):
    """Grouped bars: for every remedy in ``results`` ({remedy: {measure: value}}) each
    measure (accuracy, balanced accuracy, minority recall, ...) between 0 and 1."""
    ax = new_axes(ax)
    measures = list(next(iter(results.values())))
    width = 0.8 / len(measures)
    colours = ("tab:blue", "tab:orange", "tab:green", "tab:red")
    for j, (measure, colour) in enumerate(zip(measures, colours)):
        ax.bar(np.arange(len(results)) + (j - (len(measures) - 1) / 2) * width,
               np.zeros(len(results)), width, color=colour, label=measure)
    set_balance(ax.patches[-len(results) * len(measures):], results)
    ax.set_xticks(range(len(results)), labels=list(results))
    ax.set(ylim=(0, 1.05), ylabel="share right")
    return ax


def set_balance(bars, results):
    """Give the bars of ``plot_balance`` the values of ``results`` (the same remedies and
    measures, in the same order); returns the bars."""
    values = [v[m] for m in next(iter(results.values())) for v in results.values()]
    if len(bars) != len(values):
        raise ValueError(f"{len(values)} values for {len(bars)} bars: give one per bar")
    for bar, value in zip(bars, values):
        bar.set_height(value)
    return list(bars)
