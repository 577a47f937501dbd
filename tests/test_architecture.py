"""The package's shape, read from its source: no import circles, the speed-ups in a package of their
own, no module over 300 lines.

Imports are read with ``ast`` from every module under ``natoiraq/``, and those inside functions count
for circles as much as those at the top of a module. natoiraq defers imports into functions so that
``natoiraq --help`` and a cached run stay fast (spaCy, the model, trafilatura load only when used), and
Python tolerates a circle whose last step is deferred; but each circle the design review found
(pipeline -> scoring -> extract -> pipeline, terminal <-> writers, context <-> discourse, inputs <->
its format readers) closed through such a deferred import, and a reader changing one end of it still
has to know the other. Counting module-level imports only would have passed on all of them.

Two kinds of import do not count. One under ``if TYPE_CHECKING:`` never runs: it names a type for
annotations. And importing ``a.b.c`` runs the ``__init__`` of ``a`` and ``a.b`` too, which is not
counted as importing those packages (their ``__init__`` modules import nothing at module level);
``from natoiraq import __version__`` does count, as an import of ``natoiraq/__init__.py``.
"""

from __future__ import annotations

import ast
import importlib
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "natoiraq"
#: Lines a module may have; a longer one does more than one job.
LINE_LIMIT = 300
#: The modules over the limit today, each being split by its own change; the list may only shrink:
#: a module that falls under the limit must leave it.
OVER_LIMIT = {
}
#: Imports that close a circle, each to be removed by its own change; the list may only shrink.
KNOWN_CIRCLES: dict[tuple[str, str], str] = {}
SPEEDUPS = "natoiraq.speedups"
#: The one module that switches the speed-ups on: pipeline assembly.
ASSEMBLY = "natoiraq.pipeline.loading"
#: Libraries under spaCy whose internals only a speed-up may reach.
INTERNALS = ("blis", "thinc", "threadpoolctl")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_in(source: str, package: str) -> set[str]:
    """Every module a module's ``source`` imports, anywhere in it but under ``if TYPE_CHECKING:``, by
    absolute name (a package's submodule where ``from package import submodule`` names one); ``package``
    is the module's own."""
    found = set()
    nodes = [ast.parse(source)]
    while nodes:
        node = nodes.pop()
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            nodes.extend(node.orelse)  # a name for annotations only: never imported when the code runs
            continue
        nodes.extend(ast.iter_child_nodes(node))
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.update(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                         for alias in node.names)
    return found


def imported(name: str) -> set[str]:
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return imports_in(path.read_text(encoding="utf-8"), package)


def internal_imports(name: str) -> set[str]:
    """The natoiraq modules ``name`` imports (a name inside a module counts as the module)."""
    found = set()
    for target in imported(name):
        while target and target not in MODULES:
            target = target.rpartition(".")[0]
        if target and target != name:
            found.add(target)
    return found


GRAPH = {name: internal_imports(name) for name in MODULES}


def circles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            child = next(edges, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(frozenset(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


def test_circles_are_found():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [frozenset("abc")]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_imports_are_read_wherever_they_are():
    source = ("from typing import TYPE_CHECKING\nfrom .records import Record\nfrom . import jsonl\n"
              "from ..parsing import titles\nif TYPE_CHECKING:\n    from natoiraq.facts import DocumentFacts\n"
              "def read():\n    import natoiraq.run.cache\n    from natoiraq import speedups\n")
    assert imports_in(source, "natoiraq.reading") == {
        "typing", "natoiraq.reading.records", "natoiraq.reading.jsonl", "natoiraq.parsing.titles",
        "natoiraq.run.cache", "natoiraq.speedups"}


def test_no_import_circles():
    without_known = {name: targets - {t for (n, t) in KNOWN_CIRCLES if n == name} for name, targets in GRAPH.items()}
    assert [sorted(c) for c in circles(without_known)] == [], "import circles (a module reaches itself)"
    found = circles(GRAPH)
    closed = [(a, b) for a, b in KNOWN_CIRCLES if b not in GRAPH[a] or not any({a, b} <= c for c in found)]
    assert closed == [], "no longer closes a circle: take it out of KNOWN_CIRCLES"


def test_only_the_assembly_switches_the_speedups_on():
    importers = {name for name, targets in GRAPH.items() if not name.startswith(SPEEDUPS)
                 and any(t == SPEEDUPS or t.startswith(SPEEDUPS + ".") for t in targets)}
    assert importers == {ASSEMBLY}


def test_spacys_internals_are_reached_only_from_the_speedups():
    """A component replaced, or a library under spaCy used, outside natoiraq/speedups is a speed-up
    that has strayed among the rules."""
    strays = set()
    for name, path in MODULES.items():
        if name.startswith(SPEEDUPS):
            continue
        for target in imported(name):
            parts = target.split(".")
            if parts[0] in INTERNALS or parts[0] == "spacy" and any(p.startswith("_") for p in parts):
                strays.add((name, target))
        tree = ast.parse(path.read_text(encoding="utf-8"))
        strays.update((name, "replace_pipe") for node in ast.walk(tree)
                      if isinstance(node, ast.Attribute) and node.attr == "replace_pipe")
    assert strays == set()


def test_every_entry_point_names_a_function():
    """spaCy imports every factory entry point when it makes any pipeline: a stale one breaks them all."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    points = {name: target for group in ("spacy_factories", "spacy_scorers")
              for name, target in project["entry-points"][group].items()}
    assert len(points) > 8
    for name, target in points.items():
        module, _, attribute = target.partition(":")
        assert callable(getattr(importlib.import_module(module), attribute)), name


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_over_the_limit():
    over = {path.relative_to(ROOT).as_posix(): _lines(path) for path in MODULES.values()
            if _lines(path) > LINE_LIMIT}
    assert {p: n for p, n in over.items() if p not in OVER_LIMIT} == {}


def test_the_list_of_long_modules_only_shrinks():
    shrunk = [p for p in OVER_LIMIT if not (ROOT / p).exists() or _lines(ROOT / p) <= LINE_LIMIT]
    assert shrunk == [], "under the limit now: take it out of OVER_LIMIT"
