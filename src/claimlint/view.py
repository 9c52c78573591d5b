"""A document as the knowledge checks read it: sentences, and the claims that tie products to conditions.

"Ketamine for PTSD" is a claim about a use; "can cause erectile dysfunction"
names a harm; "men with diabetes who have erectile dysfunction" names who
takes a product. Everything is worked out once per document and only where a
check needs it, and shared with the phrase rules (one sentence split, one word
set per segment).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from claimlint.compiled import compile_pattern
from claimlint.context import Sentence, is_cited
from claimlint.document import Document, Segment, readable
from claimlint.findings import Edit, Finding, Fix
from claimlint.knowledge import KnowledgeBase, Mention
from claimlint.patterns import regex_requirements, text_words
from claimlint.scopes import STRUCK
from claimlint.sentences import split

NEAR = 12  # words between a product and the condition it is tied to

_SIDE_EFFECT = compile_pattern(
    r"\bside[- ]effects?\b|\badverse\s+(?:effects?|events?|reactions?)\b|\b(?:can|may|might|could)\s+cause\b"
    r"|\bcaus(?:es|ed|ing)\b|\brisks?\s+(?:of|include)\b|\breported\s+(?:decreased|increased|problems)"
    r"|\b(?:has|have|had)\s+been\s+reported\b|\breported\s+(?:in|by|among)\b"
    r"|\breports?\s+of\b|\b(?:continued|persisted|lasted|started|began)\s+after\b",
    re.I,
)
# A harm told with a verb before the condition: "linked to depression", "report depression while taking it"
_HARM_BEFORE = compile_pattern(
    r"\b(?:linked|tied)\s+to\b|\bassociated\s+with\b|\b(?:lead|leads|led|contribute|contributes|contributed)\s+to\b"
    r"|\bworsen(?:s|ed|ing)?\b|\btrigger(?:s|ed)?\b"
    r"|\b(?:report|reports|reported|develop|develops|developed|experience|experienced|notice|noticed)\b",
    re.I,
)
_HARM_TAKING = compile_pattern(r"\b(?:while|after|since)\s+(?:taking|starting|stopping|using|being\s+on|on)\b", re.I)
_BETTER = compile_pattern(
    r"\b(?:less|fewer|lower|reduced|improved|better|relief\s+(?:from|of)|no\s+more|(?:improvements?|reductions?|drops?"
    r"|decreases?)\s+in|remission\s+(?:of|from)|recovery\s+from)\s+(?:[\w'’-]+\s+)?$",
    re.I,
)


@dataclass
class Claim:
    """A sentence that ties a product to a condition (or names a product with no condition)."""

    sentence: Sentence
    product: Mention
    condition: Mention | None
    # approved | off-label | harm | not-promoted (negated) | comorbid | unapproved | compounded | unnamed | topic
    use: str


class DocumentView:
    """A document's sentences with the products and conditions they name.

    Everything is computed once and only where needed: names are looked up
    per segment (most segments name none), and a segment is split into
    sentences only when a check has something to look at in it.
    """

    def __init__(self, document: Document, knowledge: KnowledgeBase, templates: dict[str, str]):
        self.document = document
        self.knowledge = knowledge
        self.templates = templates
        self._split: dict[int, list[Sentence]] = {}
        self._starts: dict[int, list[int]] = {}
        self._all_words: list[set[str]] | None = None
        self._block_cited: dict[int, bool] = {}
        self._claims: list[Claim] | None = None
        self._by_sentence: dict[tuple[int, int], list[Claim]] = {}
        self._topic: tuple[tuple[str, ...], dict[str, str]] | None = None
        self._promoted: tuple[list[Claim], dict[str, Claim]] | None = None
        self._rows: dict[int, str] | None = None
        self._index_of: dict[int, int] | None = None
        self._claim_column_cells: set[int] = set()
        self._sourced_cells: set[int] = set()
        self._column_headers: dict[int, str] = {}
        self._row_headers: dict[int, str] = {}
        self._row_labels: set[int] = set()
        self._critique: bool | None = None
        self.memo: dict[str, object] = {}  # what several checks work out once per draft
        self.efficacy_at: set[tuple[int, int]] = set()  # (segment, offset) of each efficacy claim the rules found

    @property
    def all_words(self) -> list[set[str]]:
        """The lowercase words of every segment, read once for the rules, the checks and the name lookup."""
        if self._all_words is None:
            self._all_words = [text_words(segment.text) for segment in self.document.segments]
        return self._all_words

    def words_of(self, index: int) -> set[str]:
        return self.all_words[index]

    def sentences_of(self, index: int) -> list[Sentence]:
        if index not in self._split:
            segment = self.document.segments[index]
            spans = split(segment.text)
            critique = self.critique or self._under_myths(index)
            examined = segment.kind == "table-cell" and index in self._examined_cells
            quoted = _quoted_lines(segment.text, critique) if critique or _is_quoted_heading(segment) else []
            if "~~" in segment.text:  # a deletion over several sentences: '~~Melt 30 pounds. Guaranteed.~~'
                quoted += [(m.start(), m.end()) for m in STRUCK.finditer(segment.text)]
            self._split[index] = [
                Sentence(
                    segment,
                    start,
                    end,
                    segment.text[spans[i + 1][0] : spans[i + 1][1]] if i + 1 < len(spans) else "",
                    examined or any(q0 <= start and end <= q1 for q0, q1 in quoted),
                    segment.text[spans[i + 2][0] : spans[i + 2][1]] if i + 2 < len(spans) else "",
                    critique,
                )
                for i, (start, end) in enumerate(spans)
            ]
            self._starts[index] = [start for start, _ in spans]
        return self._split[index]

    def span_at(self, index: int, start: int, end: int) -> Sentence | None:
        """The sentence of segment ``index`` holding [start, end), or the run of up to three sentences it spans.

        A phrase that spells out a sentence end ("side effects? nope") is one
        claim across two sentences: its context is read over the run, whose
        last sentence is what the reader takes away.
        """
        sentences = self.sentences_of(index)
        starts = self._starts[index]
        first = bisect.bisect_right(starts, start) - 1
        if first < 0 or not sentences[first].start <= start < sentences[first].end:
            return None
        if end <= sentences[first].end:
            return sentences[first]
        last = bisect.bisect_right(starts, end - 1) - 1
        if last - first > 2 or end > sentences[last].end:
            return None
        head, tail = sentences[first], sentences[last]
        return Sentence(head.segment, head.start, tail.end, tail.following)

    def answer_to(self, index: int, sentence: Sentence) -> tuple[int, Sentence] | None:
        """The reply to a question: the next sentence of its segment, or the first of the next segment.

        "**Is it safe?** Totally." answers on the same line; a question that
        ends its heading, list item or line is answered by what comes next.
        """
        sentences = self.sentences_of(index)
        at = bisect.bisect_left(self._starts[index], sentence.end)
        if at < len(sentences):
            return index, sentences[at]
        following = index + 1
        if following >= len(self.document.segments) or self.document.segments[following].kind == "table-cell":
            return None
        replies = self.sentences_of(following)
        return (following, replies[0]) if replies else None

    def words_around(self, index: int) -> set[str]:
        """A segment's words with those of its lead-in or table row: the words a rule's ``with`` may find."""
        segment = self.document.segments[index]
        if segment.kind == "table-cell":
            return self.words_of(index) | text_words(self._row(index, ""))
        if segment.lead_in:
            return self.words_of(index) | text_words(segment.lead_in)
        return self.words_of(index)

    def surroundings(self, index: int, sentence: Sentence) -> str:
        """What a reader takes in with a sentence: a list item's lead-in, or a table cell's row and headers.

        "| Mental clarity and focus | Within the first hour |" under a
        "| Benefit | When you'll feel it |" header reads as one statement.
        """
        if sentence.segment.kind != "table-cell":
            return sentence.with_lead_in
        return self._row(index, sentence.text)

    def _row(self, index: int, default: str) -> str:
        self._read_tables()
        return self._rows.get(index, default)

    @property
    def _examined_cells(self) -> set[int]:
        """Table cells in a column of claims set out to be examined.

        "| You may see ads claiming... | What we found |": the first column quotes claims, the second answers them.
        """
        self._read_tables()
        return self._claim_column_cells

    @property
    def critique(self) -> bool:
        """Whether the draft takes claims apart (a fact-check, a guide to misleading ads), by its title and opening.

        Such a draft quotes the claims it examines: "**2. "Our ketamine is non-addictive."**" is
        one of them, not the writer's own.
        """
        if self._critique is None:
            segments = self.document.segments
            opening = [s.text for s in segments if s.kind in ("front-matter", "heading")]
            opening += [s.text for s in segments if s.kind == "paragraph"][:2]
            self._critique = any(_CRITIQUE.search(text) for text in opening)
        return self._critique

    def claims_efficacy(self, sentence: Sentence) -> bool:
        """Whether a rule found an efficacy claim in the sentence."""
        if not self.efficacy_at:
            return False
        index = self._index(sentence)
        return any(i == index and sentence.start <= at < sentence.end for i, at in self.efficacy_at)

    def position(self, sentence: Sentence) -> tuple[int, int]:
        """Where a sentence stands in the draft, for putting sentences in reading order."""
        return self._index(sentence), sentence.start

    def _index(self, sentence: Sentence) -> int:
        """The index of a sentence's segment (a map built once per draft)."""
        if self._index_of is None:
            self._index_of = {id(segment): i for i, segment in enumerate(self.document.segments)}
        return self._index_of[id(sentence.segment)]

    def heading_over(self, sentence: Sentence) -> str:
        """The text of the heading a sentence stands under ("" before the first heading)."""
        return self._headings()[self._index(sentence)]

    def _headings(self) -> list[str]:
        if "headings" not in self.memo:
            over, last = [], ""
            for segment in self.document.segments:
                if segment.kind == "heading":
                    last = segment.text
                over.append(last)
            self.memo["headings"] = over
        return self.memo["headings"]

    def _under_myths(self, index: int) -> bool:
        """Whether a segment stands in a section of myths ("## Myths we hear in clinic"), below its heading.

        The section quotes what people believe in order to correct it: its
        quotations are mentions, and what the writer says of them is read as usual.
        """
        return self.document.segments[index].kind != "heading" and bool(_MYTH_HEADING.search(self._headings()[index]))

    def column_header(self, sentence: Sentence) -> str | None:
        """The header of a table cell's column (not the first column, which names the rows)."""
        return self._table_entry(self._column_headers, sentence)

    def row_sourced(self, index: int) -> bool:
        """Whether a table cell's row names its source in a column headed as such, or its table does.

        "| MMR, 2 doses | About 97% effective at preventing measles | CDC |" under
        "| Vaccine | How well it works | Source |" is cited in its own row; a table with
        "Source: ..." right below it is cited in all of them.
        """
        self._read_tables()
        return index in self._sourced_cells

    def is_row_label(self, index: int) -> bool:
        """Whether a segment is the first cell of a body row in a table that sets options side by side.

        "| | Typical antidepressant | Our ketamine |" over "| Time to relief | 6 to 8 weeks | Hours |":
        the header's first cell is empty, and two or more columns name the options.
        """
        self._read_tables()
        return index in self._row_labels

    def row_header(self, sentence: Sentence) -> str | None:
        """The first cell of a table cell's row, which names what the row is about ("| Psychotherapy | ... |")."""
        return self._table_entry(self._row_headers, sentence)

    def _table_entry(self, entries: dict[int, str], sentence: Sentence) -> str | None:
        """A cell's entry in a map filled when the tables are read (None outside a table)."""
        if sentence.segment.kind != "table-cell":
            return None
        self._read_tables()
        return entries.get(self._index(sentence))

    def _read_tables(self) -> None:
        if self._rows is None:
            self._rows = self._table_rows()

    def _table_rows(self) -> dict[int, str]:
        """Each table cell's row, with the table's header row first (the first row of a run of cells)."""
        segments = self.document.segments
        rows: dict[int, str] = {}
        index = 0
        while index < len(segments):
            if segments[index].kind != "table-cell":
                index += 1
                continue
            end = index
            while end < len(segments) and segments[end].kind == "table-cell":
                end += 1
            by_block: dict[int, list[int]] = {}
            for i in range(index, end):
                by_block.setdefault(segments[i].block, []).append(i)
            blocks = list(by_block)
            header = " | ".join(segments[i].text for i in by_block[blocks[0]])
            if self._table_sourced(index, end, header):
                self._sourced_cells.update(range(index, end))
            heads = by_block[blocks[0]]
            claim_columns = {
                segments[i].column for i in heads if segments[i].column >= 0 and _CLAIM_COLUMN.search(segments[i].text)
            }
            by_column = {segments[i].column: segments[i].text for i in heads if segments[i].column > 0}
            source_columns = {segments[i].column for i in heads if _SOURCE_COLUMN.fullmatch(segments[i].text)}
            side_by_side = len(by_column) >= 2 and not any(segments[i].column == 0 for i in heads)
            for block in blocks[1:]:
                if any(
                    segments[i].column in source_columns and _NAMES_A_SOURCE.search(segments[i].text)
                    for i in by_block[block]
                ):
                    self._sourced_cells.update(by_block[block])
                first = next((i for i in by_block[block] if segments[i].column == 0), None)
                if side_by_side and first is not None:
                    self._row_labels.add(first)
                for cell in by_block[block]:
                    column = segments[cell].column
                    if first is not None and column > 0:
                        self._row_headers[cell] = segments[first].text
                    if column in claim_columns:
                        self._claim_column_cells.add(cell)
                    if column in by_column:  # the first column names the rows
                        self._column_headers[cell] = by_column[column]
            for block in blocks:
                row = " | ".join(segments[i].text for i in by_block[block])
                text = row if block == blocks[0] else f"{header} | {row}"
                for i in by_block[block]:
                    rows[i] = text
            index = end
        return rows

    def _table_sourced(self, start: int, end: int, header: str) -> bool:
        """Whether a table says where its figures come from, or whom they count, around it or in its header.

        A "Source: ..." line right below it, a header that counts the people behind
        each row or those who did not improve, or a heading, lead-in or header row that
        names the group measured ("Our 2024 LASIK outcomes (1,142 eyes, reviewed by
        ...)", "In our randomized study, 248 adults ...:").
        """
        segments = self.document.segments
        if end < len(segments) and segments[end].kind != "table-cell":
            below = segments[end].text
            label = _SOURCE_LINE.match(below)
            if label and _NAMES_A_SOURCE.search(below, label.end()):
                return True
        # "| Condition | Patients treated | Answered at 6 months | "Much better" | No change or worse |"
        if _COUNTED_COLUMN.search(header):
            return True
        above = segments[start - 1].text if start > 0 and segments[start - 1].kind in ("paragraph", "heading") else ""
        if above and is_cited(above):
            return True
        return any(_MEASURED_GROUP.search(text) and _MEASURED.search(text) for text in (above, header) if text)

    def sentence_before(self, index: int, sentence: Sentence) -> Sentence | None:
        """The sentence a reader read just before this one: in its segment, or the last of the segment before."""
        sentences = self.sentences_of(index)
        position = bisect.bisect_left(self._starts[index], sentence.start)
        if position > 0:
            return sentences[position - 1]
        while index > 0:
            index -= 1
            earlier = self.sentences_of(index)
            if earlier:
                return earlier[-1]
        return None

    def before_in_paragraph(self, index: int, sentence: Sentence) -> Sentence | None:
        """The sentence just before, when it stands in the same paragraph (or list item, or table row)."""
        before = self.sentence_before(index, sentence)
        return before if before is not None and before.segment.block == sentence.segment.block else None

    def after_in_paragraph(self, index: int, sentence: Sentence) -> Sentence | None:
        """The sentence just after, when it stands in the same paragraph: where a claim's other side is told."""
        after = self.answer_to(index, sentence)
        return after[1] if after is not None and after[1].segment.block == sentence.segment.block else None

    def referents(self, sentence: Sentence) -> list[Claim]:
        """The products "it" most likely stands for: those of the sentence before, or of the head of a table row.

        "| Epidiolex | Approved for seizures. It is the only FDA-approved CBD. |"
        """
        index = self._index(sentence)
        segment = sentence.segment
        if segment.kind == "table-cell" and segment.column > 0:
            segments = self.document.segments
            head = index - 1  # the row's cells come together, its first column first
            while head >= 0 and segments[head].block == segment.block and segments[head].column != 0:
                head -= 1
            head = head if head >= 0 and segments[head].block == segment.block else None
            if head is not None:
                return [c for s in self.sentences_of(head) for c in self.claims_in(s)]
        before = self.sentence_before(index, sentence)
        return self.claims_in(before) if before is not None else []

    def followers(self, pattern: re.Pattern, same_segment: bool = False) -> Iterator[tuple[Sentence, str]]:
        """Sentences that name no product and hold a pattern, each with the one product the sentence before names.

        "We refer to a partner ketamine clinic. Infusions are now first-line for
        migraine": the infusions are ketamine's. With ``same_segment``, only a
        sentence before in the same paragraph, list item or cell counts.
        """
        for sentence in self.unnamed(pattern):
            before = self.sentence_before(self._index(sentence), sentence)
            if same_segment and before is not None and before.segment is not sentence.segment:
                continue
            products = {c.product.id for c in self.claims_in(before)} if before is not None else set()
            if len(products) == 1:
                yield sentence, products.pop()

    def block_cited(self, block: int) -> bool:
        """Whether any segment of a block (a paragraph, a table row) carries a citation."""
        if block not in self._block_cited:
            self._block_cited[block] = any(is_cited(seg.text) for seg in self.document.segments if seg.block == block)
        return self._block_cited[block]

    def sentences_matching(self, pattern: re.Pattern) -> Iterator[Sentence]:
        """Sentences in which a pattern occurs, splitting only the segments that hold it.

        A segment without a word of each group the pattern spells out
        cannot match, and testing its word set is cheaper than a scan.
        """
        groups = pattern_words(pattern)
        segments = self.document.segments
        if groups:
            words = self.all_words
            first, rest = groups[0], groups[1:]
            indexes = [i for i, w in enumerate(words) if not first.isdisjoint(w)]
            if rest:
                indexes = [i for i in indexes if all(not group.isdisjoint(words[i]) for group in rest)]
        else:
            indexes = range(len(segments))
        for index in indexes:
            segment = segments[index]
            if pattern.search(segment.text):
                for sentence in self.sentences_of(index):
                    if pattern.search(sentence.text):
                        yield sentence

    @property
    def claims(self) -> list[Claim]:
        if self._claims is None:
            self._claims = list(self._find_claims())
            for claim in self._claims:
                key = (id(claim.sentence.segment), claim.sentence.start)
                self._by_sentence.setdefault(key, []).append(claim)
        return self._claims

    @property
    def topic(self) -> tuple[str, ...]:
        """The products the draft is about, most named first.

        A sentence that names no product speaks of them: "Visible results
        within 2 weeks" on a finasteride page is said of finasteride. A
        product counts when it is named (or its brands are) at least twice and
        at least half as often as the most named one.
        """
        return self._topic_and_names[0]

    @property
    def topic_names(self) -> dict[str, str]:
        """Each product the page names, by the name it uses most ("Spravato", not "esketamine")."""
        return self._topic_and_names[1]

    @property
    def _topic_and_names(self) -> tuple[tuple[str, ...], dict[str, str]]:
        if self._topic is None:
            counts: dict[str, int] = {}
            names: dict[str, dict[str, int]] = {}
            seen = set()
            for claim in self.claims:
                key = (id(claim.sentence.segment), claim.sentence.start, claim.product.start)
                if key not in seen:  # a brand counts for its generic: Propecia for finasteride
                    seen.add(key)
                    base = self.knowledge.generic(claim.product.id)
                    counts[base] = counts.get(base, 0) + 1
                    name = self.named(claim)
                    forms = names.setdefault(base, {})
                    forms[name] = forms.get(name, 0) + 1
            top = max(counts.values(), default=0)
            ranked = sorted(counts, key=lambda pid: -counts[pid])
            self._topic = (
                tuple(pid for pid in ranked if counts[pid] >= max(2, top / 2)),
                {base: max(forms, key=forms.__getitem__) for base, forms in names.items()},
            )
        return self._topic

    def named(self, claim: Claim) -> str:
        """A claim's product as the sentence names it, fit for the middle of a message.

        "Compounded tirzepatide" opening a sentence becomes "compounded
        tirzepatide"; a brand keeps its capital ("Spravato").
        """
        name = claim.sentence.text[claim.product.start : claim.product.end]
        opens = not _WORD_BEFORE.search(claim.sentence.text, 0, claim.product.start)
        if opens and name[:1].isupper() and name[1:2].islower():
            lowered = name[0].lower() + name[1:]
            if lowered.split()[0] in self.knowledge.lowercase_first_words:
                return lowered
        return name

    @property
    def promoted(self) -> tuple[list[Claim], dict[str, Claim]]:
        """Claims of compounded, unapproved or off-label uses, and by product (worked out once per draft)."""
        if self._promoted is None:
            promoted = [c for c in self.claims if c.use in ("compounded", "unapproved", "off-label")]
            products = self.knowledge.products
            bases = {products[c.product.id].form_of or c.product.id.removeprefix("compounded-"): c for c in promoted}
            self._promoted = promoted, bases
        return self._promoted

    def unnamed(self, pattern: re.Pattern) -> Iterator[Sentence]:
        """Sentences where a pattern occurs and no product is named: their subject is the draft's topic."""
        for sentence in self.sentences_matching(pattern):
            if not self.claims_in(sentence):
                yield sentence

    def claims_in(self, sentence: Sentence) -> list[Claim]:
        """Claims of the sentence at the same place (any Sentence object for it will do)."""
        _ = self.claims  # computed once, indexing every claim by its sentence
        return self._by_sentence.get((id(sentence.segment), sentence.start), [])

    def _find_claims(self) -> Iterator[Claim]:
        kb = self.knowledge
        for index, segment in enumerate(self.document.segments):
            words = self.words_of(index)
            if not kb.may_name_product(words):
                continue
            products = kb.product_mentions(segment.text, words)
            if not products:
                continue
            conditions = kb.condition_mentions(segment.text, words)
            products.sort(key=lambda m: m.start)
            conditions.sort(key=lambda m: m.start)
            p = c = 0
            for sentence in self.sentences_of(index):  # both lists are in order: one pass, not one per sentence
                while p < len(products) and products[p].start < sentence.start:
                    p += 1
                while c < len(conditions) and conditions[c].start < sentence.start:
                    c += 1
                inside, near_all = [], []
                while p < len(products) and products[p].start < sentence.end:
                    inside.append(_shift(products[p], sentence))
                    p += 1
                while c < len(conditions) and conditions[c].start < sentence.end:
                    near_all.append(_shift(conditions[c], sentence))
                    c += 1
                if inside:
                    yield from self._classify(sentence, inside, near_all)

    def _classify(self, sentence: Sentence, products: list[Mention], conditions: list[Mention]) -> Iterator[Claim]:
        kb = self.knowledge
        harms = bool(_SIDE_EFFECT.search(sentence.text))
        for product in products:
            entry = kb.products[product.id]
            glossed = _glossed(sentence.text, product, conditions)
            near = [
                c
                for c in conditions
                if _words_between(sentence.text, product, c) <= NEAR
                and not _belongs_to_another(sentence.text, product, c, products)
                and not _listed_together(sentence.text, product, c)
                and (glossed is None or c is glossed)
            ]
            if entry.status != "approved":
                use = "unapproved"
            elif product.compounded:
                use = "compounded"
            else:
                use = "unnamed"
            if not near:
                yield Claim(sentence, product, None, use)
                continue
            approved = [c for c in near if use == "unnamed" and kb.approved_for(product.id, c.id)]
            for condition in near:
                kind = use
                if use == "unnamed":
                    kind = "approved" if kb.approved_for(product.id, condition.id) else "off-label"
                    if kind == "off-label" and (
                        harms or _harm_told(sentence.text, condition) or risk_named(sentence.text, condition)
                    ):
                        kind = "harm"  # "can cause erectile dysfunction": a side effect, not a use
                    elif kind == "off-label" and _tie_negated(sentence, product, condition):
                        kind = "not-promoted"  # "ketamine is not recommended for cancer pain"
                    elif kind == "off-label" and _comorbid(sentence.text, product, condition, approved):
                        kind = "comorbid"  # "men with diabetes who have erectile dysfunction"
                yield Claim(sentence, product, condition, kind)

    def finding(self, rule, sentence: Sentence, start: int, end: int, values: dict, fix_text: str | None = None):
        """A finding of a check rule over sentence-relative span [start, end)."""
        segment = sentence.segment
        src_start, src_end = segment.source_span(sentence.start + start, sentence.start + end)
        values = {**values, "match": readable(sentence.text[start:end])}
        fix = None
        if fix_text is not None:
            at = segment.source_span(sentence.end - 1, sentence.end)[1]
            line, column = self.document.source.position(at)
            fix = Fix(rule.fix.safe, (Edit(line, column, line, column, " " + fix_text),))
        return Finding.at(
            self.document.source,
            src_start,
            src_end,
            rule=rule.id,
            category=rule.category,
            severity=rule.severity,
            message=_capitalized(fill(rule.message, values)),
            suggestion=_capitalized(fill(rule.suggestion, values)),
            sources=rule.sources,
            sentence=" ".join(sentence.text.split()),  # a baseline's fingerprint: kept as recorded
            fix=fix,
        )

    def appended(self, rule, values: dict) -> str | None:
        """The text a rule's ``append`` fix adds, with disclosure templates and placeholders filled."""
        if rule.fix is None or rule.fix.kind != "append":
            return None
        text = re.sub(r"\{disclosure:([a-z-]+)\}", lambda m: self.templates.get(m.group(1), m.group(0)), rule.fix.text)
        return _capitalized(fill(text, values))


def fill(template: str, values: dict) -> str:
    """Replace {name} placeholders that have a value; leave the rest as written."""
    return re.sub(r"\{([a-z_]+)\}", lambda m: str(values.get(m.group(1), m.group(0))), template)


def _capitalized(text: str) -> str:
    """A message that opens with a product named in lower case ("compounded tirzepatide is ...") starts a sentence."""
    return text[:1].upper() + text[1:]


def _shift(mention: Mention, sentence: Sentence) -> Mention:
    """A segment-relative mention made relative to the sentence holding it."""
    return Mention(mention.start - sentence.start, mention.end - sentence.start, mention.id, mention.compounded)


# A condition the reader has, named after the people who have it: "men with diabetes", "users who have anxiety"
_HAVING = compile_pattern(
    r"\b(?:users?|patients?|takers?|customers?|clients?|members?|people|persons?|men|women|adults|children|kids|teens"
    r"|anyone|those|someone|you)\s+(?:who\s+(?:also\s+)?(?:have|has|had|live\s+with)|with|living\s+with)"
    r"\s+(?:[\w'’-]+\s+){0,2}$",
    re.I,
)

_USERS_OF = compile_pattern(r"\s+(?:users?|patients?|takers?|customers?|clients?|members?)\b", re.I)

# What joins a condition of the people to the approved use that follows: "diabetes who have erectile dysfunction"
_ALSO_HAVING = compile_pattern(r"\s*(?:,\s*)?(?:who\s+(?:also\s+)?(?:have|has)|and|with)\s+(?:[\w'’-]+\s+){0,2}$", re.I)


def _comorbid(text: str, product: Mention, condition: Mention, approved: list[Mention]) -> bool:
    """Whether a condition describes the people taking the product rather than what it is taken for.

    "Sildenafil for men with diabetes who have erectile dysfunction" treats
    erectile dysfunction, the approved use that follows: diabetes is who has
    it. "Finasteride users with depression should talk to their doctor" names
    the users. But "ketamine for people with depression" offers it for
    depression, and so does "approved for obesity, also prescribed for
    patients with PCOS".
    """
    if not _HAVING.search(text, 0, condition.start):
        return False
    if _USERS_OF.match(text, product.end):
        return True
    return any(c.start > condition.end and _ALSO_HAVING.fullmatch(text, condition.end, c.start) for c in approved)


# A condition named as a risk to look out for: "we screen for seizure risk", "a history of psychosis"
_RISK_BEFORE = compile_pattern(
    r"\b(?:screen(?:s|ed|ing)?\s+(?:\w+\s+)?for|risk\s+of|history\s+of|signs\s+of|watch(?:es|ing)?\s+for)\s+$", re.I
)
_RISK_AFTER = compile_pattern(r"\s+(?:risks?|history)\b", re.I)


def risk_named(text: str, condition: Mention) -> bool:
    """Whether a condition is named as a risk or a history to screen for, not as what a product treats."""
    return bool(_RISK_BEFORE.search(text, 0, condition.start) or _RISK_AFTER.match(text, condition.end))


def _harm_told(text: str, condition: Mention) -> bool:
    """Whether a verb before the condition tells it as a harm of the product.

    "Finasteride has been linked to depression" and "some men report
    depression while taking finasteride" name a harm; "ketamine for depression
    has been linked to fast relief" and "clients report less depression after
    starting ketamine" name a use.
    """
    if _BETTER.search(text, 0, condition.start):
        return False
    cues = list(_HARM_BEFORE.finditer(text, 0, condition.start))
    if not cues:
        return False
    cue = cues[-1].group().lower()
    if cue.startswith(("report", "develop", "experience", "notice")):
        return bool(_HARM_TAKING.search(text, condition.end))
    return True


def _tie_negated(sentence: Sentence, product: Mention, condition: Mention) -> bool:
    """Whether a negation stands between (or before) a product and the condition it is tied to."""
    first, second = (product, condition) if product.start <= condition.start else (condition, product)
    return sentence.negated(sentence.start + second.start, sentence.start + second.end) or sentence.negated(
        sentence.start + first.start, sentence.start + first.end
    )


_CLAUSE_BREAK = compile_pattern(r"[;:—–]|\.\s")


def _listed_together(text: str, product: Mention, condition: Mention) -> bool:
    """Whether a product and a condition are items of one list: "testosterone, ED care and hair restoration".

    A clinic's list of services names the product beside the conditions it
    treats, without offering one for the other; "ketamine, TMS and therapy
    for depression" does offer them, through its "for".
    """
    between = text[slice(*_between(product, condition))]
    if not _LIST_JOINT.search(between) or _TIES_USE.search(between) or len(between.split()) > 6:
        return False
    # "For cluster headache, ketamine infusion has become ...": a use, fronted
    fronted = condition.start < product.start and _LEADS_USE.search(text, max(0, condition.start - 12), condition.start)
    return not fronted


_LIST_JOINT = compile_pattern(r",|&|\+|/|\band\b|\bor\b|[•·|]")
_TIES_USE = compile_pattern(
    r"\b(?:for|to|treats?|treating|treated|treatment\s+of|helps?|helping|with|against|relie\w*|eas\w*|fights?"
    r"|manag\w*|of|in|on|is|are|was|were|can|may|works?|stops?|ends?|cures?|reverses?|fix\w*|beats?|but|which|that"
    r"|because|so|while|although|though|except|exception)\b",
    re.I,
)
_LEADS_USE = compile_pattern(r"\b(?:for|with|treats?|treating|against)\s+$", re.I)


def _belongs_to_another(text: str, product: Mention, condition: Mention, products: list[Mention]) -> bool:
    """Whether the condition is in another clause, which names a product of its own.

    "Sildenafil (Viagra) is approved for erectile dysfunction; as Revatio, the
    same drug treats pulmonary arterial hypertension": the hypertension is
    Revatio's. "Ketamine and esketamine for depression" ties both.
    """
    if not _CLAUSE_BREAK.search(text, *_between(product, condition)):
        return False
    return any(
        not _CLAUSE_BREAK.search(text, *_between(other, condition)) for other in products if other is not product
    )


# A product named in parentheses right after a condition: "PAH (as Adcirca)", "hypertension (Revatio)"
_GLOSS_OPEN = compile_pattern(r"\s*\(\s*(?:as|sold\s+as|brand(?:ed)?(?:\s+as)?|e\.g\.,?)?\s*$", re.I)


def _glossed(text: str, product: Mention, conditions: list[Mention]) -> Mention | None:
    """The condition a parenthesized product name glosses: that product is tied to it alone."""
    for condition in conditions:
        if condition.end <= product.start and _GLOSS_OPEN.fullmatch(text, condition.end, product.start):
            return condition
    return None


def _between(a: Mention, b: Mention) -> tuple[int, int]:
    return (a.end, b.start) if a.start < b.start else (b.end, a.start)


def _words_between(text: str, a: Mention, b: Mention) -> int:
    lo, hi = (a.end, b.start) if a.start <= b.start else (b.end, a.start)
    return len(_WORDS.findall(text, lo, hi)) if hi > lo else 0


_WORD_BEFORE = compile_pattern(r"\w")
# What a draft that takes claims apart says of itself: "what these ads get wrong", "red flags", "fact-check"
_CRITIQUE = compile_pattern(
    r"\b(?:misleading|mislead|deceptive|red[\s-]+flags?|gets?\s+wrong|got\s+wrong|fact[- ]check(?:ed|ing|s)?"
    r"|warning\s+letters?|what\s+(?:the\s+|these\s+)?ads?\s+(?:don['’]t|do\s+not|won['’]t|leave\s+out)"
    r"|too\s+good\s+to\s+be\s+true|(?:phrases|claims|lines)\s+(?:in\s+[\w\s-]{0,30})?(?:that|which)?\s*should\s+make\s+you"
    r"|how\s+to\s+spot|myths?\s+(?:and|vs\.?|versus)\s+facts?|debunk(?:ed|ing|s)?"
    # a regulator's or a consumer group's warning: "Consumer Alert: ...", "which ad claims to question"
    r"|consumer\s+(?:alert|warning|advisory)|scam\s+alert|(?:claims|phrases|promises)\s+to\s+(?:question|be\s+wary\s+of)"
    # "What two words on a supplement bottle are supposed to mean", "what 'clinically proven' really means"
    r"|what\s+(?:[\w-]+\s+){0,3}?(?:words?|phrases?|terms?|claims?|labels?)\s+(?:[\w-]+\s+){0,5}?"
    r"(?:(?:are|is)\s+supposed\s+to\s+mean|really\s+means?|actually\s+means?)"
    # "what ketamine clinic ads promise, and what the evidence says", "how those claims hold up"
    r"|what\s+(?:[\w-]+\s+){0,3}?(?:ads|adverts|clinics|marketers|sellers|brands|websites|companies|influencers)"
    r"\s+(?:promise|claim|say|tell\s+you)|how\s+(?:those|these|the|such)\s+claims\s+hold\s+up"
    r"|(?:words|phrases|claims|terms)\s+(?:we\s+(?:don['’]t|do\s+not|never)\s+(?:use|write|say)|to\s+avoid)"
    # "The ads are promising far more": an opinion piece about the marketing
    r"|(?:the\s+)?(?:ads|adverts|advertising|marketing)\s+(?:are\s+|is\s+)?(?:promising|overpromising|overselling|claiming))\b",
    re.I,
)
# The heading of a section that quotes beliefs to correct them: "Myths we hear", "Common misconceptions"
# or a section that checks claims: "Common claims, checked", "Ad lines, decoded", "Claims vs. evidence"
_MYTH_HEADING = compile_pattern(
    r"\b(?:myths?|misconceptions?|misbeliefs?|decoded|debunked|fact[- ]check(?:ed)?"
    r"|(?:lines|phrases|claims|words|slogans)\b[^\n]{0,30}?\b(?:retire|avoid|drop|ban|stop\s+using|never\s+use)"
    r"|(?:aren['’]t|isn['’]t|not)\s+(?:true|accurate|right)"
    # "Things people tell us they have heard", "Three things I hear", "What you might read online"
    r"|(?:things|what)\s+(?:we|you|people|I|patients|clients)(?:['’]\w+)?\s+(?:[\w'’]+\s+){0,4}?"
    r"(?:(?:hear|heard|believe|(?:been|were|get|got)\s+told)\b(?!\s+from)|(?:read|see)\s+(?:online|elsewhere|in\s+ads"
    r"|on\s+social|about))"
    # "Things patients have been told, corrected", "Lines we hear every week, corrected"
    r"|,\s*corrected\b"
    # "Lines you won't see from us", "What we will never promise"
    r"|(?:won['’]t|will\s+not|will\s+never|don['’]t|do\s+not|never)\s+(?:see|hear|read|find)\s+(?:from\s+us|here\b|on\s+this\s+(?:page|site))"
    r"|(?:what|things|claims|lines|promises)\s+we\s+(?:won['’]t|will\s+not|will\s+never|don['’]t|do\s+not|never)\s+"
    r"(?:say|promise|claim|write|tell\s+you)\b"
    r"|(?:slogans|claims|lines|phrases|promises|words)\s+(?:we|you|people|I)(?:['’]\w+)?\s+(?:[\w'’]+\s+){0,2}?"
    r"(?:hear|heard|hearing|read|reading|see|seeing)\b(?!\s+from)"
    r"|(?:claims?|ad\s+lines?|lines|promises|slogans|pitches|taglines)\W+(?:[\w'’]+\W+){0,3}?(?:checked|examined|tested|vs\.?"
    r"|versus|(?:and|&)\s+(?:the\s+)?(?:facts?|evidence|reality|science)))\b",
    re.I,
)
# A line that is one quotation and nothing else ('**2. "Our ketamine is non-addictive."**'), numbering aside
_QUOTED_LINE = compile_pattern(
    # perhaps after a short label: '## Part 2 – "Compounded sema is just generic Wegovy"'
    r"(?m)^[^\w\n]{0,4}(?:\d{1,2}[.)]\s*|(?:Part|Myth|Claim|Episode|Slide|Card|Post|Video|Clip|Reel|Day)\s+\d{1,2}\s*[–—:-]\s*)?"
    r"[\"“][^\"“”\n]+[\"”]"
    r"(?:\s*(?:,|and|or|&|/)\s*[\"“][^\"“”\n]+[\"”])*[^\w\n]{0,4}$"  # '"No side effects" or "all natural"'
)


_SPEAKER = compile_pattern(r"\b(?:I|I['’](?:ve|m|d|ll)|my|me|we|our|us)\b", re.I)


def _is_quoted_heading(segment: Segment) -> bool:
    """A heading that is one quotation of no one's own experience ('## "It's not addictive at these doses"').

    The section examines the words; a quoted heading in the first person ('## "I got my 30s back"') is
    a testimonial and stays one.
    """
    return segment.kind == "heading" and not _SPEAKER.search(segment.text)


def _quoted_lines(text: str, leading: bool = False) -> list[tuple[int, int]]:
    """The stretches of a segment that are lines of nothing but a quotation, or (leading) quotations opening a line.

    Under a heading of myths, a line that opens with a quotation answers it in
    the same line ('"It's natural, so it's safe." Mushrooms are natural, and ...').
    """
    found = [(m.start(), m.end()) for m in _QUOTED_LINE.finditer(text)]
    if leading:
        found += [(m.start(), m.end()) for m in _QUOTED_LEAD.finditer(text)]
    return found


_QUOTED_LEAD = compile_pattern(r"(?m)^[^\w\n]{0,4}[\"“][^\"“”\n]{4,200}[\"”]")


# A column that names where each row's figures come from, and a cell that names one
_SOURCE_COLUMN = compile_pattern(
    r"\W*(?:sources?|references?|citations?|cited\s+in|data\s+from|where\s+(?:it|this)\s+comes\s+from)\W*", re.I
)
_NAMES_A_SOURCE = compile_pattern(r"[A-Z]{2,}|[A-Z][a-z]+|\d{4}")
# The line under a table that names where its figures come from: "*Source: internal outcomes audit, 2024*"
_SOURCE_LINE = compile_pattern(r"[\W_]*(?:sources?|data(?:\s+source)?|based\s+on|figures\s+(?:are\s+)?from)\s*:", re.I)
# The group a table's figures were measured in, and how: "(2024, 312 back pain patients who finished care)"
_MEASURED_GROUP = compile_pattern(
    r"\b\d{1,3}(?:,\d{3})*\s+(?:[\w-]+\s+){0,4}?(?:patients|adults|people|eyes|members|users|participants|customers"
    r"|clients|women|men|volunteers|testers|respondents|children|knees|hips|procedures|cases)\b(?!\s*\+)",
    re.I,
)
# A header column that counts the people behind each row's figures, or those the figures leave out
_COUNTED_COLUMN = compile_pattern(
    r"\b(?:patients|people|eyes|members|clients|participants|respondents|users)\s+(?:treated|enrolled|answered|followed"
    r"|surveyed|asked|counted|included)\b|\banswered\b|\bn\s*=|\bno\s+change\b|\bdidn['’]t\s+(?:improve|respond|help)\b",
    re.I,
)
_MEASURED = compile_pattern(
    r"\b(?:stud(?:y|ies)|trials?|surveys?|audit|outcomes?|records|registry|reviewed|measured|followed|finished"
    r"|completed|randomi[sz]ed|tracked|treated\s+(?:from|between|in)\s+\d{4})\b",
    re.I,
)
# The header of a column of claims a table examines: "Claim", "What the ads say", "Don't write", "Myth"
_CLAIM_COLUMN = compile_pattern(
    r"\b(?:claims?|claiming|myths?|the\s+(?:pitch|hype|promise)|red\s+flags?|ad\s+copy|marketing\s+says"
    r"|what\s+(?:the\s+|an?\s+|some\s+)?(?:ads?|labels?|sellers?|sites?|clinics?|brands?|marketers?)\s+(?:may\s+|might\s+|will\s+|often\s+)?"
    r"(?:say|says|claim|claims|promise|promises)"
    r"|(?:don['’]t|do\s+not|never|avoid)\s+(?:write|say|use)|instead\s+of|you['’]ll\s+see|you\s+may\s+see|you\s+might\s+see"
    r"|^\W*(?:avoid|retire|banned|rejected|not\s+allowed|phrases?\s+to\s+avoid|words?\s+to\s+avoid)"
    r"(?:\s+(?:examples?|lines?|copy|wording|claims?|phrases?|versions?))?\W*$"
    r"|^\W*(?:phrases?|wordings?|slogans?|taglines?)\b"
    r"|what\s+(?:people|they|you|friends|others|some\s+people)\s+(?:say|said|hear|heard|believe|think)"
    r"|what\s+you['’](?:ve|ll)\s+(?:heard|hear|read)|you\s+(?:may|might)\s+(?:hear|read)"
    # what the product does not do: "| Product | What it may do | What it won't do |"
    r"|what\s+(?:it|they|this|these)\s+(?:won['’]t|can['’]t|cannot|doesn['’]t|does\s+not|don['’]t|do\s+not|will\s+not)"
    r"\s+(?:do|fix|treat|help\s+with))\b",
    re.I,
)
# A word as a reader counts it: "isn't" and "first-line" are one word each
_WORDS = compile_pattern(r"\w+(?:['’-]\w+)*")


# The word groups every match of a pattern holds: a segment lacking a word of one is not searched
PATTERN_WORDS: dict[re.Pattern, tuple[frozenset[str], ...]] = {}


def pattern_words(pattern: re.Pattern) -> tuple[frozenset[str], ...]:
    """The word groups a pattern's matches hold (worked out once per pattern)."""
    if pattern not in PATTERN_WORDS:
        PATTERN_WORDS[pattern] = regex_requirements(pattern.pattern)
    return PATTERN_WORDS[pattern]
