"""Confusion matrix and per-class accuracy: against a loop over the points, and clear errors."""
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from circuits.metrics import balanced_accuracy, confusion_matrix, per_class_accuracy


@given(st.integers(1, 5).flatmap(lambda k: st.tuples(
    st.just(k), st.lists(st.tuples(st.integers(0, k - 1), st.integers(0, k - 1)), max_size=30))))
def test_the_confusion_matrix_counts_each_point_once_in_its_cell(case):
    k, pairs = case
    y = np.array([a for a, _ in pairs], int)
    p = np.array([b for _, b in pairs], int)
    expected = np.zeros((k, k), int)
    for a, b in pairs:
        expected[a, b] += 1
    assert np.array_equal(confusion_matrix(y, p, k), expected)
    acc = per_class_accuracy(y, p, k)
    for c in range(k):
        mine = [b == c for a, b in pairs if a == c]
        assert np.isnan(acc[c]) if not mine else acc[c] == pytest.approx(np.mean(mine))


def test_a_small_example_by_hand():
    y, p = [0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2]
    assert confusion_matrix(y, p, 3).tolist() == [[1, 1, 0], [0, 1, 0], [1, 0, 2]]
    assert per_class_accuracy(y, p, 3) == pytest.approx([0.5, 1.0, 2 / 3])


def test_bad_labels_are_refused_with_the_numbers():
    with pytest.raises(ValueError, match=r"predicted must lie in 0 \.\.\. 2, got 0 \.\.\. 3"):
        confusion_matrix([0, 1], [0, 3], 3)
    with pytest.raises(ValueError, match="y has 2 labels but predicted has 3"):
        confusion_matrix([0, 1], [0, 1, 1], 3)
    with pytest.raises(ValueError, match="whole-number class labels"):
        confusion_matrix([0.5, 1], [0, 1], 3)
    with pytest.raises(ValueError, match=r"one label per point \(1-D\), got shape \(2, 1\)"):
        confusion_matrix([[0], [1]], [0, 1], 3)
    with pytest.raises(ValueError, match="n_classes must be a whole number >= 1, got 0"):
        confusion_matrix([], [], 0)


@given(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2)), min_size=1, max_size=30))
def test_balanced_accuracy_is_the_mean_recall_of_the_classes_present(pairs):
    y = np.array([a for a, _ in pairs])
    p = np.array([b for _, b in pairs])
    recalls = [np.mean(p[y == c] == c) for c in range(3) if np.any(y == c)]
    assert balanced_accuracy(y, p, 3) == pytest.approx(np.mean(recalls))


def test_balanced_accuracy_sees_through_a_majority_guess():
    y = np.array([0] * 95 + [1] * 5)
    always_zero = np.zeros(100, int)
    assert np.mean(always_zero == y) == 0.95
    assert balanced_accuracy(y, always_zero, 2) == 0.5
    with pytest.raises(ValueError, match="at least one point"):
        balanced_accuracy([], [], 2)
