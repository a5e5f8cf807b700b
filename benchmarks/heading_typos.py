"""Benchmark of `heading-typo`: recall and precision on a real Hugo docs site with typos
injected into its headings, compared with the `typos` and `codespell` tools.

    python benchmarks/heading_typos.py SITE [--headings 400] [--seed 1] [--tools]

SITE is a Hugo site, e.g. a checkout of github.com/gohugoio/hugoDocs. It is copied to a temp
dir; `--headings` headings are drawn at random, and a random half of them gets one typo in
one word of four letters or more (a swap of two neighbouring letters, a letter dropped,
doubled or replaced) that is not itself a word. Recall: injected typos reported on their
heading's line, naming the word. Precision: of all findings on the drawn headings, those
that are injected typos (a finding on an untouched heading counts against it). `--tools`
runs `typos` and `codespell` (pip install typos codespell) on the same copy, findings on
the same lines counted the same way.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from validator.spelling import dictionary  # noqa: E402

HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
FENCE = re.compile(r"^\s*(```|~~~)")
WORD = re.compile(r"(?<![\w`./{%<-])([a-z]{4,})(?![\w`./}%>])", re.I)
EDITS = ("swap", "drop", "double", "substitute")


@dataclass(frozen=True)
class Injection:
    path: str  # relative to the site
    line: int
    word: str  # the typo
    original: str


def headings(site: Path) -> list[tuple[str, int]]:
    """(path, line) of every ATX heading outside code fences in the site's content."""
    found = []
    for path in sorted((site / "content").rglob("*.md")):
        fenced = False
        for number, line in enumerate(path.read_text("utf-8").split("\n"), start=1):
            if FENCE.match(line):
                fenced = not fenced
            elif not fenced and HEADING.match(line) and "{{" not in line:
                found.append((path.relative_to(site).as_posix(), number))
    return found


def typo(word: str, rng: random.Random, words: set[str]) -> str | None:
    """One random single edit of `word` that is not itself a word."""
    for _ in range(20):
        i = rng.randrange(len(word))
        kind = rng.choice(EDITS)
        if kind == "swap" and i < len(word) - 1 and word[i] != word[i + 1]:
            new = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        elif kind == "drop":
            new = word[:i] + word[i + 1 :]
        elif kind == "double":
            new = word[:i] + word[i] + word[i:]
        elif kind == "substitute":
            new = word[:i] + rng.choice([c for c in "abcdefghijklmnopqrstuvwxyz" if c != word[i].lower()]) + word[i + 1 :]
        else:
            continue
        if new.lower() not in words:
            return new
    return None


def inject(site: Path, chosen: list[tuple[str, int]], rng: random.Random) -> list[Injection]:
    words = set(dictionary("en"))
    injections = []
    for path, number in chosen:
        file = site / path
        lines = file.read_text("utf-8").split("\n")
        text = lines[number - 1]
        candidates = [m for m in WORD.finditer(text) if not m[1].isupper() and not any(c.isupper() for c in m[1][1:])]
        if not candidates:
            continue
        match = rng.choice(candidates)
        new = typo(match[1], rng, words)
        if new is None:
            continue
        lines[number - 1] = text[: match.start(1)] + new + text[match.end(1) :]
        file.write_text("\n".join(lines), "utf-8")
        injections.append(Injection(path, number, new, match[1]))
    return injections


def mdcheck(site: Path) -> list[tuple[str, int, str]]:
    config = site / ".mdcheck-bench.toml"
    config.write_text('[rules]\n' + "heading-typo = true\n")
    result = subprocess.run(
        [sys.executable, "-m", "validator", "check", "--format", "json", "--config", str(config)],
        cwd=site, capture_output=True, text=True,
    )
    problems = json.loads(result.stdout)["problems"]
    return [
        (p["path"], p["line"], re.match(r"'([^']+)'", p["message"])[1])
        for p in problems
        if p["rule"] == "heading-typo"
    ]


def typos_tool(site: Path) -> list[tuple[str, int, str]]:
    result = subprocess.run(
        [shutil.which("typos") or "typos", "--format", "json", "content"],
        cwd=site, capture_output=True, text=True,
    )
    found = []
    for line in result.stdout.splitlines():
        item = json.loads(line)
        if item.get("type") == "typo":
            found.append((item["path"], item["line_num"], item["typo"]))
    return found


def codespell_tool(site: Path) -> list[tuple[str, int, str]]:
    result = subprocess.run(
        [shutil.which("codespell") or "codespell", "content"], cwd=site, capture_output=True, text=True
    )
    found = []
    for line in result.stdout.splitlines():
        match = re.match(r"(.+?):(\d+): (\S+) ==>", line)
        if match:
            found.append((match[1], int(match[2]), match[3]))
    return found


def score(
    findings: list[tuple[str, int, str]], drawn: set[tuple[str, int]], injections: list[Injection]
) -> tuple[float, float, int, int]:
    """(recall, precision, true positives, findings on drawn headings)."""
    injected = {(i.path, i.line): i.word.lower() for i in injections}
    on_drawn = [(p, n, w) for p, n, w in findings if (p, n) in drawn]
    hits = {(p, n) for p, n, w in on_drawn if injected.get((p, n)) == w.lower()}
    true = sum(1 for p, n, w in on_drawn if injected.get((p, n)) == w.lower())
    recall = len(hits) / len(injections) if injections else 1.0
    precision = true / len(on_drawn) if on_drawn else 1.0
    return recall, precision, len(hits), len(on_drawn)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--headings", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tools", action="store_true", help="also run typos and codespell")
    parser.add_argument("--show", action="store_true", help="print misses and false findings")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "site"
        shutil.copytree(args.site, site, ignore=shutil.ignore_patterns(".git", "public", "resources"))
        all_headings = headings(site)
        drawn = rng.sample(all_headings, min(args.headings, len(all_headings)))
        injections = inject(site, rng.sample(drawn, len(drawn) // 2), rng)
        print(f"{len(list((site / 'content').rglob('*.md')))} pages, {len(all_headings)} headings, "
              f"{len(drawn)} drawn, {len(injections)} typos injected")
        tools = [("mdcheck heading-typo", mdcheck)]
        if args.tools:
            tools += [("typos", typos_tool), ("codespell", codespell_tool)]
        for name, run in tools:
            started = time.perf_counter()
            findings = run(site)
            elapsed = time.perf_counter() - started
            recall, precision, hits, total = score(findings, set(drawn), injections)
            print(f"{name:22} recall {recall:6.1%} ({hits}/{len(injections)})  "
                  f"precision {precision:6.1%} ({total} findings on drawn headings)  {elapsed:5.1f} s")
            if args.show:
                found = {(p, n, w.lower()) for p, n, w in findings}
                for i in injections:
                    if (i.path, i.line, i.word.lower()) not in found:
                        print(f"   missed {i.path}:{i.line} {i.word} ({i.original})")
                injected = {(i.path, i.line) for i in injections}
                for p, n, w in findings:
                    if (p, n) in set(drawn) and (p, n) not in injected:
                        print(f"   false  {p}:{n} {w}")


if __name__ == "__main__":
    main()
