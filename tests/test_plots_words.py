"""The word map: every word labelled at its point, the focus and its neighbours marked and
joined, arrows where asked, and clear errors for words or points that do not fit."""
import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402

from circuits.plots.words import FOCUS, NEIGHBOUR, mark_words, plot_words  # noqa: E402

POINTS = np.array([[0.0, 0.0], [1.0, 0.5], [2.0, -1.0], [-1.0, 2.0]])
WORDS = ["king", "queen", "man", "woman"]


def test_every_word_is_labelled_where_its_point_is(ax):
    where = plot_words(POINTS, WORDS, ax, title="four words")
    labels = {t.get_text().strip(): t.get_position() for t in ax.texts}
    assert set(labels) == set(WORDS) | {"four words"}
    for word, point in zip(WORDS, POINTS):
        assert np.allclose(labels[word], point) and np.allclose(where[word], point)
    assert ax.get_xlabel() and ax.get_ylabel()


def test_the_focus_and_its_neighbours_are_marked_and_joined(ax):
    plot_words(POINTS, WORDS, ax, highlight=["queen", "woman"], focus="king",
               arrows=[("man", "king")])
    labels = [t for t in ax.texts if type(t).__name__ != "Annotation"]
    colours = {t.get_text().strip(): t.get_color() for t in labels}
    assert len(labels) == 4 and colours["king"] == FOCUS and colours["queen"] == colours["woman"] == NEIGHBOUR
    assert colours["man"] != NEIGHBOUR                                # each word labelled once
    (joins,) = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert sorted((a[0], b[0]) for a, b in joins.get_segments()) == [(0.0, -1.0), (0.0, 1.0)]
    (arrow,) = [c for c in ax.texts if type(c).__name__ == "Annotation"]
    assert np.allclose(arrow.xy, POINTS[0]) and np.allclose(arrow.xyann, POINTS[2])


def test_words_and_points_that_do_not_fit_are_clear_errors(ax):
    with pytest.raises(ValueError, match=r"points must have shape \(4, 2\).*got \(3, 2\)"):
        plot_words(POINTS[:3], WORDS, ax)
    with pytest.raises(ValueError, match="'prince' is not among the 4 words plotted"):
        plot_words(POINTS, WORDS, ax, highlight=["prince"])


def test_the_marks_are_returned_so_they_can_be_taken_away(ax):
    where = plot_words(POINTS, WORDS, ax)
    before = len(ax.get_children())
    marks = mark_words(ax, where, ["queen"], "king")
    assert len(marks) == 5                       # the join, and a point and a label each
    assert len(ax.get_children()) == before + 5
    for artist in marks:
        artist.remove()
    assert len(ax.get_children()) == before
