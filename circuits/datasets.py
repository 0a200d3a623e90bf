"""Small 2-D classification datasets, made from an explicit seed; labels are +1 / -1."""
import numpy as np


def two_moons(n=100, noise=0.1, seed=0):
    """Two interleaving half circles: ``(X, y)`` with X of shape (n, 2) and y in {+1, -1}."""
    if n < 2:
        raise ValueError(f"two_moons needs n >= 2 points, got {n}")
    if noise < 0:
        raise ValueError(f"noise must be >= 0, got {noise}")
    rng = np.random.default_rng(seed)
    n_top = n // 2
    t_top = np.linspace(0, np.pi, n_top)
    t_bottom = np.linspace(0, np.pi, n - n_top)
    top = np.column_stack([np.cos(t_top), np.sin(t_top)])
    bottom = np.column_stack([1 - np.cos(t_bottom), 0.5 - np.sin(t_bottom)])
    X = np.vstack([top, bottom]) + rng.normal(scale=noise, size=(n, 2))
    y = np.concatenate([-np.ones(n_top), np.ones(n - n_top)])
    order = rng.permutation(n)
    return X[order], y[order]


# The guide's six points. Its table and its training code list different points (see notebook 05).
GUIDE_TABLE = ([1.2, 0.7, 1], [-0.3, 0.5, -1], [-3.0, -1.0, 1],
               [0.1, 1.0, -1], [3.0, 1.1, -1], [2.1, -3.0, 1])
GUIDE_TRAINING = ([1.2, 0.7, 1], [-0.3, -0.5, -1], [3.0, 0.1, 1],
                  [-0.1, -1.0, -1], [-1.0, 1.1, -1], [2.1, -3.0, 1])


def guide_points(version="training"):
    """The guide's 6 labelled points: ``"training"`` (its SVM code) or ``"table"`` (its text)."""
    rows = {"training": GUIDE_TRAINING, "table": GUIDE_TABLE}.get(version)
    if rows is None:
        raise ValueError(f"version must be 'training' or 'table', got {version!r}")
    data = np.array(rows, dtype=float)
    return data[:, :2], data[:, 2]


def _check(n, noise, at_least=2):
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)):
        raise TypeError(f"n must be a whole number of points, got {type(n).__name__} {n!r}")
    if n < at_least:
        raise ValueError(f"need n >= {at_least} points, got {n}")
    if not np.isfinite(noise) or noise < 0:
        raise ValueError(f"noise must be a finite number >= 0, got {noise}")


def _split(n):
    """Sizes of the -1 and +1 classes: as equal as possible."""
    return n // 2, n - n // 2


def _finish(rng, X, y, noise):
    """Jitter with gaussian noise, shuffle; ``(X, y)`` with y as floats +1/-1."""
    X = X + rng.normal(scale=noise, size=X.shape)
    order = rng.permutation(len(y))
    return X[order], np.asarray(y, dtype=float)[order]


def circles(n=100, noise=0.05, seed=0, factor=0.5):
    """A small circle (+1) inside a big one (-1), radii ``factor`` and 1."""
    _check(n, noise)
    rng = np.random.default_rng(seed)
    n_out, n_in = _split(n)
    t_out = rng.uniform(0, 2 * np.pi, n_out)
    t_in = rng.uniform(0, 2 * np.pi, n_in)
    X = np.vstack([np.column_stack([np.cos(t_out), np.sin(t_out)]),
                   factor * np.column_stack([np.cos(t_in), np.sin(t_in)])])
    return _finish(rng, X, np.r_[-np.ones(n_out), np.ones(n_in)], noise)


def xor(n=100, noise=0.05, seed=0):
    """Points in the square [-1.1, 1.1]^2, +1 where x and y have the same sign (XOR pattern);
    a gap of 0.1 along the axes keeps the noise-free version cleanly split."""
    _check(n, noise)
    rng = np.random.default_rng(seed)
    n_neg, n_pos = _split(n)
    y = np.r_[-np.ones(n_neg), np.ones(n_pos)]
    sign_x = rng.choice([-1.0, 1.0], size=n)
    X = rng.uniform(0.1, 1.1, size=(n, 2)) * np.column_stack([sign_x, sign_x * y])
    return _finish(rng, X, y, noise)


def spiral(n=100, noise=0.05, seed=0, turns=1.25):
    """Two interleaved spiral arms, +1 and -1, each making ``turns`` turns."""
    _check(n, noise)
    rng = np.random.default_rng(seed)
    n_neg, n_pos = _split(n)
    arms, labels = [], []
    for size, phase, label in ((n_neg, np.pi, -1.0), (n_pos, 0.0, 1.0)):
        r = np.linspace(0.15, 1.0, size)
        t = 2 * np.pi * turns * r + phase
        arms.append(np.column_stack([r * np.cos(t), r * np.sin(t)]))
        labels.append(np.full(size, label))
    return _finish(rng, np.vstack(arms), np.concatenate(labels), noise)


def blobs(n=100, noise=0.05, seed=0, spread=0.5):
    """Two gaussian clouds of width ``spread``, -1 around (-1, -1) and +1 around (1, 1)."""
    _check(n, noise)
    rng = np.random.default_rng(seed)
    n_neg, n_pos = _split(n)
    centres = np.vstack([np.tile([-1.0, -1.0], (n_neg, 1)), np.tile([1.0, 1.0], (n_pos, 1))])
    X = centres + rng.normal(scale=spread, size=centres.shape)
    return _finish(rng, X, np.r_[-np.ones(n_neg), np.ones(n_pos)], noise)


def guide(n=6, noise=0.0, seed=0):
    """The guide's 6 training points (``n`` is ignored), jittered by ``noise`` if above 0."""
    _check(n, noise, at_least=0)
    X, y = guide_points("training")
    return X + np.random.default_rng(seed).normal(scale=noise, size=X.shape), y


DATASETS = {"guide": guide, "two moons": two_moons, "circles": circles, "xor": xor,
            "spiral": spiral, "blobs": blobs}


def make_dataset(name, n=100, noise=0.05, seed=0):
    """``(X, y)`` of the dataset called ``name`` (one of ``DATASETS``), for sliders."""
    if name not in DATASETS:
        raise ValueError(f"unknown dataset {name!r}; choose one of {list(DATASETS)}")
    if name == "two moons":
        _check(n, noise)
    return DATASETS[name](n, noise, seed)


def loss_example():
    """The guide's 3-point example for the SVM cost: ``(X, y)``."""
    return np.array([[1.2, 0.7], [-0.3, 0.5], [3.0, 2.5]]), np.array([1.0, -1.0, 1.0])


def spirals(n_per_class=100, n_classes=3, noise=0.2, seed=0):
    """``n_classes`` interleaved spiral arms, ``n_per_class`` points each: ``(X, y)`` with
    integer labels 0 ... n_classes - 1 (the multiclass case study's data)."""
    _check(n_per_class, noise, at_least=1)
    if isinstance(n_classes, bool) or not isinstance(n_classes, (int, np.integer)) \
            or n_classes < 2:
        raise ValueError(f"n_classes must be a whole number >= 2, got {n_classes!r}")
    rng = np.random.default_rng(seed)
    radius = np.tile(np.linspace(0.0, 1.0, n_per_class), n_classes)   # out along each arm
    labels = np.repeat(np.arange(n_classes), n_per_class)
    angle = 4.0 * (labels + radius) + rng.normal(scale=noise, size=len(labels))
    return np.column_stack([radius * np.sin(angle), radius * np.cos(angle)]), labels


def noisy_curve(n=60, noise=0.1, seed=0):
    """A 1-D regression task: x uniform in [-3, 3], target sin(x) + x/4 plus gaussian noise;
    ``(x, t)`` with x of shape (n, 1) and t of shape (n,)."""
    _check(n, noise, at_least=1)
    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(-3.0, 3.0, n))
    return x[:, None], np.sin(x) + x / 4 + rng.normal(scale=noise, size=n)


def noisy_surface(n=200, noise=0.05, seed=0):
    """A 2-D regression task: points in [-1, 1]^2, target sin(2x) * cos(2y) plus noise;
    ``(X, t)`` with X of shape (n, 2) and t of shape (n,)."""
    _check(n, noise, at_least=1)
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1.0, 1.0, size=(n, 2))
    return X, np.sin(2 * X[:, 0]) * np.cos(2 * X[:, 1]) + rng.normal(scale=noise, size=n)
