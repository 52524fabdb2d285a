"""The layer map is LAYERS below: every top-level module and package of tracker/
has a place on it and names the layers it may import. Every import in every
file keeps to it (imports inside functions too), no tracker module comes back
to itself through its imports, and the README's table of layers is this map."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "tracker"

ABOVE = "every layer above"  # what the command line may import: all of it

# The layer map, lowest first: each top-level module or package of tracker/ and
# the layers it may import besides itself. A layer names only layers listed
# before it, so the map itself has no circle. A new package is one line here,
# where it belongs; an application layer between cli and storage, engine and
# views goes just above "cli", e.g. `"app": ("writes", "storage", "views", ...)`
# (cli takes every layer above it, so nothing else here changes), with a row in
# each of the README's tables: the layers, and the modules.
LAYERS: dict[str, tuple[str, ...] | str] = {
    "__init__": (),  # tracker/__init__.py: the version, and Ctrl-C while loading
    "words": (),
    "numbers": (),
    "jsontext": (),
    "fillin": (),
    "problems": ("words",),
    "dates": ("problems",),
    "model": ("numbers",),
    "kinds": ("model", "numbers", "words"),
    "ledger": ("kinds", "model", "numbers", "problems"),
    "refs": ("ledger", "model", "problems", "words"),
    "storage": ("ledger", "kinds", "model", "fillin", "jsontext", "numbers", "problems", "words",
                "__init__"),
    "engine": ("ledger", "kinds", "model", "numbers"),
    "rules": ("engine", "ledger", "kinds", "model", "dates", "numbers", "problems", "words"),
    "loader": ("storage", "rules", "model", "problems"),
    "writes": ("storage", "rules", "engine", "ledger", "model", "problems"),
    "views": ("engine", "kinds", "model", "fillin", "numbers", "problems", "words"),
    "render": ("views", "jsontext", "__init__"),
    "city": ("loader", "storage", "engine", "kinds", "model", "problems", "words"),
    "app": ("loader", "storage", "writes", "views", "engine", "rules", "ledger", "refs", "model",
            "dates", "problems", "words"),
    "cli": ABOVE,
    "__main__": ("cli",),
}  # fmt: skip

# What a layer may not import from outside tracker. The pure layers read no
# files and draw nothing: status, rules and words are functions of their inputs.
IO = ("os", "pathlib", "io", "shutil", "tempfile", "subprocess", "filelock")
UI = ("click", "rich", "jinja2")
PURE = ("words", "numbers", "jsontext", "fillin", "problems", "dates", "model", "kinds",
        "ledger", "refs", "engine", "rules", "views")  # fmt: skip
OUTSIDE = {**dict.fromkeys(PURE, IO + UI), "writes": IO + UI, "storage": UI, "render": ("click",),
           "app": UI}  # fmt: skip


def may_import(layer: str) -> set[str]:
    allowed = LAYERS[layer]
    if allowed == ABOVE:
        return set(list(LAYERS)[: list(LAYERS).index(layer)])
    return set(allowed)


# ── every import, as Python would resolve it ─────────────────────────────────


class Import(NamedTuple):
    name: str  # the module imported, as Python names it
    line: int


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_in(source: str, module: str, *, package: bool, known=MODULES) -> list[Import]:
    """Every import in `source` (the text of `module`; `package` when it is an
    __init__.py), wherever it stands: at the top, inside a function, under an
    `if`. Relative imports are resolved; `from tracker.cli import help` is the
    module tracker.cli.help; a string that names a tracker module is an import
    too, since the command group loads its commands by name."""
    here = module.split(".") if package else module.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [Import(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                stem = here[: len(here) - node.level + 1]
                base = ".".join(stem + ([node.module] if node.module else []))
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.append(Import(sub if sub in known else base, node.lineno))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.value.startswith("tracker.") and node.value in known:
                found.append(Import(node.value, node.lineno))
    return found


def imports_of(module: str) -> list[Import]:
    path = MODULES[module]
    source = path.read_text(encoding="utf-8")
    return imports_in(source, module, package=path.name == "__init__.py")


def layer_of(module: str) -> str:
    """tracker.engine.status → engine; tracker → __init__."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def outside_the_map(module: str, imports: list[Import]) -> list[str]:
    """The imports of `module` its layer may not make, as 'line: name'."""
    layer = layer_of(module)
    if layer not in LAYERS:
        return [f"anything: {layer} has no place on LAYERS"]
    allowed = may_import(layer) | {layer}
    banned = OUTSIDE.get(layer, ())
    bad = []
    for name, line in imports:
        top = name.split(".")[0]
        if top == "tracker":
            if layer_of(name) not in allowed:
                bad.append(f"{line}: {name} (layer {layer_of(name)})")
        elif top in banned:
            bad.append(f"{line}: {name}")
    return bad


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each group of modules that import one another in a circle (Tarjan's
    strongly connected components of more than one module), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while not group or group[-1] != node:
                group.append(stack.pop())
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def a_circle(graph: dict[str, set[str]], group: list[str]) -> list[str]:
    """One shortest way round `group`, from its first module back to it."""
    start = group[0]
    ways = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for other in sorted(graph[node] & set(group)):
            if other == start:
                return [*ways[node], start]
            if other not in ways:
                ways[other] = [*ways[node], other]
                queue.append(other)
    return group


def import_graph(modules=MODULES, imports=imports_of) -> dict[str, set[str]]:
    """Module → the tracker modules it imports. A module's parent packages,
    which Python loads first, are not edges: every package would be a circle
    with each module it imports."""
    return {
        module: {name for name, _ in imports(module) if name in modules and name != module}
        for module in modules
    }


# ── the map ──────────────────────────────────────────────────────────────────


def test_every_module_and_package_of_tracker_has_a_place_on_the_map():
    on_disk = {
        path.stem if path.is_file() else path.name
        for path in PACKAGE.iterdir()
        if path.suffix == ".py" or (path / "__init__.py").exists()
    }
    assert on_disk == set(LAYERS), "place each on LAYERS (and in the README's table)"


def test_each_layer_names_only_layers_below_it():
    for position, layer in enumerate(LAYERS):
        below = set(list(LAYERS)[:position])
        assert may_import(layer) <= below, (layer, may_import(layer) - below)


@pytest.mark.parametrize(
    "module", list(MODULES), ids=lambda m: str(MODULES[m].relative_to(PACKAGE))
)
def test_each_module_imports_only_what_its_layer_may(module):
    bad = outside_the_map(module, imports_of(module))
    assert not bad, f"{MODULES[module].relative_to(REPO)} imports {bad}"


def test_no_module_imports_itself_back_through_others():
    graph = import_graph()
    found = [" → ".join(a_circle(graph, group)) for group in circles(graph)]
    assert not found, f"import circles (imports inside functions count): {found}"


@pytest.mark.parametrize(
    "module, source, package",
    [
        ("tracker.engine.status", "def f():\n    from tracker.rules import entries\n", False),
        ("tracker.engine.status", "import tracker.rules.entries\n", False),
        ("tracker.words.report", "from ..views import phrases\n", False),
        ("tracker.words", "from tracker.views.phrases import state_text\n", True),
        ("tracker.views.show", "from tracker.storage.datadir import load_plan\n", False),
        ("tracker.rules.plan", "import click\n", False),
        ("tracker.model", "def f():\n    import os\n", False),
        ("tracker.render.out", "from tracker.engine import status\n", False),
    ],
)
def test_an_import_off_the_map_is_found(module, source, package):
    """The checks above fail when the map is broken, inside a function or by a
    relative import too."""
    assert outside_the_map(module, imports_in(source, module, package=package))


def test_a_circle_behind_imports_inside_functions_is_found():
    sources = {
        "tracker.render.out": "def render():\n    from tracker.render.email import mime\n",
        "tracker.render.email": "def mime():\n    from .out import render\n",
        "tracker.render.table": "from tracker.render import text\n",
        "tracker.render.text": "",
    }

    def imports(module):
        return imports_in(sources[module], module, package=False, known=sources)

    graph = import_graph(modules=sources, imports=imports)
    assert circles(graph) == [["tracker.render.email", "tracker.render.out"]]
    assert a_circle(graph, circles(graph)[0]) == [
        "tracker.render.email", "tracker.render.out", "tracker.render.email"
    ]  # fmt: skip


# ── the README says the same ─────────────────────────────────────────────────


def readme_table(heading: str) -> list[list[str]]:
    """The rows of the README's table whose header row starts with `heading`."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index(f"| {heading} |")
    rows = []
    for line in text[start:].splitlines()[2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def test_the_readme_table_of_layers_is_this_map():
    readme = {}
    for layer, allowed in readme_table("layer"):
        names = re.findall(r"`([^`]+)`", allowed)
        readme[layer.strip("`")] = ABOVE if allowed == ABOVE else tuple(names)
    assert list(readme) == list(LAYERS), "the same layers, in the same order"
    for layer, allowed in LAYERS.items():
        wanted = allowed if allowed == ABOVE else set(allowed)
        got = readme[layer] if readme[layer] == ABOVE else set(readme[layer])
        assert got == wanted, layer


def test_the_readme_module_table_names_every_module_and_package():
    named = " ".join(row[0] for row in readme_table("module"))
    for layer in LAYERS:
        if not layer.startswith("__"):
            assert re.search(rf"\b{layer}(\.py|/)", named), layer
    for path in re.findall(r"tracker/[\w/]+(?:\.py|/)", named):
        assert (REPO / path).exists(), path


# ── what the pure layers pull in, and who touches data files ─────────────────


def test_importing_the_pure_layers_loads_no_io_or_ui_library():
    """Like pipx's test_imports: what importing them really pulls in, transitively."""
    modules = [m for m in MODULES if layer_of(m) in PURE]
    code = (
        "import sys, json\n"
        f"for m in {modules!r}: __import__(m)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    loaded = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True,
                                       check=True, text=True).stdout)  # fmt: skip
    impure = [f"tracker.{layer}" for layer in LAYERS if layer not in PURE and layer != "__init__"]
    for banned in ("click", "rich", "jinja2", "filelock", *impure):
        assert not [m for m in loaded if m == banned or m.startswith(banned + ".")], banned


def test_only_storage_touches_data_files():
    """Reading and writing the data folder happens in tracker/storage/ (and the
    CLI's --output, which writes a report, not data)."""
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith(("storage/", "words/")):  # the catalogue names files in messages
            continue
        text = path.read_text(encoding="utf-8")
        for needle in ('"goals.toml"', '".jsonl"', "*.jsonl", "FileLock", "O_APPEND", " open("):
            assert needle not in text, f"{rel} mentions {needle}"
    for path in PACKAGE.rglob("*.py"):
        if layer_of(module_name(path)) in PURE:
            tree = ast.parse(path.read_text(encoding="utf-8"))
            opens = [
                node.lineno
                for node in ast.walk(tree)
                if isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "open"
            ]
            assert not opens, f"{path.relative_to(REPO)}:{opens} opens a file"
