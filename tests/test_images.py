"""Digits on a canvas: each image lands whole at its own offset, offsets vary, clear errors."""
import numpy as np
import pytest

from circuits.images import DRAWN_TWO, drawn_digit, shifted_digits


def test_each_image_is_pasted_whole_and_the_rest_stays_blank():
    rng = np.random.default_rng(0)
    images = rng.uniform(0.1, 1.0, size=(50, 8, 8))          # no zero pixel: the ink is findable
    X, y = shifted_digits(images, np.arange(50) % 10, canvas=16, rng=rng)
    assert X.shape == (50, 1, 16, 16) and y.tolist() == (np.arange(50) % 10).tolist()
    for canvas, image in zip(X[:, 0], images):
        rows, cols = np.nonzero(canvas)
        top, left = rows.min(), cols.min()
        assert np.array_equal(canvas[top:top + 8, left:left + 8], image)
        assert np.count_nonzero(canvas) == 64


def test_offsets_cover_the_canvas_and_depend_on_the_seed():
    images, labels = np.ones((400, 8, 8)), np.zeros(400, int)
    X, _ = shifted_digits(images, labels, 16, np.random.default_rng(1))
    corners = {(np.nonzero(c)[0].min(), np.nonzero(c)[1].min()) for c in X[:, 0]}
    assert {r for r, _ in corners} == set(range(9)) and {c for _, c in corners} == set(range(9))
    again, _ = shifted_digits(images, labels, 16, np.random.default_rng(1))
    other, _ = shifted_digits(images, labels, 16, np.random.default_rng(2))
    assert np.array_equal(X, again) and not np.array_equal(X, other)


def test_a_canvas_the_size_of_the_image_leaves_it_in_place():
    images = np.random.default_rng(3).normal(size=(4, 8, 8))
    X, _ = shifted_digits(images, np.zeros(4, int), 8, np.random.default_rng(0))
    assert np.array_equal(X[:, 0], images)


RNG = np.random.default_rng(0)


@pytest.mark.parametrize("images, labels, canvas, rng, message", [
    (np.zeros((3, 8)), np.zeros(3), 16, RNG, r"shape \(N, h, w\)"),
    (np.zeros((3, 8, 8)), np.zeros(4), 16, RNG, r"labels must have shape \(3,\)"),
    (np.zeros((3, 8, 8)), np.zeros(3), 7, RNG, "canvas must be a whole number >= 8"),
    (np.zeros((3, 8, 8)), np.zeros(3), 16.0, RNG, "canvas must be"),
    (np.zeros((3, 8, 8)), np.zeros(3), 16, None, "rng=np.random.default_rng"),
])
def test_bad_input_is_named(images, labels, canvas, rng, message):
    with pytest.raises(ValueError, match=message):
        shifted_digits(images, labels, canvas, rng)


def test_the_drawn_digit_sits_where_asked_scaled_to_one():
    image = drawn_digit(16, top=2, left=5)
    assert image.shape == (16, 16) and image.max() == 1.0
    assert np.array_equal(image[2:10, 5:13], DRAWN_TWO / 16)
    assert image.sum() == pytest.approx(DRAWN_TWO.sum() / 16)
    with pytest.raises(ValueError, match="does not fit a canvas of 16"):
        drawn_digit(16, top=9)
