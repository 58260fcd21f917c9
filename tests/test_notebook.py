"""notebooks/explore.ipynb runs top to bottom in a fresh kernel and is committed without outputs."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


def test_notebook_is_committed_without_outputs() -> None:
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.mark.slow
def test_notebook_runs_without_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # "python3" is the kernelspec ipykernel installs in sys.prefix/share/jupyter/kernels; its
    # "python" command is resolved by jupyter_client to this interpreter (sys.executable).
    # The kernel runs in notebooks/, where `import factex` finds the installed factex, which may
    # be another checkout (an editable install shared by worktrees): run this checkout's.
    path = os.environ.get("PYTHONPATH")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), *([path] if path else [])]))
    client = nbclient.NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()  # raises CellExecutionError, with the cell and traceback, on any error
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    # The article view and the chart were drawn, the chart from the FactTable of this checkout.
    assert any("factex-mark" in o.get("data", {}).get("text/html", "") for o in outputs)
    assert any("image/png" in o.get("data", {}) for o in outputs)
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "FactTable(" in printed


def test_the_notebook_extra_installs_what_the_notebook_imports() -> None:
    """``pip install -e ".[notebook]"`` is enough: every module the notebook imports comes
    from the standard library, factex's dependencies or the extra, which [dev] includes."""
    import ast
    import re
    import sys
    from importlib.metadata import packages_distributions

    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    assert "factex[pandas,dask,notebook]" in extras["dev"]

    def names(specs: list[str]) -> set[str]:
        found = set()
        for spec in specs:
            name = re.match(r"[A-Za-z0-9_.-]+", spec)
            assert name is not None
            found.add(name.group().lower().replace("_", "-"))
        return found

    given = names(project["dependencies"]) | names(extras["notebook"])
    for spec in extras["notebook"]:  # "factex[pandas]": the extras it pulls in
        if spec.startswith("factex["):
            for extra in spec[len("factex[") : -1].split(","):
                given |= names(extras[extra])
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    imported = set()
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            for node in ast.walk(ast.parse("".join(cell["source"]))):
                if isinstance(node, ast.Import):
                    imported |= {a.name.split(".")[0] for a in node.names}
                elif isinstance(node, ast.ImportFrom) and node.module:
                    imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"factex"}
    assert third_party, "the notebook imports pandas and matplotlib"
    dists = packages_distributions()
    for module in sorted(third_party):
        provided = {d.lower().replace("_", "-") for d in dists.get(module, [module])}
        assert provided & given, f"{module} is imported but no extra installs it"
    assert {"ipykernel", "nbclient"} <= given  # what runs it (`jupyter execute`)
