"""The perplexity explorer: the slider picks the embedding drawn, the readout gives each one's
nearest-neighbour accuracy, and embeddings that do not fit the labels are refused."""
import numpy as np
import pytest

pytest.importorskip("ipywidgets")
from circuits.embeddings import nearest_neighbour_accuracy  # noqa: E402
from circuits.widgets import sweep  # noqa: E402
from circuits.widgets.embedding import blob_embeddings, perplexity_explorer  # noqa: E402


def drawn_points(explorer):
    return explorer.figure.axes[0].collections[0].get_offsets()


def test_the_slider_picks_the_embedding_and_the_readout_its_accuracy():
    embeddings, labels = blob_embeddings()
    explorer = perplexity_explorer(embeddings, labels, perplexity=5.0)
    ax = explorer.figure.axes[0]
    for p, Y in embeddings.items():
        explorer.set(perplexity=p)
        np.testing.assert_allclose(drawn_points(explorer), Y)
        assert explorer.figure.axes == [ax] and f"perplexity {p:g}" in ax.texts[-1].get_text()
        (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
        assert x0 < Y[:, 0].min() and Y[:, 0].max() < x1 and y0 < Y[:, 1].min() < Y[:, 1].max() < y1
        per_pixel = (x1 - x0) / ax.bbox.width, (y1 - y0) / ax.bbox.height
        assert per_pixel[0] == pytest.approx(per_pixel[1])      # one scale across and up
        expected = f"nearest-neighbour accuracy {nearest_neighbour_accuracy(Y, labels):.3f}"
        assert explorer.readout.value.startswith(f"<pre style='margin:0'>{expected}")
    assert explorer.drawn_in_place           # each move drawn in place
    assert sweep(explorer) > 0


def test_the_blobs_come_apart_once_the_perplexity_is_large_enough():
    embeddings, labels = blob_embeddings()
    assert nearest_neighbour_accuracy(embeddings[15.0], labels) == 1.0
    assert set(np.unique(labels)) == {0, 1, 2, 3} and len(embeddings) == 4


def test_embeddings_that_do_not_fit_are_refused():
    with pytest.raises(ValueError, match="embeddings is empty"):
        perplexity_explorer({}, [0, 1])
    with pytest.raises(ValueError, match=r"shape \(N, 2\) with N = len\(labels\)"):
        perplexity_explorer({5.0: np.zeros((3, 2))}, [0, 1])
