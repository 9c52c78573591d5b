"""Shared helpers: lint text with small rule packs written for the test."""

from __future__ import annotations

import os
import tempfile
import textwrap
from pathlib import Path

import pytest

from claimlint.ruleset import load_rules
from claimlint.runner import Options, Result, Runner, lint_text
from claimlint.selection import select

# Rule-set cache entries of the tests go to a folder of their own, not the user's cache.
os.environ["CLAIMLINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="claimlint-test-cache-")

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent

PACK = """
pack: test
defaults:
  severity: error
  rationale: Test rationale.
  sources: [Test source]
  suggestion: Test suggestion.
rules:
  - id: test/cure
    category: overstated-efficacy
    message: 'cure: "{match}"'
    match: {phrases: ["cure~", "a cure for"]}
    unless: [negated, question]
    fix: may help
    examples: {bad: ['It cures.'], good: ['It is not a cure.']}
  - id: test/no-side-effects
    category: minimized-risk
    severity: warning
    message: 'risk: "{match}"'
    match: {phrases: ["no side effects", "completely safe"]}
    unless: [negated, question]
    examples: {bad: ['There are no side effects.'], good: ['No drug is completely safe.']}
  - id: test/faster
    category: unsupported-comparison
    severity: info
    message: 'comparison: "{match}"'
    match: {phrases: ["faster than {comparator}"]}
    scope: paragraph
    unless: [negated, cited, question]
    examples: {bad: ['It is faster than SSRIs.'], good: ['It was faster than SSRIs [1].']}
  - id: test/treats
    category: overstated-efficacy
    severity: warning
    message: 'benefit: "{match}"'
    match: {phrases: ["{treatment} treat~ {condition}"]}
    unless: [negated, hedged, cited, question]
    examples: {bad: ['Ketamine treats depression.'], good: ['Ketamine may treat depression.']}
vocabulary:
  comparator: [SSRIs, antidepressants]
  treatment: [ketamine]
  condition: [depression]
"""


def write_pack(folder: Path, text: str = PACK, name: str = "test.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def test_rules(tmp_path_factory):
    """Only the test pack's rules (built-in packs loaded alongside, then unselected)."""
    folder = tmp_path_factory.mktemp("rules")
    write_pack(folder)
    return select(load_rules([folder]), ["test"])


@pytest.fixture(scope="session")
def builtin_rules():
    return load_rules()


@pytest.fixture
def lint(test_rules):
    def run(markdown: str):
        return lint_text(textwrap.dedent(markdown), test_rules, "draft.md")

    return run


def run_docs(tmp_path: Path, page: str) -> tuple[Result, list]:
    """A real run over docs/page.md (given), a clean page and a missing file: (result, every rule)."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text(page, encoding="utf-8")
    (tmp_path / "docs" / "clean.md").write_text("Nothing to see here.\n", encoding="utf-8")
    runner = Runner(Options(use_config_files=False))
    result = runner.run(["docs/page.md", "docs/clean.md", "docs/missing.md"])
    every, _ = runner.selection(runner.config_for("docs/page.md"), "docs/page.md")
    return result, every.rules
