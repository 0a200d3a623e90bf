"""Chapter 1's example circuits, built from named Units; the defaults are the guide's inputs."""
import inspect

from .unit import Unit


def single_gate(x=-2.0, y=3.0):
    """f(x, y) = x * y: one multiply gate."""
    return Unit(x, name="x") * Unit(y, name="y")


def add_then_multiply(x=-2.0, y=5.0, z=-4.0):
    """f(x, y, z) = (x + y) * z: an add gate whose output q feeds a multiply gate."""
    q = Unit(x, name="x") + Unit(y, name="y")
    q.name = "q"
    return q * Unit(z, name="z")


def three_patterns(x=3.0, y=-4.0, z=2.0, w=-1.0):
    """2 * (x*y + max(z, w)): multiply switches, add distributes, max routes."""
    x, y, z, w = (Unit(v, name=n) for v, n in ((x, "x"), (y, "y"), (z, "z"), (w, "w")))
    return (x * y + z.max(w)) * 2.0


def neuron(a=1.0, b=2.0, c=-3.0, x=-1.0, y=3.0):
    """sigmoid(a*x + b*y + c): the 2-d neuron."""
    a, b, c, x, y = (Unit(v, name=n) for v, n in zip((a, b, c, x, y), "abcxy"))
    return (a * x + b * y + c).sigmoid()


CIRCUITS = {
    "x*y": single_gate,
    "(x+y)*z": add_then_multiply,
    "2*(x*y+max(z,w))": three_patterns,
    "sig(a*x+b*y+c)": neuron,
}


def defaults(build):
    """The default input values of a circuit-building function, as {name: value}."""
    return {n: p.default for n, p in inspect.signature(build).parameters.items()}
