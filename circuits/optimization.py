"""Optimisers measured: the ill-conditioned quadratic bowl f(x) = 1/2 sum(curvature * x^2), the
settings and convergence rates theory gives for it (Goh, "Why Momentum Really Works"), paths and
iteration counts for any rule of ``circuits.optim``, and flat parameter vectors for
``scipy.optimize``."""
import math

import numpy as np

CURVATURES = (0.2, 4.0)      # f = 0.1 x1^2 + 2 x2^2: the Hessian's eigenvalues, smallest first


def _curvatures(curvatures):
    lam = np.asarray(curvatures, dtype=float)
    if lam.ndim != 1 or lam.size < 1 or not np.all(np.isfinite(lam)) or not np.all(lam > 0):
        raise ValueError(f"curvatures must be a 1-D list of positive numbers, got {curvatures!r}")
    return lam


def _point(x, lam):
    x = np.asarray(x, dtype=float)
    if x.shape[-1:] != lam.shape:
        raise ValueError(f"x has shape {x.shape}; its last axis must have {lam.size} entries, "
                         f"one per curvature")
    return x


def quadratic(x, curvatures=CURVATURES):
    """f(x) = 1/2 sum(curvature * x^2) over the last axis of x (so a grid of points works)."""
    lam = _curvatures(curvatures)
    x = _point(x, lam)
    return 0.5 * np.sum(lam * x * x, axis=-1)


def quadratic_gradient(x, curvatures=CURVATURES):
    """The gradient of ``quadratic``: curvature * x, entry by entry."""
    lam = _curvatures(curvatures)
    return lam * _point(x, lam)


def _extremes(curvatures):
    lam = _curvatures(curvatures)
    return float(lam.min()), float(lam.max())


def condition_number(curvatures=CURVATURES):
    """kappa = largest curvature / smallest."""
    low, high = _extremes(curvatures)
    return high / low


def optimal_gd(curvatures=CURVATURES):
    """The step size of gradient descent that converges fastest: 2 / (l1 + ln)."""
    low, high = _extremes(curvatures)
    return 2.0 / (low + high)


def optimal_momentum(curvatures=CURVATURES):
    """(step size, momentum) of the fastest heavy ball: ((2 / (sqrt l1 + sqrt ln))^2,
    ((sqrt ln - sqrt l1) / (sqrt ln + sqrt l1))^2)."""
    low, high = (math.sqrt(v) for v in _extremes(curvatures))
    return (2.0 / (low + high)) ** 2, ((high - low) / (high + low)) ** 2


def rate_gd(curvatures=CURVATURES):
    """Predicted error shrink per step of gradient descent at its best step: (k - 1) / (k + 1)."""
    kappa = condition_number(curvatures)
    return (kappa - 1.0) / (kappa + 1.0)


def rate_momentum(curvatures=CURVATURES):
    """The same for the heavy ball at its best settings: (sqrt k - 1) / (sqrt k + 1)."""
    root = math.sqrt(condition_number(curvatures))
    return (root - 1.0) / (root + 1.0)


def predicted_iterations(rate, start_distance, tolerance):
    """Steps for an error shrinking by ``rate`` each step to fall from ``start_distance`` to
    ``tolerance``: ceil(log(tolerance / start_distance) / log(rate))."""
    if not 0 < rate < 1 or not 0 < tolerance < start_distance:
        raise ValueError(f"need 0 < rate < 1 and 0 < tolerance < start_distance, got rate {rate}, "
                         f"tolerance {tolerance}, start_distance {start_distance}")
    return math.ceil(math.log(tolerance / start_distance) / math.log(rate))


def heavy_ball_step(x, x_previous, dx, step_size, momentum):
    """Polyak's heavy ball: x - step_size * dx + momentum * (x - x_previous)."""
    return x - step_size * dx + momentum * (x - x_previous)


def descent_path(update, config, start, iterations, curvatures=CURVATURES):
    """The points an update rule of ``circuits.optim`` visits on the quadratic from ``start``:
    shape (iterations + 1, dimensions). Stops early (shorter path) once a point is not finite."""
    lam = _curvatures(curvatures)
    x = _point(start, lam).copy()
    if x.ndim != 1:
        raise ValueError(f"start must be one point, got shape {x.shape}")
    config, points = dict(config or {}), [x]
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(iterations):
            x, config = update(x, lam * x, config)
            if not np.all(np.isfinite(x)):
                break
            points.append(x)
    return np.array(points)


def iterations_to_reach(update, config, start, tolerance, max_iterations,
                        curvatures=CURVATURES):
    """Steps the rule takes until the distance to the minimum (the origin) is <= ``tolerance``;
    None if it has not after ``max_iterations``."""
    if not tolerance > 0:
        raise ValueError(f"tolerance must be > 0, got {tolerance}")
    path = descent_path(update, config, start, max_iterations, curvatures)
    with np.errstate(over="ignore"):                  # a diverging path's norm may overflow
        reached = np.flatnonzero(np.linalg.norm(path, axis=1) <= tolerance)
    return int(reached[0]) if reached.size else None


def measured_rate(path, first=0):
    """The mean shrink per step of the distance to the origin along ``path``, from step
    ``first`` to the last: (|x_T| / |x_first|) ** (1 / (T - first))."""
    distance = np.linalg.norm(np.asarray(path, dtype=float), axis=1)
    steps = len(distance) - 1 - first
    if steps < 1 or not distance[first] > 0:
        raise ValueError(f"need at least one step after step {first} and a start away from the "
                         f"minimum; the path has {len(distance)} points")
    return float((distance[-1] / distance[first]) ** (1.0 / steps))


def flatten_params(params):
    """All parameters of a dict {name: array}, one after another in one vector."""
    return np.concatenate([np.ravel(p) for p in params.values()]).astype(float)


def unflatten_params(vector, like):
    """The dict of arrays shaped as ``like``'s whose entries, flattened, are ``vector``."""
    vector = np.asarray(vector, dtype=float)
    sizes = [np.size(p) for p in like.values()]
    if vector.shape != (sum(sizes),):
        raise ValueError(f"vector has shape {vector.shape}; the parameters need ({sum(sizes)},)")
    pieces = np.split(vector, np.cumsum(sizes)[:-1])
    return {name: piece.reshape(np.shape(p)) for (name, p), piece in zip(like.items(), pieces)}


def flat_descent(objective, start, learning_rate, iterations):
    """Plain gradient descent on a flat ``objective`` (theta -> (cost, gradient)): the last theta
    and the cost before each of the ``iterations`` steps."""
    theta, costs = np.array(start, dtype=float), []
    for _ in range(iterations):
        cost, gradient = objective(theta)
        costs.append(cost)
        theta = theta - learning_rate * gradient
    return theta, np.array(costs)


def flat_objective(model, X, y):
    """theta -> (cost, gradient as a vector) for a model with ``params`` and ``loss(X, y)``: what
    ``scipy.optimize.minimize(..., jac=True)`` wants. Sets ``model.params`` to theta's."""
    like = {name: p.copy() for name, p in model.params.items()}

    def objective(theta):
        model.params = unflatten_params(theta, like)
        cost, grads = model.loss(X, y)
        return float(cost), flatten_params({name: grads[name] for name in like})
    return objective
