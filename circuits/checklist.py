"""The checklist for a network that does not learn: four measurements, each with a verdict.

Works on any classifier with ``params``, ``loss(X, y) -> (cost, grads)`` (softmax), ``sizes``
(the last is the number of classes) and ``accuracy(X, y)``, such as
``circuits.models.dense.DenseNet``. No check changes the model:
the ones that train work on a copy.
"""
import copy
from dataclasses import dataclass

import numpy as np

from . import optim
from .gradcheck import array_gradients
from .train import fit, update_ratio

GRADIENT_TOLERANCE = 1e-5           # worst relative error of a correct float64 gradient
LOSS_TOLERANCE = 0.2                # |cost at the start / ln C - 1| of a healthy start
RATIO_RANGE = (1e-5, 1e-1)          # a factor 100 either side of the rule of thumb, 1e-3
RATIO_TARGET = 1e-3


@dataclass(frozen=True)
class Finding:
    """One check's measured ``value``, whether it passed, a line saying so, and the
    measurements behind it (``detail``: errors or ratios by parameter, or the History)."""

    check: str
    value: float
    ok: bool
    line: str
    detail: object = None

    def __str__(self):
        return f"{self.check:>13}: {'ok  ' if self.ok else 'FAIL'} {self.line}"


def numerical_gradients(model, X, y, h=1e-5):
    """Centred differences (cost(p + h) - cost(p - h)) / 2h for every entry of every
    parameter; the parameters are restored afterwards."""
    return array_gradients(lambda: model.loss(X, y)[0], model.params, h)


def gradient_errors(model, X, y, h=1e-5, floor=1e-4):
    """{name: worst relative error |a - n| / max(|a|, |n|, floor)} between the model's
    gradients a and centred differences n; ``floor`` keeps rounding noise on entries near zero
    from counting as error."""
    if not floor > 0:
        raise ValueError(f"floor must be positive, got {floor}")
    analytic = model.loss(X, y)[1]
    numerical = numerical_gradients(model, X, y, h)
    return {name: float(np.max(np.abs(analytic[name] - n)
                               / np.maximum(np.maximum(np.abs(analytic[name]), np.abs(n)), floor)))
            for name, n in numerical.items()}


def check_gradients(model, X, y, tolerance=GRADIENT_TOLERANCE):
    """Gradient check of the whole net: the worst relative error over every parameter."""
    errors = gradient_errors(model, X, y)
    worst = max(errors, key=errors.get)
    wrong = [name for name, e in errors.items() if e > tolerance]
    line = (f"worst relative error {errors[worst]:.1e} (in {worst}; needs < {tolerance:g})"
            + (f", wrong: {', '.join(wrong)}" if wrong else ""))
    return Finding("gradient", errors[worst], not wrong, line, errors)


def check_initial_loss(model, X, y, tolerance=LOSS_TOLERANCE):
    """The cost before training against ln C, what a net that knows nothing scores."""
    n_classes = model.sizes[-1]
    cost, expected = float(model.loss(X, y)[0]), float(np.log(n_classes))
    ok = abs(cost / expected - 1) <= tolerance
    return Finding("initial loss", cost, ok, f"{cost:.3g} at the start, ln {n_classes} = "
                                             f"{expected:.3f}")


def overfit(model, X, y, learning_rate, iterations=300):
    """Train a copy of ``model`` by gradient descent on all of X, y; its History (None if the
    cost stopped being finite)."""
    try:
        return fit(copy.deepcopy(model), X, y, optim.sgd, {"learning_rate": learning_rate},
                   iterations)
    except FloatingPointError:
        return None


def check_overfit(model, X, y, learning_rate, iterations=300):
    """Can the net learn a few points by heart? Training accuracy must reach 100%."""
    history = overfit(model, X, y, learning_rate, iterations)
    if history is None:
        return Finding("overfit", np.nan, False, f"the cost blew up (rate {learning_rate:g})")
    reached = float(history.accuracy[-1])
    line = (f"{reached:.0%} of {len(y)} points after {iterations} steps, cost "
            f"{history.cost[0]:.3g} -> {history.cost[-1]:.3g}")
    return Finding("overfit", reached, reached == 1.0, line, history)


def update_ratios(model, X, y, learning_rate):
    """{name: |update| / |W|} of each weight matrix after one gradient-descent step (biases
    start at zero, where the ratio means nothing)."""
    grads = model.loss(X, y)[1]
    return {name: update_ratio(w, optim.sgd(w, grads[name], {"learning_rate": learning_rate})[0])
            for name, w in model.params.items() if name.startswith("W")}


def check_update_ratios(model, X, y, learning_rate, bounds=RATIO_RANGE):
    """The largest update-to-weight ratio of one step must sit in ``bounds`` (about 1e-3)."""
    ratios = update_ratios(model, X, y, learning_rate)
    worst = max(ratios, key=ratios.get)
    ok = all(bounds[0] <= r <= bounds[1] for r in ratios.values())
    shown = ", ".join(f"{name} {r:.1e}" for name, r in ratios.items())
    return Finding("update ratio", ratios[worst], ok,
                   f"{shown} (rate {learning_rate:g}; needs {bounds[0]:g} to {bounds[1]:g})",
                   ratios)


def rate_for_ratio(learning_rate, ratio, target=RATIO_TARGET):
    """The learning rate whose step has update ratio ``target``, from a step at
    ``learning_rate`` that had ``ratio`` (one SGD step's ratio grows in proportion to it)."""
    if not (learning_rate > 0 and ratio > 0 and target > 0):
        raise ValueError(f"need positive learning_rate, ratio and target, got {learning_rate}, "
                         f"{ratio}, {target}")
    return learning_rate * target / ratio


def run_checklist(model, X, y, learning_rate, tiny):
    """The four checks on ``model``: gradients on ``tiny`` rows, the initial loss on all of
    X, y, overfitting the ``tiny`` rows, the update ratios on all; {check: Finding}."""
    Xt, yt = X[tiny], y[tiny]
    findings = (check_gradients(model, Xt, yt), check_initial_loss(model, X, y),
                check_overfit(model, Xt, yt, learning_rate),
                check_update_ratios(model, X, y, learning_rate))
    return {f.check: f for f in findings}
