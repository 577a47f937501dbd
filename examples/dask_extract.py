"""natoiraq over a corpus too large for one machine, with Dask.

Input: partitioned JSON Lines (one article per line, as `natoiraq extract`
reads them), e.g. an archive exported as ``archive/part-*.jsonl``. Output: one
JSON Lines file of facts per input partition, the same objects
`natoiraq extract --format jsonl` prints, in the same order.

Each Dask worker process loads the pipeline once (``_pipeline`` is cached per
process) and runs ``natoiraq.extract.extract_dicts`` over whole partitions,
so only JSON text crosses the network. The same code runs on a laptop
(``--scheduler processes``) or a cluster (``--scheduler tcp://host:8786``,
with ``pip install natoiraq "dask[distributed]"`` on every worker).

    python examples/dask_extract.py 'archive/part-*.jsonl' facts/ --scheduler processes
"""

from __future__ import annotations

import argparse
import json
from functools import lru_cache


@lru_cache(maxsize=1)
def _pipeline(model: str | None):
    import natoiraq

    return natoiraq.load(model)


def extract_partition(lines, model: str | None = None, reference_date: str | None = None):
    """One partition of JSON Lines text in, one list of fact JSON strings out."""
    from natoiraq.extract import extract_dicts

    rows = (json.loads(line) for line in lines if line.strip())
    return [json.dumps(facts, ensure_ascii=False)
            for facts in extract_dicts(rows, _pipeline(model), reference_date=reference_date)]


def run(inputs: str, output_dir: str, *, scheduler: str = "processes", model: str | None = None,
        reference_date: str | None = None) -> list[str]:
    """Extract facts from every partition matched by ``inputs``; returns the files written."""
    import dask.bag as db

    bag = db.read_text(inputs, files_per_partition=1)
    facts = bag.map_partitions(extract_partition, model=model, reference_date=reference_date)
    if scheduler.startswith("tcp://"):
        from dask.distributed import Client

        with Client(scheduler):
            return facts.to_textfiles(f"{output_dir}/part-*.jsonl", last_endline=True)
    return facts.to_textfiles(f"{output_dir}/part-*.jsonl", last_endline=True, scheduler=scheduler)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", help="glob of JSON Lines partitions, e.g. 'archive/part-*.jsonl'")
    parser.add_argument("output_dir")
    parser.add_argument("--scheduler", default="processes",
                        help="'processes', 'threads', 'synchronous', or a dask.distributed address tcp://host:port")
    parser.add_argument("--model", default=None)
    parser.add_argument("--reference-date", default=None)
    args = parser.parse_args()
    written = run(args.inputs, args.output_dir, scheduler=args.scheduler, model=args.model,
                  reference_date=args.reference_date)
    print(f"wrote {len(written)} files to {args.output_dir}")


if __name__ == "__main__":
    main()
