"""A two-layer network with bugs to switch on, for practising the debugging checklist
(``circuits.checklist``). With no bugs it is ``DenseNet((inputs, hidden, classes))``, softmax."""
from .. import layers
from .dense import DenseNet

BUGS = {
    "relu_mask": "the ReLU's backward pass lets the gradient through where the unit is off",
    "sign": "the gradient of the scores has the wrong sign",
    "init_scale": "every weight matrix starts 10 times too large",
    "learning_rate": "the recipe's learning rate is 100 times too high",
}
LEARNING_RATE = 0.1                 # the healthy recipe: update ratios near 1e-3 on the spirals


class BrokenNet(DenseNet):
    """``DenseNet(sizes, rng)`` with the bugs named in ``bugs`` (keys of BUGS) switched on; the
    same ``rng`` seed gives the same weights whatever the bugs (up to init_scale's factor)."""

    def __init__(self, sizes, rng, bugs=()):
        if len(sizes) != 3:
            raise ValueError(f"BrokenNet has two layers: sizes = (inputs, hidden, classes), "
                             f"got {sizes}")
        bugs = frozenset([bugs] if isinstance(bugs, str) else bugs)
        unknown = sorted(bugs - set(BUGS))
        if unknown:
            raise ValueError(f"unknown bug {unknown[0]!r}; the bugs are {list(BUGS)}")
        super().__init__(sizes, rng)
        self.bugs = bugs
        if "init_scale" in bugs:
            for name in ("W1", "W2"):
                self.params[name] = 10 * self.params[name]

    @property
    def learning_rate(self):
        """The learning rate the net's training recipe uses (100x too high with that bug)."""
        return LEARNING_RATE * (100 if "learning_rate" in self.bugs else 1)

    def loss(self, X, y):
        """(cost, {name: gradient}) on the batch X, y, with the switched-on bugs."""
        scores, (first, relu, second) = self.forward(X)
        cost, dscores = layers.softmax_loss(scores, y)
        if "sign" in self.bugs:
            dscores = -dscores                          # bug: uphill instead of downhill
        dhidden, dW2, db2 = layers.affine_backward(dscores, second)
        if "relu_mask" in self.bugs:
            dpre = dhidden                              # bug: no mask, dead units learn too
        else:
            dpre = layers.relu_backward(dhidden, relu)
        _, dW1, db1 = layers.affine_backward(dpre, first)
        return cost, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def __repr__(self):
        bugs = sorted(self.bugs)
        return f"BrokenNet(sizes={self.sizes}, bugs={bugs})"

