"""Hostile or broken inputs: refused with a clear message, never a hang or a traceback."""

from __future__ import annotations

import pytest

from claimlint.cli import run
from conftest import PACK, write_pack

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
    for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.mark.parametrize(
    ("regex", "refused"),
    [(r"(\w+\s*)+cure", True), (r"(a+)+b", True), (r"(?:\w+\s+){0,3}cure", False), (r"cures?", False)],
)
def test_catastrophic_regex_is_refused_with_file_and_line(tmp_path, capsys, regex, refused):
    pack = PACK.replace('match: {phrases: ["cure~", "a cure for"]}', f"match: {{regex: '{regex}'}}")
    path = write_pack(tmp_path / "rules", pack)
    code = run(["rules", "--rules", str(path.parent)])
    err = capsys.readouterr().err
    if refused:
        assert code == 2 and "nests unbounded repetitions" in err and f"{path}:" in err
    else:
        assert code == 0, err


def test_alias_bomb_in_a_rule_pack_is_refused(tmp_path, capsys):
    path = write_pack(tmp_path / "rules", BOMB, "bomb.yaml")
    assert run(["rules", "--rules", str(path.parent)]) == 2
    err = capsys.readouterr().err
    assert "YAML aliases (*name) are not allowed" in err and str(path) in err


def test_alias_bomb_in_config_and_front_matter_is_refused(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.md").write_text("---\nclaimlint: &x {disable: []}\nother: *x\n---\nText.\n")
    assert run(["page.md"]) == 2
    assert "page.md:2: front matter: YAML aliases" in capsys.readouterr().err
    (tmp_path / ".claimlint.yaml").write_text(BOMB)
    assert run(["page.md"]) == 2
    assert ".claimlint.yaml" in capsys.readouterr().err


def test_oversized_rule_pack_is_refused(tmp_path, capsys):
    path = write_pack(tmp_path / "rules", "vocabulary:\n  big: [" + "x, " * 2_000_000 + "y]\n", "big.yaml")
    assert run(["rules", "--rules", str(path.parent)]) == 2
    assert "too large" in capsys.readouterr().err


def test_a_page_over_max_file_size_is_skipped_with_a_message(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".claimlint.yaml").write_text("max_file_size: 1 kB\n")
    (tmp_path / "big.md").write_text("It cures depression. " * 100)
    (tmp_path / "small.md").write_text("It cures depression.\n")
    assert run(["--select", "efficacy/cure-claim", "--format", "json", "."]) == 1
    captured = capsys.readouterr()
    assert "claimlint: warning: ./big.md: skipped: 2.1 kB is more than max_file_size (1.0 kB)" in captured.err
    assert '"files_checked": 1' in captured.out
    (tmp_path / ".claimlint.yaml").write_text("max_file_size: huge\n")
    assert run(["small.md"]) == 2
    assert "'max_file_size' must be a size" in capsys.readouterr().err


def test_a_long_single_line_is_linted_whole(tmp_path):
    """A one-line page of 2,000 sentences: every claim is found at its own column."""
    from claimlint.ruleset import load_rules
    from claimlint.runner import lint_bytes

    sentence = "Ketamine cures depression and works for everyone, unlike SSRIs. "
    findings = lint_bytes((sentence * 2000).encode(), load_rules(), "one.md")
    cures = [f.column for f in findings if f.rule == "efficacy/cure-claim"]
    assert cures == [10 + i * len(sentence) for i in range(2000)]
