"""A multilayer perceptron built from Units: neurons, layers of neurons, a stack of layers.

Every weight and bias is a ``Unit``, so one ``backward()`` from a loss gives every parameter its
gradient. Weights start uniform in [-1, 1) from an explicit rng; biases start at 0.
"""
import numpy as np

from ..unit import Unit


def _check_rng(rng):
    if rng is None:
        raise ValueError("pass rng=np.random.default_rng(seed): the starting weights are random")
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a numpy Generator (np.random.default_rng(seed)), "
                        f"got {type(rng).__name__}")


def _check_count(n, what):
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"{what} must be a whole number >= 1, got {n!r}")
    return int(n)


class Module:
    """What every part of the network shares: its parameters, and clearing their gradients."""

    def parameters(self):
        raise NotImplementedError

    def zero_grad(self):
        """Set every parameter's grad to 0."""
        for p in self.parameters():
            p.grad = 0.0

    @property
    def n_parameters(self):
        return len(self.parameters())

    def get_parameters(self):
        """All parameter values as one flat numpy array, in the order of ``parameters()``."""
        return np.array([p.value for p in self.parameters()])

    def set_parameters(self, flat):
        """Load parameter values from a flat array in the order of ``parameters()``."""
        flat = np.asarray(flat, dtype=float)
        params = self.parameters()
        if flat.shape != (len(params),):
            raise ValueError(f"{type(self).__name__} has {len(params)} parameters, "
                             f"got an array of shape {flat.shape}")
        if not np.all(np.isfinite(flat)):
            raise ValueError("parameters must be finite numbers (no NaN or inf)")
        for p, v in zip(params, flat.tolist()):
            p.value = v


class Neuron(Module):
    """relu(w . x + b), or just w . x + b when ``nonlinear=False``."""

    def __init__(self, n_inputs, rng, nonlinear=True):
        n_inputs = _check_count(n_inputs, "n_inputs")
        _check_rng(rng)
        self.w = [Unit(v) for v in rng.uniform(-1, 1, n_inputs).tolist()]
        self.b = Unit(0.0)
        self.nonlinear = nonlinear

    def __call__(self, x):
        if len(x) != len(self.w):
            raise ValueError(f"this neuron takes {len(self.w)} inputs, got {len(x)}")
        act = sum((wi * xi for wi, xi in zip(self.w, x)), self.b)
        return act.relu() if self.nonlinear else act

    def parameters(self):
        return self.w + [self.b]

    def __repr__(self):
        return f"Neuron({len(self.w)}, {'ReLU' if self.nonlinear else 'linear'})"


class Layer(Module):
    """``n_outputs`` neurons, each looking at the same ``n_inputs`` numbers."""

    def __init__(self, n_inputs, n_outputs, rng, nonlinear=True):
        n_outputs = _check_count(n_outputs, "n_outputs")
        self.neurons = [Neuron(n_inputs, rng, nonlinear) for _ in range(n_outputs)]

    def __call__(self, x):
        return [n(x) for n in self.neurons]

    def parameters(self):
        return [p for n in self.neurons for p in n.parameters()]

    def __repr__(self):
        first = self.neurons[0]
        kind = "ReLU" if first.nonlinear else "linear"
        return f"Layer({len(first.w)} -> {len(self.neurons)}, {kind})"


class MLP(Module):
    """Layers of sizes ``sizes`` on ``n_inputs`` inputs: ReLU on hidden layers, linear last layer.

    ``MLP(2, [16, 16, 1], rng)`` is micrograd's demo network (337 parameters). Calling it returns
    one Unit when the last layer has one neuron, else a list of Units.
    """

    def __init__(self, n_inputs, sizes, rng):
        sizes = list(sizes)
        if not sizes:
            raise ValueError("sizes must list at least one layer size, got []")
        ins = [n_inputs] + sizes[:-1]
        last = len(sizes) - 1
        self.layers = [Layer(i, o, rng, nonlinear=k < last)
                       for k, (i, o) in enumerate(zip(ins, sizes))]

    def __call__(self, x):
        x = [xi if isinstance(xi, Unit) else Unit(xi) for xi in x]   # one input wire per number
        for layer in self.layers:
            x = layer(x)
        return x[0] if len(x) == 1 else x

    def parameters(self):
        return [p for layer in self.layers for p in layer.parameters()]

    def __repr__(self):
        sizes = [len(self.layers[0].neurons[0].w)] + [len(la.neurons) for la in self.layers]
        return f"MLP({'-'.join(map(str, sizes))}, {self.n_parameters} parameters)"


def max_margin_loss(model, X, y, alpha=1e-4):
    """micrograd demo's loss: mean of relu(1 - y_i * score_i) + alpha * sum of p^2 over all
    parameters; returns (loss Unit, accuracy of the signs of the scores)."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or len(X) != len(y) or len(y) == 0:
        raise ValueError(f"need X of shape (N, d) and N labels, got {X.shape} and {y.shape}")
    if not np.all(np.isin(y, (1.0, -1.0))):
        raise ValueError(f"labels must be +1 or -1, got {sorted(set(y.tolist()))}")
    scores = [model(row) for row in X.tolist()]
    if not isinstance(scores[0], Unit):
        raise ValueError(f"the max-margin loss needs one score per point, the model gives "
                         f"{len(scores[0])}")
    margins = [(1.0 - label * s).relu() for label, s in zip(y.tolist(), scores)]
    data_loss = sum(margins) * (1.0 / len(margins))
    reg_loss = alpha * sum(p * p for p in model.parameters())
    accuracy = float(np.mean([(s.value > 0) == (label > 0) for label, s in zip(y, scores)]))
    return data_loss + reg_loss, accuracy


def sgd_step(model, X, y, learning_rate, alpha=1e-4):
    """One full-batch step: loss, backward, every parameter moves against its gradient;
    returns the loss and the accuracy before the step."""
    loss, accuracy = max_margin_loss(model, X, y, alpha)
    loss.backward()                               # recomputes every grad from zero
    for p in model.parameters():
        p.value -= learning_rate * p.grad
    return loss.value, accuracy                   # the graph is dropped here, before the next


def train_mlp(model, X, y, steps=100, alpha=1e-4):
    """micrograd's demo: ``steps`` SGD steps with learning rate 1 - 0.9 k / steps at step k;
    returns losses and accuracies before each step and after the last (steps + 1 of each)."""
    history = [sgd_step(model, X, y, 1.0 - 0.9 * k / steps, alpha) for k in range(steps)]
    loss, accuracy = max_margin_loss(model, X, y, alpha)
    history.append((loss.value, accuracy))
    return np.array([h[0] for h in history]), np.array([h[1] for h in history])
