"""Checks that need knowledge, not just phrases: approval status, disclosures, labels, guidelines.

Each check is one small function named by a rule's ``check:`` key; the rule
(in YAML) carries the message, rationale, sources, suggestion and examples.
The functions read a document through ``DocumentView``: its sentences, the
products and conditions they name, and their context.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from claimlint.compiled import compile_pattern
from claimlint.context import SHARE_OF_WHOLE, Sentence
from claimlint.document import PLACEHOLDER
from claimlint.findings import Finding
from claimlint.knowledge import DOSAGE_FORMS, Guideline, KnowledgeBase, Mention, Restriction
from claimlint.patterns import literal_alternation, phrase_requirements
from claimlint.view import PATTERN_WORDS, Claim, DocumentView, risk_named

_OFF_LABEL = compile_pattern(
    r"\boff[- ]?label\b|\bunlabell?ed\s+uses?\b"
    r"|\boutside\s+(?:of\s+)?(?:its|their|the|an?)\s+(?:FDA[- ]?)?(?:approved\s+|labell?ed\s+)?"
    r"(?:uses?|indications?|labell?ing|label)\b"
    # "anesthesia remains its only labeled use", "fibromyalgia is not on its label"
    r"|\b(?:only|sole)\s+(?:labell?ed|approved|FDA[- ]?approved)\s+(?:use|indication)\b"
    r"|\bnot\s+on\s+(?:its|the|their)\s+label\b"
    # the approval named as the only one: "approved only for anesthesia", "approved as an anesthetic, not for ..."
    r"|\b(?:approved|labell?ed)\s+(?:only\s+(?:for|as)\b|(?:for|as)\s+[^.;]{1,40}?\s+only\b)"
    r"|\bapproved\s+(?:for|as)\s+[^.;]{1,60}?,\s*(?:but\s+)?not\s+(?:for|as)\b"
    r"|\bapproval\s+(?:covers|is\s+for)\s+[^.;]{1,40}?\b(?:alone|only)\b",
    re.I,
)
_NOT_APPROVED = compile_pattern(
    r"\b(?:not|never)\s+(?:been\s+|yet\s+)?(?:FDA[- ]?)?approved\b"
    # "No semaglutide drop, patch or spray is FDA-approved", "No stem cell, exosome or amniotic product is FDA-approved"
    r"|\bno\s+[^.;:!?]{0,80}?\b(?:is|are|has\s+been|have\s+been)\s+(?:yet\s+)?"
    r"(?:FDA[- ]?approved|approved\s+by\s+the\s+FDA)\b"
    r"|\bnot\s+(?:an?\s+)?FDA[- ]?approved\b"
    # "no FDA-approved ketamine product" (but "no FDA-approved treatment for ME/CFS" speaks of the condition)
    r"|\bno\s+FDA[- ]?approved\b(?!\s+(?:treatments?|medicines?|medications?|drugs?|therap(?:y|ies)|cures?|options?)\s+"
    r"(?:for|exists?|is\s+available|are\s+available)\b)"
    r"|\b(?:isn['’]t|aren['’]t|hasn['’]t\s+been|haven['’]t\s+been)\s+(?:FDA[- ]?)?approved\b"
    r"|\b(?:FDA|Food\s+and\s+Drug\s+Administration)\s+(?:has|have)\s+(?:not|never)\s+(?:yet\s+)?approved\b"
    r"|\b(?:FDA|Food\s+and\s+Drug\s+Administration)\s+(?:has|have)n['’]t\s+approved\b"
    r"|\bunapproved\b"
    # "which of our treatments is FDA-approved for depression, which is not, and ...": the topics of a page
    r"|\bwhich\s+(?:ones?\s+|of\s+them\s+)?(?:is|are)(?:\s+not|n['’]t)\b(?=\s*(?:[,;.)]|and\b|$))"
    # "Supplements don't need FDA approval before they go on sale"
    r"|\b(?:do|does|did)(?:n['’]t|\s+not)\s+(?:need|require|get|go\s+through)\s+(?:FDA\s+approval|approval\s+from"
    r"\s+the\s+FDA|to\s+be\s+(?:FDA[- ])?approved)\b"
    r"|\b(?:without|lacks?|lacking|(?:has|have|had)\s+no|holds?\s+no)\s+FDA\s+approval\b"
    r"|\bno\s+(?:[\w+-]+\s+){0,3}?(?:products?|drugs?|medicines?|medications?|versions?|forms?|supplements?)"
    r"(?:\s+[\w+-]+){0,4}?\s+(?:has|have|is|are)\s+(?:(?:been|yet|ever)\s+)*"
    r"(?:FDA[- ]?approved|FDA\s+approval|approved|through\s+(?:an?\s+)?FDA\s+review|reviewed\s+by\s+the\s+FDA)\b"
    # "The FDA does not review or approve compounded drugs", "Neither the FDA nor the EMA has approved psilocybin"
    r"|\b(?:FDA|Food\s+and\s+Drug\s+Administration)\s+(?:does|did)\s*(?:not|n['’]t)\s+(?:\w+\s+or\s+)?(?:approve|review|evaluate)\b"
    r"|\bneither\s+(?:the\s+)?(?:U\.?S\.?\s+)?FDA\b[^.;]{0,60}?\bhas\s+approved\b"
    # "Neither one is an FDA-approved drug", "None of these supplements is FDA-approved to treat a disease"
    r"|\b(?:none|neither)\s+(?:one\s+|of\s+(?:these|them|the|those|our|its|their)\s+(?:[\w+-]+\s+){0,3})?"
    r"(?:is|are|has\s+been|have\s+been)\s+(?:an?\s+)?(?:FDA[- ]?approved|approved\s+by\s+the\s+(?:U\.?S\.?\s+)?FDA)"
    r"|\bnot\s+(?:been\s+)?(?:reviewed|evaluated)\s+by\s+the\s+(?:U\.?S\.?\s+)?(?:FDA|Food\s+and\s+Drug\s+Administration)\b"
    r"|\b(?:safety|benefits?|effectiveness|efficacy)\b[^.;]{0,80}?\b(?:not|never)\s+(?:been\s+)?established\b"
    r"|\b(?:not|never)\s+(?:been\s+)?(?:established|shown|demonstrated)\s+that\b[^.;]{0,60}?\b(?:safe|effective)\b"
    # "Only one CBD product is approved by the FDA": the rest are not
    # "The only FDA-approved CBD is a prescription": every other one is not
    r"|\bthe\s+only\s+(?:FDA[- ]?approved|approved)\s+(?:[\w+-]+\s+){0,3}?(?:is|are)\b"
    r"|\bonly\s+(?:one|a\s+single)\s+(?:[\w+-]+\s+){0,3}?(?:is|has\s+been)\s+"
    r"(?:FDA[- ]?approved|approved\s+by\s+the\s+(?:U\.?S\.?\s+)?FDA)\b",
    re.I,
)
# "Epidiolex is the only FDA-approved CBD product": said of an approved product, it tells the reader the others are not
_ONLY_APPROVED = compile_pattern(r"\b(?:is|are|remains?)\s+the\s+only\s+(?:FDA[- ]?approved|approved)\b", re.I)
_APPROVAL = compile_pattern(
    r"\b(?:essentially|basically|practically|virtually|all\s+but)\s+(?:FDA[- ]?)?approved\b"
    r"|\bFDA[- ]?(?:approved|cleared|approval)\b|#fda[-_]?approved\b"
    r"|\b(?:approved|cleared)\s+by\s+the\s+(?:U\.?S\.?\s+)?(?:FDA|Food\s+and\s+Drug\s+Administration)\b",
    re.I,
)
_NOT_AN_APPROVAL_CLAIM = compile_pattern(
    r"\b(?:pending|awaiting|seeking|seek|before|until|await|under)\s+(?:full\s+)?FDA"
    # an indirect question: "which treatments are FDA-approved", "whether it is approved"
    r"|\b(?:which|whether|what|if)\s+(?:[\w-]+\s+){0,3}?(?:is|are|was|were)\s+(?:FDA[- ]?approved|approved)\b"
    r"|\b(?:what|which)['’]s\s+(?:(?:not|really|actually)\s+)?(?:FDA[- ]?approved|approved)\b"
    # a thing set apart from approval: "state license ≠ FDA approval"
    r"|(?:≠|!=)\s*(?:an?\s+)?FDA[- ]?approv"
    # an approval that ended: "Sermorelin was once FDA-approved, but that product left the market in 2008"
    r"|\b(?:once|formerly|previously)\s+(?:FDA[- ]?)?approved\b",
    re.I,
)
_EXPECTED_RESULTS = compile_pattern(
    r"\b(?:typical(?:ly)?|on\s+average|average|median|generally\s+expected|expected\s+results|usual(?:ly)?"
    r"|\b(?:the|a)\s+mean\b|\bmean\s+(?:weight|loss|change|reduction|improvement|difference)\b|most\s+(?:of\s+(?:our|my|the|these|those)\s+)?(?:people|patients|participants|members|clients|users|customers|buyers|guests|reviewers|men|women|adults)"
    r"|generally\s+(?:experience|report|see|get|notice|feel|achieve)"
    r"|in\s+(?:the\s+|these\s+|those\s+|our\s+)?(?:(?:published|randomi[sz]ed|controlled|placebo-controlled|large"
    r"|pivotal|recent|major|clinical)\s+){0,2}(?:trials|studies)"
    # the usual result named as such: "a more common outcome is a loss of 10 to 15 percent", "the middle result"
    r"|more\s+(?:common|typical|usual|realistic)|middle\s+(?:result|outcome)|most\s+common\s+(?:result|outcome|response)"
    r"|(?:response|remission|success|relapse)\s+rates?"
    # a rate told as a chance: "the chance of a live birth per egg retrieval falls with age, from roughly half"
    r"|(?:chances?|odds|likelihood)\s+of\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:births?|pregnanc(?:y|ies)|success|response|remission"
    r"|recovery|relief)\b"
    r"|in\s+the\s+(?:[\w-]+\s+){1,2}(?:trials?|study)"
    r"|in\s+an?\s+(?:\w+\s+){0,2}(?:trial|study)\s+of\s+\d+"
    # a trial by its name: "In TRANSFORM-2, about 7 in 10 people responded", "In SURMOUNT-1,"
    r"|(?-i:[Ii]n\s+(?:the\s+)?[A-Z]{3,}(?:(?:-[A-Z]+)?[- ]?\d+|-[A-Z]{2,}))(?=\s*(?:,|\(|trials?\b|stud(?:y|ies)\b))"
    # a survey of the seller's own customers that gives the spread, not only the best share: "In our 2024
    # customer survey (612 men), 34% said energy was better, 58% said it was about the same"
    # (or a cohort the seller followed: "Of the 186 patients we tracked in 2024, 61% ...; the rest improved less")
    r"|(?:\b(?:(?:in|from)\s+)?(?:our|an?|the)\s+(?:[\w-]+\s+){0,3}?(?:survey|review|audit)|\bwe\s+(?:surveyed|polled|tracked|followed\s+up\s+with)"
    r"|\bof\s+the\s+\d[\d,]*\s+(?:[\w-]+\s+){0,3}?(?:patients|clients|members|people|customers|users)\s+(?:we|who)\b)\b"
    r"(?=[^!?]*?\b(?:the\s+same|worse|no\s+(?:change|difference|benefit)|little|none|nothing|not|didn['’]t|did\s+not"
    r"|less|smaller|fewer)\b))",
    re.I,
)
# A heading over what people generally get: "What results most patients get", "What to expect", "Typical results"
_TYPICAL_HEADING = compile_pattern(
    r"\bwhat\s+(?:results?\s+|outcomes?\s+)?(?:most|typical|many)\s+(?:[\w-]+\s+){0,2}?(?:get|got|notice|see|experience"
    r"|report|can\s+expect)\b|\btypical\s+(?:results?|outcomes?)\b|\bwhat\s+to\s+expect\b"
    r"|\brealistic\s+(?:results?|expectations?)\b|\bresults?\s+(?:to\s+expect|you\s+can\s+expect)\b",
    re.I,
)
# What a typical-results statement is about: an outcome, or an average result
_RESULT_TERM = compile_pattern(
    r"\b(?:los(?:es?|s|t|ing)|gain(?:s|ed|ing)?|sooner|weight|respon\w*|improv\w*|results?|effects?|changes?"
    r"|differences?|relief|benefit\w*|better|worse"
    r"|remission|symptoms?|scores?|reduc\w*|fell|regrow\w*|succe\w*|outcomes?|live\s+births?|pregnancy\s+rates?)\b"
    # or an average told as a figure: "close to the average for the 15 mg group, 20.9% over 72 weeks"
    r"|\b(?:average|median)\b(?:[^.!?]|\.(?=\d))*?\d\s*%"
    # or a count: "our median was 11 mature eggs per cycle"
    r"|\b(?:average|median)\s+(?:was|is|were)\s+(?:about\s+|around\s+|roughly\s+)?\d",
    re.I,
)
_QUANTITY = compile_pattern(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|half|third|quarter|percent)\b"
    r"|\ba\s+(?:pound|kilo(?:gram)?|point)\b",
    re.I,
)
# Typical results told in words: "Most customers describe a mild, subtle effect, and some notice no difference"
_TYPICAL_IN_WORDS = compile_pattern(
    r"\b(?:most|many|typical|average)\s+(?:[\w-]+\s+){0,5}?(?:describe[sd]?|notice[sd]?|report(?:s|ed)?|feel|felt|see|saw"
    r"|get|got|experience[sd]?|have|had|can\s+expect(?:\s+is)?)\s+"
    r"(?:[\w,-]+\s+){0,3}?(?:(?:mild|modest|subtle|slight|small|smaller|limited|gradual|partial)(?:\s+or\s+no)?\s+"
    r"(?:[\w-]+\s+)?(?:effects?|differences?|changes?|improvements?|benefits?|results?|relief)|(?:little\s+or\s+)?no\s+(?:lasting\s+|real\s+)?"
    r"(?:difference|change|effect|benefit))\b"
    # or as a spread of outcomes: "Many men improve, some get a partial response, and some need another treatment"
    r"|\b(?:many|most)\s+(?:[\w-]+\s+){0,5}?(?:improve|respond|benefit|recover)[^.!?]{0,80}?\bsome\s+(?:[\w-]+\s+){0,2}?"
    r"(?:get|see|have|notice|need)\s+(?:only\s+)?(?:a\s+)?(?:partial|little|no|modest|small|different|another)\b"
    r"|\b(?:many|most)\s+(?:[\w-]+\s+){0,8}?(?:improve|respond|benefit|notice|see|feel|get)\b[^.!?]{0,60}?\bbut\s+not"
    r"\s+(?:all|everyone|every)\b"
    # the story placed among the rest: "Her timeline is fairly typical for our heel-pain patients, but some ..."
    r"|\b(?:is|are|was|were)\s+(?:fairly\s+|quite\s+|pretty\s+)?(?:typical|usual)\s+(?:for|of|among)\s+(?:our\s+|the\s+|most\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:patients|clients|members|people|customers|users)\b[^.!?]*?\bsome\b"
    r"|\b(?:respond|improve|benefit)\s+less\b"
    # "Half of our patients see meaningful improvement; half don't", "Not everyone responds: about 50% improve"
    r"|\b(?:half|a\s+third|a\s+quarter|some|many)\b[^.!?]{0,80}?[;,]\s*(?:and\s+|but\s+)?(?:the\s+other\s+)?(?:half|others|the\s+rest"
    r"|some)\s+(?:don['’]t|do\s+not|doesn['’]t|never|see\s+little|get\s+little)\b"
    r"|\bnot\s+everyone\s+(?:responds|improves|benefits|sees\s+results|gets\s+results|loses|notices)\b[^.!?]{0,80}?\d"
    r"|\b(?:typical|usual|expected|average)\s+(?:results?|experiences?|outcomes?)\s*:\s*(?:[\w,-]+\s+){0,8}?(?:most|many|about|around|roughly"
    r"|on\s+average|\d)"
    # "What's typical: in trials, probiotics prevent it in some people, not all"
    r"|\bwhat(?:['’]s|\s+is)\s+typical\s*:"
    # it does not always work: "It doesn't succeed every time", "won't work for everyone"
    r"|\b(?:doesn['’]t|does\s+not|won['’]t|will\s+not|didn['’]t|did\s+not)\s+(?:work|succeed|help)\s+(?:for\s+everyone"
    r"|for\s+everybody|every\s+time|in\s+every\s+case|for\s+all)\b"
    # the quotes are about something else: "These quotes describe our service, not medical results."
    r"|\b(?:describe|reflect|are\s+about|speak\s+to)\b[^.!?]{0,80}?\bnot\s+(?:medical|health|treatment|clinical)\s+"
    r"(?:results|outcomes)\b"
    # or name what they are about: "These reviews describe convenience and comfort", "customers talking about taste"
    r"|\b(?:reviews|quotes|testimonials|comments|customers|parents|members)\b[^.!?]{0,40}?\b(?:describe|are\s+about"
    r"|speak\s+to|talk(?:ing)?\s+about)\s+(?:[\w,-]+\s+){0,3}?(?:convenience|comfort|taste|flavou?rs?|fit|texture|smell"
    r"|scents?|routines?|service|style|design|looks|craftsmanship)\b"
    # "some feel nothing in particular", "most said they hadn't noticed a specific change", "22% noticed no change"
    r"|\b(?:some|others|many)\s+(?:[\w-]+\s+){0,2}?(?:feel|felt|notice|noticed)\s+nothing\b"
    # "a smaller number notice little change", "a few see no difference"
    r"|\b(?:some|others|a\s+(?:smaller|small)\s+number|a\s+few|fewer)\s+(?:[\w-]+\s+){0,2}?(?:notice|see|feel|report|get)s?\s+"
    r"(?:little|no)\s+(?:real\s+)?(?:change|difference|effect|benefit|improvement)\b"
    r"|\b(?:most|many|some|others|the\s+rest)\s+(?:[\w-]+\s+){0,3}?(?:hadn['’]t|didn['’]t|did\s+not|haven['’]t|have\s+not"
    r"|don['’]t|do\s+not)\s+"
    r"(?:noticed?|seen|see|felt|feel|report(?:ed)?)\s+(?:a\s+|any\s+|much\s+)?(?:[\w-]+\s+){0,2}?(?:change|difference|benefit"
    r"|improvement|effect|growth)\b"
    r"|\b(?:\d+(?:\.\d+)?\s*(?:%|percent)|(?:\d+|one|two|three)\s+in\s+(?:\d+|three|four|five|ten))\s+"
    r"(?:of\s+(?:[\w-]+\s+){1,2})?(?:said\s+they\s+)?(?:noticed|saw|felt|reported|had)\s+"
    r"(?:no|little)\s+(?:real\s+|noticeable\s+)?(?:change|difference|effect|benefit|improvement)\b"
    # "Typically, people pass fragments over one to several weeks, some need a second session"
    r"|\btypically,?\s+(?:most\s+)?(?:people|patients|members|clients|users|customers)\b[^.!?]{0,120}?\bsome\s+"
    r"(?:[\w-]+\s+){0,2}?(?:need|get|see|have|notice|don['’]t)\b"
    # "this quote describes one parent's visit and is not a promise of any particular outcome"
    r"|\bnot\s+a\s+promise\s+of\s+(?:any\s+)?(?:particular\s+|specific\s+|similar\s+|the\s+same\s+)?(?:outcome|result)s?\b"
    # "These are individual experiences, not what everyone goes through."
    r"|\bnot\s+what\s+(?:everyone|everybody|most\s+people|you\s+should)\s+(?:goes\s+through|gets|experiences|expects?|sees)\b"
    # "average improvements in stress scores were modest", "some people noticed no difference from placebo"
    r"|\b(?:average|typical|usual)\s+(?:[\w-]+\s+){0,4}?(?:were|was|are|is|tend\s+to\s+be)\s+"
    r"(?:only\s+|fairly\s+|relatively\s+)?(?:modest|small|mild|slight|smaller|limited)\b"
    r"|\bsome\s+(?:[\w-]+\s+){0,4}?(?:noticed?|saw|see|felt|feel|got|get|had|have)\s+(?:no|little|only\s+(?:a\s+)?(?:small"
    r"|slight|modest|minor|mild|little|partial))\s+(?:[\w-]+\s+)?(?:difference|change|effect|benefit|improvement)\b"
    # "a bit less jittery for some people and no noticeable difference for others"
    r"|\bfor\s+some(?:\s+(?:people|users|customers|patients|members|men|women))?\b[^.!?]{0,60}?\b(?:no|little)\s+"
    r"(?:noticeable\s+|real\s+|obvious\s+|clear\s+)?(?:difference|change|effect|benefit)\s+for\s+(?:others|the\s+rest)\b"
    # an average that falls short of a cure: "On average, adults improved more than on placebo, but symptoms
    # rarely disappear, not everyone responds"
    r"|\bon\s+average\b[^.!?]{0,120}?\bbut\b[^.!?]{0,80}?\b(?:not\s+everyone|rarely|seldom|not\s+(?:completely|fully)"
    r"|some\s+(?:people\s+)?(?:don['’]t|do\s+not|never))\b"
    # the story told is the usual one: "That's typical.", "Her experience is fairly typical"
    r"|\b(?:that['’]s|that\s+is|this\s+is|(?:her|his|their|these|those|such|this|that|[A-Z]\w+['’]s)\s+(?:results?|experiences?"
    r"|stor(?:y|ies)|outcomes?|figures?|numbers?)\s+(?:is|are|was|were))\s+(?:fairly\s+|pretty\s+|quite\s+|very\s+)?typical\b"
    # "for most guests the effects of a massage are short-lived"
    r"|\b(?:for\s+most|typically|usually)\b[^.!?]{0,40}?\b(?:effects?|benefits?|relief|results?)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:are|is|tend\s+to\s+be)\s+(?:short-lived|temporary|brief|modest|small)\b"
    # a pointer to the figures: "Results vary; see the outcome figures above for what's typical."
    r"|\bsee\b[^.!?]{0,60}?\bfor\s+what(?:['’]s|\s+is)\s+typical\b"
    # "not everyone's path looks like theirs"
    r"|\bnot\s+everyone['’]s\s+(?:(?:path|results?|experience|story|journey|outcome)\s+)?(?:looks|is|will\s+(?:look|be))"
    r"\s+like\b"
    # "many lose less", "expect something closer to one to two pounds a week"
    r"|\b(?:many|most|others|the\s+(?:other|rest)(?:\s+half)?)\s+(?:[\w-]+\s+){0,2}?(?:lose|see|get|gain|notice|have)\s+(?:less|fewer|smaller|more\s+modest)\b"
    # "most keep the hair they have; fewer see visible regrowth"
    r"|\bfewer\s+(?:[\w-]+\s+){0,2}?(?:see|get|notice|regrow|respond|improve|reach|achieve)\b"
    r"|\bexpect\s+(?:[\w-]+\s+){0,3}?(?:closer\s+to|about|around|roughly|more\s+like)\b"
    # the story set against what is usual: "Mara did better than most", "more than most people lose"
    # a spread of outcomes: "the other half see little or none", "others slowly, and about a third not at all"
    r"|\b(?:others|some|the\s+(?:other|rest)(?:\s+[\w-]+)?|many|a\s+(?:third|quarter|few))\s+(?:[\w-]+\s+){0,3}?"
    r"(?:see|saw|get|got|notice|noticed|feel|felt|have|had)\s+(?:little\s+or\s+(?:none|nothing|no\s+\w+)"
    r"|(?:little|no)\s+(?:real\s+|meaningful\s+|lasting\s+|visible\s+|noticeable\s+)?(?:change|difference|benefit|improvement"
    r"|effect|relief|response))\b"
    # "keeping what you have is the common outcome; visible regrowth is less common"
    r"|\b(?:is|are)\s+the\s+(?:common|usual|typical|most\s+common|more\s+common|most\s+likely)\s+(?:outcome|result|response"
    r"|course)\b|\b(?:regrowth|relief|remission|results?|response|clearance|removal|recovery|resolution)\s+(?:is|are)\s+"
    r"(?:less|much\s+less|far\s+less)\s+common\b"
    r"|\b(?:improve|respond|benefit)\w*\b[^.!?]{0,80}?\b(?:others|some|a\s+(?:third|quarter|few)|many)\b[^.!?]{0,30}?"
    r"\bnot\s+at\s+all\b"
    # a smaller result beside the story's: "most people lose less weight than Dana did", "a quarter lose less than 5%"
    r"|\b(?:lose|lost|see|saw|get|got|gain|notice|have|had)\s+(?:less|fewer|smaller)\s+(?:[\w-]+\s+){0,3}?than\b"
    r"|\b(?:lose|lost|see|saw|get|got|improve|improved|respond|responded)\s+(?:[\w-]+\s+){0,2}?(?:more\s+slowly|slower)\s+than\b"
    # "some never do", "improvement is partial", "one in three does not improve enough", "fewer than half feel this"
    r"|\bsome\s+(?:[\w-]+\s+){0,2}?never\s+(?:do|does|did|respond|improve|notice|benefit)\b"
    r"|\b(?:improvement|relief|response|benefit|results?|regrowth|weight\s+loss|change|effect)\s+(?:is|are|tends\s+to\s+be"
    r"|is\s+usually|are\s+usually)\s+"
    r"(?:partial|modest|limited|gradual|temporary|short-lived|smaller|more\s+modest|less\s+dramatic)\b"
    r"|\b(?:one\s+in\s+\w+|a\s+third|a\s+quarter|half|\d{1,2}\s?%)\s+of\s+(?:our\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:do\s+not|does\s+not|don['’]t|doesn['’]t|never|did\s+not|didn['’]t)\s+(?:improve|respond|benefit|notice|lose)\b"
    r"|\b(?:larger|bigger|better|faster|greater|quicker|more\s+dramatic)\s+than\s+(?:what\s+)?(?:most|many|the\s+average"
    r"|average|typical|usual)\b"
    r"|\b(?:fewer|less)\s+than\s+(?:half|a\s+third|a\s+quarter)\s+of\b"
    r"|\bfew\s+(?:[\w-]+\s+){0,2}?(?:feel|get|see|lose|do|respond)\s+(?:as|this|that)\s+(?:good|well|much|fast|quickly)\b"
    r"|\bexpect\s+(?:[\w-]+\s+){0,3}?(?:gradual|modest|slow|slower|smaller|partial)\b|\bexpect\b[^.!?]{0,60}?\bat\s+most\b"
    r"|\brealistic(?:ally)?\s+(?:expectation|outcome|result|goal|picture)s?\b"
    # the usual setbacks: "Many patients leave treatment in the first months or return to use at some point"
    r"|\b(?:many|most|about\s+half|half)\s+(?:[\w-]+\s+){0,2}?(?:relapse|return\s+to\s+use|regain|drop\s+out"
    r"|leave\s+treatment|stop\s+treatment)\b"
    # "the most consistent improvement in trials is in sexual desire"
    r"|\b(?:most\s+consistent|most\s+common|usual|typical)\s+(?:improvement|benefit|effect|change|result|outcome)s?"
    r"\s+(?:in\s+(?:the\s+)?(?:trials|studies)\s+)?(?:is|are|was|were)\b"
    r"|\b(?:did|does|do|doing|is|was|got|saw|lost)\s+(?:much\s+|far\s+|a\s+lot\s+)?"
    r"(?:better|more|faster|quicker|bigger|larger|greater|stronger)\s+than\s+"
    r"(?:most|many|average|typical|usual|the\s+average|the\s+typical)\b"
    # the range people report, given as such: "the section above describes the range guests generally report"
    r"|\bgenerally\s+(?:experience|report|see|notice|feel)\b"
    # the story placed beside the average: "in line with the trial average above", "some women get less relief"
    r"|\b(?:in\s+line\s+with|close\s+to|typical\s+of|similar\s+to|consistent\s+with|near)\s+(?:the\s+)?"
    r"(?:trial|study|studies|trials['’]?|average|typical|usual)\s+(?:average|mean|median|result|results|outcome|figure)s?\b"
    r"|\b(?:get|gets|got|see|sees|saw|feel|feels|felt)\s+less\s+(?:relief|benefit|improvement|change|regrowth)\b",
    re.I,
)
_FIRST_PERSON = compile_pattern(r"\b(?:I|I['’](?:ve|m|d)|[Mm]y|[Mm]e)\b")
_OUTCOME = compile_pattern(
    r"\b(?:lost|gone|done|lifted|vanished|disappeared|cured|healed|saved|changed|back|finally|relief|free|stopped|quit"
    r"|better|amazing|transformed|works?|worked|no\s+more|feel|felt|again|noticed|results?|difference|clean|sober"
    r"|game[- ]?changer|life[- ]?chang\w*|miracle|\d+\s*(?:lbs?|pounds|kg|%)"
    # a symptom that went away: "the cravings just switched off", "hasn't moved one step", "filled in"
    r"|switched\s+off|shut\s+off|went\s+quiet|(?:hasn|haven)['’]t\s+(?:moved|come\s+back|returned|budged)"
    r"|filled\s+(?:in|back\s+in)|grew\s+back|cleared\s+up)\b",
    re.I,
)
_STRONG_FIRST_PERSON_RESULT = compile_pattern(
    r"\bI\s+(?:lost|dropped|shed)\s+\d+|\bI(?:['’]m|\s+am|\s+was)\s+(?:cured|pain[- ]free|healed|down\s+\d+)"
    r"|\bchanged\s+my\s+life\b|\bgave\s+me\s+my\s+life\s+back\b|\bsaved\s+my\s+(?:life|marriage)\b"
    r"|\bmy\s+[\w\s]{1,30}?\b(?:is|was|are|were)\s+(?:just\s*(?:\.\.\.|…)?\s*)?(?:gone|cured|back|vanished)\b",
    re.I,
)
_TESTIMONIAL_HINT = compile_pattern(
    r"\b(?:I|I['’](?:ve|m|d)|[Mm]y|[Mm]e)\b|[—–]\s*[A-Z@]|\s-\s+[A-Z]|\([A-Z][a-z]+(?:\s+[A-Z]\.)?,[^()\n]{1,40}\)"
)
# "— Dana O., founder", "(Dr. Lee)": a signature of the business or its clinicians; "SaaS founder" is a patient's job
_STAFF = compile_pattern(
    r",\s*(?:(?:our|the)\s+(?:[\w-]+\s+)?)?(?:founder|co-founder|owner|CEO|MD|DO|NP|PA-C|RN|PharmD|pharmacist"
    r"|physician|doctor|nurse|director|medical\s+director|clinician|therapist|dietitian|psychiatrist|dermatologist"
    r"|urologist)\b|\bDr\.?\s"
)
_QUOTE_MARK = compile_pattern(r"[\"“”]")
_OUR_STORY = compile_pattern(
    r"\b(?:[Ww]e|[Oo]ur|[Uu]s)\b[^.!?]{0,60}?\b(?:got|have|had|finally|back|gone|lost|conceived|pregnant)\b"
)
_ATTRIBUTION = compile_pattern(
    r"(?:^|\s)[—–]{1,2}\s*[A-Z](?:[a-z]+|\.)(?:\s+[A-Z][a-z]*\.?)?(?:,\s*[\w .,'’-]{1,40})?[.)]?(?:[^\w\s]|\s)*$"
    # "(Dana, 52)", "(Renee, verified buyer)", "(Greg, Ohio)", "(Renee, 54, Brandon)"
    r"|\(\s*[A-Z][a-z]+(?:\s+[A-Z]\.)?,\s*(?:\d{2}(?:,\s*[A-Z][\w .'’-]{1,30})?|verified\s+\w+"
    r"|[A-Z][a-z]+(?:,\s*[A-Z]{2})?)\s*\)"
    # a closing quote, stars or a dash, then "Kyle, 34"
    r"|[”\"]\s*(?:[^\w\s\ufffc]\s*)*[A-Z][a-z]+(?:\s+[A-Z]\.)?,\s*\d{2}(?:,\s*[A-Z][\w .'’-]{1,30})?[\s\ufffc]*$"
    # ... or "Mark D., Virginia Beach", "Dana R., verified buyer", then perhaps stars
    r"|[”\"]\s*(?:[^\w\s\ufffc]\s*)*[A-Z][a-z]+\s+[A-Z]\.,\s*[\w .,'’-]{2,40}?(?:[^\w\s]|\s)*$"
    # signed by initials or a name and initial, with who they are: "(J.T., client since 2024)", "(James T., Denver)"
    r"|\(\s*[A-Z]\.\s?[A-Z]\.(?:,\s*[^()]{2,50})?\)|\(\s*[A-Z][a-z]+\s+[A-Z]\.,\s*[^()]{2,60}\)"
    # a closing quote, then a hyphen and a name: '"... I cried." - Tasha, Austin'
    r"|(?m:[”\"]\s*-\s*[A-Z][a-z]+(?:\s+[A-Z]\.?)?(?:,\s*[\w .'’-]{1,40})?[ \t\ufffc]*$)"
    # a comment signed with its handle: "(@jess.runs)", "— @mamatobe_kels"
    r"|\(\s*@[\w.]{2,30}\s*\)|(?:^|\s)[—–]{1,2}\s*@[\w.]{2,30}[\s\ufffc]*$"
    # a comment signed by a first name and an initial: "**Marcus T.:** ..."
    r"|^\W{0,4}[A-Z][a-z]+\s+[A-Z]\.(?::\*{0,2}|\*{0,2}:|\s*[★⭐]{3,})\s"
    # a name and age, then the quotation: "Jenna, 34: "Off my anxiety meds ..."", "JESS (34, Tampa): "...""
    r"|\b[A-Z][A-Za-z]+(?:\s+[A-Z]\.)?(?:,\s*\d{2}\b|\s*\(\d{2}\b(?!\s*[-–])[^)]{0,40}\))[^\"“:\n]{0,40}:\s*[\"“]"
    # a review opening with its star rating: "★★★★★ "I out-hike my grandkids now""
    r"|^\W{0,4}[★⭐]{3,}"
    # a quote signed in parentheses: ""... gone after my third infusion." (Priya, patient since 2022)"
    r"|[”\"]\s*\(\s*[A-Z][a-z]+(?:\s+[A-Z]\.?)?(?:,\s*[^()]{1,40})?\)"
)


def _stated(sentence: Sentence, match: re.Match) -> bool:
    """A phrase the sentence asserts: not asked, not in the scope of a negation."""
    start, end = sentence.start + match.start(), sentence.start + match.end()
    return not sentence.asks(start, end) and not sentence.negated(start, end)


def _has_disclosure(view: DocumentView, pattern: re.Pattern, negative_form: bool) -> bool:
    """Whether any sentence of the draft makes the disclosure (a question or a negated one does not count).

    ``negative_form``: the disclosure is itself a negation ("is not
    approved"), so it counts wherever it is stated; "off-label" does not
    count when negated ("this is not an off-label use"). Several checks ask,
    some once per claim: the draft is read once.
    """
    key = f"disclosure\0{negative_form}\0{pattern.pattern}"
    if key not in view.memo:
        view.memo[key] = _makes_disclosure(view, pattern, negative_form)
    return view.memo[key]


def _makes_disclosure(view: DocumentView, pattern: re.Pattern, negative_form: bool) -> bool:
    for sentence in view.sentences_matching(pattern):
        for match in pattern.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if sentence.asks(start, end):
                continue
            if negative_form:  # "is not approved": stated unless asked (double negation is rare)
                return True
            if not negative_form and not sentence.negated(start, end):
                return True
    return False


def _product_values(view: DocumentView, claim: Claim) -> dict:
    kb = view.knowledge
    product = kb.products[claim.product.id]
    text = claim.sentence.text
    # named in the sentence, or the page's topic by the page's own name for it
    mention = view.named(claim) if claim.product.end else view.topic_names.get(claim.product.id, product.display)
    if claim.use == "compounded" and mention.lower() in {name.lower() for name in product.names}:
        mention = "compounded " + mention  # the compounded form is what lacks approval, not the drug
    values = {
        "product": mention,
        "is": "are" if _plural(mention) else "is",
        "product_source": product.source,
        "status": product.status,
    }
    if claim.condition is not None:
        # named in the sentence, or the condition the draft ties the product to elsewhere
        named = text[claim.condition.start : claim.condition.end]
        values["condition"] = named or kb.conditions[claim.condition.id].display
    return values


def _plural(mention: str) -> bool:
    """Whether a product mention reads as plural ("ketamine infusions are"), so messages agree with it."""
    words = mention.lower().split()
    last = words[-1] if words else ""
    return last.endswith("s") and not last.endswith(("ss", "is", "us", "os")) and len(last) > 3


# -- the checks --------------------------------------------------------------------------------


def off_label_disclosure(view: DocumentView, rule) -> list[Finding]:
    """An off-label use is discussed and the draft nowhere says it is off-label or not approved.

    The use may be named with the product ("ketamine for PTSD") or, on a page
    about the product, without it ("Now also helping patients with PTSD").
    """
    first = next((c for c in view.claims if c.use == "off-label" and not _in_conflict(view, c)), None)
    if first is None:
        first = next((c for c in _topic_uses(view) if c.use == "off-label" and not _in_conflict(view, c)), None)
    if (
        first is None
        or _has_disclosure(view, _OFF_LABEL, False)
        or _has_disclosure(view, _NOT_APPROVED, True)
        or _approval_denied_in_answer(view)
    ):
        return []
    values = _product_values(view, first)
    # the use is first offered in a compounded form: "compounded ketamine spray for depression"
    off_label = first
    first = next(
        (c for c in view.claims if c is off_label or (c.use == "compounded" and _same_use(c, off_label))), off_label
    )
    named = [m for m in (first.product, first.condition) if m.end]
    lo, hi = min(m.start for m in named), max(m.end for m in named)
    return [view.finding(rule, first.sentence, lo, hi, values, view.appended(rule, values))]


def _in_conflict(view: DocumentView, claim: Claim) -> bool:
    """Whether the sentence offers the use as approved, or as one its label rules out.

    "Ozempic is approved for weight loss too" or "testosterone that turns back
    the clock" is a conflict with the label, reported as one;
    a line saying "this use is off-label" would not mend it. The disclosure
    is owed at the first plain mention of the use.
    """
    sentence = claim.sentence
    text = sentence.text
    kb = view.knowledge
    if any(_forbidden(r.forbids).search(text) for r in kb.products[claim.product.id].restrictions):
        return True
    return any(_stated(sentence, m) for m in _APPROVAL.finditer(text))


def _same_use(claim: Claim, other: Claim) -> bool:
    """Whether a claim offers the same product (in any form) for the same condition as another."""
    if claim.condition is None or other.condition is None or claim.condition.id != other.condition.id:
        return False
    return claim.product.id.removeprefix("compounded-") == other.product.id.removeprefix("compounded-")


# Words that offer a treatment for what follows: "for", "treats", "helping our patients with", "relief from"
_USE_CUE = compile_pattern(
    r"\b(?:for|treat(?:s|ed|ing)?|treatments?\s+(?:for|of)|help(?:s|ed|ing)?(?:\s+[\w'’]+){0,3}\s+with"
    r"|reliev(?:e|es|ed|ing)|relief\s+(?:from|of)|eas(?:e|es|ed|ing)|beat(?:s|ing)?|fight(?:s|ing)?"
    r"|manag(?:e|es|ed|ing)|heal(?:s|ed|ing)?|end(?:s|ed|ing)?|overcom(?:e|es|ing))\s+(?:[\w'’-]+\s+){0,2}$",
    re.I,
)


def _topic_uses(view: DocumentView) -> Iterator[Claim]:
    """Uses offered for a condition in sentences that name no product: uses of the page's topic."""
    kb = view.knowledge
    if not view.topic:
        return
    product_id = view.topic[0]
    for index in range(len(view.document.segments)):
        if not kb.may_name_condition(view.words_of(index)):
            continue
        for sentence in view.sentences_of(index):
            if view.claims_in(sentence) or _in_column_of_another(view, sentence, product_id):
                continue
            conditions = kb.condition_mentions(sentence.text)
            for condition in conditions:
                if not _USE_CUE.search(sentence.text[: condition.start]) or risk_named(sentence.text, condition):
                    continue
                if _other_treatment(sentence.text[: condition.start], conditions):
                    continue  # "TMS is an FDA-cleared treatment for major depression" on a testosterone page
                start = sentence.start + condition.start
                end = start + condition.end - condition.start
                if sentence.asks(start, end) or sentence.negated(start, end):
                    continue
                yield _topic_claim(kb, sentence, product_id, condition)


# An acronym or a regulatory status before the condition names a treatment the knowledge base does not hold
_ACRONYM = compile_pattern(r"\b[A-Z][A-Z0-9]{1,5}s?\b")
_NOT_A_TREATMENT = frozenset(
    "FDA US USA UK EU IV IM MD DO NP PA RN DEA CDC NIH NICE FAQ BMI ER ICU AM PM OK TV HSA FSA".split()  # noqa: SIM905
)
_STATUS_OF_ANOTHER = compile_pattern(
    r"\bFDA[- ](?:cleared|approved|authori[sz]ed)\b|\bcleared\s+by\s+the\s+FDA\b", re.I
)


def _other_treatment(before: str, conditions: list[Mention]) -> bool:
    """Whether the words before a condition name some other treatment ("TMS is an FDA-cleared treatment for")."""
    if _STATUS_OF_ANOTHER.search(before):
        return True
    for match in _ACRONYM.finditer(before):
        if match.group().rstrip("s") in _NOT_A_TREATMENT:
            continue
        if any(c.start <= match.start() < c.end for c in conditions):
            continue  # a condition's own abbreviation ("PTSD and OCD")
        return True
    return False


def _column_products(view: DocumentView, sentence: Sentence) -> tuple[str, set[str]]:
    """A table cell's column header ("" outside a table's columns) and the products it names."""
    header = view.column_header(sentence) or ""
    return header, _products_named(view, header)


def _products_named(view: DocumentView, text: str) -> set[str]:
    """The products a table's header cell names ("| TMS | Spravato |", "| Psychotherapy |")."""
    return {m.id for m in view.knowledge.product_mentions(text)} if text else set()


def _in_column_of_another(view: DocumentView, sentence: Sentence, product_id: str) -> bool:
    """Whether a table cell speaks of another treatment than the product.

    It does under a column headed by another ("| TMS | Spravato |"), or in a row
    that names another ("| Psychotherapy | First-line for mild depression |").
    """
    header, named = _column_products(view, sentence)
    if named:
        return product_id not in named
    if header and _other_treatment(header, []):
        return True
    row = view.row_header(sentence)
    if not row:
        return False
    named = _products_named(view, row)
    if named:
        return product_id not in named
    return bool(_PROCEDURE.search(row))


# A dosage form: "At-home troches and lozenges are a different matter" speaks of products sold in that form
_FORM = compile_pattern(r"\b(troche|lozenge|gumm(?:y|ie)|patch)(?:e?s)?\b", re.I)


# A procedure a sentence may speak of on a drug's page: "During TMS, ... most people drive home afterward"
_PROCEDURE = compile_pattern(
    r"\b(?:r?TMS|ECT|electroconvulsive|transcranial|hyperbaric|HBOT|cryotherapy|acupuncture|psychotherapy"
    r"|talk\s+therapy|CBT|nerve\s+blocks?|surgery)\b",
    re.I,
)


def _names_another_form(view: DocumentView, sentence: Sentence, product_id: str) -> bool:
    """Whether a sentence speaks of a form of medicine the page's topic does not come in, or of a procedure.

    A sentence under a heading that names a procedure and not the product
    ("## Transcranial magnetic stimulation (TMS)") speaks of the procedure.
    """
    kb = view.knowledge
    if _PROCEDURE.search(sentence.text):
        return True
    heading = view.heading_over(sentence)
    if _PROCEDURE.search(heading) and not kb.product_mentions(heading):
        return True
    names = " ".join(kb.products[product_id].names + kb.products[product_id].compounded_names).lower()
    forms = {m.group(1).lower() for m in _FORM.finditer(sentence.text)}
    return bool(forms) and not any(form in names for form in forms)


def _topic_claim(
    kb: KnowledgeBase, sentence: Sentence, product_id: str, condition: Mention, named: Mention | None = None
) -> Claim:
    """A use of the page's topic for a condition the sentence names, classified as a named one would be.

    ``named`` is where the sentence names the product, when it does but names the condition elsewhere.
    """
    if kb.products[product_id].status != "approved":
        use = "unapproved"
    else:
        use = "approved" if kb.approved_for(product_id, condition.id) else "off-label"
    return Claim(sentence, named or Mention(0, 0, product_id), condition, use)


def _sets_apart(view: DocumentView, sentence: Sentence) -> bool:
    """Whether the sentence calls an approved product the only approved one.

    "Epidiolex is the only FDA-approved CBD" tells the reader that other CBD is not approved.
    """
    found = _ONLY_APPROVED.search(sentence.text)
    if found is None or sentence.asks(sentence.start + found.start(), sentence.start + found.end()):
        return False
    kb = view.knowledge
    named = [c for c in view.claims_in(sentence) if c.product.end <= found.start()]
    if not named and _SAID_OF_IT.search(sentence.text, 0, found.start() + len(found.group().split()[0]) + 1):
        named = view.referents(sentence)  # "Epidiolex is a prescription CBD. It is the only FDA-approved one."
    return any(kb.products[c.product.id].status == "approved" and c.use != "compounded" for c in named)


_ANSWERED_NO = compile_pattern(
    r"\W*(?:(?:the\s+)?(?:short\s+answer|answer|A)\s*[:.,-]\s*)?"
    r"(?:no|nope|we\s+don['’]t|we\s+do\s+not|not\s+(?:here|at\s+our|from\s+us))\b",
    re.I,
)


def _approval_denied_in_answer(view: DocumentView) -> bool:
    """Whether the draft asks about an approval and answers no.

    "Is ketamine FDA-approved for depression? No." in prose, or a "No" in a
    table column headed "FDA-approved?" or "FDA status".
    """
    if "approval-denied" not in view.memo:
        view.memo["approval-denied"] = any(_denied_reply(view, s) for s in view.sentences_matching(_APPROVAL)) or any(
            _denied_cell(view, index)
            for index, segment in enumerate(view.document.segments)
            if segment.kind == "table-cell"
        )
    return view.memo["approval-denied"]


def _denied_reply(view: DocumentView, sentence: Sentence) -> bool:
    """Whether a sentence is a question the draft answers no, on the same line or the next."""
    if not sentence.question:
        return False
    reply = view.answer_to(view.position(sentence)[0], sentence)
    return reply is not None and bool(_ANSWERED_NO.match(reply[1].text))


_APPROVAL_HEADER = compile_pattern(r"\b(?:FDA|approv\w*)\b", re.I)


def _denied_cell(view: DocumentView, index: int) -> bool:
    sentences = view.sentences_of(index)
    if not sentences or not _ANSWERED_NO.match(sentences[0].text):
        return False
    header = view.column_header(sentences[0])
    return bool(header and _APPROVAL_HEADER.search(header))


_NO_LONGER_OFFERED = compile_pattern(
    r"\b(?:we|I)\s+(?:used\s+to|previously|once|formerly)\s+(?:offer|sell|prescribe|carry|provide|dispense|stock)\w*\b",
    re.I,
)


def unapproved_disclosure(view: DocumentView, rule) -> list[Finding]:
    """A compounded or unapproved product is named and the draft nowhere says it is not FDA-approved."""
    for claim in view.claims:
        if claim.use not in ("unapproved", "compounded"):
            continue
        start = claim.sentence.start + claim.product.start
        if claim.sentence.negated(start, start + 1):
            continue  # "we do not sell compounded semaglutide"
        if claim.sentence.question and _ANSWERED_NO.match(claim.sentence.following):
            continue  # "Do you offer compounded semaglutide? No, we prescribe only the brands."
        if _NO_LONGER_OFFERED.search(claim.sentence.text, 0, claim.product.start):
            continue  # "We used to offer compounded semaglutide during the shortage."
        if _has_disclosure(view, _NOT_APPROVED, True):
            return []
        if _said_not_a_drug(view, claim.product.id):
            return []
        if any(_sets_apart(view, s) for s in view.sentences_matching(_ONLY_APPROVED)):
            return []
        if _approval_denied_in_answer(view):
            return []
        form_of = view.knowledge.products[claim.product.id].form_of
        if (claim.use == "compounded" or form_of) and _has_disclosure(view, _OFF_LABEL, False):
            # a compounded copy or another form of an approved drug: "this use is off-label" tells the reader enough
            return []
        values = _product_values(view, claim)
        return [
            view.finding(
                rule, claim.sentence, claim.product.start, claim.product.end, values, view.appended(rule, values)
            )
        ]
    return _compounded_unnamed(view, rule)


# A compounded preparation the knowledge base does not name: "custom-compounded tretinoin cream", "our compounding
# partner makes troches"
_MIXED = r"(?:mixed|made|prepared|blended|custom[- ]made)"  # what a pharmacy that compounds does to a medicine
_COMPOUNDED_PREPARATION = compile_pattern(
    r"\b(?:custom[- ]?)?compounded\s+(?:[\w+.%-]+\s+){0,4}?" + DOSAGE_FORMS + r"\b"
    r"|\bour\s+(?:[\w-]+\s+)?compounding\s+(?:partner|pharmacy|pharmacist|lab)\s+(?:makes|prepares|mixes|compounds|blends)\b"
    r"|\b(?:custom[- ])?compounded\s+(?:fresh\s+)?(?:by|at|in)\s+(?:our|a|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:pharmacy|lab|partner)"
    # a pharmacy that mixes the medicine compounds it: "mixed for you by our partner pharmacy"
    r"|\b" + _MIXED + r"\s+(?:[\w-]+\s+){0,4}?(?:by|at|in)\s+(?:our|a|the)\s+"
    r"(?:[\w-]+\s+){0,2}?pharmacy\b",
    re.I,
)


_NO_NOUN = compile_pattern(
    r"our\s|(?:custom[- ]?)?compounded\s+(?:fresh\s+)?(?:by|at|in)\s|" + _MIXED + r"\s",
    re.I,
)


def _compounded_unnamed(view: DocumentView, rule) -> list[Finding]:
    """A compounded preparation of a drug the knowledge base does not list, sold in the draft's own voice.

    Compounded drugs are not FDA-approved whatever they contain, so the
    disclosure is owed even when the drug itself is unknown to the knowledge base.
    """
    for sentence in view.sentences_matching(_COMPOUNDED_PREPARATION):
        if sentence.question or not _SOLD_TO_YOU.search(sentence.text):
            continue
        match = _COMPOUNDED_PREPARATION.search(sentence.text)
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if sentence.negated(start, end) or _NO_LONGER_OFFERED.search(sentence.text, 0, match.start()):
            continue
        if (
            _has_disclosure(view, _NOT_APPROVED, True)
            or _has_disclosure(view, _OFF_LABEL, False)
            or _approval_denied_in_answer(view)
        ):
            return []
        mention = " ".join(match.group().split())
        if _NO_NOUN.match(mention):
            mention = "compounded preparations"  # "compounded by our partner pharmacy": the draft names no product
        at, begin, end = sentence, match.start(), match.end()
        first = _first_mention(view, sentence)
        if first is not None:
            # "It's basically Zepbound, mixed fresh by our partner pharmacy": the gap opens where the draft first
            # offers the medicine, not where it says who mixes it
            at, begin, end = first.sentence, first.product.start, first.product.end
            mention = "compounded " + view.named(first)
        values = {"product": mention, "is": "are" if _plural(mention) else "is"}
        return [view.finding(rule, at, begin, end, values, view.appended(rule, values))]
    return []


def _first_mention(view: DocumentView, sentence: Sentence) -> Claim | None:
    """An earlier mention, in the same paragraph or the paragraph before, of a medicine the sentence names.

    Only that near: a page may sell the approved form of a drug in one list item (weekly testosterone
    injections) and a compounded form in the next (a testosterone cream); and a heading names a page's subject
    without selling it.
    """
    generic = view.knowledge.generic
    named = {generic(c.product.id) for c in view.claims_in(sentence) if c.product.end}
    here = view.position(sentence)
    index = here[0]
    for claim in view.claims:
        where = view.position(claim.sentence)
        if where >= here:
            return None
        if (
            generic(claim.product.id) in named
            and (where[0] == index or (where[0] == index - 1 and claim.sentence.segment.kind == "paragraph"))
            and claim.product.end
            and claim.use not in ("harm", "not-promoted", "approved")
        ):
            return None if claim.sentence.question else claim
    return None


# "Berberine is a plant compound, not a GLP-1 medicine": said of a supplement, the reader learns it is no approved drug
_NOT_A_DRUG = compile_pattern(r"\bnot\s+an?\s+(?:[\w-]+\s+){0,2}?(?:medicines?|drugs?|medications?)\b", re.I)


def _said_not_a_drug(view: DocumentView, product_id: str) -> bool:
    """Whether a sentence naming a supplement says it is not a medicine."""
    if view.knowledge.products[product_id].kind != "supplement":
        return False
    return any(
        claim.product.id == product_id and _NOT_A_DRUG.search(claim.sentence.text)
        for claim in view.claims
        if claim.product.end
    )


def _testimonials(view: DocumentView) -> list[Sentence]:
    """The draft's testimonials, found once for both testimonial checks."""
    if "testimonials" not in view.memo:
        hinted = view.sentences_matching(_TESTIMONIAL_HINT)
        found = [s for s in hinted if not s.question and _is_testimonial(s)]
        # a signed quotation is one testimonial, all of its line: "Size 18 to size 10 in four months. ..." — Alyssa, 34
        seen = {view.position(s) for s in found}
        for signed in [s for s in found if _ATTRIBUTION.search(_signed_line(s))]:
            line_start, end = _line_of(signed)
            for other in view.sentences_of(view.position(signed)[0]):
                if (
                    view.position(other) not in seen
                    and not other.question
                    and line_start <= _first_word_at(other) < end
                ):
                    found.append(other)
                    seen.add(view.position(other))
        view.memo["testimonials"] = sorted(found, key=view.position)
    return view.memo["testimonials"]


def testimonial_spans(view: DocumentView) -> list[tuple[int, int]]:
    """Where the draft's testimonials stand in its source, as (start, end) offsets."""
    return [s.segment.source_span(s.start, s.start + len(s.text)) for s in _testimonials(view)]


def _first_word_at(sentence: Sentence) -> int:
    """Where a sentence's first word stands in its segment (past a line break or placeholder it opens with)."""
    return sentence.start + len(sentence.text) - len(sentence.text.lstrip(f" \n{PLACEHOLDER}"))


def states_typical_results(view: DocumentView) -> bool:
    """Whether the draft says what results people generally get, in figures or in plain words."""
    if "typical" not in view.memo:
        view.memo["typical"] = (
            any(
                _QUANTITY.search(s.text) and _about_results(s.text) and _tells_results(view, s)
                for s in view.sentences_matching(_EXPECTED_RESULTS)
            )
            or any(_tells_results(view, s) for s in view.sentences_matching(_TYPICAL_IN_WORDS))
            or _typical_in_table(view)
            or _typical_in_section(view)
            or _typical_after_disclaimer(view)
        )
    return view.memo["typical"]


# "These are individual experiences.", "Results vary.", "Rachel's experience is her own."
_DISCLAIMER = compile_pattern(
    r"\b(?:individual|personal)\s+(?:[\w-]+['’]s?\s+)?(?:results?|experiences?)\b"
    r"|\b(?:results|experiences|recovery|recovery\s+times?|healing|timelines?|outcomes)\s+(?:may\s+|will\s+|can\s+)?var(?:y|ies)\b"
    # "These are real customer experiences, and your baby's may differ."
    r"|\b(?:yours|your\s+(?:baby|child|kid|son|daughter)['’]s|your\s+(?:results?|experience))\s+(?:may|might|will|can)\s+"
    r"(?:differ|vary|be\s+different)\b"
    r"|\b(?:experiences?|stor(?:y|ies)|reasons?|results?|outcomes?)\s+(?:is|are)\s+(?:her|his|their|my)\s+own\b"
    # "Alicia's outcome is one story.", "Renée's experience is not a guarantee.", "Mei's experience is one of many."
    r"|\b(?:outcome|story|result|experience)\s+(?:is\s+(?:just\s+|only\s+)?(?:one|a\s+single)\s+(?:story|experience|case)"
    r"|(?:is\s+not|isn['’]t)\s+(?:a\s+)?(?:guarantee|promise)|is\s+one\s+of\s+many)\b"
    r"|\b(?:one|a\s+single)\s+(?:person|customer|patient|parent|member|reader|user|wearer)['’]s\s+(?:experience|story)\b"
    r"|\b(?:reflect|describe)\s+individual\s+(?:families|customers|members|parents|patients|users|people|buyers)\b"
    # "Everyone's experience is different."
    r"|\b(?:everyone|everybody|each\s+(?:person|patient|body))['’]s\s+(?:experience|results?|response|body)\s+"
    r"(?:is|are|will\s+be)\s+different\b"
    # the story set above the usual: "Teresa's result is on the higher end", "Her experience is encouraging but not
    # typical of everyone", "Sam's loss was better than average"
    r"|\b(?:result|experience|outcome|story|loss|response|recovery)s?\s+(?:is|was|are|were)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:(?:but\s+)?(?:not|n['’]t)\s+typical|(?:on\s+)?the\s+(?:higher|high|upper|better|best|far)\s+end"
    r"|(?:better|bigger|faster|larger)\s+than\s+(?:average|typical|most)|above\s+(?:average|typical)"
    # "Maya's result is one of the best outcomes we see"
    r"|(?:one\s+of|among)\s+the\s+(?:best|biggest|strongest|fastest)\s+(?:results|outcomes|responses|recoveries)"
    r"\s+(?:we|I|our\s+team)\s+(?:see|saw|have\s+seen|['’]ve\s+seen|have\s+had))\b",
    re.I,
)
# Others said to fare less well than the story told: "some people feel worse than she did", "some patients need
# more than one course", "some people have the IUD removed because of side effects"
_OTHERS_FARE_WORSE = compile_pattern(
    r"\bsome\s+(?:[\w-]+\s+){0,2}?(?:feel|felt|do|did|fare|fared|respond|responded)\s+(?:much\s+|a\s+lot\s+)?"
    r"(?:worse|less\s+well)\b"
    r"|\bsome\s+(?:[\w-]+\s+){0,2}?(?:need|needs|needed|require|required)\s+(?:more\s+than\s+one|a\s+second|another"
    r"|further|additional|extra)\s+(?:[\w-]+\s+)?(?:course|round|session|treatment|procedure|infusion|cycle|touch-up"
    r"|refinement)s?\b"
    r"|\bsome\s+(?:[\w-]+\s+){0,3}?(?:have|had|get|got)\s+(?:it|them|the\s+[\w-]+|their\s+[\w-]+)\s+removed\b"
    r"|\bsome\s+(?:[\w-]+\s+){0,2}?(?:stop|stopped|quit)\b[^.!?;]{0,40}?\b(?:because\s+of|due\s+to)\b",
    re.I,
)
# The product itself is said to bring no health result: "it has not been shown to prevent stones",
# "any change in your blood pressure comes from your care plan, not from the watch"
_NO_RESULT_FROM_IT = compile_pattern(
    r"\b(?:(?:has|have)\s+not|hasn['’]t|haven['’]t)\s+been\s+shown\s+to\s+(?:\w+ly\s+)?(?:prevent|treat|cure|improve|reduce"
    r"|lower|relieve|ease|heal|stop|change|speed|help\s+with|work\s+for)\b"
    r"|\b(?:change|improvement|difference|results?|benefits?)\b[^.!?]{0,60}?\bcomes?\s+from\b[^.!?]{0,80}?\bnot\s+from\b"
    r"|\bnot\s+(?:be\s+(?:read|taken|seen)\s+as\s+)?evidence\s+that\b"
    # it does not work for all, or every time: "A sunscreen can't prevent every sunburn", "How well any sunscreen
    # works for you depends on how much you apply", "even with a careful plan, some travelers still get symptoms"
    r"|\b(?:can['’]t|cannot|won['’]t|doesn['’]t|does\s+not)\s+(?:prevent|stop|cure|fix|guarantee)\s+(?:every|all)\b"
    r"|\bhow\s+well\s+(?:[\w-]+\s+){0,3}?works?\b[^.!?]{0,40}?\bdepends\s+on\b"
    r"|\bsome\s+(?:[\w-]+\s+){0,2}?still\s+(?:develop|get|have|need|see|feel|experience)\b"
    # the product's own limit, or what readers should not expect: "this balm does not treat eczema", "flares are
    # not expected to change", "most people should not expect fewer flares from this product alone"
    r"|\b(?:(?:does|do|did)\s+not|doesn['’]t|don['’]t|didn['’]t)\s+(?:treat|cure|prevent|heal|change|improve|reduce|lower"
    r"|shrink)\b"
    r"|\bnot\s+expected\s+to\b|\bshould(?:n['’]t|\s+not)\s+expect\b|\b(?:don['’]t|do\s+not)\s+expect\s+(?:a|an|the|this|our|any|it|them)\b"
    # "the controlled trial described above found no difference in digestion"
    r"|\b(?:trials?|stud(?:y|ies)|research|reviews?)\b[^.!?]{0,60}?\b(?:found|showed|shows|finds)\s+no\s+(?:difference"
    r"|benefit|effect|change|improvement)\b"
    # "We don't claim our milk prevents or treats any illness"
    r"|\b(?:don['’]t|do\s+not|cannot|can['’]t)\s+claim\b[^.!?]{0,60}?\b(?:prevents?|treats?|cures?|helps?|works?)\b"
    r"|\bmake\s+no\s+(?:health\s+|medical\s+)?claims?\b",
    re.I,
)
# what most people get, said right after the disclaimer: "Most members tell us they feel relaxed after a session"
_SHARE_OF_PEOPLE = compile_pattern(
    r"^\W*(?:(?:in|from)\s+(?:our\s+|an?\s+)?(?:\d{4}\s+)?(?:[\w-]+\s+){0,3}?(?:survey|trials|studies|tests?|study|trial|poll|panel"
    r"|audit|registry|review)\b"
    r"|(?:in\s+our\s+(?:clinic|practice|experience|program|studio|office)s?,?\s+)?(?:most|many|on\s+average"
    # a share in words: "about a third of people who finish the program", "roughly two-thirds of buyers"
    r"|(?:(?:about|around|roughly|nearly|almost|over|under|just\s+over|just\s+under)\s+)?"
    r"(?:half|(?:a|one|two)[- ]thirds?|(?:a|one|three)[- ]quarters?|a\s+fifth))\b"
    # or in mid-clause: "OTC creams relieve itching for a while in many people"
    r"|[^.!?;]{0,80}?\b(?:in|for)\s+(?:most|many|about\s+half|half)\s+(?:of\s+)?(?:people|patients|users|customers|adults|buyers)\b"
    # a share given in figures: "About 4 in 10 testers reported less fatigue", "62% of buyers said"
    rf"|(?:(?:about|around|roughly|nearly|almost|just\s+over|just\s+under|over|under)\s+)?{SHARE_OF_WHOLE}"
    r"|\d{1,3}(?:\.\d)?\s?%\s+of\b"
    # what people mostly report: "Customers tell us mainly about softer cuticles"
    r"|(?:our\s+)?(?:customers|members|users|patients|clients|buyers|parents|families|readers)\s+(?:(?:mostly|mainly|usually"
    r"|typically|most\s+often)\s+(?:tell\s+us|report|describe|mention|notice)\b|(?:tell\s+us|report)\s+(?:mostly|mainly"
    r"|most\s+often)\s+about)\b"
    # what the seller's own patients got in a year: "In 2024, our patients 35 and under froze a median of 11 eggs"
    r"|in\s+(?:19|20)\d{2},?\s+(?:our\s+)?(?:[\w-]+\s+)?(?:patients|clients|members|users|customers)\b"
    # "For patients aged 38 to 40 at our clinic in 2023, about 29% of retrievals led to a live birth."
    r"|(?:for|among)\s+(?:[\w-]+\s+){0,8}?(?:patients|people|clients|members|women|men|users|customers)\b[^.!?]{0,80}?\d\s*%)",
    re.I,
)


def disclaims_results(text: str) -> bool:
    """Whether a sentence says that the stories told are one person's and that results vary."""
    return _DISCLAIMER.search(text) is not None


# A share of people anywhere in a sentence: "about 1 in 4 need another round", "on average, decline is slower",
# "most patients", "62% of buyers" (not a superlative, "the most common", nor "many years")
_SHARE_IN_CLAUSE = compile_pattern(
    r"\b(?:on\s+average|(?:about|around|roughly|nearly|almost)\s+(?:half|a\s+third|a\s+quarter|two-thirds)"
    rf"|{SHARE_OF_WHOLE}|\d{{1,3}}(?:\.\d)?\s?%\s+of)"
    r"|(?<!\bthe\s)\b(?:most|many)\s+(?:of\s+(?:our|the|them|these)\s+)?(?:[\w-]+\s+)?(?:people|patients|members"
    r"|clients|customers|users|buyers|men|women|adults|children|kids|parents|families|testers|wearers|participants"
    r"|readers|guests|travelers|cases)\b",
    re.I,
)


_NEXT_CLAUSE = compile_pattern(r"[^;:]*[;:]\s*(.*)", re.S)


def _typical_after_disclaimer(view: DocumentView) -> bool:
    """A disclaimer that results vary, next to what most people get or to the product's own limits.

    "Individual results vary. Most of our implant patients finish in three to six months": the disclaimer alone
    states nothing typical, the sentence after it does, unless that sentence is itself a claim. The share may
    come first ("In our in-use test, 79% said their lips felt less dry. Results vary."), and a product said to
    bring no result itself ("One person's experience. It has not been shown to prevent stones") sets the
    expectation too.
    """
    for sentence in view.sentences_matching(_DISCLAIMER):
        index = view.position(sentence)[0]
        # or in the clause after it: "Results vary with fit; in our wear test, about 1 in 6 testers had a leak",
        # "Recovery varies: most men are back at work in 1 to 3 days"
        rest = sentence.text[_DISCLAIMER.search(sentence.text).end() :]
        clause = _NEXT_CLAUSE.match(rest)
        if clause and _SHARE_OF_PEOPLE.search(clause.group(1)) and _tells_results(view, sentence):
            return True
        answer = view.answer_to(index, sentence)
        reply = answer[1] if answer is not None else None
        shares = (reply, view.before_in_paragraph(index, sentence))
        if any(s is not None and _SHARE_OF_PEOPLE.search(s.text) and _tells_results(view, s) for s in shares):
            return True
        if any(s is not None and _NO_RESULT_FROM_IT.search(s.text) for s in (sentence, reply)):
            return True
        # or that others fare less well, in the same sentence or the next: "Linda's experience is her own. Side
        # effects differ from person to person, and some people feel worse than she did."
        after = view.after_in_paragraph(index, sentence)
        if _OTHERS_FARE_WORSE.search(rest) or (after is not None and _OTHERS_FARE_WORSE.search(after.text)):
            return True
        # or a share anywhere later in the disclaimer's paragraph: "Individual experiences. Dana had mild crowding.
        # Treatment takes 4 to 14 months, and about 1 in 4 need a second round", "results vary, and on average ..."
        if _SHARE_IN_CLAUSE.search(rest) and _tells_results(view, sentence):
            return True
        later = [s for s in view.sentences_of(index) if s.start > sentence.start]
        if any(_SHARE_IN_CLAUSE.search(s.text) and _tells_results(view, s) for s in later):
            return True
        # or the product's own limit further on: "Individual experiences; wait times vary. ... It has not been shown
        # to reliably speed recovery"
        if any(_NO_RESULT_FROM_IT.search(s.text) for s in later):
            return True
    return False


def _typical_in_section(view: DocumentView) -> bool:
    """Figures about results under a heading that announces what people generally get.

    "## What results most patients get" over "- About 96% of implants were still in place at 10 years".
    """
    headings = [s for s in view.sentences_matching(_TYPICAL_HEADING) if s.segment.kind == "heading"]
    if not headings:
        return False
    announced = {h.segment.text for h in headings}
    return any(
        view.heading_over(s) in announced and _about_results(s.text) and _tells_results(view, s)
        for s in view.sentences_matching(_QUANTITY)
        if s.segment.kind != "heading"
    )


def _typical_in_table(view: DocumentView) -> bool:
    """A figure in a table column headed by what it is: "| Trial | Average weight loss |" over "| STEP 1 | 14.9% |"."""
    for index, segment in enumerate(view.document.segments):
        if segment.kind != "table-cell" or not _QUANTITY.search(segment.text):
            continue
        for sentence in view.sentences_of(index):
            header = view.column_header(sentence)
            if (
                header
                and _EXPECTED_RESULTS.search(header)
                and _RESULT_TERM.search(header)
                and _tells_results(view, sentence)
            ):
                return True
    return False


def _about_results(text: str) -> bool:
    """An outcome or an average, or a trial's figures that are not about its side effects.

    Or the course of a typical patient told whole: "A typical single-implant patient has 2 to 4 days of
    swelling and receives the final crown 3 to 6 months after placement".
    """
    if _LAB_RESULTS.search(text):
        return False  # "Results usually post to your dashboard within 10 to 14 days": a test's report, not an outcome
    if _RESULT_TERM.search(text) or _TYPICAL_PERSON.search(text):
        return True
    return bool(_TRIAL.search(text)) and not _HARM_TALK.search(text)


_LAB_RESULTS = compile_pattern(
    r"\bresults?\s+(?:usually\s+|typically\s+|generally\s+|will\s+|should\s+)?(?:post|come\s+back|arrive|upload"
    r"|are\s+(?:ready|available|posted|uploaded|back)|(?:be\s+)?(?:ready|available|posted|uploaded))\b"
    r"|\b(?:lab|test|blood[- ]?work|blood[- ]test|kit)\s+results\s+(?:usually\s+|typically\s+)?"
    r"(?:take|arrive|post|come)\b",
    re.I,
)


_TYPICAL_PERSON = compile_pattern(
    r"\b(?:a|the|our)\s+typical\s+(?:[\w-]+\s+){0,2}?(?:patient|client|member|customer|user|person|guest)\b"
    r"(?!\s+who\b)",  # not who comes in: "The typical person who walks through our door has tried ..."
    re.I,
)


_TRIAL = compile_pattern(r"\b(?:trials?|stud(?:y|ies))\b", re.I)
# "In the original trials, fewer than 2% of men reported decreased libido": a figure about harms, not results
_HARM_TALK = compile_pattern(
    r"\b(?:side[- ]effects?|adverse|harms?|risks?|nausea|vomiting|diarrh\w*|dizz\w*|libido|erectile"
    r"|ejaculat\w*|withdrawal|dissociat\w*|blood\s+pressure|discontinu\w*|stopped\s+(?:taking|treatment))\b",
    re.I,
)


def _tells_results(view: DocumentView, sentence: Sentence) -> bool:
    """A figure that is itself an unsupported claim sets no expectation.

    "Most members are down 15 pounds in month one" is the claim a testimonial
    needs balancing against, not the balance.
    """
    return not sentence.question and not view.claims_efficacy(sentence)


# A story that tells its own limit: "It hasn't made her colds any shorter", "I still felt sluggish at high camp",
# "I needed one round of extra aligners"
_OWN_LIMIT = compile_pattern(
    r"\b(?:hasn['’]t|didn['’]t|doesn['’]t|won['’]t|has\s+not|did\s+not|does\s+not)\s+(?:made|make|cure|cured|fix|fixed"
    r"|stop|stopped|prevent|prevented|shorten|shortened)\b"
    r"|\bI\s+still\s+(?:felt|feel|had|have|get|got|needed|need|use|used|wear|take|took)\b"
    r"|\b(?:I|we|she|he)\s+(?:needed|need)\s+(?:one|an|a|two|another)\s+(?:more|extra|second|additional)?\s*"
    r"(?:round|course|session|set|refinement|touch-up|procedure)s?\b"
    r"|\bnot\s+(?:a\s+)?(?:miracle|magic|overnight)\b",
    re.I,
)


def _tells_own_limit(sentence: Sentence) -> bool:
    """A testimonial whose signed quotation (or, unsigned, the sentence itself) tells its own limit."""
    signed = _signed_line(sentence)
    return bool(_OWN_LIMIT.search(signed if _ATTRIBUTION.search(signed) else sentence.text))


def testimonial_disclosure(view: DocumentView, rule) -> list[Finding]:
    """Patient results are quoted and the draft does not state the generally expected results."""
    testimonials = [t for t in _testimonials(view) if not _tells_own_limit(t)]
    if not testimonials or states_typical_results(view):
        return []
    first = testimonials[0]
    text = first.text
    start = len(text) - len(text.lstrip(" \t\n\"“'" + PLACEHOLDER))
    end = len(text.rstrip(" \t\n" + PLACEHOLDER))
    return [view.finding(rule, first, start, end, {}, view.appended(rule, {}))]


# A dramatic result in a patient's own words: a condition gone, medicines stopped, a number of pounds, years younger
_DRAMATIC_RESULT = compile_pattern(
    r"\b(?:gone|vanished|disappeared|cured|healed|transformed|life[- ]changing|changed\s+my\s+life"
    r"|(?:my|our|his|her)\s+(?:whole\s+)?(?:life|lives|son|daughter|husband|wife|kids?|energy|drive|hair|hairline)\s+back"
    r"|saved\s+(?:my|our)\b|no\s+more\b|(?:pain|symptom|migraine|anxiety|craving)[- ]free|off\s+(?:my|all|both)\b"
    r"|(?:lost|dropped|shed|down)\s+(?:\d+|[a-z]+ty(?:-[a-z]+)?)\s*(?:lbs?|pounds|kg|kilos)|years?\s+younger"
    r"|(?:feel|felt|feeling)\s+(?:like\s+(?:I['’]m\s+)?)?(?:\d\d|twenty|thirty)\b|never\s+(?:been|felt)\s+better"
    r"|(?:haven['’]t|hasn['’]t|have\s+not|has\s+not)\s+(?:once\s+)?(?:had|felt|needed|touched|been|snored|missed)\b"
    r"|a\s+(?:different|new)\s+(?:man|woman|person)\b"
    # "I got my 30s back", "I was sleeping through the night"
    r"|\bgot\s+(?:my|our|his|her)\s+(?:[\w'’-]+\s+){1,3}?back\b"
    r"|(?:sleeping|slept|sleep)\s+through\s+(?:the|every)\s+night"
    r"|first\s+(?:time|(?:full\s+|good\s+|real\s+|whole\s+)?night(?:['’]s\s+sleep)?)\s+(?:in\s+(?:(?:over|nearly|almost)\s+)?(?:years|\d+|a\s+decade|ages|[a-z]+\s+(?:years|months))|since\b)"
    r"|back\s+(?:to|on|at)\s+(?:work|the\s+(?:gym|trails?|court|field|office)|my\s+(?:job|feet|life|desk))"
    r"|never\s+looked\s+back|(?:stopped|quit)\s+needing|forg[eo]t\s+I\s+(?:even\s+)?(?:have|had)\s+it"
    # a before and after: "from 30 seizures a week to two", "size 18 to size 10", "from bedbound to hiking"
    r"|from\s+(?:a\s+)?(?:size\s+)?\d+\b[^.;!?]{0,40}?\bto\s+(?:a\s+)?(?:size\s+)?(?:\d+|zero|none|one|two|three)\b"
    r"|size\s+\d+\s+to\s+(?:a\s+)?size\s+\d+"
    r"|from\s+(?:bed[- ]?bound|housebound|a\s+wheelchair|crutches|a\s+walker)\s+to\b"
    r"|(?:done|gone|over|fixed|healed)\s+in\s+(?:\d+|one|two|three|four|five|six|a\s+few|a)\s+(?:days?|weeks?|months?)"
    r"|(?:done|gone|over|fixed|healed|lifted)\s+(?:after|within)\s+(?:just\s+|only\s+)?(?:one|two|three|four|a|my|the|\d+)"
    r"\s+(?:[\w-]+\s+)?(?:days?|weeks?|months?|sessions?|infusions?|treatments?|visits?|drips?|shots?|rounds?)\b"
    r"|(?:years?|months?)\s+(?:clean|sober)\b|not\s+(?:one|a\s+single)\s+(?:craving|flare|migraine|attack|seizure)"
    r"|cancell?ed\s+(?:my|the|her|his)\s+(?:\w+\s+)?(?:surgery|replacement|operation)"
    # a turnaround told against the calendar: "Three weeks on LDN and I walked my daughter to school"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|\d{1,2})\s+(?:days?|weeks?|months?|nights?)"
    r"\s+(?:on|of|with|into)\s+[^.;!?\n]{1,40}?,?\s+and\s+(?:I|I['’]m|my|she|she['’]s|he|he['’]s|her|his|we|our|it)\b"
    r"(?![^.;!?\n]{0,30}\b(?:still|nothing|no\s+(?:change|difference|better)|didn['’]t|wasn['’]t|worse)\b)"
    r"|ancient\s+history|(?:sleeping|sleep|feel|feeling|look|looking)\s+like\s+a\s+(?:teenager|kid|new\s+(?:man|woman|person)))",
    re.I,
)


# Turns of a story that only tell a dramatic result inside a testimonial: "His teacher couldn't believe it",
# "Went from a Norwood 4 to a full mop", "Three infusions in, I was planning my wedding". Read outside a quotation
# they are ordinary prose, so they do not make a sentence a testimonial.
_TOLD_RESULT = compile_pattern(
    r"\b(?:went|gone|go)\s+from\s+[^.;!?\n]{1,50}?\bto\s+(?:a\s+|an\s+|the\s+)?(?:zero|none|nothing|normal|straight|full"
    r"|maybe\s+one|honor\s+roll|\d|[A-D]['’]?s\b|walking|running|hiking|sleeping|hitting|back\s+(?:at|on|to))"
    r"|\b(?:norwood|stage)\s+\w+\s+to\s+(?:a\s+)?(?:full|stage|norwood|normal)\b"
    r"|\b(?:couldn['’]t|could\s+not|can['’]t)\s+believe\s+(?:it|the\s+difference|my|his|her|how|what)\b"
    r"|\b(?:was|were)\s+speechless\b|\bshook\s+(?:his|her)\s+head\b|\bproved\s+(?:her|him|them|everyone|every\s+\w+)\s+wrong\b"
    r"|\bI\s+cancell?ed\b(?!\s+(?:my|the|our)\s+(?:subscription|membership|order|plan|account|box))"
    r"|\bcancell?ed\s+it\b|\bnever\s+needed\s+the\s+(?:operation|surgery|transplant|replacement|procedure)"
    r"|\b(?:threw|tossed|binned|ditched|boxed\s+up|put)\s+(?:out\s+|away\s+)?(?:my|every|all\s+my|his|her)\s+"
    # a thing the condition needed: the medicines stopped are the stop-medicine rule's
    r"(?:[\w$,.-]+\s+){0,3}?(?:glasses|cane|CPAP|pads|razors?|socks|leggings|brace|magnifier|fan|crutches|walker)\b"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|a\s+few|\d{1,2})\s+(?:days?|weeks?|sessions?"
    r"|infusions?|drips?|bottles?|visits?|injections?|treatments?|shots?|doses?|dives?|rounds?|lozenges?)\s+(?:in|later)"
    r"\s*,?\s+(?:and\s+)?(?:I|I['’]m|my|the|she|he|his|her|we|it)\b"
    r"(?![^.;!?\n]{0,40}\b(?:still|nothing|no\s+(?:change|difference)|didn['’]t|wasn['’]t|worse|tired|sore|nause\w*|dizzy)\b)"
    r"|\b(?:ever\s+since|and\s+counting|(?:hasn['’]t|haven['’]t|never)\s+come\s+back|stayed\s+that\s+way)\b"
    r"|\bnever\s+had\s+(?:a\s+single|another|one)\b|\bnot\s+(?:one|a\s+single\s+\w+)\s+since\b"
    r"|\bdidn['’]t\s+(?:get|feel|have|catch)\s+(?:sick\s+once|a\s+single|one\s+single)\b"
    r"|\b(?:haven['’]t|hasn['’]t)\s+(?:once\s+)?(?:refilled|caught|wanted|complained|found)\b"
    r"|\b(?:completely|totally|perfectly|fully)\s+(?:clear|clean|normal|bare|back|filled\s+in|healed|smooth)\b"
    r"|\blike\s+(?:I['’]m|I\s+was|I\s+did|they\s+did|it\s+did)\s+(?:at\s+|in\s+my\s+)?(?:\d\d|twenty|thirty|twenties|thirties)"
    r"|\b(?:I['’]m|I\s+am)\s+(?:\d\d|twenty|thirty)\s+again\b|\bback\s+where\s+(?:it|they)\s+(?:was|were)\s+at\s+\d\d"
    r"|\b(?:fog|heaviness|depression)\s+(?:just\s+)?lifted\b"
    r"|\b(?:myself|normal)\s+again\b",
    re.I,
)


def testimonial_result(view: DocumentView, rule) -> list[Finding]:
    """A testimonial tells a dramatic result and the draft never says what results people generally get.

    The reader takes the story as what to expect (FTC Endorsement Guides). A
    draft that states typical results is left alone, as is a hedged story.
    """
    testimonials = _testimonials(view)
    if not testimonials or states_typical_results(view):
        return []
    found = []
    for sentence in testimonials:
        match = _DRAMATIC_RESULT.search(sentence.text) or _TOLD_RESULT.search(sentence.text)
        if match is None:
            continue
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if sentence.negated(start, end) or sentence.hedged(start, end):
            continue
        found.append(view.finding(rule, sentence, match.start(), match.end(), {}))
    return found


def _line_of(sentence: Sentence) -> tuple[int, int]:
    """Where the line that holds the sentence's first word starts and ends in its segment."""
    text, begins = sentence.segment.text, _first_word_at(sentence)
    line_end = text.find("\n", begins)
    return text.rfind("\n", 0, begins) + 1, len(text) if line_end < 0 else line_end


def _signed_line(sentence: Sentence) -> str:
    """The text that may carry the sentence's signature: its own line, or the paragraph's end.

    Cards and captions stacked one per line in a paragraph are each signed on
    their own line: '"Tossed my socks the same week." —Linda M.'.
    """
    text = sentence.segment.text
    line_start, line_end = _line_of(sentence)
    if line_end < len(text) and _ATTRIBUTION.search(text, line_start, line_end):
        return text[line_start:line_end]
    return text


_ASKS = compile_pattern(r"\?[\"”*_\s]*$")


def _is_testimonial(sentence: Sentence) -> bool:
    text = sentence.text
    segment = sentence.segment
    signed = _signed_line(sentence)
    attributed = _ATTRIBUTION.search(signed)
    if attributed and _STAFF.search(attributed.group()):
        return False  # the founder's or a clinician's words, not a patient's result
    if attributed and _ASKS.search(signed, 0, attributed.start() + 1):
        return False  # a reader's signed question: "... instead of my mammogram?" — Jess, 43
    if attributed and (
        _FIRST_PERSON.search(signed)
        or segment.kind == "blockquote"
        or _QUOTE_MARK.search(signed, 0, attributed.end())  # someone's words, signed
    ):
        if len(text.strip()) <= len(attributed.group().strip()) + 2 or _ATTRIBUTION.search(text):
            # the signature alone ('"... two years clean now." — Marcus R., Phoenix'), or the sentence that ends
            # the signed quotation: the quotation is read whole
            text = signed
        # a signed quotation tells one story: "Three failed retrievals. Four months on it and we got six embryos."
        return bool(
            _OUTCOME.search(text)
            or _DRAMATIC_RESULT.search(text)
            or _FIRST_PERSON.search(text)
            or _OUR_STORY.search(signed)
        )
    if segment.kind == "blockquote" and _FIRST_PERSON.search(text) and _OUTCOME.search(text):
        return True
    if _STRONG_FIRST_PERSON_RESULT.search(text):
        return True
    # "DOWN 14 LBS IN 3 WEEKS and I haven't felt hungry once": a story in the first person, unless it is
    # someone's words reported in order to weigh them ("A reader wrote: "I haven't had a cold in two years"")
    return bool(_FIRST_PERSON.search(text) and _DRAMATIC_RESULT.search(text) and not _REPORTED.search(text))


# words reported, not told: 'A reader wrote: "...', 'my brother-in-law swears it made him', 'a label says it "cured my'
_REPORTED = compile_pattern(
    r"\b(?:wrote|writes|says|said|told\s+(?:me|us)|asked|asks|swear|claim|insist)\b[^\"“.!?]{0,30}?[\"“]"
    r"|\b(?:swears|swore|insists|claims)\b"  # these report someone's words with or without quotation marks
)


def _tied_to_approval(text: str, match: re.Match, claim: Claim) -> bool:
    """Whether "FDA-approved" is said of this claim: next to its product, or (off-label) its condition.

    "FDA-approved oral minoxidil, now prescribed for hair regrowth" lends the
    product's approval to the use the sentence goes on to name: an approval
    right before the product counts for the off-label use too.
    """
    target = claim.condition if claim.use in ("off-label", "approved") and claim.condition else claim.product
    if _near(text, match, target, 6):
        return True
    if claim.use == "approved" and _near(text, match, claim.product, 6):
        return True  # "the only FDA-approved CBD product is Epidiolex, for seizures in ...": said of Epidiolex
    product = claim.product
    if claim.use != "off-label":
        return False
    if match.end() <= product.start:
        return _near(text, match, product, 2)
    # "Ketamine has been FDA-approved for decades, so for your pain ...": the product's approval, named
    # with no use of its own, is given as the reason to take it for the off-label use
    if not _near(text, match, product, 3) or _NAMES_A_USE.match(text, match.end()):
        return False
    return claim.condition.start > match.end() and bool(_SO.search(text, match.end(), claim.condition.start))


_SO = compile_pattern(r"\b(?:so|which\s+means|meaning|that['’]s\s+why|therefore)\b", re.I)


def _near(text: str, match: re.Match, target: Mention, words: int) -> bool:
    """Whether a match and a mention stand in one phrase: few words apart, no clause between them.

    A comma between coordinated words still counts ("FDA-approved,
    pharmaceutical-grade NAD+"); one that opens a clause does not.
    """
    lo, hi = (match.end(), target.start) if match.end() <= target.start else (target.end, match.start())
    between = text[lo:hi] if hi > lo else ""
    count = len(re.findall(r"\w+", between))
    if re.search(r"[;:]", between) or count > words:
        return False
    return "," not in between or (between.count(",") == 1 and count <= 2)


# The seller's voice, offering something to the reader ("you're getting", "your shot", "our vials"): a sentence
# that sells, not one that reports
_SOLD_TO_YOU = compile_pattern(r"\b(?:our|we|us|you|your)\b", re.I)
_NAMES_A_USE = compile_pattern(
    # "approved it, under the brand name Ketalar, as an anesthetic": a pronoun and an aside may come first
    r"\s*(?:(?:it|them)\b\s*)?(?:,[^,.;]{1,40},\s*)?(?:\((?:FDA|the\s+FDA)\)\s*)?(?:only\s+)?"
    r"(?:as\s+an?\b|to\s+(?:treat|lower|reduce|control|prevent|manage|relieve|improve)\b"
    r"|at\s+(?:a\s+dose\s+of\s+)?\d|in\s+(?!the\s+(?:US|U\.S\.))|"
    r"for\s+(?!decades\b|years\b|many\b|more\s+than\b|over\b|\d)"
    # a heading over the approved uses: "What it's FDA-approved for"
    r"|for\s*[:.?]?\s*$)",
    re.I,
)
# "FDA-approved medicines rather than a compounded copy": the approval is set against what is not approved
_CONTRASTED = compile_pattern(
    r"\b(?:rather\s+than|instead\s+of|not|unlike|versus|vs\.?|over|compared?\s+(?:with|to))\b[^.;]{0,60}?"
    r"\b(?:compound|our\s+(?:own\s+)?(?:pharmacy|product|version|formula|vials?)|the\s+pharmacy)",
    re.I,
)
# listed apart from what is compounded: "FDA-approved products and compounded creams and pellets"
_LISTED_APART = compile_pattern(
    r"[\w\s-]{0,30}?\b(?:and|or)\s+(?:[\w-]+\s+){0,2}?compounded\b(?!\s+(?:by|in|at|for|to|from|under)\b)", re.I
)
_GENERIC_APPROVED = compile_pattern(
    r"\s*(?:[\w-]+\s+)?(?:GLP-1s?|ingredients?|medications?|medicines?|meds?|drugs?|formulas?|peptides?|serums?"
    r"|molecules?|actives?|compounds?|shots?|injections?|vials?|pharmacy|pharmacies|lab|labs|hemp|extracts?|gummies|tinctures?"
    r"|oils?|softgels?|capsules?|hormones?|protocols?|programs?)\b",
    re.I,
)
_MEDICINES = compile_pattern(r"\b(?:GLP-1s?|medications?|medicines?|meds?|drugs?)\b", re.I)
# what a sentence's subject is, with the use it is approved for: said of that subject, not of what the page sells
_CLASSED = compile_pattern(r"\b(?:is|are)\s+(?:an?\s+|both\s+|all\s+)?$", re.I)
_FOR_A_USE = compile_pattern(r"\s*,?\s+(?:but\s+)?(?:only\s+)?(?:for|to\s+treat|to\s+prevent)\b", re.I)
# "Two FDA-approved weight-management drugs": several products, named elsewhere, not what the page sells
# "Every FDA-approved weight-loss medicine is approved for use with diet": a class, not what the page sells
# "... work better than FDA-approved ones": the approved products are the comparator
_COUNTED = compile_pattern(
    r"\b(?:two|three|four|both|several|many|other|these|those|every|any|each|than)\s+$|\bboth\s+(?:are|were)\s+$", re.I
)
_COMPARED = compile_pattern(r"\b(?:head[- ]to[- ]head|compar(?:e|es|ed|ing)\b|versus|vs\.?)\b", re.I)
_CLASS_HARMS = compile_pattern(
    r"\b(?:carry|carries|have|has|include|includes|cause|causes|can\s+cause)\s+(?:a\s+|the\s+|real\s+|serious\s+)?"
    r"(?:boxed\s+warnings?|warnings?|risks?|side\s+effects)\b",
    re.I,
)
_COVERED = compile_pattern(
    r"\b(?:covers?|covered|reimburses?|pays\s+for|formulary\s+lists?)\s+(?:only\s+)?$"
    r"|\b(?:switch(?:es|ed|ing)?|move[sd]?|moving|transition(?:s|ed)?)\s+(?:back\s+)?to\s+(?:an?\s+|the\s+)?$",
    re.I,
)
# what approval takes, said of approved drugs as a class: "FDA-approved drugs go through clinical trials"
_WHAT_APPROVAL_TAKES = compile_pattern(
    r"\s*(?:[\w-]+\s+){0,3}?(?:go\s+through|went\s+through|undergo|must\s+(?:show|prove|pass)|are\s+required\s+to"
    r"|(?:have|has)\s+been\s+(?:tested|studied|reviewed|evaluated|shown))\b",
    re.I,
)
_COMPOUNDED_DENIED = compile_pattern(
    r"\bcompounded\b[^.;]{0,40}?\b(?:do|does|are|is|have|has|did|were|was)(?:\s+not|n['’]t)\b", re.I
)
_NOT_REVIEWED = compile_pattern(
    r"\b(?:has|have|had)\s+not\s+been\s+(?:reviewed|evaluated|tested)\b|\bnot\s+(?:been\s+)?(?:reviewed|evaluated)\s+by\s+(?:the\s+)?FDA\b",
    re.I,
)
_APPROVED_FOR = compile_pattern(r"\bapproved\s+(?:only\s+)?(?:for|to\s+treat)\b", re.I)
# "an FDA-approved peptide, but only to reduce abdominal fat in HIV lipodystrophy": one named use, and no other
_ONE_USE_ONLY = compile_pattern(r"\s*(?:[\w-]+\s*){0,2}?[,;]?\s*(?:but\s+)?only\s+(?:to|for|in|as)\b", re.I)
# the approval is said of what the page sells, by a pronoun: "It's FDA-approved", "Everything they carry is"
_SAID_OF_IT = compile_pattern(
    r"(?:\bit['’]s|\bit\s+is|\bthey['’]re|\bthey\s+are|\beverything(?:\s+[\w'’]+){0,3}\s+is"
    r"|\bevery\s+(?:vial|batch|dose|bottle|order|product|item|shot|pen|syringe|capsule|one)\s+is|\ball\s+(?:of\s+)?our"
    r"(?:\s+[\w-]+){1,2}\s+are|\bour\s+(?:[\w-]+\s+)?(?:" + DOSAGE_FORMS + r"|medications?|meds)"
    r"\s+(?:are|is))\s+(?:(?:also|fully|100%|all|completely)\s+)?(?:an?\s+)?$",
    re.I,
)


_OURS = compile_pattern(r"\b(?:our|my)\s+(?:own\s+)?$", re.I)


def _nearest_claim(view: DocumentView, sentence: Sentence, match: re.Match) -> Claim | None:
    """The claim whose product stands nearest to a match in its sentence, if the sentence names one."""
    named = view.claims_in(sentence)
    if not named:
        return None
    return min(named, key=lambda c: min(abs(c.product.start - match.end()), abs(match.start() - c.product.end)))


_ONLY_BEFORE = compile_pattern(r"\bonly\s+(?:[\w-]+\s+){0,2}$", re.I)
_ONLY_AFTER = compile_pattern(r"(?:\s+[\w-]+){0,2}\s+only\b", re.I)


def _dispenses_only_approved(view: DocumentView, sentence: Sentence, match: re.Match, claim: Claim) -> bool:
    """An approved form offered as the only one, right after the unapproved one is said to be unapproved.

    "Compounded finasteride sprays are not FDA-approved. We dispense FDA-approved finasteride tablets only."
    """
    if claim.product.start < match.end():
        return False
    if not (
        _ONLY_BEFORE.search(sentence.text, 0, match.start()) or _ONLY_AFTER.match(sentence.text, claim.product.end)
    ):
        return False
    before = view.sentence_before(view.position(sentence)[0], sentence)
    return before is not None and before.segment is sentence.segment and bool(_NOT_APPROVED.search(before.text))


def _borrowed_approval(view: DocumentView, sentence: Sentence, match: re.Match) -> Claim | None:
    """What an approval claim lends its approval to, when the draft promotes something unapproved.

    "FDA-approved ketamine" on a page selling compounded troches, "tirzepatide
    is FDA-approved" on a page selling compounded tirzepatide, "FDA-approved
    ingredients" beside compounded products: the approval is said of the same
    product (or of a generic term) and borrowed for what has none. An approval
    said of another product, or of no product at all, is left alone.
    """
    promoted, bases = view.promoted
    refused = _refused(view) | _disowned_uses(view)
    promoted = [c for c in promoted if c.product.id not in refused]
    bases = {base: claim for base, claim in bases.items() if claim.product.id not in refused}
    if not promoted or _NAMES_A_USE.match(sentence.text, match.end()):
        return None  # "approved ... as an anesthetic": a specific use, judged as such
    if _COUNTED.search(sentence.text, 0, match.start()) or _COMPARED.search(sentence.text, 0, match.start()):
        return None  # "... better than FDA-approved ones", "head-to-head with the FDA-approved ...": the comparator
    nearest = _nearest_claim(view, sentence, match)
    if nearest is not None and _dispenses_only_approved(view, sentence, match, nearest):
        return None
    if nearest is not None and _APPROVAL.search(sentence.text, match.end(), nearest.product.start):
        # "FDA-approved products only: estradiol ...; and FDA-approved testosterone for men": the product
        # has an approval of its own, nearer to it
        nearest = None
        if _GENERIC_APPROVED.match(sentence.text, match.end()) is None:
            return None
    if (
        nearest is not None
    ):  # the approval is said of the product nearest to it ("esketamine, an FDA-approved derivative")
        sold = bases.get(nearest.product.id)
        if (
            sold is not None
            and sold.use == "off-label"
            and match.end() <= nearest.product.start
            and (
                _NAMES_A_USE.match(sentence.text, nearest.product.end)
                or _APPROVED_FOR.search(sentence.text, match.end())
            )
        ):
            # "FDA-approved testosterone for men with a confirmed diagnosis", "FDA-approved testosterone products
            # (gels, ...) are approved for men whose ...": a use, judged as such
            return None
        if nearest.product.id in bases and nearest.use in ("unnamed", "approved"):
            if _BRAND_OR_GENERIC.search(sentence.text, 0, nearest.product.start) or _GENERICS.match(
                sentence.text, match.end()
            ):
                # "Brand and generic tretinoin creams are FDA-approved", "the same FDA-approved generics you'd
                # pick up at a pharmacy": said of the approved products
                return None
            if _CONTRASTED.search(sentence.text, match.end()) or _LISTED_APART.match(sentence.text, match.end()):
                return None  # "the trial data belong to FDA-approved tirzepatide, not to our pharmacy's product"
            if _names_its_brand(view, sentence, nearest):
                return None  # "FDA-approved tirzepatide (Zepbound)": said of the brand, which is approved
            if (
                match.end() <= nearest.product.start
                and _has_disclosure(view, _NOT_APPROVED, True)
                and (not _SOLD_TO_YOU.search(sentence.text) or _COVERED.search(sentence.text, 0, match.start()))
            ):
                # "FDA-approved estradiol patches use the same molecule" in a draft that says its compounded
                # forms are not approved: the approval is the approved product's own, and the reader knows which;
                # what insurance covers ("Insurance may cover FDA-approved semaglutide if you qualify") is too
                return None
            if sold.use == "off-label" and _also_approved_use(view, nearest.product.id):
                return None  # "we prescribe only FDA-approved testosterone" where the draft treats hypogonadism too
            return sold
        if nearest.use in ("unnamed", "approved") and _OURS.search(sentence.text, 0, nearest.product.start):
            # "Our semaglutide is FDA-approved" from a seller of compounded drugs: its own is compounded too
            compounded = view.knowledge.products.get(f"compounded-{nearest.product.id}")
            forms = [c for c in promoted if view.knowledge.products[c.product.id].form_of]  # "compounded tirzepatide"
            sold = next(iter(forms + [c for c in promoted if c.use == "compounded"]), None)
            if compounded is not None and sold is not None and not _CONTRASTED.search(sentence.text, match.end()):
                return sold
        return None
    kind = _GENERIC_APPROVED.match(sentence.text, match.end())
    if kind and not _said_of_approved_drugs(sentence, match, kind.end()):
        if _MEDICINES.search(kind.group()) and _has_disclosure(view, _NOT_APPROVED, True):
            # "we start with FDA-approved medicines" in a draft that says what is not approved: the reader
            # has been told which are which; approval lent to an ingredient is judged whatever else is said
            return None
        return next((c for c in promoted if c.use != "off-label"), None)
    if _SAID_OF_IT.search(sentence.text, 0, match.start()) and not _CONTRASTED.search(sentence.text):
        referents = view.referents(sentence)
        products = view.knowledge.products
        if referents and all(
            products[c.product.id].status == "approved" and c.product.id not in bases for c in referents
        ):
            return None  # "Epidiolex is a prescription CBD. It is FDA-approved.": "it" is the approved product
        return promoted[0]
    return None


# a part of a kind, set apart from the rest: "Some peptides are FDA-approved medicines; others ..."
_SOME_OF_A_KIND = compile_pattern(
    r"\b(?:some|a\s+few|only\s+a\s+few|several|a\s+handful\s+of)\s+(?:[\w-]+\s+){1,2}?(?:are|is)\s+(?:also\s+)?$", re.I
)


def _said_of_approved_drugs(sentence: Sentence, match: re.Match, kind_end: int) -> bool:
    """Whether "FDA-approved drugs" speaks of approved drugs as such rather than lending approval to what is sold.

    Set apart from compounded products, limited to one use, given a source, or
    told by what approved drugs carry, take or are covered for. ``kind_end`` is
    where the kind of product after the approval ("drugs", "medicines") ends.
    """
    text, before, after = sentence.text, match.start(), match.end()
    return bool(
        # "Sterile saline and lactated Ringer's are FDA-approved drugs for replacing fluids": a subject and its use
        _CLASSED.search(text, 0, before)
        and _FOR_A_USE.match(text, kind_end)
        and not _SOLD_TO_YOU.search(text, 0, before)
        or _CONTRASTED.search(text, after)
        or _LISTED_APART.match(text, after)
        or _ONE_USE_ONLY.match(text, after)  # "an FDA-approved peptide, but only to ..."
        or _CLASS_HARMS.search(text, after)  # "FDA-approved GLP-1s carry a boxed warning"
        or _WHAT_APPROVAL_TAKES.match(text, after)  # "FDA-approved drugs go through clinical trials"
        or _COMPOUNDED_DENIED.search(text, after)  # "...; compounded drugs do not"
        or _COVERED.search(text, 0, before)  # "Insurance usually covers only FDA-approved drugs"
        or _APPROVED_KINDS.search(text, 0, before)  # "A generic is an FDA-approved drug"
        or _SOME_OF_A_KIND.search(text, 0, before)  # "Some peptides are FDA-approved prescription medicines"
        or _NOT_REVIEWED.search(text)  # "...; the finished product has not been reviewed"
        or _NOT_APPROVED.search(sentence.following)  # "We cover FDA-approved drugs. Compounded ones are not."
        or sentence.cited  # "in the REPLENISH trial (Lobo et al., 2018), an FDA-approved capsule ..."
        or _ONLY_APPROVED_PRODUCTS.search(text, 0, before) is not None
        and _APPROVED_PRODUCTS.match(text, after) is not None  # "We prescribe only FDA-approved medicines"
    )


# what is approved by definition, before its approval: "Generics are FDA-approved", "Brand-name drugs are"
_APPROVED_KINDS = compile_pattern(
    r"\b(?:generics?|generic\s+(?:drugs?|medicines?|versions?)|brand(?:-name)?\s+(?:drugs?|medicines?|products?|versions?))"
    r"\s+(?:\w+\s+){0,2}?(?:is|are)\s+(?:all\s+|also\s+)?(?:an?\s+)?$",
    re.I,
)
_GENERICS = compile_pattern(r"\s+generics?\b", re.I)
_BRAND_OR_GENERIC = compile_pattern(
    r"\b(?:brand(?:-name)?|branded|generic)(?:\s+(?:and|or)\s+(?:brand(?:-name)?|branded|generic))?\s+$", re.I
)


# "We prescribe only FDA-approved medicines": the writer sells nothing else (but "only FDA-approved ingredients"
# is said of what a compounder makes)
_ONLY_APPROVED_PRODUCTS = compile_pattern(r"\bonly\s+(?:the\s+)?$", re.I)
# what a prescriber's "only FDA-approved ..." is said of
_PRESCRIBED_KINDS = r"(?:products?|medicines?|medications?|drugs?|brands?|versions?|pens?|treatments?|options?)"
_APPROVED_PRODUCTS = compile_pattern(r"\s+(?:[\w-]+\s+)?" + _PRESCRIBED_KINDS + r"\b", re.I)


_WE_REFUSE = compile_pattern(
    r"\b(?:we|I)\s+(?:\w+\s+)?(?:do\s+not|don['’]t|does\s+not|doesn['’]t|will\s+not|won['’]t|cannot|can['’]t|never|no\s+longer)\b",
    re.I,
)
# a refusal for some people only: "we don't prescribe LDN to people taking opioids", "... if you are pregnant"
_SOME_PEOPLE = (
    r"(?:(?:to|for)\s+(?:people|patients|anyone|anybody|those|someone|men|women|children|kids"
    r"|teens|adults|members)\b|if\b|unless\b|when\b|while\b|during\b|with\s+(?:an?\s+)?(?:opioid|alcohol|history|heart))"
)
_FOR_SOME_ONLY = compile_pattern(r"\s*(?:\([^)]*\)\s*)?" + _SOME_PEOPLE, re.I)
# the same, after the product a policy names: "... compounded semaglutide to people with a history of thyroid cancer"
_FOR_SOME_AFTER = compile_pattern(r"(?:\s+[\w-]+){0,3}?\s+" + _SOME_PEOPLE, re.I)


def _refused(view: DocumentView) -> set[str]:
    """Unapproved products the draft says it does not offer: "We do not start new patients on compounded semaglutide".

    Such a draft promotes the approved products instead, so its "we prescribe
    FDA-approved GLP-1 medicines" lends nothing to the compounded ones it names.
    """
    if "refused" not in view.memo:
        refused, denied, offered = set(), set(), set()
        for claim in view.promoted[0]:
            start = claim.sentence.start + claim.product.start
            refusal = _WE_REFUSE.search(claim.sentence.text, 0, claim.product.start)
            negated = claim.sentence.negated(start, start + 1)
            # "Isn't compounded semaglutide basically the generic? Short answer: no."
            answered_no = _denied_reply(view, claim.sentence)
            if refusal is not None and negated and not _FOR_SOME_ONLY.match(claim.sentence.text, claim.product.end):
                refused.add(claim.product.id)
            elif (negated and claim.use == "compounded") or (answered_no and claim.use != "off-label"):
                denied.add(claim.product.id)  # "they are not generic Wegovy": named only to be denied
            else:
                offered.add(claim.product.id)
        if next(view.sentences_matching(_ONLY_APPROVED_POLICY), None) is not None:
            # "Our clinic prescribes FDA-approved brand products only": the compounded ones it names are not sold
            refused |= {c.product.id for c in view.promoted[0] if c.use != "off-label"}
        if _refuses_compounding(view) or _asked_and_refused(view):
            # "We do not dispense compounded GLP-1s": none of the compounded products it names is sold
            products = view.knowledge.products
            refused |= {
                c.product.id for c in view.promoted[0] if c.use == "compounded" or products[c.product.id].form_of
            }
        view.memo["refused"] = refused | (denied - offered)
    return view.memo["refused"]


def _refuses_compounding(view: DocumentView) -> bool:
    """Whether the practice says it offers no compounded product to anyone.

    "We don't prescribe compounded semaglutide to people with a history of
    thyroid cancer" still offers it to everyone else.
    """
    for sentence in view.sentences_matching(_NO_COMPOUNDED_POLICY):
        text = sentence.text
        if any(not _FOR_SOME_AFTER.match(text, m.end()) for m in _NO_COMPOUNDED_POLICY.finditer(text)):
            return True
    return False


def _asked_and_refused(view: DocumentView) -> bool:
    """Whether the draft answers no when asked if it offers compounded forms: "Do you offer pellets? No."."""
    return any(_denied_reply(view, sentence) for sentence in view.sentences_matching(_OFFER_QUESTION))


_OFFER_QUESTION = compile_pattern(
    r"\b(?:do|does|will|can|would)\s+(?:you|y['’]all|your\s+(?:clinic|practice|pharmacy|team|doctors|providers))\s+"
    r"(?:\w+\s+)?(?:offer|sell|prescribe|dispense|provide|carry|stock|use|insert|compound|ship)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:compounded|pellets?|bioidentical|troches?|lozenges?|drops|sublingual|creams?)\b",
    re.I,
)
# the practice speaking of its own policy: "we", "our clinicians"
_OUR_PRACTICE = r"\b(?:we|I|our\s+(?:clinic|practice|pharmacy|team|doctors|clinicians|providers|program|prescribers))"
_NO_COMPOUNDED_POLICY = compile_pattern(
    _OUR_PRACTICE + r"\s+(?:\w+\s+)?"
    r"(?:do\s+not|don['’]t|does\s+not|doesn['’]t|will\s+not|won['’]t|never|no\s+longer)\s+(?:\w+\s+)?"
    r"(?:prescribe|dispense|offer|sell|stock|carry|fill|compound|make|ship|provide)\s+(?:any\s+)?compounded\b",
    re.I,
)
_ONLY_APPROVED_POLICY = compile_pattern(
    _OUR_PRACTICE + r"\s+(?:\w+\s+){0,2}?"
    r"(?:prescribe|dispense|offer|use|stock|carry|fill)s?\s+(?:only\s+FDA[- ]approved\s+(?:[\w-]+\s+){0,3}?"
    + _PRESCRIBED_KINDS
    + r"\b|FDA[- ]approved\s+(?:[\w-]+\s+){0,3}?"
    + _PRESCRIBED_KINDS
    + r"\s+only\b)",
    re.I,
)


def _disowned_uses(view: DocumentView) -> set[str]:
    """Products whose off-label use is named only to say it is not approved, in no seller's voice.

    "Using testosterone to slow aging is not FDA-approved." tells the reader
    what the page does not offer; "FDA-approved testosterone gels" beside it
    speaks of the approved products.
    """
    if "disowned" not in view.memo:
        uses: dict[str, bool] = {}
        for claim in view.promoted[0]:
            if claim.use == "off-label":
                text = claim.sentence.text
                disowned = (bool(_NOT_APPROVED.search(text)) and not _SOLD_TO_YOU.search(text)) or _denied_reply(
                    view, claim.sentence
                )  # "Do you offer testosterone as an anti-aging treatment? No."
                uses[claim.product.id] = uses.get(claim.product.id, True) and disowned
        view.memo["disowned"] = {pid for pid, disowned in uses.items() if disowned}
    return view.memo["disowned"]


def _also_approved_use(view: DocumentView, product_id: str) -> bool:
    """Whether the draft also ties the product to a condition it is approved for.

    A bare "FDA-approved testosterone" then has a use it is true of, and the
    approval is not plainly lent to the off-label one named elsewhere.
    """
    return any(c.product.id == product_id and c.use == "approved" for c in view.claims)


def _names_its_brand(view: DocumentView, sentence: Sentence, claim: Claim) -> bool:
    """Whether an approved brand of the product stands right beside it, one the other's gloss.

    "FDA-approved tirzepatide (Zepbound)" and "Wegovy (semaglutide) pen: FDA-approved"
    both speak of the brand.
    """
    brands = view.knowledge.approved_brands(claim.product.id)
    return any(
        other.product.id in brands
        and (0 <= other.product.start - claim.product.end <= 3 or 0 <= claim.product.start - other.product.end <= 3)
        for other in view.claims_in(sentence)
    )


def approval_claim(view: DocumentView, rule) -> list[Finding]:
    """'FDA-approved' said of an unapproved or compounded product, or of an off-label use."""
    found = []
    for sentence in view.sentences_matching(_APPROVAL):
        for match in _APPROVAL.finditer(sentence.text):
            if not _stated(sentence, match) or _NOT_AN_APPROVAL_CLAIM.search(sentence.text):
                continue
            if _NOT_APPROVED.search(sentence.text) or _sets_apart(view, sentence):
                continue  # "the only FDA-approved CBD product; other CBD oils are not FDA-approved"
            if _under_approved_header(view, sentence):
                continue  # "| FDA status | FDA-approved prescription drug |" under an "| Epidiolex |" header
            if _in_apposition_to_approved(view, sentence, match):
                continue  # "finasteride 1 mg, the FDA-approved hair loss tablet, with ...": said of finasteride
            claims = [c for c in view.claims_in(sentence) if _tied_to_approval(sentence.text, match, c)]
            wrong = [c for c in claims if c.use in ("unapproved", "compounded", "off-label")]
            right = [c for c in claims if c.use == "approved"]
            if wrong and all(c.use == "off-label" for c in wrong) and _OFF_LABEL.search(sentence.text):
                continue  # "... are FDA-approved for hair loss, and low-dose oral minoxidil is off-label"
            if right and not wrong and _SOLD_TO_YOU.search(sentence.text):
                # "Tirzepatide is FDA-approved, so you're getting an FDA-approved shot" on a page that sells
                # compounded tirzepatide: the base's approval is offered to the reader for what is sold
                _, bases = view.promoted
                sold = [bases[c.product.id] for c in right if c.product.id in bases]
                if sold and sold[0].use != "off-label":
                    right = []
            promoted = _borrowed_approval(view, sentence, match) if not wrong and not right else None
            if promoted is not None:
                # "FDA-approved ketamine, delivered discreetly" on a page that sells troches: the approval
                # is borrowed for what the draft promotes
                values = _product_values(view, promoted)
                said_of = _nearest_claim(view, sentence, match)
                promoted_name = values["product"]
                if said_of is not None:
                    values["product"] = view.named(said_of)
                values["use"] = f"the draft promotes {promoted_name}, which " + (
                    "is not FDA-approved"
                    if promoted.use != "off-label"
                    else f"is not approved for {values.get('condition', 'this use')}"
                )
                found.append(view.finding(rule, sentence, match.start(), match.end(), values))
                break
            if wrong and not right:
                values = _product_values(view, wrong[0])
                values["use"] = {
                    "unapproved": "it is not FDA-approved for any use",
                    "compounded": "compounded versions are not FDA-approved",
                    "off-label": f"it is not approved for {values.get('condition', 'this use')}",
                }[wrong[0].use]
                found.append(view.finding(rule, sentence, match.start(), match.end(), values))
                break
    return found


_APPOSITION = compile_pattern(r",\s*(?:the|an?)\s+$", re.I)


def _in_apposition_to_approved(view: DocumentView, sentence: Sentence, match: re.Match) -> bool:
    """Whether the approval says what an approved product just named is: "finasteride, the FDA-approved tablet"."""
    lead = _APPOSITION.search(sentence.text, 0, match.start())
    if lead is None:
        return False
    products = view.knowledge.products
    return any(
        0 <= lead.start() - c.product.end <= 8
        and products[c.product.id].status == "approved"
        and c.use not in ("compounded", "off-label", "unapproved")
        for c in view.claims_in(sentence)
    )


def _under_approved_header(view: DocumentView, sentence: Sentence) -> bool:
    """Whether a table cell stands in the column of an approved product, named in the column's header."""
    _, named = _column_products(view, sentence)
    products = view.knowledge.products
    return bool(named) and all(products[pid].status == "approved" for pid in named)


def label_restriction(view: DocumentView, rule) -> list[Finding]:
    """A claim that contradicts a product's label or REMS (Spravato at home)."""
    found = []
    kb = view.knowledge
    for claim in view.claims:
        for restriction in kb.products[claim.product.id].restrictions:
            found.extend(_breach(view, rule, claim, restriction))
    for product_id, restriction, sentence in _said_without_naming(view):
        claim = Claim(sentence, Mention(0, 0, product_id), None, "topic")
        found.extend(_breach(view, rule, claim, restriction))
    return _first_per_sentence(sorted(found, key=Finding.sort_key))


def _said_without_naming(view: DocumentView) -> Iterator[tuple[str, Restriction, Sentence]]:
    """Sentences that hold a product's forbidden wording without naming it, said of that product.

    A sentence speaks of the page's topic ("Visible results within 2 weeks" on
    a Spravato page), or of the one product the sentence before it names in the
    same paragraph ("Already prescribed Spravato? Pack it and keep up your doses
    at home").
    """
    kb = view.knowledge
    for product_id in view.topic:
        for restriction in kb.products[product_id].restrictions:
            for sentence in view.unnamed(_forbidden(restriction.forbids)):
                if not _in_column_of_another(view, sentence, product_id) and not _names_another_form(
                    view, sentence, product_id
                ):
                    yield product_id, restriction, sentence
    named_elsewhere = {claim.product.id for claim in view.claims} - set(view.topic)
    for product_id in sorted(named_elsewhere):
        for restriction in kb.products[product_id].restrictions:
            for sentence, before_names in view.followers(_forbidden(restriction.forbids), same_segment=True):
                if before_names == product_id and not _names_another_form(view, sentence, product_id):
                    yield product_id, restriction, sentence


_STATES_LIMIT = compile_pattern(
    r"\b(?:does|do|did)(?:n['’]t|\s+not)\s+(?:allow|permit)\b|\bnot\s+(?:allowed|permitted)\b"
    r"|\bcan(?:not|['’]t)\s+(?:be\s+)?(?:authoriz|allow|permit|prescrib|offer|provid|sen[dt]|ship|dispens|us|give"
    r"|administer)\w*"
    r"|\bmust\s+(?:be\s+)?(?:given|taken|used|administered|self-administered)\s+(?:in|at|under)\b"
    r"|\bonly\s+(?:in|at)\s+(?:a|an|the)\s+(?:certified|REMS|healthcare|clinic|doctor)"
    # a guideline's limit: "suggests discussing it only when ...", "advises against using it to improve energy"
    r"|\bonly\s+(?:when|if)\b|\b(?:advises?|recommends?|suggests?)\s+against\b"
    # a regulator's warning: "the FDA put out an alert about these products and the lack of monitoring at home"
    r"|\b(?:FDA|regulators?)\b[^.;]{0,40}?\b(?:alerts?|warn(?:s|ed|ings?)?|cautions?|cautioned)\b"
    # the limits set beside the topic: "low testosterone, normal aging, what testosterone can and cannot do"
    r"|\bcan\s+and\s+(?:cannot|can['’]t|can\s+not)\b|\bwhat\s+(?:[\w-]+\s+){0,3}?(?:cannot|can['’]t|won['’]t|doesn['’]t)\s+do\b",
    re.I,
)


def _breach(view: DocumentView, rule, claim: Claim, restriction) -> list[Finding]:
    """The first wording of a claim's sentence that the restriction forbids and the sentence states.

    A sentence that says the use is not approved or off-label states the limit
    rather than contradicting it ("FDA has not established that it is safe for
    low testosterone due to aging alone; prescribing it for that is off-label").
    """
    sentence = claim.sentence
    match = next((m for m in _forbidden(restriction.forbids).finditer(sentence.text) if _stated(sentence, m)), None)
    if match is None or _NOT_APPROVED.search(sentence.text) or _OFF_LABEL.search(sentence.text):
        return []
    if _TIME_WORDS.search(match.group()) and _SERVICE_BEFORE.search(sentence.text, 0, match.start()):
        return []  # how soon the clinic acts, not how soon the drug works: "We see new referrals within two weeks"
    if claim.product.end and _said_of_another(view, claim, match.start()):
        return []  # "Tamsulosin often helps within days, while finasteride can take six months": said of tamsulosin
    if _STATES_LIMIT.search(sentence.text):
        return []  # "Spravato at home: we cannot authorize it, because the REMS does not allow home use"
    header = view.column_header(sentence) if sentence.segment.kind == "table-cell" else None
    if header and (_NOT_APPROVED.search(header) or _OFF_LABEL.search(header)):
        return []  # "| Finasteride | Male-pattern hair loss | Hair loss in women |" under "| ... | Not approved for |"
    values = {**_product_values(view, claim), "restriction": restriction.summary}
    values["restriction_source"] = restriction.source
    return [view.finding(rule, sentence, match.start(), match.end(), values)]


_TIME_WORDS = compile_pattern(r"\b(?:\d+|one|two|three|four|five|six|days?|weeks?|hours?|months?|overnight)\b", re.I)
# a service timed just before the wording: "new referrals", "orders ship", "e-consults are answered"
_SERVICE_BEFORE = compile_pattern(
    r"\b(?:referrals?|appointments?|visits?|consults?|e-consults?|consultations?|orders?|shipping|ships|shipped"
    r"|deliver(?:y|ies|ed)|repl(?:y|ies)|answered|callbacks?|booked|scheduled|refunds?)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
# a contrast between two clauses: "..., while finasteride can take six months"
_SET_AGAINST = compile_pattern(r";|,\s*(?:while|whereas|but)\b|\bwhereas\b", re.I)


def _said_of_another(view: DocumentView, claim: Claim, at: int) -> bool:
    """Whether a wording belongs to another clause, set against the product's, or to another product nearer it."""
    low, high = sorted((claim.product.start, at))
    if _SET_AGAINST.search(claim.sentence.text, low, high):
        return True
    generic = view.knowledge.generic
    base = generic(claim.product.id)
    distance = abs(claim.product.start - at)
    return any(
        abs(other.product.start - at) < distance
        for other in view.claims_in(claim.sentence)
        if other.product.end and generic(other.product.id) != base
    )


UNSUPPORTED_STANCES = (
    "first-line", "first line", "first choice", "first-choice", "standard of care", "gold standard",
    "treatment of choice", "go-to treatment", "recommended for all", "recommended for everyone",
    "proven treatment", "before trying anything else", "first resort", "first thing we offer", "first thing to try",
    "first call", "not your last resort",
    "not the last resort", "not a last resort", "ahead of triptans", "ahead of antidepressants",
    "instead of saving", "saving them for last", "saving it for last", "try ketamine first",
    "great first step", "good first step", "sensible first step", "standard first step", "great place to start",
    "sensible place to start", "no need to grind through", "no reason to grind through", "without grinding through",
    "before ever filling", "before ever trying", "first thing we reach for", "why cycle through", "why keep cycling",
    "no need to keep cycling", "no reason to keep cycling", "stop cycling through", "no reason to spend years cycling",
    "pill shuffle", "why grind through", "without failing", "no failed-medication",
)  # fmt: skip


def guideline_position(view: DocumentView, rule) -> list[Finding]:
    """A stronger stance than the guideline for an intervention–condition pair.

    Where the knowledge base holds no guideline for the pair but the use is
    off-label or the product unapproved, a "first-line" or "standard of care"
    stance is unsupported all the same: no guideline recommends such a use.
    A sentence that names a condition but no product speaks of the draft's
    topic ("The proven treatment for ME/CFS" on a page selling LDN).
    """
    found = [f for claim in view.claims if claim.condition is not None for f in _stance(view, rule, claim)]
    kb = view.knowledge
    # a product named with no condition is used for the one the draft pairs it with:
    # "Make ketamine your first step, not your last resort" on a page about ketamine for depression
    paired = _paired_conditions(view)
    for claim in view.claims:
        condition = paired.get(claim.product.id)
        if condition is not None and claim.condition is None and claim.use not in ("harm", "not-promoted"):
            inferred = _topic_claim(kb, claim.sentence, claim.product.id, condition, named=claim.product)
            found.extend(_stance(view, rule, inferred))
    for product_id in view.topic:
        for sentence in _unnamed_stances(view, product_id):
            for condition in kb.condition_mentions(sentence.text):
                found.extend(_stance(view, rule, _topic_claim(kb, sentence, product_id, condition)))
    # a sentence that names no product goes on about the one named just before it
    for sentence, product_id in view.followers(_forbidden(_all_stances(kb))):
        if product_id in view.topic:
            continue
        pattern = _forbidden(_stances_of(kb, product_id))
        if any(_subjectless(sentence.text, m.start(), m.end()) for m in pattern.finditer(sentence.text)):
            for condition in kb.condition_mentions(sentence.text):
                found.extend(_stance(view, rule, _topic_claim(kb, sentence, product_id, condition)))
    found.extend(_skipped_first_tried(view, rule, paired, {(f.line, f.sentence) for f in found}))
    return _first_per_sentence(sorted(found, key=Finding.sort_key))


# A subject that points back: "Infusions are now a first-line option", "It's the standard of care"
_ANAPHOR_LEAD = compile_pattern(
    # perhaps after who it is for: "For our migraine patients, an infusion is the first thing we reach for"
    r"\W*(?:(?:for|with|in)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+\s*,\s*)?"
    r"(?:(?:the|these|this|our|its|such|an?)\s+)?(?:infusions?|treatments?|therap(?:y|ies)|sessions?|injections?"
    r"|shots?|it|they|this|that|these)\s*(?:is|are|was|were|remains?|has\s+become|have\s+become|['’]s|['’]re)\s+"
    r"(?:(?:now|also|really|simply|truly)\s+)*(?:(?:the|a|an|our)\s+)?",
    re.I,
)


def _subjectless(text: str, at: int, end: int | None = None) -> bool:
    """Whether what stands before a stance gives it no subject of its own, or one that points back.

    A stance that is itself the subject names what follows ("The first step is a
    medical evaluation"), not the page's treatment.
    """
    if end is not None and _STANCE_AS_SUBJECT.match(text, end):
        return False
    return bool(_UNNAMED_LEAD.fullmatch(text, 0, at) or _ANAPHOR_LEAD.fullmatch(text, 0, at))


_STANCE_AS_SUBJECT = compile_pattern(r"\s+(?:is|was|will\s+be)\s", re.I)


def _all_stances(kb: KnowledgeBase) -> tuple[str, ...]:
    """Every stance any guideline entry, or none, rules out (the union, deduplicated, in a stable order)."""
    return tuple(dict.fromkeys(UNSUPPORTED_STANCES + tuple(p for g in kb.guidelines for p in g.contradicts)))


def _stances_of(kb: KnowledgeBase, product_id: str) -> tuple[str, ...]:
    """The stances that go beyond the guidelines for a product: its entries' wording and those none backs."""
    return UNSUPPORTED_STANCES + tuple(p for g in kb.guidelines if g.intervention == product_id for p in g.contradicts)


def _far_from_product(claim: Claim, match: re.Match) -> bool:
    """Whether a product named in the sentence stands too far from a stance for the stance to be said of it."""
    if not claim.product.end:
        return False
    return min(abs(match.start() - claim.product.end), abs(claim.product.start - match.end())) > 120


def _paired_conditions(view: DocumentView) -> dict[str, Mention]:
    """For each product, the condition the draft ties it to, when it ties it to that one only and more than once."""
    paired: dict[str, list[str]] = {}
    for claim in view.claims:
        if claim.condition is not None:
            paired.setdefault(claim.product.id, []).append(claim.condition.id)
    return {product: Mention(0, 0, ids[0]) for product, ids in paired.items() if len(ids) >= 2 and len(set(ids)) == 1}


def _unnamed_stances(view: DocumentView, product_id: str) -> Iterator[Sentence]:
    """Sentences that name no product and take a stance on a use without a subject of their own."""
    pattern = _forbidden(_stances_of(view.knowledge, product_id))
    for sentence in view.unnamed(pattern):
        if _in_column_of_another(view, sentence, product_id):
            continue
        if any(_subjectless(sentence.text, m.start(), m.end()) for m in pattern.finditer(sentence.text)):
            yield sentence  # not said of something the sentence names ("psychotherapies are first-line")


# What may stand before a stance that has no subject of its own: "The proven treatment for ...",
# "Headline: Recommended for all ...", "Now the standard of care for ..."
_UNNAMED_LEAD = compile_pattern(
    r"(?:[^:.!?]{0,40}:\s*)?(?:(?:the|a|an|our|your|this|now|finally|simply|truly|it['’]s|it\s+is|is)\s+)*", re.I
)


def _stance(view: DocumentView, rule, claim: Claim) -> list[Finding]:
    """The stance of a claim's sentence that goes beyond the guideline for its product and condition."""
    kb = view.knowledge
    guidelines = kb.guidelines_for(claim.product.id, claim.condition.id)
    if not guidelines and claim.use in _UNBACKED_USES:
        for match in _forbidden(UNSUPPORTED_STANCES).finditer(claim.sentence.text):
            if _far_from_product(claim, match):
                continue
            if _stated(claim.sentence, match) and not _names_what_follows(claim, match):
                values = {**_product_values(view, claim), **_NO_GUIDELINE}
                return [view.finding(rule, claim.sentence, match.start(), match.end(), values)]
        return []
    found = []
    for guideline in guidelines:
        # every position in the knowledge base is short of first-line: the stances that no guideline
        # backs contradict each one, besides the wording its entry lists
        for match in _forbidden(guideline.contradicts + UNSUPPORTED_STANCES).finditer(claim.sentence.text):
            if _far_from_product(claim, match):
                continue
            if not _stated(claim.sentence, match):
                continue
            if _names_what_follows(claim, match):
                continue
            if (
                guideline.position == "reserved-for-refractory"
                and _REFRACTORY.search(claim.sentence.text)
                and not _SEQUENCE_STANCE.search(match.group())
            ):
                continue  # "for treatment-resistant depression, esketamine ... remains the standard of care"
            values = {**_product_values(view, claim), **_guideline_values(guideline)}
            found.append(view.finding(rule, claim.sentence, match.start(), match.end(), values))
            break
    return found


# what a finding says of a use that no guideline covers and no label backs
_UNBACKED_USES = ("off-label", "unapproved", "compounded")
_NO_GUIDELINE = {
    "position": "none",
    "body": "No guideline recommends this use",
    "year": "it is not FDA-approved",
    "summary": "describe it as off-label or investigational",
    "aligned": "Say what studies found, and that this use is off-label or not FDA-approved.",
}


def _guideline_values(guideline: Guideline) -> dict:
    return {
        "position": guideline.position,
        "body": guideline.body,
        "year": guideline.year,
        "summary": guideline.summary,
        "aligned": guideline.aligned,
    }


# Waving off the treatments tried first: "Why cycle through triptans for years?", "Skip the SSRI trial-and-error",
# "No need to have 'failed' a bunch of antidepressants first"
_SKIPS_FIRST_TRIED = compile_pattern(
    r"(?:\bwhy\b|\bno\s+(?:need|reason)\b|\bskip|\bforget\b|\b(?:don['’]t|doesn['’]t|won['’]t)\s+(?:have|need|require)"
    r"|\bwithout\b|\binstead\s+of\b|\bdone\b|\bno\s+more\b|\btired\s+of\b|\bstop\b"
    r"|\bbefore\s+(?:anyone|you|they)\s+(?:ever\s+)?(?:burns?|spends?|wastes?|loses?)\b)"
    r"[^.?!:;]{0,40}?(?:\bcycl\w*\s+through\b|\btrial[-\s]and[-\s]error\b|\bpill\s+(?:roulette|shuffle)\b"
    r"|\bfail(?:ed|ing)?\W{0,2}\s+(?:a\s+bunch\s+of|two|three|four|several|multiple|\w+\s+(?:antidepressants|medications|meds))\b)",
    re.I,
)
# a lead that is itself denied: "Don't skip the trial of a standard medicine"
_DENIED_LEAD = compile_pattern(r"(?:\bnot|\bnever|n['’]t)\s*$", re.I)


def _skipped_first_tried(view: DocumentView, rule, paired: dict[str, Mention], done: set) -> list[Finding]:
    """Sentences that tell the reader to skip the usual first treatments and go straight to the product.

    The condition is the one the sentence names, or the one whose usual first
    treatments it names ("triptans" for migraine), or else the one the draft
    ties the product to; the product is the one the sentence names, or the one
    named just before or just after, or the page's only topic.
    """
    kb = view.knowledge
    found = []
    for sentence in view.sentences_matching(_SKIPS_FIRST_TRIED):
        match = _SKIPS_FIRST_TRIED.search(sentence.text)
        if _DENIED_LEAD.search(sentence.text, 0, match.start()):
            continue
        named = kb.condition_mentions(sentence.text)
        named += [Mention(0, 0, m.id) for m in kb.first_tried_mentions(sentence.text)]  # told by its own name
        for product in _skipping_products(view, sentence):
            conditions = named or ([paired[product.id]] if product.id in paired else [])
            claims = (
                _topic_claim(kb, sentence, product.id, c, named=product if product.end else None) for c in conditions
            )
            finding = next(filter(None, (_skip_finding(view, rule, claim, match) for claim in claims)), None)
            if finding is not None:
                if (finding.line, finding.sentence) not in done:  # a stance the sentence takes is found already
                    found.append(finding)
                break
    return found


def _skipping_products(view: DocumentView, sentence: Sentence) -> list[Mention]:
    """What a sentence that waves off the usual treatments offers instead ("Skip the pill roulette. Try ketamine.")."""
    named = [c.product for c in view.claims_in(sentence)]
    if named:
        return named
    index = view.position(sentence)[0]
    after = view.answer_to(index, sentence)
    for near in (view.sentence_before(index, sentence), after[1] if after else None):
        ids = {c.product.id for c in view.claims_in(near)} if near is not None else set()
        if len(ids) == 1:
            return [Mention(0, 0, ids.pop())]
    return [Mention(0, 0, view.topic[0])] if len(view.topic) == 1 else []


def _skip_finding(view: DocumentView, rule, claim: Claim, match: re.Match) -> Finding | None:
    """A finding for a use the guidelines keep for later, or that no guideline or label backs."""
    guidelines = view.knowledge.guidelines_for(claim.product.id, claim.condition.id)
    if guidelines:
        values = _guideline_values(guidelines[0])
    elif claim.use in _UNBACKED_USES:
        values = _NO_GUIDELINE
    else:
        return None
    return view.finding(rule, claim.sentence, match.start(), match.end(), {**_product_values(view, claim), **values})


def _names_what_follows(claim: Claim, match: re.Match) -> bool:
    """Whether a stance is the subject of its sentence and names something other than the claim's product.

    "For depression, the first step is a visit with your doctor" says what comes
    first, and it is not ketamine; "the first step is ketamine" says it is.
    """
    subject = _STANCE_AS_SUBJECT.match(claim.sentence.text, match.end())
    if subject is None:
        return False
    between = claim.sentence.text[subject.end() : claim.product.start]
    return not (subject.end() <= claim.product.start and len(between.split()) <= 2)


# the population a reserved-for-refractory guideline keeps the treatment for, named by the sentence itself
_REFRACTORY = compile_pattern(
    r"\btreatment[- ]resistant\b|\brefractory\b|\b(?:not|n['’]t)\s+(?:improved|responded|helped)\b"
    r"|\bafter\s+(?:other|several|two|multiple|at\s+least\s+two)\s+(?:[\w-]+\s+){0,2}?(?:treatments|antidepressants|medications|medicines)"
    r"\s+(?:have\s+|had\s+)?(?:failed|not\s+helped)",
    re.I,
)
# a stance about order or reach, which no population named makes right: "before trying antidepressants", "everyone"
_SEQUENCE_STANCE = compile_pattern(
    r"\b(?:before|without|skip|instead|replace|replacement|anyone|everyone|every)\b", re.I
)


def _first_per_sentence(findings: list[Finding]) -> list[Finding]:
    seen, kept = set(), []
    for finding in findings:
        key = (finding.sentence, finding.start)
        if key not in seen:
            seen.add(key)
            kept.append(finding)
    return kept


_FORBIDDEN: dict[tuple[str, ...], re.Pattern] = {}


def _forbidden(phrases: tuple[str, ...]) -> re.Pattern:
    if phrases not in _FORBIDDEN:
        pattern = compile_pattern(rf"(?<![\w]){literal_alternation(phrases)}(?![\w])", re.I)
        groups = [phrase_requirements(phrase, {}) for phrase in phrases]  # words, read from the phrases
        # a segment must hold a word of some phrase: of each phrase, its least common word (the longest, as a
        # proxy), so that "for all" does not wake every segment with "for" in it
        rarest = [max(g, key=lambda words: min(map(len, words))) for g in groups if g]
        PATTERN_WORDS[pattern] = (frozenset().union(*rarest),) if all(groups) else ()
        _FORBIDDEN[phrases] = pattern
    return _FORBIDDEN[phrases]


def approved_use(view: DocumentView, sentence: Sentence) -> bool:
    """Whether a sentence ties a product to one of its approved indications ("Zepbound for sleep apnea")."""
    return any(c.use == "approved" for c in view.claims_in(sentence))


def curative_use(view: DocumentView, sentence: Sentence) -> bool:
    """Whether the cure a sentence speaks of is one approved medicines deliver (hepatitis C and its antivirals).

    For the conditions most drafts discuss no medicine cures anything, so
    "cure" is a claim. For a few (``curable: true`` in conditions.yaml) cure is
    the outcome the labels and trials report: "SVR12 is treated as a cure",
    "your cure test". The sentence must name only such conditions, or medicines
    approved for one; the page must name such a medicine and promote nothing
    compounded, unapproved or off-label, so a cleanse page borrowing the word
    is still read as claiming a cure.
    """
    kb = view.knowledge
    if "curative" not in view.memo:
        refused = _refused(view)
        view.memo["curative"] = not any(c.product.id not in refused for c in view.promoted[0]) and any(
            c.use in ("approved", "unnamed") and kb.cures(c.product.id) for c in view.claims
        )
    if not view.memo["curative"]:
        return False
    for claim in view.claims_in(sentence):
        if claim.condition is not None:
            if claim.use != "approved" or not kb.curable(claim.condition.id):
                return False
        elif claim.use != "unnamed" or not kb.cures(claim.product.id):
            return False
    return all(kb.curable(m.id) for m in kb.condition_mentions(sentence.text))


def approved_and_uncontrolled(view: DocumentView, sentence: Sentence) -> bool:
    """Whether what a sentence speaks of is approved and no controlled substance ("semaglutide isn't habit-forming").

    Said of such a drug, "not addictive" repeats its label; said of ketamine,
    of CBD or of a compounded copy, it denies a risk or claims what no label
    says. The sentence's own products count, or those of the sentence before
    ("Minoxidil makes you dependent." It isn't addictive.), or else the page's
    topic when the page sells nothing unapproved or compounded.
    """
    products = view.knowledge.products
    named = {c.product.id for c in view.claims_in(sentence)} or {c.product.id for c in view.referents(sentence)}
    if not named:
        refused = _refused(view)
        if any(c.use != "off-label" and c.product.id not in refused for c in view.promoted[0]):
            return False  # "not habit-forming" on a page selling compounded tirzepatide: said of what it sells
        named = set(view.topic)
    return bool(named) and all(_uncontrolled_medicine(products, pid) for pid in named)


def _uncontrolled_medicine(products: dict, product_id: str) -> bool:
    """An approved drug that is no controlled substance, or a form of one at another dose (LDN of naltrexone).

    Dependence is a property of the molecule: a low-dose form shares its
    base's, while a compounded copy sold in its place is judged as sold.
    """
    product = products[product_id]
    if product.controlled is not None:
        return False
    if not product.form_of:
        return product.status == "approved"
    base = products.get(product.form_of)
    return (
        base is not None
        and base.status == "approved"
        and base.controlled is None
        and not product_id.startswith("compounded-")
    )


CHECKS: dict[str, Callable[[DocumentView, object], list[Finding]]] = {
    "off-label-disclosure": off_label_disclosure,
    "unapproved-disclosure": unapproved_disclosure,
    "testimonial-disclosure": testimonial_disclosure,
    "testimonial-result": testimonial_result,
    "approval-claim": approval_claim,
    "label-restriction": label_restriction,
    "guideline-position": guideline_position,
}
CHECK_NAMES = tuple(CHECKS)
