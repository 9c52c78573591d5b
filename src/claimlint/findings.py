"""Findings: plain data that flows from the engine to the reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimlint.source import Source

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


@dataclass(frozen=True)
class Edit:
    """Replace source text between two 1-based positions (end column exclusive)."""

    line: int
    column: int
    end_line: int
    end_column: int
    text: str


@dataclass(frozen=True)
class Fix:
    safe: bool
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    category: str
    severity: str
    message: str
    suggestion: str
    sources: tuple[str, ...]
    excerpt: str
    start: int = field(default=0, compare=False)  # source offsets, for fixes and suppression
    end: int = field(default=0, compare=False)
    sentence: str = field(default="", compare=False)  # normalised text of the sentence
    fix: Fix | None = None

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule)

    @classmethod
    def at(cls, source: Source, start: int, end: int, **fields) -> Finding:
        """A finding over source offsets [start, end): path, positions and excerpt from the source."""
        line, column = source.position(start)
        end_line, end_column = source.position(end)
        return cls(
            path=source.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            excerpt=source.text[start:end],
            start=start,
            end=end,
            **fields,
        )
