"""The `natoiraq` command through Click's CliRunner, and as a real process where it matters."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from natoiraq.cli import cli
from tests.conftest import GOLD, ROOT, SEEDS


@pytest.fixture(scope="module", autouse=True)
def _warm(nlp):
    """Load the model once; the CLI's own load then hits spaCy's caches."""


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def jsonl(output):
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_extract_seeds_as_jsonl():
    result = run("extract", str(SEEDS), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    documents = jsonl(result.stdout)
    assert [d["id"] for d in documents] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert set(documents[0]) == {"id", "source", "title", "reference_date", "entities", "dates", "troops", "meta"}
    assert sum(len(d["troops"]) for d in documents) == 9


def test_piped_output_defaults_to_jsonl_and_nothing_else_on_stdout():
    result = run("extract", str(SEEDS / "000_81d50523a6ccb36b.txt"))
    assert len(jsonl(result.stdout)) == 1


def test_table_format_shows_the_figures():
    result = run("extract", str(SEEDS / "002_5c7b882440aeac57.txt"), "--format", "table",
                 "--reference-date", "2020-01-24")
    assert "Troops" in result.stdout and "11,000" in result.stdout and "coalition" in result.stdout


def test_json_format_is_one_array():
    result = run("extract", str(SEEDS), "--format", "json")
    assert len(json.loads(result.stdout)) == 5


def test_reference_date_option_wins_and_is_validated():
    path = str(SEEDS / "000_81d50523a6ccb36b.txt")
    (doc,) = jsonl(run("extract", path, "--reference-date", "2015-06-23").stdout)
    assert doc["reference_date"] == {"value": "2015-06-23", "origin": "option"}
    assert {d["text"]: d["value"] for d in doc["dates"]}["last December"] == "2014-12"
    bad = CliRunner().invoke(cli, ["extract", path, "--reference-date", "June 23"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def test_reference_date_origins(tmp_path):
    (tmp_path / "2021-02-16-nato.txt").write_text("NATO ministers meet on Wednesday.")
    (tmp_path / "undated.txt").write_text("On May 26, 2015, NATO said on Tuesday it would act.")
    (tmp_path / "nothing.txt").write_text("NATO ministers will meet on Wednesday.")  # not a copy: copies are skipped
    (tmp_path / "records.jsonl").write_text(json.dumps({"id": "r", "text": "NATO met on Tuesday.", "date": "2015-06-23"}))
    docs = {d["id"]: d for d in jsonl(run("extract", str(tmp_path)).stdout)}
    assert docs["2021-02-16-nato.txt"]["reference_date"] == {"value": "2021-02-16", "origin": "filename"}
    assert docs["2021-02-16-nato.txt"]["dates"][0]["value"] == "2021-02-17"
    assert docs["undated.txt"]["reference_date"] == {"value": "2015-05-26", "origin": "inferred"}
    assert docs["r"]["reference_date"] == {"value": "2015-06-23", "origin": "metadata"}
    nothing = docs["nothing.txt"]
    assert nothing["reference_date"] == {"value": None, "origin": None}
    assert nothing["dates"][0]["value"] is None  # never resolved against today


def test_stdin_jsonl_carries_meta_through():
    record = {"id": "a1", "text": "Denmark will send 100 more trainers to Iraq.", "date": "2021-02-16",
              "url": "https://example.org/a1", "section": "world"}
    (doc,) = jsonl(run("extract", "-", input=json.dumps(record) + "\n").stdout)
    assert doc["id"] == "a1"
    assert doc["meta"] == {"url": "https://example.org/a1", "section": "world", "outlet": "example.org"}
    assert doc["troops"][0]["force"] == "Denmark" and doc["troops"][0]["kind"] == "increase"


def test_failures_are_reported_and_the_rest_processed(tmp_path):
    (tmp_path / "good.txt").write_text("NATO has 500 trainers in Iraq.")
    (tmp_path / "empty.txt").write_text("")
    result = run("extract", str(tmp_path), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert len(jsonl(result.stdout)) == 1
    assert f"natoiraq: {tmp_path}/empty.txt: empty file" in result.stderr
    assert f"natoiraq: {tmp_path}/missing.txt: no such file or directory" in result.stderr
    assert "1 document extracted, 2 inputs failed" in result.stderr


def test_output_file_is_written_whole(tmp_path):
    out = tmp_path / "facts.jsonl"
    out.write_text("old contents")
    result = run("extract", str(SEEDS), "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert len(jsonl(out.read_text())) == 5
    assert [p.name for p in tmp_path.iterdir()] == ["facts.jsonl"]


def test_missing_model_is_one_line_naming_the_package():
    result = CliRunner().invoke(cli, ["extract", str(SEEDS), "--model", "en_core_web_nonexistent"])
    assert result.exit_code == 1
    assert "pip install en-core-web-nonexistent" in result.stderr


def test_parse_candidates_gives_the_facts_parse_all_gives():
    candidates = run("extract", str(SEEDS), "-f", "jsonl", "--no-cache", "--parse", "candidates")
    every_sentence = run("extract", str(SEEDS), "-f", "jsonl", "--no-cache", "--parse", "all")
    assert candidates.exit_code == every_sentence.exit_code == 0
    assert jsonl(candidates.stdout) == jsonl(every_sentence.stdout) and len(jsonl(candidates.stdout)) == 5
    refused = CliRunner().invoke(cli, ["extract", str(SEEDS), "--parse", "some"])
    assert refused.exit_code == 2 and "'all', 'candidates'" in refused.stderr


def test_usage_errors_exit_2():
    assert CliRunner().invoke(cli, ["extract", "--no-such-option"]).exit_code == 2
    assert CliRunner().invoke(cli, ["extract", str(SEEDS), "--workers", "0"]).exit_code == 2


def test_evaluate_json_and_verbose():
    result = run("evaluate", str(GOLD / "seeds.jsonl"), "--json")
    scores = json.loads(result.stdout)
    assert scores["articles"] == 5 and scores["troops"]["f"] == 1.0
    verbose = run("evaluate", str(GOLD / "seeds.jsonl"), "--verbose", "-f", "table")
    assert "Troop figures" in verbose.stdout and "errors" in verbose.stdout


def test_annotate_drafts_a_gold_line_that_evaluate_accepts(tmp_path):
    article = tmp_path / "new.txt"
    article.write_text("BRUSSELS - NATO will send up to 300 trainers to Iraq next month.")
    draft = run("annotate", str(article), "--reference-date", "2021-02-16")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(draft.stdout)
    line = json.loads(draft.stdout)
    assert line["troops"][0]["low"] == 300 and line["dates"][0]["value"] == "2021-03"
    scores = json.loads(run("evaluate", str(gold), "--json").stdout)
    assert scores["troops"]["f"] == 1.0


def test_help_imports_nothing_heavy():
    code = "import sys; from natoiraq.cli import cli; print(sorted(m for m in ('spacy', 'dateparser', 'rich') if m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "[]"


def test_ctrl_c_leaves_no_half_written_file_and_stdout_ends_on_a_line(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    text = (SEEDS / "004_1d1ce567cd40a3e1.txt").read_text()
    corpus.write_text("".join(json.dumps({"id": str(i), "text": text}) + "\n" for i in range(400)))
    out = tmp_path / "facts.jsonl"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}

    def interrupted(args, started):
        """Run extract, send Ctrl-C once ``started()`` says output has begun, return (stdout, stderr)."""
        # --no-cache and small batches: the streaming path, interrupted mid-output; the copies extracted too
        process = subprocess.Popen([sys.executable, "-m", "natoiraq", "extract", str(corpus), "--no-cache",
                                    "--batch-size", "2", "--keep-duplicates", *args], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, env=env, cwd=ROOT,
                                   bufsize=0)  # unbuffered: readline() takes no more than its line
        head = started(process)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=60)
        assert process.returncode == 130, stderr.decode()
        assert b"interrupted after" in stderr
        return head + stdout

    def part_file_written(process):
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if any(p.name.endswith(".part") and p.stat().st_size for p in tmp_path.iterdir()):
                return b""
            time.sleep(0.2)
        raise AssertionError("no output began")

    interrupted(["-o", str(out)], part_file_written)
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["corpus.jsonl"]

    stdout = interrupted([], lambda process: process.stdout.readline())
    assert stdout.endswith(b"\n")
    assert 1 <= len(stdout.splitlines()) < 400
    for line in stdout.splitlines():
        json.loads(line)


def test_output_to_a_device_or_pipe_is_written_in_place(tmp_path):
    """-o /dev/null must never be replaced by a rename (as root that swaps out the device)."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    result = run("extract", str(SEEDS / "000_81d50523a6ccb36b.txt"), "-o", str(fifo))
    out, _ = reader.communicate(timeout=30)
    assert result.exit_code == 0 and len(jsonl(out.decode())) == 1
    assert not fifo.is_file() and fifo.exists()
    assert run("extract", str(SEEDS / "000_81d50523a6ccb36b.txt"), "-o", os.devnull).exit_code == 0
    assert not os.path.isfile(os.devnull)


def test_output_files_get_ordinary_permissions(tmp_path):
    """Not mkstemp's private 0600: a new file follows the umask, a replaced one keeps its mode."""
    fresh, kept = tmp_path / "fresh.jsonl", tmp_path / "kept.jsonl"
    kept.write_text("")
    kept.chmod(0o640)
    umask = os.umask(0o022)
    try:
        for out in (fresh, kept):
            assert run("extract", str(SEEDS / "000_81d50523a6ccb36b.txt"), "-o", str(out)).exit_code == 0
    finally:
        os.umask(umask)
    assert (fresh.stat().st_mode & 0o777, kept.stat().st_mode & 0o777) == (0o644, 0o640)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_offsets_index_the_file_as_read_with_crlf_and_cr(tmp_path, newline):
    text = newline.join(["NATO to expand Iraq mission", "", "BRUSSELS (Reuters) - NATO will send up to 300 more",
                         "trainers to Iraq next month, diplomats said on Tuesday."])
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode("utf-8"))
    (doc,) = jsonl(run("extract", str(path), "--reference-date", "2021-02-16").stdout)
    assert doc["troops"] and doc["dates"] and doc["entities"]
    for fact in doc["troops"] + doc["dates"] + doc["entities"]:
        assert text[fact["start"]:fact["end"]] == fact["text"]


def test_summary_is_refused_where_there_is_no_table_and_piped_as_a_table_it_is_whole(tmp_path):
    refused = CliRunner().invoke(cli, ["extract", str(SEEDS), "--summary"])  # piped: JSON Lines by default
    assert refused.exit_code == 2 and "--summary" in refused.stderr and refused.stdout == ""
    (tmp_path / "2021").mkdir()
    (tmp_path / "2021" / "a-long-file-name-for-an-article-about-iraq.txt").write_text(
        "NATO has 500 trainers in Iraq, the alliance said on Monday.")
    (tmp_path / "b.txt").write_text("Denmark sends 300 soldiers to Iraq, the ministry said on Monday.")
    table = run("extract", str(tmp_path), "--summary", "-f", "table", "-q").stdout
    assert str(tmp_path) not in table  # the folder every row shares
    assert "2021/a-long-file-name-for-an-article-about-iraq.txt" in table and "…" not in table


def test_an_article_not_in_english_is_a_warning_not_a_failure(tmp_path):
    (tmp_path / "bundeswehr.txt").write_text(
        "Die Bundeswehr hat am Dienstag weitere 150 Soldaten in den Irak verlegt, teilte das "
        "Verteidigungsministerium in Berlin mit. Die Soldaten sollen die irakischen Streitkräfte ausbilden.")
    (tmp_path / "nato.txt").write_text("NATO has 500 trainers in Iraq, the alliance said on Monday.")
    result = run("extract", str(tmp_path))
    assert result.exit_code == 0 and [d["id"] for d in jsonl(result.stdout)] == ["nato.txt"]
    assert f"{tmp_path}/bundeswehr.txt: not English" in result.stderr
    both = run("extract", str(tmp_path), "--any-language")
    assert both.exit_code == 0 and len(jsonl(both.stdout)) == 2 and "not English" not in both.stderr
