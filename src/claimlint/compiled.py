"""Compiled rule patterns that survive between runs, so start-up does not recompile them.

Python compiles a regular expression in pure Python (parse, then code
generation) and only the last step in C; for the large patterns rules make,
that costs milliseconds each, which adds up to most of a one-file run. The
code Python generates is a list of integers; it is kept in the user's cache
(next to the rule-set cache, keyed by the exact Python version) as packed
bytes, which unpickle at memory speed where a pickled list of a million
integers takes tens of milliseconds, and handed straight to the C step next
time. Anything unexpected (another Python, a changed internal interface, a
damaged entry) falls back to re.compile.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import re
import sys
from array import array

from claimlint.checksum import Checksum

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - other Pythons
    _sre = None

FORMAT = "2"  # code packed as bytes
_codes: dict[str, tuple] | None = None
_used: set[str] = set()
_dirty = False
_CODE = "I" if array("I").itemsize == 4 else "L"  # the regex engine's code words are 32 bits
SLACK = 100  # patterns kept beyond three times what a run uses: enough for a few rule sets side by side


def _path():
    from claimlint import rulecache

    base = rulecache.folder()
    if base is None:
        return None
    version = Checksum(sys.version.encode()).hexdigest()[:16]
    return base / f"patterns-{FORMAT}-{version}.pickle"


def _load() -> dict[str, tuple]:
    global _codes
    if _codes is None:
        _codes = {}
        path = _path()
        if path is not None:
            with contextlib.suppress(Exception), open(path, "rb") as handle:
                loaded = pickle.load(handle)
                if isinstance(loaded, dict):
                    _codes = loaded
    return _codes


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern:
    """re.compile, reusing the code generated for this pattern in an earlier run."""
    global _dirty
    if _sre is None:
        return re.compile(pattern, flags)
    codes = _load()
    key = f"{flags}\0{pattern}"
    _used.add(key)
    entry = codes.get(key)
    if entry is not None:
        try:
            stored_flags, packed, *rest = entry
            return _sre.compile(pattern, stored_flags, array(_CODE, packed).tolist(), *rest)
        except Exception:  # noqa: BLE001 - a damaged or foreign entry: compile it the ordinary way
            codes.pop(key, None)
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = (
            int(flags | parsed.state.flags),
            array(_CODE, code).tobytes(),
            parsed.state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
        compiled = _sre.compile(pattern, entry[0], code, *entry[2:])
    except Exception:  # noqa: BLE001 - any surprise in the internals: the public way
        return re.compile(pattern, flags)
    codes[key] = entry
    _dirty = True
    return compiled


def save() -> None:
    """Keep the code generated in this run for the next one (written atomically; errors ignored)."""
    global _dirty
    if not _dirty or _codes is None:
        return
    path = _path()
    if path is None:
        return
    if len(_codes) > 3 * len(_used) + SLACK:
        # every run loads the whole file: patterns of rule sets edited away would slow each start
        for key in [k for k in _codes if k not in _used]:
            del _codes[key]
    import tempfile  # only when writing: its import costs start-up time

    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".patterns-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(_codes, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        _dirty = False
    except Exception:  # noqa: BLE001 - a cache must never break a run
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
