"""factex's layers: every import points down, and no modules import each other in a circle.

Read from the source (``ast``), so lazy imports inside functions and ``TYPE_CHECKING`` blocks
count too: a circle hidden in a function is still a circle for the reader.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "factex"

#: Top to bottom, as in the README's map; a module may import its own layer (without a circle)
#: and the layers below. An entry names a module or a package (and everything in it); "factex"
#: is only __init__.py. factex.table (FactTable) is a face, beside api and cli.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "entry points",
        ("factex", "factex.__main__", "factex.api", "factex.cli", "factex.dask", "factex.table"),
    ),
    ("run, io, evaluation", ("factex.run", "factex.io", "factex.evaluation")),
    ("results", ("factex.facts", "factex.display", "factex.records", "factex.schema")),
    ("pipeline", ("factex.pipeline",)),
    ("components", ("factex.components",)),
    ("normalize", ("factex.normalize",)),
    ("resources", ("factex.resources",)),
)


def module_files() -> dict[str, Path]:
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


MODULES = module_files()


def imports_in(source: str, package: str) -> Iterator[str]:
    """The factex modules imported anywhere in ``source``, a module of ``package``."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.split(".")[0] == "factex")
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            if base.split(".")[0] != "factex":
                continue
            for alias in node.names:
                full = f"{base}.{alias.name}"
                yield full if full in MODULES else base


def imports_of(module: str) -> set[str]:
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    return set(imports_in(path.read_text(encoding="utf-8"), package)) - {module}


def layer_of(module: str) -> int:
    for rank, (_, entries) in enumerate(LAYERS):
        for entry in entries:
            if module == entry or (entry != "factex" and module.startswith(entry + ".")):
                return rank
    raise LookupError(module)


GRAPH = {module: sorted(imports_of(module)) for module in MODULES}


def test_every_module_has_a_layer() -> None:
    homeless = []
    for module in MODULES:
        try:
            layer_of(module)
        except LookupError:
            homeless.append(module)
    assert not homeless, f"give these modules a layer in LAYERS: {homeless}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down(module: str) -> None:
    rank = layer_of(module)
    upward = [
        f"{target} ({LAYERS[layer_of(target)][0]})"
        for target in GRAPH[module]
        if layer_of(target) < rank
    ]
    assert not upward, f"{module} ({LAYERS[rank][0]}) imports a layer above: {upward}"


def find_circles(graph: dict[str, list[str]]) -> list[str]:
    """Every circle met in a depth-first walk of ``graph``, as ``a -> b -> a``."""
    circles: list[str] = []
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            circles.append(" -> ".join([*path[path.index(module) :], module]))
            return
        if module in done:
            return
        for target in graph.get(module, []):
            visit(target, [*path, module])
        done.add(module)

    for module in graph:
        visit(module, [])
    return circles


def test_no_import_circles() -> None:
    circles = find_circles(GRAPH)
    assert not circles, "import circles:\n" + "\n".join(circles)


def test_the_checks_see_lazy_imports_relative_imports_and_circles() -> None:
    """The old ``api <-> batch`` circle went through an import inside a function."""
    lazy = "def extract():\n    from factex.batch import run_jobs\n"
    assert list(imports_in(lazy, "factex")) == ["factex.batch"]
    relative = "from .batch import Job\nfrom . import pool\n"
    assert list(imports_in(relative, "factex.run")) == ["factex.run.batch", "factex.run.pool"]
    graph = {"factex.api": ["factex.batch"], "factex.batch": ["factex.pool", "factex.api"]}
    assert find_circles(graph) == ["factex.api -> factex.batch -> factex.api"]
    assert layer_of("factex.api") < layer_of("factex.run.batch") < layer_of("factex.pipeline")
