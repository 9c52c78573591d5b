"""Every rule's own examples: each bad one is flagged by that rule, no good one is."""

from __future__ import annotations

import pytest

from claimlint.ruleset import load_rules
from claimlint.runner import lint_text

RULESET = load_rules()
CASES = [(rule.id, "bad", text) for rule in RULESET.rules for text in rule.bad] + [
    (rule.id, "good", text) for rule in RULESET.rules for text in rule.good
]


@pytest.mark.parametrize(("rule_id", "kind", "text"), CASES, ids=[f"{r}:{k}:{i}" for i, (r, k, _) in enumerate(CASES)])
def test_rule_example(rule_id, kind, text):
    fired = [f.rule for f in lint_text(text + "\n", RULESET, "example.md")]
    if kind == "bad":
        assert rule_id in fired, f"{rule_id} should flag: {text}"
    else:
        assert rule_id not in fired, f"{rule_id} should not flag: {text}"


def test_every_rule_has_examples_rationale_and_sources():
    assert len(RULESET.rules) >= 20
    for rule in RULESET.rules:
        assert rule.bad and rule.good and rule.rationale and rule.sources and rule.suggestion, rule.id


@pytest.mark.parametrize(
    ("text", "rules"),
    [
        ("Kicks in 3x faster than Viagra.", ["comparison/multiplier"]),
        (
            "Twice as effective as the cream and stronger than a pill.",
            ["comparison/multiplier", "comparison/comparative-claim"],
        ),
        ("Our drops are more powerful than a single isolated compound.", ["comparison/comparative-claim"]),
    ],
)
def test_one_comparison_is_one_finding(text, rules):
    """A comparison that several comparison rules can read is reported once, by the most specific one."""
    fired = [f.rule for f in lint_text(text + "\n", RULESET, "example.md") if f.category == "unsupported-comparison"]
    assert fired == rules
