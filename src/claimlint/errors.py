"""The one error type the CLI catches: a problem the user can fix, told in one line."""

from __future__ import annotations


class ClaimlintError(Exception):
    """A user-facing error: bad rules, bad config, unreadable input.

    The CLI prints ``str(error)`` on one line and exits 2; nothing else
    should ever reach the user as a traceback.
    """

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"
