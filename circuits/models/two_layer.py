"""The guide's 2-layer network: ReLU hidden neurons, each a line on the plane, and a score on top.

``Network`` is the loop-based form (any number of hidden neurons); ``scores`` is the same
forward pass for many points at once, for drawing decision boundaries; ``gradient`` and
``squared_weights`` let ``circuits.train.train`` train it on flat parameter lists.
"""
import numpy as np

from ..losses import pull
from ..train import step

GUIDE_NAMES = ("a1", "b1", "c1", "a2", "b2", "c2", "a3", "b3", "c3", "a4", "b4", "c4", "d4")


def guide_parameters(rng):
    """The guide's 13 parameters a1 ... d4 by name, each uniform in [-0.5, 0.5)."""
    return {name: rng.random() - 0.5 for name in GUIDE_NAMES}


def hand_written_step(p, x, y, label, step_size=0.01, regularization=1.0):
    """One SGD step of the 3-neuron network, every derivative written out by hand.

    ``p`` maps a1 ... d4 to floats; returns (the updated parameters, the gradients used)."""
    n1 = max(0.0, p["a1"] * x + p["b1"] * y + p["c1"])     # hidden neurons
    n2 = max(0.0, p["a2"] * x + p["b2"] * y + p["c2"])
    n3 = max(0.0, p["a3"] * x + p["b3"] * y + p["c3"])
    score = p["a4"] * n1 + p["b4"] * n2 + p["c4"] * n3 + p["d4"]
    f = pull(score, label)
    g = {"a4": n1 * f, "b4": n2 * f, "c4": n3 * f, "d4": f}   # the top neuron
    dn1 = p["a4"] * f if n1 > 0 else 0.0                # through each ReLU
    dn2 = p["b4"] * f if n2 > 0 else 0.0
    dn3 = p["c4"] * f if n3 > 0 else 0.0
    g.update(a1=x * dn1, b1=y * dn1, c1=dn1, a2=x * dn2, b2=y * dn2, c2=dn2,
             a3=x * dn3, b3=y * dn3, c3=dn3)
    for name in ("a1", "b1", "a2", "b2", "a3", "b3", "a4", "b4", "c4"):   # springs, not biases
        g[name] -= regularization * p[name]
    return {name: p[name] + step_size * g[name] for name in GUIDE_NAMES}, g


class Network:
    """score = sum_j v_j * relu(a_j*x + b_j*y + c_j) + d, with ``n_hidden`` neurons.

    ``hidden[j] = [a_j, b_j, c_j]``, ``top = [v_1, ..., v_H]``, ``bias = d``; every parameter
    starts uniform in [-0.5, 0.5), as in the guide.
    """

    def __init__(self, n_hidden=3, rng=None):
        if isinstance(n_hidden, bool) or not isinstance(n_hidden, (int, np.integer)) \
                or n_hidden < 1:
            raise ValueError(f"n_hidden must be a whole number >= 1, got {n_hidden!r}")
        if rng is None:
            raise ValueError("pass rng=np.random.default_rng(seed): the start is random")
        start = (rng.random(4 * n_hidden + 1) - 0.5).tolist()
        self.set_parameters(start)

    @property
    def n_hidden(self):
        return len(self.top)

    def parameters(self):
        """All parameters as one flat list, in the guide's order a1 b1 c1 ... a4 b4 c4 d4."""
        return [p for neuron in self.hidden for p in neuron] + list(self.top) + [self.bias]

    def set_parameters(self, flat):
        """Load a flat list in the order of ``parameters()``; its length sets ``n_hidden``."""
        flat = [float(p) for p in flat]
        if len(flat) < 5 or (len(flat) - 1) % 4:
            raise ValueError(f"a network has 4 * n_hidden + 1 parameters, got {len(flat)}")
        h = (len(flat) - 1) // 4
        self.hidden = [flat[3 * j:3 * j + 3] for j in range(h)]
        self.top = flat[3 * h:4 * h]
        self.bias = flat[4 * h]

    def forward(self, x, y):
        """Score of the point (x, y); remembers the point and the hidden activations."""
        self.x, self.y = x, y
        self.activations = [max(0.0, a * x + b * y + c) for a, b, c in self.hidden]
        return sum(v * n for v, n in zip(self.top, self.activations)) + self.bias

    def backward(self, pull, regularization=1.0):
        """Gradients (flat, as ``parameters()``) for a ``pull`` on the last score, plus the
        springs pulling every weight (not the biases c_j, d) towards zero."""
        grads = []
        for (a, b, c), v, n in zip(self.hidden, self.top, self.activations):
            d_n = v * pull if n > 0 else 0.0          # a neuron that did not fire passes nothing
            grads += [self.x * d_n - regularization * a, self.y * d_n - regularization * b, d_n]
        grads += [n * pull - regularization * v for v, n in zip(self.top, self.activations)]
        return grads + [pull]

    def learn_from(self, x, y, label, step_size=0.01, regularization=1.0, loss="hinge"):
        """One SGD step: forward, pull on the score, backward, nudge every parameter."""
        grads = gradient(self.parameters(), x, y, label, regularization, loss)
        self.set_parameters(step(self.parameters(), grads, step_size))

    def scores(self, X):
        """Scores of many points at once: X of shape (N, 2) -> (N,)."""
        return scores(self.parameters(), X)

    def __repr__(self):
        return f"Network(n_hidden={self.n_hidden})"


def unpack(flat):
    """Flat parameters -> (W of shape (H, 3) with rows a_j, b_j, c_j; top weights v; bias d)."""
    flat = np.asarray(flat, float)
    h = (flat.shape[-1] - 1) // 4
    return flat[..., :3 * h].reshape(flat.shape[:-1] + (h, 3)), flat[..., 3 * h:4 * h], \
        flat[..., 4 * h]


def hidden_activations(flat, X):
    """relu(a_j*x + b_j*y + c_j) of every hidden neuron at every point: shape (..., N, H)
    for parameters of shape (..., 4H + 1)."""
    W, _, _ = unpack(flat)
    return np.maximum(0.0, X @ np.swapaxes(W[..., :2], -1, -2) + W[..., None, :, 2])


def scores(flat, X):
    """The network's score at every point of X (N, 2), vectorised: shape (..., N)."""
    _, v, d = unpack(flat)
    return (hidden_activations(flat, X) @ v[..., :, None])[..., 0] + d[..., None]


def gradient(flat, x, y, label, regularization, loss="hinge"):
    """d(cost of one example)/d(parameters), flat in the order of ``Network.parameters()``:
    minus the pulls that ``Network.backward`` hands back."""
    net = Network.__new__(Network)
    net.set_parameters(flat)
    return [-g for g in net.backward(pull(net.forward(x, y), label, loss), regularization)]


def squared_weights(flat):
    """Sum of the squared weights the springs act on (every parameter but the biases c_j, d)."""
    W, v, _ = unpack(flat)
    return (W[..., :2] ** 2).sum(axis=(-1, -2)) + (v ** 2).sum(-1)
