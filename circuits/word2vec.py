"""word2vec: skip-gram with negative sampling (SGNS), in numpy.

Every word w has two vectors: ``V[w]`` when it is the centre word and ``U[w]`` when it is a
context word. For a pair (centre c, context o) seen in the text and K noise words k drawn from
the unigram counts raised to the power 0.75, the loss is

    -log sigmoid(u_o . v_c) - sum_k log sigmoid(-u_k . v_c)

small when the true context scores high and the noise words score low.
"""
import difflib
from dataclasses import dataclass, field

import numpy as np

from . import optim


@dataclass(frozen=True)
class Vocabulary:
    """The words of a corpus, most frequent first, with their counts and an index."""

    words: tuple
    counts: np.ndarray
    index: dict = field(repr=False)

    def __len__(self):
        return len(self.words)

    def id(self, word):
        """The index of ``word``; a clear error (with a suggestion) for an unknown one."""
        if word not in self.index:
            close = difflib.get_close_matches(str(word), self.words, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ValueError(f"unknown word {word!r}{hint}: not among the {len(self)} words "
                             "of the vocabulary")
        return self.index[word]

    def encode(self, sentence):
        """A sentence (a string or a list of words) as an array of word indices."""
        words = sentence.split() if isinstance(sentence, str) else sentence
        return np.array([self.id(w) for w in words], dtype=int)


def build_vocabulary(sentences):
    """The vocabulary of ``sentences`` (strings of space-separated words)."""
    counts = {}
    for sentence in sentences:
        for word in sentence.split():
            counts[word] = counts.get(word, 0) + 1
    if not counts:
        raise ValueError("the corpus has no words: give at least one non-empty sentence")
    words = tuple(sorted(counts, key=lambda w: (-counts[w], w)))   # frequent first, then a-z
    return Vocabulary(words, np.array([counts[w] for w in words]),
                      {w: i for i, w in enumerate(words)})


def _whole(name, value):
    """``value`` if it is a whole number >= 1, else a clear error."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{name} must be a whole number >= 1, got {value!r}")
    return value


def _indices(name, ids, n):
    """``ids`` as an integer array of word indices in 0 .. n - 1, else a clear error."""
    ids = np.asarray(ids)
    if ids.size and (ids.dtype.kind not in "iu" or ids.min() < 0 or ids.max() >= n):
        raise ValueError(f"{name} must be word indices in 0 .. {n - 1}; got values from "
                         f"{ids.min()} to {ids.max()} (dtype {ids.dtype})")
    return ids


def skipgram_pairs(ids, window):
    """(centre, context) index pairs of one sentence: every word with each word at most
    ``window`` positions away, centre by centre, left to right. Shape (P, 2)."""
    _whole("window", window)
    ids = np.asarray(ids, dtype=int)
    pairs = [(ids[i], ids[j]) for i in range(len(ids))
             for j in range(max(0, i - window), min(len(ids), i + window + 1)) if j != i]
    return np.array(pairs, dtype=int).reshape(-1, 2)


def noise_distribution(counts, power=0.75):
    """The probabilities of drawing each word as a negative: counts**power, normalised."""
    counts = np.asarray(counts, dtype=float)
    if counts.ndim != 1 or counts.size == 0 or np.any(counts < 0) or counts.sum() <= 0:
        raise ValueError(f"counts must be a non-empty 1-D array of counts >= 0 with a positive "
                         f"sum, got shape {counts.shape}")
    weights = counts ** power
    return weights / weights.sum()


def sample_negatives(probabilities, shape, rng):
    """Word indices of ``shape`` drawn independently from ``probabilities`` with ``rng``."""
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a numpy Generator, got {type(rng).__name__}")
    cumulative = np.cumsum(probabilities)
    draws = np.searchsorted(cumulative, rng.random(shape) * cumulative[-1], side="right")
    return np.minimum(draws, len(cumulative) - 1)        # guard the last bin against round-off


def _sigmoid(x):
    return 0.5 * (1.0 + np.tanh(0.5 * x))                # no overflow warnings for large |x|


def _log_sigmoid(x):
    return -np.logaddexp(0.0, -x)


def sgns_terms(v, u_pos, u_neg):
    """Loss and gradients of pairs: v (..., D) centre vectors, u_pos (..., D) their contexts,
    u_neg (..., K, D) noise words. Returns (loss (...), dv, du_pos, du_neg)."""
    v, u_pos, u_neg = (np.asarray(a, dtype=float) for a in (v, u_pos, u_neg))
    if u_pos.shape != v.shape or u_neg.shape[:-2] + u_neg.shape[-1:] != v.shape:
        raise ValueError(f"v and u_pos must have one shape (..., D) and u_neg (..., K, D); got "
                         f"{v.shape}, {u_pos.shape} and {u_neg.shape}")
    pos = np.einsum("...d,...d->...", u_pos, v)                  # u_o . v_c
    neg = np.einsum("...kd,...d->...k", u_neg, v)                # u_k . v_c
    loss = -_log_sigmoid(pos) - _log_sigmoid(-neg).sum(axis=-1)
    g_pos = _sigmoid(pos) - 1.0                                  # d loss / d (u_o . v_c)
    g_neg = _sigmoid(neg)                                        # d loss / d (u_k . v_c)
    dv = g_pos[..., None] * u_pos + np.einsum("...k,...kd->...d", g_neg, u_neg)
    return loss, dv, g_pos[..., None] * v, g_neg[..., None] * v[..., None, :]


def sgns_loss(V, U, centres, contexts, negatives):
    """Mean SGNS loss of a minibatch of pairs and its gradients (dV, dU), each shaped like
    V and U (vocabulary, D); ``negatives`` (B, K) holds the noise words of each pair."""
    V, U = np.asarray(V, dtype=float), np.asarray(U, dtype=float)
    if V.shape != U.shape or V.ndim != 2:
        raise ValueError(f"V and U must both be (vocabulary, dimensions), got {V.shape} and "
                         f"{U.shape}")
    centres, contexts, negatives = (_indices(name, a, len(V)) for name, a in
                                    (("centres", centres), ("contexts", contexts),
                                     ("negatives", negatives)))
    B = len(centres)
    if centres.shape != (B,) or contexts.shape != (B,) or negatives.ndim != 2 \
            or len(negatives) != B or B == 0:
        raise ValueError(f"centres and contexts must be (B,) and negatives (B, K) with B >= 1; "
                         f"got {centres.shape}, {contexts.shape} and {negatives.shape}")
    loss, dv, du_pos, du_neg = sgns_terms(V[centres], U[contexts], U[negatives])
    dV, dU = np.zeros_like(V), np.zeros_like(U)
    np.add.at(dV, centres, dv / B)                # a word may appear twice in a batch: add.at
    np.add.at(dU, contexts, du_pos / B)           # accumulates, fancy-index += would not
    np.add.at(dU, negatives, du_neg / B)
    return float(loss.mean()), dV, dU


def cosine_similarities(M, x):
    """The cosine of the angle between each row of ``M`` and the vector ``x``."""
    M, x = np.asarray(M, dtype=float), np.asarray(x, dtype=float)
    if M.ndim != 2 or x.shape != M.shape[1:]:
        raise ValueError(f"M must be (N, D) and x (D,); got {M.shape} and {x.shape}")
    return M @ x / (np.linalg.norm(M, axis=1) * np.linalg.norm(x) + 1e-12)


def pca_2d(X):
    """The rows of ``X`` projected on their two main directions (numpy's SVD), centred."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or min(X.shape) < 2:
        raise ValueError(f"X must be (N, D) with N, D >= 2 to have two directions; got {X.shape}")
    centred = X - X.mean(axis=0)
    _, _, Vt = np.linalg.svd(centred, full_matrices=False)
    return centred @ Vt[:2].T


@dataclass
class Word2Vec:
    """Trained word vectors: ``V`` (centre vectors, used for similarity), ``U`` (context
    vectors), the vocabulary and the loss of every minibatch."""

    vocabulary: Vocabulary
    V: np.ndarray
    U: np.ndarray
    losses: list

    def vector(self, word):
        """The (centre) vector of ``word``."""
        return self.V[self.vocabulary.id(word)]

    def nearest_to(self, x, k=5, exclude=()):
        """The ``k`` words whose vectors have the largest cosine with ``x``, as (word, cosine)."""
        _whole("k", k)
        similarity = cosine_similarities(self.V, x)
        similarity[[self.vocabulary.id(w) for w in exclude]] = -np.inf
        order = np.argsort(-similarity, kind="stable")[:min(k, len(self.vocabulary) - len(exclude))]
        return [(self.vocabulary.words[i], float(similarity[i])) for i in order]

    def nearest(self, word, k=5):
        """The ``k`` nearest words to ``word`` by cosine (``word`` itself left out)."""
        return self.nearest_to(self.vector(word), k, exclude=(word,))

    def analogy(self, a, b, c, k=1):
        """a is to b as c is to ...: the ``k`` words nearest to v_b - v_a + v_c, the three
        inputs left out, as (word, cosine)."""
        x = self.vector(b) - self.vector(a) + self.vector(c)
        return self.nearest_to(x, k, exclude=tuple(dict.fromkeys((a, b, c))))


def train_word2vec(sentences, rng, dimensions=20, window=3, negatives=5, epochs=2,
                   batch_size=256, learning_rate=0.3):
    """Word vectors for ``sentences`` by SGNS: every (centre, context) pair within ``window``,
    ``negatives`` noise words per pair, minibatches of pairs shuffled each epoch, Adagrad."""
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a numpy Generator, got {type(rng).__name__}")
    for name, value in (("dimensions", dimensions), ("window", window),
                        ("negatives", negatives), ("epochs", epochs), ("batch_size", batch_size)):
        _whole(name, value)
    vocabulary = build_vocabulary(sentences)
    pairs = np.concatenate([skipgram_pairs(vocabulary.encode(s), window) for s in sentences])
    probabilities = noise_distribution(vocabulary.counts)
    n = len(vocabulary)
    V = (rng.random((n, dimensions)) - 0.5) / dimensions
    U = np.zeros((n, dimensions))
    configs, losses = [{"learning_rate": learning_rate}, {"learning_rate": learning_rate}], []
    for _ in range(epochs):
        shuffled = pairs[rng.permutation(len(pairs))]
        for start in range(0, len(shuffled), batch_size):
            batch = shuffled[start:start + batch_size]
            noise = sample_negatives(probabilities, (len(batch), negatives), rng)
            loss, dV, dU = sgns_loss(V, U, batch[:, 0], batch[:, 1], noise)
            V, configs[0] = optim.adagrad(V, dV, configs[0])
            U, configs[1] = optim.adagrad(U, dU, configs[1])
            losses.append(loss)
    return Word2Vec(vocabulary, V, U, losses)
