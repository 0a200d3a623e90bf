"""Embedding pictures: one colour per label with a legend entry each, the KL curve with the
exaggeration phase shaded, and clear errors for shapes that do not fit."""
import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from circuits.plots.embedding import plot_embedding, plot_kl  # noqa: E402


def test_points_are_coloured_by_label_and_the_legend_lists_each_label(ax):
    Y = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 0.0], [3.0, 1.0]])
    points = plot_embedding(Y, [3, 3, 7, 0], ax, title="four points")
    np.testing.assert_allclose(points.get_offsets(), Y)
    colours = points.to_rgba(points.get_array())
    assert np.allclose(colours[0], colours[1]) and not np.allclose(colours[0], colours[2])
    legend = ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["0", "3", "7"]
    assert np.allclose(legend.legend_handles[2].get_facecolor()[0], colours[2])
    assert ax.get_xlabel() and any(t.get_text() == "four points" for t in ax.texts)


def test_kl_curve_and_shaded_exaggeration(ax):
    plot_kl([3.0, 2.0, 1.5, 1.4], early=2, ax=ax)
    np.testing.assert_allclose(ax.lines[0].get_ydata(), [3.0, 2.0, 1.5, 1.4])
    np.testing.assert_allclose(ax.lines[0].get_xdata(), [1, 2, 3, 4])
    assert len(ax.patches) == 1 and ax.get_ylabel().startswith("KL")


def test_shapes_that_do_not_fit(ax):
    with pytest.raises(ValueError, match=r"Y must have shape \(N, 2\), got \(3, 3\)"):
        plot_embedding(np.zeros((3, 3)), [0, 1, 2], ax)
    with pytest.raises(ValueError, match=r"labels must have one entry per point, shape \(3,\); got \(2,\)"):
        plot_embedding(np.zeros((3, 2)), [0, 1], ax)
