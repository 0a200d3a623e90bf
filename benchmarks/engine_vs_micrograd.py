"""circuits vs micrograd on micrograd's own demo: MLP 2-16-16-1 on 100 two-moons points.

Both engines build the same network the same way (micrograd's nn.py: each neuron is
``sum(w*x for ..., b)`` then ReLU), start from the same weights, and take the same
full-batch steps (hinge loss + 1e-4 L2, learning rate 1 - 0.9 k / steps). Prints the
best-of-N step time of each engine, the ratio circuits / micrograd (target <= 0.33) and
checks that both engines produce the same losses. They agree to rounding, not always to
the last bit: micrograd keeps a node's children in a set, so the order in which a shared
wire's gradient contributions are summed (and so their rounding) is not fixed. Needs ``pip install micrograd``.

    python benchmarks/engine_vs_micrograd.py [--steps 10] [--repeats 5]
"""
import argparse
import time

import numpy as np

from circuits import Unit
from circuits.datasets import two_moons


class MLP:
    """micrograd's MLP, for any engine whose scalar class is ``make`` with ``.relu()``."""

    def __init__(self, make, sizes, rng):
        self.layers = []
        for n_in, n_out in zip(sizes[:-1], sizes[1:]):
            self.layers.append([([make(w) for w in rng.uniform(-1, 1, n_in)], make(0.0))
                                for _ in range(n_out)])

    def __call__(self, x):
        for k, layer in enumerate(self.layers):
            last = k == len(self.layers) - 1
            out = []
            for w, b in layer:
                act = sum((wi * xi for wi, xi in zip(w, x)), b)
                out.append(act if last else act.relu())
            x = out
        return x[0]

    def parameters(self):
        return [p for layer in self.layers for w, b in layer for p in w + [b]]


def loss(model, make, X, y):
    """micrograd demo's loss: mean hinge loss + 1e-4 * sum of squared parameters."""
    inputs = [[make(float(v)) for v in row] for row in X]
    scores = [model(row) for row in inputs]
    losses = [(1 + -float(yi) * si).relu() for yi, si in zip(y, scores)]
    data_loss = sum(losses) * (1.0 / len(losses))
    reg_loss = 1e-4 * sum(p * p for p in model.parameters())
    return data_loss + reg_loss


def step(model, make, X, y, k, steps, value):
    """One full-batch forward + backward + update; returns the loss before the update."""
    total = loss(model, make, X, y)
    for p in model.parameters():
        p.grad = 0.0
    total.backward()
    rate = 1.0 - 0.9 * k / steps
    for p in model.parameters():
        setattr(p, value, getattr(p, value) - rate * p.grad)
    return getattr(total, value)


def train(make, value, X, y, steps, seed=1337):
    """Train a fresh 2-16-16-1 MLP; return (losses, fastest step time in seconds)."""
    model = MLP(make, [2, 16, 16, 1], np.random.default_rng(seed))
    losses, times = [], []
    for k in range(steps):
        start = time.perf_counter()
        losses.append(step(model, make, X, y, k, steps, value))
        times.append(time.perf_counter() - start)
    return losses, min(times)


def compare(steps=10, repeats=5):
    """Best-of-``repeats`` step times for both engines and the losses of each."""
    from micrograd.engine import Value
    X, y = two_moons(100, noise=0.1, seed=0)
    ours, theirs, t_ours, t_theirs = None, None, [], []
    for _ in range(repeats):
        ours, t = train(Unit, "value", X, y, steps)
        t_ours.append(t)
        theirs, t = train(Value, "data", X, y, steps)
        t_theirs.append(t)
    return ours, theirs, min(t_ours), min(t_theirs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    ours, theirs, t_ours, t_theirs = compare(args.steps, args.repeats)
    gap = max(abs(a - b) / max(abs(a), abs(b)) for a, b in zip(ours, theirs))
    same = gap < 1e-9
    print(f"losses (first, last): circuits {ours[0]:.6f} {ours[-1]:.6f}   "
          f"micrograd {theirs[0]:.6f} {theirs[-1]:.6f}   largest relative gap {gap:.1e}")
    print(f"best step time: circuits {t_ours * 1e3:.1f} ms   micrograd {t_theirs * 1e3:.1f} ms")
    ratio = t_ours / t_theirs
    print(f"ratio circuits/micrograd: {ratio:.3f}  (target <= 0.33: {'ok' if ratio <= 0.33 else 'MISSED'})")
    if not same:
        raise SystemExit("the two engines' losses differ")


if __name__ == "__main__":
    main()
