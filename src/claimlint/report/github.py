"""GitHub Actions workflow commands: one annotation line per finding.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::MESSAGE — SUGGESTION``
(``::warning`` for warnings, ``::notice`` for info). Values are escaped as the
Actions runner expects: in the message ``%``, CR and LF; in a property also
``:`` and ``,``. A file that could not be read gets an ``::error`` with its
path and no line. Nothing else is printed, so the lines can go straight to
the job log.
"""

from __future__ import annotations

from collections.abc import Iterable

from claimlint.findings import Finding
from claimlint.report import report_path
from claimlint.ruleset import Rule
from claimlint.runner import Result

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(result: Result, rules: Iterable[Rule] = ()) -> str:
    lines = [_finding(finding) for finding in result.findings]
    for error in result.errors:
        path = getattr(error, "path", None)
        line = getattr(error, "line", None)
        props = []
        if path:
            props.append(f"file={escape_property(report_path(path))}")
            if line:
                props.append(f"line={line}")
        props.append("title=claimlint")
        lines.append(f"::error {','.join(props)}::{escape_data(str(error))}")
    return "".join(line + "\n" for line in lines)


def _finding(f: Finding) -> str:
    props = ",".join(
        (
            f"file={escape_property(report_path(f.path))}",
            f"line={f.line}",
            f"col={f.column}",
            f"endLine={f.end_line}",
            f"endColumn={f.end_column}",
            f"title={escape_property(f.rule)}",
        )
    )
    message = f"{f.message} — {f.suggestion}" if f.suggestion else f.message
    return f"::{COMMANDS[f.severity]} {props}::{escape_data(message)}"
