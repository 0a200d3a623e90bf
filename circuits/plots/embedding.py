"""Pictures of 2-D embeddings: points coloured by label, and the KL cost as t-SNE descends."""
import numpy as np

from .axes import new_axes, title_text


def plot_embedding(Y, labels, ax=None, title=None, axis_names=("dimension 1", "dimension 2"),
                   legend=True):
    """Points Y (N, 2) coloured by their integer labels (tab10), with a legend of the labels;
    returns the scatter."""
    ax = new_axes(ax, figsize=(5, 4.5))
    Y, labels = np.asarray(Y, dtype=float), np.asarray(labels)
    if Y.ndim != 2 or Y.shape[1] != 2:
        raise ValueError(f"Y must have shape (N, 2), got {Y.shape}")
    if labels.shape != (len(Y),):
        raise ValueError(f"labels must have one entry per point, shape ({len(Y)},); got "
                         f"{labels.shape}")
    classes = np.unique(labels)
    points = ax.scatter(Y[:, 0], Y[:, 1], c=labels, cmap="tab10", vmin=-0.5, vmax=9.5, s=9)
    if legend:
        handles = [ax.scatter([], [], color=points.cmap(points.norm(k)), s=12) for k in classes]
        ax.legend(handles, [str(k) for k in classes], fontsize="small", loc="center left",
                  bbox_to_anchor=(1.0, 0.5), handletextpad=0.1, title="label")
    ax.set(xlabel=axis_names[0], ylabel=axis_names[1], xticks=[], yticks=[])
    if title:
        title_text(ax, title)
    return points


def plot_kl(kls, early=0, ax=None, title="t-SNE's cost during the descent"):
    """KL(P || Q) after each iteration, the first ``early`` (exaggerated) ones shaded."""
    ax = new_axes(ax, figsize=(6, 3))
    kls = np.asarray(kls, dtype=float)
    if early:
        ax.axvspan(0, early, color="0.9", label=f"early exaggeration ({early} iterations)")
    ax.plot(np.arange(1, len(kls) + 1), kls, color="tab:blue", label="KL(P || Q)")
    ax.set(xlabel="iteration", ylabel="KL divergence (nats)", xlim=(0, len(kls)),
           ylim=(0, 1.05 * kls.max()), title=title)
    ax.legend(fontsize="small")
    return ax
