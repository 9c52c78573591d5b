"""Suppression comments and front matter, as a content team writes them."""

from __future__ import annotations

import json

from claimlint.cli import run


def findings(tmp_path, capsys, text, *args):
    draft = tmp_path / "d.md"
    draft.write_text(text)
    run(["--format", "json", "--select", "efficacy,risk,suppression", *args, str(draft)])
    return [(f["line"], f["rule"]) for f in json.loads(capsys.readouterr().out)["findings"]]


def test_disable_next_line_by_id_prefix_and_category(tmp_path, capsys):
    text = (
        "<!-- claimlint-disable-next-line efficacy/cure-claim -- a patient quote -->\n"
        "It cures depression.\n"
        "<!-- claimlint-disable-next-line risk -->\n"
        "There are no side effects.\n"
        "<!-- claimlint-disable-next-line overstated-efficacy, minimized-risk -->\n"
        "It cures all, with no side effects.\n"
        "It cures anxiety.\n"
    )
    assert findings(tmp_path, capsys, text) == [(7, "efficacy/cure-claim")]


def test_disable_line_and_bare_directive(tmp_path, capsys):
    text = "It cures all. <!-- claimlint-disable-line -->\nIt cures more.\n"
    assert findings(tmp_path, capsys, text) == [(2, "efficacy/cure-claim")]


def test_disable_enable_range(tmp_path, capsys):
    text = (
        "<!-- claimlint-disable overstated-efficacy -->\n\n"
        "It cures all. No side effects.\n\n"
        "<!-- claimlint-enable overstated-efficacy -->\n\n"
        "It cures again.\n"
    )
    assert findings(tmp_path, capsys, text) == [(3, "risk/no-side-effects"), (7, "efficacy/cure-claim")]


def test_disable_file_and_front_matter(tmp_path, capsys):
    text = "It cures all. No side effects.\n\n<!-- claimlint-disable-file efficacy -->\n"
    assert findings(tmp_path, capsys, text) == [(1, "risk/no-side-effects")]
    text = "---\ntitle: x\nclaimlint:\n  disable: [minimized-risk]\n---\nIt cures all. No side effects.\n"
    assert findings(tmp_path, capsys, text) == [(6, "efficacy/cure-claim")]


def test_unused_and_unknown_directives_are_reported(tmp_path, capsys):
    text = (
        "<!-- claimlint-disable-next-line efficacy/guarantee -->\n"
        "Nothing to see.\n"
        "<!-- claimlint-disable-next-line efficacy/no-such-rule -->\n"
        "It cures all.\n"
    )
    assert findings(tmp_path, capsys, text) == [
        (1, "suppression/unused"),
        (3, "suppression/unknown-rule"),
        (4, "efficacy/cure-claim"),
    ]


def test_unused_check_respects_selection(tmp_path, capsys):
    text = "<!-- claimlint-disable-next-line efficacy/guarantee -->\nNothing.\n"
    assert findings(tmp_path, capsys, text, "--ignore", "suppression") == []


def test_reason_can_be_required(tmp_path, capsys):
    (tmp_path / ".claimlint.yaml").write_text("require_reason: true\n")
    text = (
        "<!-- claimlint-disable-next-line efficacy -->\nIt cures all.\n"
        "<!-- claimlint-disable-next-line efficacy -- approved by legal, ticket 42 -->\nIt cures all.\n"
    )
    assert findings(tmp_path, capsys, text) == [(1, "suppression/missing-reason")]


def test_directives_inside_code_are_not_directives(tmp_path, capsys):
    text = "```\n<!-- claimlint-disable-file -->\n```\n\nIt cures all.\n"
    assert findings(tmp_path, capsys, text) == [(5, "efficacy/cure-claim")]


def test_broken_front_matter_with_claimlint_key_is_an_error(tmp_path, capsys):
    draft = tmp_path / "d.md"
    draft.write_text("---\nclaimlint: {disable: [x\n---\nText.\n")
    assert run([str(draft)]) == 2
    assert "d.md:" in capsys.readouterr().err
