"""Leave-one-out nearest-neighbour accuracy: by hand, against scikit-learn, and its errors."""
import numpy as np
import pytest

from circuits.embeddings import nearest_neighbour_accuracy


def test_small_example_by_hand():
    Y = np.array([[0.0, 0.0], [0.1, 0.0], [5.0, 5.0], [5.0, 5.2], [0.0, 0.3]])
    labels = np.array([0, 0, 1, 1, 1])        # the last point's nearest is point 0 (label 0)
    assert nearest_neighbour_accuracy(Y, labels) == pytest.approx(4 / 5)
    assert nearest_neighbour_accuracy(Y, [0, 0, 1, 1, 0]) == 1.0


def test_agrees_with_scikit_learn_leave_one_out():
    pytest.importorskip("sklearn")
    from sklearn.model_selection import LeaveOneOut, cross_val_score
    from sklearn.neighbors import KNeighborsClassifier
    rng = np.random.default_rng(0)
    Y = rng.normal(size=(60, 2))
    labels = (Y[:, 0] + 0.5 * rng.normal(size=60) > 0).astype(int)
    scores = cross_val_score(KNeighborsClassifier(n_neighbors=1), Y, labels, cv=LeaveOneOut())
    assert nearest_neighbour_accuracy(Y, labels) == pytest.approx(scores.mean())


def test_errors_name_the_shapes():
    with pytest.raises(ValueError, match=r"Y must be \(N, d\) with N >= 2 points, got shape \(3,\)"):
        nearest_neighbour_accuracy(np.zeros(3), [0, 1, 2])
    with pytest.raises(ValueError, match=r"labels must have one entry per point, shape \(4,\); got \(3,\)"):
        nearest_neighbour_accuracy(np.zeros((4, 2)), [0, 1, 2])
