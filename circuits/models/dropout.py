"""A fully connected network with inverted dropout after every hidden ReLU: units dropped at
random while it trains (in ``loss``), all of them used when it predicts."""
import numpy as np

from .. import layers
from ..layers.checks import as_scalar
from .dense import LOSSES, DenseNet


class DropoutNet(DenseNet):
    """A ``DenseNet`` (same sizes, parameters, loss and L2 ``regularization``) whose hidden
    units are each dropped with probability ``p`` on every call of ``loss``, the masks drawn
    from ``rng`` (the generator that drew the weights, kept); ``scores``, ``predict`` and
    ``accuracy`` use every unit. Every ``loss`` call draws masks, so the costs ``fit`` records
    (validation cost too) are with dropout on; its accuracies are without."""

    def __init__(self, sizes, rng, p=0.5, loss="softmax", regularization=0.0,
                 weight_scale=None):
        super().__init__(sizes, rng, loss, regularization, weight_scale)
        self.p = as_scalar("dropout probability p", p, 0.0, 1.0, high_open=True)
        self.rng = rng

    def forward(self, X, train=False):
        """Scores of every row of X and the caches for backward; ``train`` drops units."""
        out, caches = np.asarray(X, float), []
        for k in range(1, self.n_layers + 1):
            out, cache = layers.affine_forward(out, self.params[f"W{k}"], self.params[f"b{k}"])
            caches.append(cache)
            if k < self.n_layers:
                out, relu_cache = layers.relu_forward(out)
                out, drop_cache = layers.dropout_forward(out, self.p, train, self.rng)
                caches.append((relu_cache, drop_cache))
        return out, caches

    def loss(self, X, y):
        """(cost, {name: gradient}) on the batch X, y, with fresh dropout masks."""
        scores, caches = self.forward(X, train=True)
        target = y
        if self.loss_name == "mse":
            target = np.asarray(y, float)
            if target.size != scores.size:
                raise ValueError(f"{target.size} targets (shape {target.shape}) do not fit "
                                 f"{scores.shape[0]} rows of {scores.shape[1]} outputs")
            target = target.reshape(scores.shape)
        data, dout = LOSSES[self.loss_name](scores, target)
        weights = [self.params[f"W{k}"] for k in range(1, self.n_layers + 1)]
        cost = data + self.regularization / 2 * sum(float(np.sum(W * W)) for W in weights)
        grads = {}
        for k in range(self.n_layers, 0, -1):
            if k < self.n_layers:
                relu_cache, drop_cache = caches.pop()
                dout = layers.relu_backward(layers.dropout_backward(dout, drop_cache),
                                            relu_cache)
            dout, dW, db = layers.affine_backward(dout, caches.pop())
            grads[f"W{k}"] = dW + self.regularization * self.params[f"W{k}"]
            grads[f"b{k}"] = db
        return cost, grads

    def __repr__(self):
        return f"DropoutNet(sizes={self.sizes}, p={self.p}, loss={self.loss_name!r})"
