"""Which rules run: --select and --ignore, by rule id, id prefix or category.

As in flake8 and ruff, the most specific selector wins, so
``--ignore overstated-efficacy --select efficacy/cure-claim`` keeps that one
rule. A selector that names nothing is an error rather than a silent no-op.
"""

from __future__ import annotations

from collections.abc import Iterable

from claimlint.errors import ClaimlintError
from claimlint.ruleset import Rule, RuleSet


def split_selectors(values: Iterable[str]) -> list[str]:
    """Accept repeated options and comma-separated lists alike."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _specificity(selector: str, rule: Rule) -> int:
    """0 if the selector does not name the rule; higher the more precisely it does.

    ALL < a category or an id's first part ("efficacy") < a longer id
    prefix ("efficacy/cure") < the exact id. On a tie, ignore wins.
    """
    if selector == rule.id:
        return 4
    if selector.upper() == "ALL":
        return 1
    if selector == rule.category:
        return 2
    prefix = selector.rstrip("/")
    if "/" not in prefix:
        return 2 if rule.id.startswith(prefix + "/") else 0
    return 3 if prefix and rule.id.startswith(prefix) else 0


def select(ruleset: RuleSet, selected: Iterable[str] = (), ignored: Iterable[str] = ()) -> RuleSet:
    selected, ignored = split_selectors(selected), split_selectors(ignored)
    rules = ruleset.rules
    for selector in (*selected, *ignored):
        if not any(_specificity(selector, rule) for rule in rules):
            raise ClaimlintError(f"unknown rule, prefix or category {selector!r} (see 'claimlint rules')")
    kept = []
    for rule in rules:
        best_select = max((_specificity(s, rule) for s in selected), default=1)
        best_ignore = max((_specificity(s, rule) for s in ignored), default=0)
        if best_select and best_select > best_ignore:
            kept.append(rule)
    return ruleset.only(kept)
