"""A small convolutional network on arrays, built from ``circuits.layers``: convolution, ReLU,
max pooling, an affine layer to the class scores, and the softmax loss. Same protocol as
``circuits.models.dense.DenseNet`` (``params``, ``loss(X, y) -> (cost, grads)``), so
``circuits.train.fit`` trains it."""
import numpy as np

from .. import layers
from ..layers.conv import output_size


def _whole(value, name, low=1):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
        raise ValueError(f"{name} must be a whole number >= {low}, got {value!r}")
    return int(value)


class ConvNet:
    """conv (``filters`` of field x field, stride 1, zero-padded to keep the size) -> ReLU ->
    max pool (pool x pool, stride pool) -> affine -> scores, on images of ``input_shape``
    (C, H, W). Parameters W1, b1 (the filters), W2, b2 (the classifier) in ``params``; weights
    start gaussian with standard deviation ``weight_scale`` (default sqrt(2 / fan-in)). The cost
    is the mean softmax loss + regularization / 2 * (sum W1^2 + sum W2^2)."""

    def __init__(self, input_shape=(1, 16, 16), filters=8, field=5, pool=4, classes=10,
                 rng=None, regularization=0.0, weight_scale=None):
        if rng is None:
            raise ValueError("pass rng=np.random.default_rng(seed): the start is random")
        if len(input_shape) != 3:
            raise ValueError(f"input_shape must be (C, H, W), got {input_shape}")
        C, H, W = (_whole(s, "each of input_shape") for s in input_shape)
        filters, pool, classes = _whole(filters, "filters"), _whole(pool, "pool"), \
            _whole(classes, "classes", 2)
        field = _whole(field, "field")
        if field % 2 == 0:
            raise ValueError(f"field must be odd (padding keeps the size), got {field}")
        self.input_shape, self.pad, self.pool = (C, H, W), (field - 1) // 2, pool
        self.regularization = regularization
        Ho, Wo = output_size(H, pool, pool, 0, "height"), output_size(W, pool, pool, 0, "width")
        hidden = filters * Ho * Wo                           # numbers the pooling hands on
        scales = [np.sqrt(2.0 / n) if weight_scale is None else weight_scale
                  for n in (C * field * field, hidden)]
        self.params = {"W1": scales[0] * rng.standard_normal((filters, C, field, field)),
                       "b1": np.zeros(filters),
                       "W2": scales[1] * rng.standard_normal((hidden, classes)),
                       "b2": np.zeros(classes)}

    def _check(self, X):
        X = np.asarray(X, float)
        if X.ndim != 4 or X.shape[1:] != self.input_shape:
            raise ValueError(f"X must have shape (N, {', '.join(map(str, self.input_shape))}), "
                             f"got {X.shape}")
        return X

    def feature_maps(self, X):
        """The ReLU of the convolution, one map per filter: (N, filters, H, W)."""
        p = self.params
        return np.maximum(layers.conv_forward(self._check(X), p["W1"], p["b1"], 1,
                                              self.pad)[0], 0.0)

    def forward(self, X):
        """Scores of every image of X (N, C, H, W), and the caches the backward pass needs."""
        p = self.params
        out, conv = layers.conv_forward(self._check(X), p["W1"], p["b1"], 1, self.pad)
        out, relu = layers.relu_forward(out)
        out, pool = layers.max_pool_forward(out, self.pool, self.pool)
        scores, affine = layers.affine_forward(out, p["W2"], p["b2"])
        return scores, (conv, relu, pool, affine)

    def scores(self, X):
        """The class scores of every image: shape (N, classes)."""
        return self.forward(X)[0]

    def predict(self, X):
        """The class with the largest score, for every image."""
        return self.scores(X).argmax(axis=1)

    def accuracy(self, X, y):
        """Share of images whose predicted class is y."""
        return float(np.mean(self.predict(X) == np.asarray(y)))

    def loss(self, X, y):
        """(cost, {name: gradient}) on the batch X, y."""
        scores, (conv, relu, pool, affine) = self.forward(X)
        data, dout = layers.softmax_loss(scores, y)
        reg, p = self.regularization, self.params
        grads = {}
        dout, grads["W2"], grads["b2"] = layers.affine_backward(dout, affine)
        dout = layers.relu_backward(layers.max_pool_backward(dout, pool), relu)
        _, grads["W1"], grads["b1"] = layers.conv_backward(dout, conv)
        for name in ("W1", "W2"):
            grads[name] = grads[name] + reg * p[name]
        cost = data + reg / 2 * (float(np.sum(p["W1"] ** 2)) + float(np.sum(p["W2"] ** 2)))
        return cost, grads

    def __repr__(self):
        F, C, k, _ = self.params["W1"].shape
        return (f"ConvNet(input_shape={self.input_shape}, filters={F}, field={k}, "
                f"pool={self.pool}, classes={self.params['b2'].size})")
