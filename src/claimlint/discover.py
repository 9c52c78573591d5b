"""Which files a run reads: named files, and Markdown, MDX and HTML files found under folders."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from claimlint.errors import ClaimlintError

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx", ".html", ".htm")
SKIPPED_FOLDERS = frozenset({"node_modules"})


def discover(paths: list[str], excluded: Callable[[Path, bool], bool] | None = None) -> list[str]:
    """Paths to lint, as the user wrote them, in a stable order.

    A named file is always linted; a folder contributes its Markdown files,
    skipping hidden folders, node_modules and whatever ``excluded`` (the
    configuration's include and exclude globs) rules out. A path that does
    not exist is a usage error, so a typo in a CI job fails loudly.
    """
    skip = excluded or (lambda path, is_dir: False)
    found: list[str] = []
    seen: set[str] = set()
    for given in paths:
        if given == "-":
            found.append(given)
            continue
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if not d.startswith(".") and d not in SKIPPED_FOLDERS and not skip(Path(root, d), True)
                )
                for name in sorted(files):
                    markdown = name.lower().endswith(MARKDOWN_SUFFIXES) and not name.startswith(".")
                    if markdown and not skip(Path(root, name), False):
                        _add(os.path.join(root, name), found, seen)
        elif path.exists():
            _add(given, found, seen)
        else:
            raise ClaimlintError("no such file or directory", given)
    return found


def _add(path: str, found: list[str], seen: set[str]) -> None:
    key = os.path.normpath(path)
    if key not in seen:
        seen.add(key)
        found.append(path)
