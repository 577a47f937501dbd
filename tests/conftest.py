import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "fixtures" / "gold"


@pytest.fixture(scope="session")
def nlp():
    import natoiraq

    return natoiraq.load()


@pytest.fixture(scope="session")
def seed_references():
    """Publication dates of the seeds, as established in fixtures/gold/seeds.jsonl."""
    return {json.loads(line)["path"].split("/")[-1]: json.loads(line)["date"]
            for line in (GOLD / "seeds.jsonl").read_text().splitlines()}
