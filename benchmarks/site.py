"""claimlint at website scale: a generated site of 2,000+ pages, first run, cached re-run, start-up.

Builds a website-like repo (about 10 MB: Markdown pages with front matter, some
MDX pages and some HTML pages) from the drafts in examples/, then reports:
- the first run in MB/s, with the default --jobs and with --jobs 1,
- a re-run on the unchanged site (served from .claimlint_cache/; median of 5),
- a one-file run, process start to exit (median of 15),
- proselint on the same Markdown pages, in the same run, and the ratio.
proselint is installed into this Python environment if it is missing.

Usage: python benchmarks/site.py [--pages 2200] [--keep DIR] [--no-proselint]
"""

from __future__ import annotations

import argparse
import os
import random
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


def build_site(folder: Path, pages: int) -> tuple[int, dict[str, int]]:
    from markdown_it import MarkdownIt

    render = MarkdownIt("commonmark").enable("table")
    drafts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.md"))]
    rng = random.Random(2026)
    total, kinds = 0, {"md": 0, "mdx": 0, "html": 0}
    for i in range(pages):
        draft = drafts[i % len(drafts)]
        body = draft.split("---", 2)[2] if draft.startswith("---") else draft
        paragraphs = body.strip().split("\n\n")
        head = paragraphs[:3]
        tail = paragraphs[3:]
        rng.shuffle(tail)
        body = "\n\n".join(head + tail)
        section = folder / f"section-{i % 40:02d}"
        section.mkdir(parents=True, exist_ok=True)
        kind = "html" if i % 10 == 0 else ("mdx" if i % 10 == 1 else "md")
        if kind == "html":
            page = render.render(body)
            text = f"<!doctype html><html><head><title>Page {i}</title></head><body>\n{page}</body></html>\n"
        elif kind == "mdx":
            text = f'import {{ Note }} from "../components/note"\n\n# Page {i}\n\n<Note>\n{body}\n</Note>\n'
        else:
            text = f'---\ntitle: "Page {i}"\ndescription: "Article {i}"\nslug: page-{i}\n---\n\n{body}\n'
        path = section / f"page-{i:05d}.{kind}"
        path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
        kinds[kind] += 1
    return total, kinds


def command() -> list[str]:
    found = shutil.which("claimlint")
    return [found] if found else [sys.executable, "-m", "claimlint"]


def timed(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, capture_output=True)
    return time.perf_counter() - start


def proselint_time(site: Path) -> float | None:
    try:
        import proselint  # noqa: F401
    except ImportError:
        installed = subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "proselint"], capture_output=True
        )
        if installed.returncode != 0:
            return None
    files = [str(p) for p in sorted(site.rglob("*.md"))]
    executable = shutil.which("proselint") or str(Path(sys.executable).parent / "proselint")
    start = time.perf_counter()
    for i in range(0, len(files), 200):
        done = subprocess.run([executable, "check", *files[i : i + 200]], capture_output=True)
        if done.returncode not in (0, 1):
            return None
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2200)
    parser.add_argument("--keep", type=Path, help="build the site here and keep it")
    parser.add_argument("--no-proselint", action="store_true")
    args = parser.parse_args()
    compile_claimlint()
    fresh_user_cache()

    base = args.keep or Path(tempfile.mkdtemp(prefix="claimlint-site-"))
    site = base / "site"
    shutil.rmtree(site, ignore_errors=True)
    size, kinds = build_site(site, args.pages)
    mb = size / 1_000_000
    run = [*command(), "--format", "json", "--fail-on", "never", "--isolated", "site"]

    shutil.rmtree(base / ".claimlint_cache", ignore_errors=True)
    timed([*command(), "--isolated", "--no-cache", str(next(site.rglob("*.md")))], base)  # fills the user cache
    single = timed([*run, "--jobs", "1", "--no-cache"], base)
    parallel = timed([*run, "--no-cache"], base)
    timed(run, base)  # fills the cache
    cached = statistics.median(timed(run, base) for _ in range(5))
    one = next(site.rglob("*.md"))
    startup = statistics.median(timed([*command(), "--isolated", "--no-cache", str(one)], base) for _ in range(15))

    counts = f"{kinds['md']} Markdown, {kinds['mdx']} MDX, {kinds['html']} HTML"
    print(f"site: {sum(kinds.values())} pages ({counts}), {mb:.1f} MB")
    print(f"first run, --jobs {os.cpu_count()} (default): {parallel:.2f} s = {mb / parallel:.2f} MB/s (target >= 4)")
    print(f"first run, --jobs 1:            {single:.2f} s = {mb / single:.2f} MB/s")
    print(f"cached re-run:                  {cached:.2f} s = {cached / parallel:.0%} of the first run (target < 10%)")
    print(f"one-file run, start to exit:    {startup * 1000:.0f} ms (target < 200 ms)")
    if not args.no_proselint:
        markdown_mb = sum(p.stat().st_size for p in site.rglob("*.md")) / 1_000_000
        prose = proselint_time(site)
        if prose is None:
            print("proselint: could not be installed or did not run")
        else:
            mine = timed([*run, "--jobs", "1", "--no-cache", "--select", "ALL"], base)
            print(
                f"proselint on the {kinds['md']} Markdown pages ({markdown_mb:.1f} MB): {prose:.2f} s = "
                f"{markdown_mb / prose:.2f} MB/s; claimlint --jobs 1 on the whole site: {mb / mine:.2f} MB/s, "
                f"{(mb / mine) / (markdown_mb / prose):.1f}x proselint's throughput"
            )
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
