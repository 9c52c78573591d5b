"""Lint a parsed document against a rule set. No I/O happens here.

Matching runs first, over whole segments, and sentence analysis happens
only where a rule matched: most prose matches nothing, and splitting and
reading the context of every sentence would cost more than the parse.
"""

from __future__ import annotations

import re

from claimlint.checks import (
    CHECKS,
    approved_and_uncontrolled,
    approved_use,
    curative_use,
    disclaims_results,
    states_typical_results,
    testimonial_spans,
)
from claimlint.context import (
    NEXT_SENTENCE_CONDITIONS,
    Sentence,
    answer_given,
    names_survey_size,
    qualifies_answer,
    tells_other_side,
    tells_the_rest,
)
from claimlint.document import Document, Segment, readable
from claimlint.findings import Edit, Finding, Fix
from claimlint.ruleset import Rule, RuleSet
from claimlint.view import DocumentView

DISCLOSURES = {
    "off-label": "This use is off-label: it is not approved by the FDA.",
    "not-fda-approved": (
        "This product is not FDA-approved: the FDA has not reviewed it for safety, effectiveness or quality."
    ),
    "testimonial": "Individual results vary, and most people see smaller changes than the ones described here.",
}


def lint(document: Document, ruleset: RuleSet, disclosures: dict[str, str] | None = None) -> list[Finding]:
    """All findings of the rule set in one document, in source order.

    ``disclosures`` overrides the texts that disclosure fixes insert.
    """
    templates = {**DISCLOSURES, **(disclosures or {})}
    findings: list[Finding] = []
    view = DocumentView(document, ruleset.knowledge, templates)
    reported_once: set[str] = set()
    claims_seen: set[tuple[str, int, int]] = set()
    for index, segment in enumerate(document.segments):
        candidates = ruleset.candidates(view.words_around(index))
        if not candidates:
            continue
        # matched once per segment, on the text without its emphasis words
        text = (
            _without_emphasis(segment.text)
            if not _EMPHASIS_WORDS.isdisjoint(view.words_of(index))
            else (segment.text, [])
        )
        for rules in candidates:
            if any(rule.where for rule in rules) and not view.is_row_label(index):
                # left out before matching, not excused after: a wide match of the row-label rule ("Members see
                # twice the results") would otherwise swallow a precise one inside it ("twice the results")
                rules = [rule for rule in rules if not rule.where]
            for rule, start, end, sentence in _matches(rules, *text, view, index):
                if rule.scope == "document" and rule.id in reported_once:
                    continue
                if _excused(rule, sentence, start, end, view, index):
                    continue
                where = (index, segment, start, end)
                if rule.answered:
                    where = _answered(view, rule, index, sentence, start, end)
                    if where is None:
                        continue
                if rule.with_sources:  # the claim is the sentence: "clarity and focus within the hour" is one
                    key = (rule.id, index, sentence.start)
                    if key in claims_seen:
                        continue
                    claims_seen.add(key)
                reported_once.add(rule.id)
                if rule.category == "overstated-efficacy":
                    view.efficacy_at.add((index, start))
                _, at_segment, at_start, at_end = where
                findings.append(_finding(document, at_segment, sentence, rule, at_start, at_end, templates))
    for pack in ruleset.packs:
        for rule in pack.checks:
            findings.extend(CHECKS[rule.check](view, rule))
    excused_by_typical = ruleset.excused_by_typical
    if excused_by_typical and any(f.rule in excused_by_typical for f in findings) and states_typical_results(view):
        # a patient's story beside what people generally get is not left to stand for the usual result; read
        # once every claim is known, since a figure that is itself an unsupported claim states nothing typical
        stories = testimonial_spans(view)
        findings = [
            f
            for f in findings
            if f.rule not in excused_by_typical or not any(start <= f.start < end for start, end in stories)
        ]
    fallbacks = ruleset.fallbacks
    if fallbacks:
        # a fallback rule speaks only where no other rule of its category did
        covered = {(f.line, f.category) for f in findings if f.rule not in fallbacks}
        findings = [f for f in findings if f.rule not in fallbacks or (f.line, f.category) not in covered]
    findings.sort(key=Finding.sort_key)
    return findings


def _matches(
    rules: list[Rule], text: str, cuts: list[tuple[int, int]], view: DocumentView, index: int
) -> list[tuple[Rule, int, int, Sentence]]:
    """Matches of a pack's rules, leftmost first, then the rule listed first, with the sentence each lies in.

    ``text`` is the segment's text without its emphasis words, ``cuts`` where
    they were taken out (see ``_without_emphasis``).

    A match that lies inside one already kept ("proven" inside "clinically
    proven") repeats it and is dropped; matches that only overlap ("Most
    guests feel" and "feel 10 years younger") are two claims and both stay.
    A match without the company its rule needs (``with``, ``after``) is no
    claim, so it hides nothing: "overblown" that does not wave away the harm
    just named may still call a harm overblown in its own sentence.
    """
    found = sorted(
        (
            (_restore(m.start(), cuts, True), order, _restore(m.end(), cuts, False), rule)
            for order, rule in enumerate(rules)
            for m in rule.regex.finditer(text)
        ),
        key=lambda item: (item[0], item[1]),
    )
    kept: list[tuple[Rule, int, int, Sentence]] = []
    widest_end = -1
    for start, _, end, rule in found:
        if not rule.answered and end <= widest_end:
            continue  # inside a kept match
        sentence = view.span_at(index, start, end)
        if sentence is None or _lacks_company(rule, sentence, view, index):
            continue
        kept.append((rule, start, end, sentence))
        if not rule.answered:  # a question's words claim nothing until answered
            widest_end = end
    return kept


# words that only add emphasis: a claim says the same with or without them ("safe for literally everyone")
_EMPHASIS_WORDS = frozenset({"literally", "honestly", "truly", "seriously", "genuinely"})
_EMPHASIS = re.compile(r"\b(?:" + "|".join(sorted(_EMPHASIS_WORDS)) + r")\s+(?=\w)", re.I)


def _without_emphasis(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text with its emphasis words taken out, and where each cut was: (offset in the result, length)."""
    cuts: list[tuple[int, int]] = []
    pieces: list[str] = []
    kept = last = 0
    for m in _EMPHASIS.finditer(text):
        pieces.append(text[last : m.start()])
        kept += m.start() - last
        cuts.append((kept, m.end() - m.start()))
        last = m.end()
    pieces.append(text[last:])
    return "".join(pieces), cuts


def _restore(offset: int, cuts: list[tuple[int, int]], start: bool) -> int:
    """An offset in the text without emphasis words, back in the text: a start skips a cut word, an end does not."""
    shift = 0
    for at, length in cuts:
        if at < offset or (start and at == offset):
            shift += length
        else:
            break
    return offset + shift


def _answered(view: DocumentView, rule: Rule, index: int, sentence: Sentence, start: int, end: int):
    """Where to report a claim made by answering a question: "Is it safe? Totally." "Any side effects? Nope."

    The question alone claims nothing; the bare answer makes its claim. When
    the answer stands on a line of its own, the finding points at it.
    """
    if not sentence.question:
        return None
    reply = view.answer_to(index, sentence)
    given = answer_given(reply[1].text) if reply is not None else None
    if given is None or given[0] != rule.answered:
        return None
    reply_index, answer = reply
    after = view.answer_to(reply_index, answer)
    for _ in range(2):  # the answer's next two sentences, in its paragraph
        if after is None or after[0] != reply_index:
            break
        if qualifies_answer(after[1].text):
            # "Is it habit-forming? No. It isn't a sedative, but if you need it every night, see a clinician."
            # "Are triptans addictive? No. Neither is a controlled substance. But 'not addictive' doesn't mean ..."
            return None
        after = view.answer_to(reply_index, after[1])
    document = view.document
    segment, reply_segment = document.segments[index], document.segments[reply_index]
    asked_line = document.source.position(segment.source_span(start, end)[0])[0]
    reply_start, reply_end = answer.start + given[1], answer.start + given[2]
    if document.source.position(reply_segment.source_span(reply_start, reply_end)[0])[0] == asked_line:
        return index, segment, start, end
    return reply_index, reply_segment, reply_start, reply_end


_CONTRAST = re.compile(r"\b(?:but|however|though|yet)\b", re.I)


_ADDICTION = re.compile(r"\b(?:addict\w*|habit[- ]forming|hooked|dependen\w*|withdrawal|abuse|misuse)\b", re.I)
_WORDS = re.compile(r"[\w'’]+")


def _is_fragment(sentence: Sentence) -> bool:
    """A sentence of a few words that leans on the one before it ("Non-issue.", "Mostly internet folklore.")."""
    return sentence.segment.kind != "table-cell" and len(_WORDS.findall(sentence.text)) <= 4


def _leant_on(view: DocumentView, index: int, sentence: Sentence) -> Sentence | None:
    """The sentence before, in the same segment, when this one leans on it.

    A fragment does ("Mostly internet folklore."), and so does the answer to a
    short question ("Side effects? ... not much to talk about").
    """
    before = view.sentence_before(index, sentence)
    if before is None or before.segment is not sentence.segment:
        return None
    return before if _is_fragment(sentence) or (before.question and _is_fragment(before)) else None


def _denied_before(sentence: Sentence, around: str, word: re.Match, claim: int) -> bool:
    """Whether a word of ``around`` (the sentence with its lead-in) is negated, with a contrast after it.

    The contrast must stand before the claim, which starts at segment offset ``claim``.
    """
    shift = len(around) - len(sentence.text) - sentence.start  # from segment offsets to offsets in ``around``
    lo, hi = word.start() - shift, word.end() - shift
    if hi > claim or not sentence.negated(lo, hi):
        return False
    return bool(_CONTRAST.search(around, word.end(), claim + shift))


# what a claim about most people says of its own limits: "...; growth is not a result you should expect",
# "..., and about one in three noticed no change", "..., but we can't tell you it changed anyone's bone density"
_LIMIT = re.compile(
    r"[;:]\s*\S|\bbut\b|\b(?:not|no|never|none)\b|n['’]t\b|\b(?:one|two|\d+)\s+in\s+(?:three|four|five|ten|\d+)\b"
    r"|\brather\s+than\b|\bdepends?\s+on\b",
    re.I,
)

# a parenthesis soon after a figure, which may name its source: "87% said so (our 2024 survey, 2,318 respondents)"
_PARENTHESIS_AFTER = re.compile(r"[^.!?()]{0,60}?\(([^()]{1,160})\)")


def _lacks_company(rule: Rule, sentence: Sentence, view: DocumentView, index: int) -> bool:
    """Whether the words a rule needs beside its match (``with``) or just before it (``after``) are missing."""
    if rule.with_sources:
        around = view.surroundings(index, sentence)
        if not all(pattern.search(around) for pattern in rule.with_patterns):
            # the rest of the claim is not in this sentence (or its lead-in, or its table row), nor, for a
            # fragment ("Mostly internet folklore."), in the sentence it answers
            before = _leant_on(view, index, sentence)
            if before is None or not all(
                pattern.search(before.text) or pattern.search(around) for pattern in rule.with_patterns
            ):
                return True
    if rule.after_sources:
        before = view.sentence_before(index, sentence)
        if before is None or not all(pattern.search(before.text) for pattern in rule.after_patterns):
            return True  # what the claim refers back to is not in the sentence before it
    return False


def _excused(rule: Rule, sentence: Sentence, start: int, end: int, view: DocumentView, index: int) -> bool:
    if rule.with_sources and "negated" in rule.unless and sentence.segment.kind != "table-cell":
        around = view.surroundings(index, sentence)
        if _CONTRAST.search(around):
            # "It didn't fix everything overnight, but it works most of the time": the "overnight" is denied
            # before the contrast that makes the claim
            for pattern in rule.with_patterns:
                if all(_denied_before(sentence, around, m, start) for m in pattern.finditer(around)):
                    return True
    if rule.except_pattern is not None:
        for other in rule.except_pattern.finditer(sentence.text):
            if other.start() + sentence.start < end and other.end() + sentence.start > start:
                return True
    unless = rule.unless
    if "question" in unless and not rule.answered and sentence.asks(start, end):
        return True
    if "negated" in unless and sentence.negated(start, end):
        return True
    if "negated" in unless and rule.category == "minimized-risk" and sentence.answered_with_harms:
        return True
    if "hedged" in unless and sentence.hedged(start, end):
        return True
    if "cited" in unless:
        if sentence.cited or (sentence.segment.kind == "table-cell" and view.row_sourced(index)):
            return True
        if rule.scope in ("paragraph", "document") and view.block_cited(sentence.segment.block):
            return True
    if "spread" in unless:
        after_match = sentence.text[end - sentence.start :]
        if tells_other_side("spread", after_match) or tells_the_rest(
            sentence.text[start - sentence.start : end - sentence.start], after_match
        ):
            return True  # "most people feel like themselves within weeks; of those who don't, many improve later"
    if "surveyed" in unless:
        if names_survey_size(sentence.text[: start - sentence.start]) or (
            sentence.segment.lead_in is not None and names_survey_size(sentence.segment.lead_in)
        ):
            return True  # "From a 2025 survey of 1,046 customers: - 64% said their mouth felt fresher"
        # or in a parenthesis right after the figure: "87% said they were satisfied (Trueline post-treatment survey,
        # 2,318 respondents)"
        source = _PARENTHESIS_AFTER.match(sentence.text, end - sentence.start)
        if source is not None and names_survey_size(source.group(1)):
            return True
        # or in the sentence before: "We asked 212 buyers to rate it after two weeks. 74% said ..."
        before = view.before_in_paragraph(index, sentence)
        if before is not None and names_survey_size(before.text):
            return True
    if "disclaimed" in unless and _LIMIT.search(sentence.text, end - sentence.start):
        # what most people get, with its limit, told as the balance to the stories: "These are individual
        # experiences. Most customers notice softer hair; growth is not a result you should expect."
        before = view.before_in_paragraph(index, sentence)
        if before is not None and disclaims_results(before.text):
            return True
    wanted = [condition for condition in NEXT_SENTENCE_CONDITIONS if condition in unless]
    if wanted:
        # "Most people notice softening within days. Some respond less.", "Antihistamines are not addictive.
        # One caveat: ...", "Studies show ... So far, studies have not shown ...": the other side, told in the
        # next sentence of the paragraph
        after = view.after_in_paragraph(index, sentence)
        if after is not None and any(tells_other_side(condition, after.text) for condition in wanted):
            return True
    if "approved" in unless and view.knowledge.products and approved_use(view, sentence):
        return True
    if "curable" in unless and view.knowledge.products and curative_use(view, sentence):
        return True
    if "uncontrolled" in unless and view.knowledge.products and _ADDICTION.search(sentence.text):
        return approved_and_uncontrolled(view, sentence)  # only what addiction needs: no scheduling, an approval
    return False


def _finding(
    document: Document,
    segment: Segment,
    sentence: Sentence,
    rule: Rule,
    start: int,
    end: int,
    templates: dict[str, str],
) -> Finding:
    src_start, src_end = segment.source_span(start, end)
    matched = readable(segment.text[start:end])
    return Finding.at(
        document.source,
        src_start,
        src_end,
        rule=rule.id,
        category=rule.category,
        severity=rule.severity,
        message=rule.message.replace("{match}", matched),
        suggestion=rule.suggestion.replace("{match}", matched),
        sources=rule.sources,
        sentence=" ".join(sentence.text.split()),
        fix=_fix(document, segment, sentence, rule, (start, end), templates),
    )


def _fix(document: Document, segment: Segment, sentence: Sentence, rule: Rule, span, templates) -> Fix | None:
    """The rule's fix for this match, if it can be applied without touching markup."""
    spec = rule.fix
    if spec is None:
        return None
    source = document.source
    if spec.kind == "replace":
        start, end = span
        matched = segment.text[start:end]
        text = spec.replacement(matched)
    elif spec.kind == "sentence":
        start, end = sentence.start, sentence.end
        text = spec.text
    else:  # append: after the sentence
        start = end = sentence.end
        text = " " + re.sub(r"\{disclosure:([a-z-]+)\}", lambda m: templates.get(m.group(1), m.group(0)), spec.text)
    if text is None:
        return None
    src_start, src_end = segment.source_span(start, end)
    if source.text[src_start:src_end] != segment.text[start:end]:
        return None  # emphasis, links or a line break inside: rewriting would break the markup
    if spec.kind == "replace":
        text = _keep_case(segment.text[start:end], text)
    if spec.kind == "append":
        src_start = src_end = segment.source_span(end - 1, end)[1] if end > 0 else src_start
        if source.text[src_end:].lstrip().startswith(text.strip()):
            return None  # already added: fixing twice changes nothing
    line, column = source.position(src_start)
    end_line, end_column = source.position(src_end)
    return Fix(spec.safe, (Edit(line, column, end_line, end_column, text),))


def _keep_case(original: str, replacement: str) -> str:
    """A replacement for a capitalised word starts with a capital too."""
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
