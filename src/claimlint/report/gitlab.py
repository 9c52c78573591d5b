"""GitLab Code Quality (a subset of the Code Climate issue format): a JSON array of issues.

Severity maps error -> major, warning -> minor, info -> info. The
fingerprint (md5, as GitLab uses it to match issues between the source and
target branches) comes from the path, rule, line and flagged text; identical
findings on one line are told apart by their order. Read errors are not
issues: the command line reports them and exits 2.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from claimlint.findings import Finding
from claimlint.report import report_path
from claimlint.ruleset import Rule
from claimlint.runner import Result

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}
CATEGORIES = ["Style"]


def render(result: Result, rules: Iterable[Rule] = ()) -> str:
    seen: dict[str, int] = {}
    issues = [_issue(finding, seen) for finding in result.findings]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def fingerprint(finding: Finding, occurrence: int = 0) -> str:
    key = "\0".join((report_path(finding.path), finding.rule, str(finding.line), finding.excerpt))
    if occurrence:
        key += f"\0{occurrence}"
    return hashlib.md5(key.encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest()


def _issue(f: Finding, seen: dict[str, int]) -> dict:
    base = fingerprint(f)
    occurrence = seen.get(base, 0)
    seen[base] = occurrence + 1
    return {
        "type": "issue",
        "description": f"[{f.rule}] {f.message}",
        "check_name": f.rule,
        "fingerprint": fingerprint(f, occurrence) if occurrence else base,
        "severity": SEVERITIES[f.severity],
        "location": {"path": report_path(f.path), "lines": {"begin": f.line, "end": f.end_line}},
        "categories": list(CATEGORIES),
        "content": {"body": f.suggestion},
    }
