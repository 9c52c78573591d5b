"""Rules as data: loading, validating and compiling YAML rule packs.

A content team must be able to add rules without touching Python, and a
wrong rule must be reported as ``file:line: what is wrong`` before any draft
is linted. Each pack is compiled into one regular expression with a named
group per rule, so one scan of the text serves every rule of the pack.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from claimlint.errors import ClaimlintError
from claimlint.findings import SEVERITIES
from claimlint.knowledge import KnowledgeBase, check_references
from claimlint.knowledge import merge as merge_knowledge
from claimlint.patterns import (
    PhraseError,
    bounded,
    check_user_regex,
    expand_slots,
    first_char_guard,
    phrase_regex,
    phrase_requirements,
    regex_branch_requirements,
)
from claimlint.yamlfile import Located, load_yaml

CATEGORIES = (
    "overstated-efficacy",
    "minimized-risk",
    "unsupported-comparison",
    "missing-disclosure",
    "guideline-conflict",
)
SCOPES = ("sentence", "paragraph", "document")
PLACES = ("row-label",)  # where a hit must stand for a rule to count it
CONDITIONS = (
    "negated",
    "hedged",
    "cited",
    "question",
    "approved",
    "uncontrolled",
    "typical",
    "spread",
    "caveat",
    "limited",
    "surveyed",
    "disclaimed",
    "curable",
)
RULE_KEYS = {
    "id", "category", "severity", "summary", "message", "rationale", "sources", "match",
    "except", "with", "after", "scope", "unless", "suggestion", "fix", "examples", "check", "fallback", "answered",
    "where",
}  # fmt: skip
REQUIRED = ("id", "category", "severity", "message", "rationale", "sources", "suggestion", "examples")
MATCH_KEYS = {"phrases", "regex", "case_sensitive", "word_bounded"}
PACK_KEYS = {"pack", "defaults", "vocabulary", "rules", "products", "conditions", "guidelines"}
_ID = re.compile(r"[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*")


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    severity: str
    summary: str
    message: str
    rationale: str
    sources: tuple[str, ...]
    pattern: str | None  # the rule's regex, word-bounded, slots expanded (None for a check rule)
    anchors: frozenset[str] | None  # words every match contains (None: scan all text)
    except_source: str | None  # regex of the rule's exceptions, compiled on first use
    scope: str
    unless: frozenset[str]
    suggestion: str
    fix: FixSpec | None
    bad: tuple[str, ...]
    good: tuple[str, ...]
    origin: str  # file:line where the rule is defined
    check: str | None = None  # a built-in check (checks.py) instead of a pattern
    # per phrase or regex, the word groups each of its matches holds a word of (None: no proof for some)
    requires: tuple[tuple[frozenset[str], ...], ...] | None = None
    with_sources: tuple[str, ...] = ()  # regexes that must each also occur in the hit's sentence
    after_sources: tuple[str, ...] = ()  # regexes that must each occur in the sentence before it
    fallback: bool = False  # reported only on lines where no other rule of its category reported
    answered: str | None = None  # "yes" | "no": the hit counts only in a question answered that way, bare
    where: str | None = None  # "row-label": the hit counts only as the label of a row in a side-by-side table

    @cached_property
    def regex(self) -> re.Pattern:
        """All the rule's phrases as one pattern, compiled on first use (or taken from the cache)."""
        from claimlint.compiled import compile_pattern

        return compile_pattern(self.pattern or "(?!)", re.IGNORECASE)

    @cached_property
    def except_pattern(self) -> re.Pattern | None:
        return None if self.except_source is None else re.compile(self.except_source, re.IGNORECASE)

    @cached_property
    def with_patterns(self) -> tuple[re.Pattern, ...]:
        from claimlint.compiled import compile_pattern

        return tuple(compile_pattern(source, re.IGNORECASE) for source in self.with_sources)

    @cached_property
    def after_patterns(self) -> tuple[re.Pattern, ...]:
        from claimlint.compiled import compile_pattern

        return tuple(compile_pattern(source, re.IGNORECASE) for source in self.after_sources)


@dataclass(frozen=True)
class FixSpec:
    """How a rule's finding is fixed.

    ``replace`` swaps the matched text (a text, or a map from the matched
    wording, lowercased, to its replacement); ``sentence`` rewrites the whole
    sentence; ``append`` adds text after the sentence (``{disclosure:NAME}``
    inserts a disclosure template). Only a replacement is safe by default:
    the others add or rewrite statements a writer must review.
    """

    kind: str  # replace | sentence | append
    text: str | None = None
    by_match: tuple[tuple[str, str], ...] = ()
    safe: bool = True

    def replacement(self, matched: str) -> str | None:
        if self.text is not None:
            return self.text
        return dict(self.by_match).get(" ".join(matched.lower().split()))


@dataclass
class Pack:
    """A pack's rules and an index from anchor words to the phrases they can start.

    Only rules whose words occur in a text can match it, so a text is
    scanned only with those rules (and the rules that have no anchor). A
    phrase's anchor word brings its rule in only when the text also holds a
    word of each of the phrase's other groups: "works" alone does not wake
    "works for everyone". Each rule's phrases form one pattern, compiled on
    first use: the cost of a scan grows with the text and the rules it can
    trigger, not with the number of phrases, and start-up compiles nothing.
    """

    name: str
    rules: list[Rule]
    index: dict[str, tuple[tuple[int, tuple[frozenset[str], ...]], ...]] = field(default_factory=dict)
    anchors: frozenset[str] = frozenset()
    always: tuple[int, ...] = ()

    def compile(self) -> None:
        index: dict[str, dict[tuple[int, tuple[frozenset[str], ...]], None]] = {}
        for i, rule in enumerate(self.rules):
            if rule.check is not None or rule.anchors is None:
                continue
            for groups in rule.requires or ((rule.anchors,),):
                for word in groups[0]:
                    index.setdefault(word, {})[(i, groups[1:])] = None
        self.index = {word: tuple(entries) for word, entries in index.items()}
        self.anchors = frozenset(index)
        self.always = tuple(i for i, rule in enumerate(self.rules) if rule.anchors is None and rule.check is None)

    @property
    def checks(self) -> list[Rule]:
        """The pack's rules that run a built-in check on the whole document."""
        return [rule for rule in self.rules if rule.check is not None]

    def candidates(self, words: set[str]) -> list[Rule]:
        """The rules that can match a text made of these words, in pack order."""
        return [self.rules[i] for i in sorted(_woken(self.index, self.anchors, words, set(self.always)))]


def _woken(index: dict, anchors: frozenset[str], words: set[str], chosen: set) -> set:
    """Add to ``chosen`` every key of ``index`` whose anchor and other word groups all occur in ``words``."""
    for word in anchors.intersection(words):
        for key, rest in index[word]:
            if key in chosen:
                continue
            for group in rest:
                if group.isdisjoint(words):
                    break
            else:  # a word of every group is there
                chosen.add(key)
    return chosen


@dataclass
class RuleSet:
    packs: list[Pack] = field(default_factory=list)
    extra: frozenset[str] = frozenset()  # built-in checks selected alongside the rules (suppression/...)
    knowledge: KnowledgeBase = field(default_factory=KnowledgeBase)
    fingerprint: str = ""  # hash of the content of every rule file it was loaded from

    @property
    def rules(self) -> list[Rule]:
        return [rule for pack in self.packs for rule in pack.rules]

    @cached_property
    def excused_by_typical(self) -> frozenset[str]:
        """Ids of the rules a statement of typical results anywhere in the draft excuses (``unless: [typical]``)."""
        return frozenset(rule.id for rule in self.rules if "typical" in rule.unless)

    @cached_property
    def fallbacks(self) -> frozenset[str]:
        """Ids of the rules reported only where no other rule of their category reported on the line."""
        return frozenset(rule.id for rule in self.rules if rule.fallback)

    @cached_property
    def _index(self) -> tuple[dict, frozenset[str], frozenset[tuple[int, int]]]:
        """Every pack's index as one, keyed by (pack, rule), and the rules that always run."""
        index: dict[str, list[tuple[tuple[int, int], tuple[frozenset[str], ...]]]] = {}
        for p, pack in enumerate(self.packs):
            for word, entries in pack.index.items():
                index.setdefault(word, []).extend(((p, i), rest) for i, rest in entries)
        always = frozenset((p, i) for p, pack in enumerate(self.packs) for i in pack.always)
        return index, frozenset(index), always

    def candidates(self, words: set[str]) -> list[list[Rule]]:
        """Per pack (those with any), the rules that can match a text made of these words, in pack order.

        The same choice as each pack's ``candidates``, made with one lookup
        of the text's words for all packs.
        """
        index, anchors, always = self._index
        chosen = _woken(index, anchors, words, set(always))
        by_pack: dict[int, list[Rule]] = {}
        for p, i in sorted(chosen):
            by_pack.setdefault(p, []).append(self.packs[p].rules[i])
        return list(by_pack.values())

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def only(self, keep: Iterable[Rule]) -> RuleSet:
        """The same packs, holding only the given rules."""
        wanted = {rule.id for rule in keep}
        packs = []
        for pack in self.packs:
            chosen = [rule for rule in pack.rules if rule.id in wanted]
            if chosen:
                trimmed = Pack(pack.name, chosen)
                trimmed.compile()
                packs.append(trimmed)
        return RuleSet(packs, knowledge=self.knowledge, fingerprint=self.fingerprint)


def builtin_rules_dir() -> Path:
    """The shipped rules: inside the installed package, or the checkout's top-level rules/."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise ClaimlintError("built-in rules not found; reinstall claimlint")


def load_rules(extra_dirs: Iterable[str | Path] = ()) -> RuleSet:
    """Load the built-in packs and any user folders, validating everything.

    The result is kept in the user's cache folder, keyed by the content of
    every rule file, so the common case (unchanged rules) skips parsing and
    validating some 200 KB of YAML at every start.
    """
    dirs = [builtin_rules_dir(), *[Path(d) for d in extra_dirs]]
    files: list[Path] = []
    for folder in dirs:
        if not folder.is_dir():
            raise ClaimlintError("rules folder not found", str(folder))
        files.extend(sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml")))
    from claimlint import rulecache

    key = rulecache.key(files)
    cached = rulecache.load(key)
    if cached is not None:
        cached.fingerprint = key
        return cached
    ruleset = _build(files)
    ruleset.fingerprint = key
    rulecache.save(key, ruleset)
    return ruleset


def _build(files: list[Path]) -> RuleSet:
    documents = [_read(path) for path in files]
    vocabulary: dict[str, list[str]] = {}
    knowledge = KnowledgeBase()
    defined_at: dict[str, tuple[str, int | None]] = {}
    for doc in documents:
        _merge_vocabulary(vocabulary, doc, doc.data.get("vocabulary"))
        merge_knowledge(knowledge, doc)
        for key in ("products", "conditions", "guidelines"):
            for item in doc.data.get(key) or []:
                if isinstance(item, dict) and "id" in item:
                    defined_at[str(item["id"])] = (doc.path, doc.line(item))
    check_references(knowledge, defined_at)
    builtin = builtin_rules_dir()
    added = KnowledgeBase()
    for doc in documents:
        if Path(doc.path).parent != builtin:
            merge_knowledge(added, doc)
    _knowledge_vocabulary(vocabulary, added)
    ruleset = RuleSet(knowledge=knowledge)
    seen: dict[str, str] = {}
    for doc in documents:
        if "rules" not in doc.data:
            continue
        pack = _pack(doc, vocabulary)
        for rule in pack.rules:
            if rule.id in seen:
                raise ClaimlintError(
                    f"duplicate rule id {rule.id!r} (also defined at {seen[rule.id]})",
                    doc.path,
                    int(rule.origin.rsplit(":", 1)[1]),
                )
            seen[rule.id] = rule.origin
        pack.compile()
        ruleset.packs.append(pack)
    return ruleset


def _knowledge_vocabulary(vocabulary: dict[str, list[str]], knowledge: KnowledgeBase) -> None:
    """A team's own product names join {treatment}, so phrase rules cover its new products.

    (The built-in products are in vocabulary.yaml already; condition names
    are not merged: every name added makes the patterns that use it larger.)
    """
    known = {name.lower() for name in vocabulary.get("treatment", [])}
    vocabulary.setdefault("treatment", []).extend(
        name for product in knowledge.products.values() for name in product.names if name.lower() not in known
    )


def _read(path: Path) -> Located:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimlintError(f"cannot read rule file: {exc}", str(path)) from None
    doc = load_yaml(text, str(path))
    if not isinstance(doc.data, dict):
        raise ClaimlintError(
            "a rule file must be a mapping with 'rules', 'vocabulary', 'products', 'conditions' or 'guidelines'",
            str(path),
            1,
        )
    unknown = set(doc.data) - PACK_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise ClaimlintError(
            f"unknown key {key!r} (expected one of: {', '.join(sorted(PACK_KEYS))})",
            str(path),
            doc.line(doc.data, key),
        )
    return doc


def _merge_vocabulary(into: dict[str, list[str]], doc: Located, vocabulary) -> None:
    if vocabulary is None:
        return
    if not isinstance(vocabulary, dict):
        raise ClaimlintError(
            "'vocabulary' must map names to lists of words", doc.path, doc.line(doc.data, "vocabulary")
        )
    for name, words in vocabulary.items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise ClaimlintError(
                f"vocabulary {name!r} must be a list of non-empty strings", doc.path, doc.line(vocabulary, name)
            )
        into.setdefault(str(name), []).extend(w.strip() for w in words)


def _pack(doc: Located, vocabulary: dict[str, list[str]]) -> Pack:
    data = doc.data
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, dict):
        raise ClaimlintError("'defaults' must be a mapping", doc.path, doc.line(data, "defaults"))
    for key in defaults:
        if key not in RULE_KEYS or key in ("id", "examples", "match"):
            raise ClaimlintError(f"key {key!r} cannot have a default", doc.path, doc.line(defaults, key))
    rules = data.get("rules")
    if not isinstance(rules, list):
        raise ClaimlintError("'rules' must be a list of rules", doc.path, doc.line(data, "rules"))
    name = str(data.get("pack") or Path(doc.path).stem)
    return Pack(name, [_rule(doc, item, defaults, vocabulary) for item in rules])


def _rule(doc: Located, item, defaults: dict, vocabulary: dict[str, list[str]]) -> Rule:
    line = doc.line(item) or doc.line(doc.data, "rules")
    path = doc.path

    def fail(message: str, key: str | None = None, obj=None) -> ClaimlintError:
        where = doc.line(obj if obj is not None else item, key) if key or obj is not None else line
        return ClaimlintError(message, path, where or line)

    if not isinstance(item, dict):
        raise fail("each rule must be a mapping")
    unknown = set(item) - RULE_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise fail(f"unknown key {key!r} in rule (expected one of: {', '.join(sorted(RULE_KEYS))})", key)
    merged = {**defaults, **item}
    rid = merged.get("id", "?")
    for key in REQUIRED:
        if key not in merged or merged[key] in (None, "", [], {}):
            raise fail(f"rule {rid}: missing required field {key!r}")
    if not isinstance(rid, str) or not _ID.fullmatch(rid):
        raise fail(f"rule id {rid!r} must look like 'category/name' (lowercase, digits, hyphens)", "id")
    if merged["category"] not in CATEGORIES:
        raise fail(
            f"rule {rid}: unknown category {merged['category']!r} (expected one of: {', '.join(CATEGORIES)})",
            "category",
        )
    if merged["severity"] not in SEVERITIES:
        raise fail(f"rule {rid}: severity must be one of {', '.join(SEVERITIES)}", "severity")
    scope = merged.get("scope", "sentence")
    if scope not in SCOPES:
        raise fail(f"rule {rid}: scope must be one of {', '.join(SCOPES)}", "scope")
    unless = merged.get("unless") or []
    if isinstance(unless, str):
        unless = [unless]
    if not isinstance(unless, list) or any(u not in CONDITIONS for u in unless):
        raise fail(f"rule {rid}: 'unless' takes a list of: {', '.join(CONDITIONS)}", "unless")
    for key in ("message", "rationale", "suggestion", "summary"):
        if key in merged and merged[key] is not None and not isinstance(merged[key], str):
            raise fail(f"rule {rid}: {key!r} must be text", key)
    sources = merged["sources"]
    if isinstance(sources, str):
        sources = [sources]
    if not isinstance(sources, list) or not all(isinstance(s, str) and s.strip() for s in sources):
        raise fail(f"rule {rid}: 'sources' must be a list of named sources", "sources")
    examples = merged["examples"]
    if not isinstance(examples, dict) or set(examples) - {"bad", "good"}:
        raise fail(f"rule {rid}: 'examples' must have 'bad' and 'good' lists", "examples")
    for kind in ("bad", "good"):
        values = examples.get(kind)
        if not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
            raise fail(f"rule {rid}: examples need a non-empty '{kind}' list of texts", "examples")
    check = merged.get("check")
    if check is not None:
        from claimlint.checks import CHECK_NAMES

        if check not in CHECK_NAMES:
            raise fail(f"rule {rid}: unknown check {check!r} (expected one of: {', '.join(CHECK_NAMES)})", "check")
        if "match" in merged:
            raise fail(f"rule {rid}: a rule has either 'match' or 'check', not both", "check")
    elif "match" not in merged:
        raise fail(f"rule {rid}: missing required field 'match' (or 'check')")
    try:
        pattern, anchors, requires = (None, None, None) if check else _compile_match(merged["match"], vocabulary)
        except_source = None
        if merged.get("except"):
            except_source = _compile_match(merged["except"], vocabulary)[0]
    except PhraseError as exc:
        key = "match" if "match" in item else None
        raise fail(f"rule {rid}: {exc}", key) from None
    except ClaimlintError as exc:
        raise fail(f"rule {rid}: {exc.message}", "match") from None
    with_sources, requires = _with(merged.get("with"), requires, vocabulary, fail, rid, check, "with")
    after_sources, _ = _with(merged.get("after"), None, vocabulary, fail, rid, check, "after")
    fallback = merged.get("fallback", False)
    if not isinstance(fallback, bool):
        raise fail(f"rule {rid}: 'fallback' must be true or false", "fallback")
    answered = {True: "yes", False: "no"}.get(merged.get("answered"), merged.get("answered"))  # YAML reads yes as true
    if answered is not None and answered not in ("yes", "no"):
        raise fail(f"rule {rid}: 'answered' must be yes or no", "answered")
    if answered is not None and check is not None:
        raise fail(f"rule {rid}: 'answered' applies to 'match' rules, not to checks", "answered")
    where = merged.get("where")
    if where is not None and where not in PLACES:
        raise fail(f"rule {rid}: 'where' must be one of: {', '.join(PLACES)}", "where")
    if where is not None and check is not None:
        raise fail(f"rule {rid}: 'where' applies to 'match' rules, not to checks", "where")
    rationale = " ".join(merged["rationale"].split())
    summary = merged.get("summary") or rationale.split(". ")[0].rstrip(".") + "."
    return Rule(
        id=rid,
        category=merged["category"],
        severity=merged["severity"],
        summary=" ".join(summary.split()),
        message=" ".join(merged["message"].split()),
        rationale=rationale,
        sources=tuple(" ".join(s.split()) for s in sources),
        pattern=pattern,
        anchors=anchors,
        requires=requires,
        except_source=except_source,
        with_sources=with_sources,
        after_sources=after_sources,
        fallback=fallback,
        answered=answered,
        where=where,
        scope=scope,
        unless=frozenset(unless),
        suggestion=" ".join(merged["suggestion"].split()),
        fix=_fix_spec(merged.get("fix"), fail, rid),
        bad=tuple(examples["bad"]),
        good=tuple(examples["good"]),
        origin=f"{path}:{line}",
        check=check,
    )


def _with(specs, requires, vocabulary, fail, rid: str, check, key: str) -> tuple[tuple[str, ...], tuple | None]:
    """The rule's ``with`` (or ``after``) patterns, and its phrase requirements extended by theirs.

    Each ``with`` item is matched like ``match`` and must occur in the same
    sentence as the hit: "relief" counts only beside "in minutes" or "for
    good". A text without a word of each item cannot wake the rule. Each
    ``after`` item must occur in the sentence before the hit ("... has none
    of those problems" after a sentence about side effects); it adds no
    requirement, since that sentence may stand in another segment.
    """
    if specs is None:
        return (), requires
    if check is not None:
        raise fail(f"rule {rid}: '{key}' needs 'match', not 'check'", key)
    if not isinstance(specs, list) or not specs:
        raise fail(f"rule {rid}: '{key}' must be a list of matches (each with 'phrases' and/or 'regex')", key)
    sources = []
    extra: list[frozenset[str]] = []
    for spec in specs:
        try:
            pattern, _, spec_requires = _compile_match(spec, vocabulary)
        except PhraseError as exc:
            raise fail(f"rule {rid}: '{key}': {exc}", key) from None
        except ClaimlintError as exc:
            raise fail(f"rule {rid}: '{key}': {exc.message}", key) from None
        sources.append(pattern)
        if spec_requires:  # every match of the item holds a word of the union of its phrases' anchors
            extra.append(frozenset().union(*(groups[0] for groups in spec_requires)))
    if requires is not None and extra:
        requires = tuple((*groups, *extra) for groups in requires)
    return tuple(sources), requires


def _fix_spec(fix, fail, rid: str) -> FixSpec | None:
    if fix is None:
        return None
    if isinstance(fix, str):
        return FixSpec("replace", fix)
    kinds = [k for k in ("replace", "sentence", "append") if isinstance(fix, dict) and k in fix]
    if not isinstance(fix, dict) or len(kinds) != 1 or set(fix) - {"replace", "sentence", "append", "safe"}:
        raise fail(f"rule {rid}: 'fix' is a text, or a mapping with one of replace, sentence, append (and safe)", "fix")
    kind, value = kinds[0], fix[kinds[0]]
    safe = fix.get("safe", kind == "replace")
    if not isinstance(safe, bool):
        raise fail(f"rule {rid}: 'fix.safe' must be true or false", "fix")
    if kind == "replace" and isinstance(value, dict):
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            raise fail(f"rule {rid}: 'fix.replace' maps matched wording to replacement texts", "fix")
        pairs = tuple((" ".join(k.lower().split()), v) for k, v in value.items())
        return FixSpec(kind, None, pairs, safe)
    if not isinstance(value, str):
        raise fail(f"rule {rid}: 'fix.{kind}' must be text", "fix")
    return FixSpec(kind, value, (), safe)


def _compile_match(match, vocabulary: dict[str, list[str]]) -> tuple[str, frozenset[str] | None, tuple | None]:
    """The rule's regex, its anchor words and the word groups of each phrase (None when one has none)."""
    if not isinstance(match, dict) or set(match) - MATCH_KEYS or not ({"phrases", "regex"} & set(match)):
        raise ClaimlintError("'match' needs 'phrases' (a list) and/or 'regex' (text)")
    alternatives = []
    requires: list[tuple[frozenset[str], ...]] | None = []
    phrases = match.get("phrases") or []
    if isinstance(phrases, str):
        phrases = [phrases]
    if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
        raise ClaimlintError("'phrases' must be a list of texts")
    for phrase in sorted(phrases, key=len, reverse=True):
        alternatives.append(phrase_regex(phrase, vocabulary))
        groups = phrase_requirements(phrase, vocabulary)
        requires = None if not groups or requires is None else [*requires, groups]
    regexes = match.get("regex") or []
    if isinstance(regexes, str):
        regexes = [regexes]
    for regex in regexes:
        if not isinstance(regex, str):
            raise ClaimlintError("'regex' must be text")
        expanded = expand_slots(regex, vocabulary)
        check_user_regex(expanded)
        alternatives.append(expanded)
        for groups in regex_branch_requirements(expanded):
            requires = None if not groups or requires is None else [*requires, groups]
    pattern = "|".join(alternatives)
    if match.get("word_bounded", True):
        pattern = bounded(pattern)
    else:
        requires = None  # a match may start inside a word
    if match.get("case_sensitive", False):
        pattern = f"(?-i:{pattern})"
    pattern = first_char_guard(pattern)
    if not requires:
        return pattern, None, None
    return pattern, frozenset().union(*(groups[0] for groups in requires)), tuple(requires)
