"""Configuration as a team uses it: discovery, keys, precedence, errors, init."""

from __future__ import annotations

import json

import pytest

from claimlint.cli import run

CLAIMS = "It cures depression. There are no side effects. Clinically proven.\n"


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs" / "legacy").mkdir(parents=True)
    (tmp_path / "docs" / "a.md").write_text(CLAIMS)
    (tmp_path / "docs" / "legacy" / "old.md").write_text(CLAIMS)
    return tmp_path


def rules_found(capsys, *args):
    code = run(["--format", "json", *args])
    out = json.loads(capsys.readouterr().out)
    return code, sorted({(f["path"], f["rule"], f["severity"]) for f in out["findings"]})


def test_nearest_config_wins(site, capsys):
    (site / ".claimlint.yaml").write_text("select: [minimized-risk]\n")
    (site / "docs" / "legacy" / ".claimlint.yaml").write_text("select: [efficacy/cure-claim]\n")
    code, found = rules_found(capsys, "docs")
    assert found == [
        ("docs/a.md", "risk/no-side-effects", "error"),
        ("docs/legacy/old.md", "efficacy/cure-claim", "error"),
    ]


def test_pyproject_table_and_command_line_precedence(site, capsys):
    (site / "pyproject.toml").write_text('[tool.claimlint]\nselect = ["efficacy"]\nfail_on = "never"\n')
    code, found = rules_found(capsys, "docs/a.md")
    assert code == 0  # fail_on from the configuration
    assert {rule for _, rule, _ in found} == {"efficacy/cure-claim", "efficacy/clinically-proven"}
    code, found = rules_found(capsys, "--select", "minimized-risk", "--fail-on", "error", "docs/a.md")
    assert code == 1 and {rule for _, rule, _ in found} == {"risk/no-side-effects"}


def test_explicit_config_and_isolated(site, capsys, tmp_path):
    (site / ".claimlint.yaml").write_text("select: [minimized-risk]\n")
    other = tmp_path / "other.yaml"
    other.write_text("select: [efficacy/cure-claim]\n")
    assert {r for _, r, _ in rules_found(capsys, "--config", str(other), "docs/a.md")[1]} == {"efficacy/cure-claim"}
    assert len({r for _, r, _ in rules_found(capsys, "--isolated", "docs/a.md")[1]}) == 3


def test_severity_overrides_change_the_exit_code(site, capsys):
    (site / ".claimlint.yaml").write_text("severity:\n  efficacy: info\n  minimized-risk: warning\n")
    code, found = rules_found(capsys, "docs/a.md")
    assert code == 0
    assert {sev for _, _, sev in found} == {"info", "warning"}


def test_exclude_include_and_per_file_ignores(site, capsys):
    (site / ".claimlint.yaml").write_text("exclude: [legacy/]\nper_file_ignores:\n  'docs/*.md': [efficacy]\n")
    code, found = rules_found(capsys, "docs")
    assert found == [("docs/a.md", "risk/no-side-effects", "error")]
    (site / ".claimlint.yaml").write_text("include: ['**/old.md']\n")
    assert {p for p, _, _ in rules_found(capsys, "docs")[1]} == {"docs/legacy/old.md"}


def test_extra_rule_folders_are_relative_to_the_config(site, capsys):
    (site / "house").mkdir()
    (site / "house" / "pack.yaml").write_text(
        "pack: house\nrules:\n  - id: house/amazing\n    category: overstated-efficacy\n    severity: info\n"
        "    message: hype\n    rationale: r.\n    sources: [s]\n    match: {phrases: [amazing]}\n"
        "    suggestion: s.\n    examples: {bad: [amazing], good: [fine]}\n"
    )
    (site / ".claimlint.yaml").write_text("rules: [house]\nselect: [house]\n")
    (site / "docs" / "a.md").write_text("An amazing clinic.\n")
    assert rules_found(capsys, "docs/a.md")[1] == [("docs/a.md", "house/amazing", "info")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("selct: [x]\n", ".claimlint.yaml:1: unknown key 'selct'"),
        ("fail_on: sometimes\n", ".claimlint.yaml:1: 'fail_on' must be one of"),
        ("select: [efficacy\n", ".claimlint.yaml:2: invalid YAML"),
        ("select: [nosuch]\n", ".claimlint.yaml: unknown rule, prefix or category 'nosuch'"),
        (
            "front_matter: [title, 'meta description']\n",
            ".claimlint.yaml:1: 'front_matter' entries must be field names",
        ),
    ],
)
def test_invalid_config_is_one_clear_line(site, capsys, text, message):
    (site / ".claimlint.yaml").write_text(text)
    assert run(["docs/a.md"]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_init_writes_a_starter_that_loads(site, capsys):
    assert run(["init"]) == 0
    starter = (site / ".claimlint.yaml").read_text()
    assert "select" in starter and "require_reason" in starter and starter.count("#") > 5
    assert run(["docs/a.md"]) == 1
    assert run(["init"]) == 2
    assert "already exists" in capsys.readouterr().err
    assert run(["init", "--force"]) == 0


def test_statistics(site, capsys):
    run(["--statistics", "--isolated", "docs/a.md"])
    out = capsys.readouterr().out
    assert "    1  [*] efficacy/clinically-proven" in out
    assert "    1      risk/no-side-effects" in out


def test_front_matter_fields_are_configurable(site, capsys):
    (site / "docs" / "mail.md").write_text("---\nsubject: It cures depression\nteaser: It cures depression\n---\nHi.\n")
    assert rules_found(capsys, "docs/mail.md")[1] == [("docs/mail.md", "efficacy/cure-claim", "error")]
    (site / ".claimlint.yaml").write_text("front_matter: [teaser]\n")
    code = run(["--format", "json", "docs/mail.md"])
    lines = [f["line"] for f in json.loads(capsys.readouterr().out)["findings"] if f["rule"] == "efficacy/cure-claim"]
    assert code == 1 and lines == [3]
    (site / ".claimlint.yaml").write_text("front_matter: []\n")
    assert rules_found(capsys, "docs/mail.md") == (0, [])
