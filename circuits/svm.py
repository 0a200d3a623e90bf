"""The guide's linear circuit a*x + b*y + c, and the SVM that pulls on it."""
from .gates import AddGate, MultiplyGate
from .unit import Unit, as_float


class Circuit:
    """``a*x + b*y + c`` wired from gate objects, with a hand-ordered backward pass."""

    def __init__(self):
        self.multiply_ax = MultiplyGate()
        self.multiply_by = MultiplyGate()
        self.add_axby = AddGate()
        self.add_c = AddGate()

    def forward(self, x, y, a, b, c):
        """All five arguments are Units; returns the output Unit."""
        ax = self.multiply_ax.forward(a, x)
        by = self.multiply_by.forward(b, y)
        axby = self.add_axby.forward(ax, by)
        self.output = self.add_c.forward(axby, c)
        return self.output

    def backward(self, gradient_top):
        """Pull on the output with ``gradient_top``; gates add their share into x, y, a, b, c."""
        if getattr(self, "output", None) is None:
            raise RuntimeError("Circuit.backward() called before forward()")
        backward_order = (self.add_c, self.add_axby, self.multiply_by, self.multiply_ax)
        for gate in backward_order:   # inner wires start fresh on every call
            gate.output.grad = 0.0
        self.output.grad = as_float(gradient_top, "gradient_top")
        for gate in backward_order:
            gate.backward()


def _as_unit(v, name):
    return v if isinstance(v, Unit) else Unit(as_float(v, name))


class SVM:
    """Linear SVM trained by the guide's force specification.

    Pull +1 on a positive example scoring below 1, -1 on a negative one scoring above -1,
    and pull ``a`` and ``b`` (not ``c``) back towards zero with strength ``regularization``.
    """

    def __init__(self, step_size=0.01, regularization=1.0):
        self.a, self.b, self.c = Unit(1.0), Unit(-2.0), Unit(-1.0)
        self.step_size = step_size
        self.regularization = regularization
        self.circuit = Circuit()
        self.output = None

    @property
    def step_size(self):
        return self._step_size

    @step_size.setter
    def step_size(self, value):
        value = as_float(value, "step_size")
        if value <= 0:
            raise ValueError(f"step_size must be positive, got {value}")
        self._step_size = value

    @property
    def regularization(self):
        return self._regularization

    @regularization.setter
    def regularization(self, value):
        value = as_float(value, "regularization")
        if value < 0:
            raise ValueError(f"regularization must be >= 0, got {value}")
        self._regularization = value

    def forward(self, x, y):
        """Score of the point (x, y); numbers or Units."""
        x, y = _as_unit(x, "x"), _as_unit(y, "y")
        self.output = self.circuit.forward(x, y, self.a, self.b, self.c)
        return self.output

    def pull(self, label):
        """The force on the score for this label: +1, -1 or 0 (the hinge)."""
        score = self.output.value
        if label == 1 and score < 1:
            return 1.0
        if label == -1 and score > -1:
            return -1.0
        return 0.0

    def backward(self, label):
        """Fresh gradients on a, b, c from the data pull plus the regularization pull."""
        label = check_label(label)
        if self.output is None:
            raise RuntimeError("SVM.backward() called before forward()")
        for p in (self.a, self.b, self.c):
            p.grad = 0.0
        self.circuit.backward(self.pull(label))
        self.a.grad += -self.regularization * self.a.value
        self.b.grad += -self.regularization * self.b.value

    def parameter_update(self):
        """Move each parameter a small step along its gradient."""
        for p in (self.a, self.b, self.c):
            p.value += self.step_size * p.grad

    def learn_from(self, x, y, label):
        """One step of stochastic gradient descent on one labelled point."""
        self.forward(x, y)
        self.backward(label)
        self.parameter_update()

    def predict(self, x, y):
        """+1 or -1: the side of the line a*x + b*y + c = 0 that (x, y) falls on."""
        return 1 if self.forward(x, y).value > 0 else -1

    def __repr__(self):
        return f"SVM(a={self.a.value:.4f}, b={self.b.value:.4f}, c={self.c.value:.4f})"


def check_label(label):
    """Return ``label`` if it is +1 or -1; anything else is a ValueError."""
    if isinstance(label, bool) or label not in (1, -1):
        raise ValueError(f"label must be +1 or -1, got {label!r}")
    return int(label)
