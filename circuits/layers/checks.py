"""Cheap input checks shared by the vectorised layers: clear messages instead of numpy tracebacks.

They look at types, shapes and scalars only; scanning whole arrays for NaN would cost more
than the layers' own arithmetic at the sizes the notebooks use, so the losses check their
(scalar) result instead.
"""
import math
import numbers

import numpy as np


def as_array(name, x, ndim=None):
    """``x`` as a float ndarray (no copy if it already is one), of ``ndim`` dimensions if given."""
    if not (type(x) is np.ndarray and x.dtype.kind == "f"):
        if isinstance(x, np.ndarray) and x.dtype.kind not in "biuf":
            raise TypeError(f"{name} must hold real numbers, got an array of dtype {x.dtype}")
        try:
            x = np.asarray(x, dtype=float)
        except (TypeError, ValueError) as err:
            raise TypeError(f"{name} must be an array of numbers: {err}") from None
    if ndim is not None and x.ndim != ndim:
        raise ValueError(f"{name} must have {ndim} dimensions, got shape {x.shape}")
    return x


def check_shape(name, x, shape, why=""):
    """Raise if ``x.shape != shape``, naming both shapes (and ``why`` the shape is expected)."""
    if x.shape != shape:
        raise ValueError(f"{name} has shape {x.shape}, expected {shape}{why}")


def as_scalar(name, value, low=-math.inf, high=math.inf, low_open=False, high_open=False):
    """``value`` as a finite float in the range [low, high] (either end open if asked)."""
    if not (type(value) is float or isinstance(value, numbers.Real)):
        raise TypeError(f"{name} must be a number, got {type(value).__name__} {value!r}")
    v = float(value)
    if not (math.isfinite(v) and (v > low if low_open else v >= low)
            and (v < high if high_open else v <= high)):
        if math.isinf(high):
            bounds = f"{'>' if low_open else '>='} {low:g}"
        else:
            bounds = f"in {'(' if low_open else '['}{low:g}, {high:g}{')' if high_open else ']'}"
        raise ValueError(f"{name} must be a finite number {bounds}, got {value!r}")
    return v


def as_labels(y, n, num_classes):
    """Integer class labels ``y`` (n of them, each in [0, num_classes)) as an int array."""
    if not (type(y) is np.ndarray and y.dtype.kind in "iu"):
        y = np.asarray(y)
        if y.dtype.kind == "f" and np.all(np.isfinite(y)) and np.all(y == np.round(y)):
            y = y.astype(np.intp)              # whole-number floats such as 2.0 are fine
        elif y.dtype.kind not in "iu":
            shown = y[:10].tolist() if y.ndim else y.tolist()
            raise TypeError(f"labels y must be integers in [0, {num_classes}), "
                            f"got dtype {y.dtype}: {shown}")
    if n == 0:
        raise ValueError("the loss needs at least one example, got scores with 0 rows")
    if y.shape != (n,):
        raise ValueError(f"labels y must have shape ({n},), one per row of scores, "
                         f"got shape {y.shape}")
    if (y.min() < 0 or y.max() >= num_classes):
        bad = sorted(set(y[(y < 0) | (y >= num_classes)].tolist()))
        raise ValueError(f"labels y must be in [0, C) with C = {num_classes} classes, "
                         f"got {bad[:10]}")
    return y


def check_finite_loss(loss, **inputs):
    """Raise if ``loss`` is not finite, naming the inputs that hold NaN or infinity."""
    if not math.isfinite(loss):     # math.isfinite: far cheaper than numpy's on one number
        bad = [name for name, a in inputs.items() if not np.all(np.isfinite(a))]
        where = f"{' and '.join(bad)} contain NaN or infinity" if bad else "it overflowed"
        raise ValueError(f"the loss is {loss}: {where}")
