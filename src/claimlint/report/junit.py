"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure, CircleCI).

One test case per file with findings, failing with one line per finding; one
passing case, "all other files", standing for the files checked without
findings; one erroring case per file that could not be read. Text is cleaned
of characters XML 1.0 cannot hold, and escaped by ElementTree.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from claimlint.findings import Finding
from claimlint.ruleset import Rule
from claimlint.runner import Result

NAME = "claimlint"
OTHERS = "all other files"
_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    """Drop the characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF)."""
    return _ILLEGAL.sub("", text)


def render(result: Result, rules: Iterable[Rule] = ()) -> str:
    by_path: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_path.setdefault(finding.path, []).append(finding)
    others = result.files_checked > len(by_path)
    tests = len(by_path) + (1 if others else 0) + len(result.errors)
    counts = {"tests": str(tests), "failures": str(len(by_path)), "errors": str(len(result.errors))}

    root = ET.Element("testsuites", {"name": NAME, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": NAME, **counts, "skipped": "0"})
    for path, findings in by_path.items():
        case = ET.SubElement(suite, "testcase", {"name": clean(path), "classname": NAME, "file": clean(path)})
        noun = "finding" if len(findings) == 1 else "findings"
        failure = ET.SubElement(case, "failure", {"message": f"{len(findings)} {noun}", "type": NAME})
        failure.text = clean("\n".join(_line(f) for f in findings))
    if others:
        ET.SubElement(suite, "testcase", {"name": OTHERS, "classname": NAME})
    for error in result.errors:
        path = getattr(error, "path", None) or NAME
        case = ET.SubElement(suite, "testcase", {"name": clean(path), "classname": NAME})
        ET.SubElement(case, "error", {"message": clean(str(error)), "type": "read-error"})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _line(f: Finding) -> str:
    line = f"{f.path}:{f.line}:{f.column}: {f.severity} [{f.rule}] {f.message}"
    if f.suggestion:
        line += f"\n    help: {f.suggestion}"
    return line
