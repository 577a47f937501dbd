"""The HTML report: self-contained, every fact highlighted, one chart per series; and in a real browser."""

import html
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from natoiraq.cli import cli
from natoiraq.outputs.html import TROOPS_COLOUR, render
from natoiraq.outputs.latest import answers
from natoiraq.outputs.timeline import build
from natoiraq.outputs.worldmap import LAND, shade
from tests.conftest import SEEDS
from tests.handmade import CORPUS, article, document, figure

CHROMIUM = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")
                 if shutil.which(name)), None)
INSTALL_HINT = "Chromium is not installed: apt-get install chromium (Debian), then rerun for the browser test"


class Outline(HTMLParser):
    """What a structural check needs: tags seen, attributes that could fetch something, marks' labels and titles,
    links, and the attributes of every svg."""

    def __init__(self):
        super().__init__()
        self.tags, self.fetching, self.labels, self.titles, self.links, self.svgs = [], [], [], [], [], []
        self._in_mark_span = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if tag == "a":
            self.links.append(attrs.get("href"))
        self.fetching += [value for name, value in attrs.items()
                          if name in ("src", "srcset", "data") or (name == "href" and tag != "a")]
        if tag == "mark":
            self.titles.append(attrs.get("title"))
        if tag == "svg":
            self.svgs.append(attrs)
        self._in_mark_span = tag == "span" and "mark" in self.tags[-3:]

    def handle_data(self, data):
        if self._in_mark_span and data.strip():
            self.labels.append(data.strip())
            self._in_mark_span = False


def outline(page: str) -> Outline:
    parsed = Outline()
    parsed.feed(page)
    return parsed


@pytest.fixture(scope="module")
def handmade_page():
    return render([article(facts) for facts in CORPUS], title="Handmade")


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("report") / "report.html"
    result = CliRunner().invoke(cli, ["report", str(SEEDS), "-o", str(path), "--reference-date", "2021-02-16"])
    assert result.exit_code == 0, result.output
    return path.read_text()


def test_report_is_self_contained(seeds_report, handmade_page):
    for page in (seeds_report, handmade_page):
        assert outline(page).fetching == []
        assert not re.search(r"@import|url\(|<script|<link", page, re.IGNORECASE)
        assert page.startswith("<!DOCTYPE html>") and "charset='utf-8'" in page
        assert "<meta name='viewport' content='width=device-width, initial-scale=1'>" in page


def test_report_highlights_every_troop_figure(seeds_report):
    parsed = outline(seeds_report)
    assert parsed.labels.count("TROOPS") == 9
    assert {"DATE", "ORG", "GPE", "PERSON"} <= set(parsed.labels)
    assert seeds_report.count("<h2 id='article-") == 5
    for figure in ("3,100", "between 4,000 and 5,000", "roughly 11,000"):
        assert figure in seeds_report


def test_one_panel_per_series_each_scaling_to_its_box(handmade_page):
    series = build(CORPUS).series
    parsed = outline(handmade_page)
    charts = [svg for svg in parsed.svgs if svg.get("class") != "world"]  # the map is no series' panel
    assert len(charts) == len(series) == handmade_page.count("<figure class='panel'>")
    assert all(re.fullmatch(r"0 0 \d+ \d+", svg["viewbox"]) and "width" not in svg for svg in parsed.svgs)
    for s in series:
        assert f"<figcaption>{html.escape(s.label)}" in handmade_page


def test_values_are_written_on_the_chart_and_log_scale_only_where_needed(handmade_page):
    panels = dict(re.findall(r"<figcaption>([^<]+)(.*?)</figure>", handmade_page))
    iraq = panels["United States · Iraq"]
    assert iraq.startswith("<span class='scale'>log scale</span>")  # 250,000 to 1,000
    assert not panels["NATO · Iraq"].startswith("<span class='scale'>")  # 500 and 4,000
    for value in (">250,000", "~170,000", "4,000", "2,500", "1,000"):
        assert re.search(rf"<text class='value'[^>]*>{re.escape(html.escape(value))}</text>", iraq)
    nato = panels["NATO · Iraq"]
    assert re.search(r"<circle [^>]*fill='white'", nato) and "class='value planned'" in nato  # planned: hollow
    assert "stroke-dasharray" not in nato  # one planned point: no dashed line to draw
    assert iraq.count("<path ") == 1 and iraq.count(" L") == 5  # six actual levels on six dates
    afghanistan = panels["United States · Afghanistan"]
    assert ">▲+4,000<title>" in afghanistan  # a change, beside the level


def test_figures_of_one_day_are_not_joined_by_a_line():
    page = render([article(document("a", "2022-02-24", figure(190000, location="Ukraine", when="2022-02-24"),
                                    figure(30000, location="Ukraine", when="2022-02-24"))),
                   article(document("b", "2022-03-01", figure(150000, location="Ukraine", when="2022-03-01")))])
    assert page.count(" L") == 1  # from the later of the day's figures to the next day's, not between them


@pytest.mark.parametrize("days", [["0001-01-01"], ["9999-12-31"], ["0001-01-01", "9999-12-31"], ["0001", "9999-12"]])
def test_the_calendar_edges_are_drawn(days):
    page = render([article(document(f"d{n}", day, figure(500 + n, when=day))) for n, day in enumerate(days)])
    assert page.count("<figure class='panel'>") == 1 and page.count("<circle ") == len(days)


def test_summary_gives_each_series_latest_actual_level_date_and_source(handmade_page):
    summary = handmade_page.split("<h2 id='summary'>")[1].split("<h2")[0]
    rows = re.findall(r"<tr><td>([^<]+)</td><td class='n'>([^<]+)</td><td class='d'>([^<]+)</td>"
                      r"<td class='src'>(.*?)</td>", summary)
    latest = {html.unescape(label): (html.unescape(level), day, re.sub("<[^>]+>", "", source))
              for label, level, day, source in rows}
    assert latest["United States · Iraq"] == ("1,000", "2024-01-15", "iraq-low")
    assert latest["United States · Syria"] == ("1,000", "2019-10-14", "syria")  # the later 150 is only planned
    assert latest["NATO · Iraq"][:2] == ("500", "2018-07-12")


def test_summary_links_a_source_with_a_url():
    page = render([article(facts) for facts in CORPUS if facts.id in ("wire-a", "wire-b")])
    assert "<a href='https://example.org/a' title='Title of wire-a'>example.org (wire-a)</a>, <span title='Title of wire-b'>wire-b</span>" in page


def test_troop_marks_say_whose_where_and_when(handmade_page):
    parsed = outline(handmade_page)
    troops = [title for title, label in zip(parsed.titles, parsed.labels) if label == "TROOPS"]
    assert "United States · Syria · as of 2019-12 (target) · level, planned" in troops
    assert any(t.startswith("force not stated · Iraq · as of —") for t in troops)
    assert f"background: {TROOPS_COLOUR}" in handmade_page


def test_troop_colour_stands_apart_from_every_spacy_label():
    from spacy.displacy.render import DEFAULT_LABEL_COLORS

    def rgb(colour):
        return [int(colour[i:i + 2], 16) for i in (1, 3, 5)]

    for label, colour in DEFAULT_LABEL_COLORS.items():
        distance = sum((a - b) ** 2 for a, b in zip(rgb(colour), rgb(TROOPS_COLOUR))) ** 0.5
        assert distance > 80, label


def test_url_is_a_link_only_when_it_is_a_web_address(handmade_page):
    links = outline(handmade_page).links
    assert "https://example.org/a" in links
    assert not any(link and link.startswith("javascript") for link in links)
    assert "javascript:alert(1)" in handmade_page  # shown as text


def test_article_markup_is_shown_not_run(tmp_path, nlp):
    source = tmp_path / "evil.txt"
    source.write_text("Evil <script>alert(1)</script> <img src=x onerror=alert(2)>\n\nNATO has 500 trainers in Iraq.")
    out = tmp_path / "report.html"
    assert CliRunner().invoke(cli, ["report", str(source), "-o", str(out)]).exit_code == 0
    page = out.read_text()
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# -- in a real browser -------------------------------------------------------------------------

#: Run in the page after layout; what a person would see, written into the page for --dump-dom to return.
MEASURE = """<script>
const width = document.documentElement.clientWidth;
const inside = (e, box) => { const r = e.getBoundingClientRect(); return r.left >= box.left - 1 && r.right <= box.right + 1; };
const scrolls = e => e.closest('.scroll') !== null;
const result = {
  width,
  pageWidth: document.documentElement.scrollWidth,
  captions: [...document.querySelectorAll('figure.panel figcaption')].map(e => e.firstChild.textContent),
  panelsOutside: [...document.querySelectorAll('figure.panel')].filter(e => e.getBoundingClientRect().right > width + 1).length,
  panelLefts: [...new Set([...document.querySelectorAll('figure.panel')].map(e => Math.round(e.getBoundingClientRect().left)))].length,
  labels: [...document.querySelectorAll('svg text.value, svg text.change')].map(t => ({
    text: t.firstChild.textContent, px: t.getBoundingClientRect().height,
    inSvg: inside(t, t.closest('svg').getBoundingClientRect()), italic: getComputedStyle(t).fontStyle === 'italic'})),
  overflowing: [...document.body.querySelectorAll('*')].filter(e => !scrolls(e) && e.getBoundingClientRect().right > width + 1).map(e => e.tagName),
  troopMarks: [...document.querySelectorAll('mark')].filter(m => m.lastChild.textContent === 'TROOPS').map(m => getComputedStyle(m).backgroundColor),
  map: [...document.querySelectorAll('svg.world')].map(s => { const r = s.getBoundingClientRect(); return {
    left: r.left, right: r.right, width: r.width, height: r.height,
    shaded: [...s.querySelectorAll('path.shaded')].map(p => { const b = p.getBoundingClientRect(); return {
      country: p.querySelector('title').textContent.split('\\n')[0], fill: getComputedStyle(p).fill,
      width: b.width, height: b.height, inMap: b.left >= r.left && b.right <= r.right && b.top >= r.top && b.bottom <= r.bottom}; }),
    land: [...s.querySelectorAll('path:not(.shaded)')].filter(p => p.getBoundingClientRect().width > 0).length}; }),
  brief: [...document.querySelectorAll('#summary + .scroll tr')].map(tr => ({
    cells: [...tr.children].map(c => c.textContent), height: tr.getBoundingClientRect().height})),
};
parent.postMessage(JSON.stringify(result), '*');
</script>"""

#: Chromium's window is at least 500 px wide: the page is laid out in a frame of the width asked for.
FRAME = """<!DOCTYPE html><html><body style='margin: 0'>
<iframe src='{page}' style='width: {width}px; height: 900px; border: 0'></iframe>
<script>
addEventListener('message', event => {{
  const pre = document.createElement('pre');
  pre.id = 'measured';
  pre.textContent = event.data;
  document.body.append(pre);
}});
</script></body></html>"""


def seen(page: str, width: int, tmp_path) -> dict:
    """The page laid out by headless Chromium in a window ``width`` pixels wide, measured."""
    inner, frame = tmp_path / f"page-{width}.html", tmp_path / f"frame-{width}.html"
    inner.write_text(page.replace("</body>", MEASURE + "</body>"))
    frame.write_text(FRAME.format(page=inner.name, width=width))
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
             "--allow-file-access-from-files", f"--user-data-dir={tmp_path / f'profile-{width}'}",
             f"--window-size={width + 100},1000", "--virtual-time-budget=5000"]
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", frame.as_uri()], capture_output=True, text=True,
                         timeout=120).stdout
    found = re.search(r'<pre id="measured">(.*?)</pre>', dom, re.DOTALL)
    assert found, f"Chromium returned no measurements: {dom[:300]!r}"
    return json.loads(html.unescape(found[1]))


@pytest.mark.skipif(CHROMIUM is None, reason=INSTALL_HINT)
def test_a_phone_sees_every_series_and_its_values_without_overflow(handmade_page, tmp_path):
    phone = seen(handmade_page, 400, tmp_path)
    assert phone["width"] == 400
    assert phone["pageWidth"] <= 400 and phone["overflowing"] == [] and phone["panelsOutside"] == 0
    assert phone["captions"] == [s.label for s in build(CORPUS).series]
    assert phone["panelLefts"] == 1  # one column of panels
    labels = {label["text"]: label for label in phone["labels"]}
    for value in (">250,000", "~170,000", "2,500", "500", "4,000", "▲+4,000"):
        assert value in labels
    assert all(label["inSvg"] and label["px"] >= 9 for label in phone["labels"])  # on the chart, big enough to read
    styles = {(label["text"], label["italic"]) for label in phone["labels"]}
    assert {(">250,000", False), ("4,000", True), ("4,000", False)} <= styles  # planned levels are set apart
    assert phone["troopMarks"] and set(phone["troopMarks"]) == {rgb(TROOPS_COLOUR)}
    assert_drawn(phone, 400)


def rgb(colour: str) -> str:
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


def assert_drawn(measured: dict, width: int) -> None:
    """The brief table and the world map of the handmade corpus, as a browser lays them out ``width`` px wide."""
    brief = measured["brief"]
    assert brief[0]["cells"][:3] == ["series", "latest level", "as of"]
    assert [row["cells"][:3] for row in brief[1:]] == [
        [row.label, row.latest.figure if row.latest else "—", row.latest.when if row.latest else "—"]
        for row in answers(facts for facts in CORPUS).rows]
    assert all(row["height"] > 0 for row in brief)
    [drawn] = measured["map"]
    assert 0 <= drawn["left"] and drawn["right"] <= width and drawn["width"] > 300 and drawn["height"] > 100
    assert drawn["land"] > 150  # the other countries' outlines are drawn too
    shaded = {country["country"]: country for country in drawn["shaded"]}
    assert set(shaded) == {"Iraq", "Syria", "Afghanistan"}
    assert all(c["width"] > 2 and c["height"] > 2 and c["inMap"] for c in shaded.values())
    assert {name: c["fill"] for name, c in shaded.items()} == {
        "Iraq": rgb(shade(1000)), "Syria": rgb(shade(1000)), "Afghanistan": rgb(shade(8400))}
    assert rgb(shade(1000)) != rgb(LAND)


@pytest.mark.skipif(CHROMIUM is None, reason=INSTALL_HINT)
def test_a_wide_screen_sets_panels_side_by_side(handmade_page, tmp_path):
    desk = seen(handmade_page, 1200, tmp_path)
    assert desk["pageWidth"] <= 1200 and desk["overflowing"] == []
    assert desk["panelLefts"] >= 2
    assert_drawn(desk, 1200)
