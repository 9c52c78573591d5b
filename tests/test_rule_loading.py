"""Broken rule packs are refused with file:line and exit code 2, never a traceback."""

from __future__ import annotations

import pytest

from claimlint.cli import run
from conftest import PACK, write_pack


def _break(old: str, new: str) -> str:
    assert old in PACK
    return PACK.replace(old, new, 1)


@pytest.mark.parametrize(
    ("pack", "on_line", "message"),
    [
        (_break("    fix: may help", "    colour: red\n    fix: may help"), "colour: red", "unknown key 'colour'"),
        (_break("    message: 'cure: \"{match}\"'\n", ""), "- id: test/cure", "missing required field 'message'"),
        (_break("category: overstated-efficacy", "category: hype"), "category: hype", "unknown category 'hype'"),
        (_break('match: {phrases: ["cure~", "a cure for"]}', "match: {regex: 'cure('}"), "cure(", "bad regex"),
        (
            _break('match: {phrases: ["cure~", "a cure for"]}', 'match: {phrases: ["cure {nothing}"]}'),
            "{nothing}",
            "unknown vocabulary {nothing}",
        ),
        (_break("  - id: test/cure", "  - id: Test Cure"), "Test Cure", "must look like 'category/name'"),
        (_break("    severity: warning", "    severity: fatal"), "fatal", "severity must be one of"),
        (
            _break("    unless: [negated, hedged, cited, question]", "    unless: [sarcastic]"),
            "sarcastic",
            "'unless' takes",
        ),
        (_break("rules:", "rule:"), "rule:", "unknown key 'rule'"),
        (
            _break("    severity: warning", "    severity: warning\n    fallback: sometimes"),
            "fallback",
            "'fallback' must be",
        ),
        (
            _break("    severity: warning", "    severity: warning\n    answered: maybe"),
            "answered",
            "'answered' must be yes or no",
        ),
        (
            _break("    severity: warning", "    severity: warning\n    where: footer"),
            "where",
            "'where' must be one of: row-label",
        ),
        ("pack: x\nrules:\n  - id: a/b\n    category: [unclosed\n", None, "invalid YAML"),
    ],
)
def test_invalid_pack_is_reported_with_file_and_line(tmp_path, capsys, pack, on_line, message):
    path = write_pack(tmp_path / "rules", pack)
    lines = path.read_text().splitlines()
    line = next(i for i, text in enumerate(lines, 1) if on_line in text) if on_line else len(lines) + 1
    (tmp_path / "draft.md").write_text("Fine.\n")
    code = run(["--rules", str(path.parent), str(tmp_path / "draft.md")])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{path}:{line}: " in err
    assert message in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_duplicate_rule_id_names_both_places(tmp_path, capsys):
    write_pack(tmp_path / "rules", PACK, "a.yaml")
    b = tmp_path / "rules" / "b.yaml"
    b.write_text(
        PACK.replace(
            "\nvocabulary:\n  comparator: [SSRIs, antidepressants]\n"
            "  treatment: [ketamine]\n  condition: [depression]\n",
            "\n",
        )
    )
    assert run(["rules", "--rules", str(tmp_path / "rules")]) == 2
    err = capsys.readouterr().err
    assert "duplicate rule id 'test/cure'" in err and "a.yaml" in err and "b.yaml" in err


def test_missing_rules_folder(tmp_path, capsys):
    assert run(["rules", "--rules", str(tmp_path / "nope")]) == 2
    assert "rules folder not found" in capsys.readouterr().err


def test_user_regex_with_named_group_is_refused(tmp_path, capsys):
    path = write_pack(
        tmp_path / "rules", _break('match: {phrases: ["cure~", "a cure for"]}', "match: {regex: '(?P<x>cure)'}")
    )
    assert run(["rules", "--rules", str(path.parent)]) == 2
    assert "named groups are not allowed" in capsys.readouterr().err


@pytest.mark.parametrize("key", ["match", "except"])
def test_user_regex_with_a_global_flag_is_refused_with_its_file_named(tmp_path, capsys, key):
    text = _break('match: {phrases: ["cure~", "a cure for"]}', "match: {regex: '(?i)cures'}")
    if key == "except":
        text = text.replace("match: {regex: '(?i)cures'}", "match: {regex: 'cures'}\n    except: {regex: '(?i)never'}")
    path = write_pack(tmp_path / "rules", text)
    assert run(["rules", "--rules", str(path.parent)]) == 2
    err = capsys.readouterr().err
    assert "global flags like (?i) are not allowed" in err and path.name in err
    assert "Traceback" not in err


def test_a_text_is_scanned_only_with_the_rules_its_words_can_trigger(builtin_rules):
    for pack in builtin_rules.packs:
        assert [r.id for r in pack.candidates(set())] == [pack.rules[i].id for i in pack.always]
        every_word = {w for r in pack.rules for groups in r.requires or () for group in groups for w in group}
        assert len(pack.candidates(every_word)) == len([r for r in pack.rules if r.check is None])
        for rule in pack.rules:
            for groups in rule.requires or ():
                assert rule in pack.candidates({sorted(group)[0] for group in groups})


def test_no_built_in_rule_scans_every_segment(builtin_rules):
    """Each built-in rule wakes on its words; only a rule tied to a segment's start may skip that."""
    for pack in builtin_rules.packs:
        for i in pack.always:
            body = pack.rules[i].regex.pattern.removeprefix("(?<![\\w])(?:")
            assert body.startswith("^"), pack.rules[i].id


def test_an_anchor_without_the_rest_of_its_phrase_wakes_no_rule(tmp_path):
    from claimlint.ruleset import load_rules

    write_pack(tmp_path / "rules", PACK.replace('["cure~", "a cure for"]', '["works for everyone"]', 1))
    pack = next(p for p in load_rules([tmp_path / "rules"]).packs if any(r.id == "test/cure" for r in p.rules))
    rule = next(r for r in pack.rules if r.id == "test/cure")
    assert rule not in pack.candidates({"it", "works", "for", "me"})
    assert rule not in pack.candidates({"everyone", "agrees"})
    assert rule in pack.candidates({"it", "works", "for", "everyone"})


def test_anchors_never_hide_a_match(builtin_rules):
    """Every bad example contains an anchor word of its rule (else gating would hide it)."""
    from claimlint.patterns import text_words

    for rule in builtin_rules.rules:
        for bad in rule.bad:
            if rule.anchors is not None and rule.regex.search(bad):
                assert rule.anchors & text_words(bad), (rule.id, bad)
                pack = next(p for p in builtin_rules.packs if rule in p.rules)
                assert rule in pack.candidates(text_words(bad)), (rule.id, bad)


CONTEXT_RULES = """
  - id: test/certain
    category: overstated-efficacy
    message: 'certain: "{match}"'
    match: {phrases: ["relief"]}
    with:
      - {phrases: ["in minutes", "for good"]}
      - {phrases: ["{treatment}", "infusion~"]}
    unless: [negated, hedged, question]
    examples: {bad: ['Ketamine brings relief in minutes.'], good: ['Ketamine may bring relief in minutes.']}
  - id: test/waved
    category: minimized-risk
    message: 'waved: "{match}"'
    match: {phrases: ["none of those"]}
    after:
      - {phrases: ["side effect~"]}
    examples: {bad: ['It has side effects. Ours has none of those.'], good: ['Ours has none of those.']}
"""


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Ketamine brings relief in minutes.", True),
        ("Our infusions mean relief for good.", True),
        ("Ketamine brings relief.", False),  # no "with" words
        ("Relief in minutes.", False),  # no treatment
        ("Ketamine brings relief. It works in minutes.", False),  # the parts are in two sentences
        ("Ketamine does not bring relief in minutes.", False),
    ],
)
def test_a_with_rule_needs_each_part_in_the_same_sentence(tmp_path, text, flagged):
    found = _excerpts(tmp_path, CONTEXT_RULES, "test/certain", text + "\n")
    assert found == (["relief"] if flagged else []), found


def _excerpts(tmp_path, rule: str, rule_id: str, text: str) -> list[str]:
    """What one rule, added to the test pack, flags in a text."""
    return [f.excerpt for f in _findings(tmp_path, rule, rule_id, text)]


def _findings(tmp_path, rules: str, selected: str, text: str) -> list:
    """The findings of the selected rules, added to the test pack, in a text."""
    from claimlint.ruleset import load_rules
    from claimlint.runner import lint_text
    from claimlint.selection import select

    write_pack(tmp_path / "rules", PACK.replace("\nvocabulary:", rules + "vocabulary:", 1))
    return lint_text(text, select(load_rules([tmp_path / "rules"]), [selected]), "d.md")


@pytest.mark.parametrize(
    ("with_value", "message"),
    [
        ("with: in minutes", "'with' must be a list of matches"),
        ("with: [{words: [x]}]", "'with':"),
        ('with: [{phrases: ["{nothing}"]}]', "unknown vocabulary {nothing}"),
    ],
)
def test_a_broken_with_is_reported_with_file_and_line(tmp_path, capsys, with_value, message):
    rule = CONTEXT_RULES.replace(
        '    with:\n      - {phrases: ["in minutes", "for good"]}\n      - {phrases: ["{treatment}", "infusion~"]}\n',
        f"    {with_value}\n",
    )
    path = write_pack(tmp_path / "rules", PACK.replace("\nvocabulary:", rule + "vocabulary:", 1))
    assert run(["rules", "--rules", str(path.parent)]) == 2
    err = capsys.readouterr().err
    assert message in err and f"{path}:" in err, err


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Pills have side effects. Ours has none of those.\n", True),
        ("Pills have side effects.\n\nOurs has none of those.\n", True),  # the sentence before is in another paragraph
        ("Ours has none of those. Pills have side effects.\n", False),  # named after, not before
        ("Pills have side effects. They cost more. Ours has none of those.\n", False),  # not the sentence before
        ("Ours has none of those.\n", False),
    ],
)
def test_an_after_rule_needs_its_part_in_the_sentence_before(tmp_path, text, flagged):
    found = _excerpts(tmp_path, CONTEXT_RULES, "test/waved", text)
    assert found == (["none of those"] if flagged else []), found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("| Benefit | With our infusions |\n|---|---|\n| Relief | In minutes |\n", ["Relief"]),  # row and header
        ("| Benefit | When |\n|---|---|\n| Relief | In minutes |\n", []),  # no treatment in row or header
        ("Our infusions bring:\n\n- relief in minutes\n", ["relief"]),  # a list item after its lead-in
        ("Our infusions help.\n\n- relief in minutes\n", []),  # no lead-in: another paragraph
        ("Ketamine brings relief in minutes, relief for good.\n", ["relief"]),  # one claim, one finding
    ],
)
def test_a_with_rule_reads_a_cell_with_its_row_and_an_item_with_its_lead_in(tmp_path, text, found):
    assert _excerpts(tmp_path, CONTEXT_RULES, "test/certain", text) == found


ROW_RULES = """
  - id: test/row
    category: unsupported-comparison
    message: 'row: "{match}"'
    match: {regex: '^\\W*(?:\\w+\\s+){0,4}?results'}
    where: row-label
    examples: {bad: ['| | Ours | Theirs |\\n|---|---|---|\\n| Results | Fast | Slow |'], good: ['Fast results.']}
  - id: test/twice
    category: unsupported-comparison
    message: 'twice: "{match}"'
    match: {phrases: ["twice the results"]}
    examples: {bad: ['Twice the results.'], good: ['The same results.']}
"""


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("| | Ours | Theirs |\n|---|---|---|\n| Results | Fast | Slow |\n", ["Results"]),
        # outside a side-by-side table the row rule is no match, so it hides no other rule's match inside its span
        ("Members see twice the results.\n", ["twice the results"]),
        ("| Plan | Results |\n|---|---|\n| Members see twice the results | Yes |\n", ["twice the results"]),
    ],
)
def test_a_row_label_rule_counts_only_in_a_row_label_and_hides_nothing_elsewhere(tmp_path, text, found):
    assert _excerpts(tmp_path, ROW_RULES, "test/", text) == found


COMPANY_RULES = """
  - id: test/pointing
    category: minimized-risk
    message: 'pointing: "{match}"'
    match: {phrases: ["overblown"]}
    after:
      - {phrases: ["side effect~"]}
    examples: {bad: ['It has side effects. Overblown.'], good: ['Overblown.']}
  - id: test/called
    category: minimized-risk
    message: 'called: "{match}"'
    match: {phrases: ["overblown"]}
    with:
      - {phrases: ["nausea"]}
    examples: {bad: ['The nausea talk is overblown.'], good: ['Overblown.']}
"""


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the rule listed first lacks its sentence before, so the same words still make the second rule's claim
        ("The nausea talk is overblown.\n", ["test/called"]),
        ("Pills have side effects. That is overblown.\n", ["test/pointing"]),
        ("Pills have side effects. The nausea talk is overblown.\n", ["test/pointing"]),  # one claim, told once
        ("That is overblown.\n", []),
    ],
)
def test_a_match_without_its_company_hides_no_other_rules_match(tmp_path, text, found):
    assert [f.rule for f in _findings(tmp_path, COMPANY_RULES, "test/", text)] == found
