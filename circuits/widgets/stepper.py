"""A backward pass one gate at a time: each click runs one gate's backward and highlights
the gate and the gradients it just wrote into its inputs, on the same diagram (in place)."""
import ipywidgets as W

from ..examples import CIRCUITS
from ..exercises import EXERCISES
from ..plots.circuit import draw_diagram, relabel
from ..unit import push_grad, topological_order
from .circuits import DPI, diagram_figsize
from .explorer import Explorer, InPlace


def stepper_circuits():
    """{name: function building the circuit's output Unit}: chapter 1's examples and exercises."""
    builds = dict(CIRCUITS)
    builds.update({name: ex.circuit for name, ex in EXERCISES.items() if name not in builds})
    return builds


class BackwardStepper(Explorer):
    """Pick a circuit, then click: first the pull of +1 on the output, then one gate per click
    in reverse topological order. ``reset`` starts over with every gradient at zero."""

    def __init__(self, circuit="(x+y)*z"):
        self.builds = stepper_circuits()
        if circuit not in self.builds:
            raise KeyError(f"no circuit {circuit!r}; there are {list(self.builds)}")
        self.out, self.name = None, None
        step, reset = W.Button(description="backward one gate"), W.Button(description="reset")
        step.on_click(lambda _: self.step())
        reset.on_click(lambda _: self.reset())
        controls = {"circuit": W.Dropdown(options=list(self.builds), value=circuit,
                                          description="circuit"),
                    "step": step, "reset": reset}
        figsize = diagram_figsize([build() for build in self.builds.values()])
        super().__init__(self._draw, controls, figsize=figsize, dpi=DPI)

    @property
    def values(self):
        return {"circuit": self.controls["circuit"].value}

    def reset(self, redraw=True):
        """Rebuild the chosen circuit with every gradient zero and nothing backpropagated."""
        self.name = self.controls["circuit"].value
        self.out = self.builds[self.name]()
        self.pending = [u for u in reversed(topological_order(self.out)) if u.inputs]
        self.written, self.last, self.message = set(), None, "click 'backward one gate' to start"
        if redraw:
            self.redraw()

    def step(self):
        """One step of the backward pass: the initial pull, then one gate; redraw."""
        if not self.written:
            self.out.grad = 1.0
            self.written, self.last = {self.out}, None
            self.message = "pulled on the output with a force of +1"
        elif self.pending:
            gate = self.pending.pop(0)
            push_grad(gate)
            self.written |= set(gate.inputs)
            self.last = gate
            wrote = ", ".join(f"{u.name or 'wire'}: {u.grad:.4g}" for u in gate.inputs)
            self.message = f"gate '{gate.op}' ran backward and wrote {wrote}"
        else:
            self.message = "backward pass complete: every wire has its gradient (click reset)"
        self.redraw()

    def _draw(self, fig, circuit):
        if circuit != self.name:
            self.reset(redraw=False)
        diagram = draw_diagram(self.out, fig.add_axes((0.01, 0.01, 0.98, 0.98)))

        def update(circuit):        # a click on step or reset: same circuit, new numbers
            relabel(diagram, self.out, [self.last] if self.last else (), self.written)
            return f"{self.message}    ({len(self.pending)} gate(s) to go)", diagram.artists
        text, _ = update(circuit)
        return InPlace(text, update, live=())


def backward_stepper():
    """The step-through backward pass, starting on (x + y) * z."""
    return BackwardStepper()
