"""Diagnostics pictures: each histogram row is the layer's own share of values, the lines are
the given numbers, and the axes say what they show."""
import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from circuits.plots.diagnostics import (histogram_rows, plot_dead_fractions,  # noqa: E402
                                        plot_dead_over_training, plot_layer_histograms,
                                        plot_layer_stds, set_layer_histograms)


def test_histogram_rows_share_a_range_and_sum_to_one():
    acts = [np.array([[-2.0, 0.5], [1.0, 1.5]]), np.zeros((2, 2))]
    edges, counts = histogram_rows(acts, bins=4)
    assert edges[0] == -2.0 and edges[-1] == 2.0
    np.testing.assert_allclose(counts.sum(axis=1), [1.0, 1.0])
    assert counts[1].tolist() == [0.0, 0.0, 1.0, 0.0]          # all zeros in the bin [0, 1)
    edges, _ = histogram_rows([np.array([0.0, 3.0])], bins=3)
    assert edges.tolist() == [0.0, 1.0, 2.0, 3.0]               # no negatives: start at 0
    with pytest.raises(ValueError, match="empty"):
        histogram_rows([])


def test_layer_histograms_stack_one_row_per_layer(ax):
    acts = [np.random.default_rng(0).standard_normal((50, 4)) * s for s in (1.0, 0.5, 0.1)]
    plot_layer_histograms(acts, ax)
    outlines = ax.collections[0].get_paths()
    assert len(ax.collections) == 1 and len(outlines) == 3 and len(ax.texts) == 3
    tops = [path.vertices[:, 1].max() for path in outlines]
    np.testing.assert_allclose(tops, [1.85, 2.85, 3.85])     # each row scaled to its tallest bar
    assert ax.texts[2].get_text() == f"std {np.std(acts[2]):.2g}"
    assert ax.get_ylabel() == "layer" and list(ax.get_yticks()) == [1, 2, 3]


def test_the_histograms_move_in_place_to_new_activations(ax):
    rng = np.random.default_rng(1)
    bars = plot_layer_histograms([rng.standard_normal(30) for _ in range(2)], ax,
                                 stds=False).collections[0]
    edges, counts = histogram_rows([np.array([0.0, 1.0, 1.0, 4.0]), np.array([2.0])], 4)
    assert set_layer_histograms(bars, edges, counts) is bars and ax.collections[:] == [bars]
    assert ax.get_xlim() == (0.0, 4.0)
    tops = [path.vertices[:, 1].max() for path in bars.get_paths()]
    np.testing.assert_allclose(tops, [1.85, 2.85])
    first = bars.get_paths()[0].vertices
    np.testing.assert_allclose(first[1:9:2, 1], 1 + 0.85 * np.array([1, 2, 0, 1]) / 2)  # 1 of
    # the 4 values in [0, 1), 2 (the tallest) in [1, 2), none in [2, 3), 1 in [3, 4]
    np.testing.assert_allclose(first[:10, 0], np.repeat(edges, 2))      # then closed


def test_layer_stds_and_dead_fractions_draw_the_numbers(ax):
    plot_layer_stds({"a": [1.0, 0.1, 0.01], "b": [1.0, 1.0, 1.0]}, ax)
    assert ax.lines[0].get_ydata().tolist() == [1.0, 0.1, 0.01] and ax.get_yscale() == "log"
    ax.clear()
    plot_dead_fractions([0.1, 1.0, 10.0], [0.0, 0.2, 1.0], [0.9, 0.8, 0.33], 1 / 3, ax)
    assert ax.lines[0].get_ydata().tolist() == [0.0, 0.2, 1.0] and ax.get_xscale() == "log"
    assert ax.lines[2].get_ydata()[0] == 1 / 3
    ax.clear()
    plot_dead_over_training({"rate 1": ([0, 10], [0.1, 0.5])}, ax)
    assert ax.lines[0].get_xdata().tolist() == [0, 10] and ax.get_legend() is not None
