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


def random_directions_vs_gradient(dimensions, tries, rng):
    """For each dimension d, ``tries`` random directions (Gaussian, so uniform on the sphere)
    against a fixed gradient: return (best cosine of the tries, fraction pointing uphill), arrays.

    The cosine of a Gaussian vector z with the first axis is z_1 / |z|, and |z|^2 - z_1^2 is
    chi-square with d - 1 degrees of freedom, so a million dimensions cost no more than two."""
    dims = np.asarray(dimensions)
    if dims.ndim != 1 or np.any(dims < 2) or tries < 1:
        raise ValueError(f"dimensions must be a 1-d list of integers >= 2 and tries >= 1, "
                         f"got {dimensions!r} and {tries}")
    along = rng.standard_normal((len(dims), tries))
    rest = rng.chisquare(dims[:, None] - 1, size=(len(dims), tries))
    cosines = along / np.sqrt(along ** 2 + rest)
    return cosines.max(axis=1), (cosines > 0).mean(axis=1)


def best_random_step(f, point, length, tries, rng):
    """The best of ``tries`` random steps of exactly ``length`` from ``point`` (a 1-d array):
    ``(where it lands, f there)``. ``f`` takes one point."""
    point = np.asarray(point, dtype=float)
    directions = rng.standard_normal((tries, point.size))
    steps = length * directions / np.linalg.norm(directions, axis=1, keepdims=True)
    outs = [f(point + s) for s in steps]
    best = int(np.argmax(outs))
    return point + steps[best], float(outs[best])
