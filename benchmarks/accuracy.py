"""Precision and recall of claimlint on the labeled corpus (benchmarks/corpus/).

For each split (dev, heldout) and each category, a labeled line counts as
found when claimlint reports a finding of that category starting on that
line; a finding on a line not labeled with its category is a false positive.
Prints the table, every miss and false positive with file:line, and the false
positives per 5,000 words of the compliant drafts (ok-*.md). Exits 1 when a
threshold is not met.

With --floors FILE, the figures are compared with the floors recorded in FILE
instead (benchmarks/corpus/floors.json, which the test suite checks): a drop
below a recorded figure is a regression and exits 1. --write-floors FILE
records the current figures (rounded down) as the new floors.

Usage: python benchmarks/accuracy.py [--split dev|heldout|all] [--quiet]
       [--categories a,b] [--min-precision 0.9] [--min-recall 0.9] [--max-fp-per-5k 1]
       [--floors FILE | --write-floors FILE]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from claimlint.ruleset import CATEGORIES

CORPUS = Path(__file__).resolve().parent / "corpus"
_LABEL = re.compile(r"(?:<!--|#)\s*expect:\s*([a-z, -]+?)\s*(?:-->|$)")


def labels(text: str) -> dict[int, set[str]]:
    """Expected categories per 1-based line."""
    found: dict[int, set[str]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        match = _LABEL.search(line)
        if match:
            found[number] = {c.strip() for c in match.group(1).split(",") if c.strip()}
    return found


@dataclass
class Tally:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    compliant_words: int = 0
    compliant_fp: int = 0
    drafts: int = 0
    labeled_lines: int = 0


def evaluate(split: str, categories: tuple[str, ...]) -> Tally:
    from claimlint.ruleset import load_rules
    from claimlint.runner import lint_bytes

    ruleset = load_rules()
    tally = Tally()
    folders = ["dev", "heldout"] if split == "all" else [split]
    for folder in folders:
        for path in sorted((CORPUS / folder).glob("*.md")):
            data = path.read_bytes()
            text = data.decode("utf-8")
            expected = labels(text)
            tally.drafts += 1
            tally.labeled_lines += len(expected)
            predicted: dict[int, set[str]] = defaultdict(set)
            shown: dict[tuple[int, str], str] = {}
            for finding in lint_bytes(data, ruleset, str(path)):
                predicted[finding.line].add(finding.category)
                shown.setdefault((finding.line, finding.category), f"{finding.rule}: {finding.excerpt!r}")
            name = f"{folder}/{path.name}"
            lines = text.splitlines()
            for line in sorted(set(expected) | set(predicted)):
                want, got = expected.get(line, set()), predicted.get(line, set())
                for category in categories:
                    if category in want and category in got:
                        tally.tp[category] += 1
                    elif category in want:
                        tally.fn[category] += 1
                        tally.misses.append(f"{name}:{line}: {category}: {_clip(lines[line - 1])}")
                    elif category in got:
                        tally.fp[category] += 1
                        tally.false_positives.append(f"{name}:{line}: {category} [{shown[(line, category)]}]")
            if path.name.startswith("ok-"):
                tally.compliant_words += len(re.findall(r"\w+", text))
                tally.compliant_fp += sum(len(got & set(categories)) for got in predicted.values())
    return tally


def figures(tally: Tally, categories: tuple[str, ...]) -> dict[str, float]:
    """Precision and recall per category, and false positives per 5,000 compliant words."""
    out: dict[str, float] = {}
    for category in categories:
        tp, fp, fn = tally.tp[category], tally.fp[category], tally.fn[category]
        out[f"{category} precision"] = tp / (tp + fp) if tp + fp else 1.0
        out[f"{category} recall"] = tp / (tp + fn) if tp + fn else 1.0
    out["false positives per 5,000 words"] = tally.compliant_fp * 5000 / max(tally.compliant_words, 1)
    return out


def regressions(measured: dict[str, dict[str, float]], floors: dict[str, dict[str, float]]) -> list[str]:
    """Every figure worse than its recorded floor, as "split: figure: measured < floor"."""
    found = []
    for split, recorded in floors.items():
        for name, floor in recorded.items():
            value = measured.get(split, {}).get(name)
            if value is None:
                continue
            worse = value > floor + 1e-9 if name.startswith("false positives") else value < floor - 1e-9
            if worse:
                found.append(f"{split}: {name}: {value:.2f} (recorded {floor:.2f})")
    return found


def _rounded(measured: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    """Floors a little below the figures: precision and recall rounded down, false positives up."""
    return {
        split: {
            name: (math.ceil(v * 100) / 100 if name.startswith("false positives") else math.floor(v * 100) / 100)
            for name, v in values.items()
        }
        for split, values in measured.items()
    }


def _clip(line: str, width: int = 110) -> str:
    line = _LABEL.sub("", line).strip()
    return line if len(line) <= width else line[: width - 1] + "…"


def report(split: str, tally: Tally, categories: tuple[str, ...], args) -> bool:
    print(f"\n== {split}: {tally.drafts} drafts, {tally.labeled_lines} labeled lines ==")
    print(f"{'category':<24} {'labeled':>7} {'found':>6} {'FP':>4} {'precision':>9} {'recall':>7}")
    ok = True
    for category in categories:
        tp, fp, fn = tally.tp[category], tally.fp[category], tally.fn[category]
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        ok &= precision >= args.min_precision and recall >= args.min_recall
        print(f"{category:<24} {tp + fn:>7} {tp:>6} {fp:>4} {precision:>9.2f} {recall:>7.2f}")
    tp, fp, fn = (sum(c[k] for k in categories) for c in (tally.tp, tally.fp, tally.fn))
    print(f"{'overall':<24} {tp + fn:>7} {tp:>6} {fp:>4} {tp / max(tp + fp, 1):>9.2f} {tp / max(tp + fn, 1):>7.2f}")
    per_5k = tally.compliant_fp * 5000 / max(tally.compliant_words, 1)
    ok &= per_5k <= args.max_fp_per_5k
    print(
        f"compliant drafts: {tally.compliant_words} words, {tally.compliant_fp} false positives "
        f"= {per_5k:.2f} per 5,000 words (budget {args.max_fp_per_5k:g})"
    )
    if not args.quiet:
        for title, rows in (("misses", tally.misses), ("false positives", tally.false_positives)):
            if rows:
                print(f"-- {title} ({len(rows)}):")
                print("\n".join("   " + row for row in rows))
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "heldout", "all", "both"], default="both")
    parser.add_argument("--categories", default=",".join(CATEGORIES))
    parser.add_argument("--quiet", action="store_true", help="only the tables")
    parser.add_argument("--min-precision", type=float, default=0.90)
    parser.add_argument("--min-recall", type=float, default=0.90)
    parser.add_argument("--max-fp-per-5k", type=float, default=1.0)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--floors", type=Path, help="fail only on a drop below the figures recorded in FILE")
    group.add_argument("--write-floors", type=Path, help="record the current figures in FILE")
    args = parser.parse_args()
    categories = tuple(c.strip() for c in args.categories.split(",") if c.strip())
    unknown = set(categories) - set(CATEGORIES)
    if unknown:
        parser.error(f"unknown categories: {', '.join(sorted(unknown))}")
    splits = ["dev", "heldout"] if args.split == "both" else [args.split]
    tallies = {split: evaluate(split, categories) for split in splits}
    ok = all([report(split, tally, categories, args) for split, tally in tallies.items()])
    measured = {split: figures(tally, categories) for split, tally in tallies.items()}
    if args.write_floors:
        args.write_floors.write_text(json.dumps(_rounded(measured), indent=2) + "\n", encoding="utf-8")
        print(f"\nfloors written to {args.write_floors}")
        return 0
    if args.floors:
        worse = regressions(measured, json.loads(args.floors.read_text(encoding="utf-8")))
        print("\n" + "\n".join(worse) if worse else "\nno figure below its recorded floor")
        return 1 if worse else 0
    print("\nthresholds met" if ok else "\nthresholds NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
