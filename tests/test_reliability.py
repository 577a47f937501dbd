"""One bad record never costs a run: faults in reading, the pipeline, the cache and the writers
stay with the record that caused them, named on stderr; every other record is still processed."""

import io
import json
import sqlite3

import pytest
from spacy.language import Language

from natoiraq import reference
from natoiraq.cli.runner import run_extract
from natoiraq.extract import ExtractOptions, extract_records
from natoiraq.run.cache import FILE_NAME, FactCache
from natoiraq.run.options import CHUNK_CHARS
from natoiraq.reading.inputs import Record


def extract(nlp, paths, **options):
    """run_extract in process, copies marked as by `natoiraq extract`: (exit status, JSON documents, stderr lines)."""
    out, messages = io.StringIO(), []
    code = run_extract([str(p) for p in paths], ExtractOptions(**{"duplicates": "mark", **options}), fmt="jsonl",
                       stdout=out, echo=messages.append, nlp=nlp, quiet=True)
    return code, [json.loads(line) for line in out.getvalue().splitlines()], messages


def jsonl_file(path, rows):
    path.write_text("".join((row if isinstance(row, str) else json.dumps(row)) + "\n" for row in rows),
                    encoding="utf-8")
    return path


GOOD = {"id": "good", "text": "NATO has 500 trainers in Iraq.", "date": "2021-02-16"}


@pytest.mark.parametrize("row", [
    {"id": "bad", "text": "NATO sent 500 troops 1000000 days ago."},
    {"id": "bad", "text": "NATO sent 500 troops 1000000 days ago.", "date": "2021-02-16"},
    {"id": "bad", "text": "NATO met on Tuesday, a year ago; 600 troops went last month.", "date": "0001-01-01"},
    {"id": "bad", "text": "NATO will meet next Tuesday, next year; 700 troops go next month.", "date": "9999-12-31"},
    {"id": "bad", "text": "In 5000 years ago and 99999 years from now, 800 troops.", "date": "2015-06-23"},
], ids=["million-days", "million-days-dated", "year-1", "year-9999", "far-years"])
def test_dates_beyond_the_calendar_cost_no_record(nlp, tmp_path, row):
    code, documents, messages = extract(nlp, [jsonl_file(tmp_path / "a.jsonl", [row, GOOD])])
    assert code == 0, messages
    assert [d["id"] for d in documents] == ["bad", "good"]
    for document in documents:
        for date in document["dates"]:
            assert date["value"] is None or not date["value"].startswith(("-", "0000"))


def test_a_lone_surrogate_in_json_text_is_replaced_with_a_warning(nlp, tmp_path):
    path = jsonl_file(tmp_path / "a.jsonl", ['{"id": "s", "text": "NATO has \\ud800 500 trainers.", "x": "\\udfff"}',
                                             GOOD])
    code, documents, messages = extract(nlp, [path])
    assert code == 0
    assert [d["id"] for d in documents] == ["s", "good"]
    assert documents[0]["troops"][0]["low"] == 500
    assert "\ufffd" in documents[0]["meta"]["x"]
    assert any("a.jsonl:1" in m and "surrogate" in m for m in messages)


def test_deeply_nested_json_costs_only_its_field_or_its_line(nlp, tmp_path):
    deep = '{"id": "deep", "text": "NATO has 500 trainers.", "x": ' + "[" * 100 + "]" * 100 + "}"
    deeper = '{"id": "deeper", "text": "NATO has 500 trainers.", "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    code, documents, messages = extract(nlp, [jsonl_file(tmp_path / "a.jsonl", [deep, deeper, GOOD])])
    assert code == 1
    assert [d["id"] for d in documents] == ["deep", "good"]
    assert "x" not in documents[0]["meta"]
    assert any(m.startswith("natoiraq: warning: ") and "a.jsonl:1" in m and "'x'" in m for m in messages)
    assert any(m.startswith("natoiraq: ") and "a.jsonl:2: " in m and "nested" in m for m in messages)


def test_an_integer_too_long_to_read_is_one_failed_line(nlp, tmp_path):
    code, documents, messages = extract(nlp, [jsonl_file(tmp_path / "a.jsonl",
                                                         ['{"id": ' + "9" * 5000 + ', "text": "x"}', GOOD])])
    assert code == 1 and [d["id"] for d in documents] == ["good"]
    assert any("a.jsonl:1: malformed JSON" in m for m in messages)


@pytest.fixture
def exploding(nlp):
    """The session pipeline with a last component that raises on any text holding BOOM."""
    name = "test_exploding"
    if not Language.has_factory(name):
        @Language.component(name)
        def explode(doc):
            if "BOOM" in doc.text:
                raise RuntimeError("the component broke")
            return doc
    nlp.add_pipe(name, last=True)
    try:
        yield nlp
    finally:
        nlp.remove_pipe(name)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_component_that_raises_costs_only_its_own_document(exploding, tmp_path, workers):
    rows = [{"id": str(i), "text": f"NATO has {100 + i} trainers in Iraq." + (" BOOM" if i == 3 else "")}
            for i in range(8)]
    code, documents, messages = extract(exploding, [jsonl_file(tmp_path / "a.jsonl", rows)], workers=workers,
                                        batch_size=4)
    assert code == 1
    assert [d["id"] for d in documents] == [str(i) for i in range(8) if i != 3]
    assert [d["troops"][0]["low"] for d in documents] == [100 + i for i in range(8) if i != 3]
    failures = [m for m in messages if "extraction failed" in m]
    assert len(failures) == 1 and failures[0].startswith("natoiraq: ")
    assert "a.jsonl:4: extraction failed: RuntimeError: the component broke" in failures[0]


def test_the_library_hands_failures_to_on_error_and_goes_on(exploding):
    records = [Record(id="a", text="NATO has 500 trainers."), Record(id="b", text="BOOM 600 troops."),
               Record(id="c", text="\ud800 NATO has 700 trainers.")]
    failed = []
    facts = list(extract_records(records, exploding, on_error=failed.append))
    assert [f.id for f in facts] == ["a"]
    assert [(o.record.id, o.error.split(":")[0]) for o in failed] == [("b", "RuntimeError"), ("c", "UnicodeEncodeError")]
    with pytest.warns(UserWarning, match="b: extraction failed"):
        assert len(list(extract_records(records[:2], exploding))) == 1


def test_a_long_text_has_one_reference_date_for_all_its_pieces(nlp):
    filler = "The alliance reviewed its plans in detail. " * 30
    # Yearless months take their year from the reference date (an inferred one leaves weekdays open).
    text = ("NATO said in March it would send 500 troops.\n\n" + filler + "\n\n"
            + "The ministers met on June 23, 2015, in Brussels.\n\n" + filler + "\n\nIn March they left.")
    record = Record(id="long", text=text)
    (whole,) = extract_records([record], nlp)
    (pieces,) = extract_records([record], nlp, chunk_chars=len(text) // 3)
    assert whole.reference_date.value == "2015-06-23"
    assert pieces.reference_date == whole.reference_date
    months = [d.value for d in pieces.dates if d.text.endswith("March")]
    assert len(months) == 2 and all(months)
    assert months == [d.value for d in whole.dates if d.text.endswith("March")]


def test_a_long_text_is_parsed_a_piece_at_a_time(nlp, monkeypatch):
    """Batches are bounded by characters as well as documents: memory follows a piece, not the text."""
    sizes = []
    real_pipe = type(nlp).pipe

    def pipe(self, docs, **kwargs):
        docs = list(docs)
        sizes.append(sum(len(d.text) for d in docs))
        return real_pipe(self, docs, **kwargs)

    monkeypatch.setattr(type(nlp), "pipe", pipe)
    text = "\n\n".join(["NATO has 500 trainers in Iraq, the alliance said on Tuesday."] * 200)
    (facts,) = extract_records([Record(id="x", text=text, date="2020-01-01")], nlp, chunk_chars=1000)
    assert len(facts.troops) == 200
    assert len(sizes) > 10 and max(sizes) <= 1000


def test_figures_beyond_64_bits_are_left_out_with_a_warning(nlp, tmp_path):
    rows = [{"id": "big", "text": "NATO sent 99999999999999999999999 troops and 300 trainers."}, GOOD]
    code, documents, messages = extract(nlp, [jsonl_file(tmp_path / "a.jsonl", rows)])
    assert code == 0
    assert all(t["high"] <= 2**63 - 1 for d in documents for t in d["troops"])
    assert [t["low"] for t in documents[0]["troops"]] == [300]
    assert any("a.jsonl:1" in m and "99999999999999999999999" in m and "left out" in m for m in messages)


def test_export_query_timeline_and_report_take_the_extremes(tmp_path):
    """Figures and dates at the edges of what is representable go through every output format."""
    from click.testing import CliRunner

    from natoiraq.cli import cli

    rows = [{"id": "a", "text": "NATO sent 99999999999999999999999 troops 5000 years ago. The U.S. has "
                                "9,000,000,000,000,000,000 troops in Iraq.", "date": "2015-06-23"},
            {"id": "b", "text": "NATO has 500 trainers in Iraq, 1000000 days ago.", "date": "0001-01-01"},
            {"id": "c", "text": "NATO will have 600 trainers in Iraq next year.", "date": "9999-12-31"}]
    path = jsonl_file(tmp_path / "edges.jsonl", rows)
    runner = CliRunner()
    for args in (["export", str(path), "-o", str(tmp_path / "f.db")],
                 ["query", str(path), "select max(high) from troops"],
                 ["timeline", str(path), "-f", "json"],
                 ["report", str(path), "-o", str(tmp_path / "r.html")],
                 ["extract", str(path), "-f", "csv"]):
        result = runner.invoke(cli, [*args, "--no-cache"], catch_exceptions=False)
        assert result.exit_code == 0, (args, result.output)


# The cache


def records_for(texts):
    return [Record(id=str(i), text=t, date="2021-02-16") for i, t in enumerate(texts)]


TEXTS = ["NATO has 500 trainers in Iraq.", "Denmark will send 100 more trainers.", "Up to 200 troops could deploy."]


def test_the_cache_holds_no_lock_while_extracting(nlp, tmp_path):
    cache = FactCache("m", tmp_path)
    stream = extract_records(records_for(TEXTS * 20), nlp, cache=cache, batch_size=2)
    next(stream)  # part-way through a window
    other = sqlite3.connect(tmp_path / FILE_NAME, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # another run can write now: nothing of ours is uncommitted
    other.rollback()
    assert len(list(stream)) == 59


def test_a_locked_cache_is_a_warning_and_the_run_goes_on(nlp, tmp_path, monkeypatch):
    import natoiraq.run.cache

    monkeypatch.setattr(natoiraq.run.cache, "BUSY_SECONDS", 0.2)
    warnings = []
    cache = FactCache("m", tmp_path, warn=warnings.append)
    holder = sqlite3.connect(tmp_path / FILE_NAME)
    holder.execute("BEGIN EXCLUSIVE")  # another run, mid-commit for ever
    try:
        facts = list(extract_records(records_for(TEXTS), nlp, cache=cache))
    finally:
        holder.rollback()
    assert [f.troops[0].low for f in facts] == [500, 100, 200]
    assert warnings and "going on without it" in warnings[0]


def stored(cache, record):
    key = cache.key(record, reference.given(record), CHUNK_CHARS)
    return key, cache.connection


def test_corrupt_and_planted_cache_rows_are_never_served(nlp, tmp_path):
    cache = FactCache("m", tmp_path)
    records = records_for(TEXTS)
    truth = [f.to_dict() for f in extract_records(records, nlp)]
    assert [f.to_dict() for f in extract_records(records, nlp, cache=cache)] == truth
    planted = json.loads(cache.connection.execute("SELECT value FROM facts LIMIT 1").fetchone()[0])
    for record, value in zip(records, [
        "{not json",
        json.dumps({**planted, "troops": [{**t, "start": t["start"] + 1} for t in planted["troops"]] or [{}]}),
        json.dumps({**planted, "troops": [{**truth[2]["troops"][0], "low": 2**70, "high": 2**70}]}),
    ]):
        key, connection = stored(cache, record)
        with connection:
            connection.execute("BEGIN")
            connection.execute("UPDATE facts SET value = ? WHERE key = ?", (value, key))
    again = [f.to_dict() for f in extract_records(records, nlp, cache=cache)]
    assert again == truth
    for facts, record in zip(again, records):
        for troop in facts["troops"]:
            assert record.text[troop["start"]:troop["end"]] == troop["text"]


def test_a_corrupt_cache_file_is_a_warning_not_a_traceback(nlp, tmp_path, monkeypatch):
    (tmp_path / "natoiraq").mkdir()
    (tmp_path / "natoiraq" / FILE_NAME).write_bytes(b"this is not a database" * 100)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = jsonl_file(tmp_path / "a.jsonl", [GOOD])
    code, documents, messages = extract(nlp, [path], cache=True)
    assert code == 0 and documents[0]["troops"][0]["low"] == 500
    assert any(m.startswith("natoiraq: warning: ") and "cache" in m for m in messages)


# Output paths

import os  # noqa: E402
import signal  # noqa: E402
import stat  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

from tests.conftest import ROOT, SEEDS  # noqa: E402

SEED = str(SEEDS / "000_81d50523a6ccb36b.txt")


def natoiraq(*args, **kwargs):
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("timeout", 300)
    return subprocess.run([sys.executable, "-m", "natoiraq", *args], cwd=ROOT, **kwargs)


def test_output_onto_a_link_writes_through_it(nlp, tmp_path):
    target = tmp_path / "real.jsonl"
    target.write_text("old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    out = io.StringIO()
    assert run_extract([SEED], ExtractOptions(duplicates="mark"), fmt="jsonl", output=str(link), nlp=nlp, quiet=True,
                       echo=lambda m: None, stdout=out) == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert json.loads(target.read_text())["troops"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.jsonl", "real.jsonl"]


def test_output_to_dev_stdout_writes_into_what_stdout_is(tmp_path):
    if not os.path.islink("/dev/stdout"):
        pytest.skip("no /dev/stdout link on this system")
    with open(tmp_path / "captured.jsonl", "w") as captured:
        result = natoiraq("extract", SEED, "-o", "/dev/stdout", "-q", stdout=captured, stderr=subprocess.PIPE,
                          capture_output=False)
    assert result.returncode == 0, result.stderr
    assert os.path.islink("/dev/stdout")
    assert json.loads((tmp_path / "captured.jsonl").read_text())["troops"]


#: An output file each command writes, by the extension -o needs.
OUT = {"export": "out.db", "report": "out.html", "extract": "out.jsonl"}


@pytest.mark.parametrize("command", ["export", "report", "extract"])
def test_output_into_a_missing_folder_is_one_clean_line(command, tmp_path):
    result = natoiraq(command, SEED, "-o", str(tmp_path / "missing" / OUT[command]), "-q", text=True)
    assert result.returncode == 2  # a usage error, caught before any work (cli/options.check_output_path)
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("Error: ")
    assert "missing" in result.stderr and "does not exist" in result.stderr


@pytest.fixture
def small_mount(tmp_path):
    """A 128 KiB tmpfs: (path, remount read-only). Needs root and mount; skipped otherwise."""
    point = tmp_path / "mnt"
    point.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", str(point)],
                      capture_output=True).returncode:
        pytest.skip("mount is not permitted here")

    def read_only():
        subprocess.run(["mount", "-o", "remount,ro", str(point)], check=True)

    try:
        yield point, read_only
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


@pytest.mark.parametrize("command", ["export", "report", "extract"])
def test_output_into_a_read_only_folder_keeps_the_old_file(command, small_mount):
    point, read_only = small_mount
    old = point / OUT[command]
    old.write_text("old")
    read_only()
    result = natoiraq(command, SEED, "-o", str(old), "-q", text=True)
    assert result.returncode in (1, 2) and "Traceback" not in result.stderr  # 2: Click's own check
    assert "Read-only file system" in result.stderr or "not writable" in result.stderr
    assert old.read_text() == "old"
    new = "new" + os.path.splitext(OUT[command])[1]
    result = natoiraq(command, SEED, "-o", str(point / new), "-q", text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().endswith(f"{new}: cannot write: Read-only file system")


@pytest.mark.parametrize("command", ["export", "extract"])
def test_a_full_disk_is_one_clean_line_and_leaves_nothing(command, small_mount, tmp_path):
    point, _ = small_mount
    old = point / OUT[command]
    old.write_text("old")
    text = (SEEDS / "004_1d1ce567cd40a3e1.txt").read_text()
    corpus = jsonl_file(tmp_path / "big.jsonl", [{"id": str(i), "text": text} for i in range(60)])
    result = natoiraq(command, str(corpus), "-o", str(old), "-q", "--keep-duplicates", text=True)  # 60 copies
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "No space left on device" in result.stderr or "full" in result.stderr
    assert old.read_text() == "old"
    assert [p.name for p in point.iterdir()] == [OUT[command]]


@pytest.mark.parametrize("args", [["extract", "-o", "out.jsonl"], ["export", "-o", "out.db"],
                                  ["extract", "-o", "out.jsonl", "--workers", "2"]], ids=["extract", "export", "workers"])
def test_sigterm_cleans_up_as_ctrl_c_does(args, tmp_path):
    text = (SEEDS / "004_1d1ce567cd40a3e1.txt").read_text()
    corpus = jsonl_file(tmp_path / "c.jsonl", [{"id": str(i), "text": text} for i in range(400)])
    process = subprocess.Popen([sys.executable, "-m", "natoiraq", args[0], str(corpus), "--no-cache",
                                "--keep-duplicates",  # 400 copies of one text, every one extracted
                                "--batch-size", "4", "-o", str(tmp_path / args[2]), *args[3:]],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not any(p.name.endswith(".part") for p in tmp_path.iterdir()):
        assert time.monotonic() < deadline and process.poll() is None, "no output began"
        time.sleep(0.1)
    time.sleep(1)
    children = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True).stdout.split()
    process.send_signal(signal.SIGTERM)
    stderr = process.communicate(timeout=60)[1].decode()
    assert process.returncode == 143, stderr
    assert "Traceback" not in stderr and "interrupted" in stderr
    assert [p.name for p in tmp_path.iterdir()] == ["c.jsonl"]
    time.sleep(0.5)
    assert not [c for c in children if os.path.exists(f"/proc/{c}") and "zombie" not in
                open(f"/proc/{c}/status").read()]


# Inputs that hang or explode


def test_a_fifo_and_a_dev_zero_link_in_a_folder_are_named_and_skipped(tmp_path):
    if not hasattr(os, "mkfifo") or not os.path.exists("/dev/zero"):
        pytest.skip("needs FIFOs and /dev/zero")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "zero.txt").symlink_to("/dev/zero")
    (corpus / "good.txt").write_text("NATO has 500 trainers in Iraq.")
    result = natoiraq("extract", str(corpus), "--no-cache", "-q", text=True, timeout=120)
    assert result.returncode == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["good.txt"]
    assert "pipe.txt: a named pipe, not a regular file; skipped" in result.stderr
    assert "zero.txt: a character device, not a regular file; skipped" in result.stderr


def test_an_unreadable_subfolder_is_reported(tmp_path, monkeypatch):
    from natoiraq.reading.inputs import InputFailure, read_inputs

    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text("NATO has 500 trainers.")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("NATO has 600 trainers.")
    if os.geteuid() == 0:  # root reads any folder: refuse this one as the kernel would for a user
        real = os.scandir

        def scandir(path="."):
            if os.fspath(path) == str(locked):
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)
    else:
        locked.chmod(0)
    try:
        items = list(read_inputs([str(tmp_path)]))
    finally:
        locked.chmod(stat.S_IRWXU)
    failures = [str(i) for i in items if isinstance(i, InputFailure)]
    assert [i.id for i in items if isinstance(i, Record)] == ["ok/a.txt"]
    assert failures == [f"{locked}: Permission denied; directory skipped"]


def test_a_stream_named_on_the_command_line_is_read_only_so_far(monkeypatch, tmp_path):
    import natoiraq.reading.inputs as inputs

    monkeypatch.setattr(inputs, "STREAM_MAX_BYTES", 1000)
    items = list(inputs.read_inputs(["/dev/zero"]))
    assert [str(i) for i in items] == ["/dev/zero: more than 0 MiB from a stream; skipped"]


# Names and streams


def test_file_names_that_are_not_utf8_or_hold_a_newline_are_shown_escaped(nlp, tmp_path):
    if sys.platform == "darwin":
        pytest.skip("macOS file systems refuse names that are not UTF-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / os.fsdecode(b"caf\xe9.txt")).write_text("NATO has 500 trainers in Iraq.")
    (corpus / "two\nlines.txt").write_text("")
    out = tmp_path / "out.jsonl"
    messages = []
    code = run_extract([str(corpus)], ExtractOptions(duplicates="mark"), fmt="jsonl", output=str(out), nlp=nlp,
                       quiet=True, echo=messages.append)
    assert code == 1
    (document,) = [json.loads(line) for line in out.read_bytes().decode("utf-8").splitlines()]
    assert document["id"] == "caf\\xe9.txt" and document["source"].endswith("caf\\xe9.txt")
    (failure,) = messages
    assert "\n" not in failure and failure.endswith("two\\nlines.txt: empty file")


@pytest.mark.parametrize("args", [
    ["query", str(SEEDS), "with recursive r(n) as (select 1 union all select n + 1 from r where n < 100000) "
                          "select n from r"],
    ["annotate", str(SEEDS)],
], ids=["query", "annotate"])
def test_a_reader_that_stops_early_is_no_failure(args):
    process = subprocess.Popen([sys.executable, "-m", "natoiraq", *args, "-f", "jsonl"] if args[0] == "query" else
                               [sys.executable, "-m", "natoiraq", *args], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, bufsize=0)
    process.stdout.read(10)
    process.stdout.close()  # `| head -c 10`
    stderr = process.communicate(timeout=300)[1].decode()
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr


def test_utf16_without_a_byte_order_mark_is_read():
    from natoiraq.reading.decoding import decode

    text = "NATO a envoyé 500 soldats en Irak, à Erbil."
    for encoding in ("utf-16-le", "utf-16-be"):
        assert decode(text.encode(encoding)) == (text, None)
    assert decode(b"\x00\x01\x02\x03" * 100)[0] is None


@pytest.mark.parametrize("words, low", [("a billion billion billion", 10**27), ("a thousand million", 10**9),
                                        ("three hundred thousand", 300_000), ("9" * 400, None)])
def test_number_words_at_the_edges(words, low):
    from natoiraq.parsing.numbers import parse_number

    value = parse_number(words)
    assert value == low if low is None or low < 2**53 else abs(value - low) / low < 1e-9


# query cannot write files


@pytest.mark.parametrize("statement", [
    "vacuum into '{dir}/copy.db'", "attach database '{dir}/new.db' as other", "pragma journal_mode = wal",
    "create table mine (x)", "delete from troops",
])
def test_query_cannot_write_files_or_change_the_facts(statement, tmp_path):
    from natoiraq.facts import DocumentFacts, ReferenceDate, TroopFigure
    from natoiraq.outputs import sql

    figure = TroopFigure("500", 9, 12, 500, 500, 500, "exact", "trainers", "NATO", "level", "actual", "s")
    connection = sql.load([DocumentFacts("a", None, None, ReferenceDate(None, None), troops=[figure])])
    with pytest.raises(sql.QueryError, match="may only read"):
        sql.run_query(connection, statement.format(dir=tmp_path))
    assert list(tmp_path.iterdir()) == []
    assert sql.run_query(connection, "select count(*) from troops")[1] == [(1,)]
    assert sql.run_query(connection, "pragma table_info(troops)")[1]


def test_a_cache_on_a_read_only_disk_is_read_or_skipped_never_fatal(nlp, small_mount, monkeypatch, tmp_path):
    point, read_only = small_mount
    monkeypatch.setenv("XDG_CACHE_HOME", str(point))
    first = jsonl_file(tmp_path / "first.jsonl", [GOOD])
    assert extract(nlp, [first], cache=True)[0] == 0
    read_only()
    both = jsonl_file(tmp_path / "both.jsonl", [GOOD, {**GOOD, "id": "new", "text": "Denmark has 100 trainers."}])
    code, documents, messages = extract(nlp, [both], cache=True)
    assert code == 0, messages
    assert [d["troops"][0]["low"] for d in documents] == [500, 100]
    assert all(m.startswith("natoiraq: warning: ") for m in messages)


def test_cache_info_on_a_corrupt_cache_says_so(tmp_path):
    from natoiraq.run.cache import info

    (tmp_path / FILE_NAME).write_bytes(b"this is not a database" * 100)
    assert info(tmp_path)["entries"].startswith("unreadable")


def test_a_document_a_writer_cannot_encode_fails_alone(nlp, tmp_path, monkeypatch):
    rows = [{**GOOD, "id": "a"}, {**GOOD, "id": "b", "extra": 1}, {**GOOD, "id": "c"}]
    path = jsonl_file(tmp_path / "a.jsonl", rows)
    from natoiraq.cli import runner

    real = runner.iter_facts

    def poisoned(*args, **kwargs):
        for facts in real(*args, **kwargs):
            if facts.id == "b":
                facts.meta["extra"] = object()  # nothing JSON can hold
            yield facts

    monkeypatch.setattr(runner, "iter_facts", poisoned)
    code, documents, messages = extract(nlp, [path])
    assert code == 1 and [d["id"] for d in documents] == ["a", "c"]
    assert any("facts could not be written: TypeError" in m for m in messages)


def test_a_file_whose_reading_raises_fails_alone(tmp_path, monkeypatch):
    import natoiraq.reading.inputs as inputs

    (tmp_path / "a.txt").write_text("NATO has 500 trainers.")
    (tmp_path / "b.txt").write_text("NATO has 600 trainers.")
    real = inputs._text_record

    def exhausted(data, path, *args):
        if path.endswith("a.txt"):
            raise MemoryError
        return real(data, path, *args)

    monkeypatch.setattr(inputs, "_text_record", exhausted)
    items = list(inputs.read_inputs([str(tmp_path)]))
    assert [str(i) for i in items if isinstance(i, inputs.InputFailure)] == [f"{tmp_path}/a.txt: cannot be read: MemoryError"]
    assert [i.id for i in items if isinstance(i, Record)] == ["b.txt"]


def test_a_record_that_kills_its_worker_fails_alone(nlp, tmp_path):
    name = "test_killing"
    if not Language.has_factory(name):
        @Language.component(name)
        def kill(doc):
            if "DIE" in doc.text:
                os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer would
            return doc
    nlp.add_pipe(name, last=True)
    try:
        rows = [{"id": str(i), "text": f"NATO has {100 + i} trainers." + (" DIE" if i == 5 else "")} for i in range(12)]
        code, documents, messages = extract(nlp, [jsonl_file(tmp_path / "a.jsonl", rows)], workers=2, batch_size=2)
    finally:
        nlp.remove_pipe(name)
    assert code == 1
    assert [d["id"] for d in documents] == [str(i) for i in range(12) if i != 5]
    assert [m for m in messages if "extraction failed" in m] == [
        f"natoiraq: {tmp_path / 'a.jsonl'}:6: extraction failed: the worker process died (killed for memory, or a crash)"]
