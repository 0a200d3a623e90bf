"""Update rules with one signature, ``update(w, dw, config=None) -> (next_w, config)``.

Each rule fills its defaults into ``config`` (a dict it creates when given None) and keeps
its state there too, so passing the returned config back in continues where it left off.
The formulas are PyTorch's (``torch.optim``), with our names for the settings:

    rule          settings (default)                                      state
    sgd           learning_rate (1e-2)                                     -
    sgd_momentum  learning_rate (1e-2), momentum (0.9)                     velocity
    nesterov      learning_rate (1e-2), momentum (0.9)                     velocity
    adagrad       learning_rate (1e-2), epsilon (1e-8)                     cache
    rmsprop       learning_rate (1e-2), decay_rate (0.99), epsilon (1e-8)  cache
    adam          learning_rate (1e-3), beta1 (0.9), beta2 (0.999),        m, v, t
                  epsilon (1e-8)

``w`` is never changed in place. A key the rule does not use is an error, not ignored.
"""
import difflib
import math

import numpy as np

from .layers.checks import as_array, as_scalar

DEFAULTS = {
    "sgd": {"learning_rate": 1e-2},
    "sgd_momentum": {"learning_rate": 1e-2, "momentum": 0.9},
    "nesterov": {"learning_rate": 1e-2, "momentum": 0.9},
    "adagrad": {"learning_rate": 1e-2, "epsilon": 1e-8},
    "rmsprop": {"learning_rate": 1e-2, "decay_rate": 0.99, "epsilon": 1e-8},
    "adam": {"learning_rate": 1e-3, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8},
}
STATE = {"sgd": (), "sgd_momentum": ("velocity",), "nesterov": ("velocity",),
         "adagrad": ("cache",), "rmsprop": ("cache",), "adam": ("m", "v", "t")}
RANGES = {                      # (low, high, low end open, high end open)
    "learning_rate": (0.0, math.inf, True, False),
    "momentum": (0.0, 1.0, False, True),
    "decay_rate": (0.0, 1.0, False, True),
    "beta1": (0.0, 1.0, False, True),
    "beta2": (0.0, 1.0, False, True),
    "epsilon": (0.0, math.inf, True, False),
}
SETTINGS = {rule: [(key, default, *RANGES[key][:2]) for key, default in DEFAULTS[rule].items()]
            for rule in DEFAULTS}
LABELS = {key: f"config[{key!r}]" for key in RANGES}    # names for the error messages
KEYS = {rule: set(DEFAULTS[rule]) | set(STATE[rule]) for rule in DEFAULTS}
ALL_KEYS = sorted(set().union(*KEYS.values()))


def _key_error(rule, key):
    users = [r for r in KEYS if key in KEYS[r]]
    if users:
        return ValueError(f"{rule} does not use config key {key!r} (that is for "
                          f"{', '.join(users)}); {rule} knows {sorted(KEYS[rule])}")
    close = difflib.get_close_matches(str(key), ALL_KEYS, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return ValueError(f"unknown config key {key!r}{hint}; {rule} knows {sorted(KEYS[rule])}; "
                      f"all known keys: {ALL_KEYS}")


def _setup(rule, w, dw, config):
    """Check w, dw and config; fill in the rule's defaults and zero state; return them."""
    if config is None:
        config = {}
    elif not isinstance(config, dict):
        raise TypeError(f"config must be a dict or None, got {type(config).__name__}")
    w, dw = as_array("w", w), as_array("dw", dw)
    if dw.shape != w.shape:
        raise ValueError(f"dw has shape {dw.shape} but w has shape {w.shape}; they must match")
    if not KEYS[rule].issuperset(config):
        raise _key_error(rule, min(config.keys() - KEYS[rule], key=str))
    for key, default, low, high in SETTINGS[rule]:
        value = config.get(key, default)
        if type(value) is not float or not low < value < high:   # a quick yes for most values
            value = as_scalar(LABELS[key], value, *RANGES[key])
        config[key] = value
    for key in STATE[rule]:
        if key == "t":
            t = config.setdefault("t", 0)
            if isinstance(t, bool) or not isinstance(t, (int, np.integer)) or t < 0:
                raise ValueError(f"config['t'] counts the steps taken: a whole number >= 0, "
                                 f"got {t!r}")
        elif key not in config:
            config[key] = np.zeros_like(w)
        elif np.shape(config[key]) != w.shape:
            raise ValueError(f"config[{key!r}] has shape {np.shape(config[key])} but w has shape "
                             f"{w.shape}: was this config made for another parameter?")
    return w, dw, config


def sgd(w, dw, config=None):
    """Plain gradient descent: w - learning_rate * dw."""
    w, dw, config = _setup("sgd", w, dw, config)
    return w - config["learning_rate"] * dw, config


def sgd_momentum(w, dw, config=None):
    """Momentum (PyTorch's SGD): velocity = momentum * velocity + dw; w - lr * velocity."""
    w, dw, config = _setup("sgd_momentum", w, dw, config)
    v = config["momentum"] * config["velocity"] + dw
    config["velocity"] = v
    return w - config["learning_rate"] * v, config


def nesterov(w, dw, config=None):
    """Nesterov (as in PyTorch): velocity as above, then w - lr * (dw + momentum * velocity)."""
    w, dw, config = _setup("nesterov", w, dw, config)
    mu = config["momentum"]
    v = mu * config["velocity"] + dw
    config["velocity"] = v
    return w - config["learning_rate"] * (dw + mu * v), config


def adagrad(w, dw, config=None):
    """Adagrad: cache += dw^2; each weight's step shrinks with its own gradient history."""
    w, dw, config = _setup("adagrad", w, dw, config)
    cache = config["cache"] + dw * dw
    config["cache"] = cache
    return w - config["learning_rate"] * dw / (np.sqrt(cache) + config["epsilon"]), config


def rmsprop(w, dw, config=None):
    """RMSprop: cache = decay_rate * cache + (1 - decay_rate) * dw^2, a leaky Adagrad."""
    w, dw, config = _setup("rmsprop", w, dw, config)
    rho = config["decay_rate"]
    cache = rho * config["cache"] + (1.0 - rho) * (dw * dw)
    config["cache"] = cache
    return w - config["learning_rate"] * dw / (np.sqrt(cache) + config["epsilon"]), config


def adam(w, dw, config=None):
    """Adam: momentum (m) over RMSprop's scale (v), both bias-corrected for the first steps."""
    w, dw, config = _setup("adam", w, dw, config)
    b1, b2 = config["beta1"], config["beta2"]
    t = config["t"] + 1
    m = b1 * config["m"] + (1.0 - b1) * dw
    v = b2 * config["v"] + (1.0 - b2) * (dw * dw)
    config.update(m=m, v=v, t=t)
    m_hat, v_hat = m / (1.0 - b1 ** t), v / (1.0 - b2 ** t)   # undo the pull towards the zero start
    return w - config["learning_rate"] * m_hat / (np.sqrt(v_hat) + config["epsilon"]), config
