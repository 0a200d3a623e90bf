"""The character RNN: the whole sequence loss's gradient against numbers, clipping, seeded
sampling, training that lowers the loss, errors."""
import numpy as np
import pytest

from circuits.models.char_rnn import (PARAMS, CharRNN, clip_gradients, sample_index, train,
                                      vocabulary)
from test_recurrent import numerical_gradient, relative_error


def test_vocabulary_maps_the_text_to_ids_and_back():
    ids, chars = vocabulary("hello")
    assert chars == ["e", "h", "l", "o"] and ids.tolist() == [1, 0, 2, 2, 3]
    assert "".join(chars[i] for i in ids) == "hello"


def test_sequence_loss_gradient_matches_numbers():
    rng = np.random.default_rng(0)
    model = CharRNN(5, 4, rng, weight_scale=0.5)
    inputs, targets, h0 = [0, 3, 1, 4, 4, 2], [3, 1, 4, 4, 2, 0], rng.normal(size=(1, 4))
    loss, grads, h = model.loss(inputs, targets, h0)
    assert set(grads) == set(PARAMS) and h.shape == (1, 4)
    for name in PARAMS:
        numerical = numerical_gradient(lambda: model.loss(inputs, targets, h0)[0],
                                       model.params[name])
        assert relative_error(grads[name], numerical) < 1e-7, name
    other = {k: v + 0.1 for k, v in model.params.items()}    # params= overrides the model's
    assert model.loss(inputs, targets, h0, params=other)[0] != loss
    assert model.loss(inputs, targets, h0, params=model.params)[0] == loss


def test_loss_starts_at_log_v_with_small_weights():
    model = CharRNN(7, 10, np.random.default_rng(1), weight_scale=1e-4)
    assert model.loss([1, 2, 3], [2, 3, 4])[0] == pytest.approx(np.log(7), abs=1e-3)


def test_clipping_scales_all_gradients_by_one_factor():
    grads = {"a": np.array([3.0, 0.0]), "b": np.array([[4.0]])}        # joint norm 5
    clipped, norm = clip_gradients(grads, 1.0)
    assert norm == 5.0
    assert np.allclose(clipped["a"], [0.6, 0.0]) and np.allclose(clipped["b"], [[0.8]])
    same, _ = clip_gradients(grads, 10.0)
    assert all(np.array_equal(same[k], grads[k]) for k in grads)
    with pytest.raises(ValueError, match="max_norm"):
        clip_gradients(grads, 0.0)


def test_sampling_is_deterministic_given_the_seed():
    model = CharRNN(6, 8, np.random.default_rng(2), weight_scale=0.5)
    a = model.sample([1, 2], 30, np.random.default_rng(9))
    b = model.sample([1, 2], 30, np.random.default_rng(9))
    c = model.sample([1, 2], 30, np.random.default_rng(10))
    assert np.array_equal(a, b) and not np.array_equal(a, c) and len(a) == 30


def test_sample_index_draws_from_the_softmax():
    scores = np.array([0.0, np.log(3.0)])                  # probabilities 1/4, 3/4
    draws = [sample_index(scores, np.random.default_rng(s)) for s in range(2000)]
    assert abs(np.mean(draws) - 0.75) < 0.03
    assert sample_index([1.0, 5.0, 2.0], None, temperature=0) == 1      # greedy needs no rng
    assert sample_index([0.0, 0.1], np.random.default_rng(0), temperature=1e-3) == 1


def test_training_memorises_a_short_text():
    ids, chars = vocabulary("abcabdabcabd" * 4)
    rng = np.random.default_rng(3)
    model = CharRNN(len(chars), 16, rng)
    history = train(model, ids, 300, seq_length=8, learning_rate=0.1, rng=rng, every=100)
    assert np.mean(history.losses[:5]) > 1.0 > 0.1 > np.mean(history.losses[-5:])
    assert [it for it, _ in history.samples] == [0, 100, 200, 300]
    greedy = model.sample(ids[:4], 20, temperature=0)
    assert np.array_equal(greedy, ids[4:24])


def test_errors_name_the_problem():
    rng = np.random.default_rng(4)
    model = CharRNN(5, 3, rng)
    with pytest.raises(ValueError, match=r"ids in \[0, 5\), got \[7\]"):
        model.loss([0, 7], [1, 2])
    with pytest.raises(ValueError, match="same length"):
        model.loss([0, 1], [1])
    with pytest.raises(ValueError, match=r"h must have shape \(1, 3\)"):
        model.loss([0], [1], np.zeros((1, 4)))
    with pytest.raises(TypeError, match="np.random.Generator"):
        CharRNN(5, 3, rng=None)
    with pytest.raises(TypeError, match="np.random.Generator"):
        model.sample([0], 3, rng=None)
    with pytest.raises(ValueError, match="too short"):
        train(model, np.array([0, 1, 2]), 5, seq_length=25, rng=rng)
    with pytest.raises(ValueError, match="hidden_size"):
        CharRNN(5, 0, rng)
