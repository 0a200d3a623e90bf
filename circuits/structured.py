"""Structured prediction at toy scale: score whole label sequences, find the best by dynamic
programming, and learn with the structured hinge loss.

score(labels) = sum_t unary_scores[t, labels_t] + sum_t pairwise[labels_t, labels_{t+1}],
with unary_scores (T, K) = X (T, F) @ U.T for per-label weights U (K, F), pairwise (K, K).
"""
import itertools

import numpy as np


def _check_scores(unary_scores, pairwise):
    unary_scores = np.asarray(unary_scores, dtype=float)
    pairwise = np.asarray(pairwise, dtype=float)
    if unary_scores.ndim != 2 or 0 in unary_scores.shape:
        raise ValueError(f"unary_scores must have shape (T, K) with T, K >= 1, "
                         f"got shape {unary_scores.shape}")
    k = unary_scores.shape[1]
    if pairwise.shape != (k, k):
        raise ValueError(f"pairwise must have shape (K, K) = ({k}, {k}) to match unary_scores "
                         f"of shape {unary_scores.shape}, got shape {pairwise.shape}")
    if not (np.all(np.isfinite(unary_scores)) and np.all(np.isfinite(pairwise))):
        raise ValueError("scores must be finite numbers (no NaN or inf)")
    return unary_scores, pairwise


def _check_labels(labels, length, n_labels, what="labels"):
    labels = np.asarray(labels)
    if labels.shape != (length,):
        raise ValueError(f"{what} must have shape ({length},) to match {length} positions, "
                         f"got shape {labels.shape}")
    if length and not np.issubdtype(labels.dtype, np.integer):
        raise TypeError(f"{what} must be whole numbers, got dtype {labels.dtype}")
    if np.any(labels < 0) or np.any(labels >= n_labels):
        raise ValueError(f"{what} must lie in 0 .. {n_labels - 1}, got {labels.tolist()}")
    return labels.astype(int)


def sequence_score(unary_scores, pairwise, labels):
    """The score of one labelling: its unary scores plus its transition scores."""
    unary_scores, pairwise = _check_scores(unary_scores, pairwise)
    t, k = unary_scores.shape
    labels = _check_labels(labels, t, k)
    return float(unary_scores[np.arange(t), labels].sum() + pairwise[labels[:-1], labels[1:]].sum())


def best_sequence(unary_scores, pairwise):
    """Viterbi (max-sum): the highest-scoring labelling and its score, in O(T K^2)."""
    unary_scores, pairwise = _check_scores(unary_scores, pairwise)
    best = unary_scores[0]                            # best[j]: best score of a prefix ending in j
    came_from = []
    for row in unary_scores[1:]:
        candidates = best[:, None] + pairwise         # [i, j]: end in i, then step to j
        came_from.append(candidates.argmax(axis=0))
        best = candidates.max(axis=0) + row
    labels = [int(best.argmax())]
    for back in reversed(came_from):                  # walk the pointers back to the start
        labels.append(int(back[labels[-1]]))
    return np.array(labels[::-1]), float(best.max())


def best_sequence_brute(unary_scores, pairwise, limit=10**6):
    """The same answer by scoring all K^T labellings (for checking and teaching)."""
    unary_scores, pairwise = _check_scores(unary_scores, pairwise)
    t, k = unary_scores.shape
    if k ** t > limit:
        raise ValueError(f"{k}^{t} = {k ** t} labellings is more than limit={limit}")
    scored = ((sequence_score(unary_scores, pairwise, s), s)
              for s in itertools.product(range(k), repeat=t))
    score, labels = max(scored, key=lambda pair: pair[0])
    return np.array(labels), score


def hamming(labels_a, labels_b):
    """How many positions two labellings of the same length disagree on."""
    a, b = np.asarray(labels_a), np.asarray(labels_b)
    if a.ndim != 1 or a.shape != b.shape:
        raise ValueError(f"need two 1-D labellings of the same length, got shapes "
                         f"{a.shape} and {b.shape}")
    return int(np.sum(a != b))


def _hamming_unaries(unary_scores, true_labels):
    """Unary scores plus 1 wherever a label differs from the true one: score + Hamming loss."""
    augmented = unary_scores + 1.0
    augmented[np.arange(len(true_labels)), true_labels] -= 1.0
    return augmented


def loss_augmented_best(unary_scores, pairwise, true_labels):
    """argmax over labellings of score + hamming(labelling, true_labels), by the same DP;
    returns (labels, score + hamming)."""
    unary_scores, pairwise = _check_scores(unary_scores, pairwise)
    true_labels = _check_labels(true_labels, *unary_scores.shape, what="true_labels")
    return best_sequence(_hamming_unaries(unary_scores, true_labels), pairwise)


def _indicators(labels, n_labels):
    """Features of a labelling: one-hot rows (T, K) and transition counts (K, K)."""
    one_hot = np.eye(n_labels)[labels]
    transitions = np.zeros((n_labels, n_labels))
    np.add.at(transitions, (labels[:-1], labels[1:]), 1.0)
    return one_hot, transitions


def structured_hinge(unary_scores, pairwise, true_labels):
    """max over labellings of [score + hamming] - score(true); (loss, d_unary, d_pairwise)."""
    unary_scores, pairwise = _check_scores(unary_scores, pairwise)
    true_labels = _check_labels(true_labels, *unary_scores.shape, what="true_labels")
    best, augmented_score = loss_augmented_best(unary_scores, pairwise, true_labels)
    loss = augmented_score - sequence_score(unary_scores, pairwise, true_labels)
    best_unary, best_pairs = _indicators(best, unary_scores.shape[1])
    true_unary, true_pairs = _indicators(true_labels, unary_scores.shape[1])
    # the truth is a candidate, so loss >= 0; max() only clears rounding (-1e-16)
    return max(loss, 0.0), best_unary - true_unary, best_pairs - true_pairs


def multiclass_hinge(scores, label):
    """Crammer-Singer multiclass SVM loss max_j (s_j + [j != label]) - s_label, and d/d scores."""
    scores = np.asarray(scores, dtype=float)
    if scores.ndim != 1 or not 0 <= label < len(scores):
        raise ValueError(f"need 1-D scores and a label in 0 .. {len(scores) - 1}, "
                         f"got shape {scores.shape} and label {label}")
    margins = scores + (np.arange(len(scores)) != label)
    winner = int(margins.argmax())
    grad = np.zeros_like(scores)
    grad[winner] += 1.0
    grad[label] -= 1.0
    return float(margins[winner] - scores[label]), grad


def make_sequences(n, length, n_labels, n_features, rng, stay=0.8, noise=1.5):
    """``n`` sequences whose labels follow a sticky Markov chain (keep the label with probability
    ``stay``, else jump to another) and whose features are noisy label means; returns
    X of shape (n, length, n_features) and labels Y of shape (n, length)."""
    if rng is None:
        raise ValueError("pass rng=np.random.default_rng(seed): the sequences are random")
    for name, v in (("n", n), ("length", length), ("n_labels", n_labels),
                    ("n_features", n_features)):
        if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 1:
            raise ValueError(f"{name} must be a whole number >= 1, got {v!r}")
    if n_labels < 2:
        raise ValueError(f"need n_labels >= 2 for a chain to jump, got {n_labels}")
    means = rng.normal(size=(n_labels, n_features))
    Y = np.empty((n, length), dtype=int)
    Y[:, 0] = rng.integers(n_labels, size=n)
    for t in range(1, length):
        jump = rng.random(n) > stay
        shift = rng.integers(1, n_labels, size=n)    # a jump lands on one of the other labels
        Y[:, t] = np.where(jump, (Y[:, t - 1] + shift) % n_labels, Y[:, t - 1])
    X = means[Y] + noise * rng.normal(size=(n, length, n_features))
    return X, Y


def train_structured(X_seqs, Y_seqs, n_labels, steps, learning_rate, rng, pairwise=True,
                     l2=1e-3):
    """Subgradient descent on the mean structured hinge + l2/2 * |weights|^2; returns
    ((U, P), losses). ``pairwise=False`` keeps P at zero: each position decoded on its own."""
    X_seqs, Y_seqs = np.asarray(X_seqs, dtype=float), np.asarray(Y_seqs)
    if X_seqs.ndim != 3 or Y_seqs.shape != X_seqs.shape[:2]:
        raise ValueError(f"need X_seqs of shape (n, T, F) and Y_seqs of shape (n, T), "
                         f"got {X_seqs.shape} and {Y_seqs.shape}")
    if rng is None:
        raise ValueError("pass rng=np.random.default_rng(seed): the starting weights are random")
    U = 0.01 * rng.normal(size=(n_labels, X_seqs.shape[2]))
    P = np.zeros((n_labels, n_labels))
    losses = []
    for _ in range(steps):
        total, dU, dP = 0.0, l2 * U, l2 * P
        for X, Y in zip(X_seqs, Y_seqs):
            loss, d_unary, d_pairwise = structured_hinge(X @ U.T, P, Y)
            total += loss / len(X_seqs)
            dU = dU + d_unary.T @ X / len(X_seqs)     # unary_scores = X @ U.T
            dP = dP + d_pairwise / len(X_seqs)
        losses.append(total + 0.5 * l2 * (np.sum(U * U) + np.sum(P * P)))
        U = U - learning_rate * dU
        if pairwise:
            P = P - learning_rate * dP
    return (U, P), np.array(losses)


def accuracy(X_seqs, Y_seqs, weights, whole=False):
    """Fraction of positions (of whole sequences if ``whole``) that Viterbi decodes right."""
    U, P = weights
    right = np.array([best_sequence(X @ U.T, P)[0] == Y for X, Y in zip(X_seqs, Y_seqs)])
    return float(right.all(axis=1).mean() if whole else right.mean())
