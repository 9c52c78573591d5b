"""MDX: the Markdown of a JSX page, with every line and column where the writer left it.

Import and export statements, JSX elements and ``{expressions}`` are not
prose; they are blanked out (statements with spaces, tags and expressions
with a placeholder that breaks any phrase match) so the rest parses as
Markdown at the same positions. The children of a component are Markdown,
so they stay. Code blocks and inline code are left as they are.
"""

from __future__ import annotations

import re

from claimlint.document import PLACEHOLDER

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_STATEMENT = re.compile(r"(?:import|export)\b")
_TAG = re.compile(r"</?[A-Za-z][\w.:-]*(?:\s+(?:[^<>{}\"']|\"[^\"]*\"|'[^']*'|\{[^{}]*\})*)?/?>|<>|</>")


def to_markdown(text: str) -> str:
    """The same text with its JSX and ESM parts blanked (same length, same line breaks)."""
    out = list(text)
    lines = text.split("\n")
    offset = 0
    fence: str | None = None
    depth = 0  # open braces of an import/export statement that spans lines
    for line in lines:
        start, end = offset, offset + len(line)
        offset = end + 1
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        if depth > 0 or (_STATEMENT.match(line) and not line.startswith(("important", "exported"))):
            depth = max(0, depth + line.count("{") + line.count("(") - line.count("}") - line.count(")"))
            _blank(out, start, end, " ")
            continue
        _blank_inline(out, text, start, end)
    return "".join(out)


def _blank(out: list[str], start: int, end: int, filler: str) -> None:
    for i in range(start, end):
        if out[i] != "\n":
            out[i] = filler


def _blank_inline(out: list[str], text: str, start: int, end: int) -> None:
    """Blank the tags and {expressions} of one line, leaving `code spans` alone."""
    i = start
    while i < end:
        char = text[i]
        if char == "`":
            run = len(text[i:end]) - len(text[i:end].lstrip("`"))
            close = text.find("`" * run, i + run, end)
            i = close + run if close >= 0 else i + run
            continue
        if char == "\\":
            i += 2
            continue
        if char == "{":
            close = _matching_brace(text, i, end)
            _blank(out, i, close, PLACEHOLDER)
            i = close
            continue
        if char == "<":
            tag = _TAG.match(text, i, end)
            if tag:
                _blank(out, i, tag.end(), PLACEHOLDER)
                i = tag.end()
                continue
        i += 1


def _matching_brace(text: str, i: int, end: int) -> int:
    depth = 0
    for j in range(i, end):
        if text[j] == "{":
            depth += 1
        elif text[j] == "}":
            depth -= 1
            if depth == 0:
                return j + 1
    return end
