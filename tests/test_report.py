"""The HTML report: self-contained, every fact highlighted, the timeline drawn; and in a real browser."""

import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from natoiraq.cli import cli
from tests.conftest import SEEDS

CHROMIUM = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")
                 if shutil.which(name)), None)


class Outline(HTMLParser):
    """What a structural check needs: tags seen, attributes that could fetch something, marks' labels."""

    def __init__(self):
        super().__init__()
        self.tags, self.fetching, self.labels = [], [], []
        self._in_mark_span = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.fetching += [value for name, value in attrs if name in ("src", "href", "srcset", "data")]
        self._in_mark_span = tag == "span" and "mark" in self.tags[-3:]

    def handle_data(self, data):
        if self._in_mark_span and data.strip():
            self.labels.append(data.strip())
            self._in_mark_span = False


@pytest.fixture(scope="module")
def report(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("report") / "report.html"
    result = CliRunner().invoke(cli, ["report", str(SEEDS), "-o", str(path), "--reference-date", "2021-02-16"])
    assert result.exit_code == 0, result.output
    return path


def test_report_is_self_contained(report):
    html = report.read_text()
    outline = Outline()
    outline.feed(html)
    assert outline.fetching == []
    assert not re.search(r"@import|url\(|<script|<link", html, re.IGNORECASE)
    assert html.startswith("<!DOCTYPE html>") and "charset='utf-8'" in html


def test_report_highlights_every_troop_figure_and_draws_the_timeline(report):
    html = report.read_text()
    outline = Outline()
    outline.feed(html)
    assert outline.labels.count("TROOPS") == 9
    assert {"DATE", "ORG", "GPE", "PERSON"} <= set(outline.labels)
    assert outline.tags.count("svg") == 1 and outline.tags.count("circle") >= 9
    assert html.count("<h2 id='article-") == 5
    for figure in ("3,100", "between 4,000 and 5,000", "roughly 11,000"):
        assert figure in html


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian package 'chromium')")
def test_report_renders_in_a_real_browser(report, tmp_path):
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", report.as_uri()], capture_output=True, text=True,
                         timeout=120).stdout
    assert "Troop levels over time" in dom and "<svg" in dom and dom.count("<mark") > 100
    screenshot = tmp_path / "report.png"
    subprocess.run([CHROMIUM, *flags, "--window-size=1200,1400", f"--screenshot={screenshot}", report.as_uri()],
                   capture_output=True, timeout=120)
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 20_000


def test_article_markup_is_shown_not_run(tmp_path, nlp):
    article = tmp_path / "evil.txt"
    article.write_text("Evil <script>alert(1)</script> <img src=x onerror=alert(2)>\n\nNATO has 500 trainers in Iraq.")
    out = tmp_path / "report.html"
    assert CliRunner().invoke(cli, ["report", str(article), "-o", str(out)]).exit_code == 0
    html = out.read_text()
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
