"""The trellis picture: it shows the scores it was given, one step per pair of neighbouring
labels, the path and the truth where they are, and refuses labels that do not fit."""
import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from circuits.plots.structured import plot_trellis  # noqa: E402
from circuits.structured import best_sequence  # noqa: E402


def test_the_trellis_shows_the_scores_the_steps_and_the_path(ax):
    unary = np.array([[2.0, 0.0, 1.0], [0.0, 1.5, 0.5], [0.2, 0.1, 3.0], [1.0, 0.0, 0.0]])
    path, _ = best_sequence(unary, 0.5 * np.eye(3))
    drawn = plot_trellis(unary, path, ax, truth=[0, 1, 2, 2], title="four positions")
    assert drawn.tolist() == path.tolist()
    assert np.array_equal(ax.images[0].get_array(), unary.T)        # labels up, positions across
    assert len(ax.collections[0].get_segments()) == 3 * 3 * 3       # (T - 1) K^2 steps
    decoded = [line for line in ax.lines if line.get_label() == "decoded path"][0]
    assert decoded.get_ydata().tolist() == path.tolist()
    truth = [line for line in ax.lines if line.get_label() == "true labels"][0]
    assert truth.get_ydata().tolist() == [0, 1, 2, 2]
    assert len(ax.texts) == 12 + 1                                  # a score per box, a title
    assert ax.get_xlabel() and ax.get_ylabel()


def test_without_a_path_or_annotations_only_the_scores_and_steps_are_drawn(ax):
    assert plot_trellis(np.zeros((1, 2)), ax=ax, annotate=False) is None
    assert not ax.lines and not ax.texts
    assert len(ax.collections[0].get_segments()) == 0              # one position: no steps


def test_bad_paths_and_shapes_are_refused_with_the_numbers(ax):
    with pytest.raises(ValueError, match=r"path must be 3 labels in 0 \.\. 1, got \[0, 2, 1\]"):
        plot_trellis(np.zeros((3, 2)), [0, 2, 1], ax)
    with pytest.raises(ValueError, match=r"truth must be 3 labels.*\[0, 1\]"):
        plot_trellis(np.zeros((3, 2)), ax=ax, truth=[0, 1])
    with pytest.raises(ValueError, match=r"shape \(T, K\).*\(4,\)"):
        plot_trellis(np.zeros(4), ax=ax)


def test_each_score_is_written_readably_on_its_box(ax):
    unary = np.array([[0.0, 3.0], [1.0, 2.0]])
    plot_trellis(unary, ax=ax)
    colour = {t.get_text(): t.get_color() for t in ax.texts}
    assert colour["3"] == "white" and colour["0"] != "white"     # dark box, light box
    x, y = [t for t in ax.texts if t.get_text() == "3"][0].get_position()
    assert -0.5 <= x < 0.5 and 0.5 < y <= 1.5                     # in box (t = 0, label 1)
