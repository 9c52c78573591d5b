"""Adopting claimlint on legacy pages: record a baseline, then see only new problems."""

from __future__ import annotations

import json

from claimlint.cli import run


def report(capsys, *args):
    code = run(["--format", "json", "--select", "efficacy", *args])
    return code, [(f["line"], f["excerpt"]) for f in json.loads(capsys.readouterr().out)["findings"]]


def test_baseline_survives_edits_elsewhere_and_reports_new_or_changed(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "site").mkdir()
    page = tmp_path / "site" / "page.md"
    page.write_text("# Old page\n\nIt cures depression.\n\nClinically proven.\n")
    assert run(["--select", "efficacy", "--write-baseline", "baseline.json", "site"]) == 0
    assert json.loads((tmp_path / "baseline.json").read_text())["version"] == 1
    capsys.readouterr()
    assert report(capsys, "--baseline", "baseline.json", "site") == (0, [])

    page.write_text("# Old page\n\nA new intro.\n\nIt cures depression.\n\nClinically proven.\n\nIt cures anxiety.\n")
    assert report(capsys, "--baseline", "baseline.json", "site") == (1, [(9, "cures")])

    page.write_text("# Old page\n\nIt cures depression fast.\n\nClinically proven.\n")
    assert report(capsys, "--baseline", "baseline.json", "site") == (1, [(3, "cures")])


def test_a_second_copy_of_a_baselined_claim_is_new(tmp_path, capsys):
    page = tmp_path / "p.md"
    page.write_text("It cures all.\n")
    run(["--select", "efficacy", "--write-baseline", str(tmp_path / "b.json"), str(page)])
    capsys.readouterr()
    page.write_text("It cures all.\n\nIt cures all.\n")
    assert report(capsys, "--baseline", str(tmp_path / "b.json"), str(page)) == (1, [(3, "cures")])


def test_invalid_baseline_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "b.json").write_text("{not json")
    (tmp_path / "p.md").write_text("Fine.\n")
    assert run(["--baseline", str(tmp_path / "b.json"), str(tmp_path / "p.md")]) == 2
    err = capsys.readouterr().err
    assert "b.json: not a claimlint baseline file" in err and "Traceback" not in err
