"""Turn rule phrases into regular expressions.

Content teams write phrases, not regexes: ``cure~ {condition}`` should match
"cures depression" and "cured migraines". Every phrase of a rule becomes one
alternative of the rule's pattern, and the rules of a pack are joined into a
single compiled pattern, so the cost of a scan grows with the text, not with
the number of phrases.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from functools import lru_cache

GAP = r"(?:[^\w.!?;]+[\w'’]+){0,4}?[^\w.!?;]+"
TRAILING_GAP = r"(?:[^\w.!?;]+[\w'’]+){1,4}?"
HYPHEN = r"[-‐‑–\s]?"
APOSTROPHE = "['’]"
_TOKEN = re.compile(r"\.\.\.|…|\{[a-z_][a-z0-9_-]*\}|[()|]|\s+|[-‐‑]|['’]|~|[^\s(){}|~'’\-‐‑.…]+|\.", re.I)


class PhraseError(ValueError):
    """A phrase or regex that cannot be compiled; the message says why."""


def inflections(word: str) -> list[str]:
    """Regular English inflections of a word (over-generating is harmless)."""
    lower = word.lower()
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if lower.endswith("e"):
        stem = word[:-1]
        forms |= {stem + "ing", stem + "ed"}
    if lower.endswith("y") and len(word) > 2 and lower[-2] not in "aeiou":
        stem = word[:-1]
        forms |= {stem + "ies", stem + "ied"}
    if len(lower) >= 3 and lower[-1] not in "aeiouwxy" and lower[-2] in "aeiou" and lower[-3] not in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return sorted(forms, key=lambda f: (-len(f), f))


def vocabulary_regex(entries: Iterable[str]) -> str:
    """Regex for a vocabulary slot: any entry, with an optional plural ending."""
    return _vocabulary_regex(tuple(entries))


@lru_cache(maxsize=256)
def _vocabulary_regex(entries: tuple[str, ...]) -> str:
    """The entries as a trie: "(?:de(?:pression|mentia)|...)" rather than one branch per entry.

    A list of a hundred names as plain alternatives makes the regex engine
    try every branch at every position; shared beginnings tried once cut a
    scan with the list to a third. Longer continuations come first, so
    "treatment-resistant depression" wins over "treatment".
    """
    return literal_alternation(entries) + r"(?:e?s|['’]s)?"


def literal_alternation(entries: Iterable[str]) -> str:
    """Regex for any of several fixed strings, built as a trie: spaces match white space, hyphens are optional."""
    trie: dict = {}
    for entry in entries:
        node = trie
        for atom in _atoms(entry.strip()):
            node = node.setdefault(atom, {})
        if node is not trie:
            node[""] = {}
    return "(?:" + (_trie_regex(trie) or "(?!)") + ")"


def _atoms(text: str) -> list[str]:
    """A fixed string as regex pieces, one per character (a run of spaces is one piece)."""
    out = []
    for token in _TOKEN.findall(text):
        if token.isspace():
            out.append(r"\s+")
        elif token in "-‐‑":
            out.append(HYPHEN)
        elif token in "'’":
            out.append(APOSTROPHE)
        else:
            out.extend(re.escape(char) for char in token)
    return out


def _trie_regex(node: dict) -> str:
    return _trie(node)[0]


def _trie(node: dict) -> tuple[str, int]:
    """A trie node as a regex, and the length of its longest entry (which branch goes first)."""
    children = sorted((_trie(child) + (atom,) for atom, child in node.items() if atom), key=lambda c: -c[1])
    if not children:
        return "", 0
    branches = [atom + regex for regex, _, atom in children]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # an entry ends here: the longer ones are tried first
        body = body + "?" if len(branches) > 1 else "(?:" + body + ")?"
    return body, 1 + children[0][1]


_MARKS = ",;:!?"


def phrase_regex(phrase: str, vocabulary: Mapping[str, list[str]]) -> str:
    """Compile one phrase of the rule syntax (see rules/SCHEMA.md) to a regex."""
    tokens = _TOKEN.findall(phrase.strip())
    if not tokens:
        raise PhraseError("empty phrase")
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token in ("...", "…"):
            if out and out[-1] == r"\s+":
                out.pop()
            elif len(out) > 1 and out[-2] == r"\s+" and out[-1].startswith("(?:(?:") and out[-1].endswith(r")\s+)?"):
                # "most (of our|) ... get": the gap brings its own space, so the optional words take the one before
                body = out.pop()[3:-5]
                out[-1] = rf"(?:\s+{body})?"
            if all(t.isspace() for t in tokens[i + 1 :]):
                out.append(TRAILING_GAP)  # "between ... and ...": the words after it, ending where a word ends
            else:
                out.append(GAP)
            if nxt.isspace():
                i += 1
        elif token.startswith("{"):
            name = token[1:-1]
            if name not in vocabulary:
                raise PhraseError(f"unknown vocabulary {token} in phrase {phrase!r}")
            out.append(vocabulary_regex(vocabulary[name]))
        elif token == "(":
            close = _closing(tokens, i)
            if tokens[close] != ")":
                raise PhraseError(f"unbalanced '(' in phrase {phrase!r}")
            raw = ["".join(o) for o in _split_alternatives(tokens[i + 1 : close])]
            options = [o.strip() for o in raw]
            body = "|".join(phrase_regex(o, vocabulary) for o in options if o)
            following = tokens[close + 1] if close + 1 < len(tokens) else ""
            marks = [o for o in options if o and o[0] in _MARKS]
            if all(options) and marks and out and out[-1] == r"\s+":
                # "(labs) (and|or|,)": a comma follows its word with no space before it
                words = "|".join(phrase_regex(o, vocabulary) for o in options if o[0] not in _MARKS)
                marked = "|".join(phrase_regex(o, vocabulary) for o in marks)
                out[-1] = rf"(?:\s+(?:{words})|\s*(?:{marked}))" if words else rf"\s*(?:{marked})"
            elif all(options):
                out.append(f"(?:{body})")
            elif following.isspace():
                out.append(rf"(?:(?:{body})\s+)?")  # "(great|) success": the space goes with the word
                close += 1
            elif any(o.strip() and o[-1:].isspace() for o in raw):
                out.append(rf"(?:(?:{body})\s+)?")  # "(just |)like": the space was written inside
            elif out and out[-1] == r"\s+" and not following[:1].isalnum():
                out[-1] = rf"(?:\s+(?:{body}))?"  # "risk (free|)": at the end, the space is optional too
            else:
                out.append(f"(?:{body})?")  # "(un|)safe": a prefix
            i = close
        elif token == ")":
            raise PhraseError(f"unbalanced ')' in phrase {phrase!r}")
        elif token == "|":
            raise PhraseError(f"'|' outside parentheses in phrase {phrase!r}")
        elif token.isspace():
            out.append(r"\s+")
        elif token in "-‐‑":
            out.append(HYPHEN)
        elif token in "'’":
            out.append(APOSTROPHE)
        elif token == "~":
            raise PhraseError(f"'~' must follow a word in phrase {phrase!r}")
        elif nxt == "~":
            out.append("(?:" + "|".join(re.escape(f) for f in inflections(token)) + ")")
            i += 1
        else:
            out.append(re.escape(token))
        i += 1
    return "".join(out)


def expand_slots(regex: str, vocabulary: Mapping[str, list[str]]) -> str:
    """Replace ``{name}`` slots in a user regex (leaving ``{2,3}`` quantifiers alone)."""

    def slot(match: re.Match) -> str:
        name = match.group(1)
        if name not in vocabulary:
            raise PhraseError(f"unknown vocabulary {{{name}}} in regex")
        return vocabulary_regex(vocabulary[name])

    return re.sub(r"\{([a-z_][a-z0-9_-]*)\}", slot, regex)


def bounded(regex: str) -> str:
    """Word-bound a pattern: it may not start or end inside a word."""
    return rf"(?<![\w])(?:{regex})(?![\w])"


def first_char_guard(pattern: str) -> str:
    """The pattern behind a lookahead for the characters its matches can start with.

    Python's regex engine tries a pattern at every position of a text, and a
    pattern that opens with a lookbehind or an alternation gets none of its
    fast scanning for a first character: each position costs a trip into its
    branches. One character-class test turns most positions away at once,
    which takes about a fifth off the time rules spend scanning. A pattern
    whose first character cannot be spelled out is left as it is.
    """
    try:
        parsed = _sre_parse.parse(pattern, re.IGNORECASE)
    except re.error:
        return pattern
    found, empty = _first_chars(list(parsed))
    if found is None or empty or not found or len(found) > _MAX_FIRST_CHARS:
        return pattern
    chars = {c for f in found for c in (f, f.lower(), f.upper()) if len(c) == 1}
    escaped = "".join("\\" + c if c in "\\]^-[" else c for c in sorted(chars))
    return f"(?=[{escaped}]){pattern}"


_MAX_FIRST_CHARS = 200


def _first_chars(items: list) -> tuple[set[str] | None, bool]:
    """The characters a sequence can start with (None: any), and whether it can match the empty string."""
    found: set[str] = set()
    for op, av in items:
        chars, empty = _item_first_chars(op, av)
        if chars is None:
            return None, False
        found |= chars
        if not empty:
            return found, False
    return found, True


def _item_first_chars(op, av) -> tuple[set[str] | None, bool]:
    if op is _sre_c.LITERAL:
        return {chr(av)}, False
    if op in (_sre_c.AT, _sre_c.ASSERT, _sre_c.ASSERT_NOT):
        return set(), True  # takes no character: what follows decides
    if op is _sre_c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _sre_c.LITERAL:
                chars.add(chr(value))
            elif kind is _sre_c.RANGE and value[1] - value[0] <= _MAX_FIRST_CHARS:
                chars |= {chr(c) for c in range(value[0], value[1] + 1)}
            elif kind is _sre_c.CATEGORY and value is _sre_c.CATEGORY_DIGIT:
                chars |= set("0123456789")
            else:
                return None, False
        return chars, False
    if op is _sre_c.BRANCH:
        chars, empty = set(), False
        for branch in av[1]:
            found, can_be_empty = _first_chars(list(branch))
            if found is None:
                return None, False
            chars |= found
            empty = empty or can_be_empty
        return chars, empty
    if op is _sre_c.SUBPATTERN:
        return _first_chars(list(av[-1]))
    if op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT):
        found, can_be_empty = _first_chars(list(av[2]))
        return found, found is not None and (av[0] == 0 or can_be_empty)
    return None, False


def check_user_regex(regex: str) -> None:
    """Refuse regexes that would break rule matching or could hang a run.

    Named groups and back-references break the engine's use of groups. A
    repetition with no upper bound around another one (``(\\w+\\s*)+``) can
    take exponential time on a line that almost matches: one page would then
    stall a site's CI, so such a pattern is refused when the rule is loaded.
    """
    if re.search(r"\(\?P[<=]", regex):
        raise PhraseError("named groups are not allowed in rule regexes; use (?:...)")
    if re.search(r"(?<!\\)\\[1-9]", regex):
        raise PhraseError("back-references are not allowed in rule regexes")
    if re.search(r"(?<!\\)\(\?[aiLmsux]+\)", regex):
        # a rule's regexes are joined into one pattern, where a global flag is an error past the start
        raise PhraseError("global flags like (?i) are not allowed in rule regexes; scope them as (?i:...)")
    try:
        re.compile(regex)
        parsed = _sre_parse.parse(regex)
    except re.error as exc:
        raise PhraseError(f"bad regex: {exc}") from None
    if _nested_unbounded(list(parsed), inside=False):
        raise PhraseError(
            "the regex nests unbounded repetitions (like (a+)+), which can take exponential time; "
            "bound the outer one ({0,10}) or rewrite it"
        )


def _nested_unbounded(items: list, inside: bool) -> bool:
    """Whether an unbounded repetition stands inside another one (a "star height" above one)."""
    for op, av in items:
        if op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT):
            unbounded = av[1] == _sre_c.MAXREPEAT
            if unbounded and inside:
                return True
            if _nested_unbounded(list(av[2]), inside or unbounded):
                return True
        elif op is _sre_c.SUBPATTERN:
            if _nested_unbounded(list(av[-1]), inside):
                return True
        elif op is _sre_c.BRANCH:
            if any(_nested_unbounded(list(branch), inside) for branch in av[1]):
                return True
        elif op in (_sre_c.ASSERT, _sre_c.ASSERT_NOT) and _nested_unbounded(list(av[1]), inside):
            return True
    return False


STOPWORDS = frozenset(
    """a an the and or of to in on for with by as at is are was were be been it its this that these those
    you your our we my i me us no not than then so from into over more most all any every can will may""".split()  # noqa: SIM905
)
_WORDS = re.compile(r"\w+")


def phrase_anchors(phrase: str, vocabulary: Mapping[str, list[str]]) -> frozenset[str] | None:
    """Lowercase words of which every match of the phrase contains at least one.

    Text that holds none of a pack's anchors cannot match it, so the engine
    skips the scan; most prose mentions no rule word at all. The least
    common position is chosen (a literal word over a vocabulary slot, a
    long word over a short one, and anything over a common word such as
    "the"). None means the phrase has no such word.
    """
    found = phrase_requirements(phrase, vocabulary)
    return found[0] if found else None


def phrase_requirements(phrase: str, vocabulary: Mapping[str, list[str]]) -> tuple[frozenset[str], ...]:
    """Every group of words of which a match of the phrase holds one, least common group first.

    The first group is the phrase's anchor; the others let the engine skip
    a rule whose anchor occurs in a text without the rest of the phrase
    ("works" with no "everyone"), which is most of the time.
    """
    spaced = _TOKEN.findall(phrase.strip())
    glued: set[int] = set()  # words written against a group, like "safe" in "(un|)safe": no anchor
    kept = 0
    for k, token in enumerate(spaced):
        if token.isspace():
            continue
        before = spaced[k - 1] if k else ""
        after = spaced[k + 1] if k + 1 < len(spaced) else ""
        if token not in ("(", ")", "|") and (before == ")" or after == "("):
            glued.add(kept)
        kept += 1
    tokens = [t for t in spaced if not t.isspace()]
    candidates: list[tuple[tuple, frozenset[str]]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token == "(":
            close = _closing(tokens, i)
            group = _group_anchors(tokens[i + 1 : close], vocabulary)
            if group:
                candidates.append(((_common(group) > 0, 1, -min(map(len, group))), group))
            i = close + 1
            continue
        if token in (")", "|", "...", "…", "-", "‐", "‑", "'", "’", "~"):
            i += 1
            continue
        if token.startswith("{"):
            words = frozenset(w for e in vocabulary.get(token[1:-1], ()) for w in _entry_words(e))
            if words and all(words):
                candidates.append(((_common(words) > 0, 2, -min(map(len, words))), words))
            i += 1
            continue
        if i in glued:
            i += 2 if nxt == "~" else 1
            continue
        forms = inflections(token) if nxt == "~" else [token]
        words = set()
        for form in forms:
            parts = _WORDS.findall(form.lower())
            if parts:
                words.add(max(parts, key=len))
        words |= _joined(tokens, i)  # "risk-free" may be written "riskfree"
        if words:
            frozen = frozenset(words)
            candidates.append(((_common(frozen) > 0, 0, -min(map(len, frozen))), frozen))
        i += 2 if nxt == "~" else 1
    return _distinct(group for _, group in sorted(candidates, key=lambda c: c[0]))


def _distinct(groups: Iterable[frozenset[str]]) -> tuple[frozenset[str], ...]:
    kept: list[frozenset[str]] = []
    for group in groups:
        if group not in kept:
            kept.append(group)
    return tuple(kept)


def _split_alternatives(tokens: list[str]) -> list[list[str]]:
    """Split a group's tokens at its top-level '|'."""
    options: list[list[str]] = [[]]
    depth = 0
    for token in tokens:
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        if token == "|" and depth == 0:
            options.append([])
        else:
            options[-1].append(token)
    return options


def _closing(tokens: list[str], i: int) -> int:
    depth = 0
    for j in range(i, len(tokens)):
        if tokens[j] == "(":
            depth += 1
        elif tokens[j] == ")":
            depth -= 1
            if depth == 0:
                return j
    return len(tokens) - 1


def _group_anchors(tokens: list[str], vocabulary) -> frozenset[str] | None:
    """Anchors of a ``(a|b c)`` group: one per alternative, none if any is empty."""
    words: set[str] = set()
    for alternative in _split_alternatives(tokens):
        text = " ".join(alternative).replace(" ~", "~")
        found = phrase_anchors(text, vocabulary) if text.strip() else None
        if not found:
            return None
        words |= found
    return frozenset(words)


def _entry_words(entry: str) -> set[str]:
    """The least common word of a vocabulary entry ("good" for "for good"), with the plurals a slot accepts.

    An entry no word can be proven for gives {""}, so the slot proves none.
    """
    groups = phrase_requirements(entry, {})
    if not groups:
        return {""}
    return {form for word in groups[0] for form in (word, word + "s", word + "es")}


_HYPHENS = ("-", "‐", "‑")


def _joined(tokens: list[str], i: int) -> set[str]:
    """Every run of a hyphenated chain that includes token i, written without hyphens."""
    start = i
    while start >= 2 and tokens[start - 1] in _HYPHENS and tokens[start - 2].isalnum():
        start -= 2
    end = i
    while end + 2 < len(tokens) and tokens[end + 1] in _HYPHENS and tokens[end + 2].isalnum():
        end += 2
    if start == end:
        return set()
    parts = [t.lower() for t in tokens[start : end + 1 : 2]]
    k = (i - start) // 2
    return {"".join(parts[a : b + 1]) for a in range(k + 1) for b in range(k, len(parts)) if a != b}


def _common(words: frozenset[str]) -> int:
    return sum(1 for w in words if w in STOPWORDS or len(w) <= 2)


def text_words(text: str) -> set[str]:
    """The lowercase words of a text, to test against anchors.

    The words are interned: a document keeps the word set of every segment,
    and its few thousand distinct words then exist once, not once per segment.
    """
    return set(map(sys.intern, _WORDS.findall(text.lower())))


try:  # the regex parser moved in Python 3.11
    from re import _constants as _sre_c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre_c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_NON_WORD_CATEGORIES = {_sre_c.CATEGORY_SPACE, _sre_c.CATEGORY_NOT_WORD, _sre_c.CATEGORY_NOT_DIGIT}


def regex_anchors(regex: str) -> frozenset[str] | None:
    """Anchor words of a word-bounded user regex, or None if none can be proven.

    Only whole words the pattern spells out literally, with a boundary on
    both sides (``\\b``, white space, punctuation), count: a wrong anchor
    would hide a real match, a missing one only costs time.
    """
    found = regex_requirements(regex)
    return found[0] if found else None


def regex_requirements(regex: str) -> tuple[frozenset[str], ...]:
    """Every group of words of which a match of the regex holds one, least common group first."""
    try:
        parsed = _sre_parse.parse(regex, re.IGNORECASE)
    except re.error:
        return ()
    return _distinct(_sequence_candidates(list(parsed), True, True))


def regex_branch_requirements(regex: str) -> list[tuple[frozenset[str], ...]]:
    """The requirements of each top-level alternative of a regex (one entry when it has none).

    A rule's regex is often a dozen claims joined by ``|``: what all of them
    share is little ("in" or "have"), while each alone needs a word of
    several groups. Testing each alternative's groups wakes the rule only
    where one of its claims can match.
    """
    try:
        parsed = _sre_parse.parse(regex, re.IGNORECASE)
    except re.error:
        return [()]
    items = list(parsed)
    lead = [item for item in items if item[0] is _sre_c.AT]
    core = [item for item in items if item[0] is not _sre_c.AT]
    while len(core) == 1 and core[0][0] is _sre_c.SUBPATTERN and core[0][1][0] is None:
        core = list(core[0][1][-1])  # a non-capturing group around it all
    if len(core) != 1 or core[0][0] is not _sre_c.BRANCH or len(lead) != len(items) - 1:
        return [_distinct(_sequence_candidates(items, True, True))]
    return [_distinct(_sequence_candidates(list(branch), True, True)) for branch in core[0][1][1]]


def _is_boundary(item) -> bool:
    op, av = item
    if op in (_sre_c.AT, _sre_c.ASSERT_NOT, _sre_c.ASSERT):
        return True
    if op is _sre_c.LITERAL:
        return not (chr(av).isalnum() or chr(av) == "_")
    if op is _sre_c.IN:
        return all(
            (o is _sre_c.CATEGORY and a in _NON_WORD_CATEGORIES)
            or (o is _sre_c.LITERAL and not (chr(a).isalnum() or chr(a) == "_"))
            for o, a in av
        )
    if op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT):  # an optional separator separates nothing
        body = list(av[2])
        return av[0] >= 1 and len(body) == 1 and _is_boundary(body[0])
    return False


def _optional_separator(item) -> bool:
    """An optional run of non-word characters, like ``\\s*`` or ``[-\\s]?``."""
    op, av = item
    if op not in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT) or av[0] != 0:
        return False
    body = list(av[2])
    return len(body) == 1 and _is_boundary((body[0][0], body[0][1])) and body[0][0] is not _sre_c.AT


def _optional_ending_in_boundary(item, last: bool) -> bool:
    """An optional repeat such as ``(?:\\w+\\s+){0,2}`` whose body ends (or starts) with a boundary.

    Repeated at least once, it puts a boundary next to what follows (or
    precedes) it; repeated zero times, whatever is beyond it decides.
    """
    op, av = item
    if op not in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT) or av[0] != 0:
        return False
    body = list(av[2])
    while len(body) == 1 and body[0][0] is _sre_c.SUBPATTERN:
        body = list(body[0][1][-1])
    if not body:
        return False
    edge = body[-1] if last else body[0]
    return _is_boundary(edge) and edge[0] is not _sre_c.AT


def _bounded_before(items: list, i: int, left: bool) -> bool:
    """Whether a word starting at items[i] is preceded by a boundary, looking past optional parts."""
    k = i - 1
    while k >= 0 and (_optional_separator(items[k]) or _optional_ending_in_boundary(items[k], last=True)):
        k -= 1
    return _is_boundary(items[k]) if k >= 0 else left


def _bounded_after(items: list, j: int, right: bool) -> bool:
    """Whether a word ending before items[j] is followed by a boundary, looking past optional parts."""
    k = j
    while k < len(items) and (_optional_separator(items[k]) or _optional_ending_in_boundary(items[k], last=False)):
        k += 1
    return _is_boundary(items[k]) if k < len(items) else right


_MAX_FORMS = 64


def _word_forms(items: list, right: bool) -> set[str] | None:
    """Every whole word a sequence can start with, or None if one cannot be spelled out.

    The regex parser factors common prefixes ("not|never" becomes "n" then
    "ot|ever"), so a word is followed through branches, groups, optional
    letters and optional separators until a boundary ends it.
    """
    if not items:
        return {""} if right else None
    op, av = items[0]
    rest = items[1:]
    if _is_boundary(items[0]):
        return {""}
    if op is _sre_c.LITERAL and (chr(av).isalnum() or chr(av) == "_"):
        tails = _word_forms(rest, right)
        return None if tails is None else {chr(av).lower() + tail for tail in tails}
    if op is _sre_c.IN and all(o is _sre_c.LITERAL and (chr(a).isalnum() or chr(a) == "_") for o, a in av):
        tails = _word_forms(rest, right)
        if tails is None:
            return None
        forms = {chr(a).lower() + tail for _, a in av for tail in tails}
        return forms if len(forms) <= _MAX_FORMS else None
    if op is _sre_c.SUBPATTERN:
        return _word_forms(list(av[-1]) + rest, right)
    if op is _sre_c.BRANCH:
        forms: set[str] = set()
        for alternative in av[1]:
            found = _word_forms(list(alternative) + rest, right)
            if found is None:
                return None
            forms |= found
        return forms if len(forms) <= _MAX_FORMS else None
    if op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT) and av[0] == 0:
        body = list(av[2])
        skipped = _word_forms(rest, right)
        if skipped is None:
            return None
        if body and _is_boundary(body[0]) and body[0][0] is not _sre_c.AT:
            return skipped | {""}  # an optional separator: the word may end here
        if av[1] != 1:
            return None
        once = _word_forms(body + rest, right)
        if once is None:
            return None
        forms = skipped | once
        return forms if len(forms) <= _MAX_FORMS else None
    return None


def _sequence_anchors(items: list, left: bool, right: bool) -> frozenset[str] | None:
    found = _sequence_candidates(items, left, right)
    return found[0] if found else None


def _sequence_candidates(items: list, left: bool, right: bool) -> list[frozenset[str]]:
    candidates: list[frozenset[str]] = []
    i = 0
    while i < len(items):
        op, av = items[i]
        if op is _sre_c.LITERAL and (chr(av).isalnum() or chr(av) == "_"):
            j = i
            while (
                j < len(items)
                and items[j][0] is _sre_c.LITERAL
                and (chr(items[j][1]).isalnum() or chr(items[j][1]) == "_")
            ):
                j += 1
            if _bounded_before(items, i, left):
                if _bounded_after(items, j, right):
                    candidates.append(frozenset({"".join(chr(c) for _, c in items[i:j]).lower()}))
                else:  # the word goes on: "n(?:ot|ever)", "benefits?", "off[- ]?label"
                    forms = _word_forms(items[i:], right)
                    if forms:
                        candidates.append(frozenset(forms))
            i = j
            continue
        before = _bounded_before(items, i, left)
        after = _bounded_after(items, i + 1, right)
        if op is _sre_c.SUBPATTERN:
            found = _sequence_anchors(list(av[-1]), before, after)
            if found:
                candidates.append(found)
        elif op is _sre_c.BRANCH:
            union: set[str] = set()
            for alternative in av[1]:
                found = _sequence_anchors(list(alternative), before, after)
                if not found:
                    union = set()
                    break
                union |= found
            if union:
                candidates.append(frozenset(union))
        elif op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT) and av[0] >= 1:
            found = _sequence_anchors(list(av[2]), before, after)
            if found and av[1] == 1:
                candidates.append(found)
        i += 1
    return sorted(candidates, key=lambda c: (_common(c), -min(map(len, c))))
