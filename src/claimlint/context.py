"""What surrounds a match: the difference between a claim and honest writing.

"Ketamine cures depression" is a claim; "ketamine is not a cure", "does
ketamine cure depression?", "ketamine may ease depression for some people"
and "... improved symptoms in a randomized trial [1]" are not, or not the
same one. Each sentence is read for negation and mere mentions (their
stretches are worked out in ``scopes``), hedging, questions and citations,
and rules declare which of these excuse them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from claimlint.compiled import compile_pattern
from claimlint.document import CITE_MARK, PLACEHOLDER, Segment
from claimlint.scopes import ASKED_INSIDE, CROSS_MARKS, negation_scopes, quotations

_W = r"(?<![\w'’])"  # a word starts here
_E = r"(?![\w'’])"  # a word ends here

_MODAL = compile_pattern(
    _W + r"(?:may|might|could|can|possibly|potentially|perhaps|probably|likely|appears?\s+to|seems?\s+to)" + _E,
    re.I,
)
_HEDGE = compile_pattern(
    _W + r"(?:suggests?|suggested|suggesting|some\s+(?:patients|people|individuals|adults|users|studies|research"
    r"|evidence|clinicians|trials|data|cases|women|men|children)|for\s+some|in\s+some|many\s+(?:patients|people|men|women|adults|users)"
    r"|often|sometimes|occasionally|in\s+(?:small|early|preliminary|limited|a\s+few)\s+(?:studies|trials|research)"
    r"|small\s+(?:studies|trials|samples?)|early\s+(?:research|evidence|studies|data|results|findings|trials)"
    r"|emerging|preliminary|limited\s+(?:evidence|data)|results\s+(?:may\s+)?vary|individual\s+results|varies|vary"
    r"|not\s+everyone|not\s+all|some\s+(?:notice|feel|see|get|report|find|need|have)\s+(?:little|no|only)\b"
    r"|(?:every(?:one|body)['’]s|every(?:one|body)\s+is)\s+different"
    r"|little\s+or\s+no\s+(?:change|relief|benefit|difference|improvement|effect)|(?:is|are)\s+being\s+(?:studied|investigated|explored)|under\s+(?:study|investigation)"
    r"|investigational|experimental|research\s+is\s+ongoing|in\s+certain|a\s+subset|selected\s+patients"
    r"|(?:is|are)\s+thought\s+to|believed\s+to|promising|associated\s+with|a\s+minority|(?:the\s+|at\s+the\s+)?earliest"
    r"|(?:researchers|scientists)\s+(?:think|believe|suspect|propose|hypothesi[sz]e)"
    r"|as\s+far\s+as\s+(?:we\s+know|anyone\s+knows|(?:studies|research|the\s+evidence)\s+(?:show|shows))"
    r"|(?:does\s+not|doesn['’]t|do\s+not|don['’]t)\s+appear\s+to"
    # an aim, not a result: "The goal of treatment is to calm inflammation"
    r"|(?:goals?|aims?)\s+(?:of\s+(?:[\w'’-]+\s+){1,3}?|with\s+you\s+)?(?:is|are)\s+to"
    # a trial result told against placebo: "83% of men ..., compared with about 28% on placebo"
    r"|(?:compared\s+(?:with|to)|versus|vs\.?)\s+(?:about\s+|around\s+|roughly\s+)?(?:\d+(?:\.\d+)?\s?%|\d+\s+in\s+\d+)\s+"
    r"(?:\w+\s+){0,2}(?:placebo|sham)"
    r"|\d+(?:\.\d+)?\s?%\s+(?:\w+\s+){0,3}(?:on|with|taking|given|in\s+the)\s+(?:a\s+)?placebo)" + _E,
    re.I,
)
# Words that make a claim absolute, so that a modal in the same clause no longer hedges it
_ABSOLUTE = compile_pattern(
    _W + r"(?:completely|totally|entirely|permanently|forever|for\s+good|for\s+life|100\s?%|guaranteed"
    r"|never\s+again|instantly|overnight|every\s+(?:single\s+)?(?:time|one|patient|client|person)"
    r"|never\s+(?:did|could)|(?:couldn['’]t|could\s+not)\s+(?:do|touch|fix|match))" + _E,
    re.I,
)
# A modal that names the other side of a comparison hedges nothing: "better than your doctor ever could",
# "more personalized than any dietitian could ever be"
_THAN_WHAT_COULD = compile_pattern(
    _W + r"than\s+(?:(?!(?:and|but|or|so|yet)\b)[\w'’-]+\s+){1,4}(?:ever\s+)?(?:could|can|might)" + _E + r"\Z", re.I
)
_RHETORICAL = compile_pattern(
    r"\W*(?:so\s+)?why\s+(?:wait|settle|suffer|struggle|put\s+up\s+with|keep\s+(?:waiting|suffering|struggling|trying)"
    r"|live\s+with|go\s+on|cycle\s+through|bother\s+with|waste\s+(?:years|months|time))\b",
    re.I,
)
_CLAUSE_BREAK = compile_pattern(r"[,;:()—–]|\s-\s")
# a medical society by its name: "American Headache Society", "American Academy of Dermatology" (up to "Academy")
_SOCIETY = (
    r"(?:American|European|British|Canadian|National|International|World)(?:\s+[A-Z][\w-]*){0,4}"
    r"\s+(?:Society|Association|College|Academy|Organi[sz]ation|Institutes?|Federation)"
)
# Public health bodies and medical societies by their initials, named as the source of what a sentence says
_BODY_INITIALS = (
    r"(?:CDC|NIH|NCCIH|NIDDK|NCI|WHO|NHS|NICE|USPSTF|ACIP|AHRQ|Cochrane|AAD|AAP|ACOG|AHA|ADA|AUA|ACR|AAFP|ACP|AAN|AHS"
    r"|ASCO|NCCN|ESMO|EULAR|AACE|ACG|AGA|ATS|ACC|IDSA|AAO|AAOS|ASRM)"
)
_CITATION = compile_pattern(
    CITE_MARK + r"|\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]"
    r"|\([^()]*?\b[A-Z][\w'’-]+(?:\s+et\s+al\.?|\s+(?:and|&)\s+[A-Z][\w'’-]+)?,?\s+(?:19|20)\d{2}[a-z]?\b[^()]*\)"
    r"|\b[A-Z][\w'’-]+\s+et\s+al\.?,?\s*\(?(?:19|20)\d{2}"
    # with the journal between: "Rugo et al., *JAMA* 2017", "Wilding et al., N Engl J Med, 2021"
    r"|\b[A-Z][\w'’-]+\s+et\s+al\.?,\s+[*_]{0,2}[A-Z][\w.&'’-]*(?:\s+[A-Za-z][\w.&'’-]*){0,5}[*_]{0,2},?\s+(?:19|20)\d{2}\b"
    # a named body's dated statement: "The Menopause Society's 2022 statement calls ..."
    r"|\b[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,5}['’]s\s+(?:19|20)\d{2}\s+(?:[a-z][\w-]*\s+){0,3}?(?:position\s+)?(?:statement|guidelines?"
    r"|position|recommendations?|review|report|consensus)\b"
    # a named body and its year: "according to The Menopause Society (2022 position statement)"
    r"|\baccording\s+to\s+(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+(?:of\s+|for\s+|and\s+|&\s+)?[A-Z][\w&'’.-]*){0,6}"
    r"[^.;]{0,40}?\b(?:19|20)\d{2}\b"
    r"|\bdoi:\s*10\.\d{4,}|\b10\.\d{4,9}/\S+|\bPMID:?\s*\d+|\bPMC\d{4,}|\bNCT\d{8}\b"
    # a trial named by its acronym: "In TRANSFORM-2, ...", "in the STEP 1 trial", "the SELECT trial"
    # (with a lettered suffix: "in the ELEKT-D trial", "from ESCAPE-TRD")
    r"|\b(?:[Ii]n|[Ff]rom)\s+(?:the\s+)?(?!COVID)[A-Z]{3,}[A-Z0-9]*(?:-[A-Z]{1,3}\b)?"
    r"(?:[- ]\d{1,2}\b|\s+(?:trial|study)\b)"
    # a society's dated guideline named by its initials: "the EULAR 2023 recommendations", "the 2020 IDSA/AAN guideline"
    r"|\b[A-Z]{2,}(?:/[A-Z]{2,})*\s+(?:19|20)\d{2}\s+(?:guidelines?|recommendations|consensus|position\s+statement)\b"
    r"|\b(?:19|20)\d{2}\s+[A-Z]{2,}(?:/[A-Z]{2,})*\s+(?:guidelines?|recommendations|consensus|position\s+statement)\b"
    r"|\b(?:based\s+on|according\s+to|per|see)\s+the\s+(?!COVID|FDA)[A-Z]{3,}[A-Z0-9]*(?:-[A-Z]{1,3}\b)?"
    r"(?:[- ]\d{1,2})?"
    r"\s+(?:trial|study)\b"
    # a dated review or a dated study in a named journal: "a 2018 network meta-analysis in The Lancet",
    # "according to a 2017 review", "in a 2019 meta-analysis of 23 trials"
    r"|\b(?:19|20)\d{2}\s+(?:[\w-]+\s+)?(?:meta-analys[ie]s|meta-review|systematic\s+review|Cochrane\s+review)\b"
    r"|\b(?:19|20)\d{2}\s+(?:[\w-]+\s+)?(?:study|trial|review|analysis)\s+(?:published\s+)?in\s+(?:the\s+)?"
    r"(?:journal\s+)?[A-Z][\w-]+"
    r"|\baccording\s+to\s+(?:a|an|the)\s+(?:19|20)\d{2}\s+(?:[\w-]+\s+)?(?:review|study|trial|analysis|report)\b"
    # an undated study in a named journal, still checkable: "a review in *American Family Physician* notes"
    r"|\b(?:review|study|trial|meta-analysis|analysis|paper)\s+(?:published\s+)?in\s+(?:the\s+)?"
    r"(?:[*_]{1,2}[A-Z]|(?:JAMA|Lancet|NEJM|BMJ|Pediatrics)\b|New\s+England\s+Journal|Annals\s+of\s+[A-Z]"
    r"|American\s+Family\s+Physician|Journal\s+of\s+(?:the\s+)?[A-Z])"
    # a study presented at a named, dated meeting: "a small review presented at ObesityWeek 2019"
    r"|\b(?:presented|reported)\s+at\s+(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,5}\s+(?:(?:annual\s+)?meeting\s+)?"
    r"(?:in\s+)?(?:19|20)\d{2}\b"
    # a medical society named as the source: "per the American Headache Society"
    r"|\b(?:per|according\s+to)\s+(?:the\s+)?" + _SOCIETY + r"\b"
    # ... or as the subject that says it: "The American Academy of Dermatology notes that most women ..."
    r"|\b" + _SOCIETY + r"(?:\s+(?:of|for|on)(?:\s+[A-Z][\w-]*){1,3})?"
    r"(?:['’]s\s+(?:[\w-]+\s+){0,3}?(?:guidance|guidelines?|statement|advice|website))?"
    r"\s+(?:notes|says|states|reports|recommends|advises|estimates|explains|describes|found|finds|warns|cautions)\b"
    # a trial's two arms given in figures: "in a 2025 head-to-head trial (20.2% vs 13.7% weight loss)"
    r"|\b(?:trial|study)\b[^.;]{0,40}?\(\s*\d+(?:\.\d+)?\s?%\s+(?:vs\.?|versus)\s+\d+(?:\.\d+)?\s?%"
    # a public health body named as the source: "(CDC)", "(NIH Office of Dietary Supplements)", "according to CDC"
    r"|(?:\((?:per\s+|source:\s*)?|\b(?:[Aa]ccording\s+to|[Pp]er)\s+)(?:the\s+)?"
    + _BODY_INITIALS
    + r"\b(?:(?:\s+(?:of\s+|for\s+|on\s+|and\s+)?[A-Z][\w-]*){0,5}\))?"
    # ... or as the subject that says it: "The CDC says you don't need a blood test first"; a society by its
    # initials too: "The AAD describes isotretinoin as ..."
    r"|\b" + _BODY_INITIALS + r"\s+(?:notes|says|states|recommends|advises|explains|describes|warns|cautions)\b"
    # a public body's own figures: "the same CDC figures show", "SEER data show"
    r"|\b(?:CDC|NIH|NCI|WHO|NHS|SEER|SART|AHRQ|NCHS|USPSTF|FDA)\s+(?:[\w-]+\s+)?(?:data|figures|statistics)"
    r"\s+(?:show|shows|showed|suggest|suggests)\b"
    # a trial named with its year in parentheses: "(SELECT trial, 2023)"
    r"|\((?:the\s+)?(?!COVID)[A-Z]{3,}[A-Z0-9-]*(?:\s+(?:trial|study))?,?\s+(?:19|20)\d{2}\)"
    # a trial named by its numbered acronym alone: "14.9% at 68 weeks (STEP 1)", "(SURMOUNT-1)", "(ELEKT-D trial)"
    r"|\((?:the\s+)?(?!COVID|GLP|SARS|HIV|CYP|FDA|REMS)[A-Z]{3,}[A-Z0-9]*"
    r"(?:(?:[- ]\d{1,2}|-[A-Z]{1,3})(?:\s+(?:trial|study))?|[A-Z0-9-]*\s+(?:trial|study))\)"
    # a drug's own label: "up to 36 hours, according to its label"
    r"|\baccording\s+to\s+(?:its|the|their|each\s+drug['’]s)\s+(?:FDA\s+)?(?:label|labeling|labelling"
    r"|prescribing\s+information|package\s+insert)\b"
    r"|\b(?:its|the|their|each\s+drug['’]s)\s+(?:FDA\s+)?(?:label|labeling|prescribing\s+information|package\s+insert)"
    r"\s+(?:reports|states|lists|describes)\b"
    # a review by a named, checkable body, or the study the draft has just cited: "a Cochrane review found",
    # "the same trial found"
    r"|\bCochrane\s+(?:systematic\s+)?review\b"
    r"|\b(?:[Tt]he|[Tt]hat|[Tt]his)\s+same\s+(?:[A-Z][\w-]+\s+)?(?:review|trial|study|meta-analysis|analysis|report"
    r"|guideline|survey)\b"
    r"|\b[Ii]n\s+(?:that|this)\s+(?:[\w-]+\s+){0,3}?(?:trial|study|review|meta-analysis)\b"
    r"|\b[Ii]n\s+the\s+(?!clinical\b|our\b|own\b)[\w-]+\s+(?:[\w-]+\s+)?trial\b"
    # the trials the draft has just cited: "in the trials above"
    r"|\b[Ii]n\s+(?:the|these|those)\s+(?:trials|studies)\s+(?:above|below|cited\s+above|listed\s+above)\b"
    r"|(?<=[.!?)\]a-z%])\s+\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\s*$"
)
_NOT_A_REFERENCE_NUMBER = compile_pattern(
    r"\b(?:type|stage|grade|phase|level|step|day|week|class|schedule|part|version|covid|top|than|under|over|only|just|to|of|in|at|by|about|after|within|for|every|month|months|year|years|hour|hours|session|sessions|dose|visit|cycle|round|tier|plan|option|age|ages)\s+\d{1,3}\s*$",
    re.I,
)
_CITATION_ONLY = compile_pattern(r"[\s(\[]*(?:" + _CITATION.pattern + r"|[\s,;.()\[\]]|\bibid\b)+[\s.)\]]*", re.I)
_AUXILIARY = r"(?:does|do|did|is|are|was|were|can|could|should|will|would|has|have|am)"
_QUESTION_WORD = compile_pattern(
    rf"{_AUXILIARY}\b|(?:what|how|why|who|which|when|where)(?:['’]s|\s+{_AUXILIARY}\b|\s+to\b)"
    # "What results do most patients get", "How many sessions will I need"
    rf"|(?:what|which|whose|how\s+(?:many|much|long|often|soon|fast|quickly))\s+(?:[\w'’-]+\s+){{0,3}}?{_AUXILIARY}\b",
    re.I,
)
# A question about the sentence before it: "Is that true?", "True?", "Fact or myth?"
_IS_IT_TRUE = compile_pattern(
    r"[\W_]*(?:is\s+(?:that|this|it)\s+(?:really\s+)?(?:true|right|correct|so|a\s+myth|safe|legit)|true|really|right"
    r"|fact\s+or\s+(?:fiction|myth)|myth\s+or\s+fact|does\s+it|is\s+it"
    r"|how\s+much\s+of\s+(?:that|this|it)\s+is\s+(?:real|true|legit|accurate)"
    r"|what(?:['’]s|\s+is)\s+(?:really\s+)?(?:real|true|hype|legit|accurate|the\s+truth))\s*\?",
    re.I,
)
# Where a stated clause gives way to the question it prompts: "..., so why wait?"
_ASKING_TAIL = compile_pattern(
    r"(?:[,;:—–]|\s-\s)\s*(?:(?:so|and|but|then)\s+)?(?:why|what|how|who|when|where|which)\b", re.I
)


def is_cited(text: str) -> bool:
    """Whether a stretch of prose carries a citation."""
    match = _CITATION.search(text)
    if match is None:
        return False
    if match.group().strip().isdigit() or match.group()[:1].isspace():
        # a trailing number: a reference only if the word before is not "type", "phase", ...
        return not _NOT_A_REFERENCE_NUMBER.search(text) or bool(_CITATION.search(text[: match.start()]))
    return True


@dataclass
class Sentence:
    """One sentence of a segment, with the context rules ask about."""

    segment: Segment
    start: int
    end: int
    following: str = ""  # the next sentence of the segment, for "right after it" citations
    examined: bool = False  # set out as a claim to examine, in a table's column of claims
    after_next: str = ""  # the sentence after that: a pair of quoted claims answered together
    critique: bool = False  # in a draft that takes claims apart (a fact-check): its quotations are mentions

    @property
    def text(self) -> str:
        return self.segment.text[self.start : self.end]

    @cached_property
    def _prefix(self) -> str:
        """A list item is read together with the "...:" line that introduces it."""
        if self.segment.lead_in and self.start == 0:
            return self.segment.lead_in.rstrip(": ") + " "
        return ""

    @property
    def with_lead_in(self) -> str:
        """The sentence as a reader takes it: a list item after the "...:" line that introduces it."""
        return self._prefix + self.text

    @cached_property
    def _scopes(self) -> list[tuple[int, int, int, int]]:
        text = self._prefix + self.text
        return negation_scopes(text, quotes_are_mentions=self.critique)

    def negated(self, start: int, end: int) -> bool:
        """Whether segment span [start, end) lies in the scope of a negation.

        A cue that starts inside the span does not count: "no side effects"
        is the claim itself, while "no treatment is completely safe" and
        "no studies show" negate it. A claim quoted only to be taken apart
        ("'Rosemary oil is BETTER than minoxidil!' Okay, let's talk about
        this one.") is negated as a whole.
        """
        if self._debunked or self.examined or self._crossed:
            return True
        shift = len(self._prefix) - self.start
        lo, hi = start + shift, end + shift
        # a zero-length cue marks a stretch that only what lies wholly inside it belongs to (a quoted mention)
        return any(
            s <= lo < e and (cue_start < lo or cue_start >= hi) and (cue_end > cue_start or hi <= e)
            for s, e, cue_start, cue_end in self._scopes
        )

    @cached_property
    def _crossed(self) -> bool:
        """A quotation marked wrong where it stands: 'ON SCREEN: 🚫 "Endless energy" 🚫 "Instant fix"'."""
        return self.text.lstrip()[:1] in '"“' and self.segment.text[: self.start].rstrip()[-1:] in CROSS_MARKS

    @cached_property
    def _debunked(self) -> bool:
        """A claim quoted and then taken apart, by itself or as someone else's words.

        '"Rosemary oil is BETTER than minoxidil!" Okay, let's talk about this one.'
        'One reader wrote, "It has no side effects." Another asked, "..." Neither is quite right.'
        """
        text = self.text.strip()
        if _BARE_REFUTATION.fullmatch(self.following):
            return True  # 'One page called it *FDA-approved for hair loss*. It isn't.'
        if not _QUOTE_END.search(text):
            # a quotation of two sentences, then the question about it:
            # '"Ketamine is totally safe. They use it on kids." Is that true?'
            following = self.following.strip()
            return (
                text[:1] in '"“'
                and not _CLOSE_QUOTE.search(text)
                and bool(_QUOTE_END.search(following))
                and not _OPEN_QUOTE.search(following)
                and bool(_IS_IT_TRUE.match(self.after_next))
            )
        if text[:1] in '"“':
            if _DEBUNK.match(self.following) or _IS_IT_TRUE.match(self.following):
                return True
            if _CONCEDED_THEN_DENIED.match(self.following):
                return True  # '"IV NAD+ works better than pills." An IV does get more in, but no trial has shown ...'
            # a run of quoted ads, then the question about them: '"Get your 20s back." "No side effects." Real?'
            after = self.following.strip()
            return after[:1] in '"“' and bool(_QUOTE_END.search(after)) and bool(_IS_IT_TRUE.match(self.after_next))
        if not _HEARSAY.match(text):
            return False
        if self.segment.kind == "heading":
            return True  # '## You may have read: "It's safer than vaccines"': a heading names what the section examines
        return bool(
            _DEBUNK.match(self.following) or (_HEARSAY.match(self.following) and _DEBUNK.match(self.after_next))
        )

    @cached_property
    def answered_with_harms(self) -> bool:
        """A quoted safety claim whose next sentence names the harms it leaves out.

        '"It's natural, so it's safe." Mushrooms can still cause panic ...',
        '"No side effects, it's your own cells." ... that carries real risks.'
        """
        text = self.text.strip()
        return text[:1] in '"“' and bool(_QUOTE_END.search(text)) and bool(_HARMS_NAMED.search(self.following[:200]))

    @cached_property
    def _hedging_phrase(self) -> bool:
        return bool(_HEDGE.search(self._prefix + self.text))

    def hedged(self, start: int, end: int) -> bool:
        """Whether the sentence hedges the claim at segment span [start, end).

        Hedging phrases ("some patients", "results vary") hedge the whole
        sentence; a modal ("may", "can") only hedges its own clause:
        "Since stress can weaken synapses, ketamine repairs them" is no hedge.
        """
        if self._hedging_phrase:
            return True
        text = self._prefix + self.text
        shift = len(self._prefix) - self.start
        lo, hi = start + shift, end + shift
        clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, lo)), default=0)
        after = _CLAUSE_BREAK.search(text, hi)
        clause_end = after.start() if after else len(text)
        if _ABSOLUTE.search(text, clause_start, clause_end):
            return False  # "can stop seizures completely": the modal hedges nothing
        return any(
            not _THAN_WHAT_COULD.search(text, clause_start, modal.end())
            for modal in _MODAL.finditer(text, clause_start, clause_end)
        )

    @cached_property
    def question(self) -> bool:
        text = self.text.rstrip(" \"'”’)*_" + CITE_MARK + PLACEHOLDER)
        if _RHETORICAL.match(text):
            return False  # "Why wait weeks for antidepressants?" asks nothing: it makes the claim
        if text.endswith("?"):
            return True
        return self.segment.kind == "heading" and bool(_QUESTION_WORD.match(text.lstrip("#* ")))

    @cached_property
    def _quoted_questions(self) -> list[re.Match]:
        text = self.text
        if "?" not in text:
            return []
        return [q for q in quotations(text) if ASKED_INSIDE.search(q.group())]

    @cached_property
    def _answered_yes(self) -> bool:
        """Whether the sentence is a question answered yes, bare, on the same line."""
        if not self.following or not _affirmed(self.following):
            return False
        gap_end = self.segment.text.find(self.following, self.end)
        return gap_end >= 0 and "\n" not in self.segment.text[self.end : gap_end]

    def asks(self, start: int, end: int) -> bool:
        """Whether the claim at segment span [start, end) is asked rather than stated.

        "Ketamine is first-line now, so why wait?" states its first clause and
        asks only the last one; "Is ketamine first-line, and why?" asks it all.
        A quoted question asks too: '"Is CBD FDA-approved?" (FAQ pin)'.
        """
        lo, hi = start - self.start, end - self.start
        if any(q.start() <= lo and hi <= q.end() for q in self._quoted_questions):
            return True
        if not self.question:
            # "My friend says there are no side effects. True?": the next sentence asks about this one
            return bool(_IS_IT_TRUE.match(self.following))
        if self._answered_yes:
            return False  # "Is CBD FDA-approved? Yep, and here's why that matters": answered, so claimed
        text = self.text
        tails = list(_ASKING_TAIL.finditer(text))
        tail = tails[-1] if tails else None
        if tail is None or end - self.start > tail.start():
            return True
        if _IS_IT_TRUE.match(text, tail.start()):
            return True  # '"Generic Ozempic" and "nature's Ozempic": what's real?' asks about what it names
        head = text[: tail.start()].lstrip('#*>-–—"“ \t')
        return bool(_QUESTION_WORD.match(head))

    @cached_property
    def cited(self) -> bool:
        if is_cited(self.text):
            return True
        following = self.following.strip()
        return bool(following) and bool(_CITATION_ONLY.fullmatch(following)) and is_cited(following)


# Harms named right after a quoted safety claim: the claim is answered, not made
_HARMS_NAMED = compile_pattern(
    r"\b(?:can|could|may|still|does|do)\s+(?:still\s+)?(?:cause|trigger|lead\s+to|carry|raise|interact|precipitate"
    r"|block)\b|\b(?:carries|carry|has|have)\s+(?:real\s+|serious\s+|the\s+)?risks?\b|\b(?:risks|side\s+effects|adverse"
    r"\s+(?:effects|events))\s+(?:include|are)\b|\bare\s+common\b|\bhas\s+(?:caused|been\s+linked)\b"
    r"|\b(?:does\s+not|doesn['’]t|won['’]t|will\s+not)\s+(?:remove|eliminate|prevent|erase)\s+(?:the\s+|all\s+)?(?:risks?|dangers?)\b",
    re.I,
)
# A sentence that is all quotation, and what may follow it to take it apart
_QUOTE_END = compile_pattern(r"[\"”][^\w\"”“]*$")
_DEBUNK = compile_pattern(
    r"\W*(?:(?:okay|ok|so|well|hmm|um)\W+)?(?:let['’]s\s+(?:talk\s+about|unpack|look\s+at"
    r"|break\s+(?:this|that|it)\s+down|fact[- ]check)|that['’]s\s+(?:a\s+myth|not\s+(?:true|what)|false|misleading)"
    r"|(?:also\s+)?not\s+(?:true|quite|so\s+fast|so\b)|false\b|myth\b|half[- ]true\b|partly\s+true\b|misleading\b"
    r"|(?:that|this|it)(?:\s+is|['’]s)?\s+(?:also\s+)?(?:not|isn['’]t)\s+(?:true|correct|accurate|right"
    r"|what\s+the\s+(?:data|evidence|research|studies|trials)\s+show)"
    r"|(?:that|this)(?:\s+is|['’]s)\s+(?:a|an|just\s+a|only\s+a)\s+(?:marketing|sales|advertising|ad)\s+(?:line|claim"
    r"|pitch|slogan)"
    # '"Ketamine cures migraines." No medicine cures migraine.', '"... so I can skip bloodwork." No.'
    r"|no\s+(?:[\w-]+\s+)?(?:medicine|treatment|drug|pill|product|supplement|therapy|one|study|trial|evidence"
    r"|research|data)s?\b|no\s*[.!,:;—–]|there\s+(?:is|are)\s+no\b|there['’]s\s+no\b|none\s+of\s+(?:them|these|those|it)\b"
    # the next sentence looks back at it: '"Up to 80% success!" Lines like this usually describe a narrow group.'
    r"|(?:lines|claims|phrases|promises|slogans|numbers|figures|headlines|taglines)\s+like\s+(?:this|these|that)\b"
    # a quoted claim marked wrong right after it: '"It's just generic Wegovy." ❌'
    r"|(?<=[❌🚩🛑])"
    # '"NAD+ reverses aging." It has not been shown to.', '"No side effects." We don't know its side effects'
    r"|(?:it|this|that|they)\s+(?:has|have)\s+(?:not|never)\s+been\s+(?:shown|proven|demonstrated|studied|tested)\b"
    r"|we\s+(?:don['’]t|do\s+not)\s+(?:know|have\s+(?:the\s+)?(?:evidence|data)|agree)\b"
    r"|the\s+(?:data|evidence|research|studies|trials|science)\s+(?:do|does|did)\s*(?:not|n['’]t)\s+(?:support|back|show)\b"
    r"|that['’]s\s+(?:the\s+)?one\s+(?:I|we)['’]d\s+push\s+back\s+on\b"
    r"|(?:the\s+)?(?:FDA|FTC|regulators)\s+(?:has|have)\s+(?:cited|flagged|called\s+out|warned\s+about)\b"
    r"|(?:almost\s+all|nearly\s+all|most|all)\s+(?:of\s+)?(?:the\s+)?(?:[\w+-]+\s+){0,2}?(?:research|studies|evidence"
    r"|data)\b[^.!?]{0,40}?\b(?:rats|mice|animals|cell\s+cultures|test\s+tubes|lab\s+dishes)\b"
    r"|it\s+(?:doesn['’]t|does\s+not|isn['’]t|is\s+not|won['’]t|can['’]t|hasn['’]t)\b|nope\b|wrong\b"
    r"|they\s+(?:aren['’]t|are\s+not|don['’]t|do\s+not|won['’]t)\b|it['’]s\s+not\b|they['’]re\s+not\b"
    r"|that\s+(?:overstates|exaggerates|oversells)\b|that['’]s\s+(?:an\s+)?(?:overstatement|exaggeration)\b"
    r"|neither\s+(?:one\s+|claim\s+)?(?:is|of\s+(?:these|those|them)\s+is)\s+(?:quite\s+|entirely\s+|exactly\s+)?"
    r"(?:right|true|correct|accurate)|both\s+are\s+(?:wrong|false|myths?|half-truths?)"
    r"|here['’]s\s+(?:the\s+truth|what\s+(?:the\s+)?(?:evidence|research|science)\s+(?:says|shows))"
    # '"It's FDA-approved and works in hours." That line shows up in a lot of ads. Almost none of it holds up.'
    r"|(?:almost\s+|nearly\s+)?none\s+of\s+(?:it|this|that)\s+(?:holds?\s+up|is\s+true|checks?\s+out|stands?\s+up)"
    r"|(?:that|this)\s+(?:line|claim|slogan|pitch|promise|phrase)\b[^.!?]{0,40}?\b(?:shows?|turns?)\s+up\s+(?:in|on)\b"
    # '"Accutane cures acne forever." We hear that slogan a lot, and it isn't quite right.'
    r"|(?:we|I)\s+(?:often\s+)?hear\s+(?:that|this|it)\b[^.!?]{0,60}?\b(?:it\s+)?(?:isn['’]t|is\s+not)\s+"
    r"(?:quite\s+|entirely\s+|exactly\s+)?(?:right|true|accurate|correct)\b)",
    re.I,
)
_CLOSE_QUOTE = compile_pattern(r'(?<=\w[.!?,])["”]|(?<=\w)["”]|”')
_OPEN_QUOTE = compile_pattern(r'(?:^|\s)["“]')
# A sentence that only denies the one before it: "It isn't.", "They don't.", "Not true."
_BARE_REFUTATION = compile_pattern(
    r"[\W_]*(?:(?:it|that|this|they|he|she)\s+(?:isn['’]t|is\s+not|aren['’]t|are\s+not|wasn['’]t|was\s+not"
    r"|weren['’]t|doesn['’]t|does\s+not|don['’]t|do\s+not|didn['’]t|did\s+not|hasn['’]t|has\s+not|haven['’]t"
    r"|won['’]t|can['’]t)|(?:also\s+)?not\s+(?:true|so)|(?:that['’]s\s+|that\s+is\s+)?(?:false|untrue|wrong)"
    # a denial answered in two words: '"Ketamine has no real side effects." It does.'
    r"|(?:it|they|he|she|you)\s+(?:does|do|is|are|can|has|have|will|did))[\W_]*",
    re.I,
)
# A point granted, then the claim denied: "An IV does get more into your bloodstream, but no trial has shown ..."
_CONCEDED_THEN_DENIED = compile_pattern(
    r"[^.!?]{0,120}?\b(?:but|yet|however)\b[^.!?]{0,80}?(?:\bno\s+(?:[\w-]+\s+)?(?:trial|study|studies|evidence|data"
    r"|research)\b|\b(?:hasn['’]t|has\s+not|haven['’]t|have\s+not)\s+been\s+(?:shown|proven|demonstrated)\b)",
    re.I,
)
# Someone else's words, quoted: 'One reader wrote, "..."', 'My buddy says "..."', 'Another asked, "..."'
_HEARSAY = compile_pattern(
    r"\W*(?:(?:(?:one|a|another|my|our|your|some)\s+)?(?:[\w-]+\s+)?(?:readers?|friends?|buddy|buddies|patients?"
    r"|customers?|clients?|followers?|listeners?|commenters?|person|guys?|women|men|parents?)|another|someone|others|people)"
    r"\s+(?:wrote|asked|said|says|told\s+(?:us|me)|tells\s+(?:us|me)|messaged|commented|emailed|posted|swears?)"
    r"[^\"“”]{0,12}[\"“]"
    # 'You've seen the ads online: "rock hard in fifteen minutes," ...'
    r"|\W*(?:(?:you['’]ve|you\s+have|you\s+(?:may|might)\s+have|you['’]ll\s+have|we['’]ve\s+all)\s+(?:seen|heard|read)"
    # 'You'll sometimes see claims like "it's plant-based, so it's totally safe."'
    r"|you(?:['’]ll|\s+will|\s+may|\s+might|\s+can)\s+(?:sometimes\s+|often\s+|still\s+|also\s+)?(?:see|hear|read))\b"
    r"(?:\s+(?:the\s+|these\s+|those\s+|some\s+)?(?:[\w-]+\s+)?(?:ads?|claims?|posts?|videos?|promises?|headlines?"
    r"|pitch(?:es)?|slogans?|lines?|taglines?)\b)?[^\"“”]{0,30}[\"“]",
    re.I,
)
_YES = r"yes|yep|yup|yeah|absolutely|definitely|of\s+course|totally|you\s+bet|100%"
# A question answered with a bare yes makes the claim it asks about: "Does CBD cure anxiety? With daily use, yes."
_AFFIRMATION = compile_pattern(r"\W*(?:[\w'’-]+\W+){0,5}?(?:" + _YES + r")(?![\w'’])", re.I)
# ... unless the answer qualifies it: "Yes, as an anesthetic", "Yes, but only ...", "Yes for some people"
_QUALIFIED_ANSWER = compile_pattern(
    r"\b(?:as\s+an?|only|but|not|no|except|some|may|might|can|could|if|when|depends|for\s+(?!good\b|life\b))\b"
    r"|n['’]t\b",
    re.I,
)


# A bare answer opening a reply: "Totally.", "A: Nope!", "Yes, 100%" (after an "A:" label, if any)
_ANSWER_LABEL = compile_pattern(r"[\W_]*(?:A|Ans|Answer|Spoiler|Short\s+answer)\s*[:.][\W_]*", re.I)
_FILLER = r"(?:(?:honestly|well|oh|so|um|lol|girl|babe|haha|totally|literally)\W+){0,2}"
# each captures the answer word, which a finding on the answer's line points at
# "How safe is it? Very." answers yes by degree
_BARE_YES = compile_pattern(
    r"[^\w]*" + _FILLER + r"(" + _YES + r"|for\s+sure|sure"
    r"|(?:very|extremely|super|incredibly|completely|perfectly)(?=\s*[.!,]|\s+safe\b))(?![\w'’])",
    re.I,
)
_BARE_NO = compile_pattern(
    r"[^\w]*"
    + _FILLER
    + r"(nope|nah|(?:no|not\s+at\s+all|not\s+really|none|zero|never|nothing|not\s+a\s+thing)(?=\s*[.!,;:—–]|\s*$))"
    r"(?![\w'’])",
    re.I,
)  # "No treatment is risk-free" opens with a determiner, not an answer
# what makes an answer more than bare: "Yes, but ...", "No, though some people ...", "Nope, as long as ..."
_ANSWER_HEDGE = compile_pattern(
    r"\b(?:but|only|except|some|may|might|if|when|depends|unless|although|though|however|usually|most|generally"
    r"|typically|rare|rarely|uncommon|as\s+long\s+as|under|talk\s+to|ask\s+your|check\s+with|caution|careful)\b",
    re.I,
)


def answer_given(answer: str) -> tuple[str, int, int] | None:
    """How a reply answers, when it opens with a bare yes or no and does not qualify it.

    ("yes" or "no", start, end of the answer word), so that a finding on the
    answer's own line points at "Nope", not at an "A:" or "Spoiler:" label.
    """
    label = _ANSWER_LABEL.match(answer)
    skip = label.end() if label else 0
    if _ANSWER_HEDGE.search(answer, skip):
        return None
    for kind, pattern in (("yes", _BARE_YES), ("no", _BARE_NO)):
        bare = pattern.match(answer, skip)
        if bare:
            return kind, bare.start(1), bare.end(1)
    return None


# what qualifies a bare answer in the sentence right after it: "No. ..., but if you need it every night, ..."
_QUALIFIED_NEXT = compile_pattern(
    # "No. It isn't a sedative. Some people do find it hard to stop, and that's worth talking about."
    r"\b(?:but|however|although|though|unless|except|caveat|talk\s+to|ask\s+your|check\s+with)\b"
    r"|\b(?:some|a\s+few|a\s+minority\s+of)\s+(?:people|patients|users|men|women|members|clients)\s+do\b",
    re.I,
)


# a share of a small whole, in figures or words: "9 in 10", "two out of three"
SHARE_OF_WHOLE = (
    r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out\s+of)\s+(?:\d{1,3}|three|four|five|ten)\b"
)
# those who get less, told after what most get: "Some people respond less", "Not everyone notices a change"
_SPREAD_NEXT = compile_pattern(
    r"\bnot\s+(?:everyone|everybody|all\s+(?:patients|people|members|clients))\b"
    r"|\b(?:some|others|other\s+people|a\s+few|a\s+minority|the\s+rest|the\s+remaining|everyone\s+else"
    rf"|(?:about|roughly|around)\s+(?:{SHARE_OF_WHOLE}|half|a\s+(?:third|quarter|fifth)))"
    r"\b[^.!?]{0,60}?\b(?:less|little|no|not|nothing|don['’]t|doesn['’]t|didn['’]t|never|shorter|smaller|slower|partial"
    r"|won['’]t|the\s+same|unchanged|worse)\b"
    # a share told as unchanged: "and 31% said about the same"
    r"|\b\d{1,2}\s?%\s+(?:said|reported|saw|felt|noticed|rated)\s+(?:[\w\"“”'’-]+\s+){0,3}?"
    r"(?:the\s+same|no\s+(?:change|difference|improvement)|unchanged|worse)\b"
    # "of those who don't, many improve gradually"
    r"|\b(?:those|people|patients|the\s+ones)\s+who\s+(?:don['’]t|do\s+not|didn['’]t|did\s+not)\b"
    # "For those it helps, relief is short-term": not everyone is helped
    r"|\b(?:for|in|among)\s+(?:those|the\s+people|people|the\s+ones|patients)\s+(?:it|this|they)\s+(?:helps|works\s+for)\b"
    # the problem that stays, or the care still needed: "some still have pain", "one in five still needs glasses",
    # "a small number need another operation"
    r"|\b(?:some|others|a\s+few|a\s+minority|a\s+small\s+number|one\s+in\s+(?:\d+|three|four|five|six|ten))\b"
    r"[^.!?]{0,40}?\b(?:still\s+(?:have|has|need|needs|get|gets|feel|feels|wear|wears)"
    r"|needs?\s+(?:another|a\s+second|a\s+repeat|more|further|extra|a\s+touch-up))\b"
    # "Lines that are deeply etched usually soften but don't vanish"
    r"|\b(?:usually|often|may|can|will)\s+(?:\w+\s+)?(?:soften|improve|fade|shrink|lessen|ease)\w*\s+but\s+"
    r"(?:don['’]t|do\s+not|doesn['’]t|won['’]t|rarely|seldom|not)\b",
    re.I,
)


# the risk that does remain, told right after a denial of addiction: "One caveat: ... after people stopped",
# "Some people need repeat courses, not because the body comes to depend on them"
_CAVEAT_NEXT = compile_pattern(
    r"\b(?:caveat|exception|withdrawal|discontinuation|rebound|taper\w*|depend\w*|stopping|stop\s+suddenly"
    r"|when\s+(?:you|people|patients)\s+stop|after\s+(?:you|people|patients)\s+stop\w*|come\s+off|coming\s+off)\b"
    # the benefit ends with the treatment: "for most people the benefit lasts only as long as the treatment does"
    r"|\b(?:lasts?|works?|continues?)\s+only\s+(?:as\s+long\s+as|while)\b"
    # "That doesn't make it risk-free."
    r"|\b(?:that|this|which)\s+(?:doesn['’]t|does\s+not)\s+make\s+(?:it|them|this)\s+"
    r"(?:risk-free|harmless|safe|side[- ]effect[- ]free)\b"
    # "The harm comes from the total dose over time."
    r"|\bthe\s+(?:real\s+|main\s+|bigger\s+|actual\s+)?(?:harm|risk|danger)s?\s+(?:comes?|is|are|lies|lie)\b",
    re.I,
)


# a survey or an audit that gives its size: "In our 2024 survey (412 responses)", "a March 2025 email survey of
# 1,046 customers", "our 2025 Member Sleep Survey, 4,210 members"
_SURVEY_SIZE = compile_pattern(
    r"\b(?:survey|audit|review|records|poll)\b[^.!?]{0,40}?(?:\bof\s+|\(\s*|\bn\s*=\s*|,\s*)\d[\d,]*\s+"
    r"(?:[\w,-]+\s+){0,5}?(?:customers|respondents|responses|people|patients|members|buyers|users|eyes|adults|clients"
    r"|shoppers|guests|women|men|subscribers|parents|readers|testers|volunteers|participants|owners|families)\b"
    # the survey told as a deed: "Driftroot surveyed 1,100 customers in 2024", "We asked 212 people who bought it"
    r"|\b(?:surveyed|polled|asked)\s+\d[\d,]*\s+(?:[\w-]+\s+){0,2}?(?:customers|people|patients|members|buyers|users|clients"
    r"|shoppers|subscribers|parents|readers|testers|owners|families)\b"
    # the people counted first: "of the 388 families who answered our 6-week follow-up survey"
    r"|\b\d[\d,]*\s+(?:[\w-]+\s+){0,2}?(?:customers|respondents|people|patients|members|buyers|users|clients|shoppers"
    r"|subscribers|parents|readers|testers|owners|families|women|men|adults)\s+(?:who|that)\s+(?:answered|completed"
    r"|responded\s+to|returned|filled\s+(?:in|out)|took)\s+(?:our|the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:survey|questionnaire|poll)\b",
    re.I,
)


def names_survey_size(text: str) -> bool:
    """Whether a text names a survey or an audit together with how many people it asked."""
    return bool(_SURVEY_SIZE.search(text))


# What the evidence did not show, told right after what it did: "However, studies have not shown a difference in
# pain", "The trials were small and short", "Other studies found no benefit"
_LIMIT_NEXT = compile_pattern(
    r"^\W*(?:[\w-]+,?\s+){0,6}?"
    r"(?:(?:studies|trials|research|reviews?|evidence|data)\s+(?:have|has|did|do|does)\s+not\s+(?:yet\s+)?(?:shown|found)"
    r"|(?:other|larger|later|newer|better)\s+(?:studies|trials)\s+(?:found|showed|have\s+found)\s+(?:(?:no|little)\s+"
    r"(?:difference|benefit|effect|improvement|change)|mixed\s+results)"
    r"|(?:the\s+|these\s+|those\s+)?(?:studies|trials)\s+(?:were|are)\s+(?:(?:all|mostly|very)\s+)?"
    r"(?:small|short|few|limited|early|preliminary|low[- ]quality|uncontrolled))\b",
    re.I,
)


# What the next sentence of the paragraph must tell for each "the other side, told right after" condition:
# spread, those who get less than the majority spoken of; caveat, the risk that remains after a denial of
# addiction; limited, what the evidence named did not show.
_NEXT_SENTENCE = {"spread": _SPREAD_NEXT, "caveat": _CAVEAT_NEXT, "limited": _LIMIT_NEXT}
NEXT_SENTENCE_CONDITIONS = tuple(_NEXT_SENTENCE)


def tells_other_side(condition: str, following: str) -> bool:
    """Whether a sentence gives what a claim in the sentence before it left out, as the condition asks."""
    return bool(_NEXT_SENTENCE[condition].search(following))


_SHARE = compile_pattern(r"\b(\d{1,3}(?:\.\d+)?)\s?(?:%|percent)|\b(\d{1,2})\s+(?:in|out\s+of)\s+(10|100)\b", re.I)


def tells_the_rest(claim: str, following: str) -> bool:
    """Whether a share in the claim and one told after it add up to the whole group.

    "83% reported no leaks; 17% had at least one" gives the spread, not only the best share.
    """
    found = _SHARE.search(claim)
    if found is None:
        return False
    first = _share(found)
    rest = [part for part, whole in map(_share, _SHARE.finditer(following)) if whole == first[1]]
    # one share for the rest ("17% had at least one"), or all of them ("25% said ..., and 7% ...")
    return any(abs(first[0] + part - first[1]) <= 1 for part in rest) or (
        len(rest) > 1 and abs(first[0] + sum(rest) - first[1]) <= 1
    )


def _share(match: re.Match) -> tuple[float, int]:
    """A share as (part, whole): "83%" is (83, 100), "9 in 10" is (9, 10)."""
    if match.group(1):
        return float(match.group(1)), 100
    return float(match.group(2)), int(match.group(3))


def qualifies_answer(following: str) -> bool:
    """Whether the sentence after a bare yes or no takes back its bareness."""
    return bool(_QUALIFIED_NEXT.search(following))


def _affirmed(answer: str) -> bool:
    match = _AFFIRMATION.match(answer)
    return match is not None and not _QUALIFIED_ANSWER.search(answer)
