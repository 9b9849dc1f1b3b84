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


def _own_classes() -> set[str]:
    """The names of every class asmo defines."""
    names: set[str] = set()
    for path in MODULES.values():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names |= {n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef)}
    return names


OWN_CLASSES = _own_classes()
Function = ast.FunctionDef | ast.AsyncFunctionDef


def _is_own(annotation: ast.expr | None) -> bool:
    """An annotation naming one of asmo's classes ('Ledger', 'Problems | None', "Record")."""
    if annotation is None:
        return False
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        annotation = ast.parse(annotation.value, mode="eval").body
    if isinstance(annotation, ast.BinOp):  # X | None
        return _is_own(annotation.left) or _is_own(annotation.right)
    return isinstance(annotation, ast.Name) and annotation.id in OWN_CLASSES


def _names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _bound(target: ast.expr) -> set[str]:
    """The local names a target binds (``x``, ``a, b``), not the object of ``x.a = …``."""
    if isinstance(target, ast.Name):
        return {target.id}
    if isinstance(target, ast.Tuple | ast.List):
        return set().union(*(_bound(e) for e in target.elts))
    if isinstance(target, ast.Starred):
        return _bound(target.value)
    return set()


def foreign_writes(tree: ast.AST, imported: set[str]) -> list[str]:
    """Attribute writes on objects of other packages: on an imported name, or on a local that
    comes from one (a parameter not annotated with an asmo class, or a value computed from
    such a name or from an import), in a function or in a function nested in it."""
    found: list[str] = []

    def visit(func: Function, outer: set[str]) -> None:
        foreign = set(outer) | set(imported)
        args = func.args
        for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
            if arg is not None and arg.arg not in ("self", "cls") and not _is_own(arg.annotation):
                foreign.add(arg.arg)
        for node in _in_order(func):
            if isinstance(node, Function):
                visit(node, foreign)
                continue
            value, targets = _binding(node)
            if value is not None and _names(value) & foreign:
                own = (isinstance(node, ast.AnnAssign) and _is_own(node.annotation)) or (
                    isinstance(value, ast.Call) and _is_own(value.func)  # Ledger(owner)
                )
                if not own:
                    foreign |= set().union(*(_bound(t) for t in targets))
            for target in _written(node):
                base = target
                while isinstance(base, ast.Attribute | ast.Subscript):
                    base = base.value
                if isinstance(base, ast.Name) and base.id in foreign:
                    found.append(ast.unparse(target))

    for node in ast.iter_child_nodes(tree):
        if isinstance(node, Function):
            visit(node, set())
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, Function):
                    visit(item, set())
    return found


def _in_order(func: Function) -> list[ast.AST]:
    """The statements and expressions of a function in source order, not inside nested
    functions (those are visited on their own, with what is foreign here)."""
    nodes: list[ast.AST] = []

    def walk(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            nodes.append(child)
            if not isinstance(child, Function | ast.Lambda):
                walk(child)

    walk(func)
    return nodes


def _binding(node: ast.AST) -> tuple[ast.expr | None, list[ast.expr]]:
    if isinstance(node, ast.Assign):
        return node.value, node.targets
    if isinstance(node, ast.AnnAssign | ast.NamedExpr):
        return node.value, [node.target]
    if isinstance(node, ast.For | ast.comprehension):
        return node.iter, [node.target]
    if isinstance(node, ast.withitem) and node.optional_vars is not None:
        return node.context_expr, [node.optional_vars]
    return None, []


def _written(node: ast.AST) -> list[ast.expr]:
    """The attribute targets a statement writes (``x.a = …``, ``x.a[i].b = …``, ``x.a += …``)."""
    targets: list[ast.expr] = []
    if isinstance(node, ast.Assign):
        targets = list(node.targets)
    elif isinstance(node, ast.AugAssign | ast.AnnAssign):
        targets = [node.target]
    flat = [e for t in targets for e in (t.elts if isinstance(t, ast.Tuple) else [t])]
    return [t for t in flat if isinstance(t, ast.Attribute)]


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_attribute_writes_on_other_packages_objects(module: str) -> None:
    """asmo sets nothing on another package's objects, not even through a local name: a
    parameter typed as (or a value computed from) something of theirs is theirs."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    assert foreign_writes(tree, _imported_foreign(tree)) == []


def _imported_foreign(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and not (node.module or "").startswith("asmo"):
            names |= {a.asname or a.name for a in node.names}
    return names


def _private_imports(tree: ast.AST) -> list[str]:
    """Imports of a private module of another package: ``a._b``, ``from a._b import``,
    ``from a import _b``."""
    found = []
    for node in ast.walk(tree):
        modules: list[str] = []
        if isinstance(node, ast.Import):
            modules = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
        for name in modules:
            parts = name.split(".")
            if parts[0] != "asmo_cli" and any(p.startswith("_") for p in parts[1:]):
                found.append(name)
    return found


def test_one_module_at_most_imports_a_private_module_of_another_package() -> None:
    """Only ``cli/click_adapter.py`` reaches into typer's bundled click; its own test fails
    when typer changes what it takes from there."""
    users = {
        module
        for module, path in MODULES.items()
        if _private_imports(ast.parse(path.read_text(encoding="utf-8")))
    }
    assert users <= {"asmo_cli.cli.click_adapter"}, users - {"asmo_cli.cli.click_adapter"}


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


def test_the_write_checks_catch_what_they_claim() -> None:
    """Writes through a parameter, a derived local, a nested function and an import are found;
    writes on self, on an asmo object and on a dict's items are not."""
    code = """
import typer
from prompt_toolkit import Application
from asmo_cli.core.catalogue import Catalogue

typer.x = 1

def f(question: Application, option, catalogue: Catalogue, own: "Catalogue | None") -> None:
    control = next(w for w in question.layout.windows)
    control.pointed_at = 3
    option.help = "hulp"
    catalogue.name = "mag"
    own.name = "mag ook"
    made = Catalogue(question)
    made.name = "van asmo"
    items = {}
    items["a"] = 1

    def inner() -> None:
        control.choices[0].title = "t"

class C:
    def m(self, other) -> None:
        self.a = 1
        other.b = 2
"""
    tree = ast.parse(code)
    assert foreign_writes(tree, _imported_foreign(tree)) == [
        "control.pointed_at",
        "option.help",
        "control.choices[0].title",
        "other.b",
    ]
    assert _private_imports(ast.parse("from typer._click import core\nimport a._b\n")) == [
        "typer._click",
        "typer._click.core",
        "a._b",
    ]
    assert _private_imports(ast.parse("from typer import _click\nimport os.path\n")) == [
        "typer._click"
    ]


def test_the_import_checks_catch_what_they_claim(tmp_path: Path) -> None:
    """The checks above, on modules made to break them."""
    bad = tmp_path / "bad.py"
    bad.write_text("from asmo_cli import Workspace\nfrom asmo_cli import __version__\n")
    assert _imports(bad) == {"asmo_cli.api.workspace", "asmo_cli"}
    bad.write_text("from asmo_cli import cli\n")
    with pytest.raises(AssertionError):
        test_scripts_use_the_api_never_the_cli(bad)
