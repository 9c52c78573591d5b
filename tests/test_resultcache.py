"""The result cache: same results, never stale, robust against broken entries."""

from __future__ import annotations

import json

from claimlint.cli import run
from conftest import PACK, write_pack


def report(capsys, *args):
    code = run(["--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)["findings"]


def entries(root):
    return sorted((root / ".claimlint_cache").rglob("*.entry"))


def test_cached_results_equal_fresh_ones_and_follow_rule_and_config_edits(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_pack(tmp_path / "rules")
    (tmp_path / "page.md").write_text("It cures depression. No side effects.\n")
    args = ["--rules", "rules", "--select", "test", "page.md"]
    fresh = report(capsys, "--no-cache", *args)
    assert not (tmp_path / ".claimlint_cache").exists()
    first = report(capsys, *args)
    assert len(entries(tmp_path)) == 1
    second = report(capsys, *args)
    assert fresh == first == second
    write_pack(tmp_path / "rules", PACK.replace('"cure~", ', ""))  # a rule edit: no stale result
    assert [f["rule"] for f in report(capsys, *args)[1]] == ["test/no-side-effects"]
    (tmp_path / ".claimlint.yaml").write_text("severity: {test: info}\n")  # a config edit
    assert {f["severity"] for f in report(capsys, *args)[1]} == {"info"}
    assert (tmp_path / ".claimlint_cache" / ".gitignore").read_text().strip().endswith("*")


def test_corrupt_or_tampered_entries_are_ignored_and_rewritten(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.md").write_text("It cures depression.\n")
    args = ["--select", "efficacy/cure-claim", "page.md"]
    expected = report(capsys, *args)
    [entry] = entries(tmp_path)
    entry.write_text(entry.read_text()[:20])  # truncated
    assert report(capsys, *args) == expected
    entry.write_text(entry.read_text().replace("cures", "heals"))  # tampered: checksum no longer matches
    assert report(capsys, *args) == expected
    assert "cures" in entry.read_text() and "heals" not in entry.read_text()


def test_fix_runs_do_not_use_the_cache(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.md").write_text("Clinically proven.\n")
    report(capsys, "--select", "efficacy", "page.md")
    assert run(["--select", "efficacy", "--fix", "page.md"]) == 0
    capsys.readouterr()
    assert (tmp_path / "page.md").read_text() == "Studied.\n"
    assert report(capsys, "--select", "efficacy", "page.md") == (0, [])


def test_text_and_html_reports_from_the_cache_show_the_same_source_lines(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.md").write_text("# Title\n\nOur drops cure anxiety.\n")
    outputs = []
    for _ in range(2):  # the second run is served from the cache
        run(["--select", "efficacy/cure-claim", "page.md"])
        outputs.append(capsys.readouterr().out)
    assert len(entries(tmp_path)) == 1
    assert outputs[0] == outputs[1]
    assert "3 | Our drops cure anxiety." in outputs[1]
    pages = []
    for name in ("first.html", "second.html"):
        run(["--select", "efficacy/cure-claim", "--format", "html", "--output", name, "page.md"])
        pages.append((tmp_path / name).read_text())
    assert "Our drops" in pages[1] and pages[0].count("cure") == pages[1].count("cure")


def test_an_edited_claimlint_module_serves_no_old_result(tmp_path, capsys, monkeypatch):
    """An editable install whose checks change must not see results cached by the old code."""
    from claimlint import resultcache

    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.md").write_text("It cures depression.\n")
    report(capsys, "page.md")
    assert len(entries(tmp_path)) == 1
    stamp = resultcache.code_stamp()
    monkeypatch.setattr(resultcache, "code_stamp", lambda: stamp + ",engine.py:1:1")  # a module edited since
    report(capsys, "page.md")
    assert len(entries(tmp_path)) == 2
