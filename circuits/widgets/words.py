"""Explorer for word vectors: pick a word and a number k; its k nearest words by cosine (in all
the dimensions) light up on a 2-D map of its family, next to the words nearest on the map."""
import io
from functools import lru_cache

import ipywidgets as W
import numpy as np

from ..corpora import COUNTRIES, PEOPLE, grammar_corpus
from ..plots.axes import title_text
from ..plots.words import mark_words, plot_words
from ..word2vec import cosine_similarities, pca_2d, train_word2vec
from .explorer import Explorer, InPlace

FAMILIES = {"people": tuple(PEOPLE),
            "places": tuple(w for country, (capital, _, _) in COUNTRIES.items()
                            for w in (country, capital))}


@lru_cache(maxsize=4)
def grammar_model(seed=0, n_sentences=2000):
    """Word vectors trained on ``grammar_corpus`` (cached: the explorer reuses them)."""
    rng = np.random.default_rng(seed)
    return train_word2vec(grammar_corpus(n_sentences, rng), rng)


class _WordMap:
    """One family's words: their vectors, cosines, PCA points and the map drawn once as pixels."""

    def __init__(self, model, words):
        self.words = list(words)
        vectors = np.array([model.vector(w) for w in self.words])
        self.cosines = np.array([cosine_similarities(vectors, v) for v in vectors])
        self.points = pca_2d(vectors)
        self.gaps = np.linalg.norm(self.points[:, None] - self.points[None], axis=-1)
        self.pixels = None

    def draw(self, fig):
        """The map on a new axes of ``fig``: drawn the first time, its pixels after."""
        ax = fig.subplots(gridspec_kw=dict(left=0.08, right=0.98, bottom=0.1, top=0.92))
        if self.pixels is None:                 # first time: draw the map and keep its pixels
            self.where = plot_words(self.points, self.words, ax)
            self.limits = ax.get_xlim(), ax.get_ylim()
            buffer = io.BytesIO()
            fig.savefig(buffer, format="rgba")
            width, height = fig.canvas.get_width_height()
            self.pixels = np.frombuffer(buffer.getvalue(), np.uint8).reshape(height, width, 4)
        else:                                   # then: the pixels under bare axes of its limits
            fig.figimage(self.pixels, origin="upper", zorder=-1)
            ax.set(xlim=self.limits[0], ylim=self.limits[1])
            ax.set_axis_off()
        return ax


def neighbours_explorer(model=None, word="king", k=3, families=FAMILIES):
    """Choose a word and k: its k nearest words of its family by cosine in the model's full
    space are joined to it on the family's PCA map; the readout compares them with the words
    nearest on the map."""
    model = model if model is not None else grammar_model()
    maps = {name: _WordMap(model, words) for name, words in families.items()}
    family_of = {w: maps[name] for name, words in families.items() for w in words}

    def draw(fig, word, k):
        m = family_of[word]
        ax = m.draw(fig)
        title_text(ax, f"red: the word; blue: its k nearest by cosine in {model.V.shape[1]} "
                       f"dimensions")                   # the same for every word and k
        marks = []

        def update(word, k):                    # a word of the same family: marks move
            if family_of[word] is not m:
                return None                     # another family: its own map, drawn anew
            i = m.words.index(word)
            by_cosine = [j for j in np.argsort(-m.cosines[i], kind="stable") if j != i][:k]
            on_map = [j for j in np.argsort(m.gaps[i], kind="stable") if j != i][:k]
            for artist in marks:
                artist.remove()
            marks[:] = mark_words(ax, m.where, [m.words[j] for j in by_cosine], word)
            shared = len(set(by_cosine) & set(on_map))
            return ("by cosine: " + ", ".join(f"{m.words[j]} {m.cosines[i, j]:.2f}"
                                              for j in by_cosine)
                    + "\nclosest on the 2-D map: " + ", ".join(m.words[j] for j in on_map)
                    + f"\n{shared} of {k} in common"), marks

        return InPlace(update(word, k)[0], update, live=("word", "k"))

    controls = {"word": W.Dropdown(options=list(family_of), value=word, description="word"),
                "k": W.IntSlider(value=k, min=1, max=7, description="k")}
    explorer = Explorer(draw, controls, figsize=(10, 5), dpi=100)
    explorer.maps = maps                    # each family's map, for tests and the curious
    return explorer
