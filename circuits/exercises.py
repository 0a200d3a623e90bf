"""Backprop-ninja exercises: every expression of chapter 1's last section, a checker for a
backward pass written by hand, and reference solutions (the tests run them through the checker).

A backward pass is a function of the inputs, in order, and then the gradient arriving from above
on the output (1.0 when the expression is the whole circuit); it returns ``{input name: gradient}``.
For ``a*b``: ``lambda a, b, dx: {"a": b * dx, "b": a * dx}``.
"""
import inspect
from dataclasses import dataclass
from typing import Callable

from .checking import NOT_DONE, Verdict
from .gradcheck import GradientCheck, gradient_check
from .ops import sigmoid, tanh
from .unit import Unit


@dataclass(frozen=True)
class Exercise:
    """An expression: its forward pass on Units, the inputs to try, and a reference backward."""

    name: str
    forward: Callable
    values: dict
    solution: Callable
    from_guide: bool = True

    @property
    def variables(self):
        return list(self.values)

    def circuit(self, **values):
        """The output Unit of the expression, its inputs named, at ``values`` (default inputs)."""
        values = self._values(values)
        return self.forward(*(Unit(v, name=n) for n, v in values.items()))

    def value(self, *values):
        """The expression's value for plain float inputs, in the order of ``variables``."""
        return self.forward(*(Unit(v) for v in values)).value

    def _values(self, values):
        unknown = set(values) - set(self.values)
        if unknown:
            raise KeyError(f"{self.name} has inputs {self.variables}, not {sorted(unknown)}")
        return {**self.values, **values}


# reference backward passes: local derivative times the gradient from above, input by input

def _multiply(a, b, dx=1.0):
    return {"a": b * dx, "b": a * dx}


def _add(a, b, dx=1.0):
    return {"a": dx, "b": dx}


def _add3(a, b, c, dx=1.0):
    return {name: 1.0 * dx for name in "abc"}        # add hands dx to every input


def _multiply_add(a, b, c, dx=1.0):
    return {"a": b * dx, "b": a * dx, "c": dx}


def _neuron(a, b, c, x, y, df=1.0):                     # x is an input here, so df comes from above
    f, _ = sigmoid(a * x + b * y + c)
    dq = f * (1.0 - f) * df                            # through the sigmoid first
    return {"a": x * dq, "b": y * dq, "c": dq, "x": a * dq, "y": b * dq}


def _square(a, dx=1.0):
    return {"a": a * dx + a * dx}                      # one wire, two branches: grads add up


def _sum_of_squares(a, b, c, dx=1.0):
    return {"a": 2 * a * dx, "b": 2 * b * dx, "c": 2 * c * dx}


def _squared_product(a, b, c, d, dx=1.0):
    inner = a * b + c
    outer = inner * d
    d_outer = 2 * outer * dx
    d_inner = d * d_outer
    return {"a": b * d_inner, "b": a * d_inner, "c": d_inner, "d": inner * d_outer}


def _reciprocal(a, dx=1.0):
    return {"a": -dx / (a * a)}


def _quotient(a, b, c, d, dx=1.0):
    top, bottom = a + b, c + d
    inv = 1.0 / bottom
    d_top, d_inv = inv * dx, top * dx
    d_bottom = -d_inv / (bottom * bottom)
    return {"a": d_top, "b": d_top, "c": d_bottom, "d": d_bottom}


def _max(a, b, dx=1.0):
    return {"a": dx, "b": 0.0} if a >= b else {"a": 0.0, "b": dx}


def _relu(a, dx=1.0):
    return {"a": dx if a > 0 else 0.0}


# exercises beyond the guide, for practice

def _product3(a, b, c, dx=1.0):
    return {"a": b * c * dx, "b": a * c * dx, "c": a * b * dx}


def _squared_difference(a, b, dx=1.0):
    d_diff = 2 * (a - b) * dx
    return {"a": d_diff, "b": -d_diff}


def _max_times(a, b, c, dx=1.0):
    top = max(a, b)
    d_top = c * dx
    return {"a": d_top if a >= b else 0.0, "b": 0.0 if a >= b else d_top, "c": top * dx}


def _tanh_times(a, b, dx=1.0):
    t, _ = tanh(a)
    return {"a": (1 - t * t) * b * dx, "b": t * dx}


def _exercise(name, forward, solution, from_guide=True, **values):
    return Exercise(name, forward, values, solution, from_guide)


EXERCISES = {e.name: e for e in (
    _exercise("a*b", lambda a, b: a * b, _multiply, a=1.0, b=2.0),
    _exercise("a+b", lambda a, b: a + b, _add, a=1.0, b=2.0),
    _exercise("a+b+c", lambda a, b, c: a + b + c, _add3, a=1.0, b=2.0, c=-3.0),
    _exercise("a*b+c", lambda a, b, c: a * b + c, _multiply_add, a=1.0, b=2.0, c=-3.0),
    _exercise("sig(a*x+b*y+c)", lambda a, b, c, x, y: (a * x + b * y + c).sigmoid(), _neuron,
              a=1.0, b=2.0, c=-3.0, x=-1.0, y=3.0),
    _exercise("a*a", lambda a: a * a, _square, a=-3.0),
    _exercise("a*a+b*b+c*c", lambda a, b, c: a * a + b * b + c * c, _sum_of_squares,
              a=1.0, b=2.0, c=-3.0),
    _exercise("((a*b+c)*d)**2", lambda a, b, c, d: ((a * b + c) * d) ** 2, _squared_product,
              a=1.0, b=2.0, c=-3.0, d=4.0),
    _exercise("1/a", lambda a: a ** -1, _reciprocal, a=2.0),       # a one-input gate, no constant
    _exercise("(a+b)/(c+d)", lambda a, b, c, d: (a + b) * (c + d) ** -1, _quotient,
              a=1.0, b=2.0, c=-3.0, d=4.0),
    _exercise("max(a,b)", lambda a, b: a.max(b), _max, a=1.0, b=2.0),
    _exercise("relu(a)", lambda a: a.relu(), _relu, a=1.0),
    _exercise("a*b*c", lambda a, b, c: a * b * c, _product3, False, a=1.0, b=2.0, c=-3.0),
    _exercise("(a-b)**2", lambda a, b: (a - b) ** 2, _squared_difference, False, a=1.0, b=2.0),
    _exercise("max(a,b)*c", lambda a, b, c: a.max(b) * c, _max_times, False,
              a=1.0, b=2.0, c=-3.0),
    _exercise("tanh(a)*b", lambda a, b: a.tanh() * b, _tanh_times, False, a=0.5, b=2.0),
)}


def exercise(name):
    """The exercise called ``name``; a KeyError lists the names there are."""
    if name not in EXERCISES:
        raise KeyError(f"no exercise {name!r}; there are {list(EXERCISES)}")
    return EXERCISES[name]


class Checked(GradientCheck):
    """A GradientCheck already printed by ``check``: a cell ending in a check shows it once."""

    def _ipython_display_(self):
        pass


def check(name, backward, tolerance=1e-6, **values):
    """Compare ``backward(*inputs, 1.0)`` with the numerical gradient of exercise ``name`` at
    its default inputs (or ``values``); print the verdict and return it (a Checked, or a
    Verdict saying "not done yet" while ``backward`` raises NotImplementedError)."""
    ex = exercise(name)
    values = ex._values(values)
    try:
        grads = backward(*values.values(), 1.0)
    except NotImplementedError:
        verdict = Verdict(False, f"{getattr(backward, '__name__', name)}: {NOT_DONE}", done=False)
        print(verdict)
        return verdict
    if not isinstance(grads, dict):
        raise TypeError(f"backward must return a dict {{input name: gradient}}, "
                        f"got {type(grads).__name__} {grads!r}")
    missing, extra = set(ex.variables) - set(grads), set(grads) - set(ex.variables)
    if missing or extra:
        raise KeyError(f"backward for {name} must return gradients for exactly {ex.variables}; "
                       f"missing {sorted(missing)}, unexpected {sorted(extra)}")
    result = gradient_check(ex.value, list(values.values()), [grads[n] for n in ex.variables],
                            names=ex.variables, tolerance=tolerance)
    print(f"checking the backward pass of {name} at "
          + ", ".join(f"{n}={v:g}" for n, v in values.items()))
    print(result)
    return Checked(**vars(result))


def solution_source(name):
    """The source code of the reference backward pass for exercise ``name``."""
    return inspect.getsource(exercise(name).solution)
