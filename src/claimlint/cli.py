"""The command line: wiring only. Returns exit codes a CI gate can trust.

0: nothing at or above --fail-on; 1: findings at or above it (with --diff:
some file would change); 2: usage error, missing path, invalid rules or
configuration, or a file that could not be read or written.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from claimlint import __version__
from claimlint.errors import ClaimlintError
from claimlint.findings import SEVERITY_RANK

FAIL_ON = ("error", "warning", "info", "never")
FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab", "html")


class _DefaultGroup(click.Group):
    """``claimlint PATH...`` means ``claimlint check PATH...``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultGroup, no_args_is_help=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimlint")
def cli() -> None:
    """Lint health content for claims a medical-legal reviewer would flag.

    claimlint PATH... is short for claimlint check PATH...
    """


_rules_option = click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    type=click.Path(file_okay=False),
    help="Extra folder of YAML rule packs (repeatable).",
)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write the report to this file; text still goes to the terminal.",
)
@click.option(
    "--fail-on", type=click.Choice(FAIL_ON), help="Lowest severity that makes the exit code 1 [default: error]."
)
@click.option("--select", multiple=True, help="Only these rules: ids, id prefixes or categories.")
@click.option("--ignore", multiple=True, help="Also skip these rules: ids, id prefixes or categories.")
@_rules_option
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Use this configuration file only.")
@click.option("--isolated", is_flag=True, help="Ignore configuration files.")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place.")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply unsafe fixes (with --fix or --diff).")
@click.option("--diff", is_flag=True, help="Print a diff of what --fix would change; write nothing.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Report only findings not recorded in this file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record the current findings in this file.")
@click.option("--stdin-filename", default="-", help="Name to report for input read from '-'.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the result cache (.claimlint_cache/).")
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1), default=None, help="Files linted in parallel [default: number of CPUs]."
)
def check(
    paths, fmt, output, fail_on, select, ignore, rule_dirs, config_file, isolated, fix, unsafe_fixes, diff, statistics,
    baseline, write_baseline, stdin_filename, no_cache, jobs,
) -> int:  # fmt: skip
    """Lint Markdown files and folders ('-' reads standard input)."""
    from claimlint.config import find_config, load_config
    from claimlint.discover import discover
    from claimlint.runner import Options, Runner

    explicit = load_config(Path(config_file)) if config_file else None
    here = explicit or (None if isolated else find_config(Path.cwd()))
    options = Options(
        select=tuple(select),
        ignore=tuple(ignore),
        rule_dirs=tuple(rule_dirs),
        config=explicit,
        use_config_files=not isolated,
        stdin_name=stdin_filename,
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        diff=diff,
        cache_root=None if no_cache else (here.root if here is not None and here.path is not None else Path.cwd()),
    )
    runner = Runner(options)
    fail_on = fail_on or (here.fail_on if here and here.fail_on else "error")
    excluded = None if isolated and not explicit else (lambda p, d: runner.config_for(str(p)).excludes(p, is_dir=d))
    result = runner.run(discover(list(paths), excluded), jobs or os.cpu_count() or 1)

    out = sys.stderr if (fix and "-" in paths and not diff) else sys.stdout
    if write_baseline:
        from claimlint import baseline as baselines

        count = baselines.write(write_baseline, result.findings)
        click.echo(f"Recorded {count} findings in {write_baseline}.", err=True)
        return 2 if result.errors else 0
    matched = 0
    if baseline:
        from claimlint import baseline as baselines

        result.findings, matched = baselines.filter_new(baseline, result.findings)
    if diff:
        out.write("".join(result.diffs))
    elif fmt != "text":
        report = _render(fmt, result, runner.rules_used())
        if output:
            _write_report(output, report)
        else:
            out.write(report)
    if not diff and (fmt == "text" or output):
        from claimlint.report import text

        lines = text.render(result, unsafe_fixes=unsafe_fixes, fixed=fix, baselined=matched)
        if output and fmt == "text":
            _write_report(output, "".join("".join(piece for piece, _ in line) + "\n" for line in lines))
        text.write(lines, out, _use_color(out))
    if statistics:
        _statistics(result, unsafe_fixes)
    for message in result.skipped:
        click.echo(f"claimlint: warning: {message}", err=True)
    for error in result.errors:
        click.echo(f"claimlint: error: {error}", err=True)
    if result.errors:
        return 2
    if diff:
        return 1 if result.diffs else 0
    if fail_on != "never" and any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_on] for f in result.findings):
        return 1
    return 0


def _render(fmt: str, result, rules) -> str:
    import importlib

    module = importlib.import_module(f"claimlint.report.{'json_report' if fmt == 'json' else fmt}")
    return module.render(result) if fmt == "json" else module.render(result, rules)


def _write_report(path: str, report: str) -> None:
    try:
        Path(path).write_text(report, encoding="utf-8")
    except OSError as exc:
        raise ClaimlintError(f"cannot write report: {exc.strerror or exc}", path) from None


def _statistics(result, unsafe: bool) -> None:
    from collections import Counter

    counts = Counter(f.rule for f in result.findings)
    fixable = {f.rule for f in result.findings if f.fix is not None and (f.fix.safe or unsafe)}
    for rule, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        mark = "[*]" if rule in fixable else "   "
        click.echo(f"{count:>5}  {mark} {rule}", err=False)


@cli.command("rules")
@_rules_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_rules(rule_dirs, fmt) -> int:
    """List every rule: id, category, severity and summary."""
    import json

    from claimlint.ruleset import load_rules
    from claimlint.suppress import META_CATEGORY, META_RULES

    rows = [(r.id, r.category, r.severity, r.summary) for r in load_rules(rule_dirs).rules]
    rows += [(rid, META_CATEGORY, severity, summary) for rid, (severity, summary) in META_RULES.items()]
    if fmt == "json":
        keys = ("id", "category", "severity", "summary")
        click.echo(json.dumps([dict(zip(keys, row, strict=True)) for row in rows], indent=2))
        return 0
    width = max(len(r[0]) for r in rows)
    cat_width = max(len(r[1]) for r in rows)
    for rid, category, severity, summary in rows:
        click.echo(f"{rid.ljust(width)}  {category.ljust(cat_width)}  {severity.ljust(7)}  {summary}")
    return 0


@cli.command()
@click.argument("rule_id")
@_rules_option
def explain(rule_id, rule_dirs) -> int:
    """Show a rule's rationale, sources and examples."""
    from claimlint.ruleset import load_rules

    rule = load_rules(rule_dirs).get(rule_id)
    if rule is None:
        raise ClaimlintError(f"unknown rule {rule_id!r} (see 'claimlint rules')")
    lines = [
        f"{rule.id} ({rule.category}, {rule.severity})",
        "",
        rule.summary,
        "",
        "Why: " + rule.rationale,
        "",
        "Sources:",
        *[f"  - {s}" for s in rule.sources],
        "",
        "Instead: " + rule.suggestion,
    ]
    if rule.fix:
        safety = "safe" if rule.fix.safe else "unsafe"
        lines.append(f"Fix ({safety}): {rule.fix.kind} {rule.fix.text or dict(rule.fix.by_match)!r}")
    lines += ["", "Flagged:", *[f"  - {b}" for b in rule.bad], "", "Not flagged:", *[f"  - {g}" for g in rule.good]]
    lines.append(f"\nDefined at {rule.origin}")
    click.echo("\n".join(lines))
    return 0


@cli.command()
@click.option("--force", is_flag=True, help="Overwrite an existing .claimlint.yaml.")
def init(force) -> int:
    """Write a commented starter .claimlint.yaml in the current folder."""
    from claimlint.config import write_starter

    path = write_starter(Path.cwd(), force=force)
    click.echo(f"Wrote {path.name}: edit it to choose rules, severities and files.")
    return 0


def _use_color(stream) -> bool:
    return stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code (testable without a subprocess)."""
    try:
        return _run(argv)
    finally:
        from claimlint import compiled

        compiled.save()


def _run(argv: list[str] | None) -> int:
    try:
        result = cli.main(args=argv, prog_name="claimlint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return 2
    except click.Abort:
        click.echo("claimlint: aborted", err=True)
        return 2
    except ClaimlintError as exc:
        click.echo(f"claimlint: error: {exc}", err=True)
        return 2
    return result if isinstance(result, int) else 0


def main() -> None:
    # A run allocates many small objects that live until the report (findings,
    # cached results) and few reference cycles: collecting less often saves
    # a tenth of a cached re-run, and the collector still runs.
    import gc

    gc.set_threshold(20_000, 20, 20)
    sys.exit(run())
