"""The regularisation pictures: the zeros get their own bar, off units their crosses, every run
its two curves, and bad input is refused."""
import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
from circuits.plots.regularization import (plot_accuracies, plot_unit_norms,  # noqa: E402
                                           plot_weight_histogram, set_weight_counts,
                                           weight_counts)
from circuits.train import History  # noqa: E402


def test_the_histogram_counts_zeros_apart_on_a_log_axis():
    W = np.array([[0.0, 0.5, -0.5], [0.0, 0.0, 1.0]])
    zeros = plot_weight_histogram([W, np.array([[0.2]])], limit=1.0)
    ax = matplotlib.pyplot.gca()
    assert zeros == 3 and ax.get_yscale() == "log"
    heights = [p.get_height() for p in ax.patches]
    assert sum(heights) == 7 and 3 in heights             # 4 nonzero in bins, 3 zeros in red
    assert plot_weight_histogram(np.ones(4)) == 0
    with pytest.raises(ValueError, match="empty"):
        plot_weight_histogram(np.array([]))
    matplotlib.pyplot.close("all")


def test_new_counts_move_the_bars_of_a_histogram_already_drawn():
    counts, edges, zeros = weight_counts([np.array([0.0, 0.0, -0.9, 0.4])], limit=1.0, bins=4)
    assert list(counts) == [1, 0, 1, 0] and zeros == 2 and list(edges) == [-1, -0.5, 0, 0.5, 1]
    plot_weight_histogram(np.ones(3), bins=4, limit=1.0)
    ax = matplotlib.pyplot.gca()
    assert not ax.patches[-1].get_visible()                 # no zeros yet: no red bar
    set_weight_counts(ax.patches, counts, zeros)
    assert [p.get_height() for p in ax.patches] == [1, 0, 1, 0, 2]
    assert ax.patches[-1].get_visible()
    with pytest.raises(ValueError, match="3 counts for a histogram of 4 bins"):
        set_weight_counts(ax.patches, counts[:3], zeros)
    matplotlib.pyplot.close("all")


def test_unit_norms_mark_the_units_that_are_off():
    W = np.array([[3.0, 0.0, 1.0], [4.0, 0.0, 0.0]])
    assert plot_unit_norms(W) == 1
    ax = matplotlib.pyplot.gca()
    assert [p.get_height() for p in ax.patches] == [5.0, 0.0, 1.0]
    with pytest.raises(ValueError, match="weight matrix"):
        plot_unit_norms(np.ones(3))
    matplotlib.pyplot.close("all")


def test_accuracies_draw_training_and_validation_per_run():
    its = np.array([0, 10])
    run = History(its, None, np.ones(2), np.array([0.5, 1.0]), np.ones(2), np.array([0.5, 0.8]))
    ax = plot_accuracies({"a": run, "b": run})
    assert len(ax.lines) == 4 and list(ax.lines[1].get_ydata()) == [0.5, 0.8]
    with pytest.raises(ValueError, match="no validation accuracy"):
        plot_accuracies({"plain": History(its, None, np.ones(2), np.ones(2))})
    matplotlib.pyplot.close("all")
