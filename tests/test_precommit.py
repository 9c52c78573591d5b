"""The pre-commit hooks, run by the real pre-commit tool against this checkout (pre-commit try-repo)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PRE_COMMIT = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")

pytestmark = pytest.mark.skipif(
    not Path(PRE_COMMIT).exists(), reason="pre-commit is not installed (pip install '.[test]')"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    repo = tmp_path_factory.mktemp("site")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home"))}
    env.pop("CLAIMLINT_CACHE_DIR", None)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "bad.md").write_text("# Offer\n\nOur infusions cure depression. Clinically proven.\n")
    (repo / "good.md").write_text("# Explainer\n\nKetamine may ease symptoms for some people [1].\n")
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    return repo, env


def try_repo(site, hook, *files):
    repo, env = site
    return subprocess.run(
        [PRE_COMMIT, "try-repo", str(ROOT), hook, "--files", *files],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_violating_draft_blocks_the_commit(site):
    result = try_repo(site, "claimlint", "bad.md")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "efficacy/cure-claim" in result.stdout


def test_compliant_draft_passes(site):
    result = try_repo(site, "claimlint", "good.md")
    assert result.returncode == 0, result.stdout + result.stderr


def test_fix_hook_rewrites_the_file(site):
    repo, _ = site
    result = try_repo(site, "claimlint-fix", "bad.md")
    assert result.returncode == 1  # pre-commit fails when a hook changed files, and a cure claim is left
    assert (repo / "bad.md").read_text() == "# Offer\n\nOur infusions cure depression. Studied.\n"
