"""Compiled patterns kept between runs: identical behaviour, and harmless when the cache is damaged."""

from __future__ import annotations

import importlib
import re

import pytest

from claimlint import compiled
from claimlint.ruleset import load_rules

SAMPLES = [
    "Ketamine cures depression. No side effects, guaranteed results!",
    "IT CURES MIGRAINES and works for everyone, faster than SSRIs.",
    "Clinically proven: 95% of our patients report relief within 15 minutes.",
    "Ce médicament guérit — ketamine’s “miracle” can't be risk-free.",
]


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    monkeypatch.delenv("CLAIMLINT_NO_RULE_CACHE", raising=False)
    monkeypatch.setenv("CLAIMLINT_CACHE_DIR", str(tmp_path))
    importlib.reload(compiled)
    yield tmp_path
    importlib.reload(compiled)


def test_patterns_from_the_cache_match_exactly_like_re_compile(fresh):
    patterns = [rule.pattern for rule in load_rules().rules if rule.pattern]
    first = [compiled.compile_pattern(p, re.IGNORECASE) for p in patterns]
    compiled.save()
    assert list(fresh.glob("patterns-*.pickle"))
    importlib.reload(compiled)  # a new run: everything comes from the cache
    again = [compiled.compile_pattern(p, re.IGNORECASE) for p in patterns]
    for pattern, a, b in zip(patterns, first, again, strict=True):
        reference = re.compile(pattern, re.IGNORECASE)
        for text in SAMPLES:
            expected = [(m.span(), m.lastgroup) for m in reference.finditer(text)]
            assert [(m.span(), m.lastgroup) for m in a.finditer(text)] == expected
            assert [(m.span(), m.lastgroup) for m in b.finditer(text)] == expected


def test_a_damaged_cache_is_ignored(fresh):
    compiled.compile_pattern(r"cure[sd]?", re.IGNORECASE)
    compiled.save()
    [path] = fresh.glob("patterns-*.pickle")
    path.write_bytes(b"garbage")
    importlib.reload(compiled)
    assert compiled.compile_pattern(r"cure[sd]?", re.IGNORECASE).search("It cures.")


@pytest.mark.parametrize("code", [[1, 2, 3], b"\x01\x02\x03", b"\x00" * 12])
def test_a_foreign_entry_falls_back_to_re_compile(fresh, code):
    compiled._load()[f"{int(re.IGNORECASE)}\0cures"] = (0, code, 0, {}, ())
    assert compiled.compile_pattern("cures", re.IGNORECASE).search("It CURES.")


def test_patterns_no_run_uses_any_more_are_dropped(fresh):
    """Each start loads the whole cache: patterns of rule sets edited away must not pile up."""
    import pickle

    for i in range(300):  # an earlier rule set's patterns
        compiled.compile_pattern(rf"\bold{i}\b")
    compiled.save()
    importlib.reload(compiled)
    for i in range(5):  # this run's
        compiled.compile_pattern(rf"\bnew{i}\b")
    compiled.save()
    [path] = fresh.glob("patterns-*.pickle")
    kept = pickle.loads(path.read_bytes())
    assert all(f"new{i}" in "".join(kept) for i in range(5))
    assert not any("old" in key for key in kept)
