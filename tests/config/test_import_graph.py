"""Inside each app, imports point one way (views → services/selectors → models): no cycles.

The graph is read from the source with ``ast``: every import in a module, including any inside a
function (ruff's PLC0415 refuses those anyway, apart from ``AppConfig.ready``). A module that
imports a package depends on the package's ``__init__``; ``from package import module`` depends
on that module.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ["home", "conference", "proposals", "cohorts", "config"]


def _module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules(app):
    return {
        _module_name(path): path
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
    }


def _resolve(name, known):
    """The longest known module that ``name`` refers to, or None outside the app."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def _imports(module, path, known):
    tree = ast.parse(path.read_text(), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    targets = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for name in names:
            target = _resolve(name, known)
            if target and target != module:
                targets.add(target)
    return targets


def _cycle(graph):
    """One cycle in ``graph`` as a list of modules, or None."""
    state, stack = {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                return [*stack[stack.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def import_graph(app):
    modules = _modules(app)
    return {module: _imports(module, path, modules) for module, path in modules.items()}


@pytest.mark.parametrize("app", APPS)
def test_no_import_cycle_inside_the_app(app):
    cycle = _cycle(import_graph(app))
    assert cycle is None, "import cycle: " + " → ".join(cycle)


def test_the_graph_sees_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_home_imports_no_other_app():
    others = ("conference", "proposals", "cohorts")
    for module, path in _modules("home").items():
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                assert not node.module.startswith(others), f"{module} imports {node.module}"
            if isinstance(node, ast.Import):
                for alias in node.names:
                    assert not alias.name.startswith(others), f"{module} imports {alias.name}"
