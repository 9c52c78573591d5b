"""Applying fixes: only the bytes of each span change, and a file is written atomically.

Positions in findings are lines and character columns of the text with its
line endings normalised and its BOM set aside; here they are mapped back to
the file's own text, so CRLF endings, a BOM, the encoding and the trailing
newline survive untouched. Edits are validated (overlaps resolved in a fixed
order) and applied right to left.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from claimlint.errors import ClaimlintError
from claimlint.findings import Edit, Finding

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def chosen_edits(findings: Iterable[Finding], unsafe: bool) -> list[Edit]:
    """The edits to apply: safe ones (and unsafe ones when asked), without overlaps.

    When two edits overlap, the one that starts first wins (then the rule id
    decides), so the result never depends on the order findings arrive in.
    Edits that change nothing are dropped.
    """
    candidates = sorted(
        (
            (edit.line, edit.column, edit.end_line, edit.end_column, finding.rule, edit)
            for finding in findings
            if finding.fix is not None and (finding.fix.safe or unsafe)
            for edit in finding.fix.edits
        ),
        key=lambda c: c[:5],
    )
    kept: list[Edit] = []
    last_end = (0, 0)
    for line, column, end_line, end_column, _, edit in candidates:
        if (line, column) < last_end:
            continue
        kept.append(edit)
        last_end = (end_line, end_column)
    return kept


def apply_edits(raw: str, edits: list[Edit]) -> str:
    """Apply edits to a file's decoded text (BOM and original line endings included)."""
    offset = 1 if raw.startswith("\ufeff") else 0
    starts = [offset] + [m.end() for m in _LINE_BREAK.finditer(raw)]

    def index(line: int, column: int) -> int:
        return starts[min(line, len(starts)) - 1] + column - 1

    out = raw
    for edit in sorted(edits, key=lambda e: (e.line, e.column), reverse=True):
        start, end = index(edit.line, edit.column), index(edit.end_line, edit.end_column)
        text = edit.text
        if not text:  # a deletion takes one neighbouring space with it
            if end < len(out) and out[end] == " " and (start == 0 or out[start - 1] in " \n\r"):
                end += 1
            elif start > 0 and out[start - 1] == " ":
                start -= 1
        if out[start:end] != text:
            out = out[:start] + text + out[end:]
    return out


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
        )
    )


def write_atomic(path: str | Path, data: bytes) -> None:
    """Replace a file's content all at once: readers see the old file or the new, never half.

    The new content goes to a temporary file in the same folder (so the
    rename stays on one file system), keeps the old file's permissions, is
    flushed to disk, and then renamed over the old one.
    """
    path = Path(path)
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError as exc:
        raise ClaimlintError(f"cannot write fix: {exc.strerror}", str(path)) from None
    if not os.access(path, os.W_OK):
        raise ClaimlintError("cannot write fix: file is read-only", str(path))
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".claimlint")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise ClaimlintError(f"cannot write fix: {exc.strerror or exc}", str(path)) from None
