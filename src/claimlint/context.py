"""What surrounds a match: the difference between a claim and honest writing.

"Ketamine cures depression" is a claim; "ketamine is not a cure", "does
ketamine cure depression?", "ketamine may ease depression for some people"
and "... improved symptoms in a randomized trial [1]" are not, or not the
same one. Each sentence is read for negation (with its scope, in the manner
of NegEx), hedging, questions and citations, and rules declare which of
these excuse them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from claimlint.compiled import compile_pattern
from claimlint.document import CITE_MARK, PLACEHOLDER, Segment

NEGATION_WINDOW = 12  # words a negation reaches forward, unless a terminator comes first

_W = r"(?<![\w'’])"
_E = r"(?![\w'’])"
_NEG_PRE = compile_pattern(
    _W + r"(?:no\s+(?:evidence|proof|data|study|studies|trial)s?(?:\s+(?:that|of|for|to\s+suggest))?"
    r"|(?:lack|absence)\s+of\s+(?:evidence|proof|data)|(?:little|insufficient|limited)\s+evidence\s+(?:that|for|of)"
    r"|fail(?:s|ed)?\s+to|unlikely\s+to|(?:claims?|claiming|promises?|promising)\s+that|so[- ]called"
    r"|avoid(?:s|ed|ing)?|myths?|not|no|never|neither|nor|none|nothing|nobody|without|cannot"
    r"|(?:is|are|was|were|does|do|did|has|have|had|should|would|could|must|can|wo|ca)n['’]t)" + _E,
    re.I,
)
# Claims reported of others, or advised against: "Ads promise breakthroughs", "NICE advises against ..."
# (kept apart from the other cues, and searched only when one of its words is there)
_NEG_REPORTED = compile_pattern(
    _W + r"(?:"
    r"(?:advis|recommend|warn|caution|argu)(?:e|es|s|ed|ing)?\s+against"
    # what others say is reported, not claimed: "Ads promise breakthroughs", "some clinics claim ..."
    r"|(?<!our\s)(?<!my\s)(?:ads|adverts|advertisements|advertisers|marketers|sellers|websites|sites|influencers"
    r"|companies|brands|(?:other|some|many)\s+(?:clinics|providers|companies|sellers|brands))\s+(?:promise|claim|tout"
    r"|advertise|boast|sell|market|promised|claimed|touted|advertised|called|call|described|describe|labeled"
    r"|label|billed|bill)"
    r"|(?:claiming|claims)\s+(?:its|their|that\s+its|that\s+their)"
    r"|(?:a|an|any|some|the)\s+(?:clinic|ad|advert|seller|company|brand|site|website|influencer|provider|marketer)s?"
    r"\s+(?:calling|that\s+calls|which\s+calls|claiming|promising|touting|sells|selling|markets|marketing|pitches"
    r"|pitching)"
    r"|(?:sold|marketed|hyped|billed|pitched|advertised|touted)\s+(?:like|as)"
    r")" + _E,
    re.I,
)
_REPORTED_WORDS = (
    "against", "claim", "promis", "tout", "advertis", "boast", "sell", "sold", "market", "call", "describ",
    "label", "bill", "hyped", "pitch",
)  # fmt: skip
_PSEUDO = compile_pattern(
    _W + r"(?:not\s+only|not\s+just|not\s+merely|no\s+(?:other|doubt|wonder|matter|longer|need|one\s+else)"
    r"|nothing\s+(?:else|short\s+of|like|compares|beats|works\s+(?:like|better|faster|as))|none\s+other"
    r"|never\s+(?:before|been)"
    r"|without\s+(?:a\s+doubt|question|fail)|can['’]t\s+wait|no[- ]brainer)" + _E,
    re.I,
)
_NEG_POST = compile_pattern(
    r"\b(?:is|are|was|were|remains?)\s+(?:(?:a\s+)?myths?|false|untrue|not\s+true|unfounded|unsupported"
    r"|misleading|unproven|not\s+supported|not\s+established|overstated|exaggerated)\b"
    r"|\b(?:has|have)\s+not\s+been\s+(?:shown|proven|established|demonstrated)\b",
    re.I,
)
_TERMINATOR = compile_pattern(
    r"[;:—]|\s[–-]\s"
    r"|,(?=\s*(?:and|but|so|yet|while|which|no|zero|without|nothing|never|not|it|it['’]s|we|you|they|this"
    r"|these|our|your|he|she|i|there|the|those|everything)\b)"
    r"|\b(?:but|however|although|though|yet|whereas|except|which|unlike|instead)\b",
    re.I,
)
_MODAL = compile_pattern(
    _W + r"(?:may|might|could|can|possibly|potentially|perhaps|probably|likely|appears?\s+to|seems?\s+to)" + _E,
    re.I,
)
_HEDGE = compile_pattern(
    _W + r"(?:suggests?|suggested|suggesting|some\s+(?:patients|people|individuals|adults|users|studies|research"
    r"|evidence|clinicians|trials|data|cases|women|men|children)|for\s+some|in\s+some|many\s+(?:patients|people)"
    r"|often|sometimes|occasionally|in\s+(?:small|early|preliminary|limited|a\s+few)\s+(?:studies|trials|research)"
    r"|small\s+(?:studies|trials|samples?)|early\s+(?:research|evidence|studies|data|results|findings|trials)"
    r"|emerging|preliminary|limited\s+(?:evidence|data)|results\s+(?:may\s+)?vary|individual\s+results|varies|vary"
    r"|not\s+everyone|not\s+all|(?:is|are)\s+being\s+(?:studied|investigated|explored)|under\s+(?:study|investigation)"
    r"|investigational|experimental|research\s+is\s+ongoing|in\s+certain|a\s+subset|selected\s+patients"
    r"|(?:is|are)\s+thought\s+to|believed\s+to|promising|associated\s+with|a\s+minority|(?:the\s+|at\s+the\s+)?earliest"
    # a trial result told against placebo: "83% of men ..., compared with about 28% on placebo"
    r"|(?:compared\s+(?:with|to)|versus|vs\.?)\s+(?:about\s+|around\s+|roughly\s+)?\d+(?:\.\d+)?\s?%\s+(?:\w+\s+){0,2}placebo)"
    + _E,
    re.I,
)
# Words that make a claim absolute, so that a modal in the same clause no longer hedges it
_ABSOLUTE = compile_pattern(
    _W + r"(?:completely|totally|entirely|permanently|forever|for\s+good|for\s+life|100\s?%|guaranteed"
    r"|never\s+again|instantly|overnight|every\s+(?:single\s+)?(?:time|one|patient|client|person)"
    r"|never\s+(?:did|could)|(?:couldn['’]t|could\s+not)\s+(?:do|touch|fix|match))" + _E,
    re.I,
)
_RHETORICAL = compile_pattern(
    r"\W*(?:so\s+)?why\s+(?:wait|settle|suffer|struggle|put\s+up\s+with|keep\s+(?:waiting|suffering|struggling|trying)"
    r"|live\s+with|go\s+on|cycle\s+through|bother\s+with|waste\s+(?:years|months|time))\b",
    re.I,
)
_CLAUSE_BREAK = compile_pattern(r"[,;:()—–]|\s-\s")
_CITATION = compile_pattern(
    CITE_MARK + r"|\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]"
    r"|\([^()]*?\b[A-Z][\w'’-]+(?:\s+et\s+al\.?|\s+(?:and|&)\s+[A-Z][\w'’-]+)?,?\s+(?:19|20)\d{2}[a-z]?\b[^()]*\)"
    r"|\b[A-Z][\w'’-]+\s+et\s+al\.?,?\s*\(?(?:19|20)\d{2}"
    r"|\bdoi:\s*10\.\d{4,}|\b10\.\d{4,9}/\S+|\bPMID:?\s*\d+|\bPMC\d{4,}|\bNCT\d{8}\b"
    r"|(?<=[.!?)\]a-z%])\s+\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\s*$"
)
_NOT_A_REFERENCE_NUMBER = compile_pattern(
    r"\b(?:type|stage|grade|phase|level|step|day|week|class|schedule|part|version|covid|top|than|under|over|only|just|to|of|in|at|by|about|after|within|for|every|month|months|year|years|hour|hours|session|sessions|dose|visit|cycle|round|tier|plan|option|age|ages)\s+\d{1,3}\s*$",
    re.I,
)
_CITATION_ONLY = compile_pattern(r"[\s(\[]*(?:" + _CITATION.pattern + r"|[\s,;.()\[\]]|\bibid\b)+[\s.)\]]*", re.I)
_AUXILIARY = r"(?:does|do|did|is|are|was|were|can|could|should|will|would|has|have|am)"
_QUESTION_WORD = compile_pattern(
    rf"{_AUXILIARY}\b|(?:what|how|why|who|which|when|where)(?:['’]s|\s+{_AUXILIARY}\b|\s+to\b)",
    re.I,
)
_WORD = compile_pattern(r"[\w'’]+")
# Where a stated clause gives way to the question it prompts: "..., so why wait?"
_ASKING_TAIL = compile_pattern(
    r"(?:[,;:—–]|\s-\s)\s*(?:(?:so|and|but|then)\s+)?(?:why|what|how|who|when|where|which)\b", re.I
)
_DETERMINERS = frozenset({"no", "without", "nothing", "none"})


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
        return negation_scopes(self._prefix + self.text)

    def negated(self, start: int, end: int) -> bool:
        """Whether segment span [start, end) lies in the scope of a negation.

        A cue that starts inside the span does not count: "no side effects"
        is the claim itself, while "no treatment is completely safe" and
        "no studies show" negate it. A claim quoted only to be taken apart
        ("'Rosemary oil is BETTER than minoxidil!' Okay, let's talk about
        this one.") is negated as a whole.
        """
        if self._debunked or self.examined:
            return True
        shift = len(self._prefix) - self.start
        lo, hi = start + shift, end + shift
        # a zero-length cue marks a stretch that only what lies wholly inside it belongs to (a quoted mention)
        return any(
            s <= lo < e and (cue_start < lo or cue_start >= hi) and (cue_end > cue_start or hi <= e)
            for s, e, cue_start, cue_end in self._scopes
        )

    @cached_property
    def _debunked(self) -> bool:
        """A claim quoted and then taken apart, by itself or as someone else's words.

        '"Rosemary oil is BETTER than minoxidil!" Okay, let's talk about this one.'
        'One reader wrote, "It has no side effects." Another asked, "..." Neither is quite right.'
        """
        text = self.text.strip()
        if not _QUOTE_END.search(text):
            return False
        if text[:1] in '"“':
            return bool(_DEBUNK.match(self.following))
        if not _HEARSAY.match(text):
            return False
        return bool(
            _DEBUNK.match(self.following) or (_HEARSAY.match(self.following) and _DEBUNK.match(self.after_next))
        )

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
        return bool(_MODAL.search(text, clause_start, clause_end))

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
        quotes = [*_QUOTATION.finditer(text), *_SINGLE_QUOTATION.finditer(text)]
        return [q for q in quotes if _ASKED_INSIDE.search(q.group())]

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
            return False
        if self._answered_yes:
            return False  # "Is CBD FDA-approved? Yep, and here's why that matters": answered, so claimed
        text = self.text
        tails = list(_ASKING_TAIL.finditer(text))
        tail = tails[-1] if tails else None
        if tail is None or end - self.start > tail.start():
            return True
        head = text[: tail.start()].lstrip('#*>-–—"“ \t')
        return bool(_QUESTION_WORD.match(head))

    @cached_property
    def cited(self) -> bool:
        if is_cited(self.text):
            return True
        following = self.following.strip()
        return bool(following) and bool(_CITATION_ONLY.fullmatch(following)) and is_cited(following)


# A sentence that is all quotation, and what may follow it to take it apart
_QUOTE_END = compile_pattern(r"[\"”][^\w\"”“]*$")
_DEBUNK = compile_pattern(
    r"\W*(?:(?:okay|ok|so|well|hmm|um)\W+)?(?:let['’]s\s+(?:talk\s+about|unpack|look\s+at"
    r"|break\s+(?:this|that|it)\s+down|fact[- ]check)|that['’]s\s+(?:a\s+myth|not\s+(?:true|what)|false|misleading)"
    r"|not\s+(?:true|quite|so\s+fast)|false\b|myth\b"
    r"|neither\s+(?:one\s+|claim\s+)?(?:is|of\s+(?:these|those|them)\s+is)\s+(?:quite\s+|entirely\s+|exactly\s+)?"
    r"(?:right|true|correct|accurate)|both\s+are\s+(?:wrong|false|myths?|half-truths?)"
    r"|here['’]s\s+(?:the\s+truth|what\s+(?:the\s+)?(?:evidence|research|science)\s+(?:says|shows)))",
    re.I,
)
# Someone else's words, quoted: 'One reader wrote, "..."', 'My buddy says "..."', 'Another asked, "..."'
_HEARSAY = compile_pattern(
    r"\W*(?:(?:(?:one|a|another|my|our|your|some)\s+)?(?:[\w-]+\s+)?(?:readers?|friends?|buddy|buddies|patients?"
    r"|customers?|clients?|followers?|listeners?|commenters?|person|guys?|women|men|parents?)|another|someone|others|people)"
    r"\s+(?:wrote|asked|said|says|told\s+(?:us|me)|tells\s+(?:us|me)|messaged|commented|emailed|posted|swears?)"
    r"[^\"“”]{0,12}[\"“]",
    re.I,
)
# What may stand between "Myth" and its colon: "Myth:", "Myth 1:", "Myth #4:"
_MYTH_LABEL = compile_pattern(r"\s*(?:#?\s*\d{1,2}|no\.\s*\d{1,2})?\s*")


def _parenthesis_end(text: str, position: int) -> int:
    """Where the parenthesis around ``position`` closes: an aside's negation stays in the aside.

    "(their words, not mine) It's safe" does not negate "It's safe".
    """
    opening = text.rfind("(", 0, position)
    if opening < 0 or text.find(")", opening, position) >= 0:
        return len(text)
    closing = text.find(")", position)
    return closing if closing >= 0 else len(text)


# A line marked wrong: "❌ Unmonitored home use." lists what not to do
_CROSSED = compile_pattern(r"^[\s*_>#-]*(?:❌|🚫|✖|✗|⛔|\[\s*x\s*\]\s*(?:don['’]t|avoid))")
_CROSS_OPENERS = frozenset(" \t*_>#-❌🚫✖✗⛔[")
# A condition, not an assertion: "If an ad calls it proven, ..." (to the first comma)
_IF_CLAUSE = compile_pattern(_W + r"(?:if|unless|whether)\b[^,;:.!?—]*", re.I)
# A question answered with a bare yes makes the claim it asks about: "Does CBD cure anxiety? With daily use, yes."
_AFFIRMATION = compile_pattern(
    r"\W*(?:[\w'’-]+\W+){0,5}?(?:yes|yep|yup|yeah|absolutely|definitely|of\s+course|totally|you\s+bet|100%)(?![\w'’])",
    re.I,
)
# ... unless the answer qualifies it: "Yes, as an anesthetic", "Yes, but only ...", "Yes for some people"
_QUALIFIED_ANSWER = compile_pattern(
    r"\b(?:as\s+an?|only|but|not|no|except|some|may|might|can|could|if|when|depends|for\s+(?!good\b|life\b))\b"
    r"|n['’]t\b",
    re.I,
)


def _affirmed(answer: str) -> bool:
    match = _AFFIRMATION.match(answer)
    return match is not None and not _QUALIFIED_ANSWER.search(answer)


# A short quotation inside a sentence mentions words rather than using them:
# 'posts about "cures"', 'something that "worked for everyone" didn't work for them'
_QUOTATION = compile_pattern(r"“[^“”]{1,80}”|\"[^\"]{1,80}\"")
# single quotes, read on their own: they nest inside double ones ("The leap to 'an IV bag reverses aging'")
_SINGLE_QUOTATION = compile_pattern(r"‘[^‘’]{1,80}’(?!\w)|(?<![\w'])'(?=\w)[^'\n]{1,80}?(?<=[\w.!?,])'(?!\w)")
_QUOTED_WORDS = 8
_ASKED_INSIDE = compile_pattern(r"\?\W{0,2}$")  # a quoted question asks: '"Is CBD FDA-approved?" (FAQ pin)'
# ... unless the quotation is someone's words given as theirs ("Dana says "it cured me"") or a name
# given to the product ("patients call it "a miracle"")
_SPEAKING = compile_pattern(
    r"(?:\b(?:says?|said|writes?|wrote|told\s+(?:us|me)|tells\s+(?:us|me)|shared|explains?|adds?|put\s+it"
    r"|call(?:s|ed|ing)?\s+(?:it|them|this|us|our\s+[\w-]+)(?:\s+(?:a|an|the))?|known\s+as|dubbed)|[:—–-])\W*$",
    re.I,
)


# A label that introduces claims to be examined: "Claim 1: ...", "Red flag: ...", "The pitch goes like this: ..."
_EXAMINED = compile_pattern(
    r"\b(?:(?:the\s+|a\s+|ad\s+|marketing\s+|viral\s+)?claim(?:\s*#?\s*\d{1,2})?|red\s+flags?(?:\s*#?\s*\d{1,2})?"
    r"|(?:the\s+)?(?:sales\s+)?(?:pitch|promise|hype)(?:\s+(?:goes|runs|reads)(?:\s+(?:like\s+this|something\s+like\s+this))?)?"
    r"|what\s+(?:the\s+)?(?:ads?|label|labels|site|sites|seller|sellers|clinics?)\s+(?:says?|claims?|promises?)"
    r"|(?:you['’]ll|you\s+will|you\s+may|you\s+might)\s+(?:see|hear|read)(?:\s+(?:things|claims|ads))?(?:\s+like)?)\s*:",
    re.I,
)
# A heading or lead that names a topic it goes on to explain: "A quick note on home use", "A word about cures"
_TOPIC_LEAD = compile_pattern(
    r"[\s#*_>-]*(?:a\s+)?(?:quick\s+|short\s+|brief\s+|final\s+)?(?:note|word|thought|question)s?\s+(?:on|about)\b",
    re.I,
)
# A quotation flagged as it is given: '"100% non-addictive" 🚩', '"Regrow a full head of hair" 🙄'
_FLAGGED_AFTER = compile_pattern(r"\s*[,.]?\s*(?:🚩|🙄|❌|🤨|🧐|🛑|⚠️?|\((?:false|no|nope|not\s+true|misleading)\))")


def _unasserted_scopes(text: str) -> list[tuple[int, int, int, int]]:
    """Stretches of a sentence that it does not assert.

    A crossed-out line, an if-clause, a quoted mention, and what a label such as
    "Claim 1:" or "The pitch goes like this:" introduces. Each is given as a
    negation scope whose cue stands at its start.
    """
    scopes = []
    if text[:1] in _CROSS_OPENERS and _CROSSED.match(text):
        scopes.append((0, len(text), 0, 0))
    colon = text.find(":", 0, 120)
    topic = _TOPIC_LEAD.match(text)
    if topic is not None:
        scopes.append((0, colon if colon >= 0 else len(text), 0, 0))
    label = _EXAMINED.search(text, 0, colon + 1) if colon >= 0 else None
    if label is not None and label.start() < 60:
        scopes.append((label.start(), len(text), label.start(), label.start() + 1))
    lowered = text.lower()
    if "if" in lowered or "unless" in lowered or "whether" in lowered:
        for clause in _IF_CLAUSE.finditer(text):
            scopes.append((clause.start(), clause.end(), clause.start(), clause.start() + 2))
    if '"' not in text and "“" not in text and "'" not in text and "‘" not in text:
        return scopes
    quotes = list(_QUOTATION.finditer(text)) if '"' in text or "“" in text else []
    if "'" in text or "‘" in text:
        quotes += _SINGLE_QUOTATION.finditer(text)
    for quote in quotes:
        if _ASKED_INSIDE.search(quote.group()):
            continue  # a quoted question asks (see Sentence.asks)
        if not _FLAGGED_AFTER.match(text, quote.end()):
            before = text[: quote.start()]
            if not _WORD.search(before) or _SPEAKING.search(before):
                continue
            if len(_WORD.findall(quote.group())) > _QUOTED_WORDS:
                continue
        scopes.append((quote.start(), quote.end(), quote.start(), quote.start()))
    return scopes


def negation_scopes(text: str) -> list[tuple[int, int, int, int]]:
    """(start, end, cue_start, cue_end) of each stretch of ``text`` a negation covers.

    A cue reaches forward up to NEGATION_WINDOW words or to a scope
    terminator ("but", "however", ";", ":", or a comma that starts a new
    clause or list item: "no needles, zero risk"); a post-cue ("... is a myth") reaches
    back the same way. Pseudo-negations ("not only", "no other") are no cue.
    """
    scopes = _unasserted_scopes(text)
    pre = list(_NEG_PRE.finditer(text))
    lowered = text.lower()
    if any(word in lowered for word in _REPORTED_WORDS):
        pre = sorted(pre + list(_NEG_REPORTED.finditer(text)), key=lambda m: m.start())
    post = list(_NEG_POST.finditer(text))
    if not pre and not post:
        return scopes
    pseudo = [(m.start(), m.end()) for m in _PSEUDO.finditer(text)]
    terminators = [m.start() for m in _TERMINATOR.finditer(text)]
    for cue in pre:
        if any(s <= cue.start() < e for s, e in pseudo):
            continue
        if cue.group().lower() in _DETERMINERS:  # "no pills, results guaranteed": "no" negates its noun phrase
            comma = text.find(",", cue.end())
            if comma >= 0:
                terminators_here = [t for t in terminators if t < comma] + [comma]
                limit = next((t for t in terminators_here if t >= cue.end() and text[cue.end() : t].strip()), comma)
                words = list(_WORD.finditer(text, cue.end(), limit))
                end = words[NEGATION_WINDOW - 1].end() if len(words) >= NEGATION_WINDOW else limit
                scopes.append((cue.start(), end, cue.start(), cue.end()))
                continue
        # "Myth: ..." negates what follows the colon, all of it; "No: it is off-label" answers a question
        myth = cue.group().lower().startswith("myth")
        label = _MYTH_LABEL.match(text, cue.end())
        if myth and text.startswith(":", label.end()):
            scopes.append((cue.start(), len(text), cue.start(), cue.end()))
            continue
        limit = next(
            (
                t
                for t in terminators
                if t >= cue.end() and (_MYTH_LABEL.fullmatch(text, cue.end(), t) is None or not myth)
            ),
            len(text),
        )
        limit = min(limit, _parenthesis_end(text, cue.start()))
        words = list(_WORD.finditer(text, cue.end(), limit))
        end = words[NEGATION_WINDOW - 1].end() if len(words) >= NEGATION_WINDOW else limit
        scopes.append((cue.start(), end, cue.start(), cue.end()))
    for cue in post:
        floor = max((t for t in terminators if t < cue.start()), default=0)
        words = list(_WORD.finditer(text, floor, cue.start()))
        start = words[-NEGATION_WINDOW].start() if len(words) >= NEGATION_WINDOW else floor
        scopes.append((start, cue.end(), cue.start(), cue.end()))
    return scopes
