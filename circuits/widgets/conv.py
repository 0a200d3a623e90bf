"""Explorer for convolution: filter size, stride and padding on a live feature map of one
image, with the output size (W - F + 2P) / S + 1 worked out, or why a stride does not tile."""
import ipywidgets as W
import numpy as np

from ..images import drawn_digit
from ..layers import conv_forward
from ..layers.conv import output_size
from ..plots.conv import plot_padded, set_padded
from .explorer import Explorer, InPlace


def _ramp(field):
    return np.linspace(-1.0, 1.0, field)


FILTERS = {   # each a function of the field size F, giving an F x F filter
    "vertical edges": lambda F: np.tile(_ramp(F), (F, 1)) / F,         # dark-to-light, left-right
    "horizontal edges": lambda F: np.tile(_ramp(F), (F, 1)).T / F,
    "blur": lambda F: np.full((F, F), 1.0 / (F * F)),
}


def size_formula(size, field, stride, pad):
    """The output size worked out as text, or the reason the stride does not tile."""
    try:
        out = output_size(size, field, stride, pad, "image")
    except ValueError as error:
        fits = [s for s in range(1, 9) if (size - field + 2 * pad) % s == 0]
        return None, f"{error}; strides that tile: {fits}"
    return out, (f"(W - F + 2P) / S + 1 = ({size} - {field} + 2*{pad}) / {stride} + 1 = {out}: "
                 f"a {out} x {out} feature map")


def conv_explorer(image=None, kind="vertical edges", field=3, stride=1, pad=1):
    """Slide a filter over one image (default: a drawn 2 on a 16 x 16 canvas): choose its kind,
    its size F, the stride S and the zero padding P, and see the feature map it makes."""
    image = drawn_digit() if image is None else np.asarray(image, float)
    if image.ndim != 2 or image.shape[0] != image.shape[1]:
        raise ValueError(f"image must be one square (H, W) picture, got shape {image.shape}")
    size = image.shape[0]

    def draw(fig, kind, field, stride, pad):
        ax = fig.add_axes((0.01, 0.01, 0.98, 0.9))       # one axes, three pictures: fast
        ax.set_axis_off()
        ax.set(xlim=(-0.5, 62.5), ylim=(22.5, -2.5))     # fixed: the pictures never move them
        padded = plot_padded(image, pad, field, stride, ax, box=(0, 0, 22))
        kernel = ax.imshow(np.zeros((1, 1)), cmap="RdBu_r", extent=(27, 35, 15, 7))
        kernel_title = ax.text(31, 6.6, "", ha="center", va="bottom")
        maps = ax.imshow(np.zeros((1, 1)), extent=(40, 62, 22, 0))
        maps_title = ax.text(51, -0.4, "", ha="center", va="bottom")
        refusal = ax.text(51, 11, "", ha="center", va="center", color="#b00")

        def update(kind, field, stride, pad):            # every control: the same artists
            set_padded(padded, image, pad, field, stride,
                       f"input {size} x {size}, padded by {pad}")
            w = FILTERS[kind](field)
            kernel.set_data(w)
            kernel.set_clim(-np.abs(w).max(), np.abs(w).max())
            kernel_title.set_text(f"filter {field} x {field}")
            out, text = size_formula(size, field, stride, pad)
            tiles = out is not None
            maps.set_visible(tiles)
            maps_title.set_visible(tiles)
            refusal.set_text("" if tiles else
                             f"stride {stride} does not tile\nthe padded input")
            if tiles:
                feature = conv_forward(image[None, None], w[None, None], np.zeros(1), stride,
                                       pad)[0][0, 0]
                peak = max(np.abs(feature).max(), 1e-12)      # edges: white at 0, no edge
                maps.set_data(feature)
                maps.set_cmap("gray_r" if kind == "blur" else "RdBu_r")
                maps.set_clim(0 if kind == "blur" else -peak, peak)
                maps_title.set_text(f"feature map {out} x {out}, stride {stride}")
            return text, [padded.image, *padded.windows, padded.title, kernel,
                          kernel_title, maps, maps_title, refusal]

        return InPlace(update(kind, field, stride, pad)[0], update,
                       live=("kind", "field", "stride", "pad"))

    controls = {
        "kind": W.Dropdown(options=list(FILTERS), value=kind, description="filter"),
        "field": W.IntSlider(value=field, min=2, max=7, description="size F"),
        "stride": W.IntSlider(value=stride, min=1, max=4, description="stride S"),
        "pad": W.IntSlider(value=pad, min=0, max=3, description="padding P"),
    }
    return Explorer(draw, controls, figsize=(10, 4), dpi=100)
