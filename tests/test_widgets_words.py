"""The neighbours explorer: its readout lists the model's nearest words of the chosen word's
family by cosine, and the marks move with the controls over a map drawn once per family."""
import numpy as np
import pytest

pytest.importorskip("ipywidgets")
from circuits.widgets import sweep  # noqa: E402
from circuits.widgets.words import FAMILIES, grammar_model, neighbours_explorer  # noqa: E402
from circuits.word2vec import cosine_similarities  # noqa: E402


def listed(explorer, line):
    """The words of one line of the readout ("by cosine: queen 0.83, man 0.77" -> words)."""
    text = explorer.readout.value.split(line + ": ")[1].split("\n")[0]
    return [item.split()[0] for item in text.split(", ")]


@pytest.mark.parametrize("word, family", [("queen", "people"), ("paris", "places")])
def test_the_readout_lists_the_nearest_words_of_the_family_by_cosine(word, family):
    model = grammar_model()
    explorer = neighbours_explorer(model, word=word, k=4)
    words = FAMILIES[family]
    cosines = cosine_similarities([model.vector(w) for w in words], model.vector(word))
    expected = [words[j] for j in np.argsort(-cosines) if words[j] != word][:4]
    assert listed(explorer, "by cosine") == expected
    assert set(listed(explorer, "closest on the 2-D map")) <= set(words) - {word}
    assert "of 4 in common" in explorer.readout.value


def test_moving_the_controls_changes_the_picture_but_not_the_map():
    explorer = neighbours_explorer(word="king", k=2)
    people, places = explorer.maps["people"], explorer.maps["places"]
    first, pixels = bytes(explorer.image.value), people.pixels
    assert pixels is not None and places.pixels is None            # drawn when first shown
    explorer.set(word="girl")
    assert bytes(explorer.image.value) != first and people.pixels is pixels
    explorer.set(word="rome")
    assert places.pixels is not None and listed(explorer, "by cosine")[0] in FAMILIES["places"]
    explorer.set(k=6)
    assert len(listed(explorer, "by cosine")) == 6 and explorer.error is None
    assert sweep(explorer, n_between=1) < 5.0         # a loose bound: a stuck redraw, not speed


def test_a_word_of_the_same_family_or_a_new_k_moves_the_marks_in_place():
    explorer = neighbours_explorer(word="king", k=2)
    ax = explorer.figure.axes[0]
    explorer.set(k=5)
    assert explorer.drawn_in_place and explorer.figure.axes == [ax]
    bold = [t.get_text().strip() for t in ax.texts if t.get_fontweight() == "bold"]
    assert bold == [*listed(explorer, "by cosine"), "king"] and len(bold) == 6
    explorer.set(word="queen")
    bold = [t.get_text().strip() for t in ax.texts if t.get_fontweight() == "bold"]
    assert explorer.drawn_in_place and bold == [*listed(explorer, "by cosine"), "queen"]
    explorer.set(word="paris")                    # another family: its map, drawn anew
    assert not explorer.drawn_in_place and explorer.figure.axes != [ax]
