"""The convolution explorer: the output size worked out, a stride that does not tile explained."""
import numpy as np
import pytest

pytest.importorskip("ipywidgets")
from circuits.widgets.conv import FILTERS, conv_explorer, size_formula  # noqa: E402


def test_the_formula_is_worked_out_on_the_classic_sizes():
    assert size_formula(7, 3, 1, 0) == (5, "(W - F + 2P) / S + 1 = (7 - 3 + 2*0) / 1 + 1 = 5: "
                                           "a 5 x 5 feature map")
    assert size_formula(227, 11, 4, 0)[0] == 55
    out, text = size_formula(7, 3, 3, 0)
    assert out is None and "stride 3 does not tile" in text
    assert "strides that tile: [1, 2, 4]" in text


def test_a_stride_that_does_not_tile_is_shown_not_raised():
    explorer = conv_explorer(field=3, pad=1)
    picture = explorer.image.value
    explorer.set(stride=2)
    assert explorer.error is None and "does not tile" in explorer.readout.value
    explorer.set(stride=3)
    assert "a 6 x 6 feature map" in explorer.readout.value and explorer.image.value != picture


def test_filters_have_the_size_asked_and_edges_sum_to_zero():
    for F in range(2, 8):
        assert all(f(F).shape == (F, F) for f in FILTERS.values())
        assert abs(FILTERS["vertical edges"](F).sum()) < 1e-12
        assert FILTERS["blur"](F).sum() == pytest.approx(1.0)
    with pytest.raises(ValueError, match="one square"):
        conv_explorer(image=np.zeros((3, 4)))


def test_every_control_moves_the_pictures_in_place_and_the_map_is_the_convolution():
    from circuits.images import drawn_digit
    from circuits.layers import conv_forward
    explorer = conv_explorer(kind="blur", field=3, stride=1, pad=1)
    ax = explorer.figure.axes[0]
    for move in (dict(field=5), dict(pad=2), dict(stride=3), dict(kind="vertical edges")):
        explorer.set(**move)
        assert explorer.drawn_in_place and explorer.figure.axes == [ax]
    w = FILTERS["vertical edges"](5)
    expected = conv_forward(drawn_digit()[None, None], w[None, None], np.zeros(1), 3, 2)[0][0, 0]
    shown = ax.images[2]
    assert shown.get_visible() and np.allclose(shown.get_array(), expected)
    assert shown.get_clim() == (-np.abs(expected).max(), np.abs(expected).max())
    assert np.allclose(ax.images[1].get_array(), w)
    explorer.set(stride=4)                        # (16 - 5 + 2*2) / 4: does not tile
    assert not shown.get_visible() and "does not tile" in ax.texts[-1].get_text()
    assert explorer.drawn_in_place
