"""The rule-set cache: used when rules are unchanged, never stale, harmless when broken."""

from __future__ import annotations

from claimlint import rulecache
from claimlint.ruleset import load_rules
from conftest import PACK, write_pack


def test_cache_is_reused_and_invalidated_by_any_rule_edit(tmp_path, monkeypatch):
    monkeypatch.delenv("CLAIMLINT_NO_RULE_CACHE", raising=False)
    monkeypatch.setenv("CLAIMLINT_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "rules"
    write_pack(folder)
    first = load_rules([folder])
    assert len(list((tmp_path / "cache").glob("rules-*.pickle"))) == 1
    again = load_rules([folder])
    assert [r.id for r in again.rules] == [r.id for r in first.rules]
    write_pack(folder, PACK.replace("cure~", "heal~"))
    edited = load_rules([folder])
    assert "heal" in edited.get("test/cure").pattern
    assert len(list((tmp_path / "cache").glob("rules-*.pickle"))) == 2


def test_corrupt_entry_is_ignored_and_rebuilt(tmp_path, monkeypatch):
    monkeypatch.delenv("CLAIMLINT_NO_RULE_CACHE", raising=False)
    monkeypatch.setenv("CLAIMLINT_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "rules"
    write_pack(folder)
    load_rules([folder])
    [entry] = (tmp_path / "cache").glob("rules-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert load_rules([folder]).get("test/cure") is not None
    assert entry.read_bytes() != b"not a pickle"


def test_unwritable_cache_folder_is_not_used(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("CLAIMLINT_CACHE_DIR", str(blocker / "cache"))
    assert load_rules().get("efficacy/cure-claim") is not None
    assert rulecache.load("anything") is None


def test_temporary_files_of_killed_runs_are_swept(tmp_path, monkeypatch):
    import os
    import time

    monkeypatch.delenv("CLAIMLINT_NO_RULE_CACHE", raising=False)
    cache = tmp_path / "cache"
    monkeypatch.setenv("CLAIMLINT_CACHE_DIR", str(cache))
    cache.mkdir()
    stale, fresh = cache / ".rules-dead.tmp", cache / ".patterns-busy.tmp"
    stale.write_bytes(b"")
    fresh.write_bytes(b"")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    folder = tmp_path / "rules"
    write_pack(folder)
    load_rules([folder])
    assert not stale.exists()
    assert fresh.exists()  # another run may be writing it right now
