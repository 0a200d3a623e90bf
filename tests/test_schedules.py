"""Learning-rate schedules: their formulas at chosen iterations, arrays of iterations, the
shrink each promises, and clear errors."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from circuits.schedules import constant, exponential, inverse_time, step_decay


def test_step_decay_drops_by_the_factor_after_every_block():
    s = step_decay(0.8, 0.5, 10)
    assert [s(t) for t in (0, 9, 10, 19, 20, 35)] == [0.8, 0.8, 0.4, 0.4, 0.2, 0.1]


def test_exponential_and_inverse_time_follow_their_formulas():
    assert exponential(2.0, 0.1)(5) == pytest.approx(2.0 * np.exp(-0.5), rel=1e-15)
    assert exponential(2.0, np.log(2))(3) == pytest.approx(0.25, rel=1e-12)   # halved each step
    assert inverse_time(1.0, 0.5)(2) == 0.5 and inverse_time(1.0, 0.5)(18) == 0.1
    assert constant(0.3)(0) == constant(0.3)(1000) == 0.3


@settings(max_examples=40, deadline=None)
@given(rate=st.floats(1e-4, 10), k=st.floats(1e-4, 1), t=st.integers(0, 10_000))
def test_every_schedule_starts_at_the_rate_and_never_grows(rate, k, t):
    for s in (constant(rate), step_decay(rate, 0.5, 7), exponential(rate, k),
              inverse_time(rate, k)):
        assert s(0) == rate
        assert 0 <= s(t + 1) <= s(t) <= rate


def test_an_array_of_iterations_gives_the_rate_of_each():
    t = np.arange(50)
    for s in (constant(0.1), step_decay(0.1, 0.3, 4), exponential(0.1, 0.05),
              inverse_time(0.1, 0.2)):
        rates = s(t)
        assert rates.shape == (50,) and np.allclose(rates, [s(int(i)) for i in t], rtol=1e-14)


def test_bad_settings_and_iterations_are_named():
    with pytest.raises(ValueError, match="rate must be a number > 0, got 0"):
        constant(0)
    with pytest.raises(ValueError, match=r"drop must be a number in \(0, 1\), got 1.5"):
        step_decay(0.1, 1.5, 10)
    with pytest.raises(ValueError, match="every must be a whole number >= 1, got 2.5"):
        step_decay(0.1, 0.5, 2.5)
    with pytest.raises(ValueError, match="k must be a number > 0"):
        exponential(0.1, -1)
    with pytest.raises(ValueError, match="the iteration must be a number >= 0"):
        inverse_time(0.1, 0.1)(-3)
