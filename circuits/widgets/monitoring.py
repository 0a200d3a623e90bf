"""Explorer for notebook 14: a learning-rate slider and a schedule menu over loss curves, every
run trained once, up front (mini-batch SGD on the spirals), so moving a control only redraws."""
from dataclasses import dataclass
from functools import lru_cache

import ipywidgets as W
import numpy as np

from .. import optim, schedules
from ..datasets import spirals
from ..models.dense import DenseNet
from ..plots.axes import few_ticks, title_text
from ..plots.monitoring import plot_costs, plot_schedules
from ..train import fit
from .explorer import Explorer, InPlace

SIZES = (2, 16, 16, 3)
LEARNING_RATES = (0.01, 0.1, 0.3, 1.0, 3.0)
SCHEDULES = ("constant", "step decay", "exponential", "1/t")


def make_schedule(name, rate, iterations):
    """The schedule ``name`` starting at ``rate``, each shrinking the rate about tenfold (1/t:
    elevenfold) over ``iterations`` steps."""
    makers = {"constant": lambda: schedules.constant(rate),
              "step decay": lambda: schedules.step_decay(rate, 0.3, max(iterations // 3, 1)),
              "exponential": lambda: schedules.exponential(rate, np.log(10) / iterations),
              "1/t": lambda: schedules.inverse_time(rate, 10 / iterations)}
    if name not in makers:
        raise ValueError(f"schedule must be one of {list(makers)}, got {name!r}")
    return makers[name]()


@dataclass(frozen=True)
class Runs:
    """The recorded iterations and, per (learning rate, schedule), the cost on all the data
    there."""

    iterations: np.ndarray
    cost: dict


@lru_cache(maxsize=2)
def schedule_runs(seed=0, iterations=150, every=10, batch_size=10):
    """Train a DenseNet 2-16-16-3 (softmax) by SGD on ``spirals(50, 3, 0.2, seed)`` with every
    rate in LEARNING_RATES under every schedule in SCHEDULES, all from the same start and the
    same batches; cached, so treat the result as read-only."""
    X, y = spirals(50, 3, 0.2, seed)
    net = DenseNet(SIZES, np.random.default_rng(seed))
    start = {name: p.copy() for name, p in net.params.items()}
    cost, recorded = {}, np.arange(0, iterations + 1, every)
    for rate in LEARNING_RATES:
        for name in SCHEDULES:
            net.params = dict(start)
            history = fit(net, X, y, optim.sgd, None, iterations, batch_size,
                          np.random.default_rng(seed), every,
                          schedule=make_schedule(name, rate, iterations))
            costs = []
            for params in history.parameters:          # the cost on all the data, not the batch
                net.params = params
                costs.append(net.loss(X, y)[0])
            recorded, cost[rate, name] = history.iterations, np.array(costs)
    return Runs(recorded, cost)


def monitoring_explorer(learning_rate=1.0, schedule="constant", seed=0, iterations=150):
    """Pick a starting learning rate and a schedule; see the loss curve (the constant rate in
    grey for comparison) and the learning rate it used, step by step."""
    if learning_rate not in LEARNING_RATES or schedule not in SCHEDULES:
        raise ValueError(f"learning_rate must be one of {LEARNING_RATES} and schedule one of "
                         f"{SCHEDULES}, got {learning_rate} and {schedule!r}")
    runs = schedule_runs(seed=seed, iterations=iterations)
    top = max(float(c.max()) for c in runs.cost.values())

    def draw(fig, learning_rate, schedule):
        left, right = fig.subplots(1, 2, gridspec_kw=dict(left=0.07, right=0.98, bottom=0.14,
                                                          top=0.88, wspace=0.25))
        plain, ran = (runs.cost[learning_rate, name] for name in ("constant", schedule))
        plot_costs({"constant rate": (runs.iterations, plain),
                    "the chosen schedule": (runs.iterations, ran)}, left, log=False, legend=False)
        constant, scheduled = left.lines
        constant.set_color("0.7")
        scheduled.set_color("tab:blue")                 # the colour of its rate, right
        few_ticks(left, (0, iterations), (0, top))
        left.set(ylim=(0, top * 1.05), ylabel="cost on all points")
        left.legend(loc="lower left", bbox_to_anchor=(0, 1), ncols=2, frameon=False,
                    fontsize="small", borderaxespad=0.2)
        plot_schedules({schedule: make_schedule(schedule, learning_rate, iterations)},
                       iterations, right, legend=False)
        rate = right.lines[0]
        few_ticks(right, xlim=(0, iterations))
        title = title_text(right, "")

        def update(learning_rate, schedule):       # the same lines; the rate's axis relabelled
            plain, ran = (runs.cost[learning_rate, name] for name in ("constant", schedule))
            constant.set_ydata(plain)
            scheduled.set_ydata(ran)
            rate.set_ydata(make_schedule(schedule, learning_rate, iterations)(rate.get_xdata()))
            right.set_ylim(0, learning_rate * 1.05)
            few_ticks(right, ylim=(0, learning_rate))
            title.set_text(f"learning rate: {schedule}, from {learning_rate:g}")
            return (f"{schedule}, from {learning_rate:g}: cost {ran[0]:.3f} at the start, "
                    f"{ran[-1]:.3f} after {runs.iterations[-1]} steps (constant rate: "
                    f"{plain[-1]:.3f})"), [constant, scheduled, rate, right.yaxis, title]

        return InPlace(update(learning_rate, schedule)[0], update,
                       live=("learning_rate", "schedule"))

    controls = {
        "learning_rate": W.SelectionSlider(options=LEARNING_RATES, value=learning_rate,
                                           description="learning rate"),
        "schedule": W.Dropdown(options=SCHEDULES, value=schedule, description="schedule"),
    }
    return Explorer(draw, controls, figsize=(10, 4), dpi=100)
