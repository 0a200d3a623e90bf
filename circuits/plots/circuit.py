"""Circuit diagrams drawn with matplotlib (no graphviz): gates as boxes, one wire per Unit,
its forward value in black above the wire and, after backward, its gradient in red below.
``draw_diagram`` keeps the artists that show numbers, so ``relabel`` can show new numbers on the
same picture without drawing it again."""
from typing import NamedTuple

from matplotlib.collections import LineCollection
from matplotlib.patches import Rectangle

from ..exercises import exercise
from ..unit import topological_order
from .axes import new_axes

GATE_W, GATE_H = 0.36, 0.34        # gate box, in data units (one column = one unit of x)
COLUMN_IN, ROW_IN = 1.5, 0.6       # inches per column and per row of the layout
MAX_SCALE = 1.5                    # a roomy axes draws at most this large (the text does not grow)
PORT_GAP = 0.14                    # vertical distance between the input ports of a gate
BEND = 0.14                        # a wire runs flat, then turns into its port this far before it
LEAF_START = -0.45                 # where input wires begin, left of the first gate column
OP_LABELS = {"sigmoid": "sig", "neg": "-x"}
HIGHLIGHT, GATE_COLOUR, GRAD_COLOUR = "#ffd54f", "#e8eef7", "#c62828"


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


def _shape(units):
    """What a diagram's geometry depends on: each unit's name, gate and inputs, in order."""
    index = {u: k for k, u in enumerate(units)}
    return tuple((u.name, u.op, tuple(index[i] for i in u.inputs)) for u in units)


class Diagram(NamedTuple):
    """A drawn circuit's artists that show numbers or a highlight, in ``layout`` order: a value
    and a gradient text per Unit, a box and a name per gate."""
    ax: object
    shape: tuple
    values: list
    grads: list
    boxes: list
    ops: list

    @property
    def numbers(self):
        return [*self.values, *self.grads]

    @property
    def artists(self):
        return [*self.boxes, *self.ops, *self.values, *self.grads]


def _fmt(v):
    return f"{v + 0.0:.4g}"        # + 0.0 turns -0.0 into 0.0


def _fit_limits(ax, x0, x1, y0, y1):
    """Show at least [x0, x1] x [y0, y1], centred, with a column and a row in the proportions
    COLUMN_IN : ROW_IN and at most MAX_SCALE times their size, whatever the size of the axes."""
    fig_w, fig_h = ax.figure.get_size_inches()
    box = ax.get_position()
    width, height = box.width * fig_w, box.height * fig_h
    scale = min(width / ((x1 - x0) * COLUMN_IN), height / ((y1 - y0) * ROW_IN), MAX_SCALE)
    pad_x = (width / (scale * COLUMN_IN) - (x1 - x0)) / 2
    pad_y = (height / (scale * ROW_IN) - (y1 - y0)) / 2
    ax.set_xlim(x0 - pad_x, x1 + pad_x)
    ax.set_ylim(y0 - pad_y, y1 + pad_y)


def draw_diagram(out, ax=None, highlight=(), show_grad=None, title=None, fontsize=10):
    """Draw the circuit that computes ``out``; return its ``Diagram`` (see ``relabel`` for
    ``highlight`` and ``show_grad``)."""
    ax = new_axes(ax, figsize_for(out), rect=(0.01, 0.01, 0.98, 0.9))
    place = layout(out)
    segments, values, grads, boxes, ops = [], [], [], [], []

    def start(u):                  # where the wire carrying u's value begins
        column, row = place[u]
        return (LEAF_START, row) if not u.inputs else (column + GATE_W / 2, row)

    for u, (column, row) in place.items():
        x0, y0 = start(u)
        values.append(ax.text(x0 + 0.03, y0 + 0.03, "", ha="left", va="bottom",
                              fontsize=fontsize))
        grads.append(ax.text(x0 + 0.03, y0 - 0.03, "", ha="left", va="top", color=GRAD_COLOUR,
                             fontsize=fontsize))
        if not u.inputs:
            ax.text(LEAF_START - 0.05, row, u.name, ha="right", va="center",
                    fontsize=fontsize + 1, style="italic")
            continue
        boxes.append(ax.add_patch(Rectangle((column - GATE_W / 2, row - GATE_H / 2), GATE_W,
                                            GATE_H, edgecolor="0.25")))
        ops.append(ax.text(column, row, OP_LABELS.get(u.op, u.op), ha="center", va="center",
                           fontsize=fontsize + 1, weight="bold"))
        n = len(u.inputs)
        for k, inp in enumerate(u.inputs):
            port = (column - GATE_W / 2, row + PORT_GAP * ((n - 1) / 2 - k))
            x0, y0 = start(inp)
            segments.append([(x0, y0), (port[0] - BEND, y0), port])
    ox, oy = start(out)
    segments.append([(ox, oy), (ox + 0.55, oy)])
    # under the boxes, so that a box covers the ends of its wires however it is drawn
    ax.add_collection(LineCollection(segments, colors="0.2", linewidths=1.0, zorder=0.5))
    rows = [r for _, r in place.values()]
    _fit_limits(ax, LEAF_START - 0.45, ox + 0.6, min(rows) - 0.45, max(rows) + 0.45)
    ax.set_axis_off()
    if title:
        ax.set_title(title, fontsize=fontsize + 1)
    diagram = Diagram(ax, _shape(place), values, grads, boxes, ops)
    relabel(diagram, out, highlight, show_grad)
    return diagram


def relabel(diagram, out, highlight=(), show_grad=None):
    """Show ``out``'s values and gradients on ``diagram``, drawn for a circuit of the same shape
    (the artists changed are among ``diagram.artists``); return False if ``out`` has another shape.

    ``highlight``: gate output Units whose box (and the input gradients it wrote) stand out.
    ``show_grad``: None shows every gradient once any is nonzero (after ``backward``), True or
    False all or none, or a collection of Units whose gradients have been computed so far.
    """
    units = list(layout(out))
    if _shape(units) != diagram.shape:
        return False
    if show_grad is None:
        show_grad = any(u.grad != 0 for u in units)
    shown = (set(units) if show_grad else set()) if isinstance(show_grad, bool) else set(show_grad)
    highlight = set(highlight)
    written = {i for u in highlight for i in u.inputs}
    for u, value, grad in zip(units, diagram.values, diagram.grads):
        value.set_text(f"{u.name}={_fmt(u.value)}" if u.name and u.inputs else _fmt(u.value))
        grad.set_text(_fmt(u.grad))
        grad.set_visible(u in shown)
        grad.set_bbox(dict(facecolor=HIGHLIGHT, edgecolor="none", pad=1) if u in written else None)
    for u, box in zip([u for u in units if u.inputs], diagram.boxes):
        box.set(facecolor=HIGHLIGHT if u in highlight else GATE_COLOUR,
                linewidth=1.2 if u in highlight else 0.8)
    return True


def draw_circuit(out, ax=None, highlight=(), show_grad=None, title=None, fontsize=10):
    """Draw the circuit that computes ``out``; return the Axes.

    ``highlight``: gate output Units whose box (and the input gradients it wrote) stand out.
    ``show_grad``: None shows every gradient once any is nonzero (after ``backward``), True or
    False all or none, or a collection of Units whose gradients have been computed so far.
    """
    return draw_diagram(out, ax, highlight, show_grad, title, fontsize).ax


def draw_exercise(name, ax=None, **values):
    """Build a backprop-ninja expression (default inputs, or ``values``), backpropagate and
    draw it; return the output Unit."""
    out = exercise(name).circuit(**values)
    out.backward()
    draw_circuit(out, ax, title=name)
    return out
