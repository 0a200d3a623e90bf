import numpy as np
import pytest

from circuits import checklist
from circuits.datasets import spirals
from circuits.models.broken import BUGS, BrokenNet
from circuits.models.dense import DenseNet

X, y = spirals(50, 3, noise=0.2, seed=0)
TINY = np.arange(2, 150, 15)
FLAGS = {                                       # the checks each bug must fail
    "relu_mask": {"gradient", "overfit"},
    "sign": {"gradient", "overfit"},
    "init_scale": {"initial loss"},
    "learning_rate": {"overfit", "update ratio"},
}


def net(bugs=()):
    return BrokenNet((2, 64, 3), np.random.default_rng(0), bugs)


@pytest.fixture(scope="module")
def findings():
    found = {}
    for case in ("none", *BUGS):
        model = net(() if case == "none" else case)
        found[case] = checklist.run_checklist(model, X, y, model.learning_rate, TINY)
    return found


def test_the_healthy_net_passes_every_check(findings):
    assert all(f.ok for f in findings["none"].values()), [str(f) for f in findings["none"].values()]


@pytest.mark.parametrize("bug", list(BUGS))
def test_each_bug_fails_exactly_its_checks(findings, bug):
    failed = {name for name, f in findings[bug].items() if not f.ok}
    assert failed == FLAGS[bug]


def test_gradient_check_names_the_broken_layer(findings):
    errors = findings["relu_mask"]["gradient"].detail
    assert errors["W1"] > 0.1 and errors["b1"] > 0.1
    assert errors["W2"] < 1e-6 and errors["b2"] < 1e-6
    assert findings["sign"]["gradient"].value == pytest.approx(2.0)


def test_numerical_gradients_match_a_known_function():
    class Square:
        params = {"w": np.array([1.0, -2.0, 3.0])}

        def loss(self, X, y):
            return float(np.sum(self.params["w"] ** 3)), {"w": 3 * self.params["w"] ** 2}

    model = Square()
    grads = checklist.numerical_gradients(model, None, None)
    np.testing.assert_allclose(grads["w"], [3.0, 12.0, 27.0], rtol=1e-8)
    np.testing.assert_array_equal(model.params["w"], [1.0, -2.0, 3.0])     # restored
    assert max(checklist.gradient_errors(model, None, None).values()) < 1e-8


def test_initial_loss_is_near_ln_c_for_a_small_last_layer():
    dense = DenseNet((2, 16, 4), np.random.default_rng(0))
    dense.params["W2"] *= 1e-3
    finding = checklist.check_initial_loss(dense, X, y % 4)
    assert finding.ok and finding.value == pytest.approx(np.log(4), abs=1e-3)


def test_checks_leave_the_model_unchanged(findings):
    model = net()
    before = {k: v.copy() for k, v in model.params.items()}
    checklist.run_checklist(model, X, y, 0.1, TINY)
    for k in before:
        np.testing.assert_array_equal(model.params[k], before[k])


def test_update_ratios_grow_in_proportion_to_the_rate():
    model = net()
    small, big = (checklist.update_ratios(model, X, y, rate) for rate in (0.01, 1.0))
    assert set(small) == {"W1", "W2"}
    for name in small:
        assert big[name] == pytest.approx(100 * small[name])


def test_rate_for_ratio_hits_the_target():
    model = net("learning_rate")
    ratio = checklist.update_ratios(model, X, y, model.learning_rate)["W1"]
    rate = checklist.rate_for_ratio(model.learning_rate, ratio)
    assert checklist.update_ratios(model, X, y, rate)["W1"] == pytest.approx(1e-3)
    with pytest.raises(ValueError, match="positive"):
        checklist.rate_for_ratio(0.1, 0.0)


def test_a_blown_up_run_fails_the_overfit_check():
    model = net(["sign", "learning_rate"])               # uphill, fast: the cost overflows
    assert checklist.overfit(model, X[TINY], y[TINY], model.learning_rate) is None
    finding = checklist.check_overfit(model, X[TINY], y[TINY], model.learning_rate)
    assert not finding.ok and np.isnan(finding.value) and "blew up" in finding.line


def test_findings_print_one_line(findings):
    line = str(findings["sign"]["gradient"])
    assert "FAIL" in line and "\n" not in line
    assert "ok" in str(findings["none"]["initial loss"])
