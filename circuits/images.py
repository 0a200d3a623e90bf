"""Image data for the convolution case study: small digits placed at random offsets on a larger
blank canvas, and one hand-drawn digit for pictures and explorers that need no data set."""
import numpy as np

# a "2" drawn by hand on 8 x 8 pixels, ink from 0 to 16 like scikit-learn's digits
DRAWN_TWO = np.array([
    [0, 0, 5, 13, 14, 6, 0, 0],
    [0, 4, 15, 6, 9, 15, 2, 0],
    [0, 1, 4, 0, 4, 16, 3, 0],
    [0, 0, 0, 2, 14, 10, 0, 0],
    [0, 0, 3, 14, 11, 1, 0, 0],
    [0, 2, 15, 10, 0, 0, 0, 0],
    [0, 5, 16, 12, 12, 13, 9, 0],
    [0, 1, 8, 12, 12, 11, 5, 0],
], dtype=float)


def shifted_digits(images, labels, canvas=16, rng=None):
    """Each image (N, h, w) pasted at a random offset on a blank canvas x canvas:
    ``(X, y)`` with X of shape (N, 1, canvas, canvas), ready for ``conv_forward``."""
    images = np.asarray(images, dtype=float)
    labels = np.asarray(labels)
    if images.ndim != 3:
        raise ValueError(f"images must have shape (N, h, w), got {images.shape}")
    if labels.shape != (len(images),):
        raise ValueError(f"labels must have shape ({len(images)},) like the images, "
                         f"got {labels.shape}")
    n, h, w = images.shape
    if isinstance(canvas, bool) or not isinstance(canvas, (int, np.integer)) \
            or canvas < max(h, w):
        raise ValueError(f"canvas must be a whole number >= {max(h, w)} to hold a {h} x {w} "
                         f"image, got {canvas!r}")
    if rng is None:
        raise ValueError("pass rng=np.random.default_rng(seed): the offsets are random")
    top = rng.integers(canvas - h + 1, size=n)          # top-left corner of each image
    left = rng.integers(canvas - w + 1, size=n)
    X = np.zeros((n, canvas, canvas))
    rows = top[:, None, None] + np.arange(h)[None, :, None]       # (n, h, 1)
    cols = left[:, None, None] + np.arange(w)[None, None, :]      # (n, 1, w)
    X[np.arange(n)[:, None, None], rows, cols] = images
    return X[:, None], labels.copy()


def drawn_digit(canvas=16, top=4, left=4):
    """``DRAWN_TWO`` scaled to [0, 1] on a blank canvas x canvas, its corner at (top, left)."""
    h, w = DRAWN_TWO.shape
    if not (0 <= top <= canvas - h and 0 <= left <= canvas - w):
        raise ValueError(f"an {h} x {w} digit at ({top}, {left}) does not fit a canvas of "
                         f"{canvas}")
    image = np.zeros((canvas, canvas))
    image[top:top + h, left:left + w] = DRAWN_TWO / 16
    return image
