"""Which rules does no test guard? Disable one rule at a time and run the tests.

A rule is either

- a branch of the rule modules that decides something: an ``if`` whose body
  returns, continues or breaks (``if lemma == "add" and ...: return "increase"``).
  Disabling it means its condition is never true (the AST is rewritten and the
  module re-executed in place); or
- a word list in ``natoiraq/data`` (a top-level key of a table, or one entry of a
  dict of lists such as ``qualified_personnel.staff``). Disabling it empties it.

For each rule a fresh pytest process runs the tests that exercise the extractor,
with this file loaded as a plugin (``-p tests.mutation``) that applies the one
mutant named in ``$NATOIRAQ_MUTANT`` before anything is collected. A mutant that
leaves every test passing is a rule no test guards.

    python tests/mutation.py --list                     # the rules, by id
    python tests/mutation.py                            # every rule (slow: one test run each)
    python tests/mutation.py change.py:40 data:troops.money_words
    python tests/mutation.py --module natoiraq.pipeline.troops.change --jobs 2

Exit 0 when every rule run is guarded, 1 otherwise. Not collected by pytest
(the name does not start with ``test_``).
"""

from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The modules whose branches are rules.
MODULES = (*(f"natoiraq.pipeline.troops.{part}" for part in (
               "phrases", "counts", "sizes", "exclusions", "whose", "owners", "change", "named", "moves", "status", "plans", "clauses",
               "discourse", "topic", "where", "placing", "nowhere", "when", "mentions", "lists", "people", "borders", "elided", "nouns",
               "theatres")),
           "natoiraq.knowledge.ontology",
           "natoiraq.pipeline.entities",
           *(f"natoiraq.pipeline.dates.{part}" for part in ("patterns", "candidates", "speech", "component")),
           "natoiraq.pipeline.paragraphs", "natoiraq.pipeline.syntax", "natoiraq.speedups.candidates", "natoiraq.parsing.quantities",
           "natoiraq.parsing.numbers",
           *(f"natoiraq.parsing.dates.{part}" for part in ("calendar", "iso", "years", "relative", "durations", "resolve")))
#: The tests that exercise the rules (the format and CLI tests do not).
TESTS = ("tests/test_rules.py", *(f"tests/test_troops_{part}.py" for part in (
             "phrases", "counts", "whose", "change", "where", "ontology", "lists")), "tests/test_when.py",
         "tests/test_articles.py", "tests/test_seeds.py", "tests/test_numbers.py",
         "tests/test_dates.py", "tests/test_evaluate.py", "tests/test_speedups_candidates.py", "tests/test_library.py::test_doc_extensions_carry_the_facts")
ENV = "NATOIRAQ_MUTANT"


class _Disable(ast.NodeTransformer):
    """Make the condition of the ``if`` on one line never true."""

    def __init__(self, line: int):
        self.line = line
        self.done = False

    def visit_If(self, node: ast.If) -> ast.AST:
        if node.lineno == self.line and _decides(node):
            node.test = ast.copy_location(ast.Constant(False), node.test)
            self.done = True
        self.generic_visit(node)
        return node


def _decides(node: ast.If) -> bool:
    return any(isinstance(s, (ast.Return, ast.Continue, ast.Break)) for s in node.body)


def _source(module_name: str) -> tuple[str, str]:
    module = importlib.import_module(module_name)
    return inspect.getsourcefile(module), inspect.getsource(module)


def branch_rules(module_name: str) -> list[str]:
    path, source = _source(module_name)
    name = Path(path).relative_to(ROOT / "natoiraq").as_posix()
    return [f"{name}:{node.lineno}" for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.If) and _decides(node)]


def data_rules() -> list[str]:
    from importlib import resources

    from natoiraq.knowledge import lexicon

    rules = []
    for entry in sorted(resources.files("natoiraq.data").iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".json") or entry.name.endswith(".schema.json"):
            continue
        name = entry.name.removesuffix(".json")
        for key, value in lexicon.table(name).items():
            if key.startswith("_"):
                continue
            rules.append(f"data:{name}.{key}")
            if isinstance(value, dict) and all(isinstance(v, list) for v in value.values()):
                rules += [f"data:{name}.{key}.{inner}" for inner in value]
    return rules


def apply(mutant: str) -> None:
    """Disable one rule in this process."""
    if mutant.startswith("data:"):
        from natoiraq.knowledge import lexicon

        name, *keys = mutant.removeprefix("data:").split(".", 2)
        holder = lexicon.table(name)
        for key in keys[:-1]:
            holder = holder[key]
        holder[keys[-1]] = type(holder[keys[-1]])()
        return
    name, line = mutant.rsplit(":", 1)
    module_name = "natoiraq." + name.removesuffix(".py").removesuffix("/__init__").replace("/", ".")
    path, source = _source(module_name)
    tree = ast.parse(source)
    disable = _Disable(int(line))
    tree = disable.visit(tree)
    if not disable.done:
        raise SystemExit(f"mutation: no rule at {mutant}")
    module = sys.modules[module_name]
    before = dict(module.__dict__)
    exec(compile(ast.fix_missing_locations(tree), path, "exec"), module.__dict__)
    # modules that did "from module import f" hold the old function: point them at the mutant too
    rebound = {id(old): module.__dict__[name] for name, old in before.items()
               if inspect.isfunction(old) and module.__dict__.get(name) is not old}
    for other in list(sys.modules.values()):
        names = getattr(other, "__dict__", {})
        if other is not module and getattr(other, "__name__", "").startswith("natoiraq"):
            for name, value in list(names.items()):
                if id(value) in rebound:
                    names[name] = rebound[id(value)]


def pytest_configure(config) -> None:
    """The plugin side: disable the rule named in $NATOIRAQ_MUTANT before the tests load anything."""
    if os.environ.get(ENV):
        apply(os.environ[ENV])


def run(mutant: str, tests: tuple[str, ...]) -> bool:
    """True when some test fails with the rule disabled (the rule is guarded)."""
    env = dict(os.environ, **{ENV: mutant})
    result = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "tests.mutation",
                             "-p", "no:cacheprovider", *tests], cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode not in (0, 1):  # 1: tests failed; anything else: the run itself broke
        raise SystemExit(f"mutation: {mutant}: pytest exited {result.returncode}\n{result.stdout[-2000:]}")
    return result.returncode == 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mutants", nargs="*", help="rule ids (default: all)")
    parser.add_argument("--module", action="append", help="only the branches of this module (repeatable)")
    parser.add_argument("--no-data", action="store_true", help="leave the data tables alone")
    parser.add_argument("--list", action="store_true", help="list the rule ids and exit")
    parser.add_argument("--jobs", type=int, default=1, help="test runs at once")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    mutants = args.mutants or [rule for module in (args.module or MODULES) for rule in branch_rules(module)] + (
        [] if args.no_data or args.module else data_rules())
    if args.list:
        print("\n".join(mutants))
        return 0
    if run("", TESTS):
        raise SystemExit("mutation: the tests fail with no rule disabled; fix them first")
    unguarded = []
    with ThreadPoolExecutor(args.jobs) as pool:
        for mutant, guarded in zip(mutants, pool.map(lambda m: run(m, TESTS), mutants)):
            print(f"{'guarded  ' if guarded else 'UNGUARDED'} {mutant}", flush=True)
            if not guarded:
                unguarded.append(mutant)
    print(f"{len(mutants) - len(unguarded)} of {len(mutants)} rules guarded by a test")
    return 1 if unguarded else 0


if __name__ == "__main__":
    sys.exit(main())
