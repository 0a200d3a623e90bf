"""The package's layout by role: imports point only downward (engine <- data, losses and layers
<- models and training <- chapter content <- plots <- widgets), matplotlib only in plots and
widgets, ipywidgets only in widgets, and no kernel-wide side effects on import."""
import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "circuits"
RANKS = {"engine": 0, "data": 1, "compute": 2, "content": 3, "plots": 4, "widgets": 5}
ROLE_OF = {"ops": "engine", "unit": "engine", "gates": "engine", "gradcheck": "engine",
           "datasets": "data", "losses": "data", "layers": "data", "optim": "data",
           "corpora": "data",
           "examples": "content", "exercises": "content", "strategies": "content",
           "checking": "content", "classroom": "content",
           "plots": "plots", "widgets": "widgets"}          # everything else: compute


def role(module):
    """The role of a dotted module name inside the package ("circuits.models.linear")."""
    parts = module.split(".")[1:]
    return ROLE_OF.get(parts[0], "compute") if parts else "compute"   # the top re-exports SVM


def modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        yield ".".join(parts[:-1] if parts[-1] == "__init__" else parts), path


def imports(module, path):
    """Every module that ``path`` imports, as absolute dotted names."""
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
                if node.module:
                    yield name
                else:
                    yield from (f"{name}.{alias.name}" for alias in node.names)
            else:
                yield node.module


@pytest.mark.parametrize("module, path", list(modules()), ids=lambda v: str(v))
def test_imports_point_only_downward(module, path):
    own = RANKS[role(module)]
    for name in imports(module, path):
        if name == "circuits" or name.startswith("circuits."):
            assert RANKS[role(name)] <= own, \
                f"{module} ({role(module)}) imports {name} ({role(name)}), a role above it"
        if name.split(".")[0] == "matplotlib":
            assert role(module) in ("plots", "widgets"), f"{module} imports matplotlib"
        if name.split(".")[0] in ("ipywidgets", "ipyevents"):
            assert role(module) == "widgets", f"{module} imports {name}"


def test_importing_the_package_loads_no_pictures_or_widgets_and_leaves_gc_alone():
    code = ("import gc, sys, circuits, circuits.models, circuits.train, circuits.layers; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'matplotlib', 'ipywidgets'}),"
            " gc.isenabled(), gc.get_freeze_count())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["[]", "True", "0"]
