"""Read, parse and lint a list of paths; collect findings and per-file errors.

A file that cannot be read is reported and the run goes on, so one odd page
never hides the findings of the rest of a site.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from claimlint.document import parse
from claimlint.engine import lint
from claimlint.errors import ClaimlintError
from claimlint.findings import Finding
from claimlint.ruleset import RuleSet
from claimlint.source import Source


@dataclass
class Result:
    files_checked: int = 0
    findings: list[Finding] = field(default_factory=list)
    errors: list[ClaimlintError] = field(default_factory=list)
    lines: dict[str, list[str]] = field(default_factory=dict)  # source lines of files with findings


def lint_text(text: str, ruleset: RuleSet, path: str = "-") -> list[Finding]:
    """Lint Markdown given as text (used by tests and rule examples)."""
    return lint(parse(Source.from_text(text, path)), ruleset)


def lint_bytes(data: bytes, ruleset: RuleSet, path: str) -> list[Finding]:
    return lint(parse(Source.from_bytes(data, path)), ruleset)


def run(paths: list[str], ruleset: RuleSet, stdin_name: str = "-") -> Result:
    result = Result()
    for path in paths:
        name = stdin_name if path == "-" else path
        try:
            data = sys.stdin.buffer.read() if path == "-" else _read(path)
            source = Source.from_bytes(data, name)
            findings = lint(parse(source), ruleset)
            if findings:
                result.findings.extend(findings)
                result.lines[name] = source.lines
            result.files_checked += 1
        except ClaimlintError as exc:
            result.errors.append(exc)
    result.findings.sort(key=Finding.sort_key)
    return result


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise ClaimlintError(f"cannot read: {exc.strerror or exc}", path) from None
