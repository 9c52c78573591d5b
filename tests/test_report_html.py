"""The HTML review report: structure, escaping, highlights, size, and one real browser (headless Chromium)."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from claimlint import suppress
from claimlint.cli import FORMATS, run
from claimlint.findings import Edit, Finding, Fix
from claimlint.report import html as html_report
from claimlint.ruleset import load_rules
from claimlint.runner import Options, Result, Runner
from conftest import run_docs

PAGE = """\
<!-- claimlint-disable-next-line efficacy/cure-claim -- quoted -->
The weather is nice.

It cures depression. No side effects.

Our therapy is clinically proven. It cures and cures.
"""

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SVG_SELF_CLOSING = {"rect", "path", "circle", "line"}


class Page(HTMLParser):
    """Checks that every element is closed in order, and collects marks, their text and the page's text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.problems: list[str] = []
        self.marks: list[dict] = []  # attributes and full text (nested marks included) of every <mark> in the source
        self.prose_marks: list[dict] = []  # the same for the rendered prose
        self.open_marks: list[dict] = []
        self.src_text: dict[str, list[str]] = {}  # doc id -> text inside its .src block
        self.doc: str | None = None
        self.in_src = 0
        self.scripts: list[tuple[dict, str]] = []
        self.feed(text)
        self.close()
        if self.stack:
            self.problems.append(f"unclosed: {[tag for tag, _ in self.stack]}")

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in VOID:
            return
        if tag == "details" and "doc" in (attributes.get("class") or "").split():
            self.doc = attributes["id"]
        if tag == "div" and attributes.get("class") == "src":
            self.in_src = len(self.stack) + 1
            self.src_text[self.doc] = []
        if tag == "mark":
            mark = {"attrs": attributes, "text": []}
            # marks in the source view are "marks"; those in the rendered prose are "prose_marks"
            (self.marks if self.in_src else self.prose_marks).append(mark)
            self.open_marks.append(mark)
        self.stack.append((tag, attributes))

    def handle_startendtag(self, tag, attrs):
        if tag not in VOID and tag not in SVG_SELF_CLOSING:
            self.problems.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        if self.in_src and len(self.stack) == self.in_src:
            self.in_src = 0
        if tag == "mark":
            self.open_marks.pop()
        self.stack.pop()

    def handle_data(self, data):
        for mark in self.open_marks:
            mark["text"].append(data)
        if self.in_src:
            self.src_text[self.doc].append(data)
        if self.stack and self.stack[-1][0] == "script":
            self.scripts.append((self.stack[-1][1], data))

    def finding_text(self, i: int) -> str:
        """The text of every piece of finding i, in order."""
        return "".join("".join(m["text"]) for m in self.marks if m["attrs"].get("data-i") == str(i))

    def data(self) -> dict:
        return json.loads(next(text for attrs, text in self.scripts if attrs.get("id") == "claimlint-data"))


@pytest.fixture(scope="module")
def ruleset():
    return load_rules()


@pytest.fixture
def real_run(tmp_path, monkeypatch):
    """A real run: a page with findings (and an unused suppression), a clean page, a missing file."""
    monkeypatch.chdir(tmp_path)
    return run_docs(tmp_path, PAGE)


def finding(path="a.md", line=1, column=1, end_line=1, end_column=2, rule="efficacy/cure-claim", **fields):
    values = {
        "category": "overstated-efficacy",
        "severity": "error",
        "message": "m",
        "suggestion": "s",
        "sources": ("src",),
        "excerpt": "",
    }
    values.update(fields)
    return Finding(path=path, line=line, column=column, end_line=end_line, end_column=end_column, rule=rule, **values)


def span_text(lines: list[str], f: Finding) -> str:
    text = "\n".join(lines)
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return text[starts[f.line - 1] + f.column - 1 : starts[f.end_line - 1] + f.end_column - 1]


# --- structure ----------------------------------------------------------------------------------------------------


def test_html_is_a_format_of_the_cli():
    assert "html" in FORMATS


def test_a_real_run_renders_a_well_formed_page(real_run):
    result, rules = real_run
    report = html_report.render(result, rules)
    page = Page(report)
    assert page.problems == []
    assert report.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in report
    data = page.data()
    assert len(data["findings"]) == len(result.findings) >= 4  # rule packs may add more
    assert data["paths"] == ["docs/page.md"]
    # One focusable highlight per finding, each around exactly the flagged text.
    starts = [m for m in page.marks if "tabindex" in m["attrs"]]
    assert len(starts) == len(result.findings)
    for i, f in enumerate(result.findings):
        assert page.finding_text(i) == f.excerpt, f.rule
    # The document's text is shown whole, highlights included.
    assert "".join(page.src_text["doc-0"]) == "\n".join(result.lines["docs/page.md"])
    assert "docs/missing.md" in html.unescape(report)  # the file that could not be read
    assert "3 files checked" not in report  # missing.md was not checked
    assert "2 files checked" in report
    assert f"{len(result.findings)} findings in 1 file" in report


def test_counts_by_category_severity_file_and_rule(ruleset, tmp_path):
    lines = {"a.md": ["It cures depression.", "No side effects at all."], "b.md": ["It cures it."]}
    findings = [
        finding("a.md", 1, 4, 1, 9, excerpt="cures"),
        finding("a.md", 2, 1, 2, 16, rule="risk/no-side-effects", category="minimized-risk", severity="warning"),
        finding("b.md", 1, 4, 1, 9, excerpt="cures"),
        finding("b.md", 1, 1, 1, 3, rule="efficacy/guarantee", severity="info"),
    ]
    result = Result(files_checked=5, findings=findings, lines=lines)
    report = html_report.render(result, ruleset.rules)
    page = Page(report)
    assert page.problems == []
    text = html.unescape(re.sub(r"<[^>]+>", " ", report))
    counts = re.search(r"<table class=\"counts\">.*?</table>", report, re.S).group(0)
    rows = dict(re.findall(r'<tr><th scope="row" title="([^"]+)">.*?<td><strong>(\d+)</strong>', counts))
    assert rows == {"overstated-efficacy": "3", "minimized-risk": "1"}
    assert re.search(r"<td>2</td><td></td><td>1</td><td><strong>3</strong>", counts)  # error, warning, info
    assert "4 findings in 2 files" in text
    assert "3 files without findings" in text
    files = re.search(r"Files with most findings.*?</table>", report, re.S).group(0)
    assert re.findall(r'href="#doc-(\d)">([^<]+)</a>.*?<td>(\d+)</td>', files) == [
        ("0", "a.md", "2"),
        ("1", "b.md", "2"),
    ]
    top_rules = re.search(r"Rules that fired most.*?</table>", report, re.S).group(0)
    assert re.findall(r"<code>([^<]+)</code>.*?<td>(\d+)</td>", top_rules)[0] == ("efficacy/cure-claim", "2")
    assert 'value="overstated-efficacy" checked' in report and 'value="warning" checked' in report


def test_the_page_loads_nothing_from_elsewhere(real_run):
    result, rules = real_run
    report = html_report.render(result, rules)
    assert not re.search(r"<script[^>]*\bsrc\s*=", report, re.I)
    assert not re.search(r"<link\b", report, re.I)
    assert not re.search(r"<(img|iframe|object|embed|audio|video|source)\b", report, re.I)
    assert not re.search(r"\b(src|href|action|poster|data)\s*=\s*[\"']?\s*(https?:)?//", report, re.I)
    assert not re.search(r"@import|url\(", report, re.I)
    for target in re.findall(r"\bhref=\"([^\"]*)\"", report):
        assert target.startswith("#"), target
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', report).group(1)
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy


def test_the_content_security_policy_allows_exactly_the_page_s_style_and_script(real_run):
    import base64
    import hashlib

    result, rules = real_run
    report = html_report.render(result, rules)
    style = re.search(r"<style>(.*?)</style>", report, re.S).group(1)
    script = re.search(r"<script>(.*?)</script>", report, re.S).group(1)

    def digest(text):
        return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    assert f"style-src '{digest(style)}'" in report
    assert f"script-src '{digest(script)}'" in report
    assert ' style="' not in report  # an inline style attribute would be blocked by the policy


def test_everything_from_a_draft_is_escaped(ruleset):
    evil = "<script>alert(1)</script>"
    lines = ["Intro </script><script>alert(2)</script> & <b>bold</b>", "It cures " + evil]
    findings = [
        finding(
            "x<img src=x onerror=alert(3)>.md", 2, 4, 2, 9, excerpt="cures", message=evil, suggestion=evil,
            sources=(evil,), rule="custom/<rule>", category="overstated-efficacy",
        ),
        finding("x<img src=x onerror=alert(3)>.md", 1, 7, 1, 16, excerpt="</script>", message='"quoted" & \'single\''),
    ]  # fmt: skip
    report = html_report.render(Result(files_checked=1, findings=findings, lines={findings[0].path: lines}), ruleset)
    page = Page(report)
    assert page.problems == []
    assert "<script>alert" not in report
    assert "<img" not in report and "<b>" not in report
    assert report.count("<script") == 2  # the JSON data and the page's own script
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report
    data = page.data()  # the JSON block is intact and carries the original text
    assert data["findings"][0]["m"] == evil
    assert data["findings"][0]["r"] == "custom/<rule>"
    assert data["rules"]["custom/<rule>"]["sources"] == [evil]
    assert data["paths"] == [findings[0].path]
    block = re.search(r'id="claimlint-data">(.*?)</script>', report, re.S).group(1)
    assert "<" not in block and ">" not in block and "&" not in block
    assert page.finding_text(0) == "cures" and page.finding_text(1) == "</script>"
    assert "".join(page.src_text["doc-0"]) == "\n".join(lines)


def test_spans_that_cross_nest_or_touch_are_split_into_well_formed_marks(ruleset):
    lines = ["alpha beta gamma delta", "epsilon zeta", "eta"]
    spans = [
        (1, 1, 1, 11),  # alpha beta
        (1, 7, 1, 17),  # beta gamma: crosses the first
        (1, 7, 1, 11),  # beta: inside both
        (1, 7, 1, 11),  # beta again (a second rule)
        (1, 18, 2, 8),  # delta\nepsilon: over a line break
        (2, 1, 2, 13),  # epsilon zeta: crosses the line-break span
        (2, 9, 2, 9),  # an insertion point (zero width)
        (3, 1, 3, 4),  # eta, at the very end
        (9, 1, 9, 4),  # outside the text: listed, not placed
        (3, 2, 3, 99),  # end past the line: clamped
    ]
    findings = []
    for n, (line, column, end_line, end_column) in enumerate(spans):
        f = finding("a.md", line, column, end_line, end_column, rule=f"efficacy/r{n}")
        findings.append(f)
    result = Result(files_checked=1, findings=sorted(findings, key=Finding.sort_key), lines={"a.md": lines})
    report = html_report.render(result, ruleset)
    page = Page(report)
    assert page.problems == []
    assert "".join(page.src_text["doc-0"]) == "\n".join(lines)
    for i, f in enumerate(result.findings):
        if f.line == 9:
            assert page.finding_text(i) == ""
            assert f'id="f{i}"' not in report
            assert "not placed in the text below" in report
        elif f.end_column == 99:
            assert page.finding_text(i) == "ta"
        else:
            assert page.finding_text(i) == span_text(lines, f), f.rule
            assert len([m for m in page.marks if m["attrs"].get("id") == f"f{i}"]) == 1
    crossing = result.findings.index(next(f for f in result.findings if (f.line, f.column, f.end_column) == (1, 7, 17)))
    pieces = [m for m in page.marks if m["attrs"].get("data-i") == str(crossing)]
    assert len(pieces) == 2 and "cont" in pieces[1]["attrs"]["class"] and "tabindex" not in pieces[1]["attrs"]


def test_marks_are_keyboard_reachable_and_labelled(real_run):
    result, rules = real_run
    report = html_report.render(result, rules)
    page = Page(report)
    for mark in page.marks:
        attrs = mark["attrs"]
        if "cont" in attrs["class"]:
            continue
        assert attrs["tabindex"] == "0" and attrs["role"] == "button"
        f = result.findings[int(attrs["data-i"])]
        assert attrs["aria-label"].startswith(f"{f.rule} ({f.severity})")
        assert " ".join(f.excerpt.split())[:40] in attrs["aria-label"]
    style = re.search(r"<style>(.*?)</style>", report, re.S).group(1)
    assert ":focus-visible{outline:3px solid" in style
    assert '::before{content:"efficacy"}' in style  # a text label, not colour alone
    assert "Enter" in report and '"Escape"' in report
    printing = style[style.index("@media print") :]
    assert ".filters" in printing and "#panel" in printing and "display:none" in printing
    assert "beforeprint" in report  # printing opens every document


def contrast(a: str, b: str) -> float:
    def luminance(color):
        channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_colours_have_a_contrast_of_at_least_4_5():
    for _, highlight, label in [*html_report.CATEGORY_STYLES.values(), html_report.OTHER_STYLE]:
        assert contrast(html_report.TEXT_COLOR, highlight) >= 4.5
        assert contrast("#ffffff", label) >= 4.5
    for color in html_report.SEVERITY_COLORS.values():
        assert contrast("#ffffff", color) >= 4.5
    assert contrast(html_report.TEXT_COLOR, html_report.PAGE_COLOR) >= 4.5


def test_explanations_come_from_the_rules_with_fallbacks(real_run):
    result, rules = real_run
    page = Page(html_report.render(result, rules))
    data = page.data()
    cure = next(r for r in rules if r.id == "efficacy/cure-claim")
    assert data["rules"]["efficacy/cure-claim"] == {
        "summary": cure.summary,
        "rationale": cure.rationale,
        "sources": list(cure.sources),
        "suggestion": cure.suggestion,
    }
    unused = data["rules"]["suppression/unused"]  # a built-in check: not in the rule list
    assert unused["summary"] == suppress.META_RULES["suppression/unused"][1]
    assert unused["suggestion"] == result.findings[0].suggestion
    # Without any rules, each rule is described from its findings.
    bare = Page(html_report.render(result, [])).data()
    assert bare["rules"]["efficacy/cure-claim"]["sources"] == list(result.findings[1].sources)
    assert bare["rules"]["efficacy/cure-claim"]["suggestion"] == result.findings[1].suggestion


def test_fixes_are_described(ruleset):
    lines = ["Our therapy is clinically proven."]
    safe = finding(
        "a.md", 1, 16, 1, 33, rule="efficacy/clinically-proven", excerpt="clinically proven",
        fix=Fix(True, (Edit(1, 16, 1, 33, "studied"),)),
    )  # fmt: skip
    unsafe = finding("a.md", 1, 34, 1, 34, rule="disclosure/off-label", fix=Fix(False, (Edit(1, 34, 1, 34, " X."),)))
    none = finding("a.md", 1, 1, 1, 4, rule="efficacy/guarantee")
    result = Result(files_checked=1, findings=[none, safe, unsafe], lines={"a.md": lines})
    data = Page(html_report.render(result, ruleset)).data()
    assert [f["fk"] for f in data["findings"]] == ["none", "safe", "unsafe"]
    assert data["fixes"] == html_report.FIX_SENTENCES  # the page completes these sentences
    sentences = [html_report.fix_sentence(f, lines) for f in result.findings]
    assert "No automatic fix" in sentences[0]
    assert (
        sentences[1]
        == "Safe fix: claimlint --fix would replace \u201cclinically proven\u201d with \u201cstudied\u201d."
    )
    assert "--unsafe-fixes" in sentences[2] and "insert \u201cX.\u201d at line 1, column 34" in sentences[2]
    assert data["findings"][1]["f"] == "replace \u201cclinically proven\u201d with \u201cstudied\u201d"


def test_clean_files_and_an_empty_run():
    result = Result(files_checked=3, lines={"kept.md": ["All fine."]})
    report = html_report.render(result, [])
    page = Page(report)
    assert page.problems == []
    assert "kept.md" in report and "2 other files checked had no findings either" in report
    assert "No findings." in report and "<mark" not in report
    assert page.data()["findings"] == []


def test_source_text_that_is_not_in_the_result_is_said_to_be_missing(ruleset):
    result = Result(files_checked=1, findings=[finding("gone.md", excerpt="c")])
    report = html_report.render(result, ruleset)
    assert Page(report).problems == []
    assert "source text of this file is not part of the result" in report


def test_the_cli_writes_the_report_to_a_file(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("page.md").write_text(PAGE, encoding="utf-8")
    assert run(["--format", "html", "-o", "report.html", "--isolated", "--no-cache", "page.md"]) == 1
    report = Path("report.html").read_text(encoding="utf-8")
    assert report.startswith("<!DOCTYPE html>") and "<mark" in report
    assert "page.md:4:4" in capsys.readouterr().out  # the text report still goes to the terminal


def test_500_documents_and_5000_findings_render_fast(ruleset):
    rules = [r for r in ruleset.rules][:20]
    lines_of_a_page = [
        f"Paragraph {n}: this treatment cures everything, with no side effects at all." for n in range(40)
    ]
    lines, findings = {}, []
    for d in range(500):
        path = f"site/section-{d // 50}/page-{d:03}.md"
        lines[path] = lines_of_a_page
        for n in range(10):
            rule = rules[(d + n) % len(rules)]
            f = finding(
                path, 4 * n + 1, 30, 4 * n + 1, 35, rule=rule.id, category=rule.category, severity=rule.severity,
                excerpt="cures", message=f"Finding {n} of page {d}",
                fix=Fix(n % 2 == 0, (Edit(4 * n + 1, 30, 4 * n + 1, 35, "may help"),)) if n % 3 == 0 else None,
            )  # fmt: skip
            findings.append(f)
    result = Result(files_checked=600, findings=sorted(findings, key=Finding.sort_key), lines=lines)
    started = time.perf_counter()
    report = html_report.render(result, ruleset)
    elapsed = time.perf_counter() - started
    assert elapsed < 3, f"{elapsed:.2f} s"
    assert len(re.findall(r'<mark[^>]* id="f\d+"', report)) == 5000
    assert report.count('<details class="doc"') == 500
    assert '<details class="doc" id="doc-0" data-doc="0" open' not in report  # large runs start collapsed
    assert len(report) < 12_000_000
    assert "100 files without findings" in report
    assert Page(report).problems == []


# --- a real browser -----------------------------------------------------------------------------------------------


def _chromium() -> str | None:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def test_in_headless_chromium_highlights_render_and_a_click_shows_the_explanation(tmp_path, monkeypatch, ruleset):
    chromium = _chromium()
    if chromium is None:
        pytest.skip("chromium is not installed: apt-get install chromium")
    monkeypatch.chdir(tmp_path)
    Path("draft.md").write_text(
        "# Our clinic\n\nOur therapy is clinically proven. It cures depression, with no side effects.\n",
        encoding="utf-8",
    )
    assert run(["--format", "html", "-o", "report.html", "--isolated", "--no-cache", "draft.md"]) == 1
    report = (tmp_path / "report.html").resolve()
    command = [
        chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=5000", "--dump-dom",
        report.as_uri() + "#selftest",
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    dom = done.stdout
    assert done.returncode == 0 and "selftest-result" in dom, done.stderr[-2000:]
    assert dom.count("<mark") > 0
    out = json.loads(html.unescape(re.search(r'<pre id="selftest-result">(.*?)</pre>', dom, re.S).group(1)))
    assert out["marks"] >= 3
    rule = ruleset.get(out["rule"])
    assert out["text"].lower() in ("clinically proven", "cures depression")
    assert rule.rationale in out["panel"]  # the click showed the explanation
    assert rule.suggestion in out["panel"] and rule.sources[0] in out["panel"]
    assert "claimlint --fix" in out["panel"] or "No automatic fix" in out["panel"]
    assert out["panelFocused"] == "panel-title"
    assert out["closedByEscape"] and out["openedByEnter"]  # keyboard: Escape closes, Enter reopens


def test_the_draft_is_shown_as_rendered_prose_with_its_claims_highlighted(tmp_path):
    from claimlint.ruleset import load_rules

    page_md = tmp_path / "page.md"
    page_md.write_text("# Our **clinic**\n\n- It *cures* depression.\n\n| Time | Works in hours |\n| --- | --- |\n")
    result = Runner(Options(use_config_files=False)).run([str(page_md)])
    page = Page(html_report.render(result, load_rules()))
    prose = {"".join(m["text"]) for m in page.prose_marks if "tabindex" in m["attrs"]}
    assert "cures" in prose  # the emphasis markers are gone from the prose view
    assert all(m["attrs"]["id"].startswith("p") for m in page.prose_marks if "tabindex" in m["attrs"])
    html = html_report.render(result, load_rules())
    assert '<p class="b-item">' in html and '<h3 class="b-heading">Our clinic</h3>' in html
    assert re.search(r"Time · <mark[^>]*>Works in hours", html)
