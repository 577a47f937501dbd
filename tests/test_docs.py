"""The docs that are generated from the code are up to date, and the check would notice if not."""

from pathlib import Path

from natoiraq.cli import cli
from natoiraq.cli import docs as generator

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def test_generated_docs_are_current():
    """docs/reference.md (every --help), docs/schema.md (facts.py) and cli.md's exit table."""
    assert generator.stale(DOCS) == [], "run: python -m natoiraq.cli.docs"


def test_a_help_edited_without_regenerating_is_stale(monkeypatch):
    monkeypatch.setattr(cli.commands["timeline"], "help", "Troop levels, said differently.")
    assert generator.stale(DOCS) == [DOCS / "reference.md"]


def test_the_exit_table_is_the_code_s(monkeypatch):
    from natoiraq.cli import exits

    monkeypatch.setattr(exits, "EXIT_STATUS", exits.EXIT_STATUS[:-1])  # 143 forgotten, as once in two places
    assert generator.stale(DOCS) == [DOCS / "cli.md"]


def test_no_doc_points_at_files_a_clone_lacks():
    for path in [ROOT / "README.md", ROOT / "CHANGELOG.md", *DOCS.glob("*.md")]:
        assert "../shared" not in path.read_text(encoding="utf-8"), path


def test_every_doc_the_readme_links_exists():
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"\]\((docs/[\w.-]+\.md)", readme))
    assert linked and all((ROOT / link).exists() for link in linked), linked


def test_help_shows_the_public_api_with_its_docstrings():
    import pydoc

    import natoiraq

    page = pydoc.render_doc(natoiraq, renderer=pydoc.plaintext)
    public = [name for name in natoiraq.__all__ if not name.startswith("_")]
    assert public and all(getattr(natoiraq, name).__doc__ for name in public)
    contents = page[page.index("PACKAGE CONTENTS"):page.index("CLASSES")]
    classes = page[page.index("CLASSES"):page.index("FUNCTIONS")]
    functions = page[page.index("FUNCTIONS"):]
    assert sorted(public) == ["ExtractOptions", "extract", "extract_records", "load"]  # a new name: add its check
    assert "\n    extract\n" in contents  # natoiraq.extract is the module natoiraq/extract.py, callable
    assert "\n    class ExtractOptions(" in classes
    assert "\n    load(" in functions and "\n    extract_records = extract(" in functions
