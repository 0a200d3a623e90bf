"""circuits.layers vs PyTorch vs hand-written numpy on micrograd's demo (MLP 2-16-16-1, two moons).

All three train the same network from the same weights (uniform(-1, 1) weights, zero biases)
with the same full-batch steps: mean hinge loss max(0, 1 - y * score) plus 1e-4 times the sum
of the squares of *all* parameters, biases included (as micrograd's demo does), then plain SGD
with learning rate 1 - 0.9 k / steps. Everything in float64, PyTorch on one CPU thread.
Prints the losses' largest gap and the best-of-repeats time per step, with the ratios
ours / torch (target <= 1/3) and ours / hand-written numpy (target <= 1.3). Without torch it
says so and still prints the numpy ratio.

    python benchmarks/vectorized_vs_torch.py [--steps 100] [--repeats 20]
"""
import argparse
import time

import numpy as np

from circuits.datasets import two_moons
from circuits.layers import (affine_backward, affine_forward, binary_hinge_loss, relu_backward,
                             relu_forward)
from circuits.optim import sgd

SIZES = (2, 16, 16, 1)
ALPHA = 1e-4              # L2 strength on every parameter


def initial_params(seed=1337):
    """[w1, b1, w2, b2, w3, b3]: weights uniform in (-1, 1), biases 0, as micrograd starts."""
    rng = np.random.default_rng(seed)
    params = []
    for n_in, n_out in zip(SIZES[:-1], SIZES[1:]):
        params += [rng.uniform(-1, 1, (n_in, n_out)), np.zeros(n_out)]
    return params


def step_layers(params, X, y, lr):
    """One step with the package's layers, loss and sgd: (new params, loss before the step)."""
    w1, b1, w2, b2, w3, b3 = params
    h1, fc1 = affine_forward(X, w1, b1)
    a1, relu1 = relu_forward(h1)
    h2, fc2 = affine_forward(a1, w2, b2)
    a2, relu2 = relu_forward(h2)
    scores, fc3 = affine_forward(a2, w3, b3)
    data_loss, dscores = binary_hinge_loss(scores, y)
    loss = data_loss + ALPHA * sum((p * p).sum() for p in params)
    da2, dw3, db3 = affine_backward(dscores, fc3)
    da1, dw2, db2 = affine_backward(relu_backward(da2, relu2), fc2)
    _, dw1, db1 = affine_backward(relu_backward(da1, relu1), fc1)
    config = {"learning_rate": lr}
    grads = (dw1, db1, dw2, db2, dw3, db3)
    return [sgd(p, g + 2 * ALPHA * p, config)[0] for p, g in zip(params, grads)], loss


def step_numpy(params, X, y, lr):
    """The same step written out by hand in numpy, with no calls into circuits."""
    w1, b1, w2, b2, w3, b3 = params
    z1 = X @ w1 + b1
    a1 = np.maximum(z1, 0.0)
    z2 = a1 @ w2 + b2
    a2 = np.maximum(z2, 0.0)
    s = a2 @ w3 + b3
    short = 1.0 - y * s[:, 0]
    loss = np.maximum(short, 0.0).mean() + ALPHA * sum((p * p).sum() for p in params)
    ds = (np.where(short > 0, -y, 0.0) / len(y))[:, None]
    dw3, db3 = a2.T @ ds, ds.sum(axis=0)
    dz2 = (ds @ w3.T) * (z2 > 0)
    dw2, db2 = a1.T @ dz2, dz2.sum(axis=0)
    dz1 = (dz2 @ w2.T) * (z1 > 0)
    dw1, db1 = X.T @ dz1, dz1.sum(axis=0)
    w1 -= lr * (dw1 + 2 * ALPHA * w1)
    b1 -= lr * (db1 + 2 * ALPHA * b1)
    w2 -= lr * (dw2 + 2 * ALPHA * w2)
    b2 -= lr * (db2 + 2 * ALPHA * b2)
    w3 -= lr * (dw3 + 2 * ALPHA * w3)
    b3 -= lr * (db3 + 2 * ALPHA * b3)
    return params, loss


def start_torch(X, y):
    """Parameters as float64 tensors, torch.optim.SGD over them, and the data as tensors."""
    import torch
    torch.set_num_threads(1)
    params = [torch.tensor(p, requires_grad=True) for p in initial_params()]
    return (params, torch.optim.SGD(params, lr=1.0)), torch.tensor(X), torch.tensor(y)


def step_torch(state, X, y, lr):
    """The same step in PyTorch: autograd, then torch.optim.SGD."""
    import torch
    params, optimizer = state
    w1, b1, w2, b2, w3, b3 = params
    a1 = torch.relu(X @ w1 + b1)
    a2 = torch.relu(a1 @ w2 + b2)
    s = (a2 @ w3 + b3)[:, 0]
    loss = torch.relu(1.0 - y * s).mean() + ALPHA * sum((p * p).sum() for p in params)
    optimizer.zero_grad()
    loss.backward()
    optimizer.param_groups[0]["lr"] = lr
    optimizer.step()
    return state, loss.item()


def train(step, state, X, y, steps):
    """Run ``steps`` steps; return (losses, seconds each step took)."""
    losses, times = [], []
    for k in range(steps):
        start = time.perf_counter()
        state, loss = step(state, X, y, 1.0 - 0.9 * k / steps)
        times.append(time.perf_counter() - start)
        losses.append(float(loss))
    return np.array(losses), np.array(times)


def compare(steps=100, repeats=20, seed=0):
    """{name: (losses, seconds per step)} for ours, numpy and (if importable) torch.

    The implementations take turns, so a busy machine slows them alike; a step's time is
    its best over the repeats, and the time per step is the median of those over the steps.
    """
    X, y = two_moons(100, noise=0.1, seed=seed)
    starts = {"ours": lambda: (initial_params(), X, y), "numpy": lambda: (initial_params(), X, y)}
    steppers = {"ours": step_layers, "numpy": step_numpy}
    try:
        import torch  # noqa: F401
        starts["torch"], steppers["torch"] = lambda: start_torch(X, y), step_torch
    except ImportError:
        pass
    losses, best = {}, {name: np.full(steps, np.inf) for name in steppers}
    for _ in range(repeats):
        for name, step in steppers.items():
            losses[name], times = train(step, *starts[name](), steps)
            best[name] = np.minimum(best[name], times)
    return {name: (losses[name], float(np.median(best[name]))) for name in steppers}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    results = compare(args.steps, args.repeats)
    ours, t_ours = results["ours"]
    print(f"losses (first, last): ours {ours[0]:.6f} {ours[-1]:.6f}")
    for name, (losses, t) in results.items():
        gap = np.max(np.abs(losses - ours))
        print(f"{name:>6}: {t * 1e6:8.1f} us per step   losses' largest gap from ours {gap:.1e}")
    agree = all(np.max(np.abs(r[0] - ours)) < 1e-9 for r in results.values())
    print(f"losses agree (max abs diff < 1e-9): {'yes' if agree else 'NO'}")
    ratio = t_ours / results["numpy"][1]
    print(f"ratio ours/numpy: {ratio:.2f}  (target <= 1.3: {'ok' if ratio <= 1.3 else 'MISSED'})")
    if "torch" in results:
        ratio = t_ours / results["torch"][1]
        verdict = "ok" if ratio <= 1 / 3 else "MISSED"
        print(f"ratio ours/torch: {ratio:.2f}  (target <= 0.33: {verdict})")
    else:
        print("torch is not installed: no ours/torch ratio "
              "(pip install torch==2.13.0 takes the CPU wheel)")
    if not agree:
        raise SystemExit("the implementations' losses differ")


if __name__ == "__main__":
    main()
