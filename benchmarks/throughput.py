"""Throughput and start-up of claimlint, measured (not asserted).

Builds a corpus of at least 5 MB of Markdown from the drafts in examples/,
then reports:
- MB/s of one claimlint process over the whole corpus (all built-in rules),
- MB/s of the lint itself inside one process (parse + rules, no start-up),
- the wall time of a one-file run, process start to exit (median of 15).

Usage: python benchmarks/throughput.py [--mb 5] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from installed import compile_claimlint, fresh_user_cache

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def build_corpus(folder: Path, megabytes: float) -> tuple[int, int]:
    drafts = sorted(EXAMPLES.glob("*.md"))
    if not drafts:
        sys.exit("no drafts in examples/")
    texts = [d.read_text(encoding="utf-8") for d in drafts]
    total, count = 0, 0
    while total < megabytes * 1_000_000:
        text = texts[count % len(texts)].replace("Ketamine", f"Ketamine ({count})", 1)
        path = folder / f"page-{count:05d}.md"
        path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
        count += 1
    return total, count


def claimlint_command() -> list[str]:
    found = shutil.which("claimlint")
    return [found] if found else [sys.executable, "-m", "claimlint"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (default 5)")
    parser.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    args = parser.parse_args()
    compile_claimlint()
    fresh_user_cache()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="claimlint-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    size, files = build_corpus(folder, args.mb)
    command = claimlint_command()
    one = EXAMPLES / "ketamine-clinic-promo.md"
    subprocess.run([*command, "--no-cache", str(one)], capture_output=True)  # fills the user cache

    start = time.perf_counter()
    run = [*command, "--format", "json", "--fail-on", "never", "--isolated", "--no-cache", str(folder)]
    proc = subprocess.run([*run, "--jobs", "1"], capture_output=True)
    process_seconds = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run(run, capture_output=True)
    parallel_seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"claimlint failed: {proc.stderr.decode()[:500]}")

    from claimlint.ruleset import load_rules
    from claimlint.runner import lint_bytes

    ruleset = load_rules()
    pages = [(p, p.read_bytes()) for p in sorted(folder.glob("*.md"))]
    start = time.perf_counter()
    findings = sum(len(lint_bytes(data, ruleset, str(p))) for p, data in pages)
    lint_seconds = time.perf_counter() - start

    times = []
    for _ in range(15):
        start = time.perf_counter()
        subprocess.run([*command, "--no-cache", str(one)], capture_output=True)
        times.append(time.perf_counter() - start)

    mb = size / 1_000_000
    print(f"corpus: {files} files, {mb:.2f} MB, {findings} findings, {len(ruleset.rules)} rules")
    print(f"one process over the corpus: {process_seconds:.2f} s = {mb / process_seconds:.2f} MB/s (target >= 2.5)")
    print(f"default --jobs ({os.cpu_count()} CPUs):    {parallel_seconds:.2f} s = {mb / parallel_seconds:.2f} MB/s")
    print(f"lint inside one process:     {lint_seconds:.2f} s = {mb / lint_seconds:.2f} MB/s")
    print(
        f"one-file run (start to exit): median {statistics.median(times) * 1000:.0f} ms, "
        f"min {min(times) * 1000:.0f} ms (target < 200 ms)"
    )
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
