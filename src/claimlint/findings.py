"""Findings: plain data that flows from the engine to the reports."""

from __future__ import annotations

from dataclasses import dataclass, field

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
