"""Baselines: adopt claimlint on a site with years of legacy pages, then only gate new problems.

A finding is recorded by its rule, its file and a fingerprint of the
normalised text of its sentence, not by line number, so edits elsewhere in
the file do not bring it back, while a changed sentence is reported again.
Identical sentences are counted, so a new copy of an old claim is new.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from pathlib import Path

from claimlint.errors import ClaimlintError
from claimlint.findings import Finding
from claimlint.fixes import write_atomic

FORMAT_VERSION = 1


def fingerprint(finding: Finding) -> str:
    text = re.sub(r"\s+", " ", (finding.sentence or finding.excerpt).lower()).strip()
    return hashlib.sha256(f"{finding.rule}\0{text}".encode()).hexdigest()[:20]


def _key(finding: Finding, folder: Path) -> tuple[str, str, str]:
    path = Path(os.path.relpath(os.path.abspath(finding.path), folder)).as_posix()
    return path, finding.rule, fingerprint(finding)


def write(path: str | Path, findings: list[Finding]) -> int:
    """Record findings in a baseline file; returns how many were recorded."""
    path = Path(path)
    folder = path.resolve().parent
    counts = Counter(_key(f, folder) for f in findings)
    entries = [{"path": p, "rule": r, "fingerprint": fp, "count": n} for (p, r, fp), n in sorted(counts.items())]
    data = json.dumps({"version": FORMAT_VERSION, "findings": entries}, indent=1) + "\n"
    if not path.exists():
        path.touch()
    write_atomic(path, data.encode())
    return len(findings)


def filter_new(path: str | Path, findings: list[Finding]) -> tuple[list[Finding], int]:
    """Findings not in the baseline, and how many were matched by it."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["findings"]
        if data.get("version") != FORMAT_VERSION:
            raise ValueError(f"unsupported version {data.get('version')!r}")
        remaining = Counter({(e["path"], e["rule"], e["fingerprint"]): int(e.get("count", 1)) for e in entries})
    except OSError as exc:
        raise ClaimlintError(f"cannot read baseline: {exc.strerror}", str(path)) from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ClaimlintError(f"not a claimlint baseline file ({exc})", str(path)) from None
    folder = path.resolve().parent
    new, matched = [], 0
    for finding in findings:
        key = _key(finding, folder)
        if remaining[key] > 0:
            remaining[key] -= 1
            matched += 1
        else:
            new.append(finding)
    return new, matched
