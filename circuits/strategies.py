"""Chapter 1's ways of finding which way to nudge a circuit's inputs, and a wiggly function
on which a big step goes wrong. Plain floats and numpy arrays, no Units."""
import numpy as np


def random_local_search(f, x, y, tweak_amount, tries, rng):
    """Try ``tries`` random nudges of (x, y), each coordinate moved by at most ``tweak_amount``;
    return ``(best_x, best_y, best_out, tried)``, ``tried`` an array of (x, y, out) rows.

    The nudges are drawn as ``rng.uniform(-1, 1)`` for x, then for y, try after try."""
    if tries < 1:
        raise ValueError(f"tries must be at least 1, got {tries}")
    nudges = tweak_amount * rng.uniform(-1.0, 1.0, size=(tries, 2))
    xs, ys = x + nudges[:, 0], y + nudges[:, 1]
    outs = f(xs, ys)
    best = int(np.argmax(outs))                     # first of equal bests, as a strict > keeps
    return float(xs[best]), float(ys[best]), float(outs[best]), np.column_stack([xs, ys, outs])


def wiggly(x):
    """A bumpy function of one input, sin(3x) + x/2: following its slope far enough goes downhill."""
    return np.sin(3.0 * x) + 0.5 * x


def wiggly_slope(x):
    """The derivative of :func:`wiggly`."""
    return 3.0 * np.cos(3.0 * x) + 0.5


def step_along_slope(x0, step_size):
    """Where one gradient step from ``x0`` on :func:`wiggly` lands: ``(x1, wiggly(x1))``."""
    x1 = x0 + step_size * wiggly_slope(x0)
    return x1, wiggly(x1)


def difference_errors(f, slope, x0, hs):
    """Absolute errors of the forward and the centred difference of ``f`` at ``x0`` for each
    step in ``hs`` (a numpy array), against the true ``slope``."""
    forward = (f(x0 + hs) - f(x0)) / hs
    centred = (f(x0 + hs) - f(x0 - hs)) / (2 * hs)
    return np.abs(forward - slope), np.abs(centred - slope)
