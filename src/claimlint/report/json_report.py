"""The JSON report: a stable contract for other tools (documented in the README)."""

from __future__ import annotations

import json
from json.encoder import encode_basestring as _escape  # json's C string escaper, without ASCII-escaping

from claimlint import __version__
from claimlint.findings import SEVERITIES, Finding
from claimlint.runner import Result

FORMAT_VERSION = 1


class _Encoder:
    """Writes findings as JSON text directly, one per line.

    A site's re-run can report tens of thousands of findings, most sharing
    their rule's message, suggestion and sources: building a dict per finding
    and encoding it cost more than reading them back from the cache. Strings
    are escaped by json's own C function, and a repeated one only once.
    """

    def __init__(self):
        self._strings: dict[str, str] = {}
        self._rules: dict[tuple, str] = {}

    def string(self, text: str) -> str:
        done = self._strings.get(text)
        if done is None:
            done = self._strings[text] = _escape(text)
        return done

    def finding(self, f: Finding) -> str:
        s = self.string
        said = (f.rule, f.category, f.severity, f.message, f.suggestion, f.sources)
        middle = self._rules.get(said)
        if middle is None:
            middle = self._rules[said] = (
                f'"rule": {s(f.rule)}, "category": {s(f.category)}, "severity": {s(f.severity)}, '
                f'"message": {s(f.message)}, "suggestion": {s(f.suggestion)}, '
                f'"sources": [{", ".join(s(x) for x in f.sources)}]'
            )
        fix = "null"
        if f.fix is not None:
            edits = ", ".join(
                f'{{"line": {e.line}, "column": {e.column}, "end_line": {e.end_line}, '
                f'"end_column": {e.end_column}, "text": {s(e.text)}}}'
                for e in f.fix.edits
            )
            fix = f'{{"safe": {"true" if f.fix.safe else "false"}, "edits": [{edits}]}}'
        return (
            f'{{"path": {s(f.path)}, "line": {f.line}, "column": {f.column}, "end_line": {f.end_line}, '
            f'"end_column": {f.end_column}, {middle}, "excerpt": {_escape(f.excerpt)}, "fix": {fix}}}'
        )


def render(result: Result) -> str:
    summary = {severity: 0 for severity in SEVERITIES}
    for finding in result.findings:
        summary[finding.severity] += 1
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    encoder = _Encoder()
    parts = [
        "{\n",
        f'  "version": {FORMAT_VERSION},\n',
        f'  "tool": {dumps({"name": "claimlint", "version": __version__})},\n',
        f'  "files_checked": {result.files_checked},\n',
        '  "findings": [',
    ]
    separator = "\n    "
    for finding in result.findings:  # one join at the end: the report can be megabytes long
        parts.append(separator)
        parts.append(encoder.finding(finding))
        separator = ",\n    "
    parts.append("\n  ],\n" if result.findings else "],\n")
    parts.append(f'  "summary": {dumps(summary)}\n}}\n')
    return "".join(parts)
