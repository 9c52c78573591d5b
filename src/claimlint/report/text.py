"""The terminal report, in the style of ruff and rustc.

Each finding shows where, the rule, the message, the source line with the
span underlined, and a help line with what to write instead. Colour comes
from rich, imported only when the output is a terminal that wants colour,
so piped and pre-commit runs start fast.
"""

from __future__ import annotations

from collections import Counter

from claimlint.findings import SEVERITIES, Finding
from claimlint.runner import Result

MAX_WIDTH = 100
_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}

Piece = tuple[str, str]  # (text, rich style or "")


def render(result: Result, unsafe_fixes: bool = False, fixed: bool = False, baselined: int = 0) -> list[list[Piece]]:
    """The report as lines of styled pieces."""
    lines: list[list[Piece]] = []
    for finding in result.findings:
        source = result.lines.get(finding.path)
        source_line = source[finding.line - 1] if source and finding.line <= len(source) else None
        lines.extend(_finding(finding, source_line, _fixable(finding, unsafe_fixes)))
        lines.append([])
    lines.extend(_summary(result))
    lines.extend(_fix_summary(result, unsafe_fixes, fixed))
    if baselined:
        lines.append([(f"{baselined} findings recorded in the baseline are not shown.", "")])
    return lines


def _fixable(f: Finding, unsafe: bool) -> bool:
    return f.fix is not None and (f.fix.safe or unsafe)


def _fix_summary(result: Result, unsafe: bool, fixed: bool) -> list[list[Piece]]:
    lines: list[list[Piece]] = []
    if fixed:
        noun = "problem" if result.fixed == 1 else "problems"
        lines.append([(f"Fixed {result.fixed} {noun} in {result.files_fixed} file(s).", "bold green")])
    safe = sum(1 for f in result.findings if f.fix is not None and f.fix.safe)
    hidden = sum(1 for f in result.findings if f.fix is not None and not f.fix.safe)
    if safe or (unsafe and hidden):
        count = safe + (hidden if unsafe else 0)
        option = "--fix --unsafe-fixes" if unsafe and hidden else "--fix"
        lines.append([("[*] ", "cyan"), (f"{count} fixable with {option}.", "")])
    if hidden and not unsafe:
        lines.append([(f"{hidden} more fixable with --fix --unsafe-fixes (they add or rewrite statements).", "")])
    return lines


def _finding(f: Finding, source_line: str | None, fixable: bool = False) -> list[list[Piece]]:
    out: list[list[Piece]] = [
        [
            (f"{f.path}:{f.line}:{f.column}:", "bold"),
            (" ", ""),
            (f.severity, _STYLE[f.severity]),
            (" ", ""),
            (f"[{f.rule}]", "cyan"),
            (" [*]" if fixable else "", "cyan"),
            (" " + f.message, "bold"),
        ]
    ]
    if source_line is not None:
        gutter = " " * len(str(f.line))
        start = f.column - 1
        end = f.end_column - 1 if f.end_line == f.line else len(source_line)
        shown, start, end = _window(source_line, start, max(end, start + 1))
        shown = shown.replace("\t", " ")  # after cutting: a long line is not copied per finding
        out.append([(f"{gutter} |", "blue")])
        out.append([(f"{f.line} |", "blue"), (" " + shown, "")])
        out.append([(f"{gutter} |", "blue"), (" " + " " * start + "^" * (end - start), _STYLE[f.severity])])
        out.append([(f"{gutter} = ", "blue"), ("help: ", "bold"), (f.suggestion, "")])
    else:
        out.append([("  = ", "blue"), ("help: ", "bold"), (f.suggestion, "")])
    return out


def _window(line: str, start: int, end: int) -> tuple[str, int, int]:
    """Cut a long line around the span so the carets stay under it."""
    if len(line) <= MAX_WIDTH:
        return line, start, end
    left = max(0, min(start - 30, len(line) - MAX_WIDTH))
    right = min(len(line), max(left + MAX_WIDTH, end + 10))
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    shift = left - len(prefix)
    return prefix + line[left:right] + suffix, start - shift, end - shift


def _summary(result: Result) -> list[list[Piece]]:
    findings = result.findings
    files = "file" if result.files_checked == 1 else "files"
    if not findings:
        return [[("All checks passed", "bold green"), (f" ({result.files_checked} {files} checked).", "")]]
    by_severity = Counter(f.severity for f in findings)
    flagged = len({f.path for f in findings})
    counts = ", ".join(
        f"{by_severity[s]} {s if s == 'info' or by_severity[s] == 1 else s + 's'}" for s in SEVERITIES if by_severity[s]
    )
    noun = "problem" if len(findings) == 1 else "problems"
    lines = [
        [
            (f"Found {len(findings)} {noun}", "bold"),
            (f" ({counts}) in {flagged} of {result.files_checked} {files}.", ""),
        ]
    ]
    by_category = Counter(f.category for f in findings)
    width = max(len(c) for c in by_category)
    for category, count in sorted(by_category.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append([(f"  {category.ljust(width)}  {count:>4}", "")])
    return lines


def write(lines: list[list[Piece]], stream, color: bool) -> None:
    if not color:
        stream.write("".join("".join(text for text, _ in line) + "\n" for line in lines))
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, highlight=False, soft_wrap=True)
    for line in lines:
        console.print(Text.assemble(*line))
