"""Reports: each module turns a run's result into one output format, and only prints."""

from __future__ import annotations


def report_path(path: str) -> str:
    """'/' separators and no leading './', so `claimlint ./docs` and `claimlint docs` agree."""
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path
