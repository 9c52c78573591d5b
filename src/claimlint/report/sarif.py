"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run, one result per finding. ``driver.rules`` describes every rule that
ran or that a finding names (built-in ``suppression/...`` checks included),
sorted by id, and each result points into it with ``ruleIndex``. Columns are
Unicode code points, as claimlint counts them (``columnKind``). A result's
``partialFingerprints`` do not depend on its line, so an alert survives text
being added above it. Read errors become tool execution notifications.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import quote

from claimlint import __version__, suppress
from claimlint.findings import Finding
from claimlint.report import report_path
from claimlint.ruleset import Rule
from claimlint.runner import Result

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "claimlint/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}

_URI_SAFE = "/!$&'()*+,;=@-._~"  # RFC 3986 pchar minus ':' (a ':' in a first segment reads as a scheme)
_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")


def render(result: Result, rules: Iterable[Rule] = ()) -> str:
    descriptors = _descriptors(result.findings, rules)
    index = {descriptor["id"]: i for i, descriptor in enumerate(descriptors)}
    results = []
    seen: dict[str, int] = {}
    for finding in result.findings:
        results.append(_result(finding, index[finding.rule], _fingerprint(finding, seen)))
    invocation: dict = {"executionSuccessful": not result.errors}
    if result.errors:
        invocation["toolExecutionNotifications"] = [_notification(error) for error in result.errors]
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "claimlint", "version": __version__, "rules": descriptors}},
                "invocations": [invocation],
                "results": results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def artifact_uri(path: str) -> str:
    """A path as given (relative stays relative) as a URI reference with '/' separators."""
    if path.startswith("/") or _DRIVE.match(path):
        pure = PureWindowsPath(path) if _DRIVE.match(path) else PurePosixPath(path)
        return pure.as_uri()
    return quote(report_path(path), safe=_URI_SAFE)


def rule_name(rule_id: str) -> str:
    """``efficacy/cure-claim`` -> ``EfficacyCureClaim``."""
    parts = [part for part in re.split(r"[^0-9A-Za-z]+", rule_id) if part]
    return "".join(part[0].upper() + part[1:] for part in parts) or "ClaimlintRule"


def _descriptors(findings: list[Finding], rules: Iterable[Rule]) -> list[dict]:
    known = {rule.id: rule for rule in getattr(rules, "rules", rules)}  # a RuleSet or its rules
    first: dict[str, Finding] = {}
    for finding in findings:
        first.setdefault(finding.rule, finding)
    descriptors = []
    for rule_id in sorted(set(known) | set(first)):
        if rule_id in known:
            descriptors.append(_rule_descriptor(known[rule_id]))
        elif rule_id in suppress.META_RULES:
            severity, summary = suppress.META_RULES[rule_id]
            suggestion = first[rule_id].suggestion if rule_id in first else ""
            descriptors.append(_descriptor(rule_id, suppress.META_CATEGORY, severity, summary, summary, suggestion, ()))
        else:  # a rule the caller did not pass: describe it from its first finding
            f = first[rule_id]
            descriptors.append(_descriptor(rule_id, f.category, f.severity, rule_id, "", f.suggestion, f.sources))
    return descriptors


def _rule_descriptor(rule: Rule) -> dict:
    return _descriptor(
        rule.id, rule.category, rule.severity, rule.summary, rule.rationale, rule.suggestion, rule.sources
    )


def _descriptor(
    rule_id: str, category: str, severity: str, summary: str, rationale: str, suggestion: str, sources
) -> dict:
    text, markdown = [], []
    if rationale:
        text.append(rationale)
        markdown.append(rationale)
    if suggestion:
        text.append(f"Instead: {suggestion}")
        markdown.append(f"**Instead:** {suggestion}")
    if sources:
        text.append("Sources: " + "; ".join(sources) + ".")
        markdown.append("**Sources:**\n\n" + "\n".join(f"- {source}" for source in sources))
    descriptor: dict = {
        "id": rule_id,
        "name": rule_name(rule_id),
        "shortDescription": {"text": summary or rule_id},
    }
    if rationale:
        descriptor["fullDescription"] = {"text": rationale}
    descriptor["help"] = {"text": "\n\n".join(text) or summary or rule_id, "markdown": "\n\n".join(markdown) or summary}
    descriptor["defaultConfiguration"] = {"level": LEVELS[severity]}
    descriptor["properties"] = {"category": category, "tags": [category]}
    return descriptor


def _region(line: int, column: int, end_line: int, end_column: int) -> dict:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _result(finding: Finding, rule_index: int, fingerprint: str) -> dict:
    uri = artifact_uri(finding.path)
    region = _region(finding.line, finding.column, finding.end_line, finding.end_column)
    region["snippet"] = {"text": finding.excerpt}
    message = f"{finding.message} — {finding.suggestion}" if finding.suggestion else finding.message
    result: dict = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if finding.fix is not None and finding.fix.edits:
        description = "safe fix" if finding.fix.safe else "unsafe fix: review before applying"
        replacements = [
            {
                "deletedRegion": _region(edit.line, edit.column, edit.end_line, edit.end_column),
                "insertedContent": {"text": edit.text},
            }
            for edit in finding.fix.edits
        ]
        result["fixes"] = [
            {
                "description": {"text": description},
                "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}],
            }
        ]
    return result


def _fingerprint(finding: Finding, seen: dict[str, int]) -> str:
    """Rule, path and the flagged words (case and spacing folded), not the line: stable when text moves.

    Identical findings in one file are told apart by their order.
    """
    excerpt = " ".join(finding.excerpt.split()).casefold()
    key = "\0".join((finding.rule, excerpt, report_path(finding.path)))
    occurrence = seen.get(key, 0)
    seen[key] = occurrence + 1
    if occurrence:
        key += f"\0{occurrence}"
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _notification(error) -> dict:
    notification: dict = {"level": "error", "message": {"text": str(error)}}
    path = getattr(error, "path", None)
    if path:
        location: dict = {"artifactLocation": {"uri": artifact_uri(path)}}
        line = getattr(error, "line", None)
        if line:
            location["region"] = {"startLine": line}
        notification["locations"] = [{"physicalLocation": location}]
    return notification
