"""Benchmark of the whole check: generate a large Hugo site (fixed seed) and time, in one run
and as ratios to the bare markdown-it-py parse of the same files (the floor):

- `mdcheck check --source-only` with the recommended preset, serial and with `--jobs`;
- the full check (embedded renderer, rendered pass, heading typos), serial;
- the serial source pass with the cache on and its store empty (a site's first run: every
  result is written to the store), and the source pass and the full check with the results
  of unchanged files read back from it, one post edited before each run (a commit hook's or
  a pull request's run);
- the check of a real `hugo` build of the site against a bare lxml parse of its HTML;
- how the floor and the source pass grow from 1x to `--scale`x the site size.

All other runs are cold (`--no-cache`); the cache lives in a temporary directory. Every
generated post is distinct: no file repeats another's bytes, as a versioned docs site's do
(mdcheck parses such a content once), so these figures are the worst case; `--site` times
a real site's content.

    python benchmarks/run.py [--files 3000] [--scale 10] [--jobs 2] [--seed 7] [--repeat 1] [--no-hugo]
    python benchmarks/run.py --site PATH [--jobs 2] [--repeat 1]   # a real site, cold runs only

Every figure is a separate process (interpreter start-up and imports included, as a user
sees it); peak memory is the largest resident set of that process or any of its workers.
On a shared machine, `--repeat N` keeps the fastest of N runs of each (and the largest peak),
and every ratio is measured in pairs: the floor runs just before each run, and the ratio
shown is the median of the pairs' ratios.
"""

from __future__ import annotations

import argparse
import compileall
import dataclasses
import json
import os
import random
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

import validator  # noqa: E402
from validator.hugo import find_binary  # noqa: E402

SECTIONS = 24
WORDS = (
    "the a of to and in is that it for on with as this be are by from at or an your page site "
    "content theme shortcode template render markdown heading anchor link image table list "
    "build server deploy config section taxonomy menu partial layout front matter date title "
    "draft module resource asset pipeline image processing cache output format language "
    "translation summary permalink alias redirect function variable method parameter value"
).split()
LANGUAGES = ("go", "toml", "yaml", "json", "html", "bash", "python", "javascript", "")

# The bare parse: the same files read and parsed by markdown-it-py with GFM tables, nothing else.
FLOOR = """
import sys, time
from pathlib import Path
from markdown_it import MarkdownIt
md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
for path in sorted(Path(sys.argv[1]).rglob("*.md")):
    md.parse(path.read_text("utf-8"))
"""

# A bare parse of the HTML a real hugo build wrote, with the parser the rendered pass uses.
HTML_FLOOR = """
import sys
from pathlib import Path
from lxml import etree
parser = etree.HTMLParser(recover=True, huge_tree=True)
for path in sorted(Path(sys.argv[1]).rglob("*.html")):
    etree.fromstring(path.read_bytes(), parser)
"""


# --- the generated site -------------------------------------------------------------------


def _words(rng: random.Random, count: int) -> str:
    """`count` random words, no word twice in a row (that is a defect mdcheck reports)."""
    out = [rng.choice(WORDS)]
    while len(out) < count:
        word = rng.choice(WORDS)
        if word != out[-1]:
            out.append(word)
    return " ".join(out)


def _paragraph(rng: random.Random, pages: int, number: int) -> str:
    """Prose with inline markup and links across pages (a few broken, as on real sites)."""
    parts = []
    for _ in range(rng.randint(3, 7)):
        sentence = _words(rng, rng.randint(8, 20)).capitalize()
        kind = rng.random()
        other = rng.randrange(pages)
        if kind < 0.15:
            sentence += f" see [post {other}](/s{other % SECTIONS}/p{other}/)"
        elif kind < 0.22:
            sentence += f' ([details]({{{{< relref "/s{other % SECTIONS}/p{other}.md#introduction" >}}}}))'
        elif kind < 0.27:
            sentence += f" with `{rng.choice(WORDS)}.{rng.choice(WORDS)}()`"
        elif kind < 0.32:
            sentence += f" and **{rng.choice(WORDS)}** or _{rng.choice(WORDS)}_"
        elif kind < 0.325:
            sentence += f" see [the usage](#usage-{number})"  # a broken anchor
        elif kind < 0.345:
            sentence += " <kbd>Ctrl</kbd>"
        parts.append(sentence + ".")
    return " ".join(parts)


def _front_matter(rng: random.Random, number: int) -> str:
    title = f"Post {number}: {_words(rng, 4)}"
    tags = [rng.choice(WORDS) for _ in range(3)]
    date = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    kind = rng.random()
    if kind < 0.6:
        tag_list = ", ".join(f'"{t}"' for t in tags)
        return f'+++\ntitle = "{title}"\ndate = {date}\ntags = [{tag_list}]\ndraft = false\n+++\n'
    if kind < 0.9:
        tag_list = "".join(f"  - {t}\n" for t in tags)
        return f"---\ntitle: \"{title}\"\ndate: {date}\ntags:\n{tag_list}weight: {number % 50}\n---\n"
    return json.dumps({"title": title, "date": date, "tags": tags}, indent=2) + "\n"


def _block(rng: random.Random, pages: int, number: int, footnotes: list[int]) -> str:
    kind = rng.random()
    if kind < 0.35:
        return _paragraph(rng, pages, number)
    if kind < 0.47:
        items = [f"{'  ' * (i % 2)}- {_words(rng, rng.randint(3, 10))}" for i in range(rng.randint(2, 6))]
        return "\n".join(items)
    if kind < 0.57:
        code = "\n".join(f"    {_words(rng, rng.randint(2, 6))}" for _ in range(rng.randint(2, 8)))
        return f"```{rng.choice(LANGUAGES)}\nfunc main() {{\n{code}\n}}\n```"
    if kind < 0.65:
        rows = [f"| {_words(rng, 1)} | {_words(rng, 2)} | {rng.randint(1, 99)} |" for _ in range(rng.randint(2, 6))]
        return "| name | description | count |\n|------|-------------|------:|\n" + "\n".join(rows)
    if kind < 0.72:
        return f"> {_paragraph(rng, pages, number)}"
    if kind < 0.78:
        label = len(footnotes) + 1
        footnotes.append(label)
        return f"{_paragraph(rng, pages, number)}[^{label}]"
    if kind < 0.84:
        return f'{{{{< figure src="/images/{rng.choice(WORDS)}.png" alt="{_words(rng, 3)}" >}}}}'
    if kind < 0.90:
        return f'{{{{< highlight {rng.choice(LANGUAGES) or "go"} >}}}}\n{_words(rng, 6)}\n{{{{< /highlight >}}}}'
    if kind < 0.94:
        # (a blank line after the call: its template's `<div>` would hold the paragraph as HTML)
        return f'{{{{% notice %}}}}\n\n{_paragraph(rng, pages, number)}\n\n{{{{% /notice %}}}}'
    return f"1. {_words(rng, 5)}\n2. {_words(rng, 5)}\n3. {_words(rng, 5)}"


def post(rng: random.Random, pages: int, number: int) -> str:
    """One post of about 4-6 KB: front matter in one of the three formats, then sections."""
    footnotes: list[int] = []
    out = [_front_matter(rng, number), _paragraph(rng, pages, number), "<!--more-->"]
    for index in range(rng.randint(3, 6)):
        level = 4 if rng.random() < 0.03 else rng.choice((2, 2, 3))  # now and then a skipped level
        name = "Introduction" if index == 0 else _words(rng, rng.randint(2, 5)).title()
        out.append(f"{'#' * level} {name}")
        out.extend(_block(rng, pages, number, footnotes) for _ in range(rng.randint(2, 4)))
    for label in footnotes:
        if rng.random() < 0.97:  # now and then a reference without a definition
            out.append(f"[^{label}]: {_words(rng, 6)}")
    return "\n\n".join(out) + "\n"


def generate(site: Path, pages: int, seed: int) -> int:
    """Write a Hugo site of `pages` posts in SECTIONS sections; return its content's size."""
    rng = random.Random(seed)
    (site / "content").mkdir(parents=True)
    config = (ROOT / "fixtures/site/hugo.toml").read_text("utf-8")
    (site / "hugo.toml").write_text(config.replace("unsafe = false", "unsafe = true"), "utf-8")
    shutil.copytree(ROOT / "fixtures/site/themes", site / "themes")
    size = 0
    for number in range(pages):
        section = site / "content" / f"s{number % SECTIONS}"
        section.mkdir(exist_ok=True)
        data = post(rng, pages, number).encode("utf-8")
        (section / f"p{number}.md").write_bytes(data)
        size += len(data)
    return size


# --- measuring ----------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Timing:
    seconds: float
    peak_mb: float
    output: str
    ratio: float | None = None  # to the floor, measured in pairs (see measure)


def measure(command: list[str], cwd: Path, repeat: int = 1, floor: list[str] | None = None) -> Timing:
    """Run `command` in a fresh process under a small wrapper that reports its wall time and
    the peak resident memory of it and every process it started; the fastest of `repeat`
    runs, with the largest peak. With `floor` (the floor's command), the floor runs just
    before each run and `ratio` is the median of the ratios of the pairs: a shared machine's
    speed drifts over minutes, and a ratio of neighbouring runs cancels most of it."""
    runs: list[Timing] = []
    ratios: list[float] = []
    for _ in range(max(repeat, 1)):
        base = _measure_once(floor, cwd) if floor else None
        runs.append(_measure_once(command, cwd))
        if base is not None:
            ratios.append(runs[-1].seconds / base.seconds)
    fastest = min(runs, key=lambda run: run.seconds)
    ratio = statistics.median(ratios) if ratios else None
    return Timing(fastest.seconds, max(run.peak_mb for run in runs), fastest.output, ratio)


def _measure_once(command: list[str], cwd: Path) -> Timing:
    wrapper = (
        "import json, resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "out = subprocess.run(sys.argv[1:], capture_output=True, text=True).stdout\n"
        "seconds = time.perf_counter() - start\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(json.dumps([seconds, peak, out]))\n"
    )
    result = subprocess.run([sys.executable, "-c", wrapper, *command], cwd=cwd,
                            capture_output=True, text=True, check=True)
    seconds, peak, output = json.loads(result.stdout)
    return Timing(seconds, peak, output)


def mdcheck(*args: str) -> list[str]:
    """A cold run: every file read and checked anew."""
    return [sys.executable, "-m", "validator", "check", "--format", "json", "--no-cache", *args]


def first_run(*args: str) -> list[str]:
    """A run with the cache on and its store empty: a site's first run, as a user starts it."""
    command = shlex.join(part for part in mdcheck(*args) if part != "--no-cache")
    return ["sh", "-c", f'rm -f "$MDCHECK_CACHE_DIR"/results-*; exec {command}']


def cached(site: Path, args: list[str], repeat: int, floor: list[str]) -> Timing:
    """A run with the cache filled by an earlier run, one post edited before each run."""
    command = [part for part in mdcheck(*args) if part != "--no-cache"]
    _measure_once(command, site)
    posts = sorted((site / "content").rglob("*.md"))
    timings = []
    for number in range(max(repeat, 1)):
        with posts[number * 7 % len(posts)].open("a", encoding="utf-8") as post:
            post.write(f"\nAn edit, number {number}.\n")
        timings.append(measure(command, site, 1, floor))
    fastest = min(timings, key=lambda timing: timing.seconds)
    ratio = statistics.median(timing.ratio for timing in timings if timing.ratio is not None)
    print("  cached runs:", ", ".join(f"{t.seconds:.2f} s ({t.ratio:.2f}x)" for t in timings), file=sys.stderr)
    return dataclasses.replace(fastest, ratio=ratio, peak_mb=max(timing.peak_mb for timing in timings))


def findings(timing: Timing) -> int:
    return len(json.loads(timing.output)["problems"])


def row(label: str, timing: Timing, files: int, size: int, floor: Timing | None) -> None:
    """A line of the table; the ratio measured in pairs when there is one."""
    value = timing.ratio if timing.ratio is not None else timing.seconds / floor.seconds if floor else None
    ratio = f"{value:5.2f}x" if value is not None else "     -"
    print(f"{label:38} {timing.seconds:7.2f} s {files / timing.seconds:7.0f} files/s "
          f"{size / timing.seconds / 1e6:6.2f} MB/s {timing.peak_mb:6.0f} MB  {ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--files", type=int, default=3000, help="posts in the 1x site")
    parser.add_argument("--scale", type=int, default=10, help="largest site, as a multiple (1: no growth)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-hugo", action="store_true", help="skip the real hugo build")
    parser.add_argument("--repeat", type=int, default=1, help="keep the fastest of N runs of each")
    parser.add_argument("--site", type=Path, help="time this Hugo site's content instead (a real site): "
                        "the floor, the source pass and the full check, no cache runs, build or growth")
    args = parser.parse_args()
    python = sys.executable
    # As an installed package is: byte-compiled (pip compiles on install; a checkout may not be).
    compileall.compile_dir(str(Path(validator.__file__).parent), quiet=1)
    with tempfile.TemporaryDirectory() as temp:
        os.environ["MDCHECK_CACHE_DIR"] = str(Path(temp) / "cache")
        if args.site is not None:
            real_site(args.site.resolve(), args)
            return
        site = Path(temp) / "site"
        size = generate(site, args.files, args.seed)
        files = args.files
        print(f"{files} posts, {size / 1e6:.1f} MB, seed {args.seed}, {os.cpu_count()} cores\n")
        parse, floor, serial, parallel, full, full_parallel = cold_runs(site, files, size, args)
        first = measure(first_run("--source-only", "--jobs", "1"), site, args.repeat, parse)
        row("source pass, serial, cache filled", first, files, size, floor)
        warm = cached(site, ["--source-only", "--jobs", "1"], args.repeat, parse)
        row("source pass, cached, 1 post edited", warm, files, size, floor)
        warm_full = cached(site, ["--jobs", "1"], args.repeat, parse)
        row("full check, cached, 1 post edited", warm_full, files, size, floor)
        print(f"\nfindings: source {findings(serial)}, full {findings(full)}; serial and parallel "
              f"agree: {serial.output == parallel.output and full.output == full_parallel.output}")
        hugo = None if args.no_hugo else find_binary()
        if hugo is not None:
            public = Path(temp) / "public"
            start = time.perf_counter()
            subprocess.run([hugo, "-s", str(site), "-d", str(public), "--quiet"], check=True)
            print(f"\nhugo built the site in {time.perf_counter() - start:.1f} s")
            html_size = sum(p.stat().st_size for p in public.rglob("*.html"))
            html_parse = [python, "-c", HTML_FLOOR, str(public)]
            html_floor = measure(html_parse, site, args.repeat)
            row("bare lxml parse of hugo's HTML", html_floor, files, html_size, None)
            built = measure(mdcheck("--jobs", "1", "--html", str(public)), site, args.repeat, html_parse)
            row("full check of the hugo build, serial", built, files, size, html_floor)
            row("  ... vs the Markdown floor", dataclasses.replace(built, ratio=None), files, size, floor)
        if args.scale > 1:
            growth(site, args, floor, serial, size)


def source_runs(site: Path, files: int, size: int, args: argparse.Namespace) -> tuple[Any, ...]:
    """The floor and the source pass, serial and with `--jobs`, printed as rows; the floor's
    command, then each timing."""
    parse = [sys.executable, "-c", FLOOR, str(site / "content")]
    floor = measure(parse, site, args.repeat)
    row("bare markdown-it-py parse (floor)", floor, files, size, None)
    serial = measure(mdcheck("--source-only", "--jobs", "1"), site, args.repeat, parse)
    row("source pass, serial", serial, files, size, floor)
    parallel = measure(mdcheck("--source-only", "--jobs", str(args.jobs)), site, args.repeat, parse)
    row(f"source pass, --jobs {args.jobs}", parallel, files, size, floor)
    return parse, floor, serial, parallel


def cold_runs(site: Path, files: int, size: int, args: argparse.Namespace) -> tuple[Any, ...]:
    """The source runs, then the full check, serial and with `--jobs`, printed as the
    table's first rows; the floor's command, then each timing."""
    print(f"{'':38} {'time':>9} {'':13} {'':11} {'peak':>9}  vs floor")
    _measure_once(mdcheck("--source-only"), site)  # builds the dictionaries' cache, untimed
    parse, floor, serial, parallel = source_runs(site, files, size, args)
    full = measure(mdcheck("--jobs", "1"), site, args.repeat, parse)
    row("full check (embedded renderer), serial", full, files, size, floor)
    full_parallel = measure(mdcheck("--jobs", str(args.jobs)), site, args.repeat, parse)
    row(f"full check, --jobs {args.jobs}", full_parallel, files, size, floor)
    return parse, floor, serial, parallel, full, full_parallel


def real_site(site: Path, args: argparse.Namespace) -> None:
    """The cold runs on an existing site's `content` folder (its Markdown files, as the floor
    reads them), with how many of its files repeat another's bytes (a versioned docs site)."""
    posts = sorted((site / "content").rglob("*.md"))
    contents = [post.read_bytes() for post in posts]
    size = sum(len(data) for data in contents)
    print(f"{site.name}: {len(posts)} Markdown files, {size / 1e6:.1f} MB, {len(set(contents))} distinct "
          f"contents, {os.cpu_count()} cores\n")
    _, _, serial, parallel, full, full_parallel = cold_runs(site, len(posts), size, args)
    print(f"\nfindings: source {findings(serial)}, full {findings(full)}; serial and parallel "
          f"agree: {serial.output == parallel.output and full.output == full_parallel.output}")


def growth(site: Path, args: argparse.Namespace, floor: Timing, serial: Timing, size: int) -> None:
    """Floor and source pass on the site at `--scale` times the size: both should grow linearly."""
    big = site.parent / "big"
    files = args.files * args.scale
    big_size = generate(big, files, args.seed)
    print(f"\n{args.scale}x: {files} posts, {big_size / 1e6:.1f} MB")
    _, big_floor, big_serial, _ = source_runs(big, files, big_size, args)
    factor = big_size / size
    print(f"growth for {factor:.1f}x the bytes: floor {big_floor.seconds / floor.seconds:.1f}x, "
          f"source pass {big_serial.seconds / serial.seconds:.1f}x, "
          f"peak memory {serial.peak_mb:.0f} -> {big_serial.peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
