"""``datasette facts.db -m facts.metadata.json`` serves an exported database as the metadata describes it:
tables described, facets on what analysts filter by, fact rows labelled by their article's title, web
addresses as links. datasette is a test extra (pip install -e '.[test]'); without it these are skipped.
Served in-process through datasette's own client: no port, no network."""

import asyncio
import json
import re

import pytest

from natoiraq.outputs import datasette as metadata, sql
from tests.handmade import CORPUS

app = pytest.importorskip("datasette.app", reason="datasette is a test extra: pip install -e '.[test]'")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The pages datasette serves for the handmade corpus exported with its metadata, by path."""
    path = tmp_path_factory.mktemp("datasette") / "facts.db"
    sql.export(CORPUS, str(path))
    with open(metadata.write_metadata(str(path)), encoding="utf-8") as stream:
        described = json.load(stream)

    async def pages():
        server = app.Datasette([str(path)], metadata=described)
        wanted = ("/facts.json", "/facts/troops", "/facts/troops.json?_size=0", "/facts/documents",
                  "/facts/latest_levels.json?_size=0")
        responses = [await server.client.get(page) for page in wanted]
        assert [r.status_code for r in responses] == [200] * len(wanted)
        return dict(zip(wanted, responses))

    return asyncio.run(pages())


def test_every_table_the_metadata_describes_is_served(served):
    tables = {t["name"] for t in served["/facts.json"].json()["tables"]}
    views = {"latest_levels"}
    assert set(metadata.TABLES) - views <= tables
    assert served["/facts/latest_levels.json?_size=0"].json()["is_view"]


def test_tables_are_described_and_faceted_as_the_metadata_says(served):
    page = served["/facts/troops"].text
    assert metadata.TABLES["troops"]["description"] in page
    assert metadata.TABLES["troops"]["columns"]["force"] in page
    facets = served["/facts/troops.json?_size=0"].json()["facet_results"]
    assert list(facets) == ["force", "location", "kind", "status"]
    assert {r["value"]: r["count"] for r in facets["force"]["results"]}["NATO"] == 2
    assert list(served["/facts/latest_levels.json?_size=0"].json()["facet_results"]) == ["force", "location", "outlet"]


def test_a_fact_row_names_its_article_by_title_and_a_web_address_is_a_link(served):
    assert re.search(r'<a href="/facts/documents/\d+">Title of invasion</a>', served["/facts/troops"].text)
    assert '<a href="https://example.org/a">https://example.org/a</a>' in served["/facts/documents"].text
