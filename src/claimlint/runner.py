"""Read, parse, lint and (when asked) fix a list of paths; collect findings and per-file errors.

Each file is linted under its own configuration (the nearest .claimlint.yaml
or pyproject.toml, or --config): defaults < configuration file < command
line. A file that cannot be read or written is reported and the run goes on,
so one odd page never hides the findings of the rest of a site.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from dataclasses import replace as _replace
from pathlib import Path

from claimlint import suppress
from claimlint.config import Config, find_config
from claimlint.errors import ClaimlintError
from claimlint.findings import Finding
from claimlint.ruleset import RuleSet, load_rules
from claimlint.selection import select
from claimlint.source import Source

MAX_FIX_PASSES = 10
PARALLEL_FROM = 16  # files: below this, starting workers costs more than it saves


@dataclass
class Options:
    """What the command line asked for; None means "as the configuration says"."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rule_dirs: tuple[str, ...] = ()
    config: Config | None = None  # --config: one configuration for every file
    use_config_files: bool = True
    stdin_name: str = "-"
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    cache_root: Path | None = None  # where .claimlint_cache/ lives; None: no result cache


@dataclass
class Result:
    files_checked: int = 0
    findings: list[Finding] = field(default_factory=list)
    errors: list[ClaimlintError] = field(default_factory=list)
    lines: dict[str, Sequence[str]] = field(default_factory=dict)  # source lines of files with findings
    fixed: int = 0
    files_fixed: int = 0
    diffs: list[str] = field(default_factory=list)
    suppressed: int = 0
    skipped: list[str] = field(default_factory=list)  # one message per file too large to lint


class _CachedLines(Sequence[str]):
    """Source lines of a cached file, decoded only when a report shows them.

    A re-run on an unchanged site is mostly cache hits; JSON and SARIF reports
    never show source lines, so decoding every flagged file up front was a
    tenth of that run.
    """

    def __init__(self, data: bytes, path: str):
        self._data, self._path = data, path
        self._lines: list[str] | None = None

    def _decoded(self) -> list[str]:
        if self._lines is None:
            self._lines = Source.from_bytes(self._data, self._path).lines
        return self._lines

    def __getitem__(self, index):  # type: ignore[override]
        return self._decoded()[index]

    def __len__(self) -> int:
        return len(self._decoded())


def lint_text(text: str, ruleset: RuleSet, path: str = "-") -> list[Finding]:
    """Lint Markdown given as text with a rule set (used by tests and rule examples)."""
    from claimlint.document import parse
    from claimlint.engine import lint

    return lint(parse(Source.from_text(text, path)), ruleset)


def lint_bytes(data: bytes, ruleset: RuleSet, path: str) -> list[Finding]:
    from claimlint.document import parse
    from claimlint.engine import lint

    return lint(parse(Source.from_bytes(data, path)), ruleset)


class Runner:
    """Lints files under their configurations, caching rule sets and selections."""

    def __init__(self, options: Options):
        self.options = options
        self._configs: dict[str, Config] = {}
        self._isolated = Config()  # one object, so what is computed per configuration is computed once
        self._described: dict[int, tuple[Config, str]] = {}
        self.cache = None
        if options.cache_root is not None and not (options.fix or options.diff):
            from claimlint.resultcache import ResultCache

            self.cache = ResultCache(options.cache_root)
        find_config.cache_clear()  # a configuration edited since the last run in this process
        self._rulesets: dict[tuple, RuleSet] = {}
        self._selections: dict[tuple, RuleSet] = {}

    def config_for(self, path: str) -> Config:
        if self.options.config is not None:
            return self.options.config
        if not self.options.use_config_files:
            return self._isolated
        if path == "-":
            return find_config(Path.cwd()) or self._isolated
        folder = os.path.dirname(os.path.abspath(path))
        if folder not in self._configs:  # one lookup per folder, not per file
            self._configs[folder] = find_config(Path(folder)) or Config()
        return self._configs[folder]

    def ruleset(self, config: Config) -> RuleSet:
        dirs = tuple(str(d) for d in config.rules) + tuple(self.options.rule_dirs)
        if dirs not in self._rulesets:
            self._rulesets[dirs] = load_rules(dirs)
        return self._rulesets[dirs]

    def selection(self, config: Config, path: str) -> tuple[RuleSet, RuleSet]:
        """(every rule, the rules that run on this file)."""
        every = self.ruleset(config)
        chosen = self.options.select or config.select
        ignored = tuple(config.ignore) + tuple(self.options.ignore)
        if path != "-":
            ignored += tuple(config.ignored_for(Path(path)))
        key = (id(every), chosen, ignored)
        if key not in self._selections:
            try:
                self._selections[key] = select(every, chosen, ignored, extra=suppress.META_RULES)
            except ClaimlintError as exc:
                if config.path is None or exc.path:
                    raise
                raise ClaimlintError(
                    exc.message + " (set in this configuration or on the command line)", str(config.path)
                ) from None
        return every, self._selections[key]

    def _cache_key(self, data: bytes, path: str) -> str:
        config = self.config_for(path)
        _, ruleset = self.selection(config, path)
        if id(config) not in self._described:
            chosen = (self.options.select, self.options.ignore, self.options.rule_dirs)
            self._described[id(config)] = (config, repr(config) + repr(chosen))
        return self.cache.key(ruleset.fingerprint, self._described[id(config)][1], path, data)

    def rules_used(self) -> list:
        """Every rule that ran on some file, once each (for reports that describe rules)."""
        seen: dict[str, object] = {}
        for ruleset in self._selections.values():
            for rule in ruleset.rules:
                seen.setdefault(rule.id, rule)
        return [seen[key] for key in sorted(seen)]

    def lint_file(self, data: bytes, path: str) -> tuple[list[Finding], Source, int]:
        """Findings of one file after severity overrides and suppression comments."""
        config = self.config_for(path)
        every, ruleset = self.selection(config, path)
        # the parser and the engine load on the first file that is not in the result cache
        from claimlint.document import parse
        from claimlint.engine import lint

        source = Source.from_bytes(data, path)
        document = parse(source, config.front_matter)
        findings = lint(document, ruleset, dict(config.disclosures))
        if config.severity:
            findings = [_replace(f, severity=config.severity_for(f.rule, f.category, f.severity)) for f in findings]
        active = {r.id for r in ruleset.rules} | (set(suppress.META_RULES) & set(ruleset.extra))
        outcome = suppress.apply(
            document, findings, [(r.id, r.category) for r in every.rules], active, config.require_reason
        )
        kept = sorted(outcome.findings + outcome.meta, key=Finding.sort_key)
        return kept, source, outcome.suppressed

    def run(self, paths: list[str], jobs: int = 1) -> Result:
        """Lint paths in order; with jobs > 1, in worker processes (the result is the same)."""
        files = [p for p in paths if p != "-"]
        if jobs > 1 and len(files) >= PARALLEL_FROM and "-" not in paths:
            result = Result()
            misses = [p for p in files if not self._from_cache(p, result)] if self.cache is not None else files
            part = self._run_parallel(misses, jobs) if len(misses) >= PARALLEL_FROM else self._run(misses)
            _merge(result, part)
            result.findings.sort(key=Finding.sort_key)
            return result
        return self._run(paths)

    def _too_large(self, path: str, result: Result) -> bool:
        """Skip a page over max_file_size, with a message, before reading it."""
        limit = self.config_for(path).max_file_size
        try:
            size = os.stat(path).st_size
        except OSError:
            return False  # the read reports it
        if size <= limit:
            return False
        result.skipped.append(f"{path}: skipped: {_human(size)} is more than max_file_size ({_human(limit)})")
        return True

    def _from_cache(self, path: str, result: Result) -> bool:
        """Add a file's cached result, if there is one (unreadable files are left to the lint)."""
        if self._too_large(path, Result()):
            return False  # left to the lint, which reports the skip
        try:
            data = _read(path)
        except ClaimlintError:
            return False
        return self._from_data(data, path, result)

    def _from_data(self, data: bytes, path: str, result: Result) -> bool:
        cached = self.cache.get(self._cache_key(data, path))
        if cached is None:
            return False
        findings, suppressed = cached
        result.suppressed += suppressed
        if findings:
            result.findings.extend(findings)
            result.lines[path] = _CachedLines(data, path)
        result.files_checked += 1
        return True

    def _run_parallel(self, paths: list[str], jobs: int) -> Result:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        size = max(1, len(paths) // (jobs * 4))
        chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(self.options,)) as pool:
            parts = list(pool.map(_work, chunks))
        result = Result()
        for part in parts:  # chunks are contiguous and come back in order: the same as one process
            _merge(result, part)
        result.findings.sort(key=Finding.sort_key)
        for path in paths:  # the rule sets the workers used, for reports that describe rules
            self.selection(self.config_for(path), path)
        return result

    def _run(self, paths: list[str]) -> Result:
        result = Result()
        for path in paths:
            name = self.options.stdin_name if path == "-" else path
            try:
                if path != "-" and self._too_large(path, result):
                    continue
                data = sys.stdin.buffer.read() if path == "-" else _read(path)
                if self.cache is not None and path != "-" and self._from_data(data, name, result):
                    continue
                findings, source, suppressed = self.lint_file(data, name)
                if self.cache is not None and path != "-":
                    self.cache.put(self._cache_key(data, name), findings, suppressed)
                if self.options.fix or self.options.diff:
                    findings, source = self._fix(path, name, data, findings, source, result)
                result.suppressed += suppressed
                if findings:
                    result.findings.extend(findings)
                    result.lines[name] = source.lines
                result.files_checked += 1
            except ClaimlintError as exc:
                result.errors.append(exc)
        result.findings.sort(key=Finding.sort_key)
        return result

    def _fix(self, path: str, name: str, data: bytes, findings, source, result: Result):
        """Apply fixes until none is left (or a pass changes nothing); write or diff the result."""
        from claimlint.fixes import apply_edits, chosen_edits, unified_diff, write_atomic

        original = data.decode("utf-8")
        text = original
        seen = {text}
        for _ in range(MAX_FIX_PASSES):
            edits = chosen_edits(findings, self.options.unsafe_fixes)
            if not edits:
                break
            fixed = apply_edits(text, edits)
            if fixed in seen:  # no change, or fixes undoing each other
                break
            seen.add(fixed)
            result.fixed += len(edits)
            text = fixed
            findings, source, _ = self.lint_file(text.encode("utf-8"), name)
        if text != original:
            if self.options.diff:
                result.diffs.append(unified_diff(name, original, text))
            elif path == "-":
                sys.stdout.write(text)
            else:
                write_atomic(path, text.encode("utf-8"))
            result.files_fixed += 1
        return findings, source


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise ClaimlintError(f"cannot read: {exc.strerror or exc}", path) from None


_worker: Runner | None = None


def _start_worker(options: Options) -> None:
    global _worker
    _worker = Runner(options)


def _work(paths: list[str]) -> Result:
    assert _worker is not None
    result = _worker._run(paths)
    from claimlint import compiled

    compiled.save()  # what this worker compiled, for the next run
    return result


def _merge(into: Result, part: Result) -> None:
    into.skipped.extend(part.skipped)
    into.files_checked += part.files_checked
    into.findings.extend(part.findings)
    into.errors.extend(part.errors)
    into.lines.update(part.lines)
    into.fixed += part.fixed
    into.files_fixed += part.files_fixed
    into.diffs.extend(part.diffs)
    into.suppressed += part.suppressed


def _human(size: int) -> str:
    for unit, factor in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if size >= factor:
            return f"{size / factor:.1f} {unit}"
    return f"{size} bytes"
