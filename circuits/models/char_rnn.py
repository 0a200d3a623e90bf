"""A character-level vanilla RNN (one-hot characters in, a softmax over the next character out),
trained by truncated backprop through time with Adagrad and gradient clipping."""
from dataclasses import dataclass, field

import numpy as np

from ..layers import affine_backward, affine_forward, rnn_step_forward, softmax_loss
from ..layers.checks import as_scalar
from ..optim import adagrad
from .sequence import rnn_backward, rnn_forward

PARAMS = ("Wx", "Wh", "b", "Wy", "by")


def _rng(rng):
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a np.random.Generator (np.random.default_rng(seed)), "
                        f"got {type(rng).__name__}")
    return rng


def vocabulary(text):
    """(ids, chars): the text as integer ids into the sorted list of its distinct characters."""
    if not isinstance(text, str) or len(text) < 2:
        raise ValueError(f"text must be a string of at least 2 characters, got {text!r}")
    chars = sorted(set(text))
    index = {c: i for i, c in enumerate(chars)}
    return np.array([index[c] for c in text]), chars


def clip_gradients(grads, max_norm):
    """Scale every gradient by one factor so their joint norm is at most ``max_norm``:
    returns (clipped grads, the norm before clipping)."""
    max_norm = as_scalar("max_norm", max_norm, low=0.0, low_open=True)
    norm = float(np.sqrt(sum(np.sum(g * g) for g in grads.values())))
    factor = min(1.0, max_norm / norm) if norm > 0 else 1.0
    return {k: g * factor for k, g in grads.items()}, norm


def sample_index(scores, rng, temperature=1.0):
    """Draw one index from softmax(scores / temperature) with ``rng.choice``; temperature 0
    takes the largest score (greedy)."""
    scores = np.asarray(scores, dtype=float).ravel()
    temperature = as_scalar("temperature", temperature, low=0.0)
    if temperature == 0:
        return int(np.argmax(scores))
    z = scores / temperature
    p = np.exp(z - z.max())
    return int(_rng(rng).choice(len(p), p=p / p.sum()))


class CharRNN:
    """h_t = tanh(x_t Wx + h_(t-1) Wh + b), scores_t = h_t Wy + by, x_t one-hot characters."""

    def __init__(self, vocab_size, hidden_size=100, rng=None, weight_scale=0.01):
        for name, n in (("vocab_size", vocab_size), ("hidden_size", hidden_size)):
            if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
                raise ValueError(f"{name} must be a whole number >= 1, got {n!r}")
        rng = _rng(rng)
        V, H = int(vocab_size), int(hidden_size)
        self.params = {"Wx": weight_scale * rng.normal(size=(V, H)),
                       "Wh": weight_scale * rng.normal(size=(H, H)), "b": np.zeros(H),
                       "Wy": weight_scale * rng.normal(size=(H, V)), "by": np.zeros(V)}
        self.vocab_size, self.hidden_size = V, H

    def _ids(self, name, ids):
        ids = np.asarray(ids)
        if ids.ndim != 1 or len(ids) == 0 or ids.dtype.kind not in "iu":
            raise ValueError(f"{name} must be a non-empty 1-D array of character ids, "
                             f"got {ids.dtype} of shape {ids.shape}")
        if ids.min() < 0 or ids.max() >= self.vocab_size:
            raise ValueError(f"{name} must be ids in [0, {self.vocab_size}), got "
                             f"{sorted(set(ids[(ids < 0) | (ids >= self.vocab_size)].tolist()))}")
        return ids

    def _state(self, h):
        if h is None:
            return np.zeros((1, self.hidden_size))
        h = np.asarray(h, dtype=float)
        if h.shape != (1, self.hidden_size):
            raise ValueError(f"h must have shape (1, {self.hidden_size}), got {h.shape}")
        return h

    def loss(self, inputs, targets, h=None, params=None):
        """Mean cross-entropy of predicting targets[t] after inputs[:t+1], from state h, with
        ``params`` (default: the model's): returns (loss, grads, last state)."""
        inputs, targets = self._ids("inputs", inputs), self._ids("targets", targets)
        if len(inputs) != len(targets):
            raise ValueError(f"inputs ({len(inputs)}) and targets ({len(targets)}) must have "
                             "the same length")
        p = self.params if params is None else params
        xs = np.eye(self.vocab_size)[inputs][:, None, :]           # (T, 1, V) one-hot
        hs, caches = rnn_forward(xs, self._state(h), p["Wx"], p["Wh"], p["b"])
        scores, out_cache = affine_forward(hs[:, 0, :], p["Wy"], p["by"])   # all steps at once
        loss, dscores = softmax_loss(scores, targets)
        dhs, dWy, dby = affine_backward(dscores, out_cache)
        _, _, dWx, dWh, db = rnn_backward(dhs[:, None, :], caches)
        return loss, {"Wx": dWx, "Wh": dWh, "b": db, "Wy": dWy, "by": dby}, hs[-1]

    def step(self, x_id, h):
        """One character in: (scores of the next character (V,), new state (1, H))."""
        p = self.params
        x = np.zeros((1, self.vocab_size))
        x[0, x_id] = 1.0
        h, _ = rnn_step_forward(x, h, p["Wx"], p["Wh"], p["b"])
        return (h @ p["Wy"] + p["by"])[0], h

    def sample(self, prime, length, rng=None, temperature=1.0, h=None):
        """Feed the ids ``prime``, then draw ``length`` more ids (temperature 0: greedy)."""
        prime, h = self._ids("prime", prime), self._state(h)
        if isinstance(length, bool) or not isinstance(length, (int, np.integer)) or length < 0:
            raise ValueError(f"length must be a whole number >= 0, got {length!r}")
        for x_id in prime:
            scores, h = self.step(x_id, h)
        out = []
        for _ in range(length):
            out.append(sample_index(scores, rng, temperature))
            scores, h = self.step(out[-1], h)
        return np.array(out, dtype=int)


@dataclass
class CharHistory:
    """What ``train`` recorded: the loss of every iteration and (iteration, sample) pairs."""

    losses: list = field(default_factory=list)
    samples: list = field(default_factory=list)


def train(model, ids, iterations, seq_length=25, learning_rate=0.1, max_norm=5.0, rng=None,
          every=None, sample_length=100, temperature=0.5):
    """Adagrad on successive chunks of ``ids`` (the state carried from chunk to chunk, reset at
    the end of the text); a sample primed with ids[0] every ``every`` iterations and at the end."""
    if len(ids) < seq_length + 1:
        raise ValueError(f"the text has {len(ids)} characters: too short for sequences of "
                         f"{seq_length} (it needs at least {seq_length + 1})")
    history, configs = CharHistory(), {k: {"learning_rate": learning_rate} for k in PARAMS}
    pointer, h = 0, None
    for it in range(iterations + 1):
        if every and it % every == 0 or it == iterations:
            history.samples.append((it, model.sample(ids[:1], sample_length, rng, temperature)))
        if it == iterations:
            break
        if pointer + seq_length + 1 > len(ids):
            pointer, h = 0, None                          # back to the start, with a fresh state
        chunk = ids[pointer:pointer + seq_length + 1]
        loss, grads, h = model.loss(chunk[:-1], chunk[1:], h)
        grads, _ = clip_gradients(grads, max_norm)
        for k in PARAMS:
            model.params[k], configs[k] = adagrad(model.params[k], grads[k], configs[k])
        history.losses.append(loss)
        pointer += seq_length
    return history
