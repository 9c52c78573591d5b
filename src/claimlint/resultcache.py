"""The result cache: re-linting an unchanged site should take a moment, not the full run.

Entries live in ``.claimlint_cache/`` next to the configuration file (or in the
current folder), one entry file per linted file, keyed by everything that can
change a result: the claimlint version, the content of every rule file, the
file's configuration, the command-line selection and the file's own bytes and
path. So a rule or configuration change never serves a stale result. JSON, not
pickle: the folder is inside a project, and reading it must never run code. An
entry is the SHA-256 of its payload on the first line and the JSON payload after
it, so a hit costs one read and one parse; a truncated, corrupt or tampered entry
is ignored and written again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path

from claimlint import __version__
from claimlint.findings import Edit, Finding, Fix

FOLDER = ".claimlint_cache"


class ResultCache:
    def __init__(self, root: Path):
        self.folder = root / FOLDER / __version__
        self.hits = 0

    def key(self, *parts: str | bytes) -> str:
        digest = hashlib.sha256()
        for part in parts:
            digest.update(part if isinstance(part, bytes) else part.encode("utf-8", "surrogateescape"))
            digest.update(b"\0")
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.entry"

    def get(self, key: str) -> tuple[list[Finding], int] | None:
        try:
            checksum, _, payload = self._path(key).read_text(encoding="utf-8").partition("\n")
            if checksum != _checksum(payload):
                return None
            data = json.loads(payload)
            findings = [_finding(item) for item in data["findings"]]
            suppressed = int(data["suppressed"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        self.hits += 1
        return findings, suppressed

    def put(self, key: str, findings: list[Finding], suppressed: int) -> None:
        payload = json.dumps({"findings": [_item(f) for f in findings], "suppressed": suppressed}, ensure_ascii=False)
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _mark_folder(self.folder.parent)
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                out.write(_checksum(payload) + "\n" + payload)
            os.replace(temporary, path)
        except OSError:
            with contextlib.suppress(OSError, NameError):
                os.unlink(temporary)  # type: ignore[possibly-undefined]


def _checksum(payload: str) -> str:
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _mark_folder(folder: Path) -> None:
    """Keep the cache out of git, backups and searches, as ruff and pytest do."""
    ignore = folder / ".gitignore"
    if not ignore.exists():
        with contextlib.suppress(OSError):
            ignore.write_text("# created by claimlint\n*\n")
            (folder / "CACHEDIR.TAG").write_text("Signature: 8a477f597d28d172789f06886806bc55\n")


_FIELDS = ("path", "line", "column", "end_line", "end_column", "rule", "category", "severity", "message",
           "suggestion", "excerpt", "start", "end", "sentence")  # fmt: skip


def _item(finding: Finding) -> dict:
    item = {name: getattr(finding, name) for name in _FIELDS}
    item["sources"] = list(finding.sources)
    if finding.fix is not None:
        item["fix"] = {"safe": finding.fix.safe, "edits": [list(vars(e).values()) for e in finding.fix.edits]}
    return item


def _finding(item: dict) -> Finding:
    fix = None
    if "fix" in item:
        fix = Fix(bool(item["fix"]["safe"]), tuple(Edit(*edit) for edit in item["fix"]["edits"]))
    # Findings are frozen dataclasses, whose __init__ sets each field through
    # object.__setattr__; filling __dict__ directly builds the same object at a
    # third of the cost, which matters when a re-run loads tens of thousands.
    finding = object.__new__(Finding)
    finding.__dict__.update({name: item[name] for name in _FIELDS}, sources=tuple(item["sources"]), fix=fix)
    return finding
