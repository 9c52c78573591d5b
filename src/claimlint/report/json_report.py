"""The JSON report: a stable contract for other tools (documented in the README)."""

from __future__ import annotations

import json

from claimlint import __version__
from claimlint.findings import SEVERITIES, Finding
from claimlint.runner import Result

FORMAT_VERSION = 1


def finding_dict(finding: Finding) -> dict:
    fix = None
    if finding.fix is not None:
        fix = {
            "safe": finding.fix.safe,
            "edits": [
                {
                    "line": e.line,
                    "column": e.column,
                    "end_line": e.end_line,
                    "end_column": e.end_column,
                    "text": e.text,
                }
                for e in finding.fix.edits
            ],
        }
    return {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "rule": finding.rule,
        "category": finding.category,
        "severity": finding.severity,
        "message": finding.message,
        "suggestion": finding.suggestion,
        "sources": list(finding.sources),
        "excerpt": finding.excerpt,
        "fix": fix,
    }


def render(result: Result) -> str:
    summary = {severity: 0 for severity in SEVERITIES}
    for finding in result.findings:
        summary[finding.severity] += 1

    # One finding per line: readable, and json's C encoder only runs without indent.
    # One encoder for all: json.dumps builds a new one per call when given options.
    dumps = json.JSONEncoder(ensure_ascii=False).encode

    findings = ",\n    ".join(dumps(finding_dict(f)) for f in result.findings)
    return (
        "{\n"
        f'  "version": {FORMAT_VERSION},\n'
        f'  "tool": {dumps({"name": "claimlint", "version": __version__})},\n'
        f'  "files_checked": {result.files_checked},\n'
        f'  "findings": [{chr(10) + "    " + findings + chr(10) + "  " if findings else ""}],\n'
        f'  "summary": {dumps(summary)}\n'
        "}\n"
    )
