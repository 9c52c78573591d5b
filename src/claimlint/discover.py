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

    A named file is always linted; a folder contributes its Markdown, MDX and
    HTML files, skipping hidden folders, node_modules, what git ignores (in
    a git work tree) and whatever ``excluded`` (the configuration's include
    and exclude globs) rules out. A path that does
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
            listed = _git_files(path)
            if listed is not None:
                for relative in listed:
                    parts = relative.split("/")
                    if any(p.startswith(".") or p in SKIPPED_FOLDERS for p in parts):
                        continue
                    if not parts[-1].lower().endswith(MARKDOWN_SUFFIXES):
                        continue
                    full = os.path.join(given, *parts)
                    if any(skip(Path(given, *parts[:i]), True) for i in range(1, len(parts))):
                        continue
                    if not skip(Path(full), False):
                        _add(full, found, seen)
                continue
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


def _git_files(folder: Path) -> list[str] | None:
    """Files below a folder that git does not ignore (tracked or not), or None outside a work tree.

    Asking git is the one way to honour every .gitignore, the global one and
    .git/info/exclude exactly as git does.
    """
    import subprocess

    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."],
            cwd=folder,
            capture_output=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if listed.returncode != 0:
        return None
    names = {name for name in listed.stdout.decode("utf-8", "surrogateescape").split("\0") if name}
    return sorted(n for n in names if os.path.isfile(os.path.join(folder, n)))


def _add(path: str, found: list[str], seen: set[str]) -> None:
    key = os.path.normpath(path)
    if key not in seen:
        seen.add(key)
        found.append(path)
