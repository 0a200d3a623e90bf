"""Numerical gradients and the gradient check: does an analytic gradient match the numbers?"""
import math
from dataclasses import dataclass

import numpy as np

from .unit import as_float

METHODS = ("centred", "forward")


def numerical_gradient(f, values, h=1e-5, method="centred"):
    """Partial derivatives of ``f(*values)`` (plain floats in, a float out) by finite differences.

    ``method="forward"`` uses (f(x + h) - f(x)) / h, as the guide does;
    ``"centred"`` uses (f(x + h) - f(x - h)) / 2h, which is far more accurate.
    """
    h = as_float(h, "h")
    if not h > 0:
        raise ValueError(f"h must be a positive step, got {h}")
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, got {method!r}")
    values = [as_float(v, f"value {i}") for i, v in enumerate(values)]
    base = _call(f, values) if method == "forward" else None
    grads = []
    for i, v in enumerate(values):
        up = values[:i] + [v + h] + values[i + 1:]
        if method == "forward":
            grads.append((_call(f, up) - base) / h)
        else:
            down = values[:i] + [v - h] + values[i + 1:]
            grads.append((_call(f, up) - _call(f, down)) / (2 * h))
    return grads


def _call(f, values):
    out = f(*values)
    try:
        return as_float(out)
    except TypeError:
        raise TypeError(f"f must return a plain number, got {type(out).__name__} {out!r}"
                        " (if it returns a Unit, return its .value)") from None


def relative_error(a, b, floor=1e-8):
    """|a - b| / max(|a|, |b|): scale-free, as cs231n uses it; ``floor`` keeps two
    near-zero gradients (say 0 and 1e-12) from looking 100% apart."""
    return abs(a - b) / max(abs(a), abs(b), floor)


@dataclass
class GradientCheck:
    """Analytic vs numerical gradient, variable by variable, with a plain verdict."""

    names: list
    analytic: list
    numerical: list
    errors: list
    tolerance: float

    @property
    def ok(self):
        return all(e <= self.tolerance for e in self.errors)

    @property
    def wrong(self):
        """Names of the variables whose analytic gradient disagrees with the numerical one."""
        return [n for n, e in zip(self.names, self.errors) if e > self.tolerance]

    def __str__(self):
        lines = [f"{'':>6} {'analytic':>12} {'numerical':>12} {'rel. error':>11}"]
        for n, a, m, e in zip(self.names, self.analytic, self.numerical, self.errors):
            mark = "ok" if e <= self.tolerance else "WRONG"
            lines.append(f"{n:>6} {a:12.6f} {m:12.6f} {e:11.1e}  {mark}")
        if self.ok:
            lines.append(f"verdict: ok, every relative error is below {self.tolerance:g}")
        else:
            lines.append(f"verdict: not ok, check the gradient of {', '.join(self.wrong)}")
        return "\n".join(lines)

    def _repr_pretty_(self, p, cycle):
        p.text(str(self))


def gradient_check(f, values, analytic, names=None, h=1e-5, tolerance=1e-6):
    """Compare ``analytic`` gradients of ``f`` at ``values`` with centred differences."""
    values = list(values)
    analytic = [as_float(a, "analytic gradient") for a in analytic]
    if len(analytic) != len(values):
        raise ValueError(f"got {len(analytic)} analytic gradients for {len(values)} values")
    names = list(names) if names is not None else [f"x{i}" for i in range(len(values))]
    if len(names) != len(values):
        raise ValueError(f"got {len(names)} names for {len(values)} values")
    numerical = numerical_gradient(f, values, h=h)
    errors = [relative_error(a, m) for a, m in zip(analytic, numerical)]
    if any(math.isnan(e) for e in errors):
        raise ValueError("a gradient is NaN; the check cannot say anything")
    return GradientCheck([str(n) for n in names], analytic, numerical, errors, tolerance)


def array_gradients(f, arrays, h=1e-5):
    """Centred differences of ``f()`` (a float) with respect to every entry of every array in
    the dict ``arrays``, which ``f`` reads; each entry is nudged in place and restored."""
    grads = {}
    for name, a in arrays.items():
        grad = np.zeros(a.shape)
        for index in np.ndindex(a.shape):
            keep = a[index]
            a[index] = keep + h
            up = f()
            a[index] = keep - h
            down = f()
            a[index] = keep
            grad[index] = (up - down) / (2 * h)
        grads[name] = grad
    return grads
