"""A fully connected network with inverted dropout after every hidden ReLU: units dropped at
random while it trains (in ``loss``), all of them used when it predicts."""
from .. import layers
from ..layers.checks import as_scalar
from .dense import DenseNet


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

    def hidden_forward(self, out, train):
        """A ReLU, then (while training) inverted dropout."""
        out, relu_cache = layers.relu_forward(out)
        out, drop_cache = layers.dropout_forward(out, self.p, train, self.rng)
        return out, (relu_cache, drop_cache)

    def hidden_backward(self, dout, cache):
        """Back through the dropout mask, then the ReLU."""
        relu_cache, drop_cache = cache
        return layers.relu_backward(layers.dropout_backward(dout, drop_cache), relu_cache)

    def __repr__(self):
        return f"DropoutNet(sizes={self.sizes}, p={self.p}, loss={self.loss_name!r})"
