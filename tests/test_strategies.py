"""Chapter 1's strategies and pictures: random search, finite differences, the wiggly step."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from circuits import numerical_gradient
from circuits.strategies import (best_random_step, difference_errors, random_directions_vs_gradient,
                                 random_local_search, step_along_slope, wiggly, wiggly_slope)
from circuits.plots.single_gate import (h_errors, multiply, plot_h_error, plot_landscape,
                                     plot_random_directions, plot_random_search, plot_wiggly_step)


def test_random_search_matches_a_plain_loop_with_the_same_seed():
    best = (-np.inf, None, None)
    rng = np.random.default_rng(5)
    for _ in range(50):
        x_try, y_try = -2 + 0.01 * rng.uniform(-1, 1), 3 + 0.01 * rng.uniform(-1, 1)
        if x_try * y_try > best[0]:
            best = (x_try * y_try, x_try, y_try)
    best_x, best_y, best_out, tried = random_local_search(multiply, -2.0, 3.0, 0.01, 50,
                                                          np.random.default_rng(5))
    assert (best_out, best_x, best_y) == best and tried.shape == (50, 3)


@settings(max_examples=30, deadline=None)
@given(st.floats(1e-4, 1.0), st.integers(1, 300), st.integers(0, 2**32 - 1))
def test_random_search_stays_in_the_box_and_keeps_the_best(tweak, tries, seed):
    best_x, best_y, best_out, tried = random_local_search(multiply, -2.0, 3.0, tweak, tries,
                                                          np.random.default_rng(seed))
    assert np.all(np.abs(tried[:, 0] + 2.0) <= tweak) and np.all(np.abs(tried[:, 1] - 3.0) <= tweak)
    assert best_out == tried[:, 2].max() == best_x * best_y


def test_random_search_needs_a_try():
    with pytest.raises(ValueError, match="tries must be at least 1"):
        random_local_search(multiply, 0.0, 0.0, 0.1, 0, np.random.default_rng(0))


@settings(max_examples=50, deadline=None)
@given(st.floats(-3, 3))
def test_wiggly_slope_is_the_derivative_of_wiggly(x):
    assert wiggly_slope(x) == pytest.approx(numerical_gradient(wiggly, [x])[0], abs=1e-7)


def test_a_bigger_step_on_the_wiggly_function_can_be_worse():
    small, medium, big = (step_along_slope(0.0, s)[1] for s in (0.1, 0.2, 0.4))
    assert wiggly(0.0) < small < medium and big < wiggly(0.0)


def test_forward_difference_error_is_first_order_and_centred_second_order():
    hs = np.array([1e-2, 1e-3])
    forward, centred = difference_errors(wiggly, wiggly_slope(0.5), 0.5, hs)
    assert forward[0] / forward[1] == pytest.approx(10, rel=0.05)
    assert centred[0] / centred[1] == pytest.approx(100, rel=0.05)


def test_for_x_times_y_only_round_off_remains():
    errors = h_errors(np.array([1e-1, 1e-12]))["x*y, forward"]
    assert errors[0] < 1e-12 < errors[1]


def test_plots_return_what_they_show():
    fig = Figure()
    assert plot_landscape(-2.0, 3.0, 1.0, fig.add_subplot()) == (1.0, 1.0, 1.0)
    x, y, out = plot_landscape(-2.0, 3.0, 0.01, Figure().add_subplot())
    assert out == pytest.approx(-5.8706)
    best = plot_random_search(-2.0, 3.0, 0.01, 100, 0, Figure().add_subplot())
    assert -6 < best[2] <= -1.99 * 2.99
    errors = plot_h_error(1e-4, Figure().add_subplot())
    assert errors["x*y, forward"] == pytest.approx(abs((((-2 + 1e-4) * 3 + 6) / 1e-4) - 3))
    assert plot_wiggly_step(0.4, Figure().subplots(1, 2)) == pytest.approx(step_along_slope(0.0, 0.4))


def test_random_directions_match_explicit_vectors_in_distribution():
    dims = np.array([3, 50])
    best, uphill = random_directions_vs_gradient(dims, 4000, np.random.default_rng(1))
    z = np.random.default_rng(2).standard_normal((4000, 50))
    cos50 = z[:, 0] / np.linalg.norm(z, axis=1)
    assert abs(uphill[1] - (cos50 > 0).mean()) < 0.05 and abs(uphill[0] - 0.5) < 0.05
    assert best[0] > 0.99 and abs(best[1] - cos50.max()) < 0.15


def test_best_cosine_falls_with_dimension_while_half_point_uphill():
    dims = np.array([2, 100, 10_000, 1_000_000])
    best, uphill = random_directions_vs_gradient(dims, 100, np.random.default_rng(0))
    assert np.all(np.diff(best) < 0) and best[-1] < 0.01
    assert np.all((uphill > 0.3) & (uphill < 0.7))


def test_random_directions_reject_bad_dimensions():
    with pytest.raises(ValueError, match="dimensions"):
        random_directions_vs_gradient([1, 10], 5, np.random.default_rng(0))


def test_best_random_step_has_the_asked_length_and_never_beats_the_gradient():
    f = lambda p: p[0] * p[1]                                  # noqa: E731
    start, gradient = np.array([-2.0, 3.0]), np.array([3.0, -2.0])
    length = 0.01 * np.linalg.norm(gradient)
    where, out = best_random_step(f, start, length, 100, np.random.default_rng(0))
    assert np.linalg.norm(where - start) == pytest.approx(length, rel=1e-12)
    assert f(where) == out and -6 < out < f(start + 0.01 * gradient)


def test_plot_random_directions_draws_both_curves():
    ax = plot_random_directions([2, 20], [0.9, 0.5], [0.5, 0.5], ax=Figure().subplots())
    assert len(ax.lines) == 2 and ax.get_xscale() == "log"
