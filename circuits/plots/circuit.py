"""Circuit diagrams drawn with matplotlib (no graphviz): gates as boxes, one wire per Unit,
its forward value in black above the wire and, after backward, its gradient in red below."""
from matplotlib.collections import LineCollection
from matplotlib.patches import Rectangle

from ..exercises import exercise
from ..unit import topological_order
from .axes import new_axes

GATE_W, GATE_H = 0.42, 0.34        # gate box, in data units (one column = one unit of x)
COLUMN_IN, ROW_IN = 1.35, 0.6      # inches per column and per row of the layout
PORT_GAP = 0.14                    # vertical distance between the input ports of a gate
BEND = 0.22                        # a wire runs flat, then turns into its port this far before it
LEAF_START = -0.45                 # where input wires begin, left of the first gate column
OP_LABELS = {"sigmoid": "sig", "neg": "-x"}
HIGHLIGHT = "#ffd54f"


def layout(out):
    """``{unit: (column, row)}``: a gate's column is its depth, inputs sit in column 0 in the
    order a walk from ``out`` meets them (first input on top), a gate's row is its inputs' mean."""
    order = topological_order(out)
    leaves, seen, stack = [], set(), [out]
    while stack:
        u = stack.pop()
        if u not in seen:
            seen.add(u)
            if not u.inputs:
                leaves.append(u)
            stack.extend(reversed(u.inputs))
    place = {u: (0, -float(k)) for k, u in enumerate(leaves)}
    for u in order:
        if u.inputs:
            distinct = list(dict.fromkeys(u.inputs))
            column = 1 + max(place[i][0] for i in distinct)
            place[u] = (column, sum(place[i][1] for i in distinct) / len(distinct))
    return place


def figsize_for(out, scale=1.25):
    """A figure size (inches) that gives each column and row of ``out``'s diagram room to read."""
    place = layout(out)
    columns = max(c for c, _ in place.values())
    rows = -min(r for _, r in place.values())
    return (scale * (1.5 + COLUMN_IN * columns), scale * (0.75 + ROW_IN * rows))


def _fmt(v):
    return f"{v + 0.0:.4g}"        # + 0.0 turns -0.0 into 0.0


def _label_text(u):
    return f"{u.name}={_fmt(u.value)}" if u.name and u.inputs else _fmt(u.value)


def _fit_limits(ax, x0, x1, y0, y1):
    """Show at least [x0, x1] x [y0, y1], widening one range so that a column and a row keep
    the proportions COLUMN_IN : ROW_IN whatever the size of the axes."""
    fig_w, fig_h = ax.figure.get_size_inches()
    box = ax.get_position()
    width, height = box.width * fig_w, box.height * fig_h
    scale = min(width / ((x1 - x0) * COLUMN_IN), height / ((y1 - y0) * ROW_IN))
    pad_x = (width / (scale * COLUMN_IN) - (x1 - x0)) / 2
    pad_y = (height / (scale * ROW_IN) - (y1 - y0)) / 2
    ax.set_xlim(x0 - pad_x, x1 + pad_x)
    ax.set_ylim(y0 - pad_y, y1 + pad_y)


def draw_circuit(out, ax=None, highlight=(), show_grad=None, title=None, fontsize=8):
    """Draw the circuit that computes ``out``; return the Axes.

    ``highlight``: gate output Units whose box (and the input gradients it wrote) stand out.
    ``show_grad``: None shows every gradient once any is nonzero (after ``backward``), True or
    False all or none, or a collection of Units whose gradients have been computed so far.
    """
    ax = new_axes(ax, figsize_for(out), rect=(0.01, 0.01, 0.98, 0.9))
    place = layout(out)
    if show_grad is None:
        show_grad = any(u.grad != 0 for u in place)
    shown = (set(place) if show_grad else set()) if isinstance(show_grad, bool) else set(show_grad)
    highlight = set(highlight)
    written = {i for u in highlight for i in u.inputs}
    segments = []

    def start(u):                  # where the wire carrying u's value begins
        column, row = place[u]
        return (LEAF_START, row) if not u.inputs else (column + GATE_W / 2, row)

    for u, (column, row) in place.items():
        if not u.inputs:
            ax.text(LEAF_START - 0.05, row, u.name or "", ha="right", va="center",
                    fontsize=fontsize + 1, style="italic")
            continue
        ax.add_patch(Rectangle((column - GATE_W / 2, row - GATE_H / 2), GATE_W, GATE_H,
                               facecolor=HIGHLIGHT if u in highlight else "#e8eef7",
                               edgecolor="0.25", lw=1.2 if u in highlight else 0.8))
        ax.text(column, row, OP_LABELS.get(u.op, u.op), ha="center", va="center",
                fontsize=fontsize + 1, weight="bold")
        n = len(u.inputs)
        for k, inp in enumerate(u.inputs):
            port = (column - GATE_W / 2, row + PORT_GAP * ((n - 1) / 2 - k))
            x0, y0 = start(inp)
            segments.append([(x0, y0), (port[0] - BEND, y0), port])
    ox, oy = start(out)
    segments.append([(ox, oy), (ox + 0.55, oy)])
    ax.add_collection(LineCollection(segments, colors="0.2", linewidths=1.0))
    for u in place:
        x0, y0 = start(u)
        ax.text(x0 + 0.03, y0 + 0.03, _label_text(u), ha="left", va="bottom", fontsize=fontsize)
        if u in shown:
            box = dict(facecolor=HIGHLIGHT, edgecolor="none", pad=1) if u in written else None
            ax.text(x0 + 0.03, y0 - 0.03, _fmt(u.grad), ha="left", va="top", color="#c62828",
                    fontsize=fontsize, bbox=box)
    rows = [r for _, r in place.values()]
    _fit_limits(ax, LEAF_START - 0.45, ox + 0.6, min(rows) - 0.45, max(rows) + 0.45)
    ax.set_axis_off()
    if title:
        ax.set_title(title, fontsize=fontsize + 1)
    return ax


def draw_exercise(name, ax=None, **values):
    """Build a backprop-ninja expression (default inputs, or ``values``), backpropagate and
    draw it; return the output Unit."""
    out = exercise(name).circuit(**values)
    out.backward()
    draw_circuit(out, ax, title=name)
    return out
