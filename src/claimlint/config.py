"""Configuration of a run: ``.claimlint.yaml`` or ``[tool.claimlint]`` in pyproject.toml.

As with ruff and markdownlint, a team writes its choices down once, next to
the content, instead of repeating flags in every CI job. The nearest config
file above a linted file wins, so a sub-site can carry its own settings.
A wrong setting is reported as ``file:line: what is wrong`` before anything
is linted: a typo must never silently turn a rule off.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from claimlint.errors import ClaimlintError
from claimlint.findings import SEVERITIES
from claimlint.yamlfile import load_yaml

CONFIG_NAMES = (".claimlint.yaml", ".claimlint.yml", "pyproject.toml")
KEYS = (
    "select", "ignore", "severity", "fail_on", "rules", "include", "exclude",
    "per_file_ignores", "disclosures", "require_reason", "max_file_size", "front_matter",
)  # fmt: skip
MAX_FILE_SIZE = 10_000_000  # bytes: a page larger than this is skipped with a message
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|kib|mib|gib)?\s*", re.I)
_UNITS = {"b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "kib": 2**10, "mib": 2**20, "gib": 2**30}
FAIL_ON = (*SEVERITIES, "never")
DISCLOSURES = ("off-label", "not-fda-approved", "testimonial")
# Front matter fields that hold prose a reader sees (a page's title, an email's subject line)
FRONT_MATTER_FIELDS = ("title", "description", "subject", "preheader", "subtitle", "summary", "excerpt", "headline")


@dataclass(frozen=True)
class Config:
    """Settings of one config file, validated; the defaults when no file applies."""

    path: Path | None = None  # the file it came from (None: defaults)
    root: Path = Path(".")  # folder of that file: globs and rule folders are relative to it
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    fail_on: str | None = None
    rules: tuple[Path, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    disclosures: Mapping[str, str] = field(default_factory=dict)
    require_reason: bool = False
    max_file_size: int = MAX_FILE_SIZE
    front_matter: tuple[str, ...] = FRONT_MATTER_FIELDS

    def __hash__(self) -> int:
        # the mapping fields are dicts; one file gives one config, so this is enough
        return hash((self.path, self.root))

    def excludes(self, path: Path, is_dir: bool | None = None) -> bool:
        """Whether a folder walk should skip ``path`` (absolute or relative to the cwd).

        Skipped: anything an ``exclude`` glob matches (a folder glob covers
        everything below it), and, when ``include`` is set, a file that no
        include glob matches. Folders are only ever skipped by ``exclude``, so
        the walk still reaches included files deep inside. Pass ``is_dir`` when
        the caller knows it, to save a stat per file.
        """
        rel = self._relative(path)
        if rel is None:  # outside root: only name-only globs can apply
            name = Path(path).name
            return any(_matches(glob, name, False) for glob in self.exclude if "/" not in glob.rstrip("/"))
        if rel == ".":
            return False
        if is_dir is None:
            is_dir = Path(path).is_dir()
        if any(_matches(glob, rel, is_dir) for glob in self.exclude):
            return True
        return bool(self.include) and not is_dir and not any(_matches(glob, rel, False) for glob in self.include)

    def ignored_for(self, path: Path) -> tuple[str, ...]:
        """Selectors to ignore in ``path``: those of every per_file_ignores glob it matches."""
        if not self.per_file_ignores:
            return ()
        rel = self._relative(path)
        if rel is None or rel == ".":
            return ()
        found: dict[str, None] = {}
        for glob, selectors in self.per_file_ignores.items():
            if _matches(glob, rel, False):
                found.update(dict.fromkeys(selectors))
        return tuple(found)

    def severity_for(self, rule_id: str, category: str, default: str) -> str:
        """The configured severity of a rule, the most specific key winning.

        Exact id > longer id prefix ("efficacy/cure") > shorter one > the id's
        first part ("efficacy") > the category > ALL > ``default``.
        """
        best, best_rank = default, 0
        for key, level in self.severity.items():
            rank = _specificity(key, rule_id, category)
            if rank > best_rank:
                best, best_rank = level, rank
        return best

    def _relative(self, path: Path) -> str | None:
        """``path`` relative to root with ``/`` separators; None when outside root."""
        try:
            rel = os.path.relpath(os.path.abspath(path), os.path.abspath(self.root))
        except ValueError:  # another drive on Windows
            return None
        rel = rel.replace(os.sep, "/")
        if rel == ".." or rel.startswith("../"):
            return None
        return rel


def _specificity(key: str, rule_id: str, category: str) -> int:
    if key == rule_id:
        return 1_000_000
    prefix = key.rstrip("/")
    if "/" in prefix:
        return 1000 + len(prefix) if rule_id.startswith(prefix) else 0
    if prefix and rule_id.startswith(prefix + "/"):
        return 3
    if key == category:
        return 2
    return 1 if key.upper() == "ALL" else 0


# -- globs --------------------------------------------------------------------


@functools.lru_cache(maxsize=1024)
def _compile(glob: str) -> tuple[re.Pattern[str], bool, bool]:
    """A glob as (regex, anchored, folders only), like .gitignore patterns.

    ``**/`` matches any number of folders (none included), ``*`` and ``?``
    never cross ``/``. A glob with no ``/`` but a trailing one matches a name
    in any folder; any other ``/`` anchors it at the root.
    """
    dir_only = glob.endswith("/")
    body = glob.rstrip("/")
    if body.startswith("./"):
        body = body[2:]
    anchored = "/" in body
    body = body.lstrip("/")
    out: list[str] = []
    i = 0
    while i < len(body):
        if body.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif body.startswith("/**", i) and i + 3 == len(body):
            out.append("(?:/.*)?")  # the folder itself and everything below
            i += 3
        elif body.startswith("**", i):
            out.append(".*")
            i += 2
        elif body[i] == "*":
            out.append("[^/]*")
            i += 1
        elif body[i] == "?":
            out.append("[^/]")
            i += 1
        elif body[i] == "[" and (end := body.find("]", i + 2)) != -1:
            inner = body[i + 1 : end].replace("\\", "\\\\")
            if inner.startswith("!"):
                inner = "^" + inner[1:]
            elif inner.startswith("^"):
                inner = "\\" + inner
            out.append(f"[{inner}]")
            i = end + 1
        else:
            out.append(re.escape(body[i]))
            i += 1
    return re.compile("".join(out)), anchored, dir_only


def _matches(glob: str, rel: str, is_dir: bool) -> bool:
    """Whether ``glob`` matches the root-relative path ``rel`` or a folder above it."""
    regex, anchored, dir_only = _compile(glob)
    parts = rel.split("/")
    last = len(parts) - 1
    if not anchored:
        return any(regex.fullmatch(part) and (i < last or is_dir or not dir_only) for i, part in enumerate(parts))
    for i in range(1, len(parts) + 1):
        if i == len(parts) and dir_only and not is_dir:
            break
        if regex.fullmatch("/".join(parts[:i])):
            return True
    return False


# -- loading and validation ---------------------------------------------------


class _Doc(Protocol):
    path: str

    def line(self, obj: Any, key: Any = None) -> int | None: ...


def load_config(path: Path) -> Config:
    """Read and validate one config file (for ``--config``)."""
    path = Path(path)
    config = _load(path, str(path), explicit=True)
    if config is None:
        raise ClaimlintError("no [tool.claimlint] table", str(path))
    return config


def find_config(start: Path) -> Config | None:
    """The nearest config above a file or folder, or None; cached per folder.

    Call ``find_config.cache_clear()`` at the start of a run when one process
    runs several times (tests), so an edited config file is read again.
    """
    folder = Path(os.path.abspath(start))
    if not folder.is_dir():
        folder = folder.parent
    return _folder_config(folder)


@functools.cache
def _folder_config(folder: Path) -> Config | None:
    for name in CONFIG_NAMES:
        candidate = folder / name
        if candidate.is_file():
            config = _file_config(candidate)
            if config is not None:
                return config
    parent = folder.parent
    return None if parent == folder else _folder_config(parent)


@functools.cache
def _file_config(path: Path) -> Config | None:
    return _load(path, _shown(path))


def _cache_clear() -> None:
    _folder_config.cache_clear()
    _file_config.cache_clear()


find_config.cache_clear = _cache_clear  # type: ignore[attr-defined]


def _shown(path: Path) -> str:
    """A found config file's name for messages: relative when under the cwd."""
    try:
        return str(path.relative_to(Path.cwd()))
    except (ValueError, OSError):
        return str(path)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig")


def _load(path: Path, shown: str, explicit: bool = False) -> Config | None:
    """Parse and validate; None for a TOML file without a [tool.claimlint] table."""
    try:
        text = _read(path)
    except UnicodeDecodeError as exc:
        raise ClaimlintError(
            f"cannot read config: not valid UTF-8 (byte 0x{exc.object[exc.start]:02x})", shown
        ) from None
    except OSError as exc:
        raise ClaimlintError(f"cannot read config: {exc.strerror or exc}", shown) from None
    if path.suffix == ".toml":
        found = _parse_toml(text, shown, explicit)
        if found is None:
            return None
        doc, data = found
    else:
        located = load_yaml(text, shown)
        doc, data = located, located.data
    return _Checker(doc, path).config(data)


class _TomlDoc:
    """Line numbers for TOML keys, found by a plain scan (tomllib gives none)."""

    _PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
    _HEADER = re.compile(rf"^\s*\[\[?\s*({_PART}(?:\s*\.\s*{_PART})*)\s*\]")
    _KEY = re.compile(rf"^\s*({_PART}(?:\s*\.\s*{_PART})*)\s*=")

    def __init__(self, text: str, path: str, table: dict):
        self.path = path
        self._keys: dict[tuple[str, ...], int] = {}
        self._tables: dict[int, tuple[str, ...]] = {}
        current: tuple[str, ...] = ()
        for number, line in enumerate(text.splitlines(), 1):
            if header := self._HEADER.match(line):
                current = self._parts(header.group(1))
                self._keys.setdefault(current, number)
            elif key := self._KEY.match(line):
                self._keys.setdefault(current + self._parts(key.group(1)), number)
        self._index(table, ("tool", "claimlint"))

    @staticmethod
    def _parts(dotted: str) -> tuple[str, ...]:
        parts = re.findall(_TomlDoc._PART, dotted)
        return tuple(p[1:-1].replace('\\"', '"').replace("\\\\", "\\") if p[0] in "\"'" else p for p in parts)

    def _index(self, obj: Any, where: tuple[str, ...]) -> None:
        if isinstance(obj, dict):
            self._tables[id(obj)] = where
            for key, value in obj.items():
                self._index(value, (*where, str(key)))

    def line(self, obj: Any, key: Any = None) -> int | None:
        where = self._tables.get(id(obj), ("tool", "claimlint"))
        wanted = (*where, str(key)) if key is not None else where
        while len(wanted) >= 2:
            if wanted in self._keys:
                return self._keys[wanted]
            below = [n for k, n in self._keys.items() if k[: len(wanted)] == wanted]
            if below:
                return min(below)
            wanted = wanted[:-1]
        return None


def _parse_toml(text: str, shown: str, explicit: bool) -> tuple[_TomlDoc, Any] | None:
    if not explicit and "claimlint" not in text:  # most pyproject.toml files: no need to parse
        return None
    try:  # imported only when a TOML config is read: keeps start-up fast
        import tomllib
    except ImportError:  # pragma: no cover - Python 3.10
        try:
            import tomli as tomllib
        except ImportError:
            raise ClaimlintError("reading TOML needs Python 3.11 or the tomli package", shown) from None

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = re.search(r"\s*\(at (?:line (\d+), column \d+|end of document)\)$", message)
        line = None
        if where:
            line = int(where.group(1)) if where.group(1) else max(1, len(text.splitlines()))
            message = message[: where.start()]
        raise ClaimlintError(f"invalid TOML: {message}", shown, line) from None
    tool = data.get("tool")
    if not isinstance(tool, dict) or "claimlint" not in tool:
        return None
    table = tool["claimlint"]
    doc = _TomlDoc(text, shown, table if isinstance(table, dict) else {})
    if not isinstance(table, dict):
        raise ClaimlintError("[tool.claimlint] must be a table", shown, doc.line(None) or 1)
    return doc, table


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _split(value: str) -> list[str]:
    """Comma-separated selectors or globs, as the CLI splits them."""
    return [part.strip() for part in value.split(",") if part.strip()]


class _Checker:
    """Validates one loaded document into a Config; each error names its line."""

    def __init__(self, doc: _Doc, path: Path):
        self.doc = doc
        self.path = path
        self.root = Path(os.path.abspath(path)).parent

    def error(self, message: str, line: int | None) -> ClaimlintError:
        return ClaimlintError(message, self.doc.path, line or 1)

    def config(self, data: Any) -> Config:
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise self.error(f"a config must be a mapping of settings (got {_kind(data)})", self.doc.line(data))
        values: dict[str, Any] = {}
        for key, value in data.items():
            line = self.doc.line(data, key)
            if key not in KEYS:
                message = f"unknown key {key!r} (expected one of: {', '.join(KEYS)})"
                import difflib

                close = difflib.get_close_matches(str(key), KEYS, n=1)
                raise self.error(message + (f"; did you mean {close[0]!r}?" if close else ""), line)
            if value is not None:  # "key:" with nothing after it keeps the default
                values[key] = getattr(self, f"_{key}")(key, value, line)
        return Config(path=self.path, root=self.root, **values)

    def _strings(self, what: str, value: Any, line: int | None, split_items: bool) -> tuple[str, ...]:
        if isinstance(value, str):
            return tuple(_split(value))
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.error(f"{what} must be text or a list of texts (got {_kind(value)})", line)
        items = [part for item in value for part in (_split(item) if split_items else [item.strip()])]
        if any(not item for item in items):
            raise self.error(f"{what} has an empty entry", line)
        return tuple(items)

    def _select(self, key: str, value: Any, line: int | None) -> tuple[str, ...]:
        return self._strings(repr(key), value, line, split_items=True)

    _ignore = _select

    def _include(self, key: str, value: Any, line: int | None) -> tuple[str, ...]:
        return self._strings(repr(key), value, line, split_items=False)

    _exclude = _include

    def _mapping(self, key: str, value: Any, line: int | None) -> dict:
        if not isinstance(value, dict):
            raise self.error(f"{key!r} must be a mapping (got {_kind(value)})", line)
        for name in value:
            if not isinstance(name, str) or not name.strip():
                raise self.error(
                    f"{key!r} keys must be non-empty text (got {name!r})", self.doc.line(value, name) or line
                )
        return value

    def _severity(self, key: str, value: Any, line: int | None) -> dict[str, str]:
        for name, level in self._mapping(key, value, line).items():
            if level not in SEVERITIES:
                where = self.doc.line(value, name) or line
                raise self.error(f"severity of {name!r} must be one of: {', '.join(SEVERITIES)} (got {level!r})", where)
        return dict(value)

    def _fail_on(self, key: str, value: Any, line: int | None) -> str:
        if value not in FAIL_ON:
            raise self.error(f"'fail_on' must be one of: {', '.join(FAIL_ON)} (got {value!r})", line)
        return value

    def _rules(self, key: str, value: Any, line: int | None) -> tuple[Path, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            raise self.error(f"'rules' must be a list of folder names (got {_kind(value)})", line)
        folders = []
        for item in value:
            folder = Path(os.path.abspath(self.root / os.path.expanduser(item)))
            if not folder.is_dir():
                raise self.error(f"rules folder {item!r} not found (looked for {folder})", line)
            folders.append(folder)
        return tuple(folders)

    def _per_file_ignores(self, key: str, value: Any, line: int | None) -> dict[str, tuple[str, ...]]:
        mapping = self._mapping(key, value, line)
        return {
            glob: self._strings(f"per_file_ignores[{glob!r}]", selectors, self.doc.line(value, glob) or line, True)
            for glob, selectors in mapping.items()
        }

    def _disclosures(self, key: str, value: Any, line: int | None) -> dict[str, str]:
        for name, text in self._mapping(key, value, line).items():
            where = self.doc.line(value, name) or line
            if name not in DISCLOSURES:
                raise self.error(f"unknown disclosure {name!r} (expected one of: {', '.join(DISCLOSURES)})", where)
            if not isinstance(text, str) or not text.strip():
                raise self.error(f"disclosure {name!r} must be non-empty text (got {_kind(text)})", where)
        return dict(value)

    def _max_file_size(self, key: str, value: Any, line: int | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return value
        match = _SIZE.fullmatch(value) if isinstance(value, str) else None
        if match is None or float(match.group(1)) <= 0:
            raise self.error(f"'max_file_size' must be a size such as 10000000 or \"10 MB\" (got {value!r})", line)
        return int(float(match.group(1)) * _UNITS[(match.group(2) or "b").lower()])

    def _front_matter(self, key: str, value: Any, line: int | None) -> tuple[str, ...]:
        if isinstance(value, list) and not value:
            return ()  # no front matter field is prose
        fields = self._strings("'front_matter'", value, line, split_items=True)
        for name in fields:
            if not re.fullmatch(r"[A-Za-z_][\w-]*", name):
                raise self.error(f"'front_matter' entries must be field names (got {name!r})", line)
        return fields

    def _require_reason(self, key: str, value: Any, line: int | None) -> bool:
        if not isinstance(value, bool):
            raise self.error(f"'require_reason' must be true or false (got {value!r})", line)
        return value


# -- claimlint init -------------------------------------------------------------

STARTER = """\
# claimlint settings for the Markdown files in this folder and below (the nearest
# .claimlint.yaml above a file wins). Paths and globs are relative to this folder.
# Every value below is the default: edit the ones you need.

# Rules to run: rule ids, id prefixes or categories; empty runs every rule. e.g. [overstated-efficacy]
select: []
# Rules to skip, in the same forms; the most specific selector wins. e.g. [efficacy/breakthrough-hype]
ignore: []
# Severity (error, warning or info) by rule id, id prefix or category. e.g. {minimized-risk: warning}
severity: {}
# Lowest severity that makes the exit code 1: error, warning, info or never.
fail_on: error
# Extra folders of YAML rule packs. e.g. [house-rules]
rules: []
# When set, folder walks lint only the files these globs match. e.g. ["content/**/*.md"]
include: []
# Files and folders to skip; a glob without "/" matches a name in any folder. e.g. [drafts/, "*.draft.md"]
exclude: []
# Rules to skip in the files a glob matches. e.g. {"legacy/**": [efficacy]}
per_file_ignores: {}
# Text fixes insert for off-label, not-fda-approved or testimonial. e.g. {off-label: "This use is off-label."}
disclosures: {}
# Suppression comments must give a reason after "--".
require_reason: false
# Pages larger than this are skipped with a message (bytes, or "10 MB").
max_file_size: 10 MB
# Front matter fields linted as prose; [] lints none.
front_matter: [title, description, subject, preheader, subtitle, summary, excerpt, headline]
"""


def write_starter(folder: Path, force: bool = False) -> Path:
    """Write ``folder/.claimlint.yaml`` atomically; never overwrite unless ``force``."""
    target = Path(folder) / CONFIG_NAMES[0]
    if not force and target.exists():
        raise ClaimlintError("already exists (use --force to overwrite it)", str(target))
    import secrets

    temp = target.with_name(f"{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # 0o666 & ~umask, as for any new file
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(STARTER)
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise ClaimlintError(f"cannot write config: {exc.strerror or exc}", str(target)) from None
    return target
