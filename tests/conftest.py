import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "fixtures" / "gold"


def written_articles() -> list[str]:
    """The seeds and every gold fixture's text, as written."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for path in sorted(GOLD.glob("*.jsonl")):
        texts += [r["text"] for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if "text" in r]
    return texts


@pytest.fixture(scope="session")
def nlp():
    import natoiraq

    return natoiraq.load()


@pytest.fixture(scope="session")
def seed_references():
    """Publication dates of the seeds, as established in fixtures/gold/seeds.jsonl."""
    return {json.loads(line)["path"].split("/")[-1]: json.loads(line)["date"]
            for line in (GOLD / "seeds.jsonl").read_text().splitlines()}


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory):
    """Every test run gets its own empty result cache, never the user's."""
    import os

    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if previous is None:
        os.environ.pop("XDG_CACHE_HOME")
    else:
        os.environ["XDG_CACHE_HOME"] = previous


@pytest.fixture(scope="session")
def troop_figures(nlp):
    """The troop figures of a text, by their text as written: ``troop_figures("...")["450"].force``."""
    return lambda text: {t.text: t for t in nlp(text)._.natoiraq.troops}
