"""Plots of notebook 18: each draws what it is given, on the axes it is given."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from circuits.plots.tuning import (plot_balance, plot_folds, plot_samples,  # noqa: E402
                                   plot_scores, set_balance)


def test_plot_samples_draws_every_point_and_a_tick_under_it():
    fig, ax = plt.subplots()
    points = np.array([[0.1, 0.2], [0.5, 0.9], [0.7, 0.4]])
    assert plot_samples(points, lambda a, b: a + 0 * b, [(0, 1), (0, 1)], ax) is ax
    dots, ticks = ax.lines
    assert np.allclose(dots.get_xdata(), points[:, 0]) and np.allclose(ticks.get_xdata(),
                                                                         points[:, 0])
    assert len(ax.images) == 1
    plt.close(fig)


def test_plot_scores_rings_the_best_and_shades_both_borders():
    fig, ax = plt.subplots()
    plot_scores([1.0, 2.0, 3.0], [0.5, np.nan, 0.7], (0, 4), ax)
    ring = ax.lines[-1]
    assert ring.get_xdata()[0] == 3.0 and ring.get_ydata()[0] == 0.7
    assert len(ax.patches) == 2
    plt.close(fig)


def test_plot_folds_and_plot_balance_draw_one_group_per_entry():
    fig, (left, right) = plt.subplots(1, 2)
    plot_folds({"a": [0.8, 0.9], "b": [0.7, 0.75, 0.8]}, left)
    assert [t.get_text() for t in left.get_xticklabels()] == ["a", "b"]
    plot_balance({"x": {"accuracy": 0.9, "recall": 0.5}, "y": {"accuracy": 0.8, "recall": 0.7}},
                 right)
    assert sorted(p.get_height() for p in right.patches) == [0.5, 0.7, 0.8, 0.9]
    plt.close(fig)


def test_set_balance_moves_each_bar_to_its_remedy_and_measure():
    fig, ax = plt.subplots()
    plot_balance({"x": {"accuracy": 0.9, "recall": 0.5}, "y": {"accuracy": 0.8, "recall": 0.7}},
                 ax)
    set_balance(ax.patches, {"x": {"accuracy": 0.1, "recall": 0.2},
                             "y": {"accuracy": 0.3, "recall": 0.4}})
    assert [p.get_height() for p in ax.patches] == [0.1, 0.3, 0.2, 0.4]
    with pytest.raises(ValueError, match="2 values for 4 bars"):
        set_balance(ax.patches, {"x": {"accuracy": 0.1, "recall": 0.2}})
    plt.close(fig)
