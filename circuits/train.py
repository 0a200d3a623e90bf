"""The training loop: stochastic gradient descent on one picked point per step, for any model
that gives ``scores``, a per-example ``gradient`` and ``squared_weights`` (see
``circuits.models.linear`` and ``circuits.models.two_layer``), with a recorded ``History``."""
import re
from dataclasses import dataclass

import numpy as np

from .losses import check_loss, loss_value


def step(params, grads, step_size):
    """One step downhill: every parameter moves by -step_size times its gradient."""
    return [p - step_size * g for p, g in zip(params, grads)]


def random_picks(n_points, iterations, rng):
    """Which point each SGD step looks at: ``iterations`` random indices below ``n_points``."""
    if n_points < 1 or iterations < 0:
        raise ValueError(f"need n_points >= 1 and iterations >= 0, got {n_points}, {iterations}")
    return rng.integers(n_points, size=iterations)


def accuracy(scores, labels):
    """Share of points on the right side (score > 0 means +1), over the last axis."""
    return np.mean(np.where(np.asarray(scores) > 0, 1.0, -1.0) == labels, axis=-1)


def cost(model, params, X, y, regularization, loss="hinge"):
    """The cost of every parameter row: mean loss + regularization / 2 * squared weights."""
    params = np.asarray(params, float)
    with np.errstate(all="ignore"):                 # a diverged run gives inf or nan here
        data = loss_value(model.scores(params, X), y, loss).mean(axis=-1)
        return data + regularization / 2 * model.squared_weights(params)


def sgd(model, X, y, picks, start, step_size=0.01, regularization=1.0, loss="hinge",
        every=1):
    """For each picked point, step along minus ``model.gradient``. ``picks`` of shape
    (iterations,) trains one run on floats; (runs, iterations) trains many runs at once.
    Returns (iterations recorded, parameters there): the start, every ``every`` steps, the end."""
    check_loss(loss)
    picks = np.asarray(picks)
    if step_size <= 0 or regularization < 0:
        raise ValueError(f"need step_size > 0 and regularization >= 0, "
                         f"got {step_size} and {regularization}")
    if picks.ndim == 1:
        rows, labels, order = np.asarray(X, float).tolist(), np.asarray(y, float).tolist(), picks
        params = [float(p) for p in start]
    else:
        rows, labels, order = np.asarray(X, float), np.asarray(y, float), picks.T
        params = [np.full(len(picks), float(p)) for p in start]
    recorded, snapshots = [0], [np.array(params, float).T]
    for t, i in enumerate(order, start=1):
        x0, x1 = (rows[i][0], rows[i][1]) if picks.ndim == 1 else (rows[i, 0], rows[i, 1])
        grads = model.gradient(params, x0, x1, labels[i], regularization, loss)
        params = step(params, grads, step_size)
        if t % every == 0 or t == len(order):
            recorded.append(t)
            snapshots.append(np.array(params, float).T)
    return np.array(recorded), np.stack(snapshots, axis=-2)


@dataclass
class History:
    """What training recorded: the iterations, and the parameters, cost and accuracy there
    (one row per recorded iteration; a leading axis for runs trained at once)."""

    iterations: np.ndarray
    parameters: np.ndarray
    cost: np.ndarray
    accuracy: np.ndarray
    validation_cost: np.ndarray = None          # fit(..., validation=(X_val, y_val)) fills these
    validation_accuracy: np.ndarray = None
    ratios: dict = None                         # fit(..., ratios=True): {name: update ratios}

    @property
    def diverged_at(self):
        """The first recorded iteration where the cost blew up (inf, nan or above 1e9), or None."""
        bad = ~(np.abs(self.cost) < 1e9)
        return int(self.iterations[np.argmax(bad)]) if np.ndim(self.cost) == 1 and bad.any() \
            else None

    def index(self, iteration):
        """The row recorded at or just before ``iteration``."""
        return max(int(np.searchsorted(self.iterations, iteration, side="right")) - 1, 0)


def train(model, X, y, picks, start, step_size=0.01, regularization=1.0, loss="hinge",
          every=1):
    """``sgd``, and a ``History`` of parameters, cost and accuracy. A run that blows up keeps
    its inf and nan rows: ``History.diverged_at`` says where."""
    iterations, params = sgd(model, X, y, picks, start, step_size, regularization, loss, every)
    costs = cost(model, params, X, y, regularization, loss)
    with np.errstate(all="ignore"):
        acc = accuracy(model.scores(params, X), y)
    return History(iterations, params, costs, acc)


def gradient_descent(cost_gradient, start, step_size, iterations):
    """Full-batch gradient descent: the parameters after every step, shape (iterations + 1, P)."""
    history = [np.asarray(start, float)]
    for _ in range(iterations):
        history.append(np.array(step(history[-1], cost_gradient(history[-1]), step_size)))
    return np.array(history)


def update_ratio(before, after):
    """How far one update moved a parameter, relative to its size: |after - before| / |before|
    (Frobenius norms; inf for a parameter at zero that moved)."""
    before, after = np.asarray(before, float), np.asarray(after, float)
    if before.shape != after.shape:
        raise ValueError(f"before has shape {before.shape} but after has {after.shape}")
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.linalg.norm(after - before) / np.linalg.norm(before))


def fit(model, X, y, update, config=None, iterations=100, batch_size=None, rng=None, every=1,
        schedule=None, validation=None, ratios=False):
    """Train a model with ``params`` and ``loss(X, y) -> (cost, grads)`` (such as
    ``circuits.models.dense.DenseNet``) by an update rule of ``circuits.optim``, on the whole
    data or on random batches; a ``History`` of parameter copies, cost and training accuracy.
    ``schedule(t)`` (see ``circuits.schedules``) sets the learning rate of step t; with
    ``validation=(X_val, y_val)`` the History also holds the cost (regularisation included) and
    accuracy there; with ``ratios`` the ``update_ratio`` of every parameter at the step taken
    from each recorded iteration (nan at the last, where no step is taken).
    Stops with a FloatingPointError naming the iteration if the cost stops being finite."""
    if batch_size is not None and rng is None:
        raise ValueError("random batches need rng=np.random.default_rng(seed)")
    if every < 1 or iterations < 0:
        raise ValueError(f"need every >= 1 and iterations >= 0, got {every} and {iterations}")
    if schedule is not None and (not callable(schedule) or "learning_rate" in (config or {})):
        raise ValueError("schedule must be a function of the iteration giving the learning "
                         "rate, and config must then leave the learning rate out")
    if validation is not None and (not isinstance(validation, tuple) or len(validation) != 2):
        raise ValueError("validation must be a pair (X_val, y_val)")
    configs = {name: dict(config or {}) for name in model.params}
    recorded, snapshots, costs, accuracies = [], [], [], []
    checked, moved = [], {name: [] for name in model.params}
    for t in range(iterations + 1):
        rows = slice(None) if batch_size is None else rng.integers(len(X), size=batch_size)
        cost, grads = _cost(model, X[rows], y[rows], configs, t)
        if t % every == 0 or t == iterations:
            recorded.append(t)
            snapshots.append({name: p.copy() for name, p in model.params.items()})
            costs.append(cost)
            accuracies.append(model.accuracy(X, y) if hasattr(model, "accuracy") else np.nan)
            if validation is not None:
                checked.append((_cost(model, *validation, configs, t)[0],
                                model.accuracy(*validation) if hasattr(model, "accuracy")
                                else np.nan))
        if t == iterations:
            break
        rate = None if schedule is None else schedule(t)
        for name in model.params:
            if rate is not None:
                configs[name]["learning_rate"] = rate
            before = model.params[name]
            model.params[name], configs[name] = update(before, grads[name], configs[name])
            if ratios and recorded[-1] == t:
                moved[name].append(update_ratio(before, model.params[name]))
    history = History(np.array(recorded), snapshots, np.array(costs), np.array(accuracies))
    if validation is not None:
        history.validation_cost, history.validation_accuracy = map(np.array, zip(*checked))
    if ratios:
        history.ratios = {name: np.array(r + [np.nan] * (len(recorded) - len(r)))
                          for name, r in moved.items()}
    return history


def _cost(model, X, y, configs, t):
    """(cost, grads) of ``model`` on X, y; a FloatingPointError when the cost is not finite."""
    try:
        with np.errstate(over="ignore", invalid="ignore"):
            cost, grads = model.loss(X, y)
    except ValueError as error:                 # the losses refuse NaN and infinity ...
        blown = re.match(r"the loss is (\S+):", str(error))
        if blown is None:                       # ... any other complaint is the caller's
            raise
        cost, grads = float(blown.group(1)), None
    if not np.isfinite(cost):
        rate = configs[next(iter(configs))].get("learning_rate")
        raise FloatingPointError(f"the loss became {cost} at iteration {t}: lower the "
                                 f"learning rate, now {rate}")
    return cost, grads
