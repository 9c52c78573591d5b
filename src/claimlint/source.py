"""A draft's text as read from disk, with line/column lookup.

Markdown parsers normalise line endings and drop a BOM; findings must still
point at the right line and column of the file the writer has open, and a
fix must later put back every byte it did not change. So the source keeps
the original text and the position of every line start.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from claimlint.errors import ClaimlintError

BOM = "\ufeff"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass
class Source:
    """A decoded draft.

    ``text`` is the file's text without a BOM and with every line ending
    replaced by "\\n" (line ending styles and the BOM are kept aside), so an
    offset into ``text`` maps to a line and a column in the file.
    """

    path: str
    text: str
    bom: bool = False
    line_starts: list[int] = field(default_factory=list)

    @classmethod
    def from_text(cls, raw: str, path: str) -> Source:
        bom = raw.startswith(BOM)
        if bom:
            raw = raw[1:]
        text = _LINE_BREAK.sub("\n", raw)
        starts = [0]
        starts.extend(m.end() for m in re.finditer("\n", text))
        return cls(path=path, text=text, bom=bom, line_starts=starts)

    @classmethod
    def from_bytes(cls, data: bytes, path: str) -> Source:
        """Decode UTF-8 strictly: a wrong guess at an encoding would misplace every finding."""
        if b"\x00" in data:
            raise ClaimlintError("binary file (contains NUL bytes), not linted", path)
        try:
            raw = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise ClaimlintError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x}), not linted", path, line) from None
        return cls.from_text(raw, path)

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def line_text(self, line: int) -> str:
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        return self.text[start:end]
