"""Throughput and memory of natoiraq against the statistical model it wraps.

Prints ratios measured in one run, on one machine, so that noise from shared
hardware cancels out. Targets (issue 5):

  end to end / raw nlp.pipe, one process ......... >= 0.85
  end to end, 2 workers / 1 process ............. >= 1.6   (on 2 cores)
  peak RSS, 10x the documents / 1x .............. ~1.0     (streamed)
  cold `natoiraq extract seeds/` - model load ...  <= 1.5 s
  `natoiraq --help` ............................  < 0.3 s

Run:  .venv/bin/python bench/bench.py            (about 10 minutes on 2 cores)
      .venv/bin/python bench/bench.py --quick    (smaller corpora, a couple of minutes)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "fixtures" / "gold"


def corpus_texts() -> list[str]:
    """The seeds and every gold article's text: real and written wire copy."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for path in sorted(GOLD.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if "text" in record:
                texts.append(record["text"])
    return texts


def build_corpus(n: int, seed: int = 13) -> list[str]:
    texts = corpus_texts()
    rng = random.Random(seed)
    return [rng.choice(texts) for _ in range(n)]


def write_jsonl(texts: list[str], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i, text in enumerate(texts):
            f.write(json.dumps({"id": str(i), "text": text, "date": "2021-02-16"}) + "\n")


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def raw_pipe(model: str, texts: list[str], batch_size: int) -> tuple[float, int]:
    """The statistical model alone, as spaCy ships it: the cost natoiraq cannot avoid."""
    import spacy

    nlp = spacy.load(model)
    list(nlp.pipe(texts[:20]))  # warm up
    seconds, tokens = timed(lambda: sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size)))
    return seconds, tokens


def end_to_end(model: str, corpus: Path, workers: int, batch_size: int) -> float:
    """`natoiraq extract corpus.jsonl -o out.jsonl` in-process: read, extract, serialise, write.

    The model is loaded before the clock starts, as for the raw measurement;
    cold start is measured on its own below.
    """
    from natoiraq.pipeline.loading import load
    from natoiraq.cli.runner import run_extract

    nlp = load(model)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "facts.jsonl")
        # The corpus repeats its articles: --keep-duplicates, so that every one is extracted (and checked).
        seconds, code = timed(lambda: run_extract([str(corpus)], fmt="jsonl", output=out, nlp=nlp, use_cache=False,
                                                  workers=workers, batch_size=batch_size, quiet=True,
                                                  duplicates="keep"))
        assert code == 0
    return seconds


def peak_rss_mb(model: str, corpus: Path, batch_size: int) -> float:
    """Peak resident memory of a whole `natoiraq extract` process over ``corpus``."""
    code = ("import resource, sys; from natoiraq.cli import main; sys.argv = ['natoiraq', 'extract', sys.argv[1], "
            "'-o', sys.argv[2], '-q', '--no-cache', '--keep-duplicates', '--model', sys.argv[3], '--batch-size', sys.argv[4]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    with tempfile.TemporaryDirectory() as tmp:
        result = subprocess.run([sys.executable, "-c", code, str(corpus), os.path.join(tmp, "o.jsonl"), model,
                                 str(batch_size)], capture_output=True, text=True, check=True)
    return int(result.stdout.strip().splitlines()[-1]) / 1024


PAGE = """<!DOCTYPE html><html><head><title>{title} | Defence Wire</title>
<meta property="og:title" content="{title}"><meta property="og:url" content="https://defencewire.example/{n}">
<meta property="article:published_time" content="2021-02-16T09:00:00Z"><style>body {{ font-family: serif; }}</style>
</head><body><div class="cookie-banner">We use cookies. <button>Accept</button></div>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/analysis">Analysis</a></nav>
<article><h1>{title}</h1>{paragraphs}</article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/x">Germany sends 1,200 soldiers</a></li></ul></aside>
<footer>&copy; 2021 Defence Wire. <a href="/privacy">Privacy</a></footer></body></html>"""


def html_seconds_per_page(texts: list[str]) -> float:
    """trafilatura and htmldate on each text saved as a web page: the cost a .html input adds."""
    from html import escape

    from natoiraq.reading.html import read_page

    pages = []
    for n, text in enumerate(texts):
        title, _, body = text.strip().partition("\n")
        paragraphs = "".join(f"<p>{escape(p.strip())}</p>" for p in body.split("\n") if p.strip())
        pages.append(PAGE.format(title=escape(title), n=n, paragraphs=paragraphs))
    read_page(pages[0])  # imports
    seconds, _ = timed(lambda: [read_page(page) for page in pages])
    return seconds / len(pages)


def command_seconds(args: list[str], repeat: int = 3) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, capture_output=True, check=True, cwd=ROOT)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000, help="articles in the throughput corpus")
    parser.add_argument("--memory-docs", type=int, nargs=2, default=(1000, 10000), metavar=("SMALL", "LARGE"))
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--quick", action="store_true", help="500 articles; memory at 200 and 2,000")
    args = parser.parse_args()
    if args.quick:
        args.docs, args.memory_docs = 500, (200, 2000)

    from natoiraq.pipeline.loading import model_name

    model = model_name(None)
    texts = build_corpus(args.docs)
    print(f"model {model}; corpus {len(texts)} articles; {os.cpu_count()} cores; batch {args.batch_size}")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_jsonl(texts, corpus)

        raw_seconds, tokens = raw_pipe(model, texts, args.batch_size)
        raw_rate = tokens / raw_seconds
        print(f"raw nlp.pipe             {raw_rate:10,.0f} tokens/s  ({tokens:,} tokens in {raw_seconds:.1f} s)")
        one = tokens / end_to_end(model, corpus, 1, args.batch_size)
        print(f"natoiraq end to end      {one:10,.0f} tokens/s")
        two = tokens / end_to_end(model, corpus, 2, args.batch_size)
        print(f"natoiraq, 2 workers      {two:10,.0f} tokens/s")
        page = html_seconds_per_page(texts[:200])
        per_doc = raw_seconds / len(texts)
        print(f"HTML page to text        {page * 1000:10.1f} ms/page  ({page / per_doc:.0%} of the model's time per article)")

        sizes = {}
        for n in args.memory_docs:
            path = Path(tmp) / f"memory-{n}.jsonl"
            write_jsonl(build_corpus(n, seed=n), path)
            sizes[n] = peak_rss_mb(model, path, args.batch_size)
            print(f"peak RSS, {n:>6} articles {sizes[n]:8.0f} MB")

    natoiraq = [sys.executable, "-m", "natoiraq"]
    load = command_seconds([sys.executable, "-c", f"import spacy; spacy.load({model!r})"])
    # What the cold run cannot avoid beyond loading: the model reading the five seeds.
    seeds_raw = command_seconds([sys.executable, "-c", f"import spacy, pathlib; nlp = spacy.load({model!r}); "
                                 "list(nlp.pipe(p.read_text() for p in sorted(pathlib.Path('seeds').glob('*.txt'))))"])
    cold = command_seconds([*natoiraq, "extract", "seeds/", "-o", os.devnull, "-q", "--no-cache"])
    cached = command_seconds([*natoiraq, "extract", "seeds/", "-o", os.devnull, "-q"])  # after the first: cached
    help_seconds = command_seconds([*natoiraq, "--help"])
    small, large = args.memory_docs

    print("\nratios (targets in brackets)")
    print(f"  end to end / raw nlp.pipe          {one / raw_rate:5.2f}   [>= 0.85]")
    print(f"  2 workers / 1 process              {two / one:5.2f}   [>= 1.6 on 2 cores]")
    print(f"  peak RSS {large} / {small} articles   {sizes[large] / sizes[small]:5.2f}   [~1.0: streamed]")
    print(f"  cold extract seeds/ - model load   {cold - load:5.2f} s [<= 1.5 s]  ({cold:.2f} s vs {load:.2f} s)")
    print(f"    of which raw nlp.pipe of seeds   {seeds_raw - load:5.2f} s;  natoiraq's own: {cold - seeds_raw:.2f} s")
    print(f"  natoiraq --help                    {help_seconds:5.2f} s [< 0.3 s]")
    print(f"  extract seeds/ again, from cache   {cached:5.2f} s")


if __name__ == "__main__":
    main()
