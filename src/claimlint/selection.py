"""Which rules run: --select and --ignore, by rule id, id prefix or category.

As in ruff, the most specific selector wins, so
``--ignore overstated-efficacy --select efficacy/cure-claim`` keeps that one
rule. A selector that names nothing is an error rather than a silent no-op.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from claimlint.errors import ClaimlintError
from claimlint.ruleset import RuleSet


def split_selectors(values: Iterable[str]) -> list[str]:
    """Accept repeated options and comma-separated lists alike."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _specificity(selector: str, rule_id: str, category: str) -> int:
    """0 if the selector does not name the rule; higher the more precisely it does.

    ALL < a category or an id's first part ("efficacy") < a longer id
    prefix ("efficacy/cure") < the exact id. On a tie, ignore wins.
    """
    if selector == rule_id:
        return 4
    if selector.upper() == "ALL":
        return 1
    if selector == category:
        return 2
    prefix = selector.rstrip("/")
    if "/" not in prefix:
        return 2 if rule_id.startswith(prefix + "/") else 0
    return 3 if prefix and rule_id.startswith(prefix) else 0


def select(
    ruleset: RuleSet,
    selected: Iterable[str] = (),
    ignored: Iterable[str] = (),
    extra: Mapping[str, object] | None = None,
) -> RuleSet:
    """The rules that run. ``extra`` names built-in checks that are not rules in packs
    (such as ``suppression/unused``): they can be selected and ignored like rules."""
    selected, ignored = split_selectors(selected), split_selectors(ignored)
    rules = ruleset.rules
    extra_ids = list(extra or ())
    candidates: list[tuple[str, str]] = [(r.id, r.category) for r in rules]
    candidates += [(rid, rid.split("/")[0]) for rid in extra_ids]
    for selector in (*selected, *ignored):
        if not any(_specificity(selector, rid, cat) for rid, cat in candidates):
            raise ClaimlintError(f"unknown rule, prefix or category {selector!r} (see 'claimlint rules')")

    def wanted(rid: str, category: str) -> bool:
        best_select = max((_specificity(s, rid, category) for s in selected), default=1)
        best_ignore = max((_specificity(s, rid, category) for s in ignored), default=0)
        return bool(best_select) and best_select > best_ignore

    chosen = ruleset.only([r for r in rules if wanted(r.id, r.category)])
    chosen.extra = frozenset(rid for rid in extra_ids if wanted(rid, rid.split("/")[0]))
    return chosen
