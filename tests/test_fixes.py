"""--fix, --unsafe-fixes and --diff on real files: only the bytes of each span change."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time

import pytest

from claimlint.cli import run
from conftest import write_pack

UNSAFE_PACK = """
pack: unsafe
rules:
  - id: house/off-label
    category: missing-disclosure
    severity: warning
    message: 'Off-label use without a disclosure: "{match}"'
    rationale: Off-label promotion needs a disclosure.
    sources: [21 CFR 202.1(e)]
    match: {phrases: ["ketamine for depression"]}
    suggestion: Say that this use is off-label.
    fix: {append: "{disclosure:off-label}"}
    examples: {bad: [We offer ketamine for depression.], good: [We offer ketamine for anesthesia.]}
"""


def fix(path, *args):
    return run(["--select", "efficacy", *args, str(path)])


def test_fix_rewrites_only_the_spans_and_keeps_crlf_and_bom(tmp_path):
    draft = tmp_path / "d.md"
    before = "\ufeff# Title\r\n\r\nIt is clinically proven.\tGuaranteed results!\r\nCafé — keep this.\r\n"
    draft.write_bytes(before.encode())
    assert fix(draft, "--fix") == 0
    after = draft.read_bytes().decode()
    assert after == "\ufeff# Title\r\n\r\nIt is studied.\tResults!\r\nCafé — keep this.\r\n"


def test_fixing_twice_changes_nothing_and_fixed_findings_are_gone(tmp_path, capsys):
    draft = tmp_path / "d.md"
    draft.write_text("Ketamine works for everyone.\n")
    assert fix(draft, "--fix") == 0
    first = draft.read_bytes()
    assert first == b"Ketamine may work for some people.\n"
    capsys.readouterr()
    assert fix(draft, "--fix", "--format", "json") == 0
    assert draft.read_bytes() == first
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_no_trailing_newline_is_kept(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_bytes(b"Feel instant relief")
    fix(draft, "--fix")
    assert draft.read_bytes() == b"Feel relief"


def test_fix_next_to_links_and_emphasis(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text("[Book](https://x.org/clinically-proven) *now*: clinically proven **care**.\n")
    fix(draft, "--fix")
    assert draft.read_text() == "[Book](https://x.org/clinically-proven) *now*: studied **care**.\n"


def test_no_fix_is_offered_when_markup_is_inside_the_span(tmp_path, capsys):
    draft = tmp_path / "d.md"
    draft.write_text("It is *clinically* proven.\n")
    run(["--select", "efficacy/clinically-proven", "--format", "json", str(draft)])
    [finding] = json.loads(capsys.readouterr().out)["findings"]
    assert finding["fix"] is None
    assert fix(draft, "--fix") == 1
    assert draft.read_text() == "It is *clinically* proven.\n"


def test_diff_prints_and_writes_nothing(tmp_path, capsys):
    draft = tmp_path / "d.md"
    draft.write_text("Line one.\nClinically proven relief.\n")
    assert fix(draft, "--diff") == 1
    out = capsys.readouterr().out
    assert "-Clinically proven relief.\n+Studied relief.\n" in out
    assert out.startswith(f"--- a/{draft}")
    assert draft.read_text() == "Line one.\nClinically proven relief.\n"
    draft.write_text("Nothing to fix.\n")
    assert fix(draft, "--diff") == 0


def test_unsafe_fixes_need_their_flag_and_use_configured_disclosures(tmp_path, capsys):
    rules = tmp_path / "rules"
    write_pack(rules, UNSAFE_PACK)
    draft = tmp_path / "d.md"
    draft.write_text("We offer ketamine for depression. Call us.\n")
    args = ["--select", "house", "--rules", str(rules), str(draft)]
    run(["--fix", *args])
    assert draft.read_text() == "We offer ketamine for depression. Call us.\n"
    assert "1 more fixable with --fix --unsafe-fixes" in capsys.readouterr().out
    (tmp_path / ".claimlint.yaml").write_text("disclosures:\n  off-label: This use is off-label.\n")
    run(["--fix", "--unsafe-fixes", *args])
    assert draft.read_text() == "We offer ketamine for depression. This use is off-label. Call us.\n"


def test_text_report_marks_fixable_findings(tmp_path, capsys):
    draft = tmp_path / "d.md"
    draft.write_text("Clinically proven. Works for all patients.\n")
    fix(draft)
    out = capsys.readouterr().out
    assert "[efficacy/clinically-proven] [*] " in out
    assert "[efficacy/universal-results] Universal" in out or "[efficacy/universal-results] [*]" not in out
    assert "[*] 1 fixable with --fix." in out


def test_fix_keeps_file_mode(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text("Clinically proven.\n")
    os.chmod(draft, 0o640)
    fix(draft, "--fix")
    assert stat.S_IMODE(os.stat(draft).st_mode) == 0o640
    assert draft.read_text() == "Studied.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["d.md"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write read-only files")
def test_read_only_file_is_reported_and_the_run_goes_on(tmp_path, capsys):
    locked, free = tmp_path / "a.md", tmp_path / "b.md"
    for path in (locked, free):
        path.write_text("Clinically proven.\n")
    os.chmod(locked, 0o444)
    assert run(["--select", "efficacy", "--fix", str(locked), str(free)]) == 2
    assert "a.md: cannot write fix: file is read-only" in capsys.readouterr().err
    assert free.read_text() == "Studied.\n"


def test_read_only_file_as_root(tmp_path, capsys, monkeypatch):
    """Where the tests run as root, permission bits do not stop writes: check the access test instead."""
    locked = tmp_path / "a.md"
    locked.write_text("Clinically proven.\n")
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    assert run(["--select", "efficacy", "--fix", str(locked)]) == 2
    assert "cannot write fix: file is read-only" in capsys.readouterr().err
    assert locked.read_text() == "Clinically proven.\n"


def test_overlapping_fixes_resolve_the_same_way_every_time(tmp_path):
    rules = tmp_path / "rules"
    write_pack(
        rules,
        """
pack: overlap
defaults:
  category: overstated-efficacy
  severity: warning
  rationale: r.
  sources: [s]
  suggestion: s.
rules:
  - id: house/a
    message: a
    match: {phrases: ["miracle cure"]}
    fix: {replace: "treatment"}
    examples: {bad: [a miracle cure], good: [a cure]}
  - id: house/b
    message: b
    match: {phrases: ["cure for pain"]}
    fix: {replace: "option for pain"}
    examples: {bad: [a cure for pain], good: [a cure]}
""",
    )
    for _ in range(3):
        draft = tmp_path / "d.md"
        draft.write_text("A miracle cure for pain.\n")
        run(["--select", "house", "--rules", str(rules), "--fix", str(draft)])
        assert draft.read_text() == "A treatment for pain.\n"


def test_a_killed_fix_leaves_the_old_or_the_new_file(tmp_path):
    """Kill claimlint --fix at moments spread over its run, up to the write: the file is always whole."""
    body = "".join(f"Section {i}: clinically proven care, guaranteed results.\n\n" for i in range(8000))
    command = [sys.executable, "-m", "claimlint", "--select", "efficacy", "--fix"]
    expected = tmp_path / "expected.md"
    expected.write_text(body)
    started = time.perf_counter()
    subprocess.run([*command, str(expected)], check=False, capture_output=True)
    duration = time.perf_counter() - started
    new = expected.read_bytes()
    assert new != body.encode()
    for fraction in (0.3, 0.8, 0.9, 0.95, 0.98, 1.0, 1.02):
        draft = tmp_path / "draft.md"
        draft.write_text(body)
        proc = subprocess.Popen([*command, str(draft)], stdout=subprocess.DEVNULL)
        time.sleep(duration * fraction)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert draft.read_bytes() in (body.encode(), new)
        for leftover in tmp_path.glob(".draft.md.*"):
            leftover.unlink()


def test_two_fix_runs_at_once_leave_every_file_whole(tmp_path):
    """Two claimlint --fix processes on the same files: each file ends old or new, never half of one."""
    body = "".join(f"Part {i}: clinically proven care, guaranteed results.\n\n" for i in range(300))
    expected = "".join(f"Part {i}: studied care, results.\n\n" for i in range(300))
    for i in range(60):
        (tmp_path / f"p{i:02d}.md").write_text(body)
    command = [sys.executable, "-m", "claimlint", "--select", "efficacy", "--fix", "--jobs", "1", str(tmp_path)]
    first = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    second = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    errors = first.communicate()[1] + second.communicate()[1]
    assert b"Traceback" not in errors
    for i in range(60):
        assert (tmp_path / f"p{i:02d}.md").read_text() in (body, expected)
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"p{i:02d}.md" for i in range(60)]
