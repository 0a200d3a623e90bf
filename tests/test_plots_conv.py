"""Convolution pictures: the mosaic puts each image in its cell, the helpers draw what they get."""
import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402

from circuits.plots.conv import (PADDING, mosaic, plot_accuracies, plot_feature_maps,  # noqa: E402
                                 plot_filters, plot_mosaic, plot_padded,
                                 set_padded)


def test_mosaic_places_each_image_in_its_cell_with_gaps():
    images = np.arange(5 * 2 * 3, dtype=float).reshape(5, 2, 3)
    grid, rows, columns = mosaic(images, columns=3)
    assert (rows, columns) == (2, 3) and grid.shape == (2 * 3 - 1, 3 * 4 - 1)
    assert np.array_equal(grid[0:2, 4:7], images[1]) and np.array_equal(grid[3:5, 4:7], images[4])
    assert np.isnan(grid[2]).all() and np.isnan(grid[3:5, 8:]).all()
    with pytest.raises(ValueError, match=r"shape \(n, h, w\)"):
        mosaic(np.zeros((2, 3)))


def test_filters_share_one_scale_centred_on_zero():
    w = np.random.default_rng(0).normal(size=(6, 1, 3, 3))
    fig, ax = plt.subplots()
    shown = plot_filters(w, ax)
    assert shown.get_clim() == (-np.abs(w).max(), np.abs(w).max())
    assert [t.get_text() for t in ax.texts] == [str(k) for k in range(6)]
    with pytest.raises(ValueError, match=r"\(F, C, HH, WW\)"):
        plot_filters(w[0])
    plt.close(fig)


def test_each_feature_map_is_scaled_to_its_own_peak():
    maps = np.stack([np.eye(4), 5 * np.eye(4), np.zeros((4, 4))])
    fig, ax = plt.subplots()
    grid = plot_feature_maps(maps, ax).get_array()
    assert np.array_equal(grid[0:4, 0:4], np.eye(4)) and np.array_equal(grid[0:4, 7:11], np.eye(4))
    assert not np.any(grid[0:4, 14:18]) and grid.shape == (4, 18)          # labelled: gaps of 3
    plt.close(fig)


def test_padding_surrounds_the_image_and_windows_that_fit_are_drawn():
    image = np.ones((4, 4))
    fig, ax = plt.subplots()
    drawn = plot_padded(image, pad=1, field=3, stride=2, ax=ax, title="t")
    shown = drawn.image.get_array()
    assert shown.shape == (6, 6) and (shown[1:-1, 1:-1] == 1).all() and shown.sum() == 16 - 20
    colours = drawn.image.to_rgba(shown[:2, 1])                   # a zero added, an inked pixel
    assert np.allclose(colours[0], to_rgba(PADDING)) and not np.allclose(colours[1], colours[0])
    assert list(ax.patches) == list(drawn.windows) and drawn.title.get_text() == "t"
    assert drawn.image.get_extent() == [-0.5, 5.5, 5.5, -0.5]
    assert [w.get_x() for w in drawn.windows] == [-0.5, 1.5]
    boxed = plot_padded(image, pad=0, field=3, stride=2, ax=ax, title="t", box=(10, 0, 8))
    assert [w.get_visible() for w in boxed.windows] == [True, False]   # the second would not fit
    assert boxed.windows[0].get_width() == 3 * 8 / 4                  # 3 pixels of 2 units each
    plot_mosaic(np.zeros((2, 3, 3)), ax, labels=["a", "b"], title="x")
    plt.close(fig)


def test_the_padded_picture_moves_in_place_to_a_new_padding_and_stride():
    fig, ax = plt.subplots()
    drawn = plot_padded(np.ones((4, 4)), pad=0, field=2, stride=1, ax=ax, box=(0, 0, 8))
    before = len(ax.get_children())
    padded = set_padded(drawn, np.ones((4, 4)), pad=2, field=3, stride=6, title="new")
    assert padded.shape == (8, 8) and padded.sum() == 16 and len(ax.get_children()) == before
    assert drawn.image.get_extent() == [0, 8, 8, 0] and drawn.image.get_array().min() == -1
    assert [w.get_visible() for w in drawn.windows] == [True, False]   # 6 + 3 > 8
    assert drawn.windows[0].get_width() == 3 and drawn.title.get_text() == "new"
    plt.close(fig)


def test_accuracy_bars_are_grouped_by_model_in_one_colour_per_setting():
    accuracies = {"centred": {"linear": 0.9, "cnn": 0.95}, "shifted": {"cnn": 0.8, "linear": 0.2}}
    fig, ax = plt.subplots()
    centred, shifted = plot_accuracies(accuracies, ax, title="t")
    assert [b.get_height() for b in shifted] == [0.2, 0.8]         # in the first setting's order
    assert shifted[0].get_x() > centred[0].get_x()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["linear", "cnn"]
    plt.close(fig)
