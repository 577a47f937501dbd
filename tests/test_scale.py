"""`natoiraq extract --dask` on a real dask.distributed cluster gives what `natoiraq extract` gives."""

import faulthandler
import json
import os

import pytest
from click.testing import CliRunner

from natoiraq.run import dask as scale
from natoiraq.cli import cli
from tests.conftest import GOLD

distributed = pytest.importorskip("distributed")

BOUND_SECONDS = 300  # a hung cluster ends the test run with a traceback instead of blocking it


@pytest.fixture(scope="module")
def cluster():
    faulthandler.dump_traceback_later(BOUND_SECONDS, exit=True)
    environment = dict(os.environ)
    try:
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                      dashboard_address=None, worker_dashboard_address=None) as local:
            os.environ.clear()  # it leaves OMP_NUM_THREADS, PYTHONHASHSEED... set for the tests that follow
            os.environ.update(environment)
            yield local
    finally:
        faulthandler.cancel_dump_traceback_later()


@pytest.fixture()
def archive(tmp_path):
    articles = [json.loads(line) for line in (GOLD / "articles.jsonl").read_text().splitlines()][:16]
    for part in range(3):
        with (tmp_path / f"part-{part}.jsonl").open("w") as f:
            for article in articles[part::3]:
                f.write(json.dumps({"id": article["id"], "text": article["text"], "date": article["date"]}) + "\n")
    (tmp_path / "part-3.jsonl").write_text('{"id": "broken"\n')  # one bad line: named, the rest still extracted
    return tmp_path


def test_dask_extract_equals_local_extract(cluster, archive):
    runner = CliRunner()
    local = runner.invoke(cli, ["extract", str(archive), "--format", "jsonl", "--no-cache"])
    remote = runner.invoke(cli, ["extract", str(archive), "--format", "jsonl", "--no-cache", "--batch-size", "2",
                                 "--dask", cluster.scheduler_address])
    assert remote.exit_code == local.exit_code == 1, remote.output
    assert len(local.stdout.splitlines()) == 16
    assert remote.stdout == local.stdout
    cached = runner.invoke(cli, ["extract", str(archive), "--format", "jsonl", "--batch-size", "2",
                                 "--dask", cluster.scheduler_address])  # misses to the cluster through the cache
    assert cached.stdout == local.stdout
    assert "part-3.jsonl:1" in remote.stderr
    with distributed.Client(cluster.scheduler_address, timeout=60) as client:
        loads = client.run(scale.pipeline.cache_info)
    assert len(loads) == 2
    assert all(info.misses == 1 for info in loads.values())  # the model loaded once per worker
    assert all(info.hits >= 1 for info in loads.values())  # and both workers took batches (16 in all)


def test_unreachable_scheduler_is_one_clear_error(archive, monkeypatch):
    monkeypatch.setattr(scale, "CONNECT_TIMEOUT", 2)
    result = CliRunner().invoke(cli, ["extract", str(archive / "part-0.jsonl"), "--no-cache",
                                      "--dask", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr
    assert result.stdout == ""


def test_a_malformed_address_is_one_clear_error(archive):
    result = CliRunner().invoke(cli, ["extract", str(archive / "part-0.jsonl"), "--no-cache", "--dask", "host:port"])
    assert result.exit_code == 1
    assert "'host:port' is not a scheduler address" in result.stderr
