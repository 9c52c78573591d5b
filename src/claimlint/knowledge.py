"""What claimlint knows: products and their FDA status, conditions, guideline positions.

This is what turns a word list into a compliance check: whether "ketamine for
depression" is an approved use, an off-label one, or a compounded product;
what a label or REMS forbids; where a guideline places a treatment. The data
lives in YAML under rules/ (``products:``, ``conditions:``, ``guidelines:``)
and a team extends it by dropping its own files into a ``--rules`` folder; an
entry whose id is already known replaces the built-in one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from claimlint.compiled import compile_pattern
from claimlint.errors import ClaimlintError
from claimlint.patterns import text_words
from claimlint.yamlfile import Located

STATUSES = ("approved", "not-approved")
KINDS = ("drug", "supplement", "device", "procedure")
POSITIONS = (
    "not-routine",
    "not-first-line",
    "reserved-for-refractory",
    "weak-or-no-evidence",
    "do-not-offer",
    "third-line",
    "moderate-evidence",
)


@dataclass(frozen=True)
class Restriction:
    id: str
    summary: str
    forbids: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Product:
    id: str
    names: tuple[str, ...]
    status: str
    indications: frozenset[str]
    source: str
    kind: str = "drug"
    controlled: str | None = None
    compounded: bool = False
    compounded_names: tuple[str, ...] = ()
    restrictions: tuple[Restriction, ...] = ()
    brand_of: str | None = None
    form_of: str | None = None

    @property
    def display(self) -> str:
        return self.names[0]


@dataclass(frozen=True)
class Condition:
    id: str
    names: tuple[str, ...]
    broader: tuple[str, ...] = ()
    # the usual treatments tried first ("antidepressants", "triptans"): a draft that says to skip them
    # speaks of this condition even when it does not name it
    first_tried: tuple[str, ...] = ()
    # approved medicines cure it (hepatitis C with direct-acting antivirals): "cure" is then the label's word
    curable: bool = False

    @property
    def display(self) -> str:
        return self.names[0]


@dataclass(frozen=True)
class Guideline:
    id: str
    intervention: str
    condition: str
    position: str
    body: str
    year: int
    summary: str
    contradicts: tuple[str, ...]
    aligned: str
    source: str


@dataclass(frozen=True)
class Mention:
    """A product or condition named in a text: where, and which entry."""

    start: int
    end: int
    id: str
    compounded: bool = False  # a product named in a compounded form


_TOKEN = compile_pattern(r"[^\W_]+\+?")
_KIND_OF = re.compile(r"-(?:type|like|style)\b", re.I)
_JOINER = compile_pattern(r"[\s\-‐‑–'’/.]*")  # what may stand between the words of one name


_WORD_CHAR = compile_pattern(r"[^\W_]")


def _occurrences(text: str, word: str) -> Iterator[int]:
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


class _Names:
    """Many names, found word by word: a first-word index, then the longest name that fits.

    Looking words up beats one huge alternation of names: the cost grows
    with the text, not with the number of names. Case, spaces, hyphens,
    slashes and apostrophes do not matter, and a plural or possessive
    ending is accepted.
    """

    def __init__(self, names: dict[str, str]):
        self.by_key = {}
        self.first: set[str] = set()
        self.prefixes: set[str] = set()  # the first words of names of two words or more, joined
        for name, entry in names.items():
            tokens = [t.lower() for t in _TOKEN.findall(name)]
            if not tokens:
                continue
            self.by_key["".join(tokens)] = entry
            self.prefixes.update("".join(tokens[:n]) for n in range(1, len(tokens)))
            self.first.update({tokens[0], tokens[0] + "s", tokens[0] + "es"})
        self._first_words = frozenset(word.rstrip("+") for word in self.first)  # as text_words reads them

    def may_occur(self, words: set[str]) -> bool:
        """Whether a text with these words (see ``text_words``) can name any entry."""
        return not self._first_words.isdisjoint(words)

    def entry(self, key: str) -> str | None:
        """The entry a key names, allowing a plural or possessive ending ("migraines", "ketamine's")."""
        if key in self.by_key:
            return self.by_key[key]
        if key.endswith("es") and key[:-2] in self.by_key:
            return self.by_key[key[:-2]]
        if key.endswith("s") and key[:-1] in self.by_key:
            return self.by_key[key[:-1]]
        return None

    def find(self, text: str, words: set[str] | None = None) -> list[tuple[int, int, str]]:
        if words is None:
            words = text_words(text)
        present = self._first_words.intersection(words)
        if not present:
            return []
        lowered = text.lower()
        if len(lowered) != len(text):  # a letter whose lower case is longer: read every word
            starts = [m.start() for m in _TOKEN.finditer(text)]
        else:
            starts = sorted({at for word in present for at in _occurrences(lowered, word)})
        found = []
        done = 0
        for at in starts:
            if at < done or (at and _WORD_CHAR.match(text, at - 1)):
                continue
            tokens = _TOKEN.finditer(text, at)
            token = next(tokens, None)
            if token is None or token.start() != at:
                continue
            key = token.group().lower()
            if key not in self.first:
                continue  # the name's first word is only the start of a longer word
            hit = None
            while True:
                entry = self.entry(key)
                if entry is not None:
                    hit = (token.end(), entry)
                if key not in self.prefixes:
                    break  # no longer name starts this way
                previous_end = token.end()
                token = next(tokens, None)
                if token is None or not _JOINER.fullmatch(text, previous_end, token.start()):
                    break
                key += token.group().lower()
            if hit is None:
                continue
            end, entry = hit
            if _KIND_OF.match(text, end):
                done = end
                continue  # "ketamine-type products", "migraine-like pain": another thing of that kind
            if text[end : end + 2].lower() in ("'s", "’s"):
                end += 2
            found.append((at, end, entry))
            done = end
        return found


@dataclass
class KnowledgeBase:
    products: dict[str, Product] = field(default_factory=dict)
    conditions: dict[str, Condition] = field(default_factory=dict)
    guidelines: list[Guideline] = field(default_factory=list)

    @cached_property
    def _product_names(self) -> _Names:
        names = {}
        for product in self.products.values():
            for name in product.names:
                names[name] = product.id
            for name in product.compounded_names:
                names[name] = "compounded:" + product.id
        return _Names(names)

    @cached_property
    def lowercase_first_words(self) -> frozenset[str]:
        """First words of product names written in lower case ("ketamine", not "Spravato"), for messages."""
        return frozenset(
            name.split()[0]
            for product in self.products.values()
            for name in (*product.names, *product.compounded_names)
            if name[:1].islower()
        )

    @cached_property
    def _condition_names(self) -> _Names:
        return _Names({name: c.id for c in self.conditions.values() for name in c.names})

    @cached_property
    def _first_tried_names(self) -> _Names:
        return _Names({name: c.id for c in self.conditions.values() for name in c.first_tried})

    def first_tried_mentions(self, text: str) -> list[Mention]:
        """Where a text names a condition's usual first treatments, each standing for that condition."""
        return [Mention(s, e, cid) for s, e, cid in self._first_tried_names.find(text)]

    def may_name_product(self, words: set[str]) -> bool:
        """Whether a text with these words (see ``text_words``) can name a product: a cheap test before a lookup."""
        return self._product_names.may_occur(words)

    def may_name_condition(self, words: set[str]) -> bool:
        return self._condition_names.may_occur(words)

    def product_mentions(self, text: str, words: set[str] | None = None) -> list[Mention]:
        mentions = []
        for start, end, entry in self._product_names.find(text, words):
            compounded = entry.startswith("compounded:")
            product_id = entry.split(":", 1)[1] if compounded else entry
            before = text[max(0, start - 40) : start].lower()
            if not compounded and re.search(r"\bcompounded\s+(?:[\w-]+\s+){0,2}$", before):
                compounded = self.products[product_id].compounded
            mentions.append(Mention(start, end, product_id, compounded))
        return _combined_in_one(text, mentions, self.products)

    def condition_mentions(self, text: str, words: set[str] | None = None) -> list[Mention]:
        return [
            Mention(s, e, cid) for s, e, cid in self._condition_names.find(text, words) if not _in_body_name(text, s, e)
        ]

    def lineage(self, condition_id: str) -> set[str]:
        """The condition and every broader one it is a kind of."""
        seen, todo = set(), [condition_id]
        while todo:
            current = todo.pop()
            if current in seen or current not in self.conditions:
                continue
            seen.add(current)
            todo.extend(self.conditions[current].broader)
        return seen

    def approved_for(self, product_id: str, condition_id: str) -> bool:
        """Whether a product (or any of its brands) is approved for a condition.

        A use named more broadly than the label ("Spravato for depression",
        approved for treatment-resistant depression) or more narrowly
        ("semaglutide for weight loss in adults") counts as the approved use:
        flagging it as off-label would be wrong more often than right.
        """
        product = self.products.get(product_id)
        if product is None or product.status != "approved":
            return False
        indications = set(product.indications)
        for brand in self.approved_brands(product_id):
            indications |= self.products[brand].indications
        wanted = self.lineage(condition_id)
        return any(i in wanted or condition_id in self.lineage(i) for i in indications)

    def curable(self, condition_id: str) -> bool:
        """Whether approved medicines cure the condition or one it is a kind of."""
        return any(self.conditions[cid].curable for cid in self.lineage(condition_id) if cid in self.conditions)

    def cures(self, product_id: str) -> bool:
        """Whether the product is approved for a condition that approved medicines cure."""
        return any(self.curable(cid) for cid in self.products[product_id].indications)

    def generic(self, product_id: str) -> str:
        """The product a brand is a brand of ("zepbound" -> "tirzepatide"), so that both count as one medicine."""
        return self.products[product_id].brand_of or product_id

    def approved_brands(self, product_id: str) -> set[str]:
        """The ids of the approved brands of a generic ("zepbound" and "mounjaro" for "tirzepatide")."""
        return {
            key for key, other in self.products.items() if other.brand_of == product_id and other.status == "approved"
        }

    def guidelines_for(self, product_id: str, condition_id: str) -> list[Guideline]:
        products = {product_id}
        brand_of = self.products[product_id].brand_of if product_id in self.products else None
        if brand_of:
            products.add(brand_of)
        conditions = self.lineage(condition_id)
        return [g for g in self.guidelines if g.intervention in products and g.condition in conditions]


# -- loading ---------------------------------------------------------------------------------


def merge(into: KnowledgeBase, doc: Located) -> None:
    """Add a file's products, conditions and guidelines (validated) to the knowledge base."""
    data = doc.data
    for key, reader, target in (
        ("conditions", _condition, into.conditions),
        ("products", _product, into.products),
    ):
        items = data.get(key)
        if items is None:
            continue
        if not isinstance(items, list):
            raise ClaimlintError(f"'{key}' must be a list", doc.path, doc.line(data, key))
        for item in items:
            entry = reader(doc, item)
            target[entry.id] = entry
    guidelines = data.get("guidelines")
    if guidelines is not None:
        if not isinstance(guidelines, list):
            raise ClaimlintError("'guidelines' must be a list", doc.path, doc.line(data, "guidelines"))
        for item in guidelines:
            entry = _guideline(doc, item)
            into.guidelines[:] = [g for g in into.guidelines if g.id != entry.id] + [entry]


def check_references(kb: KnowledgeBase, lines: dict[str, tuple[str, int | None]]) -> None:
    """Every id a product or guideline names must exist (``lines`` maps ids to file and line)."""

    def fail(entry_id: str, message: str) -> ClaimlintError:
        path, line = lines.get(entry_id, (None, None))
        return ClaimlintError(message, path, line)

    for product in kb.products.values():
        for condition in product.indications:
            if condition not in kb.conditions:
                raise fail(product.id, f"product {product.id}: unknown condition {condition!r} in indications")
        if product.brand_of and product.brand_of not in kb.products:
            raise fail(product.id, f"product {product.id}: brand_of names unknown product {product.brand_of!r}")
        if product.form_of and product.form_of not in kb.products:
            raise fail(product.id, f"product {product.id}: form_of names unknown product {product.form_of!r}")
    for condition in kb.conditions.values():
        for broader in condition.broader:
            if broader not in kb.conditions:
                raise fail(condition.id, f"condition {condition.id}: unknown broader condition {broader!r}")
    for guideline in kb.guidelines:
        if guideline.intervention not in kb.products:
            raise fail(guideline.id, f"guideline {guideline.id}: unknown intervention {guideline.intervention!r}")
        if guideline.condition not in kb.conditions:
            raise fail(guideline.id, f"guideline {guideline.id}: unknown condition {guideline.condition!r}")


def _fields(doc: Located, item, what: str, required: tuple[str, ...], optional: tuple[str, ...]) -> dict:
    if not isinstance(item, dict):
        raise ClaimlintError(f"each {what} must be a mapping", doc.path, doc.line(item))
    unknown = set(item) - set(required) - set(optional)
    if unknown:
        key = sorted(unknown)[0]
        allowed = ", ".join(sorted((*required, *optional)))
        raise ClaimlintError(
            f"unknown key {key!r} in {what} (expected one of: {allowed})", doc.path, doc.line(item, key)
        )
    for key in required:
        if item.get(key) in (None, "", []) and not (key == "indications" and item.get(key) == []):
            raise ClaimlintError(
                f"{what} {item.get('id', '?')}: missing required field {key!r}", doc.path, doc.line(item)
            )
    entry_id = item["id"]
    if not isinstance(entry_id, str) or not re.fullmatch(r"[a-z0-9][a-z0-9+-]*", entry_id):
        raise ClaimlintError(
            f"{what} id {entry_id!r} must be lowercase letters, digits and hyphens", doc.path, doc.line(item, "id")
        )
    return item


def _texts(doc: Located, item: dict, key: str, what: str) -> tuple[str, ...]:
    value = item.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ClaimlintError(f"{what} {item['id']}: {key!r} must be a list of texts", doc.path, doc.line(item, key))
    return tuple(v.strip() for v in value)


def _text(doc: Located, item: dict, key: str, what: str) -> str:
    value = item.get(key)
    if not isinstance(value, str):
        raise ClaimlintError(f"{what} {item['id']}: {key!r} must be text", doc.path, doc.line(item, key))
    return " ".join(value.split())


def _condition(doc: Located, item) -> Condition:
    _fields(doc, item, "condition", ("id", "names"), ("broader", "first_tried", "curable", "source", "notes"))
    if not isinstance(item.get("curable", False), bool):
        raise ClaimlintError(
            f"condition {item['id']}: 'curable' must be true or false", doc.path, doc.line(item, "curable")
        )
    return Condition(
        item["id"],
        _texts(doc, item, "names", "condition"),
        _texts(doc, item, "broader", "condition"),
        _texts(doc, item, "first_tried", "condition"),
        bool(item.get("curable", False)),
    )


def _product(doc: Located, item) -> Product:
    optional = ("kind", "controlled", "compounded", "compounded_names", "restrictions", "brand_of", "form_of", "notes")
    _fields(doc, item, "product", ("id", "names", "status", "indications", "source"), optional)
    pid = item["id"]
    if item["status"] not in STATUSES:
        raise ClaimlintError(
            f"product {pid}: status must be one of {', '.join(STATUSES)}", doc.path, doc.line(item, "status")
        )
    kind = item.get("kind", "drug")
    if kind not in KINDS:
        raise ClaimlintError(f"product {pid}: kind must be one of {', '.join(KINDS)}", doc.path, doc.line(item, "kind"))
    if not isinstance(item.get("compounded", False), bool):
        raise ClaimlintError(
            f"product {pid}: 'compounded' must be true or false", doc.path, doc.line(item, "compounded")
        )
    restrictions = []
    raw = item.get("restrictions") or []
    if not isinstance(raw, list):
        raise ClaimlintError(f"product {pid}: 'restrictions' must be a list", doc.path, doc.line(item, "restrictions"))
    for entry in raw:
        _fields(doc, entry, "restriction", ("id", "summary", "forbids", "source"), ())
        restrictions.append(
            Restriction(
                entry["id"],
                _text(doc, entry, "summary", "restriction"),
                _texts(doc, entry, "forbids", "restriction"),
                _text(doc, entry, "source", "restriction"),
            )
        )
    controlled = item.get("controlled")
    return Product(
        id=pid,
        names=_texts(doc, item, "names", "product"),
        status=item["status"],
        indications=frozenset(_texts(doc, item, "indications", "product")),
        source=_text(doc, item, "source", "product"),
        kind=kind,
        controlled=None if controlled is None else str(controlled),
        compounded=bool(item.get("compounded", False)),
        compounded_names=_texts(doc, item, "compounded_names", "product"),
        restrictions=tuple(restrictions),
        brand_of=item.get("brand_of"),
        form_of=item.get("form_of"),
    )


def _guideline(doc: Located, item) -> Guideline:
    required = (
        "id",
        "intervention",
        "condition",
        "position",
        "body",
        "year",
        "summary",
        "contradicts",
        "aligned",
        "source",
    )
    _fields(doc, item, "guideline", required, ("notes",))
    if item["position"] not in POSITIONS:
        raise ClaimlintError(
            f"guideline {item['id']}: position must be one of {', '.join(POSITIONS)}",
            doc.path,
            doc.line(item, "position"),
        )
    if not isinstance(item["year"], int):
        raise ClaimlintError(f"guideline {item['id']}: 'year' must be a number", doc.path, doc.line(item, "year"))
    return Guideline(
        id=item["id"],
        intervention=str(item["intervention"]),
        condition=str(item["condition"]),
        position=item["position"],
        body=_text(doc, item, "body", "guideline"),
        year=item["year"],
        summary=_text(doc, item, "summary", "guideline"),
        contradicts=_texts(doc, item, "contradicts", "guideline"),
        aligned=_text(doc, item, "aligned", "guideline"),
        source=_text(doc, item, "source", "guideline"),
    )


# two medicines joined into one dosage form or mix: "sildenafil + tadalafil in one troche"
_JOINED = compile_pattern(r"\s*(?:\+|&|,|\band\b|\bplus\b|\bwith\b)\s*", re.I)
# the forms a medicine is sold in: "our lozenges", "in one mint chew"
DOSAGE_FORMS = (
    r"(?:creams?|serums?|pellets?|capsules?|troches?|lozenges?|injections?|injectables?|tablets?|pills?|drops?|sprays?"
    r"|gels?|solutions?|formulas?|formulations?|vials?|shots?|chews?|melts?|gumm(?:y|ies)|patch(?:es)?|ointments?"
    r"|lotions?|suspensions?|tinctures?|pens?|squares?|syringes?|pumps?|jars?|bottles?)"
)
_AS_ONE_MIX = compile_pattern(
    r"(?:\s+(?:together|combined))?\s+in\s+(?:one|a\s+single)\s+(?:[\w-]+\s+){0,2}?" + DOSAGE_FORMS + r"\b"
    # or mixed by a pharmacy: "finasteride + minoxidil, custom-blended by our partner pharmacy"
    r"|,?\s*(?:custom[- ])?(?:blended|mixed|compounded|prepared)\s+(?:fresh\s+)?(?:by|at)\s+(?:our|a|an|the)\s+"
    r"(?:[\w-]+\s+){0,3}?pharmac(?:y|ies|ists?)\b",
    re.I,
)


def _combined_in_one(text: str, mentions: list[Mention], products: dict[str, Product]) -> list[Mention]:
    """Mentions with a combination of medicines in one dosage form, or blended by a pharmacy, marked compounded.

    No approved product joins sildenafil and tadalafil, or finasteride and
    minoxidil, in one troche or spray: only a compounding pharmacy makes such a
    mix, so each medicine in it is named in a compounded form.
    """
    marked = list(mentions)
    for i in range(len(mentions) - 1):
        first, second = mentions[i], mentions[i + 1]
        if i and _glosses_approved(text, mentions[i - 1], first, products):
            continue  # the mix spelled out for an approved one: "Bijuva (estradiol and progesterone in one capsule)"
        if (
            first.id != second.id
            and products[first.id].compounded
            and products[second.id].compounded
            and _JOINED.fullmatch(text, first.end, second.start)
            and _AS_ONE_MIX.match(text, second.end)
        ):
            marked[i] = Mention(first.start, first.end, first.id, True)
            marked[i + 1] = Mention(second.start, second.end, second.id, True)
    return marked


_OPENS_GLOSS = re.compile(r"\s*\(\s*")


def _glosses_approved(text: str, before: Mention, first: Mention, products: dict[str, Product]) -> bool:
    """Whether the mix right after an approved product's name spells out what that product holds."""
    return (
        products[before.id].status == "approved"
        and not before.compounded
        and before.id != first.id
        and _OPENS_GLOSS.fullmatch(text, before.end, first.start) is not None
    )


# An organization named after a condition: "National Comprehensive Cancer Network", "American Diabetes Association"
_BODY_AFTER = re.compile(
    r"(?:\s+[A-Z][\w'’-]*){0,2}?\s+(?:Society|Institute|Network|Association|Foundation|Cent(?:er|re)|Alliance|Council"
    r"|College|Academy|Coalition|Research\s+(?:UK|Fund|Foundation)|Trust|Fund|Journal|Federation|Consortium)\b"
)


def _in_body_name(text: str, start: int, end: int) -> bool:
    """Whether a condition's name is part of a body's proper name, which names no use of anything.

    "The National Comprehensive Cancer Network guidelines ..." mentions no cancer;
    a condition written in lower case ("cancer society meetings") is left as it is.
    """
    return text[start : start + 1].isupper() and _BODY_AFTER.match(text, end) is not None
