"""Huge and odd inputs: time and peak memory of claimlint on each, or the message it skips them with.

Cases: a 50 MB Markdown page (skipped by the default max_file_size, then linted
with the limit raised), a single 5 MB line, 10,000 levels of nested blockquotes
and of nested lists, 100,000 tiny files in one tree, an empty file, a file of
only front matter. Peak RSS is that of the claimlint process and its workers.

Usage: python benchmarks/huge.py [--skip-tree]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEASURE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "done = subprocess.run(sys.argv[1:], capture_output=True)\n"
    "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.returncode)\n"
    "sys.stderr.write(done.stderr.decode(errors='replace')[-300:])\n"
)


def measure(args: list[str], cwd: Path) -> tuple[float, int, int, str]:
    done = subprocess.run([sys.executable, "-c", MEASURE, *args], cwd=cwd, capture_output=True, text=True)
    seconds, rss, code = done.stdout.split()
    return float(seconds), int(rss), int(code), done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-tree", action="store_true", help="leave out the 100,000-file tree")
    args = parser.parse_args()
    claimlint = [sys.executable, "-m", "claimlint", "--format", "json", "--fail-on", "never", "--no-cache"]
    explainer = (ROOT / "examples" / "ketamine-explainer.md").read_text(encoding="utf-8").split("---", 2)[2]
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        cases: list[tuple[str, Path]] = []
        big = base / "big.md"
        with big.open("w", encoding="utf-8") as out:
            while out.tell() < 50_000_000:
                out.write(explainer)
        cases.append(("50 MB page, default max_file_size", big))
        raised = base / "raised"
        raised.mkdir()
        (raised / ".claimlint.yaml").write_text("max_file_size: 100 MB\n")
        shutil.copy(big, raised / "big.md")
        cases.append(("50 MB page, max_file_size 100 MB", raised / "big.md"))
        line = base / "line.md"
        line.write_text("Ketamine may ease depression for some people, a small trial found [1]. " * 70_000)
        cases.append(("single 5 MB line", line))
        quotes = base / "quotes.md"
        quotes.write_text("> " * 10_000 + "It cures depression.\n")
        cases.append(("10,000 nested blockquotes", quotes))
        lists = base / "lists.md"
        lists.write_text("- " * 10_000 + "It cures depression.\n")
        cases.append(("10,000 nested lists", lists))
        empty = base / "empty.md"
        empty.write_text("")
        cases.append(("empty file", empty))
        front = base / "front.md"
        front.write_text("---\ntitle: Ketamine cures depression\ndescription: x\n---\n")
        cases.append(("only front matter", front))
        if not args.skip_tree:
            tree = base / "tree"
            for i in range(100_000):
                sub = tree / f"d{i // 1000:03d}"
                if i % 1000 == 0:
                    sub.mkdir(parents=True)
                (sub / f"p{i:06d}.md").write_text("It cures depression.\n" if i % 50 == 0 else "Fine text.\n")
            cases.append(("100,000 tiny files in one tree", tree))
        print(f"{'case':<36} {'seconds':>8} {'peak RSS':>10}  exit  note")
        for label, path in cases:
            cwd = path.parent if path.is_file() else path
            seconds, rss, code, note = measure([*claimlint, str(path)], cwd)
            print(f"{label:<36} {seconds:>8.2f} {rss / 1024:>8.0f} MB  {code:>4}  {note[:90]}")


if __name__ == "__main__":
    main()
