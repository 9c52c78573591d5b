"""The command line as users and CI jobs see it: output, JSON contract, exit codes."""

from __future__ import annotations

import functools
import io
import json
import os
import subprocess
import sys

import pytest

from claimlint.cli import run
from conftest import DATA, write_pack

CLAIMS = "# Guide\n\nKetamine cures depression. There are no side effects.\n\nIt acted faster than SSRIs.\n"


@pytest.fixture
def site(tmp_path):
    rules = tmp_path / "rules"
    write_pack(rules)
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    (tmp_path / "docs" / "a.md").write_text(CLAIMS)
    (tmp_path / "docs" / "sub" / "b.markdown").write_text("Ketamine may help some people.\n")
    (tmp_path / "docs" / "notes.txt").write_text("Ketamine cures depression.\n")
    (tmp_path / "docs" / ".hidden").mkdir()
    (tmp_path / "docs" / ".hidden" / "c.md").write_text("Ketamine cures depression.\n")
    return tmp_path


def lint_json(args, capsys):
    code = run(["--format", "json", "--select", "test", *args])
    return code, json.loads(capsys.readouterr().out)


def test_json_contract(site, capsys):
    path = str(site / "docs" / "a.md")
    code, report = lint_json(["--rules", str(site / "rules"), path], capsys)
    assert code == 1
    assert set(report) == {"version", "tool", "files_checked", "findings", "summary"}
    assert report["version"] == 1 and report["tool"]["name"] == "claimlint"
    assert report["files_checked"] == 1
    assert report["summary"] == {"error": 1, "warning": 1, "info": 1}
    first = report["findings"][0]
    assert list(first) == [
        "path", "line", "column", "end_line", "end_column", "rule", "category", "severity",
        "message", "suggestion", "sources", "excerpt", "fix",
    ]  # fmt: skip
    assert first["path"] == path
    assert (first["line"], first["column"], first["end_line"], first["end_column"]) == (3, 10, 3, 15)
    assert first["rule"] == "test/cure" and first["excerpt"] == "cures"
    assert first["message"] == 'cure: "cures"'
    assert first["fix"] == {
        "safe": True,
        "edits": [{"line": 3, "column": 10, "end_line": 3, "end_column": 15, "text": "may help"}],
    }
    positions = [(f["path"], f["line"], f["column"]) for f in report["findings"]]
    assert positions == sorted(positions)


def test_directory_walk_skips_hidden_and_non_markdown(site, capsys):
    code, report = lint_json(["--rules", str(site / "rules"), str(site / "docs")], capsys)
    assert report["files_checked"] == 2
    assert {f["path"] for f in report["findings"]} == {str(site / "docs" / "a.md")}


def test_named_file_is_linted_whatever_its_suffix(site, capsys):
    code, report = lint_json(["--rules", str(site / "rules"), str(site / "docs" / "notes.txt")], capsys)
    assert [f["rule"] for f in report["findings"]] == ["test/cure"]


@pytest.mark.parametrize(
    ("fail_on", "expected"),
    [("error", 1), ("warning", 1), ("info", 1), ("never", 0)],
)
def test_fail_on(site, capsys, fail_on, expected):
    args = ["--rules", str(site / "rules"), "--fail-on", fail_on, str(site / "docs" / "a.md")]
    assert run(["--select", "test", *args]) == expected


def test_fail_on_threshold_ignores_lower_severities(site, capsys):
    args = ["--rules", str(site / "rules"), "--select", "test/faster", str(site / "docs" / "a.md")]
    assert run([*args, "--fail-on", "warning"]) == 0
    assert run([*args, "--fail-on", "info"]) == 1


def test_clean_file_exits_zero(site, capsys):
    assert run(["--select", "test", "--rules", str(site / "rules"), str(site / "docs" / "sub")]) == 0
    assert "All checks passed" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("select", "ignore", "rules"),
    [
        (["test/cure"], [], {"test/cure"}),
        (["test/cure,test/faster"], [], {"test/cure", "test/faster"}),
        (["minimized-risk"], ["risk"], {"test/no-side-effects"}),
        (["test"], ["overstated-efficacy"], {"test/no-side-effects", "test/faster"}),
        (["test/cure"], ["overstated-efficacy"], {"test/cure"}),
        (["test"], ["test/faster", "test/no-side-effects"], {"test/cure"}),
    ],
)
def test_select_and_ignore(site, capsys, select, ignore, rules):
    args = ["--format", "json", "--rules", str(site / "rules"), str(site / "docs" / "a.md")]
    for s in select:
        args += ["--select", s]
    for i in ignore:
        args += ["--ignore", i]
    run(args)
    assert {f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]} == rules


def test_unknown_selector_is_a_usage_error(site, capsys):
    assert run(["--select", "nonsense", str(site / "docs" / "a.md")]) == 2
    assert "unknown rule, prefix or category 'nonsense'" in capsys.readouterr().err


def test_missing_path_exits_2(tmp_path, capsys):
    assert run([str(tmp_path / "nope.md")]) == 2
    err = capsys.readouterr().err
    assert "nope.md: no such file or directory" in err and "Traceback" not in err


def test_unreadable_files_are_reported_and_others_still_linted(site, capsys):
    args = [
        "--rules",
        str(site / "rules"),
        str(DATA / "not-utf8.md"),
        str(DATA / "binary.md"),
        str(site / "docs" / "a.md"),
    ]
    code, report = lint_json(args, capsys)
    assert code == 2
    assert report["files_checked"] == 1 and report["findings"]
    code = run(["--select", "test", *args])
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"claimlint: error: {DATA / 'not-utf8.md'}:1: not valid UTF-8 (byte 0xe9), not linted",
        f"claimlint: error: {DATA / 'binary.md'}: binary file (contains NUL bytes), not linted",
    ]


def test_stdin_with_filename(site, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(CLAIMS.encode())))
    code, report = lint_json(["--rules", str(site / "rules"), "--stdin-filename", "draft.md", "-"], capsys)
    assert code == 1
    assert {f["path"] for f in report["findings"]} == {"draft.md"}


def test_text_output_ruff_style(site, capsys):
    path = str(site / "docs" / "a.md")
    run(["--select", "test/cure", "--rules", str(site / "rules"), path])
    out = capsys.readouterr().out
    assert out.splitlines()[:5] == [
        f'{path}:3:10: error [test/cure] [*] cure: "cures"',
        "  |",
        "3 | Ketamine cures depression. There are no side effects.",
        "  |          ^^^^^",
        "  = help: Test suggestion.",
    ]
    assert "Found 1 problem (1 error) in 1 of 1 file." in out
    assert "\x1b[" not in out


def test_rules_and_explain(capsys):
    assert run(["rules"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert len(listing) >= 20
    first_id = listing[0].split()[0]
    assert run(["explain", first_id]) == 0
    text = capsys.readouterr().out
    assert "Sources:" in text and "Flagged:" in text and "Not flagged:" in text
    assert run(["explain", "no/such-rule"]) == 2


def test_version_and_help(capsys):
    assert run(["--version"]) == 0
    assert "claimlint" in capsys.readouterr().out
    assert run(["check", "--help"]) == 0
    assert "--fail-on" in capsys.readouterr().out


def test_console_script_runs_as_a_process(site):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "claimlint",
            "--select",
            "test",
            "--rules",
            str(site / "rules"),
            str(site / "docs" / "a.md"),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "[test/cure]" in proc.stdout


def test_git_ignored_files_are_skipped_in_a_work_tree(tmp_path, capsys):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("build/\n*.draft.md\n")
    for name in ("page.md", "build/out.md", "notes.draft.md", "sub/new.md", "node_modules/x/readme.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("It cures depression.\n")
    run(["--format", "json", "--select", "efficacy/cure-claim", str(tmp_path)])
    paths = sorted(f["path"][len(str(tmp_path)) + 1 :] for f in json.loads(capsys.readouterr().out)["findings"])
    assert paths == ["page.md", "sub/new.md"]


def test_jobs_give_the_same_report_as_one_process(tmp_path, capsys):
    for i in range(40):
        (tmp_path / f"p{i:02d}.md").write_text(f"Page {i}. It cures depression. No side effects.\n" + "Fine.\n" * i)
    (tmp_path / "broken.md").write_bytes(b"\xff\xfe bad")
    outputs = []
    for jobs in ("1", "2", "4"):
        code = run(["--format", "json", "--jobs", jobs, "--select", "efficacy,risk", str(tmp_path)])
        captured = capsys.readouterr()
        outputs.append((code, captured.out, captured.err))
    assert outputs[0][0] == 2 and json.loads(outputs[0][1])["files_checked"] == 40
    assert outputs[1] == outputs[0] and outputs[2] == outputs[0]


def test_walking_does_not_follow_directory_symlinks_out_or_around(tmp_path, capsys):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("It cures depression.\n")
    site = tmp_path / "site"
    site.mkdir()
    (site / "page.md").write_text("It cures depression.\n")
    (site / "elsewhere").symlink_to(outside, target_is_directory=True)
    (site / "loop").symlink_to(site, target_is_directory=True)
    run(["--format", "json", "--select", "efficacy/cure-claim", str(site)])
    report = json.loads(capsys.readouterr().out)
    assert report["files_checked"] == 1
    assert [f["path"] for f in report["findings"]] == [str(site / "page.md")]


def _twice(tmp_path, args: list[str], modules: tuple[str, str]) -> list[subprocess.CompletedProcess]:
    """Run claimlint twice in fresh processes; each prints its exit code and whether two modules were loaded."""
    page = tmp_path / "page.md"
    page.write_text("It cures depression.\n")
    probe = (
        "import sys\n"
        "from claimlint.cli import run\n"
        f"code = run([*{args!r}, '--format', 'json', {str(page)!r}])\n"
        f"print(code, *(name in sys.modules for name in {modules!r}), file=sys.stderr)\n"
    )
    env = {**os.environ, "CLAIMLINT_CACHE_DIR": str(tmp_path / "cache")}
    run_once = functools.partial(subprocess.run, capture_output=True, text=True, env=env, cwd=tmp_path)
    return [run_once([sys.executable, "-c", probe]) for _ in range(2)]


def test_a_json_run_from_the_rule_cache_imports_neither_rich_nor_yaml(tmp_path):
    """A pre-commit hook starts claimlint once per commit: start-up skips what the run does not use."""
    runs = _twice(tmp_path, ["--isolated", "--no-cache"], ("rich", "yaml"))
    assert runs[0].stderr.split()[-3:][0] == "1"  # the first run builds the rule-set cache (and reads YAML)
    assert runs[1].stderr.split()[-3:] == ["1", "False", "False"]


def test_a_rerun_served_from_the_result_cache_loads_neither_parser_nor_engine(tmp_path):
    """An unchanged site re-runs from .claimlint_cache/: nothing is parsed, so the parser is never imported."""
    runs = _twice(tmp_path, ["--isolated"], ("claimlint.engine", "markdown_it"))
    assert runs[0].stderr.split()[-3:] == ["1", "True", "True"]
    assert runs[1].stderr.split()[-3:] == ["1", "False", "False"]
    assert runs[0].stdout == runs[1].stdout
