"""t-SNE from scratch: gradient descent on KL(P || Q), the cost being one more circuit.

P: each point's Gaussian over its neighbours, its precision found by binary search so the
distribution's perplexity (2 ** entropy in bits) is the one asked for, then symmetrised.
Q: a Student-t (one degree of freedom) kernel between the 2-D points Y. The optimiser follows
van der Maaten and Hinton (2008) with the now common settings: early exaggeration x12 for the
first 250 iterations (a quarter of them when there are fewer than 1000), momentum 0.5 then 0.8,
per-coordinate gains, and the "auto" learning rate max(N / 12 / 4, 50).
"""
import warnings

import numpy as np

EXAGGERATION = 12.0
TINY = np.finfo(float).tiny                                   # log(max(p, TINY)): 0 log 0 = 0


def pairwise_squared_distances(X, out=None):
    """Matrix of squared Euclidean distances between the rows of X (N, D), into ``out`` if given."""
    sq = np.einsum("ij,ij->i", X, X)
    D = np.matmul(X, X.T, out=out)
    D *= -2                                                   # in place: fewer big temporaries
    D += sq[:, None]
    D += sq[None, :]
    np.maximum(D, 0, out=D)                                   # rounding can go just below 0
    np.fill_diagonal(D, 0)
    return D


def _row_entropy(D, beta, P):
    """Each row's conditional distribution for precisions beta (into P), and its entropy in nats."""
    np.exp(np.multiply(D, -beta[:, None], out=P), out=P)
    np.fill_diagonal(P, 0)                                    # a point is not its own neighbour
    total = P.sum(axis=1)
    H = np.log(total) + beta * np.einsum("ij,ij->i", D, P) / total
    P /= total[:, None]
    return P, H


def conditional_probabilities(distances, perplexity, tol=1e-5, max_steps=200):
    """p_{j|i} from squared distances (N, N), each row's precision set to reach the perplexity."""
    D = np.array(distances, dtype=float)
    N = _square(D, "distances")
    _check_perplexity(perplexity, N)
    np.fill_diagonal(D, np.inf)
    D -= D.min(axis=1, keepdims=True)                         # same p, no underflow of exp
    np.fill_diagonal(D, 0)
    target = np.log(perplexity)
    beta, low, high = np.ones(N), np.zeros(N), np.full(N, np.inf)
    P = np.empty_like(D)                                      # reused: fresh big arrays are slow
    for _ in range(max_steps):                                # bisection on all rows at once
        P, H = _row_entropy(D, beta, P)
        gap = H - target
        if np.all(np.abs(gap) < tol):
            break
        wide = gap > 0                                        # too spread out: raise precision
        low = np.where(wide, beta, low)
        high = np.where(wide, high, beta)
        beta = np.where(np.isinf(high), beta * 2, (low + high) / 2)
    else:
        worst = np.exp(H[np.argmax(np.abs(gap))])
        warnings.warn(f"perplexity calibration did not converge for {np.sum(np.abs(gap) >= tol)}"
                      f" of {N} points (one reached {worst:.4g} instead of {perplexity:g});"
                      " duplicate points can cause this", RuntimeWarning, stacklevel=2)
    return P


def perplexities(conditional):
    """Each row's perplexity, exp of its entropy in nats (2 ** bits), 0 log 0 counting as 0."""
    P = np.asarray(conditional, dtype=float)
    _square(P, "conditional")
    return np.exp(-np.sum(P * np.log(np.maximum(P, TINY)), axis=1))


def joint_probabilities(conditional):
    """Symmetrised p_ij = (p_{j|i} + p_{i|j}) / 2N from the conditional matrix; sums to 1."""
    P = np.asarray(conditional, dtype=float)
    N = _square(P, "conditional")
    return (P + P.T) / (2 * N)


def student_t_probabilities(Y):
    """Q: q_ij proportional to 1 / (1 + |y_i - y_j|^2) over the pairs i != j; sums to 1."""
    Y = np.asarray(Y, dtype=float)
    if Y.ndim != 2:
        raise ValueError(f"Y must be 2-D (N points, d coordinates), got shape {Y.shape}")
    kernel = 1 / (1 + pairwise_squared_distances(Y))
    np.fill_diagonal(kernel, 0)
    return kernel / kernel.sum()


def kl_divergence_and_gradient(P, Y, exaggeration=1.0):
    """KL(P || Q) for the embedding Y (N, d) and its gradient with respect to Y.

    ``exaggeration`` multiplies the attraction (P) in the gradient only, as early
    exaggeration does; the KL returned is always that of the plain P.
    """
    P, Y = _check_problem(P, Y)
    return _kl_and_gradient(P, Y, exaggeration, _sum_p_log_p(P), np.empty_like(P), np.empty_like(P))


def _kl_and_gradient(P, Y, exaggeration, sum_p_log_p, D, buffer):
    """The work of kl_divergence_and_gradient, in two (N, N) buffers that embed reuses."""
    pairwise_squared_distances(Y, out=D)
    np.log1p(D, out=buffer)                                   # -log of the unnormalised q
    D += 1
    kernel = np.reciprocal(D, out=D)                          # Student-t, one degree of freedom
    np.fill_diagonal(kernel, 0)
    total = kernel.sum()
    kl = sum_p_log_p + _dot(P, buffer) + np.log(total)        # log q = -log(1 + d) - log(total)
    W = np.multiply(kernel, -1 / (exaggeration * total), out=buffer)   # -q / exaggeration
    W += P
    W *= kernel                                               # (p - q / exaggeration) kernel
    grad = 4 * exaggeration * (W.sum(axis=1)[:, None] * Y - W @ Y)   # 4 sum_j w_ij (y_i - y_j)
    return kl, grad


def embed(P, Y, iterations, learning_rate=None):
    """Gradient descent from Y on KL(P || Q); returns (Y, KL after each iteration)."""
    P, Y = _check_problem(P, np.array(Y, dtype=float))
    N = len(Y)
    rate = max(N / EXAGGERATION / 4, 50) if learning_rate is None else learning_rate
    early = min(250, iterations // 4)
    update, gains, kls = np.zeros_like(Y), np.ones_like(Y), []
    sum_p_log_p, D, buffer = _sum_p_log_p(P), np.empty_like(P), np.empty_like(P)
    for t in range(iterations):
        exaggeration = EXAGGERATION if t < early else 1.0
        kl, grad = _kl_and_gradient(P, Y, exaggeration, sum_p_log_p, D, buffer)
        momentum = 0.5 if t < early else 0.8
        same = np.sign(grad) == np.sign(update)               # still heading the same way?
        gains = np.maximum(np.where(same, gains * 0.8, gains + 0.2), 0.01)
        update = momentum * update - rate * gains * grad
        Y += update
        kls.append(kl)
    return Y, kls


def tsne(X, perplexity=30.0, iterations=1000, rng=None):
    """2-D t-SNE embedding of X (N, D); returns (Y, final KL); rng None means seed 0."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (N points, D features), got shape {X.shape}")
    _check_perplexity(perplexity, len(X))
    if isinstance(iterations, bool) or not isinstance(iterations, (int, np.integer)) \
            or iterations < 1:
        raise ValueError(f"iterations must be a positive integer, got {iterations!r}")
    if not np.all(np.isfinite(X)):
        raise ValueError("X contains NaN or infinite values")
    if rng is None or isinstance(rng, (int, np.integer)):
        rng = np.random.default_rng(0 if rng is None else rng)
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a numpy Generator or an integer seed, got {rng!r}")
    P = joint_probabilities(conditional_probabilities(pairwise_squared_distances(X), perplexity))
    Y, _ = embed(P, rng.normal(scale=1e-4, size=(len(X), 2)), iterations)
    return Y, kl_divergence_and_gradient(P, Y)[0]


def _check_problem(P, Y):
    P, Y = np.asarray(P, dtype=float), np.asarray(Y, dtype=float)
    N = _square(P, "P")
    if Y.ndim != 2 or Y.shape[0] != N:
        raise ValueError(f"Y must have shape ({N}, d) to match P {P.shape}, got {Y.shape}")
    if abs(P.sum() - 1) > 1e-6:
        raise ValueError(f"P must sum to 1 (a joint distribution), it sums to {P.sum():.6g}")
    return P, Y


def _sum_p_log_p(P):
    return _dot(P, np.log(np.maximum(P, TINY)))               # 0 log 0 = 0


def _dot(A, B):
    return np.einsum("ij,ij->", A, B)                         # sum of A * B without a temporary


def _square(A, name):
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError(f"{name} must be a square (N, N) matrix, got shape {A.shape}")
    return A.shape[0]


def _check_perplexity(perplexity, N):
    if not isinstance(perplexity, (int, float, np.integer, np.floating)):
        raise TypeError(f"perplexity must be a number, got {perplexity!r}")
    if not 1 <= perplexity < N - 1:
        raise ValueError(f"perplexity must be at least 1 and below the number of neighbours each"
                         f" point has (N - 1 = {N - 1} for N = {N} points), got {perplexity}")
