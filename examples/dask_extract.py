"""natoiraq inside your own Dask pipeline: a bag of JSON Lines partitions in, facts out.

For a corpus on disk the command is simpler and gives exactly what
``natoiraq extract`` gives: ``natoiraq extract archive/ --dask tcp://host:8786 -o facts.jsonl``.
This example is for data already in Dask: it maps the package's
:func:`natoiraq.extract.extract_partition` over a bag, one JSON Lines file of
facts per input partition. The function lives in the package, not in this
script, because workers import it by name (a helper defined here could not be
found on a ``dask.distributed`` worker). Each worker process loads the model
once.

    python examples/dask_extract.py 'archive/part-*.jsonl' facts/ --scheduler tcp://host:8786

A cluster needs natoiraq and its model installed on every worker, and here
(with a bag read from files) the inputs and output folder on storage that
every worker sees at the same path.
"""

from __future__ import annotations

import argparse

from natoiraq.extract import extract_partition


def run(inputs: str, output_dir: str, *, scheduler: str = "processes", model: str | None = None,
        reference_date: str | None = None) -> list[str]:
    """Extract facts from every partition matched by ``inputs``; returns the files written."""
    import dask.bag as db

    bag = db.read_text(inputs, files_per_partition=1)
    facts = bag.map_partitions(extract_partition, model=model, reference_date=reference_date)
    if scheduler.startswith("tcp://"):
        from distributed import Client

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
