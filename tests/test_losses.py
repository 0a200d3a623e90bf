"""The +1/-1 losses and their pulls (minus their slopes), on floats and arrays."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from circuits.gradcheck import numerical_gradient
from circuits.losses import (hinge_loss, hinge_pull, loss_value, pull, squared_hinge_loss,
                             squared_hinge_pull)


@pytest.mark.parametrize("score, label, hinge, squared, pull_, squared_pull", [
    (0.56, 1, 0.44, 0.44 ** 2, 1, 0.88),
    (0.37, -1, 1.37, 1.37 ** 2, -1, -2.74),
    (1.1, 1, 0, 0, 0, 0),
    (-3.0, -1, 0, 0, 0, 0),
    (100.0, -1, 101, 101 ** 2, -1, -202),
])
def test_losses_and_pulls_by_hand(score, label, hinge, squared, pull_, squared_pull):
    assert hinge_loss(score, label) == pytest.approx(hinge)
    assert squared_hinge_loss(score, label) == pytest.approx(squared)
    assert hinge_pull(score, label) == pull_ and pull(score, label) == pull_
    assert squared_hinge_pull(score, label) == pytest.approx(squared_pull)
    assert pull(score, label, "squared hinge") == pytest.approx(squared_pull)
    assert loss_value(score, label, "squared hinge") == pytest.approx(squared)
    arrays = pull(np.array([score, score]), np.array([label, label]), "squared hinge")
    assert arrays == pytest.approx([squared_pull] * 2)


@settings(max_examples=50, deadline=None)
@given(score=st.floats(-5, 5).filter(lambda s: abs(abs(s) - 1) > 1e-3),
       label=st.sampled_from([1, -1]), loss=st.sampled_from(["hinge", "squared hinge"]))
def test_pull_is_minus_the_slope_of_the_loss(score, label, loss):
    f = {"hinge": hinge_loss, "squared hinge": squared_hinge_loss}[loss]
    slope, = numerical_gradient(lambda s: float(f(s, label)), [score], h=1e-6)
    assert pull(score, label, loss) == pytest.approx(-slope, abs=1e-5)


def test_unknown_loss_is_named():
    with pytest.raises(ValueError, match="loss must be one of"):
        pull(0.0, 1, "cubic")
