"""Markdown notes and exports: front matter is metadata, markup is not text.

YAML front matter (between ``---`` lines) gives the title, date and URL under
the same names as JSON Lines records, and is not part of the text. The body is
parsed with markdown-it-py (CommonMark, plus tables) and reported as plain
text: headings, paragraphs, list items, table rows and HTML blocks each a
paragraph, separated by blank lines; emphasis, links and inline HTML reduced
to their text, so ``from **500** to about **4,000**`` reads as ``from 500 to about
4,000``; images left out. Offsets index that plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from natoiraq.parsing.titles import choose_title
from natoiraq.reading.decoding import decoded
from natoiraq.reading.records import PARAGRAPH_BREAK, InputFailure, InputWarning, Item, record_from_json

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
# Inline tokens that carry article text; markup tokens (strong_open, link_open, html_inline, image) do not.
_INLINE_TEXT = {"text": None, "code_inline": None, "softbreak": "\n", "hardbreak": "\n"}


@dataclass
class Note:
    text: str
    title: str | None = None
    front_matter: dict[str, Any] = field(default_factory=dict)
    problem: str | None = None  # front matter that could not be read


def read_markdown(source: str) -> Note:
    """The plain text and front matter of a Markdown document."""
    front, problem = {}, None
    match = _FRONT_MATTER.match(source)
    if match:
        front, problem = _front_matter(match.group(1))
        source = source[match.end():]
    title = front.get("title") or front.get("headline")
    return Note(PARAGRAPH_BREAK.join(_plain_blocks(source)), title=str(title) if title else None,
                front_matter=front, problem=problem)


#: The most YAML nodes front matter may stand for, aliases expanded: a few hundred bytes of nested
#: aliases ("billion laughs") would otherwise expand to gigabytes when ``meta`` is written.
FRONT_MATTER_MAX_NODES = 10_000


class _TooLarge(Exception):
    pass


def _front_matter_loader():
    """PyYAML's safe loader, refusing alias bombs and keeping a date that is no day
    (``2021-02-30``, ``0000-00-00``) as text, for the date reader to warn about."""
    import yaml

    class Loader(yaml.SafeLoader):
        def construct_document(self, node):
            if _expanded_size(node, {}) > FRONT_MATTER_MAX_NODES:
                raise _TooLarge
            return super().construct_document(node)

        def construct_yaml_timestamp(self, node):
            try:
                return super().construct_yaml_timestamp(node)
            except ValueError:
                return self.construct_scalar(node)

    Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)
    return Loader


def _expanded_size(node, sizes: dict[int, int | None]) -> int:
    """The nodes ``node`` stands for with every alias expanded, capped past the budget; each shared
    node's size is worked out once (``sizes``, by id), so this is linear in the written document."""
    from yaml.nodes import MappingNode, SequenceNode

    if sizes.get(id(node), 0) is None:  # a node inside itself (``&a [*a]``) expands forever
        return FRONT_MATTER_MAX_NODES + 1
    if id(node) not in sizes:
        sizes[id(node)] = None
        children = [part for pair in node.value for part in pair] if isinstance(node, MappingNode) \
            else node.value if isinstance(node, SequenceNode) else []
        sizes[id(node)] = min(1 + sum(_expanded_size(child, sizes) for child in children),
                              FRONT_MATTER_MAX_NODES + 1)
    return sizes[id(node)]


def _front_matter(block: str) -> tuple[dict[str, Any], str | None]:
    import yaml

    try:
        data = yaml.load(block, Loader=_front_matter_loader())  # noqa: S506 (a safe loader)
    except _TooLarge:
        return {}, f"front matter's YAML aliases expand past {FRONT_MATTER_MAX_NODES:,} values; " \
                   "read as text without metadata"
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        return {}, f"front matter is not valid YAML{where}; read as text without metadata"
    if data is None:
        return {}, None
    if not isinstance(data, dict):
        return {}, "front matter is not a YAML mapping; ignored"
    return {str(k): v for k, v in data.items()}, None


def _plain_blocks(source: str) -> list[str]:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").enable("strikethrough").parse(source)
    blocks: list[str] = []
    row: list[str] | None = None
    for token in tokens:
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            blocks.append("\t".join(row))
            row = None
        elif token.type == "inline":
            text = "".join(_INLINE_TEXT.get(child.type) or child.content
                           for child in token.children or () if child.type in _INLINE_TEXT).strip()
            if row is not None:
                row.append(text)
            elif text:
                blocks.append(text)
        elif token.type in ("fence", "code_block") and token.content.strip():
            blocks.append(token.content.strip("\n"))
        elif token.type == "html_block" and (text := _html_text(token.content)):
            blocks.append(text)  # web clippers keep paragraphs as HTML blocks
    return blocks


def _html_text(html: str) -> str:
    import lxml.html
    from lxml.etree import ParserError

    try:
        return " ".join(lxml.html.fromstring(html).text_content().split())
    except ParserError:  # a comment or stray tag alone
        return ""


def markdown_records(data: bytes, path: str, doc_id: str, file_date: str | None, fields=None) -> Iterator[Item]:
    """The record of a Markdown file, its front matter read as a JSON Lines record's fields are."""
    for item in decoded(data, path):
        if not isinstance(item, str):
            yield item
            continue
        note = read_markdown(item)
        if not note.text.strip():
            yield InputFailure(path, "no text besides front matter and markup")
            return
        if note.problem:
            yield InputWarning(path, note.problem)
        front = {key: value for key, value in note.front_matter.items() if key != "text"}
        record = record_from_json({**front, "text": note.text}, path, doc_id, file_date, fields)
        if isinstance(record, str):
            yield InputFailure(path, f"front matter: {record}")
            return
        record.title = record.title or choose_title(note.text)
        yield record
