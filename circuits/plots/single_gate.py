"""Pictures of a single gate: the sigmoid and its slope, random search, the x*y landscape,
the error of a numerical derivative against h, and a step that is too big.

Each picture a slider scrubs is made by a ``*_frame(ax)`` function that draws what stays put
and returns ``move(...) -> (result, artists)``: it sets the parts that follow the slider and
returns them, so an explorer can redraw just those (``plot_*`` draws a frame and moves it once)."""
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
FLOOR = 1e-17        # errors of exactly 0 are drawn here, on log axes


def sigmoid_frame(ax):
    """The sigmoid curve; ``move(x)`` marks x and the tangent there, returning (value, grad)."""
    xs = np.linspace(-8, 8, 200)
    ax.plot(xs, 1 / (1 + np.exp(-xs)), color="0.3", label="sigmoid(x)")
    tangent, = ax.plot(xs, 0 * xs, color="tab:red", lw=1.2, label="slope at x")
    point, = ax.plot([], [], "o", color="tab:red", label="(x, sigmoid(x))")
    ax.set(xlim=(-8, 8), ylim=(-0.2, 1.2), xticks=[-8, -4, 0, 4, 8], yticks=[0, 0.5, 1],
           xlabel="x", ylabel="output")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1), fontsize="small")  # clear of the tangent
    title = title_text(ax, "")

    def move(x):
        u = Unit(x)
        s = u.sigmoid()
        s.backward()
        tangent.set_ydata(s.value + u.grad * (xs - x))
        point.set_data([x], [s.value])
        title.set_text(f"sigmoid({x:.2f}) = {s.value:.4f}, local gradient {u.grad:.4f}")
        return (s.value, u.grad), [tangent, point, title]
    return move


def plot_sigmoid(x, ax=None):
    """The sigmoid curve, the point at ``x`` and its tangent, whose slope is the local gradient."""
    return sigmoid_frame(new_axes(ax))(x)[0]


def multiply(x, y):
    """The single gate, on floats or numpy arrays."""
    return x * y


def random_search_frame(ax, x, y):
    """Random tries around (x, y), coloured by x*y; ``move(tweak_amount, tries, seed)`` makes
    them and circles the best, returning (best_x, best_y, best_out). The axes count in tweaks
    from the start, so that only the tries move when the tweak amount does."""
    dots = ax.scatter([0.0], [0.0], c=[0.5], cmap="viridis", vmin=0, vmax=1, s=16)
    bar = ax.figure.colorbar(dots, ax=ax, fraction=0.05, pad=0.03)
    bar.set_ticks([0, 1], labels=["lowest", "highest"])
    bar.set_label("output x*y in the box", labelpad=-8)
    start, = ax.plot([0], [0], "k+", ms=12, mew=2, label=f"start ({x:g}, {y:g}): x*y = {x * y:g}")
    best, = ax.plot([], [], "o", mfc="none", mec="tab:red", ms=12, mew=2, label="best try")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize="small")
    ax.set(xlim=(-1.15, 1.15), ylim=(-1.15, 1.15), xlabel="x", ylabel="y")
    for set_ticks, centre in ((ax.set_xticks, x), (ax.set_yticks, y)):
        set_ticks([-1, 0, 1], labels=[f"{centre:g} - tweak", f"{centre:g}", f"{centre:g} + tweak"])
    title = title_text(ax, "")

    def move(tweak_amount, tries, seed):
        rng = np.random.default_rng(seed)
        best_x, best_y, best_out, tried = random_local_search(multiply, x, y, tweak_amount,
                                                              tries, rng)
        corners = multiply(x + tweak_amount * np.array([-1, -1, 1, 1]),
                           y + tweak_amount * np.array([-1, 1, -1, 1]))
        lo, hi = corners.min(), corners.max()           # x*y over the box of possible tries
        dots.set_offsets((tried[:, :2] - (x, y)) / tweak_amount)
        dots.set_array((tried[:, 2] - lo) / (hi - lo))
        best.set_data([(best_x - x) / tweak_amount], [(best_y - y) / tweak_amount])
        title.set_text(f"{tries} random tries, tweak = {tweak_amount:.3g}: "
                       f"best x*y = {best_out:.4f}")
        return (best_x, best_y, best_out), [dots, start, best, title]
    return move


def plot_random_search(x, y, tweak_amount, tries, seed, ax=None):
    """Every random try around (x, y), coloured by the output x*y, with the best one circled."""
    return random_search_frame(new_axes(ax), x, y)(tweak_amount, tries, seed)[0]


@lru_cache(maxsize=1)
def _landscape_grid(n=81):
    xs = np.linspace(-LIMIT, LIMIT, n)
    return xs, multiply(xs[None, :], xs[:, None])


def landscape_frame(ax):
    """x*y as a map with contours; ``move(x, y, step_size)`` draws the gradient arrow (y, x) at
    (x, y) and circles where one step lands, returning (new_x, new_y, new_x * new_y)."""
    xs, f = _landscape_grid()
    image = ax.imshow(f, extent=(-LIMIT, LIMIT, -LIMIT, LIMIT), origin="lower", cmap="RdBu_r",
                      vmin=-LIMIT ** 2, vmax=LIMIT ** 2, interpolation="bilinear")
    ax.figure.colorbar(image, ax=ax, fraction=0.05, pad=0.04, label="x*y",
                       ticks=[-16, -8, 0, 8, 16])
    contours = ax.contour(xs, xs, f, levels=[-8, -4, -1, 1, 4, 8], colors="0.35",
                          linewidths=0.7)
    ax.clabel(contours, fontsize=8, fmt="%g")
    arrow = ax.annotate("", xy=(0, 0), xytext=(0, 0),
                        arrowprops=dict(arrowstyle="->", color="k", lw=1.8))
    point, = ax.plot([], [], "ko", ms=5)
    circle, = ax.plot([], [], "o", mfc="none", mec="k", ms=9, mew=1.5)
    ax.set(xlim=(-LIMIT, LIMIT), ylim=(-LIMIT, LIMIT), xlabel="x", ylabel="y",
           xticks=[-4, -2, 0, 2, 4], yticks=[-4, -2, 0, 2, 4])
    title = title_text(ax, "")

    def move(x, y, step_size):
        dx, dy = y, x                                   # the gradient of x*y
        new_x, new_y = x + step_size * dx, y + step_size * dy
        arrow.xy, arrow.xyann = (x + 0.25 * dx, y + 0.25 * dy), (x, y)
        point.set_data([x], [y])
        circle.set_data([new_x], [new_y])
        title.set_text(f"x*y: {x * y:.4f} here, {new_x * new_y:.4f} after the step (circle)")
        return (new_x, new_y, new_x * new_y), [arrow, point, circle, title]
    return move


def plot_landscape(x, y, step_size, ax=None):
    """f(x, y) = x*y as a map, the gradient arrow (y, x) at (x, y) and where one step lands."""
    return landscape_frame(new_axes(ax))(x, y, step_size)[0]


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


def h_error_frame(ax):
    """The error curves of the numerical derivative against h on log-log axes; ``move(h)``
    marks h, returning each curve's error there."""
    hs, curves = _h_curves()
    colours = ("0.5", "tab:blue", "tab:orange")
    for (label, errors), colour in zip(curves.items(), colours):
        ax.loglog(hs, np.maximum(errors, FLOOR), color=colour, label=label)
    line = ax.axvline(1.0, color="k", lw=0.8)
    dots = [ax.plot([], [], "o", color=colour)[0] for colour in colours]
    ax.set(xlabel="step h", ylabel="|numerical - true derivative|", ylim=(FLOOR, 10))
    ax.minorticks_off()
    for axis, powers in ((ax.xaxis, range(-14, 1, 2)), (ax.yaxis, range(-16, 1, 4))):
        # plain labels: the default $10^{n}$ ones cost a mathtext layout each
        axis.set_ticks([10.0 ** p for p in powers], labels=[f"1e{p}" for p in powers])
    title_text(ax, "too big: truncation error; too small: round-off")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1), fontsize="small")  # clear of the marks

    def move(h):
        at_h = h_errors(np.array([h]))
        line.set_xdata([h])
        for dot, errors in zip(dots, at_h.values()):
            dot.set_data([h], [max(errors[0], FLOOR)])
        return {label: float(errors[0]) for label, errors in at_h.items()}, [line, *dots]
    return move


def plot_h_error(h, ax=None):
    """Error of the numerical derivative against h on log-log axes, with a marker at ``h``."""
    return h_error_frame(new_axes(ax))(h)[0]


@lru_cache(maxsize=1)
def _wiggly_curves():
    xs = np.linspace(-1.0, 3.6, 231)
    steps = np.linspace(0.0, 1.0, 201)
    return xs, wiggly(xs), steps, step_along_slope(STEP_X0, steps)[1]


def wiggly_step_frame(axes):
    """Left: the wiggly function and its slope at STEP_X0. Right: the output after one step for
    every step size. ``move(step_size)`` marks that step on both, returning (x1, y1)."""
    left, right = axes
    x0 = STEP_X0
    xs, ys, steps, after = _wiggly_curves()
    left.plot(xs, ys, color="0.3")
    left.plot(xs, wiggly(x0) + wiggly_slope(x0) * (xs - x0), color="tab:red", lw=0.8,
              label="slope at x0")
    left.plot([x0], [wiggly(x0)], "ko", label="x0")
    landed, = left.plot([], [], "o", color="tab:orange", label="after the step")
    left.set(xlim=(-1, 3.6), ylim=(-2, 3), xlabel="x", ylabel="f(x) = sin(3x) + x/2",
             xticks=[-1, 0, 1, 2, 3], yticks=[-2, -1, 0, 1, 2, 3])
    title_text(left, "one step along the slope")
    left.legend(loc="upper left", fontsize="small")
    right.plot(steps, after, color="tab:orange")
    right.axhline(wiggly(x0), color="0.5", lw=0.8, ls="--")
    right.text(0.98, wiggly(x0) + 0.05, "before the step", ha="right", va="bottom", color="0.4")
    marker, = right.plot([], [], "o", color="tab:orange")
    right.set(xlabel="step_size", ylabel="output after one step", xlim=(0, 1), ylim=(-1.5, 2.6),
              xticks=[0, 0.25, 0.5, 0.75, 1], yticks=[-1, 0, 1, 2])
    title_text(right, "bigger is not always better")

    def move(step_size):
        x1, y1 = step_along_slope(x0, step_size)
        landed.set_data([x1], [y1])
        marker.set_data([step_size], [y1])
        return (float(x1), float(y1)), [landed, marker]
    return move


def plot_wiggly_step(step_size, axes=None):
    """Left: one gradient step on the wiggly function from STEP_X0. Right: the output after one
    step for every step size, the current one marked."""
    if axes is None:
        axes = plt.figure(figsize=(10, 4)).subplots(1, 2)
    return wiggly_step_frame(axes)(step_size)[0]


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
