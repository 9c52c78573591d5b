"""A cache of loaded rule sets, so a pre-commit hook does not re-read every pack at each start.

Entries live in the user's cache folder (``$CLAIMLINT_CACHE_DIR``, else
``$XDG_CACHE_HOME/claimlint``, else ``~/.cache/claimlint``), never in the
project, and are keyed by the claimlint and Python versions, the modules that
build rule sets, and the bytes of every rule file: any edit to a rule, a
vocabulary or the knowledge base makes a new key. A missing, unreadable or
corrupt entry is ignored and rebuilt; a cache folder that cannot be written
is simply not used.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import time
from pathlib import Path

from claimlint import __version__
from claimlint.checksum import Checksum

FORMAT = "2"


def folder() -> Path | None:
    if os.environ.get("CLAIMLINT_NO_RULE_CACHE"):
        return None
    explicit = os.environ.get("CLAIMLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "claimlint"


# the modules that turn rule files into a rule set: a new build of them is a new key
_BUILDERS = ("ruleset.py", "patterns.py", "knowledge.py", "rulecache.py")


def key(files: list[Path]) -> str:
    digest = Checksum(f"{FORMAT}\0{__version__}\0{sys.version}".encode())
    here = Path(__file__).parent
    for name in _BUILDERS:
        try:
            stat = (here / name).stat()
            digest.update(f"{name}\0{stat.st_mtime_ns}\0{stat.st_size}\0".encode())
        except OSError:
            digest.update(name.encode())
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            data = b""
        digest.update(str(path.resolve()).encode() + b"\0" + data + b"\0")
    return digest.hexdigest()


def load(name: str):
    base = folder()
    if base is None:
        return None
    try:
        with open(base / f"rules-{name}.pickle", "rb") as handle:
            return pickle.load(handle)
    except Exception:  # missing, truncated, or written by an incompatible version: rebuild
        return None


KEEP = 16  # entries kept: enough for several projects with their own rule folders


STALE_SECONDS = 600  # a temporary file this old belongs to a run that was killed mid-write


def _prune(base: Path) -> None:
    entries = sorted(base.glob("rules-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()
    now = time.time()
    for temporary in base.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            if now - temporary.stat().st_mtime > STALE_SECONDS:
                temporary.unlink()


def save(name: str, ruleset) -> None:
    base = folder()
    if base is None:
        return
    import tempfile  # only when writing: its import costs start-up time

    try:
        base.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=base, prefix=".rules-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(ruleset, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, base / f"rules-{name}.pickle")
        _prune(base)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        with contextlib.suppress(OSError, NameError):
            os.unlink(temporary)  # type: ignore[possibly-undefined]
