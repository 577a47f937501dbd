"""What every command shares, through Click's CliRunner: formats, -o, exit status, stdin, colour."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from natoiraq.cli import cli
from natoiraq.cli.sources import paths_or_stdin
from tests.conftest import GOLD, ROOT, SEEDS

ONE = str(SEEDS / "000_81d50523a6ccb36b.txt")
SQL = "select force, count(*) as n from troops group by force"


@pytest.fixture(scope="module", autouse=True)
def _warm(nlp):
    """Load the model once; the CLI's own load then hits spaCy's caches."""


def run(*args, input=None, env=None):
    return CliRunner().invoke(cli, list(args), input=input, env=env)


def lines(output):
    return [json.loads(line) for line in output.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    """The seeds' facts saved as JSON Lines and as an exported database."""
    folder = tmp_path_factory.mktemp("saved")
    assert run("extract", str(SEEDS), "-o", str(folder / "facts.jsonl")).exit_code == 0
    assert run("export", str(SEEDS), "-o", str(folder / "facts.db")).exit_code == 0
    return folder


def test_version_short_and_long():
    for flag in ("-V", "--version"):
        result = run(flag)
        assert result.exit_code == 0 and result.output.startswith("natoiraq, version ")


@pytest.mark.parametrize("args", [
    ["extract", ONE], ["query", ONE, SQL], ["timeline", str(SEEDS), "--reference-date", "2021-02-16"],
    ["evaluate", str(GOLD / "seeds.jsonl")], ["annotate", ONE],
])
def test_every_command_writes_json_lines_when_piped(args):
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert lines(result.stdout) and all(isinstance(item, dict) for item in lines(result.stdout))


def test_json_is_the_array_of_the_json_lines():
    args = ["query", ONE, SQL]
    assert json.loads(run(*args, "-f", "json").stdout) == lines(run(*args).stdout)


@pytest.mark.parametrize("args", [["timeline", str(SEEDS), "--reference-date", "2021-02-16"],
                                  ["evaluate", str(GOLD / "seeds.jsonl")]])
def test_a_command_of_one_result_writes_that_object_not_an_array_of_one(args):
    piped = lines(run(*args).stdout)
    assert len(piped) == 1 and json.loads(run(*args, "-f", "json").stdout) == piped[0]


def test_output_format_follows_the_extension(tmp_path):
    for name in ("f.jsonl", "f.json", "f.csv", "f.db", "f.html"):
        assert run("extract", ONE, "-o", str(tmp_path / name)).exit_code == 0
    assert len(lines((tmp_path / "f.jsonl").read_text())) == 1
    assert len(json.loads((tmp_path / "f.json").read_text())) == 1
    assert (tmp_path / "f.csv").read_text(encoding="utf-8-sig").startswith("type,document,")
    with sqlite3.connect(tmp_path / "f.db") as db:
        assert db.execute("select count(*) from troops").fetchone()[0] > 0
    assert (tmp_path / "f.html").read_text().lstrip().lower().startswith("<!doctype html")


def test_an_extension_natoiraq_does_not_write_is_a_usage_error(tmp_path):
    result = run("extract", ONE, "-o", str(tmp_path / "facts.xlsx"))
    assert result.exit_code == 2
    for extension in (".jsonl", ".json", ".csv", ".db", ".html"):
        assert extension in result.stderr
    timeline = run("timeline", ONE, "-o", str(tmp_path / "t.db"))
    assert timeline.exit_code == 2 and ".db" in timeline.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["extract", ONE], ["export", ONE], ["report", ONE], ["query", ONE, SQL],
                                     ["timeline", ONE], ["annotate", ONE]])
def test_output_into_a_missing_folder_is_a_clean_usage_error(command, tmp_path):
    result = run(*command, "-o", str(tmp_path / "missing" / "out.html" if command[0] == "report"
                                     else tmp_path / "missing" / ("out.db" if command[0] == "export" else "out.json")))
    assert result.exit_code == 2 and "does not exist" in result.stderr
    assert "Traceback" not in result.output


def test_query_opens_an_exported_database_read_only(saved):
    result = run("query", str(saved / "facts.db"), SQL)
    assert result.exit_code == 0
    assert {row["force"]: row["n"] for row in lines(result.stdout)}["NATO"] > 0
    refused = run("query", str(saved / "facts.db"), "delete from troops")
    assert refused.exit_code == 1 and ("readonly" in refused.stderr.replace("-", "") or "only read" in refused.stderr)


def test_query_reads_saved_json_lines_without_extracting(saved, monkeypatch):
    import natoiraq.cli.sources as sources

    def no_extraction(*args, **kwargs):
        raise AssertionError("extracted again")

    monkeypatch.setattr(sources, "iter_facts", no_extraction)
    from_file = run("query", str(saved / "facts.jsonl"), SQL)
    piped = run("query", SQL, input=(saved / "facts.jsonl").read_text())
    from_db = run("query", str(saved / "facts.db"), SQL)
    assert lines(from_file.stdout) == lines(piped.stdout) == lines(from_db.stdout) != []


def test_query_without_sql_prints_the_schema(saved):
    for args in ([], [str(saved / "facts.db")]):
        result = run("query", *args)
        assert result.exit_code == 0
        assert "troops(doc_id" in result.stdout and "documents(doc_id" in result.stdout


def test_dash_and_piped_stdin_are_alike():
    text = (SEEDS / "000_81d50523a6ccb36b.txt").read_text()
    assert lines(run("extract", "-", input=text).stdout) == lines(run("extract", input=text).stdout) != []


def test_no_path_on_a_terminal_is_a_usage_error(monkeypatch):
    import click

    class Terminal:
        def isatty(self):
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    with pytest.raises(click.UsageError, match="PATH"):
        paths_or_stdin(())


def test_natoiraq_errors_are_one_line_and_exit_1():
    for command in (["query", ONE, SQL], ["timeline", ONE], ["annotate", ONE], ["extract", ONE]):
        result = run(*command, "--model", "en_core_web_nonexistent", "--no-cache")
        assert result.exit_code == 1, command
        assert result.stderr.startswith("natoiraq: ") and len(result.stderr.strip().splitlines()) == 1


def test_bad_query_exits_1_naming_the_tables(saved):
    result = run("query", str(saved / "facts.jsonl"), "select nothing from nowhere")
    assert result.exit_code == 1 and "troops(doc_id" in result.stderr and "Traceback" not in result.stderr


def test_colour_auto_always_never_and_no_color(saved):
    args = ["query", str(saved / "facts.db"), SQL, "-f", "table"]
    assert "\x1b[" not in run(*args).stdout  # auto: not a terminal
    assert "\x1b[" in run(*args, "--color", "always").stdout
    assert "\x1b[" not in run(*args, "--color", "never").stdout
    assert "\x1b[3" not in run(*args, "--color", "always", env={"NO_COLOR": "1"}).stdout  # no colours


def test_show_rejects_an_unknown_section():
    result = run("extract", ONE, "-f", "table", "--show", "troops,people")
    assert result.exit_code == 2 and "entities" in result.stderr


def test_a_json_true_id_is_refused_not_turned_into_True():
    records = [{"id": True, "text": "NATO has 500 trainers in Iraq."}, {"id": 7, "text": "Denmark sent 100 troops."}]
    result = run("extract", "-", input="".join(json.dumps(r) + "\n" for r in records))
    assert result.exit_code == 1 and "-:1: 'id' must be a string, got bool" in result.stderr
    assert [d["id"] for d in lines(result.stdout)] == ["7"]


def test_evaluate_verbose_keeps_the_first_letter_of_an_article(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "w", "date": "2021-02-16", "text": "WASHINGTON sent 450 more troops to Iraq.",
                                "troops": []}) + "\n")
    result = run("evaluate", str(gold), "-v", "-f", "table")
    assert "WASHINGTON sent 450 more troops" in result.stdout


def natoiraq(*args, **kwargs):
    return subprocess.Popen([sys.executable, "-m", "natoiraq", *args], cwd=ROOT, **kwargs)


def test_a_closed_pipe_ends_quietly_with_0():
    reader = subprocess.Popen(["head", "-c", "1"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    process = natoiraq("query", str(SEEDS), "select * from entities", stdout=reader.stdin, stderr=subprocess.PIPE)
    reader.stdin.close()
    _, stderr = process.communicate(timeout=120)
    reader.wait()
    assert process.returncode == 0 and b"Traceback" not in stderr and b"Error" not in stderr


@pytest.mark.parametrize("command", [["query", SQL], ["timeline"], ["report", "-o", "r.html"]])
def test_ctrl_c_exits_130_for_every_command(command, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    text = (SEEDS / "004_1d1ce567cd40a3e1.txt").read_text()
    corpus.write_text("".join(json.dumps({"id": str(i), "text": text}) + "\n" for i in range(300)))
    args = [command[0], str(corpus), *command[1:], "--no-cache", "--keep-duplicates"]  # 300 copies: all extracted
    process = subprocess.Popen([sys.executable, "-m", "natoiraq", *args], cwd=tmp_path, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
    time.sleep(4)  # into the extraction
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr.decode()
    assert b"interrupted" in stderr and b"Traceback" not in stderr
    assert not (tmp_path / "r.html").exists()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs Linux's /dev/full")
@pytest.mark.parametrize("command", [["extract", ONE], ["query", ONE, SQL], ["timeline", ONE], ["annotate", ONE]])
def test_a_failed_write_names_the_output_and_exits_1(command):
    result = run(*command, "-o", "/dev/full")
    assert result.exit_code == 1
    # docs/cli.md's wording, as export always had it (issue 28)
    assert result.stderr.strip() == "natoiraq: /dev/full: cannot write: No space left on device"


def test_saved_facts_are_told_from_articles_and_a_bad_line_is_named(tmp_path):
    from natoiraq.facts import DocumentFacts
    from natoiraq.reading.inputs import InputFailure
    from natoiraq.reading.saved import looks_like_facts, read_facts

    document = {"id": "a", "source": None, "title": None, "reference_date": {"value": None, "origin": None},
                "entities": [], "dates": [], "troops": [], "meta": {}}
    assert looks_like_facts(json.dumps(document).encode() + b"\n")
    assert looks_like_facts(json.dumps({**document, "text": "kept with --include-text"}).encode())
    assert not looks_like_facts(b'{"id": "a", "text": "NATO has 500 trainers in Iraq."}\n')
    assert not looks_like_facts(b"NATO has 500 trainers in Iraq.\n")
    items = list(read_facts([json.dumps(document).encode(), b"", b'{"id": "b"}'], "facts.jsonl"))
    assert isinstance(items[0], DocumentFacts) and items[0].id == "a"
    assert isinstance(items[1], InputFailure) and str(items[1]).startswith("facts.jsonl:3: not a natoiraq document")


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_shell_completion_as_the_docs_say(shell):
    line = f"_NATOIRAQ_COMPLETE={shell}_source natoiraq"
    assert line in (ROOT / "docs" / "cli.md").read_text()
    script = subprocess.run([sys.executable, "-m", "natoiraq"], capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "_NATOIRAQ_COMPLETE": f"{shell}_source"})
    assert script.returncode == 0 and "_natoiraq_completion" in script.stdout
