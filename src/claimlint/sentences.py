"""Sentence boundaries in prose that is full of doses, abbreviations and citations.

"0.5 mg/kg", "Dr. Smith", "Murrough et al. (2013)" and "... infusion. 1, 2"
must not end or start sentences in the wrong place: context (a negation, a
hedge, a citation) only counts inside the sentence that carries the claim.
"""

from __future__ import annotations

import re

from claimlint.compiled import compile_pattern

ABBREVIATIONS = frozenset(
    """dr mr mrs ms prof st sr jr vs v al approx ca cf fig figs vol pp eds
    inc ltd corp dept jan feb mar apr jun jul aug sep sept oct nov dec mt ft lt gen rev""".split()  # noqa: SIM905
)
_END = compile_pattern(r"[.!?…]+(?:[\"'”’)\]]|~~)*(?=\s|$)")
# Pictographs end sentences in social copy: "Gone 🙌 Like completely gone"
_EMOJI = "\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff"
_EMOJI_RUN = f"[{_EMOJI}][{_EMOJI}\ufe0f\u200d\U0001f3fb-\U0001f3ff]*"
_STARTER = compile_pattern(r"\s+(?:(?:~~)?[\"'“‘(\[]?[A-Z0-9\ufffc\ue000¿¡]|" + _EMOJI_RUN + ")")
_CITATION_RUN = compile_pattern(r"\s+(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)(?=\s+[A-Z\"“]|\s*$)")
_BLANK = " \t\n\r\ufffc"  # white space, and the placeholder that stands for code or HTML
_SIGNATURE = compile_pattern(r"\s+\([A-Z][a-z]+(?:\s+[A-Z]\.?)?(?:,[^()\n]{1,40})?\)")
_INTERNAL_DOTS = compile_pattern(r"(?:[A-Za-z]\.){2,}$")  # e.g. i.e. U.S.
_CANDIDATE = compile_pattern(r"[.!?…]+(?:[\"'”’)\]]|~~)*(?=\s|$)|" + _EMOJI_RUN + r"[\"'”’)\]]*(?=\s|$)|\n")
_WORD_CHAR = compile_pattern(r"\w")
_QUOTE_ON_NEXT_LINE = compile_pattern(r"[ \t]*\n[ \t]*[\"“‘]")
# a line that ends with a quotation's signature: '"Down 41 lbs in 4 months" — Marisol, Tucson'
_SIGNED_END = compile_pattern(
    r"[\"”]\s*[—–-]{1,2}\s*[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*)?(?:,[^\n\"”]{1,40})?[\s\ufffc]*$"
)
_OPENS_QUOTE = compile_pattern(r"[ \t]*[\"“‘]")
_LABEL_LINE = compile_pattern(r"[ \t]*[A-Z][\w'’/-]*(?:[ \t]+[\w'’/-]+){0,3}:[ \t]")
_CONTINUES = compile_pattern(
    r"(?:[,;(\-–—/&+]|\b(?:and|or|but|the|a|an|of|to|in|for|with|by|as|at|on|than|that|which|who|is|are|was|were))$",
    re.I,
)


def split(text: str) -> list[tuple[int, int]]:
    """Half-open (start, end) spans of the sentences in a segment's text."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _CANDIDATE.finditer(text):
        end = match.end()
        if match.group() == "\n":
            if not _is_title_line(text, start, match.start()):
                continue
        elif not _is_boundary(text, match):
            continue
        elif not _WORD_CHAR.search(text, start, match.start()):
            continue  # "❌ Spravato at home.": a pictograph that opens a sentence does not end one
        citation = _CITATION_RUN.match(text, end)
        if match.group() == "\n":
            pass
        elif citation:
            end = citation.end(1)
        else:
            signature = _SIGNATURE.match(text, end)
            if signature:  # '"Gone in one afternoon." (Dana, 52)': the quote keeps its signature
                end = signature.end()
            if not _STARTER.match(text, end) and end < len(text.rstrip()):
                continue
        if text[start:end].strip(_BLANK):  # a span of only white space and markup placeholders holds no sentence
            spans.append(_trim(text, start, end))
            start = end
    if text[start:].strip(_BLANK):
        spans.append(_trim(text, start, len(text)))
    return spans


def _is_boundary(text: str, match: re.Match) -> bool:
    punct = match.group()
    if punct[0] != "." or punct.startswith(".."):  # "!", "?", "…" or a pictograph
        return True
    start = match.start()
    i = start
    while i > 0 and start - i < 40 and (text[i - 1].isalnum() or text[i - 1] in "._"):
        i -= 1  # the word before the full stop, read backwards (a bounded scan, whatever the text's length)
    word = text[i:start]
    if not word or _QUOTE_ON_NEXT_LINE.match(text, match.end()):
        # '— Derek M.\n"Six years of flares ...': a line that opens a new quotation starts a new sentence,
        # even after an initial or an abbreviation
        return True
    if word.lower().rstrip(".") in ABBREVIATIONS:
        return False
    if word.lower() in ("no", "nos") and re.match(r"\s+\d", text[match.end() :]):
        return False  # "No. 5"
    if len(word) == 1 and word.isupper():  # an initial: "J. Smith"
        return False
    return not _INTERNAL_DOTS.search(word + ".")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_title_line(text: str, start: int, newline: int) -> bool:
    """A short unpunctuated line followed by a capitalised one reads as a title.

    Drafts pasted from web pages often put a heading on its own line with no
    blank line after it; Markdown joins it to the next paragraph, but a reader
    sees two sentences.
    """
    line_start = text.rfind("\n", start, newline) + 1
    line = text[line_start:newline].strip()
    if line and (_SIGNED_END.search(line) or (line[-1] == ":" and _OPENS_QUOTE.match(text, newline + 1))):
        return True  # one signed quotation per line, or a quotation on the line a colon announces
    if line and line[-1] not in ",;" and _LABEL_LINE.match(text, newline + 1):
        return True  # the next line opens with its own label: "Description: ...", "VO: ..."
    if not line or len(line) > 70 or _CONTINUES.search(line):
        return False
    if line[-1] in ".!?:":
        return False
    following = text[newline + 1 : newline + 4].lstrip().lstrip("\"'“‘(*")
    return bool(following) and (following[0].isupper() or following[0].isdigit())
