"""The linear model a*x + b*y + c: the guide's circuit and SVM, its scores and gradient for
training loops, and its cost (the one convention: see ``cost``)."""
from dataclasses import dataclass

import numpy as np

from ..gates import AddGate, MultiplyGate
from ..losses import check_loss, loss_value, pull
from ..train import accuracy
from ..unit import Unit, as_float

START = (1.0, -2.0, -1.0)   # the guide's initial a, b, c


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

    Pull +1 on a positive example scoring below 1, -1 on a negative one scoring above -1
    (``loss="hinge"``; ``"squared hinge"`` pulls harder the bigger the mistake), and pull
    ``a`` and ``b`` (not ``c``) back towards zero with strength ``regularization``.
    """

    def __init__(self, step_size=0.01, regularization=1.0, loss="hinge"):
        self.a, self.b, self.c = (Unit(v) for v in START)
        self.step_size = step_size
        self.regularization = regularization
        self.loss = check_loss(loss)
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
        """The force on the last score for this label (for the hinge: +1, -1 or 0)."""
        return pull(self.output.value, check_label(label), self.loss)

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

    def scores(self, X):
        """Scores of many points at once: X of shape (N, 2) -> (N,)."""
        return scores((self.a.value, self.b.value, self.c.value), X)

    def __repr__(self):
        return f"SVM(a={self.a.value:.4f}, b={self.b.value:.4f}, c={self.c.value:.4f})"


def train_svm(svm, X, y, picks, every=25):
    """The guide's loop: ``svm.learn_from`` each picked point; returns [(iteration, training
    accuracy)] every ``every`` steps."""
    trace = []
    for iteration, i in enumerate(picks):
        svm.learn_from(float(X[i, 0]), float(X[i, 1]), check_label(y[i]))
        if iteration % every == 0:
            trace.append((iteration, float(accuracy(svm.scores(X), y))))
    return trace


def check_label(label):
    """Return ``label`` if it is +1 or -1; anything else is a ValueError."""
    if isinstance(label, bool) or label not in (1, -1):
        raise ValueError(f"label must be +1 or -1, got {label!r}")
    return int(label)


def scores(params, X):
    """a*x + b*y + c at every point of X (N, 2) for every parameter triple ``params[..., :]``:
    shape params.shape[:-1] + (N,)."""
    params, X = np.asarray(params, float), np.asarray(X, float)
    return params[..., 0, None] * X[:, 0] + params[..., 1, None] * X[:, 1] + params[..., 2, None]


def gradient(w, x0, x1, label, regularization, loss="hinge"):
    """d(cost of one example)/d(a, b, c): minus the pull through the circuit, plus the springs
    on a and b. Works on floats, or on arrays holding many runs at once."""
    p = pull(w[0] * x0 + w[1] * x1 + w[2], label, loss)
    return [-(x0 * p - regularization * w[0]), -(x1 * p - regularization * w[1]), -p]


def squared_weights(params):
    """a^2 + b^2: what the springs act on (the bias c has none)."""
    params = np.asarray(params, float)
    return params[..., 0] ** 2 + params[..., 1] ** 2


@dataclass
class Cost:
    """The pieces of the cost: scores, each example's loss, the regularization cost, total."""

    scores: np.ndarray
    losses: np.ndarray
    regularization: float
    total: float


def _check_data(X, y, w):
    X, y, w = np.asarray(X, float), np.asarray(y, float), np.asarray(w, float)
    if X.ndim != 2 or X.shape[1] != 2 or len(X) != len(y):
        raise ValueError(f"need X of shape (N, 2) and N labels, got {X.shape} and {y.shape}")
    if w.shape != (3,):
        raise ValueError(f"w must hold 3 numbers (a, b, c), got shape {w.shape}")
    if not np.all(np.isin(y, (1.0, -1.0))):
        raise ValueError(f"labels must be +1 or -1, got {sorted(set(y.tolist()))}")
    return X, y, w


def cost(X, y, w, regularization, loss="hinge"):
    """The cost: the mean of the examples' losses plus regularization / 2 * (a^2 + b^2).

    Its gradient is what the SVM's pulls follow: a spring of ``regularization`` on a and b.
    (The guide writes sum + alpha * (a^2 + b^2): N times this, with regularization = 2 alpha / N.)
    """
    X, y, w = _check_data(X, y, w)
    s = scores(w, X)
    losses = loss_value(s, y, loss)
    spring = float(regularization / 2 * squared_weights(w))
    return Cost(s, losses, spring, float(losses.mean()) + spring)


def cost_gradient(X, y, w, regularization, loss="hinge"):
    """Gradient of ``cost`` with respect to (a, b, c): the mean of the examples' gradients."""
    X, y, w = _check_data(X, y, w)
    return np.array([g.mean() for g in gradient(w, X[:, 0], X[:, 1], y, regularization, loss)])


def cost_circuit(X, y, w, regularization):
    """The hinge cost built from Units: returns (cost Unit, [a, b, c] Units)."""
    X, y, _ = _check_data(X, y, w)
    w = [Unit(float(v), name=n) for n, v in zip("abc", w)]
    total = Unit(0.0)
    for (x0, x1), label in zip(X.tolist(), y.tolist()):
        score = w[0] * x0 + w[1] * x1 + w[2]
        total = total + (1 - label * score).max(0.0)
    return total / len(y) + regularization / 2 * (w[0] ** 2 + w[1] ** 2), w
