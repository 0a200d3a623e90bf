"""Learning-rate schedules: functions of the iteration t (0, 1, 2, ...) giving the learning rate
of the step taken there, for ``circuits.train.fit(..., schedule=...)``. Each also takes an array
of iterations and gives an array of rates."""
import math
import numbers

import numpy as np


def _positive(name, value, upper=math.inf):
    if isinstance(value, bool) or not isinstance(value, numbers.Real) \
            or not 0 < value < upper:
        bound = "> 0" if upper == math.inf else f"in (0, {upper:g})"
        raise ValueError(f"{name} must be a number {bound}, got {value!r}")
    return float(value)


def _iteration(t):
    if isinstance(t, numbers.Integral) and not isinstance(t, bool) and t >= 0:
        return int(t)                               # the quick answer for fit's one step
    t = np.asarray(t)
    if t.dtype.kind not in "iuf" or np.any(t < 0):
        raise ValueError(f"the iteration must be a number >= 0, got {t!r}")
    return t


def _shape(rate):
    return float(rate) if np.ndim(rate) == 0 else rate


def constant(rate):
    """The same rate at every iteration."""
    rate = _positive("rate", rate)
    return lambda t: _shape(rate + 0.0 * _iteration(t))


def step_decay(rate, drop, every):
    """``rate``, multiplied by ``drop`` (below 1) after every ``every`` iterations."""
    rate, drop = _positive("rate", rate), _positive("drop", drop, upper=1)
    if isinstance(every, bool) or not isinstance(every, numbers.Integral) or every < 1:
        raise ValueError(f"every must be a whole number >= 1, got {every!r}")
    return lambda t: _shape(rate * drop ** (_iteration(t) // every))


def exponential(rate, k):
    """rate * exp(-k t): the rate shrinks by the same factor at every step."""
    rate, k = _positive("rate", rate), _positive("k", k)
    return lambda t: _shape(rate * np.exp(-k * _iteration(t)))


def inverse_time(rate, k):
    """rate / (1 + k t): halved at t = 1/k, a tenth at t = 9/k."""
    rate, k = _positive("rate", rate), _positive("k", k)
    return lambda t: _shape(rate / (1.0 + k * _iteration(t)))
