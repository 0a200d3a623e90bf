"""The Unit MLP's arithmetic on numpy arrays: scores of many points at once, and micrograd's
demo training (max-margin loss + L2 on every parameter, learning rate 1 - 0.9 k / steps).

Parameters are one flat array in the order of ``models.mlp.MLP.parameters()``: neuron by
neuron, each neuron's weights then its bias. ``sizes`` counts the inputs first: (2, 16, 16, 1).
"""
import numpy as np

from ..layers import affine_backward, affine_forward, binary_hinge_loss, relu_backward, relu_forward


def _check_sizes(sizes):
    sizes = tuple(sizes)
    if len(sizes) < 2 or any(isinstance(s, bool) or int(s) != s or s < 1 for s in sizes):
        raise ValueError(f"sizes must be two or more whole numbers >= 1 (inputs first), got {sizes}")
    return tuple(int(s) for s in sizes)


def n_parameters(sizes):
    """How many parameters an MLP of these sizes has: (inputs + 1) * outputs per layer."""
    sizes = _check_sizes(sizes)
    return sum((n_in + 1) * n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))


def unflatten(flat, sizes):
    """Flat parameters -> [(W of shape (inputs, outputs), b of shape (outputs,))] per layer."""
    sizes, flat = _check_sizes(sizes), np.asarray(flat, float)
    if flat.shape != (n_parameters(sizes),):
        raise ValueError(f"an MLP of sizes {sizes} has {n_parameters(sizes)} parameters, "
                         f"got an array of shape {flat.shape}")
    layers, start = [], 0
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        block = flat[start:start + (n_in + 1) * n_out].reshape(n_out, n_in + 1)
        layers.append((block[:, :n_in].T, block[:, n_in]))
        start += (n_in + 1) * n_out
    return layers


def _forward(layers, X):
    out, caches = np.asarray(X, float), []
    for k, (W, b) in enumerate(layers):
        out, cache = affine_forward(out, W, b)
        caches.append(cache)
        if k < len(layers) - 1:                   # ReLU on hidden layers, linear last layer
            out, cache = relu_forward(out)
            caches.append(cache)
    return out, caches


def scores(flat, sizes, X):
    """The MLP's output at every row of X (N, inputs): shape (N,) for one output, else (N, outputs)."""
    out = _forward(unflatten(flat, sizes), X)[0]
    return out[:, 0] if out.shape[1] == 1 else out


def loss_and_gradient(flat, sizes, X, y, alpha=1e-4):
    """(loss, d loss / d flat, accuracy) of micrograd's demo loss: mean max(0, 1 - y * score)
    + alpha * sum of every parameter squared; accuracy counts score > 0 as label +1."""
    flat = np.asarray(flat, float)
    layers = unflatten(flat, sizes)
    out, caches = _forward(layers, X)
    data_loss, dout = binary_hinge_loss(out, y)
    grads = []
    for k in range(len(layers) - 1, -1, -1):
        if k < len(layers) - 1:
            dout = relu_backward(dout, caches.pop())
        dout, dW, db = affine_backward(dout, caches.pop())
        grads.append(np.column_stack([dW.T, db]).ravel())   # back to neuron-by-neuron order
    gradient = np.concatenate(grads[::-1]) + 2 * alpha * flat
    accuracy = float(np.mean((out[:, 0] > 0) == (np.asarray(y) > 0)))
    return data_loss + alpha * float(flat @ flat), gradient, accuracy


def train_demo(flat, sizes, X, y, steps=100, alpha=1e-4):
    """Full-batch steps with learning rate 1 - 0.9 k / steps, as ``models.mlp.train_mlp``;
    returns (parameters before each step and after the last: (steps + 1, P), losses, accuracies)."""
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 0:
        raise ValueError(f"steps must be a whole number >= 0, got {steps!r}")
    path, losses, accuracies = [np.asarray(flat, float).copy()], [], []
    for k in range(steps + 1):
        loss, gradient, accuracy = loss_and_gradient(path[-1], sizes, X, y, alpha)
        losses.append(loss)
        accuracies.append(accuracy)
        if k < steps:
            path.append(path[-1] - (1.0 - 0.9 * k / steps) * gradient)
    return np.array(path), np.array(losses), np.array(accuracies)
