"""Lint a parsed document against a rule set. No I/O happens here.

Matching runs first, over whole segments, and sentence analysis happens
only where a rule matched: most prose matches nothing, and splitting and
reading the context of every sentence would cost more than the parse.
"""

from __future__ import annotations

from claimlint.context import Sentence, is_cited
from claimlint.document import Document, Segment
from claimlint.findings import Edit, Finding, Fix
from claimlint.patterns import text_words
from claimlint.ruleset import Rule, RuleSet
from claimlint.sentences import split


class _Sentences:
    """Sentences of each segment, split on first use."""

    def __init__(self, document: Document):
        self.document = document
        self._by_segment: dict[int, list[Sentence]] = {}
        self._block_cited: dict[int, bool] = {}

    def at(self, index: int, segment: Segment, start: int, end: int) -> Sentence | None:
        sentences = self._by_segment.get(index)
        if sentences is None:
            spans = split(segment.text)
            sentences = []
            for i, (s, e) in enumerate(spans):
                following = segment.text[spans[i + 1][0] : spans[i + 1][1]] if i + 1 < len(spans) else ""
                sentences.append(Sentence(segment, s, e, following))
            self._by_segment[index] = sentences
        for sentence in sentences:
            if sentence.start <= start < sentence.end:
                return sentence if end <= sentence.end else None
        return None

    def block_cited(self, block: int) -> bool:
        if block not in self._block_cited:
            self._block_cited[block] = any(is_cited(seg.text) for seg in self.document.segments if seg.block == block)
        return self._block_cited[block]


def lint(document: Document, ruleset: RuleSet) -> list[Finding]:
    """All findings of the rule set in one document, in source order."""
    findings: list[Finding] = []
    sentences = _Sentences(document)
    reported_once: set[str] = set()
    for index, segment in enumerate(document.segments):
        words = text_words(segment.text)
        for pack in ruleset.packs:
            for rule, start, end in _matches(pack.candidates(words), segment.text):
                if rule.scope == "document" and rule.id in reported_once:
                    continue
                sentence = sentences.at(index, segment, start, end)
                if sentence is None or _excused(rule, sentence, start, end, sentences):
                    continue
                reported_once.add(rule.id)
                findings.append(_finding(document, segment, sentence, rule, start, end))
    findings.sort(key=Finding.sort_key)
    return findings


def _matches(rules: list[Rule], text: str) -> list[tuple[Rule, int, int]]:
    """Non-overlapping matches of a pack's rules: leftmost first, then the rule listed first.

    The same as scanning with all the pack's rules joined into one pattern.
    """
    found = sorted(
        ((m.start(), order, m.end(), rule) for order, rule in enumerate(rules) for m in rule.regex.finditer(text)),
        key=lambda item: (item[0], item[1]),
    )
    kept: list[tuple[Rule, int, int]] = []
    end_of_last = -1
    for start, _, end, rule in found:
        if start >= end_of_last:
            kept.append((rule, start, end))
            end_of_last = end
    return kept


def _excused(rule: Rule, sentence: Sentence, start: int, end: int, sentences: _Sentences) -> bool:
    if rule.except_pattern is not None:
        for other in rule.except_pattern.finditer(sentence.text):
            if other.start() + sentence.start < end and other.end() + sentence.start > start:
                return True
    unless = rule.unless
    if "question" in unless and sentence.question:
        return True
    if "negated" in unless and sentence.negated(start, end):
        return True
    if "hedged" in unless and sentence.hedged(start, end):
        return True
    if "cited" in unless:
        if sentence.cited:
            return True
        if rule.scope in ("paragraph", "document") and sentences.block_cited(sentence.segment.block):
            return True
    return False


def _finding(document: Document, segment: Segment, sentence: Sentence, rule: Rule, start: int, end: int) -> Finding:
    source = document.source
    src_start, src_end = segment.source_span(start, end)
    line, column = source.position(src_start)
    end_line, end_column = source.position(src_end)
    matched = " ".join(segment.text[start:end].split())
    excerpt = source.text[src_start:src_end]
    fix = None
    if rule.fix is not None and excerpt == segment.text[start:end]:
        fix = Fix(True, (Edit(line, column, end_line, end_column, _keep_case(matched, rule.fix)),))
    return Finding(
        path=source.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        rule=rule.id,
        category=rule.category,
        severity=rule.severity,
        message=rule.message.replace("{match}", matched),
        suggestion=rule.suggestion.replace("{match}", matched),
        sources=rule.sources,
        excerpt=excerpt,
        start=src_start,
        end=src_end,
        sentence=" ".join(sentence.text.split()),
        fix=fix,
    )


def _keep_case(original: str, replacement: str) -> str:
    """A replacement for a capitalised word starts with a capital too."""
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
