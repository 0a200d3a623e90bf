"""Explorer for word vectors: pick a word and a number k; its k nearest words by cosine (in all
the dimensions) light up on the 2-D map, next to the words nearest on the map itself."""
import io
from functools import lru_cache

import ipywidgets as W
import numpy as np

from ..corpora import COUNTRIES, PEOPLE, grammar_corpus
from ..plots.axes import title_text
from ..plots.words import mark_words, plot_words
from ..word2vec import cosine_similarities, pca_2d, train_word2vec
from .explorer import Explorer

MAP_WORDS = (*PEOPLE, "he", "she", "palace", "village", "old", "young",
             *(w for country, (capital, _, _) in COUNTRIES.items() for w in (country, capital)))


@lru_cache(maxsize=4)
def grammar_model(seed=0, n_sentences=2000):
    """Word vectors trained on ``grammar_corpus`` (cached: the explorer reuses them)."""
    rng = np.random.default_rng(seed)
    return train_word2vec(grammar_corpus(n_sentences, rng), rng)


def neighbours_explorer(model=None, word="king", k=3, words=MAP_WORDS):
    """Choose a word and k: its k nearest ``words`` by cosine in the model's full space are
    joined to it on the PCA map; the readout compares them with the nearest on the map."""
    model = model if model is not None else grammar_model()
    words = list(words)
    vectors = np.array([model.vector(w) for w in words])
    points = pca_2d(vectors)
    cosines = np.array([cosine_similarities(vectors, v) for v in vectors])
    gaps = np.linalg.norm(points[:, None] - points[None], axis=-1)
    base = {}                               # the map of every word, drawn once, as pixels

    def draw(fig, word, k):
        i = words.index(word)
        by_cosine = [j for j in np.argsort(-cosines[i], kind="stable") if j != i][:k]
        on_map = [j for j in np.argsort(gaps[i], kind="stable") if j != i][:k]
        ax = fig.subplots()
        if not base:
            where = plot_words(points, words, ax)
            buffer = io.BytesIO()
            fig.savefig(buffer, format="rgba")
            width, height = fig.canvas.get_width_height()
            base.update(pixels=np.frombuffer(buffer.getvalue(), np.uint8).reshape(height, width, 4),
                        where=where, limits=(ax.get_xlim(), ax.get_ylim()))
        else:                               # the stored map, and fresh axes with its limits
            fig.figimage(base["pixels"], origin="upper", zorder=-1)
            ax.set(xlim=base["limits"][0], ylim=base["limits"][1])
            ax.set_axis_off()
        mark_words(ax, base["where"], [words[j] for j in by_cosine], word)
        title_text(ax, f"the {k} nearest to '{word}' by cosine in {vectors.shape[1]} dimensions")
        shared = len(set(by_cosine) & set(on_map))
        return ("by cosine: " + ", ".join(f"{words[j]} {cosines[i, j]:.2f}" for j in by_cosine)
                + "\nclosest on the 2-D map: " + ", ".join(words[j] for j in on_map)
                + f"\n{shared} of {k} in common")

    controls = {"word": W.Dropdown(options=words, value=word, description="word"),
                "k": W.IntSlider(value=k, min=1, max=8, description="k")}
    return Explorer(draw, controls, figsize=(8, 5.2))
