"""A long fuzzing campaign: random Markdown, MDX and HTML pages through the whole lint and fix path.

For every input: linting never raises (a refusal of a binary file is a clean
error, not a crash), every finding lies inside the file and its excerpt is the
source text at its positions, a second run gives the same findings, and
applying all fixes then linting again never raises. At the end, a sample of the
inputs is written to a folder and linted through the CLI with and without the
result cache, and with --jobs 1 and 2: the reports must be identical. Reports the inputs tried, the
crashes found (with the input) and the slowest input.

Usage: python benchmarks/fuzz.py [--inputs 100000] [--seed 1] [--sample 300]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

CLAIMS = [
    "Ketamine cures depression.", "No side effects, guaranteed results.", "Faster than SSRIs.",
    "It is clinically proven.", "Our compounded semaglutide is FDA-approved.", "Spravato at home.",
    "> I lost 40 pounds. — Ana, 41", "Ketamine is not a cure.", "Does it cure migraines?", "Ozempic for weight loss.",
    "Works for everyone!", "The #1 clinic.", "Research on LDN, a drug, has shown relief.", "Clinically proven relief.",
]  # fmt: skip
PIECES = [
    "# ", "## ", "> ", "- ", "1. ", "    ", "\t", "**", "*", "_", "`", "```\n", "~~~\n", "[", "](", ")", "![", "<b>",
    "</b>", "<!-- claimlint-disable-next-line -->", "<!-- claimlint-disable efficacy -->", "<div>", "</div>", "|",
    "| --- |", "---\n", "[^1]", "[^1]: note", "&amp;", "&#x1F600;", "&bogus;", "\\*", "\n", "\r\n", "\r", "\n\n",
    "\ufeff", "\u0301", "😀", "שלום", "مرحبا", "\x00", "\x07", "\u200b", "e\u0301", "title: x\n",
    "---\ntitle: Cures\nclaimlint: {disable: [risk]}\n---\n", "{", "}", "<", ">", "<![", "<!DOCTYPE html>",
    "<script>cures</script>", "<Callout>", "</Callout>", "import x from 'y'\n", "export const a = {\n", "}\n",
    "<img alt=\"cures all\">", "doi:10.1000/x", "(Smith et al., 2019)", "1, 2", "e.g.", "Dr.", "0.5 mg/kg",
]  # fmt: skip
WORDS = "ketamine cures depression may some patients not no faster than SSRIs proven relief off-label FDA".split()  # noqa: SIM905


def random_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 40)):
        roll = rng.random()
        if roll < 0.3:
            parts.append(rng.choice(CLAIMS))
        elif roll < 0.7:
            parts.append(rng.choice(PIECES))
        elif roll < 0.85:
            parts.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 6))))
        else:
            parts.append(
                "".join(
                    chr(rng.choice([rng.randint(32, 126), rng.randint(0x80, 0x2FFF)])) for _ in range(rng.randint(1, 8))
                )
            )
        if rng.random() < 0.3:
            parts.append(rng.choice([" ", "\n", "\n\n"]))
    return "".join(parts)


def check(text: str, name: str, rules) -> None:
    from claimlint.document import parse
    from claimlint.engine import lint
    from claimlint.errors import ClaimlintError
    from claimlint.fixes import apply_edits, chosen_edits
    from claimlint.source import Source

    data = text.encode("utf-8", "surrogatepass")
    try:
        source = Source.from_bytes(data, name)
    except ClaimlintError:
        return  # binary or undecodable input: refused with a message, by design
    try:
        findings = lint(parse(source), rules)
    except ClaimlintError:
        return  # e.g. broken front matter that names claimlint: a one-line error, by design
    lines = source.lines
    for f in findings:
        assert 1 <= f.line <= f.end_line <= len(lines), f
        assert source.text[f.start : f.end] == f.excerpt, f
        assert source.position(f.start) == (f.line, f.column), f
    assert lint(parse(Source.from_bytes(data, name)), rules) == findings, "a second run differs"
    fixed = apply_edits(data.decode("utf-8"), chosen_edits(findings, unsafe=True))
    lint(parse(Source.from_text(fixed, name)), rules)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--sample", type=int, default=300, help="inputs also linted through the CLI, with and without cache"
    )
    args = parser.parse_args()

    from claimlint.ruleset import load_rules

    rules = load_rules()
    rng = random.Random(args.seed)
    crashes: list[tuple[str, str, str]] = []
    slowest = (0.0, "", "")
    sample: list[tuple[str, str]] = []
    started = time.perf_counter()
    for _i in range(args.inputs):
        text = random_text(rng)
        name = rng.choice(["page.md", "page.md", "page.mdx", "page.html"])
        begin = time.perf_counter()
        try:
            check(text, name, rules)
        except Exception:  # noqa: BLE001 - every failure is a finding of the campaign
            crashes.append((name, text, traceback.format_exc(limit=3)))
        elapsed = time.perf_counter() - begin
        if elapsed > slowest[0]:
            slowest = (elapsed, name, text)
        if len(sample) < args.sample and "\x00" not in text:
            sample.append((name, text))
    seconds = time.perf_counter() - started

    same = compare_with_and_without_cache(sample)
    print(
        f"inputs tried: {args.inputs:,} in {seconds:.0f} s ({args.inputs / seconds:,.0f} per second), seed {args.seed}"
    )
    print(f"crashes found: {len(crashes)}")
    for name, text, trace in crashes[:5]:
        print(f"--- {name}: {text!r}\n{trace}")
    print(
        f"slowest input: {slowest[0] * 1000:.0f} ms ({slowest[1]}, {len(slowest[2])} characters): {slowest[2][:120]!r}"
    )
    verdict = "identical" if same else "DIFFERENT"
    print(f"cache and jobs: reports with --jobs 1, --jobs 2 and the result cache on {len(sample)} inputs are {verdict}")
    return 1 if crashes or not same else 0


def compare_with_and_without_cache(sample: list[tuple[str, str]]) -> bool:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for i, (name, text) in enumerate(sample):
            suffix = name.rsplit(".", 1)[1]
            (root / f"input-{i:04d}.{suffix}").write_bytes(text.encode("utf-8", "surrogatepass"))
        command = [sys.executable, "-m", "claimlint", "--format", "json", "--isolated", "--fail-on", "never", "."]
        plain = subprocess.run([*command, "--no-cache", "--jobs", "1"], cwd=root, capture_output=True)
        parallel = subprocess.run([*command, "--no-cache", "--jobs", "2"], cwd=root, capture_output=True)
        subprocess.run(command, cwd=root, capture_output=True)  # fills the cache
        cached = subprocess.run(command, cwd=root, capture_output=True)
        runs = (plain, parallel, cached)
        return all(r.stdout == plain.stdout and r.returncode == plain.returncode for r in runs)


if __name__ == "__main__":
    sys.exit(main())
