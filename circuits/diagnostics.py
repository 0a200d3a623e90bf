"""What a network's hidden units do: the activations of a deep stack at a given starting scale
(vanishing, saturating or steady), and the ReLUs that fire on no point at all (dead units)."""
import copy

import numpy as np

from . import layers

NONLINEARITIES = {"tanh": layers.tanh_forward, "relu": layers.relu_forward}


def he_scale(fan_in):
    """The weight standard deviation sqrt(2 / fan_in) that keeps ReLU activations steady."""
    if isinstance(fan_in, bool) or int(fan_in) != fan_in or fan_in < 1:
        raise ValueError(f"fan_in must be a whole number >= 1, got {fan_in!r}")
    return float(np.sqrt(2.0 / fan_in))


def deep_activations(X, depth, width, scale, nonlinearity="tanh", rng=None):
    """The activations of ``depth`` layers of ``width`` units stacked on X (rows are points):
    weights gaussian with standard deviation ``scale``, biases 0; a list of (N, width) arrays."""
    X = np.asarray(X, float)
    if X.ndim != 2:
        raise ValueError(f"X must be a 2-D array (points, features), got shape {X.shape}")
    if nonlinearity not in NONLINEARITIES:
        raise ValueError(f"nonlinearity must be one of {list(NONLINEARITIES)}, "
                         f"got {nonlinearity!r}")
    if int(depth) != depth or depth < 1 or int(width) != width or width < 1:
        raise ValueError(f"depth and width must be whole numbers >= 1, got {depth}, {width}")
    if not scale >= 0:
        raise ValueError(f"scale must be a number >= 0, got {scale}")
    if rng is None:
        raise ValueError("pass rng=np.random.default_rng(seed): the weights are random")
    activations, out = [], X
    for _ in range(depth):
        W = scale * rng.standard_normal((out.shape[1], width))
        pre, _ = layers.affine_forward(out, W, np.zeros(width))
        out, _ = NONLINEARITIES[nonlinearity](pre)
        activations.append(out)
    return activations


def layer_stds(activations):
    """The standard deviation of every layer's activations (all points and units together)."""
    return np.array([np.std(a) for a in activations])


def saturation(a, threshold=0.99):
    """The share of entries of ``a`` beyond +-threshold: tanh units stuck where its slope is ~0."""
    if not 0 < threshold:
        raise ValueError(f"threshold must be > 0, got {threshold}")
    return float(np.mean(np.abs(np.asarray(a, float)) > threshold))


def dead_mask(pre):
    """Which units (columns of the pre-activations ``pre``, one row per point) are dead: their
    input is <= 0 on every point, so their ReLU outputs 0 and passes back no gradient."""
    pre = np.asarray(pre, float)
    if pre.ndim != 2 or len(pre) == 0:
        raise ValueError(f"pre must be a 2-D array (points, units) with a point, got shape "
                         f"{pre.shape}")
    return np.all(pre <= 0, axis=0)


def preactivations(net, X):
    """The input of every hidden layer's ReLUs of a ``DenseNet`` on X: a list of (N, units)."""
    out, pres = np.asarray(X, float), []
    for k in range(1, net.n_layers):
        pre, _ = layers.affine_forward(out, net.params[f"W{k}"], net.params[f"b{k}"])
        pres.append(pre)
        out, _ = layers.relu_forward(pre)
    return pres


def dead_units(net, X):
    """For every hidden layer of a ``DenseNet``, a boolean mask of its units that fire on no
    row of X."""
    return [dead_mask(pre) for pre in preactivations(net, X)]


def dead_fraction(net, X):
    """The share of all hidden units of a ``DenseNet`` that fire on no row of X."""
    masks = dead_units(net, X)
    if not masks:
        raise ValueError(f"{net!r} has no hidden layer")
    return float(np.mean(np.concatenate(masks)))


def dead_fractions(net, history, X):
    """``dead_fraction`` at every set of weights a ``circuits.train.fit`` History recorded
    (``net`` itself is left as it is)."""
    probe = copy.copy(net)
    fractions = []
    for params in history.parameters:
        probe.params = params
        fractions.append(dead_fraction(probe, X))
    return np.array(fractions)
