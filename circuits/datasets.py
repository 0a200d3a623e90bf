"""Small 2-D classification datasets, made from an explicit seed; labels are +1 / -1."""
import numpy as np


def _rng(seed):
    return seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)


def two_moons(n=100, noise=0.1, seed=0):
    """Two interleaving half circles: ``(X, y)`` with X of shape (n, 2) and y in {+1, -1}."""
    if n < 2:
        raise ValueError(f"two_moons needs n >= 2 points, got {n}")
    if noise < 0:
        raise ValueError(f"noise must be >= 0, got {noise}")
    rng = _rng(seed)
    n_top = n // 2
    t_top = np.linspace(0, np.pi, n_top)
    t_bottom = np.linspace(0, np.pi, n - n_top)
    top = np.column_stack([np.cos(t_top), np.sin(t_top)])
    bottom = np.column_stack([1 - np.cos(t_bottom), 0.5 - np.sin(t_bottom)])
    X = np.vstack([top, bottom]) + rng.normal(scale=noise, size=(n, 2))
    y = np.concatenate([-np.ones(n_top), np.ones(n - n_top)])
    order = rng.permutation(n)
    return X[order], y[order]
