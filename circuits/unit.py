"""Unit: a wire in a real-valued circuit, carrying a value forward and a gradient back."""
import math
import numbers

from . import ops

_new = object.__new__


def as_float(x, what="value"):
    """Return ``x`` as a plain float; a TypeError names anything that is not a real number."""
    if type(x) is float:
        return x
    if isinstance(x, numbers.Real) and not isinstance(x, bool):
        return float(x)
    raise TypeError(f"{what} must be a real number (int, float or numpy scalar), "
                    f"got {type(x).__name__} {x!r}")


def _made_by(value, inputs, local_grads, op):
    """A new Unit that remembers the operation, inputs and local derivatives that made it."""
    u = _new(Unit)
    u.value = value
    u.grad = 0.0
    u._inputs = inputs
    u._local_grads = local_grads
    u._op = op
    u.name = ""
    return u


def _lift(x):
    """A plain number as a constant Unit; a Unit as itself."""
    return x if isinstance(x, Unit) else Unit(x)


def push_grad(u):
    """Chain rule at one gate: add local derivative times ``u.grad`` into each input's grad."""
    g = u.grad
    for inp, d in zip(u._inputs, u._local_grads):
        inp.grad += d * g


class Unit:
    """A wire: ``.value`` flows forward, ``.grad`` (d output / d this wire) flows back.

    ``name`` is an optional label (``Unit(-2, name="x")``) that diagrams and reprs show.
    """

    __slots__ = ("value", "grad", "name", "_inputs", "_local_grads", "_op")
    __array_ufunc__ = None   # numpy scalars on the left defer to our reflected operators

    def __init__(self, value, grad=0.0, name=""):
        self.value = as_float(value, "Unit value")
        self.grad = as_float(grad, "Unit grad")
        if math.isnan(self.value):
            raise ValueError("Unit value is NaN")
        if not isinstance(name, str):
            raise TypeError(f"Unit name must be a string, got {type(name).__name__} {name!r}")
        self.name = name
        self._inputs = ()
        self._local_grads = ()
        self._op = ""

    def __repr__(self):
        name = f", name={self.name!r}" if self.name else ""
        return f"Unit(value={self.value!r}, grad={self.grad!r}{name})"

    @property
    def inputs(self):
        """The units this one was computed from (empty for an input wire)."""
        return self._inputs

    @property
    def op(self):
        """Name of the operation that made this unit ('' for an input wire)."""
        return self._op

    # binary operations; a plain number on either side becomes a constant Unit
    def __add__(self, other):
        return _binary(ops.add, "+", self, _lift(other))

    def __radd__(self, other):
        return _binary(ops.add, "+", _lift(other), self)

    def __sub__(self, other):
        return _binary(ops.subtract, "-", self, _lift(other))

    def __rsub__(self, other):
        return _binary(ops.subtract, "-", _lift(other), self)

    def __mul__(self, other):
        return _binary(ops.multiply, "*", self, _lift(other))

    def __rmul__(self, other):
        return _binary(ops.multiply, "*", _lift(other), self)

    def __truediv__(self, other):
        return _binary(ops.divide, "/", self, _lift(other))

    def __rtruediv__(self, other):
        return _binary(ops.divide, "/", _lift(other), self)

    def __pow__(self, exponent):
        if isinstance(exponent, Unit):
            raise TypeError("the exponent of ** must be a plain number, not a Unit")
        exponent = as_float(exponent, "exponent of **")
        value, local = ops.power(self.value, exponent)
        return _made_by(value, (self,), local, f"**{exponent:g}")

    def max(self, other):
        """max(self, other): the gradient is routed to the larger input."""
        return _binary(ops.maximum, "max", self, _lift(other))

    # unary operations
    def __neg__(self):
        return _unary(ops.negate, "neg", self)

    def relu(self):
        return _unary(ops.relu, "relu", self)

    def sigmoid(self):
        return _unary(ops.sigmoid, "sigmoid", self)

    def tanh(self):
        return _unary(ops.tanh, "tanh", self)

    def exp(self):
        return _unary(ops.exp, "exp", self)

    def log(self):
        return _unary(ops.log, "log", self)

    def backward(self):
        """Backpropagate from this unit: its grad becomes 1, every wire below gets d self / d wire.

        Gradients are recomputed from zero on every call, so calling it twice gives the same
        result; a wire used twice in the circuit (fan-out) collects both contributions.
        """
        order = topological_order(self)
        for u in order:
            u.grad = 0.0
        self.grad = 1.0
        for u in reversed(order):
            push_grad(u)


def _binary(op, name, a, b):
    value, local = op(a.value, b.value)
    return _made_by(value, (a, b), local, name)


def _unary(op, name, a):
    value, local = op(a.value)
    return _made_by(value, (a,), local, name)


def topological_order(root):
    """Every unit that ``root`` depends on, each after its inputs; no recursion, so any depth."""
    order, visited = [], set()
    stack = [(root, False)]          # (unit, are its inputs already in the order?)
    while stack:
        u, inputs_done = stack.pop()
        if inputs_done:
            order.append(u)
        elif u not in visited:
            visited.add(u)
            stack.append((u, True))
            stack.extend((inp, False) for inp in u._inputs if inp not in visited)
    return order
