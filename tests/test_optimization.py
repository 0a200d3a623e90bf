"""The quadratic bowl, the settings and rates theory gives for it, and the flat parameters that
scipy's optimisers need."""
import math

import numpy as np
import pytest

from circuits import optim
from circuits.datasets import spirals
from circuits.models.dense import DenseNet
from circuits.optimization import (condition_number, descent_path, flat_descent, flat_objective,
                                   flatten_params, heavy_ball_step, iterations_to_reach,
                                   measured_rate, optimal_gd, optimal_momentum,
                                   predicted_iterations, quadratic, quadratic_gradient, rate_gd,
                                   rate_momentum, unflatten_params)

START, TOLERANCE = (-3.5, 1.0), 1e-6


def test_the_quadratic_is_0_1_x1_squared_plus_2_x2_squared_with_its_gradient():
    x = np.array([1.5, -0.5])
    assert quadratic(x) == pytest.approx(0.1 * 1.5 ** 2 + 2 * 0.5 ** 2)
    assert np.allclose(quadratic_gradient(x), [0.2 * 1.5, -4 * 0.5])
    grid = np.array([[[1.0, 0.0], [0.0, 1.0]]])            # a grid of points works too
    assert np.allclose(quadratic(grid), [[0.1, 2.0]])


def test_the_settings_follow_goh_for_curvatures_0_2_and_4():
    assert condition_number() == pytest.approx(20)
    assert optimal_gd() == pytest.approx(2 / 4.2)
    step, beta = optimal_momentum()
    assert step == pytest.approx((2 / (math.sqrt(0.2) + 2)) ** 2)
    assert beta == pytest.approx(((2 - math.sqrt(0.2)) / (2 + math.sqrt(0.2))) ** 2)
    assert rate_gd() == pytest.approx(19 / 21)
    assert rate_momentum() == pytest.approx((math.sqrt(20) - 1) / (math.sqrt(20) + 1))
    assert math.sqrt(beta) == pytest.approx(rate_momentum())   # the rate is sqrt(momentum)


def test_gradient_descent_at_its_best_step_shrinks_the_error_at_exactly_the_predicted_rate():
    path = descent_path(optim.sgd, {"learning_rate": optimal_gd()}, START, 100)
    assert measured_rate(path) == pytest.approx(rate_gd(), rel=1e-9)
    steps = iterations_to_reach(optim.sgd, {"learning_rate": optimal_gd()}, START, TOLERANCE, 500)
    assert steps == predicted_iterations(rate_gd(), np.linalg.norm(START), TOLERANCE)


def test_momentum_needs_far_fewer_steps_than_gradient_descent_and_about_the_predicted_number():
    step, beta = optimal_momentum()
    config = {"learning_rate": step, "momentum": beta}
    steps = iterations_to_reach(optim.sgd_momentum, config, START, TOLERANCE, 500)
    predicted = predicted_iterations(rate_momentum(), np.linalg.norm(START), TOLERANCE)
    gd = iterations_to_reach(optim.sgd, {"learning_rate": optimal_gd()}, START, TOLERANCE, 500)
    assert steps < gd / 2
    assert predicted <= steps <= 1.5 * predicted        # critical damping adds a factor (1 + c t)
    late = measured_rate(descent_path(optim.sgd_momentum, config, START, 200), first=100)
    assert late == pytest.approx(rate_momentum(), rel=0.02)


def test_pytorchs_momentum_is_the_heavy_ball_with_the_same_step_and_momentum():
    config = {"learning_rate": 0.3, "momentum": 0.7}
    path = descent_path(optim.sgd_momentum, config, START, 30)
    previous = x = np.array(START)
    for k in range(1, 31):
        x, previous = heavy_ball_step(x, previous, quadratic_gradient(x), 0.3, 0.7), x
        assert np.allclose(x, path[k], rtol=1e-12, atol=1e-12)


def test_a_diverging_rule_ends_its_path_early_and_never_reaches():
    path = descent_path(optim.sgd, {"learning_rate": 2.0}, START, 2000)
    assert len(path) < 2001 and np.all(np.isfinite(path))
    assert iterations_to_reach(optim.sgd, {"learning_rate": 2.0}, START, TOLERANCE, 2000) is None
    assert iterations_to_reach(optim.sgd, {"learning_rate": 0.01}, START, TOLERANCE, 50) is None


def test_bad_inputs_are_refused_with_the_numbers():
    with pytest.raises(ValueError, match="positive"):
        optimal_gd((0.0, 4.0))
    with pytest.raises(ValueError, match="2 entries"):
        quadratic([1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="rate 1.5"):
        predicted_iterations(1.5, 1.0, 1e-3)
    with pytest.raises(ValueError, match="tolerance"):
        iterations_to_reach(optim.sgd, None, START, 0.0, 10)


def test_flatten_and_unflatten_are_inverse_and_keep_names_and_shapes():
    params = {"W1": np.arange(6.0).reshape(2, 3), "b1": np.array([7.0, 8.0, 9.0])}
    theta = flatten_params(params)
    assert theta.tolist() == [0, 1, 2, 3, 4, 5, 7, 8, 9]
    back = unflatten_params(theta, params)
    assert list(back) == ["W1", "b1"] and all(np.array_equal(back[k], params[k]) for k in params)
    with pytest.raises(ValueError, match=r"\(9,\)"):
        unflatten_params(theta[:-1], params)


def test_the_flat_objective_returns_the_cost_and_a_gradient_that_matches_finite_differences():
    X, y = spirals(10, 3, 0.2, 0)
    net = DenseNet((2, 5, 3), np.random.default_rng(0))
    objective = flat_objective(net, X, y)
    theta = flatten_params(net.params)
    cost, grad = objective(theta)
    assert cost == pytest.approx(net.loss(X, y)[0])
    h, eye = 1e-6, np.eye(theta.size)
    numeric = [(objective(theta + h * e)[0] - objective(theta - h * e)[0]) / (2 * h) for e in eye]
    assert np.max(np.abs(grad - numeric)) < 1e-6


def test_flat_descent_on_the_quadratic_matches_sgd_and_records_the_cost_before_each_step():
    objective = lambda x: (float(quadratic(x)), quadratic_gradient(x))
    theta, costs = flat_descent(objective, START, 0.3, 12)
    path = descent_path(optim.sgd, {"learning_rate": 0.3}, START, 12)
    assert np.allclose(theta, path[-1]) and np.allclose(costs, quadratic(path[:-1]))
