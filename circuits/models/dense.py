"""A fully connected network on arrays, built from ``circuits.layers``: affine, ReLU, ...,
affine, then a loss. ``loss(X, y)`` returns the cost and the gradient of every parameter."""
import numpy as np

from .. import layers

LOSSES = {"softmax": layers.softmax_loss, "svm": layers.svm_loss, "mse": layers.mse_loss,
          "hinge": layers.binary_hinge_loss}


class DenseNet:
    """``sizes`` = (inputs, hidden..., outputs); ReLU between layers; parameters W1, b1, W2, ...
    in ``params``. Weights start gaussian with standard deviation ``weight_scale`` (default
    sqrt(2 / fan-in)), biases at 0. The cost is the mean ``loss`` + regularization / 2 * sum W^2."""

    def __init__(self, sizes, rng, loss="softmax", regularization=0.0, weight_scale=None):
        if rng is None:
            raise ValueError("pass rng=np.random.default_rng(seed): the start is random")
        if len(sizes) < 2 or any(int(s) != s or s < 1 for s in sizes):
            raise ValueError(f"sizes must be two or more whole numbers >= 1, got {sizes}")
        if loss not in LOSSES:
            raise ValueError(f"loss must be one of {list(LOSSES)}, got {loss!r}")
        self.sizes, self.loss_name, self.regularization = tuple(sizes), loss, regularization
        self.params = {}
        for k, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
            scale = np.sqrt(2.0 / n_in) if weight_scale is None else weight_scale
            self.params[f"W{k}"] = scale * rng.standard_normal((n_in, n_out))
            self.params[f"b{k}"] = np.zeros(n_out)

    @property
    def n_layers(self):
        return len(self.sizes) - 1

    def hidden_forward(self, out, train):
        """What follows every hidden affine layer: a ReLU (a subclass may add more)."""
        return layers.relu_forward(out)

    def hidden_backward(self, dout, cache):
        """The backward pass of ``hidden_forward``."""
        return layers.relu_backward(dout, cache)

    def forward(self, X, train=False):
        """Scores of every row of X, and the caches the backward pass needs (``train``: the
        forward pass of ``loss``, for subclasses that train differently)."""
        out, caches = np.asarray(X, float), []
        for k in range(1, self.n_layers + 1):
            out, cache = layers.affine_forward(out, self.params[f"W{k}"], self.params[f"b{k}"])
            caches.append(cache)
            if k < self.n_layers:
                out, cache = self.hidden_forward(out, train)
                caches.append(cache)
        return out, caches

    def scores(self, X):
        """The network's output for every row of X: shape (N, outputs)."""
        return self.forward(X)[0]

    def predict(self, X):
        """Class labels (argmax of the scores); for loss "mse" the outputs; for "hinge" +1/-1."""
        s = self.scores(X)
        if self.loss_name == "mse":
            return s
        if self.loss_name == "hinge":
            return np.where(s[:, 0] > 0, 1.0, -1.0)
        return s.argmax(axis=1)

    def accuracy(self, X, y):
        """Share of rows whose predicted label is y (not defined for regression: NaN)."""
        return np.nan if self.loss_name == "mse" else float(np.mean(self.predict(X) == y))

    def data_loss(self, scores, y):
        """The mean loss of ``scores`` against ``y`` and its gradient with respect to the scores
        (a subclass may weigh or change it; ``loss`` adds the regularization and backpropagates)."""
        target = y
        if self.loss_name == "mse":
            target = np.asarray(y, float)
            if target.size != scores.size:
                raise ValueError(f"{target.size} targets (shape {target.shape}) do not fit "
                                 f"{scores.shape[0]} rows of {scores.shape[1]} outputs")
            target = target.reshape(scores.shape)
        return LOSSES[self.loss_name](scores, target)

    def loss(self, X, y):
        """(cost, {name: gradient}) on the batch X, y."""
        scores, caches = self.forward(X, train=True)
        data, dout = self.data_loss(scores, y)
        weights = [self.params[f"W{k}"] for k in range(1, self.n_layers + 1)]
        cost = data + self.regularization / 2 * sum(float(np.sum(W * W)) for W in weights)
        grads = {}
        for k in range(self.n_layers, 0, -1):
            if k < self.n_layers:
                dout = self.hidden_backward(dout, caches.pop())
            dout, dW, db = layers.affine_backward(dout, caches.pop())
            grads[f"W{k}"] = dW + self.regularization * self.params[f"W{k}"]
            grads[f"b{k}"] = db
        return cost, grads

    def __repr__(self):
        return f"DenseNet(sizes={self.sizes}, loss={self.loss_name!r})"
