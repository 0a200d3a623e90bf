"""Gate objects, as in the guide: ``forward`` remembers its inputs and output, ``backward``
adds local derivative times the output's gradient into each input's ``.grad``.

The derivatives come from :mod:`circuits.ops`, the same functions Unit arithmetic uses.
"""
from . import ops
from .unit import Unit, _made_by, as_float, push_grad


class Gate:
    """A gate with ``arity`` inputs computing ``op``; subclasses only name the operation."""

    op = None
    arity = 2
    symbol = "?"

    def __init__(self):
        self.inputs = None
        self.output = None

    def forward(self, *units):
        """Compute the output Unit from the input Units and remember both."""
        if len(units) != self.arity:
            raise TypeError(f"{type(self).__name__}.forward takes {self.arity} Unit(s), "
                            f"got {len(units)}")
        for u in units:
            if not isinstance(u, Unit):
                raise TypeError(f"{type(self).__name__}.forward takes Units, got "
                                f"{type(u).__name__} {u!r} (wrap numbers as Unit(x))")
        value, local_grads = self.compute(*(u.value for u in units))
        self.inputs = units
        self.output = _made_by(value, units, local_grads, self.symbol)
        return self.output

    def compute(self, *values):
        return type(self).op(*values)

    def backward(self):
        """Add (local derivative) * output.grad into every input's grad."""
        if self.output is None:
            raise RuntimeError(f"{type(self).__name__}.backward() called before forward(): "
                               "there is nothing to backpropagate yet")
        push_grad(self.output)

    def __repr__(self):
        return f"{type(self).__name__}()"


class MultiplyGate(Gate):
    op, symbol = ops.multiply, "*"


class AddGate(Gate):
    op, symbol = ops.add, "+"


class SubtractGate(Gate):
    op, symbol = ops.subtract, "-"


class DivideGate(Gate):
    op, symbol = ops.divide, "/"


class MaxGate(Gate):
    op, symbol = ops.maximum, "max"


class ReLUGate(Gate):
    op, symbol, arity = ops.relu, "relu", 1


class SigmoidGate(Gate):
    op, symbol, arity = ops.sigmoid, "sigmoid", 1


class TanhGate(Gate):
    op, symbol, arity = ops.tanh, "tanh", 1


class ExpGate(Gate):
    op, symbol, arity = ops.exp, "exp", 1


class LogGate(Gate):
    op, symbol, arity = ops.log, "log", 1


class NegateGate(Gate):
    op, symbol, arity = ops.negate, "neg", 1


class PowerGate(Gate):
    """Raises its single input to a fixed numeric ``exponent``."""

    arity = 1

    def __init__(self, exponent):
        super().__init__()
        self.exponent = as_float(exponent, "PowerGate exponent")
        self.symbol = f"**{self.exponent:g}"

    def compute(self, value):
        return ops.power(value, self.exponent)

    def __repr__(self):
        return f"PowerGate({self.exponent:g})"
