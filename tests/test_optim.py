"""The update rules on f(w) = 0.5 * sum(a * w**2), whose trajectories we can write down another
way: closed forms for sgd and the momentum rules, sums over the gradient history for the rest."""
import math

import numpy as np
import pytest

from circuits import optim
from circuits.optim import adagrad, adam, nesterov, rmsprop, sgd, sgd_momentum

RULES = {"sgd": sgd, "sgd_momentum": sgd_momentum, "nesterov": nesterov, "adagrad": adagrad,
         "rmsprop": rmsprop, "adam": adam}
A = np.array([0.5, 1.0, 3.0])            # curvatures: the gradient of f is A * w
W0 = np.array([1.0, -2.0, 0.5])


def run(rule, config, steps=6):
    """Take ``steps`` steps of ``rule`` on f from W0, passing the config back each time."""
    w, path = W0, []
    for _ in range(steps):
        w, config = rule(w, A * w, config)
        path.append(w)
    return np.array(path), config


def linear_path(matrix_of, steps=6):
    """w_k from [w_k, v_k] = M^k [w_0, 0], one coordinate (curvature a) at a time."""
    path = np.zeros((steps, len(A)))
    for i, a in enumerate(A):
        M = matrix_of(a)
        for k in range(steps):
            path[k, i] = (np.linalg.matrix_power(M, k + 1) @ [W0[i], 0.0])[0]
    return path


def history_path(scale, steps=6):
    """w_{k+1} = w_k - step(k, grads so far), written with the whole gradient history."""
    path, w = [], W0.tolist()
    grads = [[] for _ in w]
    for k in range(steps):
        for i, a in enumerate(A):
            grads[i].append(a * w[i])
            w[i] -= scale(k, grads[i])
        path.append(list(w))
    return np.array(path)


def test_sgd_follows_the_closed_form():
    lr = 0.1
    path, _ = run(sgd, {"learning_rate": lr})
    expected = [(1 - lr * A) ** k * W0 for k in range(1, 7)]
    assert np.allclose(path, expected, rtol=1e-14, atol=0)


def test_momentum_and_nesterov_follow_their_linear_recurrences():
    lr, mu = 0.1, 0.8
    momentum = linear_path(lambda a: np.array([[1 - lr * a, -lr * mu], [a, mu]]))
    ahead = linear_path(lambda a: np.array([[1 - lr * a * (1 + mu), -lr * mu * mu], [a, mu]]))
    config = {"learning_rate": lr, "momentum": mu}
    assert np.allclose(run(sgd_momentum, dict(config))[0], momentum, rtol=1e-12, atol=1e-15)
    assert np.allclose(run(nesterov, dict(config))[0], ahead, rtol=1e-12, atol=1e-15)


def test_adagrad_rmsprop_and_adam_match_sums_over_the_gradient_history():
    lr, rho, b1, b2, eps = 0.1, 0.9, 0.8, 0.95, 1e-8

    def adagrad_step(k, g):
        return lr * g[-1] / (math.sqrt(sum(x * x for x in g)) + eps)

    def rmsprop_step(k, g):
        cache = sum((1 - rho) * rho ** (k - j) * x * x for j, x in enumerate(g))
        return lr * g[-1] / (math.sqrt(cache) + eps)

    def adam_step(k, g):
        m = sum((1 - b1) * b1 ** (k - j) * x for j, x in enumerate(g)) / (1 - b1 ** (k + 1))
        v = sum((1 - b2) * b2 ** (k - j) * x * x for j, x in enumerate(g)) / (1 - b2 ** (k + 1))
        return lr * m / (math.sqrt(v) + eps)

    for rule, config, step in [
            (adagrad, {"learning_rate": lr, "epsilon": eps}, adagrad_step),
            (rmsprop, {"learning_rate": lr, "decay_rate": rho, "epsilon": eps}, rmsprop_step),
            (adam, {"learning_rate": lr, "beta1": b1, "beta2": b2, "epsilon": eps}, adam_step)]:
        assert np.allclose(run(rule, config)[0], history_path(step), rtol=1e-12, atol=1e-15), rule


def test_adams_first_step_has_size_learning_rate_in_every_coordinate():
    w, _ = adam(W0, A * W0, {"learning_rate": 0.01})
    assert np.allclose(W0 - w, 0.01 * np.sign(W0), rtol=1e-6)


def test_rules_fill_in_their_documented_defaults_and_zero_state():
    expected = {"sgd": {"learning_rate": 1e-2},
                "sgd_momentum": {"learning_rate": 1e-2, "momentum": 0.9},
                "nesterov": {"learning_rate": 1e-2, "momentum": 0.9},
                "adagrad": {"learning_rate": 1e-2, "epsilon": 1e-8},
                "rmsprop": {"learning_rate": 1e-2, "decay_rate": 0.99, "epsilon": 1e-8},
                "adam": {"learning_rate": 1e-3, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8}}
    state = {"sgd": (), "sgd_momentum": ("velocity",), "nesterov": ("velocity",),
             "adagrad": ("cache",), "rmsprop": ("cache",), "adam": ("m", "v", "t")}
    for name, rule in RULES.items():
        _, config = rule(W0, np.zeros(3))           # a zero gradient leaves zero state
        assert set(config) == set(expected[name]) | set(state[name]), name
        assert {k: config[k] for k in expected[name]} == expected[name]
        for key in state[name]:
            assert np.array_equal(config[key], 1 if key == "t" else np.zeros(3)), (name, key)


def test_state_persists_in_the_config_between_calls():
    w1, config = sgd_momentum(W0, A * W0, {"learning_rate": 0.1})
    velocity = config["velocity"].copy()
    w2, config = sgd_momentum(w1, A * w1, config)
    restarted, _ = sgd_momentum(w1, A * w1, {"learning_rate": 0.1})
    assert np.allclose(config["velocity"], 0.9 * velocity + A * w1)
    assert not np.allclose(w2, restarted)                # the velocity carried over
    _, config = run(adam, None, steps=4)
    assert config["t"] == 4


@pytest.mark.parametrize("name", RULES)
def test_rules_leave_w_and_dw_alone(name):
    w, dw = W0.copy(), A * W0
    next_w, config = RULES[name](w, dw)
    next_w, config = RULES[name](next_w, dw, config)
    assert np.array_equal(w, W0) and np.array_equal(dw, A * W0)
    assert not np.shares_memory(next_w, w)


@pytest.mark.parametrize("name", RULES)
def test_rules_accept_lists_and_scalars(name):
    next_w, _ = RULES[name]([1.0, 2.0], [0.5, -0.5])
    assert next_w.shape == (2,) and next_w[0] < 1.0 < 2.0 < next_w[1]
    scalar, _ = RULES[name](1.0, 0.5)
    assert scalar < 1.0


def test_a_misspelt_key_is_an_error_that_suggests_the_right_one():
    with pytest.raises(ValueError, match=r"'learning_rte' \(did you mean 'learning_rate'\?\)"):
        sgd(W0, W0, {"learning_rte": 0.1})
    with pytest.raises(ValueError, match=r"'beta_1' \(did you mean 'beta1'\?\); adam knows"):
        adam(W0, W0, {"beta_1": 0.9})
    with pytest.raises(ValueError, match=r"key 'zzz'; rmsprop knows .*; all known keys"):
        rmsprop(W0, W0, {"zzz": 1})


def test_a_key_meant_for_another_rule_is_an_error_not_ignored():
    with pytest.raises(ValueError, match=r"sgd does not use config key 'momentum' "
                                         r"\(that is for sgd_momentum, nesterov\)"):
        sgd(W0, W0, {"learning_rate": 0.1, "momentum": 0.9})
    with pytest.raises(ValueError, match="adam does not use config key 'decay_rate'"):
        adam(W0, W0, {"decay_rate": 0.9})


@pytest.mark.parametrize("name", RULES)
def test_the_learning_rate_must_be_a_positive_finite_number(name):
    for bad in (0, -0.1, float("nan"), float("inf")):
        with pytest.raises(ValueError, match=rf"'learning_rate'\] must be .* > 0, got {bad}"):
            RULES[name](W0, W0, {"learning_rate": bad})
    with pytest.raises(TypeError, match="must be a number, got str"):
        RULES[name](W0, W0, {"learning_rate": "0.1"})


def test_other_settings_must_be_in_range():
    cases = [(sgd_momentum, "momentum", 1.0), (nesterov, "momentum", -0.5),
             (rmsprop, "decay_rate", 1.0), (adam, "beta1", 1.0), (adam, "beta2", -0.1),
             (adagrad, "epsilon", 0.0)]
    for rule, key, bad in cases:
        with pytest.raises(ValueError, match=rf"config\['{key}'\] must be a finite .*got {bad}"):
            rule(W0, W0, {key: bad})
    with pytest.raises(ValueError, match=r"config\['t'\] .* got -1"):
        adam(W0, W0, {"t": -1})


@pytest.mark.parametrize("name", RULES)
def test_shapes_that_do_not_fit_are_named(name):
    with pytest.raises(ValueError, match=r"dw has shape \(2,\) but w has shape \(3,\)"):
        RULES[name](W0, np.ones(2))
    with pytest.raises(TypeError, match="config must be a dict or None, got list"):
        RULES[name](W0, W0, [0.1])


def test_state_made_for_another_parameter_is_caught():
    _, config = sgd_momentum(np.zeros((2, 2)), np.ones((2, 2)))
    with pytest.raises(ValueError, match=r"config\['velocity'\] has shape \(2, 2\) but w has "
                                         r"shape \(3,\): was this config made for another"):
        sgd_momentum(W0, W0, config)


def test_every_rule_is_listed_in_the_module():
    assert set(optim.DEFAULTS) == set(RULES) == set(optim.STATE)


TORCH = {"sgd": ("SGD", {}), "sgd_momentum": ("SGD", {"momentum": 0.8}),
         "nesterov": ("SGD", {"momentum": 0.8, "nesterov": True}),
         "adagrad": ("Adagrad", {"eps": 1e-8}), "rmsprop": ("RMSprop", {"alpha": 0.9, "eps": 1e-8}),
         "adam": ("Adam", {"betas": (0.8, 0.95), "eps": 1e-8})}
OURS = {"sgd": {}, "sgd_momentum": {"momentum": 0.8}, "nesterov": {"momentum": 0.8},
        "adagrad": {"epsilon": 1e-8}, "rmsprop": {"decay_rate": 0.9, "epsilon": 1e-8},
        "adam": {"beta1": 0.8, "beta2": 0.95, "epsilon": 1e-8}}


@pytest.mark.parametrize("name", RULES)
def test_trajectories_match_torch_optim(name):
    torch = pytest.importorskip("torch")
    kind, options = TORCH[name]
    p = torch.tensor(W0, requires_grad=True)
    optimizer = getattr(torch.optim, kind)([p], lr=0.1, **options)
    theirs = []
    for _ in range(6):
        p.grad = torch.tensor(A) * p.detach()
        optimizer.step()
        theirs.append(p.detach().numpy().copy())
    ours, _ = run(RULES[name], {"learning_rate": 0.1, **OURS[name]})
    assert np.allclose(ours, theirs, rtol=1e-12, atol=1e-15)
