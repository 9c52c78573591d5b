"""Property tests over generated Markdown: linting never raises, positions are exact, fixes are clean."""

from __future__ import annotations

import os

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="hypothesis is not installed (pip install '.[test]')")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from claimlint.engine import lint  # noqa: E402
from claimlint.errors import ClaimlintError  # noqa: E402
from claimlint.fixes import apply_edits, chosen_edits  # noqa: E402
from claimlint.ruleset import load_rules  # noqa: E402
from claimlint.source import Source  # noqa: E402

RULES = load_rules()
EXAMPLES = int(os.environ.get("CLAIMLINT_PROPERTY_EXAMPLES", "150"))

CLAIMS = [
    "Ketamine cures depression.",
    "No side effects, guaranteed results.",
    "Faster than SSRIs.",
    "It is clinically proven.",
    "Our compounded semaglutide is FDA-approved.",
    "Spravato at home.",
    "> I lost 40 pounds. — Ana, 41",
    "Ketamine is not a cure.",
    "Does it cure migraines?",
]
PIECES = [
    "# ", "## ", "> ", "- ", "1. ", "    ", "\t", "**", "*", "_", "`", "```\n", "~~~", "[", "](", ")", "![",
    "<b>", "</b>", "<!-- claimlint-disable-next-line -->", "<div>", "</div>", "|", "| --- |", "---\n", "[^1]",
    "[^1]: note", "&amp;", "&#x1F600;", "\\*", "\n", "\r\n", "\r", "\n\n", "\ufeff", "\u0301", "😀", "שלום",
    "مرحبا", "\x00", "\x07", "\u200b", "e\u0301", "title: x\n", "---\ntitle: Cures\n---\n", "{", "}", "<", ">",
]  # fmt: skip
TEXT = st.lists(st.one_of(st.sampled_from(CLAIMS), st.sampled_from(PIECES), st.text(max_size=12)), max_size=30).map(
    "".join
)


def source_or_none(raw: str, name: str = "d.md") -> Source | None:
    try:
        return Source.from_bytes(raw.encode("utf-8", "surrogatepass"), name)
    except ClaimlintError:
        return None  # binary input (NUL) is refused with a message, by design
    except UnicodeEncodeError:
        return None


def findings_of(source: Source):
    from claimlint.document import parse

    return lint(parse(source), RULES)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from(["d.md", "d.mdx", "d.html"]))
def test_lint_never_raises_and_positions_are_exact(raw, name):
    source = source_or_none(raw, name)
    if source is None:
        return
    findings = findings_of(source)
    lines = source.lines
    for f in findings:
        assert 1 <= f.line <= f.end_line <= len(lines)
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1
        assert 1 <= f.end_column <= len(lines[f.end_line - 1]) + 1
        assert source.text[f.start : f.end] == f.excerpt
        assert source.position(f.start) == (f.line, f.column)
    assert findings_of(source_or_none(raw, name)) == findings  # the same on a second run


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_fixes_change_only_their_spans_and_relint_cleanly(raw):
    source = source_or_none(raw)
    if source is None:
        return
    original = raw.encode("utf-8", "surrogatepass").decode("utf-8")
    findings = findings_of(source)
    edits = chosen_edits(findings, unsafe=True)
    fixed = apply_edits(original, edits)
    if edits:  # the text before the first edited span and after the last one is untouched
        first = min(edits, key=lambda e: (e.line, e.column))
        last = max(edits, key=lambda e: (e.end_line, e.end_column))
        head = source.line_starts[first.line - 1] + first.column - 1
        tail = len(source.text) - (source.line_starts[last.end_line - 1] + last.end_column - 1)
        normal = Source.from_text(fixed, "d.md").text
        assert normal[: max(0, head - 1)] == source.text[: max(0, head - 1)]
        assert tail <= 1 or normal[-(tail - 1) :] == source.text[-(tail - 1) :]
    fixed_source = source_or_none(fixed)
    assert fixed_source is not None
    findings_of(fixed_source)
    if not edits:
        assert fixed == original
