"""The command line: wiring only. Returns exit codes a CI gate can trust.

0: nothing at or above --fail-on; 1: findings at or above it; 2: usage
error, missing path, invalid rules, or a file that could not be read.
"""

from __future__ import annotations

import os
import sys

import click

from claimlint import __version__
from claimlint.errors import ClaimlintError
from claimlint.findings import SEVERITY_RANK

FAIL_ON = ("error", "warning", "info", "never")


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
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True,
              help="Lowest severity that makes the exit code 1.")  # fmt: skip
@click.option("--select", multiple=True, help="Only these rules: ids, id prefixes or categories.")
@click.option("--ignore", multiple=True, help="Skip these rules: ids, id prefixes or categories.")
@_rules_option
@click.option("--stdin-filename", default="-", help="Name to report for input read from '-'.")
def check(paths, fmt, fail_on, select, ignore, rule_dirs, stdin_filename) -> int:
    """Lint Markdown files and folders ('-' reads standard input)."""
    from claimlint.discover import discover
    from claimlint.ruleset import load_rules
    from claimlint.runner import run
    from claimlint.selection import select as choose

    ruleset = choose(load_rules(rule_dirs), select, ignore)
    result = run(discover(list(paths)), ruleset, stdin_filename)
    if fmt == "json":
        from claimlint.report.json_report import render

        sys.stdout.write(render(result))
    else:
        from claimlint.report import text

        lines = text.render(result)
        text.write(lines, sys.stdout, _use_color())
    for error in result.errors:
        click.echo(f"claimlint: error: {error}", err=True)
    if result.errors:
        return 2
    if fail_on != "never" and any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_on] for f in result.findings):
        return 1
    return 0


@cli.command("rules")
@_rules_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_rules(rule_dirs, fmt) -> int:
    """List every rule: id, category, severity and summary."""
    import json

    from claimlint.ruleset import load_rules

    rules = load_rules(rule_dirs).rules
    if fmt == "json":
        rows = [{"id": r.id, "category": r.category, "severity": r.severity, "summary": r.summary} for r in rules]
        click.echo(json.dumps(rows, indent=2))
        return 0
    width = max((len(r.id) for r in rules), default=0)
    cat_width = max((len(r.category) for r in rules), default=0)
    for r in rules:
        click.echo(f"{r.id.ljust(width)}  {r.category.ljust(cat_width)}  {r.severity.ljust(7)}  {r.summary}")
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
        lines.append(f"Fix: replaces the match with {rule.fix!r}")
    lines += ["", "Flagged:", *[f"  - {b}" for b in rule.bad], "", "Not flagged:", *[f"  - {g}" for g in rule.good]]
    lines.append(f"\nDefined at {rule.origin}")
    click.echo("\n".join(lines))
    return 0


def _use_color() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code (testable without a subprocess)."""
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
    sys.exit(run())
