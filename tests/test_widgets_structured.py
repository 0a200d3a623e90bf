"""The stickiness explorer: its readout reports the Viterbi decoding of the sequence it shows,
and the stickiness knob moves that decoding from position-by-position to a single label."""
import numpy as np
import pytest

pytest.importorskip("ipywidgets")
from circuits.structured import best_sequence  # noqa: E402
from circuits.widgets.structured import noisy_unaries, stickiness_explorer  # noqa: E402


def test_noisy_unaries_favour_a_sticky_truth_and_share_their_noise():
    truth, quiet = noisy_unaries(length=30, noise=0.0, seed=3)
    assert np.array_equal(quiet, np.eye(3)[truth])                  # no noise: one-hot truth
    assert np.array_equal(noisy_unaries(length=30, noise=0.5, seed=3)[0], truth)
    loud = noisy_unaries(length=30, noise=1.0, seed=3)[1]
    half = noisy_unaries(length=30, noise=0.5, seed=3)[1]
    assert np.allclose(loud - quiet, 2 * (half - quiet))            # the same gaussian numbers
    assert np.mean(truth[1:] == truth[:-1]) > 0.5


@pytest.mark.parametrize("stickiness", [0.0, 1.5, 3.0])
def test_the_readout_counts_what_viterbi_decodes(stickiness):
    explorer = stickiness_explorer(stickiness=stickiness)
    truth, unary = noisy_unaries(noise=0.8)
    path = best_sequence(unary, stickiness * np.eye(3))[0]
    right, changes = int(np.sum(path == truth)), int(np.sum(path[1:] != path[:-1]))
    assert f"decoded right at {right} of 14 positions" in explorer.readout.value
    assert f"label changes: decoded {changes}," in explorer.readout.value


def test_no_stickiness_decodes_each_position_alone_and_a_lot_gives_one_label():
    explorer = stickiness_explorer()
    truth, unary = noisy_unaries(noise=0.8)
    alone = int(np.sum(unary.argmax(axis=1) == truth))
    assert f"right at {alone} of 14 positions (each position alone: {alone})" \
        in explorer.readout.value
    explorer.set(stickiness=3.0)
    assert "label changes: decoded 0," in explorer.readout.value


def test_both_sliders_move_the_scores_and_the_path_in_place():
    explorer = stickiness_explorer()
    explorer.set(stickiness=1.5, noise=1.2)
    assert explorer.drawn_in_place
    truth, unary = noisy_unaries(noise=1.2)
    ax = explorer.figure.axes[0]
    assert np.allclose(ax.images[0].get_array(), unary.T)
    assert ax.lines[-1].get_ydata().tolist() == best_sequence(unary, 1.5 * np.eye(3))[0].tolist()
    low, high = ax.images[0].get_clim()                 # one colour scale for every noise
    for noise in (0.2, 1.6):
        scores = noisy_unaries(noise=noise)[1]
        assert low <= scores.min() and scores.max() <= high
