"""Structured prediction: Viterbi vs brute force, the loss-augmented search, the structured
hinge and its subgradient, the multiclass SVM as its length-1 case, and a toy task where
the pairwise terms pay off."""
import itertools

import numpy as np
import pytest
from hypothesis import assume, given, settings, strategies as st

from circuits.gradcheck import array_gradients
from circuits.structured import (accuracy, best_sequence, best_sequence_brute, hamming,
                                 loss_augmented_best, make_sequences, multiclass_hinge,
                                 sequence_score, structured_hinge, train_structured)

seeds = st.integers(0, 2**32 - 1)


def _problem(seed, length, n_labels):
    rng = np.random.default_rng(seed)
    return (rng.normal(size=(length, n_labels)), rng.normal(size=(n_labels, n_labels)),
            rng.integers(n_labels, size=length))


def test_sequence_score_by_hand():
    unary = np.array([[1.0, 0.0], [0.0, 2.0], [0.5, 0.0]])
    pairwise = np.array([[0.0, -1.0], [3.0, 0.0]])
    # labels 0, 1, 0: unaries 1 + 2 + 0.5, transitions 0->1 (-1) and 1->0 (+3)
    assert sequence_score(unary, pairwise, [0, 1, 0]) == 5.5
    assert best_sequence(unary, pairwise)[0].tolist() == [0, 1, 0]


@settings(max_examples=60, deadline=None)
@given(seed=seeds, length=st.integers(1, 5), n_labels=st.integers(1, 4))
def test_viterbi_finds_the_brute_force_best(seed, length, n_labels):
    unary, pairwise, _ = _problem(seed, length, n_labels)
    labels, score = best_sequence(unary, pairwise)
    brute_labels, brute_score = best_sequence_brute(unary, pairwise)
    assert score == pytest.approx(brute_score, abs=1e-12)
    assert score == pytest.approx(sequence_score(unary, pairwise, labels), abs=1e-12)
    assert labels.tolist() == brute_labels.tolist()      # continuous random scores: no ties


@settings(max_examples=60, deadline=None)
@given(seed=seeds, length=st.integers(1, 5), n_labels=st.integers(1, 4))
def test_loss_augmented_search_matches_brute_force(seed, length, n_labels):
    unary, pairwise, truth = _problem(seed, length, n_labels)
    labels, value = loss_augmented_best(unary, pairwise, truth)
    values = [sequence_score(unary, pairwise, s) + hamming(s, truth)
              for s in itertools.product(range(n_labels), repeat=length)]
    assert value == pytest.approx(max(values), abs=1e-12)
    assert value == pytest.approx(sequence_score(unary, pairwise, labels)
                                  + hamming(labels, truth), abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(seed=seeds, length=st.integers(1, 6), n_labels=st.integers(2, 4))
def test_structured_hinge_is_never_negative_and_bounds_the_hamming_loss(seed, length, n_labels):
    unary, pairwise, truth = _problem(seed, length, n_labels)
    loss, _, _ = structured_hinge(unary, pairwise, truth)
    predicted, _ = best_sequence(unary, pairwise)
    assert loss >= hamming(predicted, truth) >= 0        # an upper bound on the decoding error


def test_structured_hinge_is_zero_when_the_truth_wins_by_a_margin():
    truth = np.array([0, 2, 1, 1])
    unary = np.zeros((4, 3))
    unary[np.arange(4), truth] = 1.5        # every other label is 1.5 behind: margin above 1
    loss, d_unary, d_pairwise = structured_hinge(unary, np.zeros((3, 3)), truth)
    assert loss == 0.0
    assert not d_unary.any() and not d_pairwise.any()
    unary[2, truth[2]] = 0.5                # now position 2 wins by only 0.5 < 1
    loss, d_unary, _ = structured_hinge(unary, np.zeros((3, 3)), truth)
    assert loss == pytest.approx(0.5)
    assert d_unary[2, truth[2]] == -1.0 and d_unary[2].sum() == 0.0     # push the truth up
    assert not np.delete(d_unary, 2, axis=0).any()                    # the rest already win


@settings(max_examples=40, deadline=None)
@given(seed=seeds, length=st.integers(1, 5), n_labels=st.integers(2, 4))
def test_subgradient_matches_centred_differences(seed, length, n_labels):
    unary, pairwise, truth = _problem(seed, length, n_labels)
    h = 1e-6

    def loss_at(u, p):
        return structured_hinge(u, p, truth)[0]

    values = sorted(sequence_score(unary, pairwise, s) + hamming(s, truth)
                    for s in itertools.product(range(n_labels), repeat=length))
    assume(len(values) == 1 or values[-1] - values[-2] > 1e-3)   # away from a tie: differentiable
    _, d_unary, d_pairwise = structured_hinge(unary, pairwise, truth)
    numbers = array_gradients(lambda: loss_at(unary, pairwise), {"u": unary, "p": pairwise}, h)
    for grad, numerical in ((d_unary, numbers["u"]), (d_pairwise, numbers["p"])):
        np.testing.assert_allclose(grad, numerical, atol=1e-6)


@settings(max_examples=60, deadline=None)
@given(seed=seeds, n_labels=st.integers(2, 6))
def test_multiclass_svm_is_the_length_one_case(seed, n_labels):
    rng = np.random.default_rng(seed)
    scores, label = rng.normal(size=n_labels), int(rng.integers(n_labels))
    loss, grad = multiclass_hinge(scores, label)
    direct = max(scores[j] + (j != label) for j in range(n_labels)) - scores[label]
    s_loss, d_unary, d_pairwise = structured_hinge(scores[None, :], np.zeros((n_labels, n_labels)),
                                                   [label])
    assert loss == pytest.approx(direct) and s_loss == pytest.approx(direct)
    np.testing.assert_array_equal(d_unary[0], grad)
    assert not d_pairwise.any()                        # one position: no transitions


def test_pairwise_terms_help_on_sticky_sequences():
    X, Y = make_sequences(260, 8, 3, 4, np.random.default_rng(0), noise=1.0)
    train, test = slice(0, 60), slice(60, None)
    results = {}
    for pairwise in (False, True):
        weights, losses = train_structured(X[train], Y[train], 3, steps=60, learning_rate=0.1,
                                           rng=np.random.default_rng(1), pairwise=pairwise)
        assert losses[-1] < 0.7 * losses[0]
        results[pairwise] = (accuracy(X[test], Y[test], weights),
                             accuracy(X[test], Y[test], weights, whole=True))
        if not pairwise:
            assert not weights[1].any()
    # measured: labels 0.71 -> 0.80, whole sequences 0.16 -> 0.33
    assert results[True][0] > results[False][0] + 0.05
    assert results[True][1] > results[False][1] + 0.1
    # the learned transitions favour staying: every diagonal entry beats its row's others
    P = weights[1]
    assert all(P[i, i] > np.delete(P[i], i).max() for i in range(3))


def test_make_sequences_is_sticky_and_deterministic():
    X, Y = make_sequences(200, 10, 3, 2, np.random.default_rng(5), stay=0.8)
    assert X.shape == (200, 10, 2) and Y.shape == (200, 10)
    assert 0.75 < np.mean(Y[:, 1:] == Y[:, :-1]) < 0.85
    X2, Y2 = make_sequences(200, 10, 3, 2, np.random.default_rng(5), stay=0.8)
    assert np.array_equal(X, X2) and np.array_equal(Y, Y2)


def test_errors_name_the_shapes_and_labels():
    unary, pairwise = np.zeros((4, 3)), np.zeros((3, 3))
    with pytest.raises(ValueError, match=r"\(3, 3\).*\(4, 3\).*\(2, 2\)"):
        best_sequence(unary, np.zeros((2, 2)))
    with pytest.raises(ValueError, match=r"shape \(T, K\).*\(3,\)"):
        best_sequence(np.zeros(3), pairwise)
    with pytest.raises(ValueError, match=r"shape \(4,\).*\(3,\)"):
        sequence_score(unary, pairwise, [0, 1, 2])
    with pytest.raises(ValueError, match=r"0 \.\. 2.*\[0, 3, 1, 1\]"):
        structured_hinge(unary, pairwise, [0, 3, 1, 1])
    with pytest.raises(TypeError, match="whole numbers"):
        loss_augmented_best(unary, pairwise, [0.0, 1.0, 1.0, 2.0])
    with pytest.raises(ValueError, match="finite"):
        best_sequence(np.full((2, 3), np.nan), pairwise)
    with pytest.raises(ValueError, match=r"shapes \(3,\) and \(2,\)"):
        hamming([0, 1, 2], [0, 1])
    with pytest.raises(ValueError, match="more than limit"):
        best_sequence_brute(np.zeros((20, 3)), pairwise)
    with pytest.raises(ValueError, match="label in 0 .. 2"):
        multiclass_hinge([1.0, 2.0, 3.0], 3)
    with pytest.raises(ValueError, match="default_rng"):
        make_sequences(5, 4, 3, 2, None)
    with pytest.raises(ValueError, match=r"\(n, T, F\).*\(5, 4, 2\) and \(5, 3\)"):
        train_structured(np.zeros((5, 4, 2)), np.zeros((5, 3), int), 3, 1, 0.1,
                         np.random.default_rng(0))
