"""Monitoring pictures: each line shows exactly the recorded numbers, the log scales and the
target line are there, and a History without the needed record is refused plainly."""
import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from circuits import optim  # noqa: E402
from circuits.datasets import spirals  # noqa: E402
from circuits.models.dense import DenseNet  # noqa: E402
from circuits.plots.monitoring import (plot_costs, plot_ratios, plot_schedules,  # noqa: E402
                                       plot_validation)
from circuits.schedules import exponential, step_decay  # noqa: E402
from circuits.train import fit  # noqa: E402


@pytest.fixture(scope="module")
def history():
    X, y = spirals(15, 3, 0.2, 1)
    net = DenseNet((2, 8, 8, 3), np.random.default_rng(1))
    return fit(net, X, y, optim.sgd, {"learning_rate": 0.3}, 20, every=5,
               validation=(X[::2] + 0.1, y[::2]), ratios=True)


def test_plot_costs_draws_one_labelled_curve_per_run(ax):
    curves = {"a": ([0, 1, 2], [3.0, 2.0, 1.0]), "b": ([0, 2], [3.0, 0.5])}
    plot_costs(curves, ax)
    assert [line.get_label() for line in ax.lines] == ["a", "b"]
    assert ax.lines[1].get_ydata().tolist() == [3.0, 0.5] and ax.get_yscale() == "log"
    assert ax.get_xlabel() == "iteration" and ax.get_legend() is not None


def test_plot_ratios_shows_the_weights_and_the_target(ax, history):
    plot_ratios(history, ax)
    labels = [line.get_label() for line in ax.lines]
    assert labels == ["W1", "W2", "W3", "0.001"] and ax.get_yscale() == "log"
    np.testing.assert_array_equal(ax.lines[1].get_ydata(), history.ratios["W2"])


def test_plot_validation_shades_the_gap_and_marks_the_best_iteration(ax, history):
    plot_validation(history, ax)
    best = int(np.argmin(history.validation_cost))
    np.testing.assert_array_equal(ax.lines[1].get_ydata(), history.validation_cost)
    assert ax.lines[2].get_xdata()[0] == history.iterations[best]
    assert len(ax.collections) == 1 and ax.get_legend() is not None


def test_plot_schedules_draws_each_rate_over_the_steps(ax):
    plot_schedules({"step": step_decay(1.0, 0.5, 10), "exp": exponential(1.0, 0.1)}, 30, ax)
    assert ax.lines[0].get_ydata()[[0, 10, 29]].tolist() == [1.0, 0.5, 0.25]
    assert len(ax.lines[1].get_xdata()) == 30 and ax.get_ylabel() == "learning rate"


def test_histories_without_the_record_are_refused(ax):
    X, y = spirals(5, 3, 0.2, 0)
    plain = fit(DenseNet((2, 4, 3), np.random.default_rng(0)), X, y, optim.sgd, None, 2)
    with pytest.raises(ValueError, match="ratios=True"):
        plot_ratios(plain, ax)
    with pytest.raises(ValueError, match="validation=\\(X_val, y_val\\)"):
        plot_validation(plain, ax)
