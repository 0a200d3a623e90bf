"""Datasets: shapes, labels, determinism by seed, clear errors."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from circuits.datasets import (DATASETS, guide_points, loss_example, make_dataset, noisy_curve,
                               noisy_surface, spirals, two_moons)

SHAPED = [name for name in DATASETS if name != "guide"]


@settings(max_examples=30, deadline=None)
@given(name=st.sampled_from(SHAPED), n=st.integers(2, 300), noise=st.floats(0, 1),
       seed=st.integers(0, 2**32 - 1))
def test_shapes_labels_and_balance(name, n, noise, seed):
    X, y = make_dataset(name, n, noise, seed)
    assert X.shape == (n, 2) and y.shape == (n,)
    assert set(np.unique(y)) <= {1.0, -1.0}
    assert abs((y == 1).sum() - (y == -1).sum()) <= 1
    assert np.isfinite(X).all()


@pytest.mark.parametrize("name", list(DATASETS))
def test_same_seed_same_data_other_seed_other_data(name):
    X1, y1 = make_dataset(name, 50, 0.1, seed=3)
    X2, y2 = make_dataset(name, 50, 0.1, seed=3)
    X3, _ = make_dataset(name, 50, 0.1, seed=4)
    assert np.array_equal(X1, X2) and np.array_equal(y1, y2)
    assert not np.array_equal(X1, X3)


def test_generator_can_be_passed_instead_of_a_seed():
    X1, _ = make_dataset("circles", 20, 0.1, np.random.default_rng(7))
    X2, _ = make_dataset("circles", 20, 0.1, 7)
    assert np.array_equal(X1, X2)


def test_two_moons_is_unchanged():
    X, y = two_moons(4, 0.0, 0)
    assert sorted(map(tuple, X.round(6).tolist())) == sorted(
        [(1.0, 0.0), (-1.0, 0.0), (0.0, 0.5), (2.0, 0.5)])
    assert sorted(y.tolist()) == [-1, -1, 1, 1]


def test_noise_free_shapes_have_their_geometry():
    X, y = make_dataset("circles", 40, 0.0, 0)
    r = np.hypot(X[:, 0], X[:, 1])
    assert np.allclose(r[y == -1], 1) and np.allclose(r[y == 1], 0.5)
    X, y = make_dataset("xor", 40, 0.0, 0)
    assert np.all(np.sign(X[:, 0] * X[:, 1]) == y)


def test_the_guides_points():
    X, y = guide_points("table")
    assert X.tolist()[:2] == [[1.2, 0.7], [-0.3, 0.5]] and y.tolist() == [1, -1, 1, -1, -1, 1]
    X, y = guide_points()
    assert X.tolist()[1] == [-0.3, -0.5] and y.tolist() == [1, -1, 1, -1, -1, 1]
    X0, _ = make_dataset("guide", noise=0.0)
    assert np.array_equal(X0, X)
    X, y = loss_example()
    assert X.shape == (3, 2) and y.tolist() == [1, -1, 1]


@pytest.mark.parametrize("kwargs, match", [
    (dict(name="moons"), "unknown dataset"),
    (dict(name="circles", n=1), "n >= 2"),
    (dict(name="two moons", n=1), "n >= 2"),
    (dict(name="spiral", noise=-0.1), "noise"),
    (dict(name="blobs", noise=float("nan")), "noise"),
])
def test_bad_arguments_are_named(kwargs, match):
    with pytest.raises(ValueError, match=match):
        make_dataset(**kwargs)


def test_n_must_be_a_whole_number():
    with pytest.raises(TypeError, match="whole number"):
        make_dataset("xor", 10.5)
    with pytest.raises(ValueError, match="version"):
        guide_points("code")


def test_spirals_have_integer_classes_of_equal_size():
    X, y = spirals(50, 4, 0.1, seed=3)
    assert X.shape == (200, 2) and y.dtype.kind == "i"
    assert np.bincount(y).tolist() == [50] * 4
    assert np.array_equal(spirals(50, 4, 0.1, seed=3)[0], X)
    with pytest.raises(ValueError, match="n_classes"):
        spirals(10, 1)


def test_regression_data_shapes_and_noise():
    x, t = noisy_curve(30, 0.0, seed=1)
    assert x.shape == (30, 1) and t == pytest.approx(np.sin(x[:, 0]) + x[:, 0] / 4)
    X, t = noisy_surface(25, 0.0, seed=1)
    assert X.shape == (25, 2) and t == pytest.approx(np.sin(2 * X[:, 0]) * np.cos(2 * X[:, 1]))
