"""The numpy twin of the Unit MLP: the same scores, loss, gradients and training steps as
circuits.models.mlp, and micrograd's demo (two moons: 50% at step 0, 100% after 100 steps)."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from circuits.datasets import two_moons
from circuits.models import mlp_arrays
from circuits.models.mlp import MLP, max_margin_loss

seeds = st.integers(0, 2**32 - 1)


@settings(max_examples=30, deadline=None)
@given(seed=seeds, sizes=st.lists(st.integers(1, 5), min_size=1, max_size=3),
       n_inputs=st.integers(1, 3))
def test_scores_match_the_unit_mlp(seed, sizes, n_inputs):
    rng = np.random.default_rng(seed)
    model = MLP(n_inputs, sizes, rng)
    X = rng.normal(size=(4, n_inputs))
    got = mlp_arrays.scores(model.get_parameters(), [n_inputs] + sizes, X)
    outs = [model(row.tolist()) for row in X]
    want = [[o.value] if sizes[-1] == 1 else [u.value for u in o] for o in outs]
    np.testing.assert_allclose(np.reshape(got, (4, -1)), want, rtol=1e-12, atol=1e-12)
    assert mlp_arrays.n_parameters([n_inputs] + sizes) == model.n_parameters


@settings(max_examples=20, deadline=None)
@given(seed=seeds, alpha=st.sampled_from([0.0, 1e-4, 0.3]))
def test_loss_gradient_and_accuracy_match_the_unit_engine(seed, alpha):
    model = MLP(2, [4, 3, 1], np.random.default_rng(seed))
    X, y = two_moons(8, noise=0.2, seed=seed % 1000)
    loss, accuracy = max_margin_loss(model, X, y, alpha)
    loss.backward()
    got_loss, gradient, got_accuracy = mlp_arrays.loss_and_gradient(
        model.get_parameters(), (2, 4, 3, 1), X, y, alpha)
    assert got_loss == pytest.approx(loss.value, rel=1e-12, abs=1e-14)
    np.testing.assert_allclose(gradient, [p.grad for p in model.parameters()],
                               rtol=1e-10, atol=1e-14)
    assert got_accuracy == accuracy


def test_training_steps_match_a_unit_loop():
    model = MLP(2, [5, 5, 1], np.random.default_rng(3))
    X, y = two_moons(20, noise=0.1, seed=3)
    path, losses, accuracies = mlp_arrays.train_demo(model.get_parameters(), (2, 5, 5, 1),
                                                      X, y, steps=4)
    assert path.shape == (5, 51) and losses.shape == accuracies.shape == (5,)
    for k in range(5):
        np.testing.assert_allclose(model.get_parameters(), path[k], rtol=1e-12, atol=1e-14)
        loss, accuracy = max_margin_loss(model, X, y)
        assert loss.value == pytest.approx(losses[k], rel=1e-12) and accuracy == accuracies[k]
        loss.backward()
        for p in model.parameters():
            p.value -= (1.0 - 0.9 * k / 4) * p.grad
    assert not np.allclose(path[0], path[-1])                # it moved


def test_micrograd_demo_from_50_to_100_percent():
    X, y = two_moons(100, noise=0.1, seed=2)
    model = MLP(2, [16, 16, 1], np.random.default_rng(2))
    path, losses, accuracies = mlp_arrays.train_demo(model.get_parameters(), (2, 16, 16, 1),
                                                      X, y, steps=100)
    assert path.shape == (101, 337)
    assert accuracies[0] == 0.5 and accuracies[-1] == 1.0
    assert losses[-1] < 0.05 < 1.0 < losses[0]


def test_errors_are_named():
    with pytest.raises(ValueError, match=r"337 parameters, got an array of shape \(336,\)"):
        mlp_arrays.scores(np.zeros(336), (2, 16, 16, 1), np.zeros((3, 2)))
    with pytest.raises(ValueError, match="two or more whole numbers"):
        mlp_arrays.n_parameters((2,))
    with pytest.raises(ValueError, match="steps must be a whole number"):
        mlp_arrays.train_demo(np.zeros(13), (2, 3, 1), np.zeros((2, 2)), np.ones(2), steps=-1)
    with pytest.raises(ValueError, match="does not match|shape"):
        mlp_arrays.scores(np.zeros(13), (2, 3, 1), np.zeros((3, 5)))
