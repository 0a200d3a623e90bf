"""Search samplers, k-fold splits, the border check; class weights, the weighted softmax loss
(gradient-checked), unbalancing and oversampling, and the remedies' effect on a minority."""
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn.model_selection import KFold

from circuits.gradcheck import array_gradients
from circuits.datasets import blobs, two_moons
from circuits.layers import softmax_loss
from circuits.models.dense import DenseNet
from circuits.tuning import (REMEDIES, WeightedNet, class_weights, cross_validate,
                             grid_samples, imbalance_scores, kfold_indices, log_uniform,
                             narrow, on_border, oversample, random_samples, search_score,
                             train_remedy, unbalance, weighted_softmax_loss)


def test_the_grid_holds_every_combination_of_evenly_spaced_values():
    grid = grid_samples([(0, 1), (-2, 2)], 3)
    assert grid.shape == (9, 2)
    assert {tuple(p) for p in grid.tolist()} == {(a, b) for a in (0, 0.5, 1) for b in (-2, 0, 2)}
    with pytest.raises(ValueError, match="per_axis >= 2"):
        grid_samples([(0, 1)], 1)
    with pytest.raises(ValueError, match="low < high"):
        grid_samples([(1, 0)], 3)


def test_random_samples_fill_the_box_and_repeat_with_the_seed():
    box = [(0, 1), (-5, -2)]
    points = random_samples(box, 500, np.random.default_rng(3))
    assert points.shape == (500, 2)
    assert np.all(points >= [0, -5]) and np.all(points <= [1, -2])
    assert len(np.unique(points[:, 0])) == 500          # no two share the first coordinate
    assert np.array_equal(points, random_samples(box, 500, np.random.default_rng(3)))
    assert abs(points[:, 1].mean() + 3.5) < 0.15


def test_log_uniform_spreads_evenly_over_the_powers_of_ten():
    values = log_uniform(1e-4, 1.0, 4000, np.random.default_rng(0))
    assert values.min() >= 1e-4 and values.max() <= 1.0
    per_decade = np.histogram(np.log10(values), bins=4, range=(-4, 0))[0]
    assert np.all(np.abs(per_decade - 1000) < 100)
    with pytest.raises(ValueError, match="0 < low < high"):
        log_uniform(0.0, 1.0, 3, np.random.default_rng(0))


def test_the_border_check_flags_a_best_value_at_either_end():
    values = np.array([0.0, 2.5, 5.0, 7.5, 10.0])
    assert on_border(values, [1, 2, 3, 4, 5], 0, 10)
    assert on_border(values, [5, 2, 3, 4, 1], 0, 10)
    assert not on_border(values, [1, 2, 5, 4, 3], 0, 10)
    assert on_border(values, [1, 5, 3, 4, 2], 0, 10, margin=0.3)
    assert not on_border(values, [1, 2, np.nan, 4, 3], -10, 20)   # nan: not a best
    with pytest.raises(ValueError, match=r"as many values as scores .* \(5,\) and \(4,\)"):
        on_border(values, [1, 2, 3, 4], 0, 10)


def test_narrow_centres_a_smaller_box_on_the_best_point():
    box = narrow([(0, 4), (-1, 1)], [3.5, 0.0], factor=0.5)
    assert box.tolist() == [[2.5, 4.5], [-0.5, 0.5]]


@given(st.integers(2, 40).flatmap(lambda n: st.tuples(st.just(n), st.integers(2, n))))
def test_kfold_indices_match_scikit_learn_and_cover_every_point_once(case):
    n, k = case
    mine = kfold_indices(n, k)
    theirs = list(KFold(k).split(np.zeros(n)))
    assert len(mine) == k
    for (train, test), (their_train, their_test) in zip(mine, theirs):
        assert np.array_equal(test, their_test) and np.array_equal(train, their_train)
    assert np.array_equal(np.sort(np.concatenate([test for _, test in mine])), np.arange(n))


def test_kfold_indices_refuse_impossible_splits():
    with pytest.raises(ValueError, match="need 2 <= k <= n, got k=5 for n=3"):
        kfold_indices(3, 5)


def test_cross_validate_scores_each_fold_on_its_own_points():
    X, y = np.arange(10.0)[:, None], np.arange(10)
    scores = cross_validate(lambda Xa, ya, Xb, yb: Xb.sum() - 10 * len(Xa), X, y,
                            kfold_indices(10, 5))
    assert scores.tolist() == [1 - 80, 5 - 80, 9 - 80, 13 - 80, 17 - 80]


def test_class_weights_follow_the_formula_and_equalise_the_classes():
    y = np.array([0] * 6 + [1] * 3 + [2] * 1)
    weights = class_weights(y, 3)
    assert weights == pytest.approx([10 / (3 * 6), 10 / (3 * 3), 10 / (3 * 1)])
    totals = [weights[c] * np.sum(y == c) for c in range(3)]
    assert totals == pytest.approx([10 / 3] * 3)
    with pytest.raises(ValueError, match="class 2 has no points"):
        class_weights([0, 1, 1], 3)
    with pytest.raises(ValueError, match="at least one labelled point"):
        class_weights([], 2)


def _centred(f, x, h=1e-6):
    return array_gradients(f, {"x": x}, h)["x"]


def test_the_weighted_loss_is_the_softmax_loss_when_all_weights_are_one():
    rng = np.random.default_rng(1)
    scores, y = rng.normal(size=(6, 3)), rng.integers(3, size=6)
    loss, d = weighted_softmax_loss(scores, y, np.ones(3))
    plain, d_plain = softmax_loss(scores, y)
    assert loss == pytest.approx(plain) and np.allclose(d, d_plain)


def test_the_weighted_loss_gradient_matches_centred_differences():
    rng = np.random.default_rng(2)
    scores, y, weights = rng.normal(size=(7, 4)), rng.integers(4, size=7), rng.uniform(0, 3, 4)
    _, dscores = weighted_softmax_loss(scores, y, weights)
    numeric = _centred(lambda: weighted_softmax_loss(scores, y, weights)[0], scores)
    assert np.abs(dscores - numeric).max() < 1e-8


def test_a_weight_scales_the_loss_of_its_class_only():
    scores, y = np.array([[1.0, 0.0], [0.0, 2.0]]), np.array([0, 1])
    one = weighted_softmax_loss(scores, y, [1.0, 0.0])[0]
    both = weighted_softmax_loss(scores, y, [1.0, 1.0])[0]
    assert one == pytest.approx(np.log(1 + np.exp(-1)) / 2)
    assert weighted_softmax_loss(scores, y, [3.0, 0.0])[0] == pytest.approx(3 * one)
    assert both > one
    with pytest.raises(ValueError, match=r"one weight >= 0 per class \(2\)"):
        weighted_softmax_loss(scores, y, [1.0, 1.0, 1.0])


def test_the_weighted_net_gradients_match_centred_differences():
    rng = np.random.default_rng(4)
    X, y = rng.normal(size=(8, 2)), rng.integers(3, size=8)
    net = WeightedNet((2, 5, 3), rng, [0.5, 2.0, 1.0], regularization=0.1)
    _, grads = net.loss(X, y)
    for name, p in net.params.items():
        numeric = _centred(lambda: net.loss(X, y)[0], p)
        assert np.abs(grads[name] - numeric).max() < 1e-6 * max(np.abs(numeric).max(), 1), name


def test_the_weighted_net_with_equal_weights_is_the_dense_net():
    rng = np.random.default_rng(5)
    X, y = rng.normal(size=(8, 2)), rng.integers(2, size=8)
    weighted = WeightedNet((2, 4, 2), np.random.default_rng(0), [1.0, 1.0], regularization=0.2)
    plain = DenseNet((2, 4, 2), np.random.default_rng(0), regularization=0.2)
    (c1, g1), (c2, g2) = weighted.loss(X, y), plain.loss(X, y)
    assert c1 == pytest.approx(c2)
    assert all(np.allclose(g1[name], g2[name]) for name in g1)


def test_unbalance_keeps_the_share_asked_for_from_the_original_points():
    X, y = blobs(400, 0.0, 0)
    y = (y > 0).astype(int)
    for fraction in (0.02, 0.1, 0.5, 0.8):
        Xs, ys = unbalance(X, y, fraction, np.random.default_rng(0))
        assert abs(ys.mean() - fraction) < 0.01
        rows = [np.flatnonzero((X == row).all(axis=1))[0] for row in Xs]
        assert len(set(rows)) == len(rows) and np.array_equal(y[rows], ys)
    with pytest.raises(ValueError, match="strictly between 0 and 1, got 1"):
        unbalance(X, y, 1, np.random.default_rng(0))


def test_oversampling_brings_every_class_to_the_largest():
    X, y = np.arange(10.0)[:, None], np.array([0] * 7 + [1] * 2 + [2])
    Xo, yo = oversample(X, y, np.random.default_rng(0))
    assert np.bincount(yo).tolist() == [7, 7, 7]
    assert np.array_equal(Xo[:10], X) and np.array_equal(y[Xo[:, 0].astype(int)], yo)


def test_class_weights_and_oversampling_raise_the_minority_recall():
    X, y = blobs(1400, 0.0, 1, spread=1.0)
    y = (y > 0).astype(int)
    rng = np.random.default_rng(0)
    X_train, y_train = unbalance(X[:400], y[:400], 0.05, rng)
    X_test, y_test = unbalance(X[400:], y[400:], 0.05, rng)
    scores = {r: imbalance_scores(y_test, train_remedy(r, X_train, y_train, 2,
                                                       np.random.default_rng(0)).predict(X_test))
              for r in REMEDIES}
    plain = scores["none"]
    assert plain["accuracy"] > 0.9 and plain["balanced accuracy"] < plain["accuracy"] - 0.05
    for remedy in REMEDIES[1:]:
        assert scores[remedy]["minority recall"] > plain["minority recall"] + 0.05, remedy
        assert scores[remedy]["balanced accuracy"] > plain["balanced accuracy"], remedy
    with pytest.raises(ValueError, match="remedy must be one of"):
        train_remedy("undersampling", X_train, y_train, 2, rng)


def test_imbalance_scores_by_hand():
    scores = imbalance_scores([0, 0, 0, 1], [0, 0, 0, 0])
    assert scores == {"accuracy": 0.75, "balanced accuracy": 0.5, "minority recall": 0.0}


def test_search_score_is_an_accuracy_or_nan_when_training_blows_up():
    X, y = two_moons(100, 0.2, seed=0)
    y = (y > 0).astype(int)
    good = search_score(0.0, -4.0, X[:50], y[:50], X[50:], y[50:])
    bad = search_score(6.0, -4.0, X[:50], y[:50], X[50:], y[50:])
    slow = search_score(-4.0, -4.0, X[:50], y[:50], X[50:], y[50:])
    assert 0.8 < good <= 1 and np.isnan(bad) and slow < good
