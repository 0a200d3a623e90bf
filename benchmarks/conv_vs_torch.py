"""circuits.layers vs PyTorch on one training step of a small CNN.

The network: 64 images of 1x16x16 -> conv 8 filters 3x3, pad 1 -> relu -> max pool 2x2 ->
affine to 10 classes -> softmax loss; then a plain SGD step (learning rate 0.02) on all four
parameters. Both sides start from the same weights, see the same random images and labels,
and work in the same dtype (float32 unless --dtype float64); PyTorch on one CPU thread, and
numpy's BLAS on one thread too (OPENBLAS_NUM_THREADS etc. set below unless already set).
Prints both sides' losses over the steps (they must agree) and the best-of-repeats time per
step, with the ratio ours / torch (target <= 2). Without torch it says so and exits 0.

    python benchmarks/conv_vs_torch.py [--steps 5] [--repeats 50] [--dtype float32]
"""
import argparse
import os
import sys
import time

for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")        # before numpy loads its BLAS: one thread, as torch

import numpy as np  # noqa: E402

from circuits.layers import (affine_backward, affine_forward, conv_backward,  # noqa: E402
                             conv_forward, max_pool_backward, max_pool_forward, relu_backward,
                             relu_forward, softmax_loss)
from circuits.optim import sgd  # noqa: E402

N, C, SIDE, FILTERS, CLASSES, LR = 64, 1, 16, 8, 10, 0.02


def problem(dtype, seed=0):
    """Images, labels and the initial [w_conv, b_conv, w_fc, b_fc] (He-scaled conv, small fc)."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(N, C, SIDE, SIDE)).astype(dtype)
    y = rng.integers(0, CLASSES, size=N)
    fc_in = FILTERS * (SIDE // 2) ** 2
    params = [rng.normal(scale=np.sqrt(2 / (C * 9)), size=(FILTERS, C, 3, 3)),
              np.zeros(FILTERS),
              rng.normal(scale=0.01, size=(fc_in, CLASSES)),      # first loss near log(10)
              np.zeros(CLASSES)]
    return X, y, [p.astype(dtype) for p in params]


def step_ours(params, X, y):
    """Forward, backward and SGD with circuits.layers: (new params, loss before the step)."""
    w1, b1, w2, b2 = params
    a, conv_cache = conv_forward(X, w1, b1, stride=1, pad=1)
    r, relu_cache = relu_forward(a)
    p, pool_cache = max_pool_forward(r, size=2, stride=2)
    scores, fc_cache = affine_forward(p, w2, b2)
    loss, dscores = softmax_loss(scores, y)
    dp, dw2, db2 = affine_backward(dscores, fc_cache)
    da = relu_backward(max_pool_backward(dp, pool_cache), relu_cache)
    _, dw1, db1 = conv_backward(da, conv_cache)
    config = {"learning_rate": LR}
    return [sgd(w, dw, config)[0] for w, dw in zip(params, (dw1, db1, dw2, db2))], loss


def torch_stepper(torch):
    """The same step in PyTorch, on tensors that require gradients."""
    F = torch.nn.functional

    def step(params, X, y):
        w1, b1, w2, b2 = params
        p = F.max_pool2d(F.relu(F.conv2d(X, w1, b1, stride=1, padding=1)), 2, 2)
        loss = F.cross_entropy(p.flatten(1) @ w2 + b2, y)
        loss.backward()
        with torch.no_grad():
            for w in params:
                w -= LR * w.grad
                w.grad = None
        return params, loss.item()
    return step


def run(step, params, X, y, steps):
    losses = []
    for _ in range(steps):
        params, loss = step(params, X, y)
        losses.append(float(loss))
    return losses


def best_times(steppers, repeats):
    """Best wall time of one step for each (step, fresh) pair, taking turns so that both
    sides see the same load; each run starts from fresh copies of the inputs."""
    times = [[] for _ in steppers]
    for _ in range(repeats):
        for (step, fresh), record in zip(steppers, times):
            params, X, y = fresh()
            start = time.perf_counter()
            step(params, X, y)
            record.append(time.perf_counter() - start)
    return [min(t) for t in times]


def compare(steps=5, repeats=50, dtype="float32"):
    """(our losses, torch's losses, our step time, torch's step time); torch must be installed."""
    import torch
    torch.set_num_threads(1)
    X, y, params = problem(dtype)

    def ours():
        return [p.copy() for p in params], X, y

    def theirs():
        return ([torch.tensor(p, requires_grad=True) for p in params], torch.from_numpy(X),
                torch.from_numpy(y))
    torch_step = torch_stepper(torch)
    ours_losses, torch_losses = run(step_ours, *ours(), steps), run(torch_step, *theirs(), steps)
    steppers = [(step_ours, ours), (torch_step, theirs)]
    best_times(steppers, 3)                                  # warm up
    return (ours_losses, torch_losses, *best_times(steppers, repeats))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=50)
    parser.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    args = parser.parse_args()
    try:
        import torch  # noqa: F401
    except ImportError:
        print("PyTorch is not installed: nothing to compare against "
              "(pip install torch==2.13.0 to run this benchmark)")
        return 0
    ours, theirs, t_ours, t_torch = compare(args.steps, args.repeats, args.dtype)
    gap = max(abs(a - b) / abs(b) for a, b in zip(ours, theirs))
    print(f"CNN step, N={N} images 1x{SIDE}x{SIDE}, {FILTERS} filters 3x3, {args.dtype}, 1 thread")
    print("losses  ours:  " + " ".join(f"{v:.6f}" for v in ours))
    print("losses  torch: " + " ".join(f"{v:.6f}" for v in theirs))
    tolerance = 1e-4 if args.dtype == "float32" else 1e-10
    print(f"largest relative loss gap {gap:.1e} ({'ok' if gap <= tolerance else 'MISMATCH'})")
    print(f"step time  ours {t_ours * 1e3:.2f} ms  torch {t_torch * 1e3:.2f} ms  "
          f"ratio ours/torch {t_ours / t_torch:.2f} (target <= 2)")
    return 0 if gap <= tolerance else 1


if __name__ == "__main__":
    sys.exit(main())
