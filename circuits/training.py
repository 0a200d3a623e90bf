"""Training the linear SVM: SGD as a class loop, a short loop and many runs at once; and
full-batch gradient descent on the SVM cost."""
import numpy as np

from .losses import hinge_loss, pull_function, pull_value, svm_cost_gradient
from .svm import check_label

GUIDE_START = (1.0, -2.0, -1.0)   # the guide's initial a, b, c


def random_picks(n_points, iterations, rng):
    """Which point each SGD step looks at: ``iterations`` random indices below ``n_points``."""
    if n_points < 1 or iterations < 0:
        raise ValueError(f"need n_points >= 1 and iterations >= 0, got {n_points}, {iterations}")
    return rng.integers(n_points, size=iterations)


def svm_accuracy(svm, X, y):
    """Training accuracy of an ``SVM`` object, one forward pass per point, as the guide does."""
    return sum(svm.predict(x0, x1) == label for (x0, x1), label in zip(X.tolist(), y)) / len(y)


def train_svm(svm, X, y, picks, every=25):
    """``svm.learn_from`` each picked point; returns [(iteration, accuracy)] every ``every`` steps."""
    trace = []
    for iteration, i in enumerate(picks):
        svm.learn_from(float(X[i, 0]), float(X[i, 1]), check_label(y[i]))
        if iteration % every == 0:
            trace.append((iteration, svm_accuracy(svm, X, y)))
    return trace


def svm_history(X, y, picks, step_size=0.01, regularization=1.0, loss="hinge",
                start=GUIDE_START):
    """One SGD run with plain floats and no classes (the guide's short version, for either
    loss); the parameters after every step, shape (iterations + 1, 3), row 0 the start."""
    a, b, c = start
    history = [(a, b, c)]
    rows, labels = X.tolist(), np.asarray(y, float).tolist()
    for i in picks:
        (x0, x1), label = rows[i], labels[i]
        pull = pull_value(a * x0 + b * x1 + c, label, loss)
        a += step_size * (x0 * pull - regularization * a)
        b += step_size * (x1 * pull - regularization * b)
        c += step_size * pull
        history.append((a, b, c))
    return np.array(history)


def train_svm_many(X, y, picks, step_size=0.01, regularization=1.0, loss="hinge",
                   start=GUIDE_START):
    """Run one SGD per row of ``picks`` (shape runs x iterations) at once, with numpy.

    Returns the parameters after every step, shape (runs, iterations + 1, 3): [:, 0] is the start.
    """
    picks = np.atleast_2d(picks)
    pull_of = pull_function(loss)
    runs, iterations = picks.shape
    history = np.empty((runs, iterations + 1, 3))
    w = np.tile(np.asarray(start, float), (runs, 1))
    history[:, 0] = w
    for t in range(iterations):
        x, label = X[picks[:, t]], y[picks[:, t]]
        pull = pull_of(w[:, 0] * x[:, 0] + w[:, 1] * x[:, 1] + w[:, 2], label)
        w[:, 0] += step_size * (x[:, 0] * pull - regularization * w[:, 0])
        w[:, 1] += step_size * (x[:, 1] * pull - regularization * w[:, 1])
        w[:, 2] += step_size * pull
        history[:, t + 1] = w
    return history


def linear_scores(params, X):
    """Scores a*x + b*y + c of every point for every parameter triple: shape params[..., 0] + (N,)."""
    params = np.asarray(params, float)
    return params[..., 0, None] * X[:, 0] + params[..., 1, None] * X[:, 1] + params[..., 2, None]


def accuracy_curves(history, X, y):
    """Training accuracy after every step of every run: shape (runs, iterations + 1)."""
    return np.mean(np.where(linear_scores(history, X) > 0, 1.0, -1.0) == y, axis=-1)


def svm_objective(history, X, y, regularization=1.0):
    """What the SGD pulls minimise: mean hinge loss + regularization / 2 * (a^2 + b^2)."""
    data = hinge_loss(linear_scores(history, X), y).mean(axis=-1)
    return data + 0.5 * regularization * (history[..., 0] ** 2 + history[..., 1] ** 2)


def cost_descent(X, y, w, alpha, step_size, iterations):
    """Full-batch gradient descent on ``svm_cost``: the weights after every step,
    shape (iterations + 1, 3)."""
    history = [np.asarray(w, float)]
    for _ in range(iterations):
        history.append(history[-1] - step_size * svm_cost_gradient(X, y, history[-1], alpha))
    return np.array(history)
