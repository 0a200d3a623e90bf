"""t-SNE: perplexity calibration, the KL cost and its gradient, the optimiser, errors."""
import numpy as np
import pytest

from circuits.gradcheck import array_gradients
from circuits.tsne import (conditional_probabilities, embed, joint_probabilities,
                           kl_divergence_and_gradient, pairwise_squared_distances, perplexities,
                           student_t_probabilities, tsne)


def numerical_gradient(f, Y, h=1e-5):
    return array_gradients(lambda: f(Y), {"Y": Y}, h)["Y"]


def relative_error(a, b):
    return np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-12)


def blobs(rng, k=4, per=40, dim=10, spread=20.0):
    """k Gaussian blobs (unit spread) whose centres lie ~spread apart: (X, labels)."""
    centres = rng.normal(scale=spread, size=(k, dim))
    X = np.vstack([c + rng.normal(size=(per, dim)) for c in centres])
    return X, np.repeat(np.arange(k), per)


def small_problem(n=7, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 4))
    P = joint_probabilities(conditional_probabilities(pairwise_squared_distances(X), 3.0))
    return P, rng.normal(size=(n, 2))


def test_distances_match_a_loop():
    X = np.random.default_rng(1).normal(size=(6, 3))
    expected = [[np.sum((a - b) ** 2) for b in X] for a in X]
    np.testing.assert_allclose(pairwise_squared_distances(X), expected, atol=1e-12)


@pytest.mark.parametrize("perplexity", [1.5, 5.0, 20.0, 45.0])
def test_calibration_hits_the_perplexity(perplexity):
    X = np.random.default_rng(2).normal(size=(60, 5)) * np.linspace(0.1, 3, 60)[:, None]
    P = conditional_probabilities(pairwise_squared_distances(X), perplexity)
    assert np.all(np.diag(P) == 0)
    np.testing.assert_allclose(P.sum(axis=1), 1.0, rtol=1e-12)
    bits = -np.sum(np.where(P > 0, P * np.log2(np.where(P > 0, P, 1)), 0.0), axis=1)
    np.testing.assert_allclose(2 ** bits, perplexity, rtol=1e-3)


def test_calibration_works_at_any_scale():
    X = np.random.default_rng(3).normal(size=(30, 3))
    for scale in [1e-4, 1.0, 1e4]:
        P = conditional_probabilities(pairwise_squared_distances(X * scale), 10.0)
        bits = -np.sum(P * np.log2(np.where(P > 0, P, 1)), axis=1)
        np.testing.assert_allclose(2 ** bits, 10.0, rtol=1e-3)


def test_joint_probabilities_symmetric_and_normalised():
    P, _ = small_problem(n=9)
    np.testing.assert_allclose(P, P.T)
    assert P.sum() == pytest.approx(1.0) and np.all(P >= 0)


def test_kl_value_matches_its_definition():
    P, Y = small_problem()
    kernel = 1 / (1 + pairwise_squared_distances(Y))
    np.fill_diagonal(kernel, 0)
    Q = kernel / kernel.sum()
    off = ~np.eye(len(P), dtype=bool)
    expected = np.sum(P[off] * np.log(P[off] / Q[off]))
    assert kl_divergence_and_gradient(P, Y)[0] == pytest.approx(expected, rel=1e-12)


def test_kl_gradient_matches_numerical_gradient():
    P, Y = small_problem()
    _, grad = kl_divergence_and_gradient(P, Y)
    numerical = numerical_gradient(lambda v: kl_divergence_and_gradient(P, v)[0], Y)
    assert relative_error(grad, numerical) < 1e-7


def test_exaggerated_gradient_is_that_of_the_exaggerated_cost():
    P, Y = small_problem(seed=4)

    def cost(v):                      # alpha * sum p log(1 + d) + log sum_{i != j} 1 / (1 + d)
        D = pairwise_squared_distances(v)
        return 12.0 * np.sum(P * np.log1p(D)) + np.log(np.sum(1 / (1 + D)) - len(v))
    _, grad = kl_divergence_and_gradient(P, Y, exaggeration=12.0)
    assert relative_error(grad, numerical_gradient(cost, Y)) < 1e-7


def test_a_small_step_against_the_gradient_lowers_kl():
    P, Y = small_problem(n=20, seed=5)
    kl, grad = kl_divergence_and_gradient(P, Y)
    assert kl_divergence_and_gradient(P, Y - 1e-2 * grad)[0] < kl


def test_kl_decreases_during_optimisation():
    X, _ = blobs(np.random.default_rng(6), per=25)
    P = joint_probabilities(conditional_probabilities(pairwise_squared_distances(X), 10.0))
    Y0 = np.random.default_rng(7).normal(scale=1e-4, size=(len(X), 2))
    _, kls = embed(P, Y0, 200)
    assert len(kls) == 200 and kls[-1] < 0.5 * kls[0]
    assert kls[-1] <= min(kls[50:60])                   # still improving after the exaggeration


def test_blobs_stay_apart_and_neighbours_stay_neighbours():
    X, labels = blobs(np.random.default_rng(8))
    Y, kl = tsne(X, perplexity=15.0, iterations=300, rng=np.random.default_rng(9))
    assert Y.shape == (len(X), 2) and np.isfinite(kl) and kl < 1.0
    D = pairwise_squared_distances(Y)
    np.fill_diagonal(D, np.inf)
    nearest = np.argsort(D, axis=1)[:, :5]
    assert np.mean(labels[nearest] == labels[:, None]) > 0.98
    centres = np.array([Y[labels == k].mean(axis=0) for k in range(4)])
    spread = max(np.linalg.norm(Y[labels == k] - centres[k], axis=1).max() for k in range(4))
    gaps = pairwise_squared_distances(centres)[~np.eye(4, dtype=bool)] ** 0.5
    assert gaps.min() > 2 * spread                      # every blob is its own island


def test_tsne_is_deterministic():
    X, _ = blobs(np.random.default_rng(10), per=10)
    Y1, kl1 = tsne(X, perplexity=5.0, iterations=50, rng=np.random.default_rng(3))
    Y2, kl2 = tsne(X, perplexity=5.0, iterations=50, rng=np.random.default_rng(3))
    np.testing.assert_array_equal(Y1, Y2)
    assert kl1 == kl2
    np.testing.assert_array_equal(tsne(X, 5.0, 50)[0], tsne(X, 5.0, 50, rng=0)[0])   # None: seed 0


def test_duplicate_points_warn_when_the_perplexity_is_out_of_reach():
    X = np.zeros((12, 2))
    with pytest.warns(RuntimeWarning, match="did not converge for 12 of 12 points"):
        conditional_probabilities(pairwise_squared_distances(X), 5.0)


def test_errors_name_the_numbers():
    X = np.zeros((10, 3))
    with pytest.raises(ValueError, match=r"N - 1 = 9 for N = 10 points\), got 30"):
        tsne(X)
    with pytest.raises(ValueError, match="got 0.5"):
        tsne(X, perplexity=0.5)
    with pytest.raises(ValueError, match=r"X must be 2-D .*got shape \(10,\)"):
        tsne(np.zeros(10), perplexity=3)
    with pytest.raises(ValueError, match="NaN"):
        tsne(np.full((10, 3), np.nan), perplexity=3)
    with pytest.raises(ValueError, match="iterations must be a positive integer, got 0"):
        tsne(X, perplexity=3, iterations=0)
    with pytest.raises(TypeError, match="rng must be a numpy Generator"):
        tsne(X, perplexity=3, rng="seed")
    with pytest.raises(ValueError, match=r"distances must be a square \(N, N\) matrix, got shape \(3, 4\)"):
        conditional_probabilities(np.zeros((3, 4)), 1.5)
    P, Y = small_problem()
    with pytest.raises(ValueError, match=r"Y must have shape \(7, d\) to match P \(7, 7\), got \(6, 2\)"):
        kl_divergence_and_gradient(P, Y[:6])
    with pytest.raises(ValueError, match="P must sum to 1.*it sums to 2"):
        kl_divergence_and_gradient(2 * P, Y)


def test_perplexities_of_uniform_rows_count_the_neighbours():
    P = np.array([[0, 0.5, 0.5, 0], [0.25, 0, 0.25, 0.5], [0, 0, 0, 1], [1 / 3, 1 / 3, 1 / 3, 0]])
    expected = [2, 2 ** (1.5), 1, 3]               # entropy of (1/4, 1/4, 1/2) is 1.5 bits
    np.testing.assert_allclose(perplexities(P), expected, rtol=1e-12)


def test_perplexities_read_back_the_calibration():
    X = np.random.default_rng(11).normal(size=(40, 3))
    P = conditional_probabilities(pairwise_squared_distances(X), 7.0)
    np.testing.assert_allclose(perplexities(P), 7.0, rtol=1e-4)


def test_student_t_probabilities_define_the_kl():
    P, Y = small_problem(seed=12)
    Q = student_t_probabilities(Y)
    assert np.all(np.diag(Q) == 0) and Q.sum() == pytest.approx(1.0)
    np.testing.assert_allclose(Q, Q.T)
    assert Q[0, 1] / Q[0, 2] == pytest.approx((1 + np.sum((Y[0] - Y[2]) ** 2))
                                              / (1 + np.sum((Y[0] - Y[1]) ** 2)))
    off = ~np.eye(len(P), dtype=bool)
    expected = np.sum(P[off] * np.log(P[off] / Q[off]))
    assert kl_divergence_and_gradient(P, Y)[0] == pytest.approx(expected, rel=1e-12)


def test_new_pieces_name_bad_shapes():
    with pytest.raises(ValueError, match=r"conditional must be a square \(N, N\) matrix, got shape \(2, 3\)"):
        perplexities(np.zeros((2, 3)))
    with pytest.raises(ValueError, match=r"Y must be 2-D .*got shape \(5,\)"):
        student_t_probabilities(np.zeros(5))
