"""Small texts for the models of chapter 4, from the standard library or a seeded grammar (no
downloads)."""
import codecs
import contextlib
import importlib
import io

import numpy as np


def zen_of_python():
    """The Zen of Python (PEP 20) as a string, read from the standard library's ``this``."""
    with contextlib.redirect_stdout(io.StringIO()):     # ``import this`` prints it the first time
        this = importlib.import_module("this")
    return codecs.decode(this.s, "rot13")


PEOPLE = {"king": ("royal", "male", "adult"), "queen": ("royal", "female", "adult"),
          "prince": ("royal", "male", "young"), "princess": ("royal", "female", "young"),
          "man": ("common", "male", "adult"), "woman": ("common", "female", "adult"),
          "boy": ("common", "male", "young"), "girl": ("common", "female", "young")}
COUNTRIES = {"france": ("paris", "french", "cheese"), "italy": ("rome", "italian", "pasta"),
             "spain": ("madrid", "spanish", "oranges"), "germany": ("berlin", "german", "sausages"),
             "japan": ("tokyo", "japanese", "rice")}          # country: (capital, language, food)
_WORDS = {"royal": ["palace", "castle", "court", "kingdom"],
          "common": ["village", "farm", "market", "field"],
          "male": [("he", "his")], "female": [("she", "her")],
          "adult": [("old", "works"), ("wise", "rests"), ("tall", "reads")],
          "young": [("young", "plays"), ("little", "learns"), ("small", "runs")],
          "city": ["city", "busy", "crowded"], "country": ["country", "large", "green"]}
_THINGS = ["horse", "dog", "friend", "book", "bread", "cat"]
_PEOPLE_TEMPLATES = ["{sub} is the {adj} {person} of the {place}",
                     "the {adj} {person} {verb} with {pos} {thing}",
                     "in the {place} the {person} {verb} with {pos} {thing}"]
_PLACE_TEMPLATES = ["{name} is a {adj} {kind} where people speak {language}",
                    "in the {kind} of {name} people eat {food}",
                    "people in {name} speak {language} and eat {food}"]


def grammar_corpus(n_sentences, rng):
    """``n_sentences`` sentences from a small grammar, drawn with ``rng`` (a numpy Generator):
    people whose contexts carry status (palace/village), gender (he/she) and age (old/young),
    and countries and capitals sharing a language and a food, for word2vec to find."""
    if isinstance(n_sentences, bool) or not isinstance(n_sentences, (int, np.integer)) \
            or n_sentences < 1:
        raise ValueError(f"n_sentences must be a whole number >= 1, got {n_sentences!r}")
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a numpy Generator (np.random.default_rng(seed)), "
                        f"got {type(rng).__name__}")

    def pick(options):
        return options[rng.integers(len(options))]

    sentences = []
    for _ in range(n_sentences):
        if rng.random() < 0.6:
            person = pick(list(PEOPLE))
            status, gender, age = (_WORDS[f] for f in PEOPLE[person])
            (sub, pos), (adj, verb) = pick(gender), pick(age)
            sentences.append(pick(_PEOPLE_TEMPLATES).format(
                person=person, place=pick(status), sub=sub, pos=pos, adj=adj, verb=verb,
                thing=pick(_THINGS)))
        else:
            country = pick(list(COUNTRIES))
            capital, language, food = COUNTRIES[country]
            kind = "city" if rng.random() < 0.5 else "country"
            sentences.append(pick(_PLACE_TEMPLATES).format(
                name=capital if kind == "city" else country, kind=kind, adj=pick(_WORDS[kind][1:]),
                language=language, food=food))
    return sentences
