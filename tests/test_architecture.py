"""The layout holds: imports point one way, no cycles, complexity checked, no patching.

core imports nothing of asmo's other layers; storage and render import core (render never
imports storage); api (the application layer, asmo_cli.Workspace) imports those three; cli
imports render, core and of the api only its front, ``api/workspace.py`` (every use case goes
through the Workspace), never storage. Nothing imports cli but the program's entry point, and
the project's own scripts never do. ``from asmo_cli import Workspace`` counts as importing
the api; only ``__version__`` may come from the package root anywhere.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "asmo_cli"
LAYERS = ("core", "storage", "render", "api", "cli")
ALLOWED = {
    "core": {"core"},
    "storage": {"core", "storage"},
    "render": {"core", "render"},
    "api": {"core", "storage", "render", "api"},
    "cli": {"core", "render", "api", "cli"},
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(("asmo_cli", *parts)).removesuffix(".__init__")
        found[name] = path
    return found


def _imports(path: Path) -> set[str]:
    """Every asmo_cli module imported by ``path`` (at any depth, lazily too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names if a.name.startswith("asmo_cli")}
        elif (
            isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("asmo_cli")
        ):
            modules = _modules()
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                if node.module == "asmo_cli" and alias.name != "__version__":
                    full = full if full in modules else "asmo_cli.api.workspace"  # re-exported
                names.add(full if full in modules else node.module)
    return names


MODULES = _modules()


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_one_way(module: str) -> None:
    layer = _layer(module)
    for imported in _imports(MODULES[module]):
        target = _layer(imported)
        if target is None:
            assert imported == "asmo_cli", f"{module} imports {imported}"
            continue
        if layer is None:  # __main__ starts the program; asmo_cli exports the api
            entry = module.endswith("__main__") and target == "cli"
            export = module == "asmo_cli" and target in ("api", "core")
            assert entry or export, f"{module} imports {imported}"
            continue
        assert target in ALLOWED[layer], f"{module} ({layer}) may not import {imported}"
        if layer == "cli" and target == "api":
            assert imported == "asmo_cli.api.workspace", (
                f"{module}: use the Workspace, not {imported}"
            )


def test_no_import_cycles() -> None:
    graph = {m: {i for i in _imports(p) if i in MODULES} for m, p in MODULES.items()}
    done: set[str] = set()

    def visit(node: str, path: tuple[str, ...]) -> None:
        if node in path:
            cycle = " -> ".join((*path[path.index(node) :], node))
            raise AssertionError(f"import cycle: {cycle}")
        if node in done:
            return
        for nxt in graph[node]:
            visit(nxt, (*path, node))
        done.add(node)

    for module in graph:
        visit(module, ())


def test_complexity_is_checked_not_line_counts() -> None:
    """ruff's complexity checks hold for the product code (the test command runs ruff): no
    function above McCabe 10, 12 branches or 50 statements; tests are exempt (scenarios)."""
    import tomllib

    config = tomllib.loads((PACKAGE.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    lint = config["tool"]["ruff"]["lint"]
    assert {"C90", "PLR0912", "PLR0915"} <= set(lint["select"])
    assert lint["mccabe"]["max-complexity"] <= 10
    assert lint["pylint"]["max-branches"] <= 12 and lint["pylint"]["max-statements"] <= 50
    exempt = {
        rule
        for path, rules in lint["per-file-ignores"].items()
        for rule in rules
        if not path.startswith("tests/")
    }
    assert not exempt & {"C901", "PLR0912", "PLR0915"}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_assignment_into_other_packages(module: str) -> None:
    """asmo changes other packages only through their extension points, never by patching."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            imported |= {
                (a.asname or a.name).split(".")[0]
                for a in node.names
                if not (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("asmo"))
            }
    for node in ast.walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            base = target
            while isinstance(base, ast.Attribute):
                base = base.value
            if isinstance(target, ast.Attribute) and isinstance(base, ast.Name):
                assert base.id not in imported, f"{module}: assigns into {ast.unparse(target)}"


@pytest.mark.parametrize(
    "path",
    [
        *sorted((PACKAGE.parents[1] / "tools").rglob("*.py")),
        *sorted((PACKAGE.parents[1] / "bench").rglob("*.py")),
        PACKAGE.parents[1] / "tests" / "helpers.py",
    ],
    ids=lambda p: p.name,
)
def test_scripts_use_the_api_never_the_cli(path: Path) -> None:
    """The project's own scripts are library users: asmo_cli.Workspace and the api, not cli
    (not as an import, ``from asmo_cli import cli`` included, nor as a command's text)."""
    text = path.read_text(encoding="utf-8")
    assert "asmo_cli.cli" not in text, f"{path.name} reaches into asmo_cli.cli"
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ImportFrom) and node.module == "asmo_cli":
            assert "cli" not in {a.name for a in node.names}, f"{path.name} imports asmo_cli.cli"


def test_the_import_checks_catch_what_they_claim(tmp_path: Path) -> None:
    """The checks above, on modules made to break them."""
    bad = tmp_path / "bad.py"
    bad.write_text("from asmo_cli import Workspace\nfrom asmo_cli import __version__\n")
    assert _imports(bad) == {"asmo_cli.api.workspace", "asmo_cli"}
    bad.write_text("from asmo_cli import cli\n")
    with pytest.raises(AssertionError):
        test_scripts_use_the_api_never_the_cli(bad)
