"""What a sentence does not assert: negation and its scope, and words it only mentions.

"No treatment is completely safe" negates "completely safe" (NegEx: a cue and
the words it reaches); "posts about "cures"", "if an ad calls it proven" and
"❌ Spravato at home" mention a claim without making it. Each is given as a
stretch of the sentence, with the cue that opens it, for ``Sentence.negated``.
"""

from __future__ import annotations

import re

from claimlint.compiled import compile_pattern

NEGATION_WINDOW = 12  # words a negation reaches forward, unless a terminator comes first

_W = r"(?<![\w'’])"
_E = r"(?![\w'’])"
_NEG_PRE = compile_pattern(
    _W + r"(?:no\s+(?:evidence|proof|data|study|studies|trial)s?(?:\s+(?:that|of|for|to\s+suggest))?"
    r"|(?:lack|absence)\s+of\s+(?:evidence|proof|data)"
    r"|(?:little|insufficient|limited|scant)\s+(?:evidence|research|data)\s+(?:that|for|of|showing|to\s+show)"
    # "no large, independent, placebo-controlled trials showing that ..."
    r"|no\s+(?:[\w-]+,?\s+){1,4}?(?:trials?|stud(?:y|ies)|evidence|data|research)\s+(?:showing|that\s+shows?|to\s+show"
    r"|proving|that\s+proves?|demonstrating)"
    r"|(?:not|(?:are|is|was|were|am|do|does|did)n['’]t)\s+aware\s+of\s+(?:any\s+)?(?:[\w-]+\s+){0,2}?(?:evidence|proof|data|stud(?:y|ies)|trials?)"
    r"(?:\s+(?:that|showing|of|for))?"
    r"|fail(?:s|ed)?\s+to|unlikely\s+to|(?:claims?|claimed|claiming|promises?|promised|promising)\s+that|so[- ]called"
    r"|avoid(?:s|ed|ing)?|myths?|not|no|never|neither|nor|none|nothing|nobody|without|cannot"
    r"|rather\s+than(?=\s+(?:\w+ing|work|works|perform|produce|deliver|promise|cure|fix|be|a|an)\b)"
    r"|(?:is|are|was|were|does|do|did|has|have|had|should|would|could|must|can|wo|ca)n['’]t)" + _E,
    re.I,
)
# Claims reported of others, or advised against: "Ads promise breakthroughs", "NICE advises against ..."
# (kept apart from the other cues, and searched only when one of its words is there)
_NEG_REPORTED = compile_pattern(
    _W + r"(?:"
    r"(?:advis|recommend|warn|caution|argu)(?:e|es|s|ed|ing)?\s+against"
    # a warning about what others sell: "Be careful with ads for 'chronic Lyme' cures"
    r"|(?:beware\s+of|be\s+(?:careful|wary|cautious|skeptical|sceptical)\s+(?:with|of|about)|watch\s+out\s+for)"
    r"\s+(?:[\w'’-]+\s+){0,2}?(?:ads?|advertisements?|claims?|promises?|offers?|clinics?|sellers?|products?|websites?"
    r"|pitch(?:es)?|marketing)\b(?:\s+(?:for|of|that|promising|claiming|offering))?"
    # the naming as the subject of the sentence: "Calling it a miracle ignores the side effects"
    r"|(?<![\w'’,]\s)(?<![\w'’,])(?:calling|labell?ing|branding)\s+(?:it|this|that|them|these|semaglutide|ketamine"
    r"|[\w-]+)\s+(?:an?|the)(?=\s[^.!?]*?\b(?:(?:is|are|was)\s+(?:\w+\s+)?(?:wrong|misleading|unfair|inaccurate|false|untrue"
    r"|premature|a\s+stretch|an?\s+overstatement|hype|not|exaggerat\w*|unfounded|unsupported|irresponsible)"
    r"|ignores?|overlooks?|misses|oversells?|overstates?|hides?|glosses|misleads?|isn['’]t|aren['’]t)\b)"
    # what others say is reported, not claimed: "Ads promise breakthroughs", "some clinics claim ..."
    r"|(?<!our\s)(?<!my\s)(?:ads|adverts|advertisements|advertisers|marketers|sellers|websites|sites|influencers"
    r"|companies|brands|headlines|clinics|providers|(?:other|some|many)\s+(?:clinics|providers|companies|sellers|brands)"
    r"|(?:drip|IV|juice|oxygen)\s+bars|lounges|med\s+spas|spas|vendors|retailers|startups|apps|firms|bottles|labels"
    r"|packages|packaging|boxes|jars"
    r"|(?<=['’]s\s)(?:landing\s+|home\s+|sales\s+)?page|(?<=['’]s\s)(?:ad|post|listing|email|flyer|website|site))"
    r"\s+(?:(?:that|which|who)\s+)?(?:(?:often|sometimes|still|routinely|regularly|commonly|frequently|usually|also)\s+)?"
    r"(?:promise|claim|tout|calling|claiming|promising|touting|saying|say|says|said"
    r"|advertise|boast|sell|market|promised|claimed|touted|advertised|called|call|described|describe|labeled"
    r"|label|billed|bill)"
    r"|(?:claiming|claims)\s+(?:its|their|that\s+its|that\s+their)"
    # "eye patches claiming to work like Botox", "a tea that purports to melt fat"
    r"|(?:claiming|purporting|purports?|purported)\s+to"
    r"|(?:a|an|any|some|the)\s+(?:clinic|ad|advert|seller|company|brand|site|website|influencer|provider|marketer)s?"
    r"\s+(?:calling|that\s+calls|which\s+calls|claiming|promising|touting|sells|selling|markets|marketing|pitches"
    r"|that\s+(?:lists|mentions|shows|says|promises|claims)"
    r"|pitching)"
    r"|(?:sold|marketed|hyped|billed|pitched|advertised|touted)\s+(?:like|as)"
    r"|(?<!I\s)(?:swears?|swore)(?:\s+(?:that|by))?"
    r"|(?:advertisers|ads|sellers|clinics|companies|brands|marketers|influencers)\s+(?:told|tell|telling|said|say|saying"
    r"|wrote|write|claiming|promising)"
    r"(?:\s+(?:readers|patients|customers|viewers|people|consumers))?"
    r"|(?:\d+|a\s+few|several|some|many|others)\s+(?:of\s+them\s+)?(?:said|claimed|told\s+\w+|wrote|promised|implied"
    r"|suggested|hinted)"
    # "anyone who tells you one of these beats all the others is selling something"
    r"|(?:anyone|anybody|someone|whoever)\s+(?:who|that)?\s*(?:tells|told|promises|promised|says|said|claims|claimed"
    r"|promising|claiming|selling|offering)"
    r"(?:\s+(?:you|us|readers|patients))?(?:\s+that)?"
    # "I read online that these have no side effects", "My friend says there are basically no side effects"
    # "Many people come to us having read that ...", "You may have heard that ...", "patients who've been told that"
    r"|(?:(?:I|we|you|they|people|patients|customers|readers|who)(?:['’]ve)?\s+"
    r"(?:(?:may|might|probably|also|often|already|have|has|had)\s+){0,3}|having\s+(?:also\s+)?)"
    r"(?:read|heard|been\s+told)\s+(?:\w+\s+){0,2}?that"
    r"|(?:I|you)\s+saw\s+(?:\w+\s+){0,2}?that"
    # one patient's own account: "He reported no side effects."
    r"|(?:he|she)\s+(?:has\s+)?(?:reported|said|noticed)"
    r"|(?:my|a|one|your)\s+(?:friend|buddy|cousin|coworker|co-worker|neighbou?r|brother|sister|mom|dad|trainer|coach"
    r"|gym\s+buddy)\s+(?:says|said|told\s+me|claims|insists)"
    # "A post said IV vitamin C has no side effects"
    r"|(?:a|an|any|one|that|this|the|their|its|his|her)\s+(?:wellness\s+|fitness\s+|health\s+|popular\s+|viral\s+)?"
    r"(?:post|video|reel|tiktok|article|headline|ad|advert|influencer"
    r"|friend|website|site|commercial|meme|thread|comment|podcast|seller|clinic|brochure|flyer|pamphlet|mailer|label)s?\s+"
    r"(?:I\s+saw\s+|I\s+read\s+|I\s+follow\s+|I\s+watch\s+|I\s+know\s+|that\s+|which\s+)?"
    r"(?:said|says|claimed|claims|say|claim|calls\s+it|called\s+it"
    r"|told\s+(?:me|us|customers|readers|patients|people|viewers|followers|consumers|buyers)|promised|promises"
    r"|insisted|insists)"
    # a reporter's account of what was said to the public: "Another told readers that ...", "urged readers to"
    r"|(?:another|others)\s+(?:told|tells|said|says|wrote|claimed|promised|insisted)"
    # "People often say psilocybin beats antidepressants", "This frames testosterone as an anti-aging product"
    r"|(?:people|folks|many\s+people|some\s+people)\s+(?:often\s+|sometimes\s+|still\s+|always\s+)?(?:say|claim|believe)"
    r"|(?:this|that|the\s+(?:ad|page|copy|line|post|headline))\s+(?:frames|presents|positions|pitches)\b"
    r"|(?<!we\s)(?<!I\s)(?:urged|urges|encouraged|encourages|told|tells|assured|assures)\s+(?:readers|customers"
    r"|viewers|followers|consumers|buyers|shoppers)(?:\s+(?:that|to))?"
    r"|(?:FDA|the\s+agency|regulators?|the\s+label)\s+(?:has\s+)?(?:warned|warns|cautioned|cautions)(?:\s+that)?"
    # "that's very different from saying it's risk-free": the words are weighed, not said
    r"|(?:different|far)\s+from\s+(?:saying|claiming|calling\s+it|promising)(?:\s+that)?"
    r"|(?:\d+|a\s+few|several|some|many|others)\s+(?:of\s+them\s+)?(?:described|called|labeled|billed|marketed)"
    # what a named guideline says of the options: "The American Headache Society's 2016 review named ... as first-line"
    r"|(?:American\s+Headache\s+Society|AHS|CANMAT|VA/DoD|APA|NICE|ESMO|ASRA|AUA|guidelines?)(?:['’]s)?"
    r"\s+(?:[\w-]+\s+){0,6}?(?:named|lists?|listed|rates?|rated|recommends?|recommended|suggests?|suggested)"
    r")" + _E,
    re.I,
)
_REPORTED_WORDS = (
    "against", "claim", "promis", "tout", "advertis", "boast", "sell", "sold", "market", "call", "describ",
    "label", "bill", "hyped", "pitch", "swear", "swore", "told", "tell", "said", "say", "wrote", "write",
    "warn", "caution", "named", "list", "rate", "recommend", "suggest", "report", "notice", "urge", "encourag",
    "assur", "insist", "impl", "hint", "believe", "frame", "present", "position", "beware", "careful", "wary",
    "cautious", "skeptical", "sceptical", "watch out", "heard", "read ", "saw ",
)  # fmt: skip
_PSEUDO = compile_pattern(
    _W + r"(?:not\s+only|not\s+just|not\s+merely|no\s+(?:other|doubt|wonder|matter|longer|need|one\s+else)"
    r"|nothing\s+(?:else|short\s+of|like|compares|beats|works\s+(?:like|better|faster|as))|none\s+other"
    r"|never\s+(?:before|been)"
    r"|without\s+(?:a\s+doubt|question|fail)|can['’]t\s+wait|no[- ]brainer"
    # reassurance, not denial: "don't sweat getting hooked, since it isn't addictive"
    r"|(?:don['’]t|do\s+not)\s+(?:sweat|worry|stress|panic|fret|freak\s+out)|no\s+worries|not\s+to\s+worry)" + _E,
    re.I,
)
_DENIED_VERBS = ("cure", "cures", "treat", "treats", "heal", "heals", "fix", "fixes", "prevent", "prevents")
_NEG_POST = compile_pattern(
    r"\b(?:is|are|was|were|remains?)\s+(?:(?:a|an|only\s+a|just\s+a)\s+(?:hypothesis|theory|guess|speculation)\b"
    r"|(?:(?:a|another|a\s+common|a\s+popular|an\s+old|one\s+more)\s+)?myths?|false|untrue|not\s+true|unfounded|unsupported"
    r"|misleading|unproven|not\s+supported|not\s+established|overstated|exaggerated"
    r"|(?:not|never)\s+allowed|banned|off-limits|prohibited|forbidden|(?:a\s+)?red\s+flags?|warning\s+signs?"
    r"|not\s+an\s+option\b"
    r"|(?:allowed|permitted|acceptable)\s+only\s+(?:when|if|for|in|as)"
    # ""It's not addictive" is one of the claims we remove": the words are named, not said
    r"|(?:one\s+of\s+the|among\s+the|a|an|the|another)\s+(?:[\w-]+\s+){0,2}?(?:claims?|lines?|phrases?|slogans?"
    r"|red\s+flags?|myths?)\s+(?:we|you|to|that|people|ads|clinics|sellers|I|they)\b)\b"
    r"|\b(?:has|have)\s+not\s+been\s+(?:shown|proven|established|demonstrated)\b"
    # a result reported as null: "trials of ketamine in cancer pain have been consistently negative"
    r"|\b(?:were|have\s+been|has\s+been|proved|came\s+back)\s+(?:(?:consistently|largely|uniformly|mostly|so\s+far)\s+)?"
    r"(?:negative|disappointing|inconclusive)\b"
    r"|\b(?:doesn['’]t|does\s+not|don['’]t|do\s+not)\s+exist\b"
    r"|\b(?:isn['’]t|aren['’]t)\s+an\s+option\b"
    # "Clinically studied, yes. Clinically proven, no."
    r"|(?<=[\w\"”]),\s+(?:no|nope|not\s+really|not\s+quite|not\s+yet)(?=\s*[.!]?\s*$)"
    # "I expected a miracle and didn't get one"
    r"|\b(?:and|but)\s+(?:didn['’]t|did\s+not|never)\s+(?:get|got|found|find|see|saw)\s+(?:one|it|that|any)\b"
    # a quoted claim named as a kind of pitch: '"It flushes out toxins" is the other favorite'
    r"|(?<=[\"”]\s)(?:is|are)\s+(?:the\s+|a\s+|another\s+)?(?:other\s+)?(?:favorite|favourite|classic|common|popular"
    r"|perennial)\b"
    r"|(?<=[\"”]\s)(?:is|are)\s+(?:something|what|a\s+line|a\s+thing)\s+(?:I|we|you)\s+(?:hear|see|read)\b"
    # the object denies the verb: "Cooling gels ease the itch; they cure nothing."
    # ("nothing" first, then the verb behind it: a lookbehind tried at every position would triple the cost)
    r"|nothing(?:" + "|".join(f"(?<=\\b{verb}\\snothing)" for verb in _DENIED_VERBS) + r")(?=\s*(?:[.!;,)]|$))",
    re.I,
)
_TERMINATOR = compile_pattern(
    r"[;—]|:(?!\d)|[.!?](?=\s)|\s[–-]\s"  # a ratio's colon ("a 40:1 blend") ends nothing
    r"|,(?=\s*(?:and|but|so|yet|while|which|no|zero|without|nothing|never|not|it|it['’]s|we|you|they|this"
    r"|these|our|your|he|she|i|there|the|those|everything)\b)"
    r"|\b(?:but|however|although|though|yet|whereas|except|which|unlike|instead)\b",
    re.I,
)
# a quotation that ends right before a post-cue: '"It's natural, so it's safe" is another myth'
_QUOTED_BEFORE = compile_pattern(r"[\"“][^\"“”]{1,200}[\"”]\s*$")
_WORD = compile_pattern(r"[\w'’]+")
_LIST_COMMA = compile_pattern(r",\s*(?:no|zero|without|nothing|never|not)\b", re.I)
_DETERMINERS = frozenset({"no", "without", "nothing", "none"})

# "No" opening a clause's subject negates the clause ("No CBD product is approved to treat, cure or prevent ..."),
# and may be followed by an aside before the verb ("No product, this one included, is ...")
_VERB = r"(?:is|are|was|were|has|have|had|can|could|will|would|does|do|did|should|may|might|must)\b"
_SUBJECT_VERB = compile_pattern(r"(?:\s+[\w'’-]+){1,5}?\s+" + _VERB, re.I)
_PRONOUN_VERB = compile_pattern(r"\s+" + _VERB, re.I)
_ASIDE_VERB = compile_pattern(r",[^,.;:!?]{1,40},\s*" + _VERB, re.I)
# a negated list as the subject: "no diet, supplement or medicine cures it"
_LIST_SUBJECT = compile_pattern(
    r"(?:\s+[\w'’-]+){1,2}?(?:,\s*[\w'’-]+(?:\s+[\w'’-]+)?){1,4},?\s+(?:or|nor)\s+[\w'’-]+(?:\s+[\w'’-]+)?\s+(?=\w)",
    re.I,
)

# What may stand between "Myth" and its colon: "Myth:", "Myth 1:", "Myth #4:"
# "Myth we also hear:", "Myth of the month:"
_MYTH_LABEL = compile_pattern(r"\s*(?:#?\s*\d{1,2}|no\.\s*\d{1,2})?(?:\s*[\w'’]+){0,6}?\s*")
_MYTH_COLON = compile_pattern(_MYTH_LABEL.pattern + ":")


def _parenthesis_end(text: str, position: int) -> int:
    """Where the parenthesis around ``position`` closes: an aside's negation stays in the aside.

    "(their words, not mine) It's safe" does not negate "It's safe".
    """
    opening = text.rfind("(", 0, position)
    if opening < 0 or text.find(")", opening, position) >= 0:
        return len(text)
    closing = text.find(")", position)
    return closing if closing >= 0 else len(text)


# Marks that cross out what follows them
CROSS_MARKS = frozenset("❌🚫✖✗⛔")
# A line marked wrong: "❌ Unmonitored home use." lists what not to do
_CROSSED = compile_pattern(rf"^[\s*_>#-]*(?:[{''.join(sorted(CROSS_MARKS))}]|\[\s*x\s*\]\s*(?:don['’]t|avoid))")
_CROSS_OPENERS = frozenset(" \t*_>#-[") | CROSS_MARKS
# A condition, not an assertion: "If an ad calls it proven, ..." (to the first comma)
_IF_CLAUSE = compile_pattern(_W + r"(?:if|unless|whether)\b[^,;:.!?—]*", re.I)
# A short quotation inside a sentence mentions words rather than using them:
# 'posts about "cures"', 'something that "worked for everyone" didn't work for them'
QUOTATION = compile_pattern(r"“[^“”]{1,80}”|\"[^\"]{1,80}\"")
# single quotes, read on their own: they nest inside double ones ("The leap to 'an IV bag reverses aging'")
SINGLE_QUOTATION = compile_pattern(r"‘[^‘’]{1,80}’(?!\w)|(?<![\w'])'(?=\w)[^'\n]{1,80}?(?<=[\w.!?,])'(?!\w)")
_QUOTED_WORDS = 8
ASKED_INSIDE = compile_pattern(r"\?\W{0,2}$")  # a quoted question asks: '"Is CBD FDA-approved?" (FAQ pin)'
# ... unless the quotation is someone's words given as theirs ("Dana says "it cured me"") or a name
# given to the product ("patients call it "a miracle"")
# a phrase written only under a condition is a mention: 'We only write "clinically proven" when we can name the trial'
_USED_ONLY_IF = compile_pattern(
    r"[\W_]*\s*(?:only\s+)?(?:when|unless|if|until)\s+(?:we|you|they|it|the|a|an|there)\b", re.I
)
_SPEAKING = compile_pattern(
    r"(?:\b(?:says?|said|writes?|wrote|told\s+(?:us|me)|tells\s+(?:us|me)|shared|explains?|adds?|put\s+it"
    r"|call(?:s|ed|ing)?\s+(?:it|them|this|us|our\s+[\w-]+)(?:\s+(?:a|an|the))?|known\s+as|dubbed)|[:—–-])\W*$",
    re.I,
)


# A label that introduces claims to be examined: "Claim 1: ...", "Red flag: ...", "The pitch goes like this: ..."
_EXAMINED = compile_pattern(
    r"\b(?:(?:the\s+|a\s+|ad\s+|marketing\s+|viral\s+)?claim(?:\s*#?\s*\d{1,2})?"
    r"(?:\s+(?:on|in|from)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?|red[\s-]+flags?(?:\s*#?\s*\d{1,2})?"
    # "Red flags in clinic ads:", "Red flags to watch for in any listing:"
    r"(?:\s+(?:in|on|from|to\s+watch\s+for|to\s+look\s+for)(?:\s+[\w'’-]+){1,4})?"
    # a reviewer's redline: "Rejected headline:", "Original copy:", "Flagged line:"
    r"|(?:rejected|original|flagged|struck|removed|draft|submitted|proposed)\s+(?:headline|line|copy|claim|caption|text"
    r"|version|wording|subject\s+line|tagline|slogan|bullet)"
    # "The most common line on them:", "Their favourite slogan:"
    r"|(?:most\s+)?(?:common|usual|typical|favou?rite|popular|classic|standard)\s+(?:line|claim|pitch|slogan|tagline"
    r"|phrase|promise|wording)s?(?:\s+(?:on|in|from)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+)?"
    r"|(?:the\s+)?(?:sales\s+)?(?:pitch|promise|hype)(?:\s+(?:goes|runs|reads)(?:\s+(?:like\s+this|something\s+like\s+this))?)?"
    r"|what\s+(?:the\s+)?(?:ads?|label|labels|site|sites|seller|sellers|clinics?)\s+(?:says?|claims?|promises?)"
    r"|(?:you['’]ll|you\s+will|you\s+may|you\s+might)\s+(?:see|hear|read)(?:\s+(?:things|claims|ads))?(?:\s+like)?"
    r"|(?:one\s+)?(?:more\s+)?(?:we|you)\s+(?:hear|see|read)\s+(?:a\s+lot|often|all\s+the\s+time|everywhere)"
    # a source that is not the writer: "A video making the rounds says:", "The same post also claims:"
    r"|\b(?:videos?|posts?|ads?|adverts?|articles?|influencers?|tiktoks?|reels?|comments?|headlines?|websites?|sites?"
    r"|clips?|threads?|rumou?rs?)\b[^:\"“]{0,50}?\b(?:says?|said|claims?|claimed|promises?|promised|tells\s+(?:you|viewers))"
    # what a named guideline says: "CANMAT 2016: first-line for ...", "VA/DoD (2022):"
    r"|\b(?:CANMAT|VA/DoD|APA|AHS|NICE(?:\s+NG\d+)?|ESMO|ASRA|AAPM|AUA|ACOG|AACE|Endocrine\s+Society)\s*\(?(?:19|20)\d{2}\)?"
    r")\s*:",
    re.I,
)
# A heading or lead that names a topic it goes on to explain: "A quick note on home use", "A word about cures"
_TOPIC_LEAD = compile_pattern(
    r"[\s#*_>-]*(?:a\s+)?(?:quick\s+|short\s+|brief\s+|final\s+)?(?:note|word|thought|question)s?\s+(?:on|about)\b",
    re.I,
)
# A quotation flagged as it is given: '"100% non-addictive" 🚩', '"Regrow a full head of hair" 🙄'
# (or questioned: '"Non-addictive"? What the ads get wrong')
_FLAGGED_AFTER = compile_pattern(r"\s*[,.]?\s*(?:🚩|🙄|❌|🤨|🧐|🛑|⚠️?|\((?:false|no|nope|not\s+true|misleading)\)|\?)")
# A quotation denied by what follows it: '"Made with an FDA-approved ingredient" doesn't mean what the ad hopes'
_DENIED_AFTER = compile_pattern(
    r"[\W_]*\s*(?:(?:doesn['’]t|does\s+not|don['’]t|do\s+not|isn['’]t|is\s+not|aren['’]t|are\s+not|won['’]t|can['’]t)\s+"
    r"(?:(?:always|really|necessarily|actually)\s+)?(?:mean|equal|make|prove|guarantee|tell|hold\s+up|true)\b"
    r"|(?:is|are|was)\s+(?:(?:just|only|mostly|pure)\s+)?(?:a\s+|an\s+)?(?:myth|misleading|false|wrong|hype|marketing"
    r"|not\s+true|half[- ]true|overstated|an?\s+overstatement)\b)",
    re.I,
)


def quotations(text: str) -> list[re.Match]:
    """The quotations of a text, in double quotes and then in single ones (which may nest inside them)."""
    found = list(QUOTATION.finditer(text)) if '"' in text or "“" in text else []
    if "'" in text or "‘" in text:
        found += SINGLE_QUOTATION.finditer(text)
    return found


# scare quotes around a harm ('finasteride "side effects"') belittle it: those stay claims
_HARM_WORD = compile_pattern(r"\b(?:side|effects?|risks?|dangers?|addict\w*|withdrawal|harms?|crash|toxic\w*)\b", re.I)
# a lead that introduces words to avoid, not claims: "Words that send copy straight back for revision:"
_WORD_LIST_LEAD = compile_pattern(
    r"\b(?:words|phrases|terms|buzzwords|wording|language|red[- ]flag\s+(?:words|phrases|terms))\b"
    r"(?:\s+(?:that|to|we|you|which|like|such)\b|\s*$)",
    re.I,
)


_SAYING_AFTER = compile_pattern(
    r"\s+(?:\w+\s+)?(?:describe|call|say|claim|write|promise|present|market|advertise|label|refer\s+to)\b", re.I
)
STRUCK = compile_pattern(r"~~[^~]+~~")
_REWRITE_BEFORE = compile_pattern(
    r"[\W_]*(?:before|instead\s+of|not\s+this|don['’]t\s+(?:write|say)|do\s+not\s+(?:write|say)|old\s+(?:copy|version)"
    r"|rejected|not\s+approved|avoid|wrong)"
    r"[\W_]*:",
    re.I,
)
_REWRITE_LABEL = compile_pattern(r"(?<![\w'’])(?:Before|Rejected|Not\s+approved|Don['’]t\s+write|Do\s+not\s+write)\s*:")
_REWRITE_AFTER = compile_pattern(
    r"\b(?:after|instead|write|say|better|try|revised|rewrite|new\s+(?:copy|version)|approved|use|right)[\W_]*:", re.I
)


def _unasserted_scopes(text: str, quotes_are_mentions: bool) -> list[tuple[int, int, int, int]]:
    """Stretches of a sentence that it does not assert.

    A crossed-out line, an if-clause, a quoted mention, and what a label such as
    "Claim 1:" or "The pitch goes like this:" introduces. Each is given as a
    negation scope whose cue stands at its start. ``quotes_are_mentions``: every
    quotation is one (a fact-check quotes the claims it takes apart).
    """
    scopes = []
    if text[:1] in _CROSS_OPENERS and _CROSSED.match(text):
        scopes.append((0, len(text), 0, 0))
    colon = text.find(":", 0, 120)
    topic = _TOPIC_LEAD.match(text)
    if topic is not None:
        scopes.append((0, colon if colon >= 0 else len(text), 0, 0))
    if colon >= 0 and _WORD_LIST_LEAD.search(text, 0, colon):
        scopes.append((colon, len(text), colon, colon + 1))  # "Words that send copy back: cure, miracle, ..."
    if "~~" in text:
        for struck in STRUCK.finditer(text):  # a redline's deleted words: '~~"No side effects."~~'
            scopes.append((struck.start(), struck.end(), struck.start(), struck.start()))
    if colon >= 0:
        # a rewrite shown as before and after: 'Before: "Say goodbye to weight for good" After: "..."', also
        # after a list's lead-in: "Risks: don't soften them" + "Rejected: "No side effects." Approved: ..."
        before = _REWRITE_BEFORE.match(text) or _REWRITE_LABEL.search(text, 0, 160)
        if before is not None:
            after = _REWRITE_AFTER.search(text, before.end())
            scopes.append((before.start(), after.start() if after else len(text), before.start(), before.start()))
    label = _EXAMINED.search(text, 0, colon + 1) if colon >= 0 else None
    if label is not None and label.start() < 60:
        scopes.append((label.start(), len(text), label.start(), label.start() + 1))
    lowered = text.lower()
    if "if" in lowered or "unless" in lowered or "whether" in lowered:
        for clause in _IF_CLAUSE.finditer(text):
            scopes.append((clause.start(), clause.end(), clause.start(), clause.start() + 2))
    for quote in quotations(text):
        if quotes_are_mentions:
            scopes.append((quote.start(), quote.end(), quote.start(), quote.start()))
            continue
        if ASKED_INSIDE.search(quote.group()):
            continue  # a quoted question asks (see Sentence.asks)
        if not (
            _FLAGGED_AFTER.match(text, quote.end())
            or _USED_ONLY_IF.match(text, quote.end())
            or _DENIED_AFTER.match(text, quote.end())
        ):
            before = text[: quote.start()]
            if not _WORD.search(before) or _SPEAKING.search(before):
                continue
            if len(_WORD.findall(quote.group())) > _QUOTED_WORDS:
                continue
        if len(_WORD.findall(quote.group())) <= 2 and not _HARM_WORD.search(quote.group()):
            # scare quotes: 'psilocybin "rewires" the brain' keeps its distance from the word and what it governs
            scopes.append((quote.start(), quote.end(), quote.start(), quote.start() + 1))
            continue
        scopes.append((quote.start(), quote.end(), quote.start(), quote.start()))
    return scopes


_COORDINATED = compile_pattern(r"(?:\band|\bor|\bnor|,)\s+$", re.I)


def _next_no(text: str, cues: list[re.Match], cue: re.Match) -> int:
    """Where a "no" coordinated after this "no" starts: each denies its own noun phrase.

    "No adjustment period and no side effects": the second "no" is a claim of
    its own, not something the first one negates.
    """
    if cue.group().lower() != "no":
        return len(text)
    coordinated = (
        other.start()
        for other in cues
        if other.start() > cue.end()
        and other.group().lower() == "no"
        and _COORDINATED.search(text, max(0, other.start() - 6), other.start())
    )
    return next(coordinated, len(text))


def negation_scopes(text: str, quotes_are_mentions: bool = False) -> list[tuple[int, int, int, int]]:
    """(start, end, cue_start, cue_end) of each stretch of ``text`` a negation covers.

    A cue reaches forward up to NEGATION_WINDOW words or to a scope
    terminator ("but", "however", ";", ":", or a comma that starts a new
    clause or list item: "no needles, zero risk"), or to a "no" coordinated after it
    ("no downtime and no side effects"); a post-cue ("... is a myth") reaches
    back the same way. Pseudo-negations ("not only", "no other") are no cue.
    """
    scopes = _unasserted_scopes(text, quotes_are_mentions)
    pre = list(_NEG_PRE.finditer(text))
    lowered = text.lower()
    reported: set[int] = set()
    if any(word in lowered for word in _REPORTED_WORDS):
        others = list(_NEG_REPORTED.finditer(text))
        reported = {m.start() for m in others}
        pre = sorted(pre + others, key=lambda m: m.start())
    post = list(_NEG_POST.finditer(text))
    if not pre and not post:
        return scopes
    pseudo = [(m.start(), m.end()) for m in _PSEUDO.finditer(text)]
    terminators = [m.start() for m in _TERMINATOR.finditer(text)]
    for cue in pre:
        if any(s <= cue.start() < e for s, e in pseudo):
            continue
        skip_to = cue.end()
        if cue.group().lower() in _DETERMINERS:  # "no pills, results guaranteed": "no" negates its noun phrase
            comma = text.find(",", cue.end())
            subject = _SUBJECT_VERB.match(text, cue.end())  # "No CBD product is ..."
            if subject is None and cue.group().lower() != "no":
                subject = _PRONOUN_VERB.match(text, cue.end())  # "none is meant to diagnose, treat, cure ..."
            if subject is None:
                subject = _LIST_SUBJECT.match(text, cue.end())
            opens_clause = comma < 0 or subject is not None
            aside = None if opens_clause else _ASIDE_VERB.match(text, comma)
            if subject is not None:
                skip_to = subject.end()  # the clause's words are counted from its verb, not from its subject
            elif aside is not None:
                skip_to = aside.end()  # "No CBD product, this one included, is approved to ...": the whole clause
            elif not opens_clause:
                terminators_here = [t for t in terminators if t < comma] + [comma]
                limit = next((t for t in terminators_here if t >= cue.end() and text[cue.end() : t].strip()), comma)
                words = list(_WORD.finditer(text, cue.end(), limit))
                end = words[NEGATION_WINDOW - 1].end() if len(words) >= NEGATION_WINDOW else limit
                scopes.append((cue.start(), min(end, _next_no(text, pre, cue)), cue.start(), cue.end()))
                continue
        # "Myth: ..." negates what follows the colon, all of it; "No: it is off-label" answers a question
        myth = cue.group().lower().startswith("myth")
        if myth and _MYTH_COLON.match(text, cue.end()):
            scopes.append((cue.start(), len(text), cue.start(), cue.end()))
            continue
        limit = next(
            (
                t
                for t in terminators
                if t >= skip_to
                and (_MYTH_LABEL.fullmatch(text, cue.end(), t) is None or not myth)
                # what others promise is a list: "Ads that promise a cure, no side effects or ..."
                and not (cue.start() in reported and _LIST_COMMA.match(text, t))
            ),
            len(text),
        )
        limit = min(limit, _parenthesis_end(text, cue.start()))
        if _SAYING_AFTER.match(text, cue.end()):
            # "Do not describe it as a cure, as safe for everyone, or as better than standard care": all it lists
            scopes.append((cue.start(), len(text), cue.start(), cue.end()))
            continue
        words = list(_WORD.finditer(text, skip_to, limit))
        end = words[NEGATION_WINDOW - 1].end() if len(words) >= NEGATION_WINDOW else limit
        scopes.append((cue.start(), min(end, _next_no(text, pre, cue)), cue.start(), cue.end()))
    for cue in post:
        floor = max((t for t in terminators if t < cue.start()), default=0)
        quoted = _QUOTED_BEFORE.search(text, 0, cue.start())
        if quoted is not None:
            floor = min(floor, quoted.start())  # '"It's natural, so it's safe" is a myth': the whole quotation
        words = list(_WORD.finditer(text, floor, cue.start()))
        start = words[-NEGATION_WINDOW].start() if len(words) >= NEGATION_WINDOW else floor
        scopes.append((start, cue.end(), cue.start(), cue.end()))
    return scopes
