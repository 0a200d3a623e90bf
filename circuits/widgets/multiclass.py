"""Explorer for chapter 3's multiclass classifier: a linear classifier and a 2-layer ReLU net,
trained with softmax or the multiclass SVM on three spirals; scrub through the training."""
from functools import lru_cache

import ipywidgets as W
import numpy as np

from ..datasets import spirals
from ..layers import softmax_loss, svm_loss
from ..models.dense import DenseNet
from ..optim import sgd
from ..plots.classifier import grid, limits
from ..plots.curves import plot_curves
from ..plots.regions import plot_regions
from ..train import fit
from .explorer import Explorer, InPlace

MODELS = {"linear": (2, 3), "2-layer net, 100 hidden": (2, 100, 3)}
LOSS_FUNCTIONS = {"softmax": softmax_loss, "svm": svm_loss}


@lru_cache(maxsize=8)
def training_runs(noise=0.2, seed=0, iterations=1000, every=25, learning_rate=1.0,
                  regularization=1e-3):
    """The spirals (X, y) and a History for every (model, loss) pair, trained full-batch by SGD
    from weights of scale 0.01 drawn with ``seed``."""
    X, y = spirals(100, 3, noise, seed)
    runs = {}
    for model, sizes in MODELS.items():
        for loss in LOSS_FUNCTIONS:
            net = DenseNet(sizes, np.random.default_rng(seed), loss=loss,
                           regularization=regularization, weight_scale=0.01)
            history = fit(net, X, y, sgd, {"learning_rate": learning_rate}, iterations,
                          every=every)
            runs[model, loss] = net, history
    return X, y, runs


def pulling_share(net, X, y):
    """Share of the points whose loss still has a gradient (a row of dscores not all zero)."""
    _, dscores = LOSS_FUNCTIONS[net.loss_name](net.scores(X), y)
    return float(np.mean(np.any(dscores != 0, axis=1)))


def _view(net, params, points, X, y):
    """What a redraw shows of one snapshot: the labels on the grid, the share still pulling."""
    trained = net.params
    net.params = params
    try:
        return net.predict(points), pulling_share(net, X, y)
    finally:
        net.params = trained


def multiclass_explorer(model="2-layer net, 100 hidden", loss="softmax", iteration=1000,
                        noise=0.2, seed=0, iterations=1000, every=50):
    """Scrub through the training of a linear classifier or a 2-layer net with softmax or the
    multiclass SVM: the decision regions, the cost and accuracy, and how many points still pull."""
    X, y, runs = training_runs(noise, seed, iterations, every)
    extent, n = limits(X, pad=0.2), 50
    points = grid(extent, n)[2]
    views = {key: [_view(net, params, points, X, y) for params in history.parameters]
             for key, (net, history) in runs.items()}   # computed once: redraws only draw

    def draw(fig, model, loss, iteration):
        left, right = fig.subplots(1, 2, gridspec_kw=dict(left=0.07, right=0.8, wspace=0.25))
        plot_regions(lambda P: views[model, loss][0][0], X, y, left, extent=extent, n=n,
                     legend=False)
        history = runs[model, loss][1]
        curves = plot_curves(history.cost, history.accuracy, right,
                             iterations=history.iterations, now=iteration)
        right.set_title(f"{model}: cost and accuracy", fontsize="medium", y=1)
        # the legend beside the axes, clear of the moving line: drawn once, not at every step
        right.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1))
        moving = [*left.images, *left.lines, left.title, curves.now]

        def update(iteration, **unchanged):     # only the iteration moved: draw in place
            k = history.index(iteration)
            labels, share = views[model, loss][k]
            left.images[0].set_data(labels.reshape(n, n))
            left.set_title(f"{loss}, iteration {history.iterations[k]}", fontsize="medium",
                           y=1)
            curves.move(iteration)
            return (f"iteration {history.iterations[k]}: training accuracy "
                    f"{history.accuracy[k]:.0%}, cost {history.cost[k]:.3f}; "
                    f"{share:.0%} of the points still pull on the weights"), moving

        return InPlace(update(iteration)[0], update)

    controls = {
        "model": W.Dropdown(options=list(MODELS), value=model, description="model"),
        "loss": W.ToggleButtons(options=list(LOSS_FUNCTIONS), value=loss, description="loss"),
        "iteration": W.IntSlider(value=iteration, min=0, max=iterations, step=every,
                                 description="iteration"),
    }
    return Explorer(draw, controls, figsize=(10, 4), dpi=100)
