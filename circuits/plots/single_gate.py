"""Pictures of a single gate: the sigmoid and its slope, random search, the x*y landscape,
the error of a numerical derivative against h, and a step that is too big."""
from functools import lru_cache

import matplotlib.pyplot as plt
import numpy as np

from ..strategies import (difference_errors, random_local_search, step_along_slope, wiggly,
                          wiggly_slope)
from ..unit import Unit
from .axes import new_axes, title_text

LIMIT = 4.0          # the landscape shows -LIMIT <= x, y <= LIMIT
WIGGLY_X0 = 0.5      # where the wiggly function's numerical derivative is taken
STEP_X0 = 0.0        # where the wiggly function's gradient step starts


def plot_sigmoid(x, ax=None):
    """The sigmoid curve, the point at ``x`` and its tangent, whose slope is the local gradient."""
    ax = new_axes(ax)
    u = Unit(x)
    s = u.sigmoid()
    s.backward()
    xs = np.linspace(-8, 8, 200)
    ax.plot(xs, 1 / (1 + np.exp(-xs)), color="0.3", label="sigmoid(x)")
    ax.plot(xs, s.value + u.grad * (xs - x), color="tab:red", lw=1, label="slope at x")
    ax.plot([x], [s.value], "o", color="tab:red")
    ax.set(xlim=(-8, 8), ylim=(-0.2, 1.2), xticks=[-8, -4, 0, 4, 8], yticks=[0, 0.5, 1],
           xlabel="x", ylabel="output",
           title=f"sigmoid({x:.2f}) = {s.value:.4f}, local gradient {u.grad:.4f}")
    ax.legend(loc="upper left", fontsize="small")
    return s.value, u.grad


def multiply(x, y):
    """The single gate, on floats or numpy arrays."""
    return x * y


def plot_random_search(x, y, tweak_amount, tries, seed, ax=None):
    """Every random try around (x, y), coloured by the output x*y, with the best one circled."""
    ax = new_axes(ax)
    rng = np.random.default_rng(seed)
    best_x, best_y, best_out, tried = random_local_search(multiply, x, y, tweak_amount, tries, rng)
    ax.scatter(tried[:, 0], tried[:, 1], c=tried[:, 2], cmap="viridis", s=12)
    ax.plot([x], [y], "k+", ms=12, mew=2, label=f"start: x*y = {x * y:.4f}")
    ax.plot([best_x], [best_y], "o", mfc="none", mec="tab:red", ms=12, mew=2,
            label=f"best: x*y = {best_out:.4f}")
    pad = 1.15 * tweak_amount
    ax.set(xlim=(x - pad, x + pad), ylim=(y - pad, y + pad), xlabel="x", ylabel="y")
    title_text(ax, f"{tries} random tries, yellow = higher output")
    ax.legend(loc="lower left", fontsize="small")
    return best_x, best_y, best_out


@lru_cache(maxsize=1)
def _landscape_grid(n=81):
    xs = np.linspace(-LIMIT, LIMIT, n)
    return xs, multiply(xs[None, :], xs[:, None])


def plot_landscape(x, y, step_size, ax=None):
    """f(x, y) = x*y as a map, the gradient arrow (y, x) at (x, y) and where one step lands."""
    ax = new_axes(ax)
    xs, f = _landscape_grid()
    ax.imshow(f, extent=(-LIMIT, LIMIT, -LIMIT, LIMIT), origin="lower", cmap="RdBu_r",
              vmin=-LIMIT ** 2, vmax=LIMIT ** 2, interpolation="bilinear")
    ax.contour(xs, xs, f, levels=[-8, -4, -1, 0, 1, 4, 8], colors="0.4", linewidths=0.6)
    dx, dy = y, x                                   # the gradient of x*y
    new_x, new_y = x + step_size * dx, y + step_size * dy
    ax.annotate("", xy=(x + 0.25 * dx, y + 0.25 * dy), xytext=(x, y),
                arrowprops=dict(arrowstyle="->", color="k", lw=1.8))
    ax.plot([x], [y], "ko", ms=5)
    ax.plot([new_x], [new_y], "o", mfc="none", mec="k", ms=8)
    ax.set(xlim=(-LIMIT, LIMIT), ylim=(-LIMIT, LIMIT), xlabel="x", ylabel="y",
           xticks=[-4, -2, 0, 2, 4], yticks=[-4, -2, 0, 2, 4])
    title_text(ax, f"x*y: {x * y:.4f} here, {new_x * new_y:.4f} after the step (circle)")
    return new_x, new_y, new_x * new_y


def h_errors(hs):
    """The three error curves of :func:`plot_h_error` for steps ``hs``: x*y's forward difference
    in x at (-2, 3), and the wiggly function's forward and centred differences at WIGGLY_X0."""
    product, _ = difference_errors(lambda x: multiply(x, 3.0), 3.0, -2.0, hs)
    forward, centred = difference_errors(wiggly, wiggly_slope(WIGGLY_X0), WIGGLY_X0, hs)
    return {"x*y, forward": product, "wiggly, forward": forward, "wiggly, centred": centred}


@lru_cache(maxsize=1)
def _h_curves():
    hs = np.logspace(-14, 0, 141)
    return hs, h_errors(hs)


def plot_h_error(h, ax=None):
    """Error of the numerical derivative against h on log-log axes, with a marker at ``h``."""
    ax = new_axes(ax)
    hs, curves = _h_curves()
    at_h = h_errors(np.array([h]))
    for (label, errors), colour in zip(curves.items(), ("0.5", "tab:blue", "tab:orange")):
        ax.loglog(hs, np.maximum(errors, 1e-17), color=colour, label=label)
        ax.plot([h], [max(at_h[label][0], 1e-17)], "o", color=colour)
    ax.axvline(h, color="k", lw=0.6)
    ax.set(xlabel="h", ylabel="|numerical - true derivative|", ylim=(1e-17, 10))
    ax.minorticks_off()
    for axis, powers in ((ax.xaxis, range(-14, 1, 3)), (ax.yaxis, range(-16, 1, 4))):
        # plain labels: the default $10^{n}$ ones cost a mathtext layout each, every redraw
        axis.set_ticks([10.0 ** p for p in powers], labels=[f"1e{p}" for p in powers])
    title_text(ax, "too big: truncation error; too small: round-off")
    ax.legend(loc="upper center", fontsize="small")
    return {label: float(errors[0]) for label, errors in at_h.items()}


@lru_cache(maxsize=1)
def _wiggly_curves():
    xs = np.linspace(-1.0, 3.0, 200)
    steps = np.linspace(0.0, 1.0, 200)
    return xs, wiggly(xs), steps, step_along_slope(STEP_X0, steps)[1]


def plot_wiggly_step(step_size, axes=None):
    """Left: one gradient step on the wiggly function from STEP_X0. Right: the output after one
    step for every step size, the current one marked."""
    if axes is None:
        axes = plt.figure(figsize=(9, 3.5)).subplots(1, 2)
    left, right = axes
    x0 = STEP_X0
    xs, ys, steps, after = _wiggly_curves()
    x1, y1 = step_along_slope(x0, step_size)
    left.plot(xs, ys, color="0.3")
    left.plot(xs, wiggly(x0) + wiggly_slope(x0) * (xs - x0), color="tab:red", lw=0.8,
              label="slope at x0")
    left.plot([x0], [wiggly(x0)], "ko", label="x0")
    left.plot([x1], [y1], "o", color="tab:orange", label="after the step")
    left.set(xlim=(-1, 3), ylim=(-2, 3), xlabel="x", ylabel="f(x) = sin(3x) + x/2",
             xticks=[-1, 0, 1, 2, 3], yticks=[-2, 0, 2])
    title_text(left, "one step along the slope")
    left.legend(loc="upper left", fontsize="small")
    right.plot(steps, after, color="tab:orange")
    right.axhline(wiggly(x0), color="0.5", lw=0.8, ls="--")
    right.text(0.98, wiggly(x0) + 0.05, "before the step", ha="right", va="bottom", color="0.4")
    right.plot([step_size], [y1], "o", color="tab:orange")
    right.set(xlabel="step_size", ylabel="output after one step", xlim=(0, 1), ylim=(-1.5, 2.6),
              xticks=[0, 0.5, 1], yticks=[-1, 0, 1, 2])
    title_text(right, "bigger is not always better")
    return float(x1), float(y1)


def plot_random_directions(dimensions, best_cosine, uphill, ax=None):
    """Against the number of inputs: the best cosine with the gradient among random pokes, and
    the fraction of pokes that point uphill at all."""
    ax = new_axes(ax)
    ax.semilogx(dimensions, best_cosine, "o-", color="tab:red", label="best cosine of the pokes")
    ax.semilogx(dimensions, uphill, "s--", color="tab:blue", label="fraction pointing uphill")
    ax.set(ylim=(0, 1.05), xlabel="number of inputs (dimension)", ylabel="cosine / fraction")
    title_text(ax, "random pokes: half go uphill, but barely")
    ax.legend(loc="upper right", fontsize="small")
    return ax
