"""natoiraq's cost against the statistical model it wraps, measured so that the ratios hold on a shared machine.

- Single-process speed is CPU time (user + system) of the measured work in this
  process, not wall time: other jobs on the machine do not count against it.
- Every measurement is repeated, the repeats interleaved (raw, natoiraq, raw,
  natoiraq, ...), and the fastest of each kept, so a burst of load hits both.
- The raw baseline is the bare model (``spacy.load``, all its enabled
  components) at its best batch size: spaCy's default and 32 are both tried.
- Parallel speed-ups (2 workers, a Dask LocalCluster of 2 workers) are wall
  time and need free cores: the load average is printed beside them.
  ``--workers 2`` is timed before the Dask cluster starts (its idle scheduler
  and workers take CPU), Dask against one process timed while it runs.
- Peak memory is a whole `natoiraq extract` process over articles that keep
  bringing new words (coined names), the case where spaCy's vocabulary grows.

Targets (issue 16): end to end >= 1.25x raw nlp.pipe; 2 workers >= 1.8x one
process with both cores free; peak RSS 10k / 1k articles with new words <= 1.1.

Bounded cost (issue 28): a record of N troop figures with no sentence break, and N texts that
share most of their words without being copies; time and peak memory at two sizes, which must
grow with N, not with its square.

Run:  .venv/bin/python bench/bench.py            (idle 2-core machine: about 15 minutes)
      .venv/bin/python bench/bench.py --quick    (small corpora: a few minutes)
      .venv/bin/python bench/bench.py --only-bounded --bounded 500 2000 --near 1000 5000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "fixtures" / "gold"
PARSE_ALL = "the same, --parse all"
STOCK_RULER = "the same, --parse all, spaCy's attribute_ruler"
NEW_WORDS = 30  # coined names per article of the memory corpus


def corpus_texts() -> list[str]:
    """The seeds and every gold article's text: real and written wire copy."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for path in sorted(GOLD.glob("*.jsonl")):
        texts += [r["text"] for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if "text" in r]
    return texts


def build_corpus(n: int, seed: int = 13) -> list[str]:
    texts = corpus_texts()
    rng = random.Random(seed)
    return [rng.choice(texts) for _ in range(n)]


def new_word_corpus(n: int, seed: int) -> list[str]:
    """Short articles, each with names no earlier article had: a vocabulary that keeps growing."""
    rng = random.Random(seed)
    sentences = [s for text in corpus_texts() for s in text.split(". ") if 40 < len(s) < 300]

    def coined() -> str:
        return "".join(rng.choices(string.ascii_lowercase, k=rng.randint(6, 11))).capitalize()

    return [f"{rng.choice(sentences)}. {coined()} {coined()}, commander of the {coined()} Brigade, said "
            f"{rng.randint(2, 90) * 50} soldiers would move to {coined()} on Monday, joining units from "
            f"{', '.join(coined() for _ in range(NEW_WORDS))} and {coined()}." for _ in range(n)]


def write_jsonl(texts: list[str], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i, text in enumerate(texts):
            f.write(json.dumps({"id": str(i), "text": text, "date": "2021-02-16"}) + "\n")


def cpu_seconds(fn) -> float:
    """User + system CPU time of this process while ``fn`` runs."""
    start = time.process_time()
    fn()
    return time.process_time() - start


def wall_seconds(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def interleaved(measures: dict, repeats: int) -> dict[str, float]:
    """Each measure run ``repeats`` times, in turn with the others; the best (lowest) of each."""
    best: dict[str, float] = {}
    for _ in range(repeats):
        for label, measure in measures.items():
            best[label] = min(best.get(label, float("inf")), measure())
    return best


def with_stock_ruler(nlp):
    """The same natoiraq pipeline with spaCy's own attribute_ruler back in place of the lookup."""
    lookup = nlp.get_pipe("attribute_ruler")
    nlp.replace_pipe("attribute_ruler", "attribute_ruler").add_patterns(lookup.ruler.patterns)
    return nlp


def candidate_share(nlp, texts: list[str]) -> float:
    """Share of tokens that ``--parse candidates`` parses: the sentences natoiraq_candidates selects."""
    from natoiraq.speedups.candidates import candidate_spans

    names = nlp.get_pipe("natoiraq_candidates").names
    docs = list(nlp.pipe(texts))
    return sum(end - start for doc in docs for start, end in candidate_spans(doc, names)) / sum(map(len, docs))


def component_seconds(nlp, texts: list[str], batch_size: int):
    """CPU seconds of each pipeline component over ``texts``, run component by component in batches; the docs."""
    start = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]
    spent = {"tokenizer": time.process_time() - start}
    for name, proc in nlp.pipeline:
        start = time.process_time()
        docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        spent[name] = time.process_time() - start
    return spent, docs


MEMORY_RUNS = {  # what each memory line runs, in a process of its own
    "natoiraq extract": "nlp = natoiraq.load(model)\n"
                        "assert run_extract([corpus], ExtractOptions(duplicates='keep'), fmt='jsonl', output=out, nlp=nlp,\n"
                        "                   quiet=True) == 0\n",
    "natoiraq extract, zones off": "nlp = natoiraq.load(model)\n"
                                   "nlp.memory_zone = contextlib.nullcontext  # as before zones\n"
                                   "assert run_extract([corpus], ExtractOptions(duplicates='keep'), fmt='jsonl', output=out,\n"
                                   "                   nlp=nlp, quiet=True) == 0\n",
    # The bare model, read in natoiraq's windows inside the same zones: the growth that is spaCy's own.
    "bare model, same zones": "nlp = spacy.load(model)\n"
                              "texts = (json.loads(line)['text'] for line in open(corpus, encoding='utf-8'))\n"
                              "while window := list(itertools.islice(texts, MEMORY_WINDOW)):\n"
                              "    with nlp.memory_zone():\n"
                              "        for _ in nlp.pipe(window, batch_size=32):\n"
                              "            pass\n",
}


def memory_of_a_run(corpus: Path, model: str, run: str) -> tuple[float, int]:
    """Peak resident memory (MB) of a process running ``MEMORY_RUNS[run]`` over ``corpus``, and its vocabulary's strings."""
    code = ("import contextlib, itertools, json, resource, sys\nimport spacy\nimport natoiraq\n"
            "from natoiraq.cli.runner import run_extract\nfrom natoiraq.extract import ExtractOptions\n"
            "from natoiraq.run.batches import MEMORY_WINDOW\n"
            "corpus, out, model = sys.argv[1:4]\n"
            + MEMORY_RUNS[run] +
            "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
            "with contextlib.suppress(OSError):  # Linux keeps ru_maxrss across exec, so it counts this bench's own\n"
            "    status = open('/proc/self/status').read()  # memory; VmHWM is this program's alone\n"
            "    peak = int(status.split('VmHWM:')[1].split()[0])\n"
            "print(peak, len(nlp.vocab.strings))")
    with tempfile.TemporaryDirectory() as tmp:
        result = subprocess.run([sys.executable, "-c", code, str(corpus), os.path.join(tmp, "o.jsonl"), model],
                                capture_output=True, text=True, check=True)
    peak, strings = result.stdout.split()
    return int(peak) / 1024, int(strings)


PAGE = """<!DOCTYPE html><html><head><title>{title} | Defence Wire</title>
<meta property="og:title" content="{title}"><meta property="og:url" content="https://defencewire.example/{n}">
<meta property="article:published_time" content="2021-02-16T09:00:00Z"><style>body {{ font-family: serif; }}</style>
</head><body><div class="cookie-banner">We use cookies. <button>Accept</button></div>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/analysis">Analysis</a></nav>
<article><h1>{title}</h1>{paragraphs}</article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/x">Germany sends 1,200 soldiers</a></li></ul></aside>
<footer>&copy; 2021 Defence Wire. <a href="/privacy">Privacy</a></footer></body></html>"""


def html_seconds_per_page(texts: list[str]) -> float:
    """trafilatura and htmldate on each text saved as a web page: the CPU cost a .html input adds."""
    from html import escape

    from natoiraq.reading.html import read_page

    pages = []
    for n, text in enumerate(texts):
        title, _, body = text.strip().partition("\n")
        paragraphs = "".join(f"<p>{escape(p.strip())}</p>" for p in body.split("\n") if p.strip())
        pages.append(PAGE.format(title=escape(title), n=n, paragraphs=paragraphs))
    read_page(pages[0])  # imports
    seconds = cpu_seconds(lambda: [read_page(page) for page in pages])
    return seconds / len(pages)


def command_seconds(args: list[str], repeat: int = 3) -> float:
    return min(wall_seconds(lambda: subprocess.run(args, capture_output=True, check=True, cwd=ROOT))
               for _ in range(repeat))


#: A new process opens the gazetteer's index (built once into the user's cache) and looks up a few places.
GAZETTEER_STARTUP = """import time
started = time.process_time()
from natoiraq.knowledge import geonames
for name in ("Baghdad", "Erbil", "Okinawa", "Darfur", "Honiara", "Tapa", "Helmand", "Kiev", "Gao", "Darwin"):
    geonames.entry(geonames.key(name))
print(time.process_time() - started)
"""


def gazetteer_startup_ms(repeat: int = 5) -> float:
    """CPU milliseconds the gazetteer adds to a process (issue 24: under 50), best of ``repeat`` processes;
    the first run, which may build the cached index, is not counted."""
    def one() -> float:
        result = subprocess.run([sys.executable, "-c", GAZETTEER_STARTUP], capture_output=True, text=True,
                                check=True, cwd=ROOT)
        return float(result.stdout) * 1000
    one()
    return min(one() for _ in range(repeat))


def report_walls(walls: dict[str, float], ratios: dict[str, str]) -> None:
    """Print wall times measured together, and each against the one process measured beside it."""
    for label, seconds in walls.items():
        print(f"  wall {label:<40} {seconds:7.2f} s")
    for label in walls:
        if label != "1 process":
            ratios[f"{label} / 1 process (wall; >= 1.8 for 2 workers, cores free)"] = \
                f"{walls['1 process'] / walls[label]:.2f}"
    print(f"  ({load()})")


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


#: Bounded cost (issue 28): one record with no sentence breaks, and texts that share most words
#: without being copies. Each runs in a process of its own; it prints (wall seconds, a count).
BOUNDED_RUNS = {
    "dense": "import natoiraq\nnlp = natoiraq.load(model)\n"
             "doc = nlp('500 troops ' * n)\nfound = len(doc._.natoiraq.troops)\n",
    "near": "import random\nfrom natoiraq.reading.duplicates import Duplicates\n"
            "rng = random.Random(13)\nbase = [f'w{rng.randrange(5000)}' for _ in range(300)]\n"
            "texts = (' '.join(w if rng.random() > 0.05 else f'x{rng.randrange(10**9)}' for w in base)\n"
            "         for _ in range(n))  # about 0.75 Jaccard with each other: under the threshold\n"
            "seen = Duplicates()\nfound = sum(seen.original(str(i), t) is not None for i, t in enumerate(texts))\n",
}


def bounded_cost(run: str, n: int, model: str) -> tuple[float, float, int]:
    """(wall seconds, peak resident MB, figures or copies found) of ``BOUNDED_RUNS[run]`` at size ``n``."""
    code = ("import sys, time\nn, model = int(sys.argv[1]), sys.argv[2]\nstarted = time.perf_counter()\n"
            + BOUNDED_RUNS[run] +
            "wall = time.perf_counter() - started\n"
            "peak = int(open('/proc/self/status').read().split('VmHWM:')[1].split()[0])\n"
            "print(wall, peak, found)")
    result = subprocess.run([sys.executable, "-c", code, str(n), model], capture_output=True, text=True, check=True)
    wall, peak, found = result.stdout.split()
    return float(wall), int(peak) / 1024, int(found)


def report_bounded(model: str, dense: list[int], near: list[int]) -> None:
    """Time and peak memory at two sizes each: cost linear in the size, not quadratic."""
    print("\nbounded cost (wall s includes the model's load for the dense record)")
    for run, sizes, what in (("dense", dense, "'500 troops ' x N, one record"),
                             ("near", near, "N texts sharing ~75% of their 3-shingles")):
        for n in sizes:
            wall, peak, found = bounded_cost(run, n, model)
            print(f"  {what:<44} N={n:>7,}  {wall:7.1f} s  {peak:6.0f} MB peak  ({found:,} found)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=600, help="articles in the speed corpus")
    parser.add_argument("--repeats", type=int, default=3, help="interleaved repeats of each speed measure")
    parser.add_argument("--memory-docs", type=int, nargs=2, default=(1000, 10000), metavar=("SMALL", "LARGE"))
    parser.add_argument("--batch-size", type=int, default=32, help="natoiraq's batch size (its default)")
    parser.add_argument("--skip", nargs="*", default=[],
                        choices=["parallel", "dask", "memory", "commands", "bounded"])
    parser.add_argument("--bounded", type=int, nargs=2, default=(5_000, 25_000), metavar=("SMALL", "LARGE"),
                        help="figures in the dense record (issue 28: 25,000 took over 300 s and 2 GB)")
    parser.add_argument("--near", type=int, nargs=2, default=(10_000, 100_000), metavar=("SMALL", "LARGE"),
                        help="texts in the near-copy run (issue 28: 20,000 took 296 s)")
    parser.add_argument("--only-bounded", action="store_true", help="the bounded-cost section alone")
    parser.add_argument("--quick", action="store_true", help="120 articles, 2 repeats; memory at 300 and 3,000")
    args = parser.parse_args()
    if args.quick:
        args.docs, args.repeats, args.memory_docs = 120, 2, (300, 3000)
    if args.only_bounded:
        from natoiraq.pipeline.loading import model_name

        report_bounded(model_name(None), args.bounded, args.near)
        return

    import spacy

    from natoiraq.cli.runner import run_extract
    from natoiraq.extract import ExtractOptions
    from natoiraq.pipeline.loading import load as load_natoiraq, model_name

    model = model_name(None)
    texts = build_corpus(args.docs)
    raw = spacy.load(model)
    nlp = load_natoiraq(model, parse="candidates")
    nlp_all = load_natoiraq(model, parse="all")
    nlp_stock_ruler = with_stock_ruler(load_natoiraq(model, parse="all"))
    tokens = sum(len(raw.make_doc(t)) for t in texts)
    print(f"model {model}; speed corpus {len(texts)} articles, {tokens:,} tokens (seeds + fixtures, resampled); "
          f"{args.repeats} interleaved repeats, best kept; {load()}")
    print(f"raw components: {', '.join(raw.pipe_names)}; natoiraq's (--parse all): {', '.join(nlp_all.pipe_names)}")

    tmp = tempfile.TemporaryDirectory()
    corpus = Path(tmp.name) / "corpus.jsonl"
    write_jsonl(texts, corpus)
    out = str(Path(tmp.name) / "facts.jsonl")
    list(raw.pipe(texts[:10]))
    list(nlp.pipe(texts[:10]))  # warm both: first calls allocate

    def natoiraq_run(workers: int = 1, dask: str | None = None, pipeline=nlp):
        # The corpus repeats its articles: keep the copies, so that every one is extracted (and checked).
        options = ExtractOptions(workers=workers, batch_size=args.batch_size, dask=dask, duplicates="keep")
        code = run_extract([str(corpus)], options, fmt="jsonl", output=out, nlp=pipeline, quiet=True)
        assert code == 0

    default_batch = raw.batch_size
    cpu = interleaved({
        f"raw nlp.pipe, batch {default_batch} (spaCy's default)":
            lambda: cpu_seconds(lambda: list(raw.pipe(texts, batch_size=default_batch))),
        "raw nlp.pipe, batch 32": lambda: cpu_seconds(lambda: list(raw.pipe(texts, batch_size=32))),
        "natoiraq extract, facts written": lambda: cpu_seconds(natoiraq_run),
        PARSE_ALL: lambda: cpu_seconds(lambda: natoiraq_run(pipeline=nlp_all)),
        STOCK_RULER: lambda: cpu_seconds(lambda: natoiraq_run(pipeline=nlp_stock_ruler)),
    }, args.repeats)
    for label, seconds in cpu.items():
        print(f"  CPU {label:<44} {seconds:7.2f} s  {tokens / seconds:8,.0f} tokens/s")
    raw_label = min((k for k in cpu if k.startswith("raw")), key=cpu.get)
    ratios = {"end to end / raw nlp.pipe at its best batch (CPU time; >= 1.25)":
              f"{cpu[raw_label] / cpu['natoiraq extract, facts written']:.2f}",
              "  the same with --parse all (every sentence parsed)": f"{cpu[raw_label] / cpu[PARSE_ALL]:.2f}",
              "  the same, --parse all, spaCy's attribute_ruler (before issue 16)":
              f"{cpu[raw_label] / cpu[STOCK_RULER]:.2f}"}

    print("\nCPU share of each component (one pass, component by component, batch 32; natoiraq with --parse all)")
    (stock, _), (ours, _) = component_seconds(raw, texts, 32), component_seconds(nlp_all, texts, 32)
    for name in dict.fromkeys([*stock, *ours]):
        s, o = stock.get(name), ours.get(name)
        print(f"  {name:<22} raw {'' if s is None else f'{100 * s / sum(stock.values()):5.1f} %':>7}"
              f"   natoiraq {'' if o is None else f'{100 * o / sum(ours.values()):5.1f} %':>7}"
              f"   {'' if o is None else f'{o:6.2f} s'}")
    if "attribute_ruler" in stock and "attribute_ruler" in ours:
        ratios["attribute ruler: stock / natoiraq's lookup (CPU)"] = \
            f"{stock['attribute_ruler'] / ours['attribute_ruler']:.1f}"
    unique = list(dict.fromkeys(texts))
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    ratios["tokens --parse candidates parses: the corpus / the seeds (real reporting)"] = \
        f"{candidate_share(nlp, unique):.2f} / {candidate_share(nlp, seeds):.2f}"

    page = html_seconds_per_page(texts[:200])
    per_article = cpu[raw_label] / len(texts)
    print(f"\nHTML page to text          {page * 1000:7.1f} ms/page")
    ratios["HTML page to text / the model's time per article (CPU)"] = f"{page / per_article:.2f}"

    if "memory" not in args.skip:
        small, large = args.memory_docs
        print(f"\npeak RSS of an extract process over articles with new words ({NEW_WORDS} coined names in each), "
              "and the strings its vocabulary keeps")
        sizes = {}
        for n in (small, large):
            path = Path(tmp.name) / f"memory-{n}.jsonl"
            write_jsonl(new_word_corpus(n, seed=n), path)
            for run in MEMORY_RUNS:
                sizes[n, run], strings = memory_of_a_run(path, model, run)
                print(f"  {n:>6} articles, {run:28} {sizes[n, run]:8.0f} MB  {strings:10,} strings")
        growth = {run: sizes[large, run] / sizes[small, run] for run in MEMORY_RUNS}
        ratios[f"peak RSS {large} / {small} articles with new words (<= 1.1)"] = \
            f"{growth['natoiraq extract']:.2f}  (zones off {growth['natoiraq extract, zones off']:.2f}; " \
            f"the bare model alone {growth['bare model, same zones']:.2f})"

    if "parallel" not in args.skip:
        # Without the Dask cluster: its idle scheduler and workers would share the two cores.
        print(f"\nparallel, wall time ({load()})")
        walls = interleaved({"1 process": lambda: wall_seconds(natoiraq_run),
                             "--workers 2": lambda: wall_seconds(lambda: natoiraq_run(workers=2))}, args.repeats)
        report_walls(walls, ratios)

    if "dask" not in args.skip:
        try:
            from distributed import LocalCluster
        except ImportError:
            print("\nDask: distributed is not installed; skipped")
        else:
            print(f"\nDask, wall time, the cluster running throughout ({load()})")
            environment = dict(os.environ)
            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address=None, worker_dashboard_address=None)
            os.environ.clear()  # it leaves MALLOC_TRIM_THRESHOLD_, OMP_NUM_THREADS... set for later processes
            os.environ.update(environment)
            try:
                natoiraq_run(dask=cluster.scheduler_address)  # each worker loads the model once, untimed
                walls = interleaved({
                    "1 process": lambda: wall_seconds(natoiraq_run),
                    "--dask LocalCluster, 2 workers":
                        lambda: wall_seconds(lambda: natoiraq_run(dask=cluster.scheduler_address))}, args.repeats)
            finally:
                cluster.close()
            report_walls(walls, ratios)

    if "commands" not in args.skip:
        natoiraq = [sys.executable, "-m", "natoiraq"]
        load_s = command_seconds([sys.executable, "-c", f"import spacy; spacy.load({model!r})"])
        cold = command_seconds([*natoiraq, "extract", "seeds/", "-o", os.devnull, "-q", "--no-cache"])
        ratios["cold `extract seeds/` minus model load, wall s (<= 1.5)"] = f"{cold - load_s:.2f}"
        ratios["`natoiraq --help`, wall s (< 0.3)"] = f"{command_seconds([*natoiraq, '--help']):.2f}"
        ratios["the gazetteer's start-up in a new process, CPU ms (< 50)"] = f"{gazetteer_startup_ms():.0f}"
    tmp.cleanup()
    if "bounded" not in args.skip:
        report_bounded(model, args.bounded, args.near)

    print("\nratios (targets in brackets)")
    for label, value in ratios.items():
        print(f"  {label:<72} {value}")


if __name__ == "__main__":
    main()
