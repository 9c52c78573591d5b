"""Inline suppression: directives in HTML comments, invisible when published.

    <!-- claimlint-disable-next-line RULE[, RULE] -- reason -->
    <!-- claimlint-disable-line RULE -->        (the line the comment is on)
    <!-- claimlint-disable RULE --> ... <!-- claimlint-enable RULE -->
    <!-- claimlint-disable-file RULE -->
    front matter:  claimlint: {disable: [RULE, ...]}

A directive without rules covers all rules; rules are named by id, id prefix
or category. A directive that suppresses nothing, or names a rule that does
not exist, is reported (like ruff's unused-noqa), so stale comments do not
pile up and typos do not silently disable nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimlint.errors import ClaimlintError
from claimlint.findings import Finding
from claimlint.yamlfile import load_yaml

if TYPE_CHECKING:
    from claimlint.document import Document

UNUSED = "suppression/unused"
UNKNOWN = "suppression/unknown-rule"
NO_REASON = "suppression/missing-reason"
META_RULES = {
    UNUSED: ("info", "A suppression comment that suppresses nothing."),
    UNKNOWN: ("warning", "A suppression comment names a rule, prefix or category that does not exist."),
    NO_REASON: ("warning", "A suppression comment gives no reason after '--' (required by require_reason)."),
}
META_CATEGORY = "suppression"
_DIRECTIVE = re.compile(
    r"\s*claimlint-(disable-next-line|disable-line|disable-file|disable|enable)(?![\w-])(.*?)(?:\s--(.*))?\s*",
    re.S,
)


@dataclass
class Directive:
    kind: str
    selectors: tuple[str, ...]  # empty: every rule
    reason: str
    start: int  # source offsets of the comment
    end: int
    line: int
    end_line: int
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        return not self.selectors or any(names(s, finding.rule, finding.category) for s in self.selectors)


def names(selector: str, rule_id: str, category: str) -> bool:
    """Whether a selector (id, id prefix or category) names a rule."""
    prefix = selector.rstrip("/")
    return (
        selector in (rule_id, category)
        or rule_id.startswith(prefix + "/")
        or ("/" in prefix and rule_id.startswith(prefix))
    )


def directives(document: Document) -> list[Directive]:
    found = []
    for comment in document.comments:
        match = _DIRECTIVE.fullmatch(comment.text)
        if not match:
            continue
        selectors = tuple(s for s in re.split(r"[,\s]+", match.group(2).strip()) if s)
        line, _ = document.source.position(comment.start)
        end_line, _ = document.source.position(max(comment.start, comment.end - 1))
        found.append(
            Directive(
                match.group(1), selectors, (match.group(3) or "").strip(), comment.start, comment.end, line, end_line
            )
        )
    return found


def front_matter_disabled(document: Document) -> tuple[str, ...]:
    """Rules disabled for the file by ``claimlint: {disable: [...]}`` in its front matter."""
    text = document.front_matter
    if not text or "claimlint" not in text:
        return ()
    try:
        data = load_yaml(text, document.source.path).data
    except ClaimlintError as exc:  # lines count from the front matter's first "---"
        raise ClaimlintError(f"front matter: {exc.message}", exc.path, exc.line + 1 if exc.line else None) from None
    settings = data.get("claimlint") if isinstance(data, dict) else None
    if settings is None:
        return ()
    disable = settings.get("disable") if isinstance(settings, dict) else None
    if isinstance(disable, str):
        disable = [disable]
    if not isinstance(disable, list) or not all(isinstance(d, str) for d in disable):
        line = 1 + next((i for i, t in enumerate(text.splitlines(), 1) if t.startswith("claimlint")), 0)
        raise ClaimlintError("front matter 'claimlint' must be {disable: [rule, ...]}", document.source.path, line)
    return tuple(disable)


@dataclass
class Outcome:
    findings: list[Finding]
    suppressed: int = 0
    meta: list[Finding] = field(default_factory=list)


def apply(
    document: Document,
    findings: list[Finding],
    known: Iterable[tuple[str, str]],
    active: set[str],
    require_reason: bool = False,
) -> Outcome:
    """Drop suppressed findings and report unused, unknown or unexplained directives.

    ``known`` lists (rule id, category) of every rule that exists; ``active``
    the ids that ran (and the meta rules that may be reported).
    """
    known = list(known)
    every = directives(document)
    whole_file = front_matter_disabled(document)
    ranges = [d for d in every if d.kind in ("disable", "enable")]
    kept: list[Finding] = []
    suppressed = 0
    for finding in findings:
        if any(names(s, finding.rule, finding.category) for s in whole_file):
            suppressed += 1
            continue
        by = _suppressor(finding, every, ranges)
        if by is None:
            kept.append(finding)
        else:
            by.used = True
            suppressed += 1
    meta = []
    for d in every:
        if d.kind == "enable":
            continue
        unknown = [s for s in d.selectors if not any(names(s, rid, cat) for rid, cat in known)]
        if unknown and UNKNOWN in active:
            meta.append(
                _meta(document, d, UNKNOWN, f"unknown rule, prefix or category {unknown[0]!r} in suppression comment")
            )
        relevant = not d.selectors or any(
            names(s, rid, cat) for s in d.selectors for rid, cat in known if rid in active
        )
        if not d.used and relevant and not unknown and UNUSED in active:
            what = ", ".join(d.selectors) or "any rule"
            meta.append(_meta(document, d, UNUSED, f"unused suppression: no finding of {what} to suppress here"))
        if require_reason and not d.reason and NO_REASON in active:
            meta.append(_meta(document, d, NO_REASON, "suppression comment without a reason (add ' -- why')"))
    return Outcome(kept, suppressed, meta)


def _suppressor(finding: Finding, every: list[Directive], ranges: list[Directive]) -> Directive | None:
    for d in every:
        if d.kind == "disable-file" and d.covers(finding):
            return d
        if d.kind == "disable-next-line" and finding.line == d.end_line + 1 and d.covers(finding):
            return d
        if d.kind == "disable-line" and d.line <= finding.line <= d.end_line and d.covers(finding):
            return d
    state: Directive | None = None
    for d in ranges:  # in source order: the last directive before the finding that names its rule wins
        if d.end > finding.start:
            break
        if d.covers(finding):
            state = d if d.kind == "disable" else None
    return state


def _meta(document: Document, d: Directive, rule: str, message: str) -> Finding:
    return Finding.at(
        document.source,
        d.start,
        d.end,
        rule=rule,
        category=META_CATEGORY,
        severity=META_RULES[rule][0],
        message=message,
        suggestion="Remove the comment, or correct the rule it names.",
        sources=(),
    )
