"""The neighbours explorer: its readout lists the model's nearest words by cosine, the map is
drawn once and the marks move with the controls."""
import numpy as np
import pytest

pytest.importorskip("ipywidgets")
from circuits.widgets import sweep  # noqa: E402
from circuits.widgets.words import MAP_WORDS, grammar_model, neighbours_explorer  # noqa: E402
from circuits.word2vec import cosine_similarities  # noqa: E402


def test_the_readout_lists_the_nearest_map_words_by_cosine():
    model = grammar_model()
    explorer = neighbours_explorer(model, word="queen", k=4)
    vectors = np.array([model.vector(w) for w in MAP_WORDS])
    cosines = cosine_similarities(vectors, model.vector("queen"))
    expected = [MAP_WORDS[j] for j in np.argsort(-cosines) if MAP_WORDS[j] != "queen"][:4]
    line = explorer.readout.value.split("by cosine: ")[1].split("\n")[0]
    assert [item.split()[0] for item in line.split(", ")] == expected
    assert "of 4 in common" in explorer.readout.value


def test_moving_the_controls_changes_the_picture_and_redraws_quickly():
    explorer = neighbours_explorer(word="king", k=2)
    first = bytes(explorer.image.value)
    explorer.set(word="paris")
    assert bytes(explorer.image.value) != first and "'paris'" not in explorer.readout.value
    explorer.set(k=6)
    assert explorer.readout.value.count(",") >= 2 * 5 and explorer.error is None
    assert sweep(explorer, n_between=1) < 5.0         # a loose bound: a stuck redraw, not speed
