"""Phrase syntax and anchor words: what a phrase matches, and that anchors never hide a match."""

from __future__ import annotations

import re

import pytest

from claimlint.patterns import (
    bounded,
    first_char_guard,
    phrase_anchors,
    phrase_regex,
    phrase_requirements,
    regex_anchors,
    regex_branch_requirements,
    regex_requirements,
    text_words,
)

VOCABULARY = {"condition": ["depression", "treatment-resistant depression", "migraine"], "treatment": ["ketamine"]}


@pytest.mark.parametrize(
    ("phrase", "matches", "misses"),
    [
        ("cure~", ["cure", "cures", "cured", "curing"], ["curer", "secure"]),
        ("risk-free", ["risk-free", "risk free", "riskfree"], ["risk-freedom"]),
        ("used with (great|real|) success", ["used with success", "used with great success"], ["used with"]),
        ("cure~ {condition}", ["cures migraines", "cured treatment resistant depression"], ["cures pain"]),
        ("guarantee~ ... results", ["guarantee you will see real results"], ["guaranteed. Results"]),
        # a gap that ends the phrase takes the words after it, whatever follows them
        (
            "between ... and ...",
            ["between 5 and 15 percent", "between 5% and 15%."],
            ["between 5 and.", "between 5 and"],
        ),
        ("can't get addicted", ["can't get addicted", "can’t get addicted"], ["cant get addicted"]),
        ("works (just |)like it", ["works like it", "works just like it"], ["workslike it"]),
        ("is (un|)safe", ["is safe", "is unsafe"], ["is un safe"]),
        ("risk (free|)", ["risk", "risk free"], ["riskfree"]),
    ],
)
def test_phrase_syntax(phrase, matches, misses):
    regex = re.compile(bounded(phrase_regex(phrase, VOCABULARY)), re.I)
    for text in matches:
        assert regex.search(text), text
        assert phrase_anchors(phrase, VOCABULARY) & text_words(text), text
        for group in phrase_requirements(phrase, VOCABULARY):
            assert group & text_words(text), (text, group)
    for text in misses:
        assert not regex.search(text), text


@pytest.mark.parametrize(
    ("regex", "anchors"),
    [
        (r"(?<![\w.])100\s?%\s+safe\b", {"safe"}),
        (r"\b(?:doctor|physician)s?-(?:recommended|approved)\b", {"recommended", "approved"}),
        (r"\b(?:9|nine)\s+(?:in|of)\s+(?:10|ten)\s+(?:[\w-]+\s+){0,2}?(?:patients|clients)\b", {"patients", "clients"}),
        (r"(?:all[- ]?natural|natural)\s+safe", {"safe"}),
        (r"a[- ]?b", {"a", "ab"}),  # "a b", "a-b" or one word "ab"
        (r"cure[sd]?", {"cure", "cures", "cured"}),
        (r"\boff[- ]?label\b", {"off", "offlabel"}),
        (r"\b(?:not|never)\s+x", {"not", "never"}),  # parsed as "n" then "ot|ever"
        (r"\bbenefits?\b", {"benefit", "benefits"}),
        (r"cure\w*", None),
        (r"cure(?:s\s+){0,2}x", None),
    ],
)
def test_regex_anchors_are_only_what_every_match_contains(regex, anchors):
    found = regex_anchors(regex)
    assert (set(found) if found else None) == anchors


def test_a_phrase_requires_a_word_of_each_of_its_fixed_parts():
    groups = phrase_requirements("work~ for everyone", VOCABULARY)
    assert groups[0] == {"everyone"}
    assert {"works"} <= groups[1] and "worked" in groups[1]
    assert phrase_requirements("cure~ {condition}", VOCABULARY)[1] >= {"depression", "migraine"}
    # a slot is proven by the least common word of each entry, not its first word
    [slot] = phrase_requirements("{certainty}", {"certainty": ["for good", "in minutes", "forever"]})
    assert {"good", "minutes", "forever"} <= slot and not {"for", "in"} & slot
    assert phrase_requirements("(great|) success", VOCABULARY) == (frozenset({"success"}),)


def test_a_regex_requires_each_word_it_spells_out():
    groups = regex_requirements(r"\b(?:9|nine)\s+(?:in|of)\s+(?:10|ten)\s+(?:patients|clients)\b")
    assert {"patients", "clients"} in groups and {"9", "nine"} in groups
    assert regex_requirements(r"cure\w*") == ()


def test_each_alternative_of_a_regex_keeps_its_own_requirements():
    alternatives = regex_branch_requirements(r"\b(?:nine\s+in\s+ten\s+patients|response\s+rates?\s+above)\b")
    assert [set().union(*groups) for groups in alternatives] == [
        {"nine", "in", "ten", "patients"},
        {"response", "rate", "rates", "above"},
    ]
    # an alternative with no word it must contain leaves the regex unproven: it runs on every text
    assert () in regex_branch_requirements(r"\d+%|miracle")
    assert regex_branch_requirements(r"cure(?:s|d)? depression") == [regex_requirements(r"cure(?:s|d)? depression")]


def test_a_rule_wakes_only_where_one_of_its_alternatives_can_match(tmp_path):
    from claimlint.ruleset import load_rules

    pack = tmp_path / "p.yaml"
    pack.write_text(
        "rules:\n  - id: t/stat\n    category: overstated-efficacy\n    severity: error\n    summary: s\n"
        "    message: m\n    rationale: r\n    sources: [s]\n    suggestion: s\n"
        "    match:\n      regex: '(?:nine\\s+in\\s+ten\\s+patients|response\\s+rates\\s+above)'\n"
        "    scope: sentence\n    unless: []\n"
        "    examples:\n      bad: ['nine in ten patients']\n      good: ['ten patients']\n",
        encoding="utf-8",
    )
    pack_ = next(p for p in load_rules([tmp_path]).packs if any(r.id == "t/stat" for r in p.rules))
    assert pack_.candidates({"ten", "patients", "response"}) == []  # a word of each alternative, not all of one
    assert [r.id for r in pack_.candidates({"nine", "in", "ten", "patients"})] == ["t/stat"]


@pytest.mark.parametrize(
    "text",
    ["the results most of our patients actually get", "the results most patients actually get"],
)
def test_a_gap_after_optional_words_matches_with_or_without_them(text):
    regex = phrase_regex("results most (of our|) ... actually get", {})
    assert re.search(regex, text)


def test_a_guard_names_the_characters_a_match_can_start_with():
    guarded = first_char_guard(r"(?<![\w])(?:cure[sd]?|heal(?:s|ed)?|(?:\d+|ten)\s?%?)")
    lookahead = re.match(r"\(\?=\[(.*?)\]\)", guarded)
    assert lookahead and set(lookahead.group(1)) == set("cChHtT0123456789")
    # a pattern that may start with any character, or with nothing, is left as it is
    assert first_char_guard(r"\W*cure") == r"\W*cure"
    assert first_char_guard(r"(?:cure)?") == r"(?:cure)?"


def test_guarded_rule_patterns_find_what_the_unguarded_ones_find(builtin_rules):
    for rule in builtin_rules.rules:
        if rule.pattern is None or not rule.pattern.startswith("(?=["):
            continue
        bare = re.compile(rule.pattern[rule.pattern.index("])") + 2 :], re.IGNORECASE)
        for text in rule.bad + rule.good:
            assert [m.span() for m in rule.regex.finditer(text)] == [m.span() for m in bare.finditer(text)], rule.id


def test_a_punctuation_alternative_follows_its_word_without_a_space():
    regex = phrase_regex("no labs (and|,|needed)", {})
    assert re.search(regex, "No labs, no waiting rooms", re.I).group() == "No labs,"
    assert re.search(regex, "no labs needed", re.I)
    assert not re.search(regex, "no labsneeded", re.I)
