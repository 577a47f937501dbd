"""A datasette ``metadata`` file beside an exported database, so that ``datasette facts.db -m
facts.metadata.json`` is a browsing UI at once: tables and columns described, facets on what analysts
filter by, fact rows labelled by their article's title. datasette is not a dependency: natoiraq only
writes the JSON it reads (https://docs.datasette.io/en/stable/metadata.html).

datasette shows a value that is a web address as a link by itself, so ``documents.url`` and
``latest_levels.url`` are links without a plugin.
"""

from __future__ import annotations

import json
import os

SUFFIX = ".metadata.json"

#: Per table: its description, its facets, and the columns worth a word.
TABLES: dict[str, dict] = {
    "documents": {
        "description": "One row per article: its title, outlet, web address and reference date (the day "
                       "relative dates are read from).",
        "facets": ["outlet", "reference_origin"],
        "columns": {"outlet": "Who published it: page or feed metadata, a wire dateline, or the URL's domain",
                    "url": "The article's web address", "reference_date": "The day the article was written",
                    "meta": "The record's other fields, as JSON", "text": "The text every offset indexes"},
    },
    "troops": {
        "description": "One row per troop figure: how many, whose, where, when, and who says so.",
        "facets": ["force", "location", "kind", "status"],
        "columns": {"force": "Whose personnel", "location": "Where they are, or go, or leave",
                    "kind": "level, increase or decrease", "status": "actual or planned",
                    "low": "The least the figure says", "high": "The most the figure says",
                    "qualifier": "exact, approximate, more_than, less_than, up_to, at_least",
                    "as_of": "The ISO date the figure holds at", "as_of_start": "Its first day",
                    "as_of_end": "Its last day: sort by it for the latest",
                    "attribution_speaker": "Who the sentence says gave the figure",
                    "sentence": "The sentence the figure comes from"},
    },
    "latest_levels": {
        "description": "Each force's latest actual level in each place, one row per article reporting it "
                       "(natoiraq latest adds agreement and conflicts).",
        "facets": ["force", "location", "outlet"],
        "columns": {"age_days": "Days from the end of the level's period to today",
                    "url": "The reporting article's web address"},
    },
    "entities": {"description": "People, organisations and places named, with canonical names.",
                 "facets": ["label"], "columns": {"canonical": "The name as the actor table writes it"}},
    "dates": {"description": "Dates, durations and sets, normalised to TimeML values.",
              "facets": ["kind", "granularity"], "columns": {"value": "The ISO 8601 / TimeML value"}},
}


def metadata_path(database: str) -> str:
    """ "facts.db" -> "facts.metadata.json", beside it."""
    return os.path.splitext(database)[0] + SUFFIX


def metadata(database: str, title: str = "natoiraq facts") -> dict:
    """datasette's metadata for the database at ``database`` (named, as datasette names it, by its stem);
    fact tables label their document by its title."""
    tables = {name: dict(table) for name, table in TABLES.items()}
    tables["documents"]["label_column"] = "title"
    name = os.path.splitext(os.path.basename(database))[0]
    return {"title": title, "source": "natoiraq export",
            "databases": {name: {"description": "Facts natoiraq extracted from defence and security news.",
                                 "tables": tables}}}


def write_metadata(database: str) -> str:
    """Write the metadata beside ``database`` (atomically); its path."""
    from natoiraq.outputs.writers import atomic_output

    path = metadata_path(database)
    with atomic_output(path) as stream:
        json.dump(metadata(database), stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    return path
