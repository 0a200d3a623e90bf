"""Pictures for convolutional networks: small images side by side in one mosaic (digits on their
canvas, learned filters, feature maps), and one image with its zero padding and windows."""
from typing import NamedTuple

import numpy as np
from matplotlib import colormaps
from matplotlib.image import AxesImage
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from .axes import new_axes

PADDING = "#cfe0f3"     # the colour of the zeros padding adds
GAP = "0.8"              # the grey between the images of a mosaic


def mosaic(images, columns=None, gap=1):
    """Images (n, h, w) tiled in a grid ``columns`` wide, NaN between and after them:
    (the grid as one array, its number of rows and columns)."""
    images = np.asarray(images, float)
    if images.ndim != 3 or len(images) == 0:
        raise ValueError(f"images must have shape (n, h, w) with n >= 1, got {images.shape}")
    n, h, w = images.shape
    columns = min(n, columns or int(np.ceil(np.sqrt(n))))
    rows = -(-n // columns)
    grid = np.full((rows * (h + gap) - gap, columns * (w + gap) - gap), np.nan)
    for k, image in enumerate(images):
        r, c = divmod(k, columns)
        grid[r * (h + gap):r * (h + gap) + h, c * (w + gap):c * (w + gap) + w] = image
    return grid, rows, columns


def plot_mosaic(images, ax=None, columns=None, labels=None, symmetric=False, cmap=None,
                title=None):
    """Images (n, h, w) in a grid on one axes, each titled by its entry of ``labels`` (in the
    gap above it); a diverging colour scale centred on 0 when ``symmetric`` (for weights).
    Returns the image drawn."""
    images = np.asarray(images, float)
    gap = 1 if labels is None else 3
    grid, rows, columns = mosaic(images, columns, gap)
    ax = new_axes(ax, figsize=(1.0 * columns + 1, 1.0 * rows + 0.6))
    colours = colormaps[cmap or ("RdBu_r" if symmetric else "gray_r")].with_extremes(bad=GAP)
    if symmetric:
        top = np.nanmax(np.abs(grid)) or 1.0
        shown = ax.imshow(grid, cmap=colours, vmin=-top, vmax=top)
    else:
        shown = ax.imshow(grid, cmap=colours)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_frame_on(False)
    h, w = images.shape[1:]
    for k, label in enumerate(labels if labels is not None else []):
        r, c = divmod(k, columns)
        ax.text(c * (w + gap) + w / 2 - 0.5, r * (h + gap) - 0.6, str(label), ha="center",
                va="bottom", fontsize="small")
    if title:
        ax.set_title(title, pad=14 if labels is not None else 6)
    return shown


def plot_filters(w, ax=None, title="learned filters", columns=8):
    """The filters w (F, C, HH, WW) of a convolution, channel 0 of each, blue below 0 and red
    above on one scale, ``columns`` to a row. Returns the image drawn."""
    w = np.asarray(w, float)
    if w.ndim != 4:
        raise ValueError(f"w must have shape (F, C, HH, WW), got {w.shape}")
    return plot_mosaic(w[:, 0], ax, columns, labels=range(len(w)), symmetric=True, title=title)


def plot_feature_maps(maps, ax=None, title="feature maps", columns=8):
    """The maps (F, H, W) one image makes in a convolutional layer, each scaled to its own
    peak (dark is large), numbered by filter, ``columns`` to a row. Returns the image drawn."""
    maps = np.asarray(maps, float)
    if maps.ndim != 3:
        raise ValueError(f"maps must have shape (F, H, W), got {maps.shape}")
    peak = maps.max(axis=(1, 2), keepdims=True)
    scaled = np.divide(maps, peak, out=np.zeros_like(maps), where=peak > 0)
    return plot_mosaic(scaled, ax, columns, labels=range(len(maps)), title=title)


class Padded(NamedTuple):
    """The artists of ``plot_padded``, for ``set_padded`` to move: the padded image, the two
    windows, the title, and the square (x, y, side) they fill."""
    image: AxesImage
    windows: tuple
    title: Text
    box: tuple


def plot_padded(image, pad=0, field=3, stride=1, ax=None, title=None, box=None):
    """One image (H, W) with ``pad`` rings of zeros (pale blue) and the first two windows of a
    field x field filter ``stride`` apart: solid the first, dashed the next. ``box`` = (x, y,
    side) fits it into that square of ``ax``'s data coordinates (several pictures on one axes);
    by default a pixel is one unit. Returns the artists (``Padded``), to move with
    ``set_padded``."""
    image = np.asarray(image, float)
    ax = new_axes(ax, figsize=(3.2, 3.2))
    if box is None:
        box = (-0.5, -0.5, max(image.shape) + 2 * pad)
        ax.set_xticks([])
        ax.set_yticks([])
        words = ax.text(0.5, 1.02, "", transform=ax.transAxes, ha="center", va="bottom")
    else:
        words = ax.text(box[0] + box[2] / 2, box[1] - 0.4, "", ha="center", va="bottom")
    drawn = Padded(ax.imshow(np.zeros((1, 1)), cmap=colormaps["gray_r"].with_extremes(
                       under=PADDING)),                       # the zeros padding adds: blue
                   tuple(ax.add_patch(Rectangle(box[:2], 0, 0, facecolor="none", lw=2,
                                                edgecolor="tab:orange", ls=style))
                         for style in ("-", "--")),
                   words, box)
    set_padded(drawn, image, pad, field, stride, title)
    return drawn


def set_padded(drawn, image, pad, field, stride, title=None):
    """Show ``image`` padded by ``pad`` and the windows of ``field`` and ``stride`` on the
    artists ``drawn`` by ``plot_padded``, in place; returns the padded image (zeros added)."""
    image = np.maximum(np.asarray(image, float), 0.0)          # no ink below none
    height, width = np.add(image.shape, 2 * pad)
    x0, y0, side = drawn.box
    unit = side / max(height, width)                            # data units per pixel
    drawn.image.set_data(np.pad(image, pad, constant_values=-1.0))  # below 0: blue
    drawn.image.set_extent((x0, x0 + width * unit, y0 + height * unit, y0))
    drawn.image.set_clim(0, max(image.max(), 1e-12))
    for window, left in zip(drawn.windows, (0, stride)):
        window.set_bounds(x0 + left * unit, y0, field * unit, field * unit)
        window.set_visible(left + field <= width)
    drawn.title.set_text(title or "")
    return np.pad(image, pad)


def plot_accuracies(accuracies, ax=None, title=None):
    """Grouped bars: ``accuracies`` maps each setting (a bar colour) to {model: accuracy};
    the models, in the first setting's order, along the x axis. Returns the bar containers."""
    settings = list(accuracies)
    models = list(accuracies[settings[0]])
    ax = new_axes(ax, figsize=(7, 3.2))
    width, at = 0.8 / len(settings), np.arange(len(models))
    bars = [ax.bar(at + (k - (len(settings) - 1) / 2) * width, [accuracies[s][m] for m in models],
                   width, label=s) for k, s in enumerate(settings)]
    ax.set(xticks=at, xticklabels=models, ylabel="accuracy", ylim=(0, 1.2),
           yticks=np.linspace(0, 1, 6))
    ax.legend(fontsize="small", loc="upper center", ncols=len(settings))
    if title:
        ax.set_title(title)
    return bars
