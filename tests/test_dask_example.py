"""The Dask example gives exactly what `natoiraq extract` gives, partition by partition."""

import json
import runpy

import pytest
from click.testing import CliRunner

from natoiraq.cli import cli
from tests.conftest import GOLD, ROOT

pytest.importorskip("dask.bag")


def test_dask_example_matches_natoiraq_extract(tmp_path, nlp):
    articles = [json.loads(line) for line in (GOLD / "articles.jsonl").read_text().splitlines()][:12]
    corpus = tmp_path / "archive"
    corpus.mkdir()
    for part in range(3):
        with (corpus / f"part-{part}.jsonl").open("w") as f:
            for article in articles[part::3]:
                f.write(json.dumps({"id": article["id"], "text": article["text"], "date": article["date"],
                                    "desk": "wire"}) + "\n")
    example = runpy.run_path(str(ROOT / "examples" / "dask_extract.py"))
    written = example["run"](str(corpus / "part-*.jsonl"), str(tmp_path / "facts"), scheduler="synchronous")
    assert len(written) == 3
    for part in range(3):
        from_dask = [json.loads(line) for line in (tmp_path / "facts" / f"part-{part}.jsonl").read_text().splitlines()]
        result = CliRunner().invoke(cli, ["extract", str(corpus / f"part-{part}.jsonl"), "--format", "jsonl"])
        from_cli = [json.loads(line) for line in result.stdout.splitlines()]
        for doc in from_cli:
            doc["source"] = "<records>"  # the example has no file paths, only records
        assert from_dask == from_cli
        # the record's own fields carried through; an outlet where a wire dateline names one
        assert all(d["meta"] == {"desk": "wire", **({"outlet": d["meta"]["outlet"]} if "outlet" in d["meta"] else {})}
                   for d in from_dask)
