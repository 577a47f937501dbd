import json
import random
import re
from pathlib import Path

import pytest
import spacy

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "fixtures" / "gold"


def written_articles() -> list[str]:
    """The seeds and every gold fixture's text, as written."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for path in sorted(GOLD.glob("*.jsonl")):
        texts += [r["text"] for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if "text" in r]
    return texts


# Colloquial English that the multi-token, REGEX and NOT_IN rules are for (the fallback Matcher's share).
COLLOQUIAL = (
    "We're gonna stay, y'all said. Let's go. C'mon, it ain't over and they ain't done. There's nothin' left "
    "and there are no troops. I gotta go, he got it, she gets it. Give it to me; they sent you it. Did you do it? "
    "I have done it and he has had enough. That is what they did. Those were there. Which did they choose? "
    "It isn't, they aren't, I'm not, we've been, you'd have. Y'all gotta see. Nuthin' doing."
)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def varied_texts() -> list[str]:
    """The seeds and fixture articles, as written, lower-cased, upper-cased, and recombined sentence by sentence."""
    texts = written_articles()
    sentences = [s for text in texts for s in _sentences(text)] + _sentences(COLLOQUIAL)
    rng = random.Random(16)
    mixed = []
    for _ in range(2):
        rng.shuffle(sentences)
        mixed += [" ".join(sentences[i:i + 12]) for i in range(0, len(sentences), 12)]
    return texts + [t.lower() for t in texts] + [t.upper() for t in texts[:10]] + mixed + [COLLOQUIAL]


def stock_and_swapped(swap_in):
    """The model as spaCy loads it, and a second copy with ``swap_in`` applied (NER is left out:
    it comes after the components swapped and reads none of their output)."""
    from natoiraq.pipeline.loading import model_name

    stock, swapped = (spacy.load(model_name(), exclude=["senter", "ner"]) for _ in range(2))
    assert swap_in(swapped)
    return stock, swapped


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
