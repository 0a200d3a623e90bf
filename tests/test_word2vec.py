"""word2vec (circuits.word2vec) and the grammar corpus it learns from (circuits.corpora)."""
import numpy as np
import pytest

from circuits.gradcheck import array_gradients
from circuits.corpora import COUNTRIES, PEOPLE, grammar_corpus
from circuits.word2vec import (Vocabulary, Word2Vec, build_vocabulary, cosine_similarities,
                               noise_distribution, pca_2d, sample_negatives, sgns_loss,
                               sgns_terms, skipgram_pairs, train_word2vec)

GENDER = {"male": {"he", "his"}, "female": {"she", "her"}}
STATUS = {"royal": {"palace", "castle", "court", "kingdom"},
          "common": {"village", "farm", "market", "field"}}


# --- the corpus -------------------------------------------------------------------------------

def test_the_corpus_is_determined_by_the_generator():
    a = grammar_corpus(50, np.random.default_rng(3))
    assert a == grammar_corpus(50, np.random.default_rng(3)) and len(a) == 50
    assert a != grammar_corpus(50, np.random.default_rng(4))


def test_each_sentence_about_a_person_carries_only_that_persons_gender_and_status():
    seen = set()
    for sentence in grammar_corpus(600, np.random.default_rng(0)):
        words = set(sentence.split())
        people = words & set(PEOPLE)
        if not people:
            continue
        (person,) = people
        status, gender, _ = PEOPLE[person]
        other_gender = set().union(*GENDER.values()) - GENDER[gender]
        other_status = set().union(*STATUS.values()) - STATUS[status]
        assert not words & (other_gender | other_status), sentence
        seen.add(person)
    assert seen == set(PEOPLE)


def test_a_sentence_about_a_place_names_its_own_language_and_food():
    for sentence in grammar_corpus(300, np.random.default_rng(1)):
        words = set(sentence.split())
        for country, (capital, language, food) in COUNTRIES.items():
            if words & {country, capital}:
                others = {w for c, v in COUNTRIES.items() if c != country for w in (c, *v)}
                assert not words & others and words & {language, food}, sentence


def test_the_corpus_rejects_bad_arguments():
    with pytest.raises(ValueError, match="n_sentences must be a whole number >= 1, got 0"):
        grammar_corpus(0, np.random.default_rng(0))
    with pytest.raises(TypeError, match="rng must be a numpy Generator.*got int"):
        grammar_corpus(5, 0)


# --- vocabulary, pairs, noise ------------------------------------------------------------------

def test_the_vocabulary_counts_words_most_frequent_first():
    vocab = build_vocabulary(["b a b", "c b a"])
    assert vocab.words == ("b", "a", "c") and vocab.counts.tolist() == [3, 2, 1]
    assert vocab.encode("c a b").tolist() == [2, 1, 0] and len(vocab) == 3


def test_an_unknown_word_is_a_clear_error_with_a_suggestion():
    vocab = build_vocabulary(["king queen"])
    with pytest.raises(ValueError, match=r"unknown word 'kinng' \(did you mean 'king'\?\): "
                                         r"not among the 2 words"):
        vocab.id("kinng")
    with pytest.raises(ValueError, match="no words"):
        build_vocabulary(["", " "])


def test_skipgram_pairs_of_a_short_sentence():
    assert skipgram_pairs([5, 6, 7], 1).tolist() == [[5, 6], [6, 5], [6, 7], [7, 6]]
    pairs = skipgram_pairs([5, 6, 7, 8], 2)
    assert pairs[:2].tolist() == [[5, 6], [5, 7]] and len(pairs) == 10
    assert len(skipgram_pairs(range(6), 10)) == 6 * 5          # every ordered pair of positions
    assert skipgram_pairs([4], 3).shape == (0, 2)
    with pytest.raises(ValueError, match="window must be a whole number >= 1, got 0"):
        skipgram_pairs([1, 2], 0)


def test_the_noise_distribution_is_the_counts_to_the_power_three_quarters():
    assert noise_distribution([1, 16]) == pytest.approx([1 / 9, 8 / 9])
    assert noise_distribution([1, 16], power=1.0) == pytest.approx([1 / 17, 16 / 17])
    with pytest.raises(ValueError, match="counts must be a non-empty 1-D array"):
        noise_distribution([0, 0])


def test_negative_samples_follow_the_noise_distribution_and_the_generator():
    p = noise_distribution([10, 1, 0, 40, 5])
    draws = sample_negatives(p, (200_000,), np.random.default_rng(0))
    frequencies = np.bincount(draws, minlength=5) / draws.size
    assert np.abs(frequencies - p).max() < 0.005 and frequencies[2] == 0
    again = sample_negatives(p, (4, 3), np.random.default_rng(7))
    assert again.shape == (4, 3)
    assert np.array_equal(again, sample_negatives(p, (4, 3), np.random.default_rng(7)))


# --- the loss and its gradient -----------------------------------------------------------------

def test_the_loss_of_one_pair_is_the_formula():
    rng = np.random.default_rng(0)
    v, u, un = rng.normal(size=3), rng.normal(size=3), rng.normal(size=(2, 3))
    loss, dv, du, dun = sgns_terms(v, u, un)
    sig = lambda x: 1 / (1 + np.exp(-x))                         # noqa: E731
    assert loss == pytest.approx(-np.log(sig(u @ v)) - np.log(sig(-un @ v)).sum())
    assert dv == pytest.approx((sig(u @ v) - 1) * u + sig(un @ v) @ un)
    assert du == pytest.approx((sig(u @ v) - 1) * v)
    assert dun == pytest.approx(np.outer(sig(un @ v), v))


def test_the_minibatch_gradient_matches_centred_differences():
    rng = np.random.default_rng(1)
    V, U = rng.normal(size=(5, 3)), rng.normal(size=(5, 3))
    centres, contexts = np.array([0, 2, 0, 4]), np.array([1, 1, 3, 0])
    negatives = np.array([[2, 3], [0, 0], [4, 1], [1, 2]])      # repeats: add.at must add
    _, dV, dU = sgns_loss(V, U, centres, contexts, negatives)
    h = 1e-6
    numbers = array_gradients(lambda: sgns_loss(V, U, centres, contexts, negatives)[0],
                              {"V": V, "U": U}, h)
    for numerical, dW in ((numbers["V"], dV), (numbers["U"], dU)):
        assert np.abs(numerical - dW).max() < 1e-7 and np.abs(dW).max() > 1e-2


def test_the_loss_rejects_mismatched_shapes():
    V = np.zeros((4, 2))
    with pytest.raises(ValueError, match=r"V and U must both be .* got \(4, 2\) and \(4, 3\)"):
        sgns_loss(V, np.zeros((4, 3)), [0], [1], [[2]])
    with pytest.raises(ValueError, match=r"negatives \(B, K\) with B >= 1; got \(2,\), \(2,\) "
                                         r"and \(3, 1\)"):
        sgns_loss(V, V, [0, 1], [1, 2], [[2], [3], [0]])
    with pytest.raises(ValueError, match=r"contexts must be word indices in 0 .. 3; got values "
                                         r"from 1 to 4"):
        sgns_loss(V, V, [0, 1], [1, 4], [[2], [3]])
    with pytest.raises(ValueError, match=r"u_neg \(..., K, D\); got \(3,\), \(3,\) and \(2, 4\)"):
        sgns_terms(np.zeros(3), np.zeros(3), np.zeros((2, 4)))


# --- similarity, nearest words, analogies ------------------------------------------------------

def toy_model():
    words = ("a", "b", "c", "d", "e")
    V = np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0], [1.0, 1.0], [-1.0, 0.0]])
    vocab = Vocabulary(words, np.ones(5, dtype=int), {w: i for i, w in enumerate(words)})
    return Word2Vec(vocab, V, np.zeros_like(V), [])


def test_cosine_similarities_and_nearest_words():
    assert cosine_similarities([[2.0, 0.0], [0.0, 3.0], [-1.0, 0.0]], [5.0, 0.0]) == \
        pytest.approx([1.0, 0.0, -1.0])
    model = toy_model()
    assert [w for w, _ in model.nearest("a", 3)] == ["b", "d", "c"]
    assert model.nearest("a", 1)[0][1] == pytest.approx(0.9 / np.hypot(0.9, 0.1))
    assert len(model.nearest("a", 10)) == 4                     # all but the word itself


def test_an_analogy_leaves_its_three_words_out():
    model = toy_model()
    # b - a + c = (-0.1, 1.1): c itself is closest (cosine 0.996), then d (0.64), e (0.09)
    assert model.nearest_to([-0.1, 1.1], 1)[0][0] == "c"
    assert [w for w, _ in model.analogy("a", "b", "c", k=2)] == ["d", "e"]
    assert model.analogy("a", "b", "c", k=2)[0][1] == pytest.approx(1.0 / np.hypot(1, 1)
                                                                  / np.hypot(0.1, 1.1))


def test_unknown_words_and_bad_k_are_clear_errors():
    model = toy_model()
    with pytest.raises(ValueError, match="unknown word 'queen'"):
        model.analogy("a", "queen", "c")
    with pytest.raises(ValueError, match="k must be a whole number >= 1, got 0"):
        model.nearest("a", 0)


def test_shapes_that_do_not_fit_are_clear_errors():
    with pytest.raises(ValueError, match=r"x \(D,\); got \(2, 3\) and \(2,\)"):
        cosine_similarities(np.ones((2, 3)), np.ones(2))
    with pytest.raises(ValueError, match=r"two directions; got \(5, 1\)"):
        pca_2d(np.ones((5, 1)))
    with pytest.raises(ValueError, match="batch_size must be a whole number >= 1, got 0"):
        train_word2vec(["a b c"], np.random.default_rng(0), batch_size=0)
    with pytest.raises(TypeError, match="rng must be a numpy Generator, got int"):
        sample_negatives([0.5, 0.5], (3,), 1)


def test_pca_2d_keeps_the_directions_of_largest_variance():
    rng = np.random.default_rng(2)
    X = rng.normal(size=(200, 4)) * [5.0, 0.1, 2.0, 0.1]
    Y = pca_2d(X)
    assert Y.shape == (200, 2) and np.allclose(Y.mean(axis=0), 0)
    assert np.var(Y[:, 0]) > np.var(Y[:, 1]) > 3 * np.var(X[:, 3])
    assert np.var(Y, axis=0).sum() == pytest.approx(np.linalg.eigvalsh(np.cov(X.T))[-2:].sum()
                                                    * 199 / 200)


# --- training ----------------------------------------------------------------------------------

def test_training_is_deterministic_and_the_loss_falls():
    corpus = grammar_corpus(200, np.random.default_rng(0))
    a = train_word2vec(corpus, np.random.default_rng(5), epochs=2)
    b = train_word2vec(corpus, np.random.default_rng(5), epochs=2)
    assert np.array_equal(a.V, b.V) and np.array_equal(a.U, b.U) and a.losses == b.losses
    assert np.mean(a.losses[-5:]) < 0.7 * a.losses[0]
    with pytest.raises(TypeError, match="rng must be a numpy Generator"):
        train_word2vec(corpus, 5)


def test_the_grammar_supports_the_analogies():
    rng = np.random.default_rng(0)
    model = train_word2vec(grammar_corpus(2000, rng), rng)
    assert model.analogy("man", "king", "woman")[0][0] == "queen"
    assert model.analogy("boy", "prince", "girl")[0][0] == "princess"
    assert model.analogy("france", "paris", "italy")[0][0] == "rome"
