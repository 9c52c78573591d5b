"""The result cache: re-linting an unchanged site should take a moment, not the full run.

Entries live in ``.claimlint_cache/`` next to the configuration file (or in the
current folder), one entry file per linted file, keyed by everything that can
change a result: the claimlint version and its modules, the content of every
rule file, the file's configuration, the command-line selection and the file's
own bytes and path. So a rule or configuration change never serves a stale
result. JSON, not pickle: the folder is inside a project, and reading it must
never run code. An
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
FORMAT = 2  # of an entry


def code_stamp() -> str:
    """The size and time of every module that reads drafts, so an edited claimlint never serves old results.

    A release changes ``__version__``; an editable install (claimlint's own
    development, or a team patching a check) changes the modules instead.
    """
    here = Path(__file__).parent
    stamp = []
    with contextlib.suppress(OSError), os.scandir(here) as entries:
        for entry in entries:
            if entry.name.endswith(".py"):
                info = entry.stat()
                stamp.append(f"{entry.name}:{info.st_size}:{info.st_mtime_ns}")
    return ",".join(sorted(stamp))


class ResultCache:
    def __init__(self, root: Path):
        self.folder = root / FOLDER / f"{__version__}-{FORMAT}"
        self.hits = 0
        self._seed = hashlib.sha256(code_stamp().encode() + b"\0")  # hashed once; each key starts from a copy

    def key(self, *parts: str | bytes) -> str:
        digest = self._seed.copy()
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
            texts = data["texts"]
            findings = [_finding(item, texts) for item in data["findings"]]
            suppressed = int(data["suppressed"])
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None
        self.hits += 1
        return findings, suppressed

    def put(self, key: str, findings: list[Finding], suppressed: int) -> None:
        texts: dict[str, int] = {}
        items = [_item(f, texts) for f in findings]
        payload = json.dumps({"texts": list(texts), "findings": items, "suppressed": suppressed}, ensure_ascii=False)
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


# A finding is a list: its numbers, then its texts as indexes into the entry's
# table of texts (a rule's message, suggestion and sources repeat in a file).
_NUMBERS = ("line", "column", "end_line", "end_column", "start", "end")
_TEXTS = ("path", "rule", "category", "severity", "message", "suggestion", "excerpt", "sentence")


def _item(finding: Finding, texts: dict[str, int]) -> list:
    def index(text: str) -> int:
        return texts.setdefault(text, len(texts))

    item: list = [getattr(finding, name) for name in _NUMBERS]
    item.extend(index(getattr(finding, name)) for name in _TEXTS)
    item.append([index(source) for source in finding.sources])
    if finding.fix is not None:
        item.append([finding.fix.safe, [list(vars(e).values()) for e in finding.fix.edits]])
    return item


def _finding(item: list, texts: list[str]) -> Finding:
    line, column, end_line, end_column, start, end, path, rule, category, severity, message, suggestion = item[:12]
    excerpt, sentence, sources = item[12:15]
    fix = None
    if len(item) > 15:
        safe, edits = item[15]
        fix = Fix(bool(safe), tuple(Edit(*edit) for edit in edits))
    # Findings are frozen dataclasses, whose __init__ sets each field through
    # object.__setattr__; giving the object its __dict__ builds the same
    # object at a fraction of the cost, which matters when a re-run loads
    # tens of thousands.
    finding = object.__new__(Finding)
    object.__setattr__(
        finding,
        "__dict__",
        {
            "path": texts[path],
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
            "rule": texts[rule],
            "category": texts[category],
            "severity": texts[severity],
            "message": texts[message],
            "suggestion": texts[suggestion],
            "sources": tuple([texts[i] for i in sources]),
            "excerpt": texts[excerpt],
            "start": start,
            "end": end,
            "sentence": texts[sentence],
            "fix": fix,
        },
    )
    return finding
