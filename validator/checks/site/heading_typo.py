"""## What it does
Finds typos in headings and in the front matter `title` and `description`, the text that
ends up in the page title, the table of contents, the heading's anchor and search results.
Each finding names the word and the most likely word meant (`prodcut` -> `product`).

A word is reported when no source of knowledge knows it and a known word is one edit away
(a letter dropped, doubled, swapped with its neighbour or replaced). The knowledge:

* an English dictionary with word frequencies (or the page's language's, for `de`, `es`,
  `fr`, `it`, `nl`, `pt`, `ru`, `ar`, `fa`, `eu`, `lv`; a page in a folder named for
  another of the site's languages, `content/es/…`, is in that one; pages in other
  languages are skipped, and so is a heading written mostly in another script, such as a
  Chinese heading on an English page, or most of whose four or more words no source
  knows, such as a Norwegian heading on an English page); the English list is American,
  and British spellings of its words (`colour`, `customising`, `centre`, `defence`,
  `programme`) are words too;
* a built-in technical vocabulary: HTML element names, Markdown, Hugo and programming terms
  (and the Latin of Lorem ipsum, themes' placeholder text);
* the site's own vocabulary: a word used in the site's code or in a path its links name
  (a package's: `pkg.go.dev/k8s.io/klog/v2/ktesting`), or used across its prose (pages
  with the same words, as a versioned site's copies of a page, count once; and its front
  matter's short values: an `author`, `tags`, an `image` path, a `homepage` URL; not what copies the title, such as `linkTitle` or `slug`; and its shortcode calls'
  parameters, such as a card's `title="James Lui"`), is not a typo, unless a
  word one edit away that starts as it does is far more frequent on the site and the word is
  rare (fewer than ten uses: "Etag" beside "tag", written more than once, is a term; a word
  written in mixed case, `ETag`, is one in any case); the site's pages in the same language are read: a Czech word
  is no correction for a Spanish one;
* your words: the `words` option, and a `.mdcheck-words.txt` file at the site's root (one
  word per line, `#` starts a comment).

Code spans, URLs, paths, shortcodes, numbers, identifiers (`camelCase`, `snake_case`,
`dotted.names`), acronyms and mixed-case names (`GitHub`) are never spelled; hyphenated
compounds are spelled part by part, parts of three letters or fewer left alone (`add-ons`,
`plug-ins`), a quoted lower-case one not at all (the account "robo-cosign"), nor one none
of whose other parts is a word (a phrase of another language: `avant-garde`,
`laissez-faire`) or whose parts rhyme (`hanky-panky`); `Hugo's` is
spelled as `Hugo`. Two capitalised words in a row that the word
lists do not know are a person's name (`Eamon Bauman`, `Yu Cao`), unless both look like
typos of common words (`Seperate Instalation`); so is a capitalised word past the first of a
heading in sentence case, one with a lower-case word of five letters or more that is no
function word ("Multi-cluster observability with Thanos"). A word with no known word
one edit away (a name, new jargon) is not reported, nor a capitalised three-letter word whose
look-alike starts otherwise (`Kyo's Garden`: a name, not `Yo`), nor two common words run together, or a
common word and a suffix, whose look-alike is one of the word list's rarest (`blogroll`, not
`logroll`; `enablement`, not `entablement`), nor the plural of a short term that is no
common word (`navs`, `divs`, not `ands`), nor a prefix and a common word (`unmark`, not a
typo of `unmask`; `onsite`, not of `onside`; but `untill`, whose `until` is far more frequent than `till`): the rule
stays quiet rather than noisy.
To silence one heading, put `<!-- mdcheck-disable-next-line heading-typo -->` above it.

In Hugo's real output (`--build`, `--html`), headings that only the HTML has — written by a
shortcode or the theme — are spelled too, and reported at the page's Markdown file; but
for one a template prints from the site's data files (`data/`: a talk's title, a speaker's
name), or a word of one those files have (a registry entry's name in `Kotel - Kotlin`),
which is no content of the page.

## Why is this bad?
A typo in a heading is the most visible typo a page can have: it is repeated in the browser
tab, the table of contents, the URL fragment others link to, and search results. Fixing it
later changes the heading's id and breaks those links.

## Example
```markdown
# Scaled dot-prodcut self-attention

The dot product of the queries and the keys.
```

## Use instead
```markdown
# Scaled dot-product self-attention

The dot product of the queries and the keys.
```
"""

from __future__ import annotations

import itertools
import re

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from dataclasses import dataclass, field

from validator.engine import PageSummary, Site
from validator.files import texts_under
from validator.html import HtmlHeading, Page
from validator.model import Finding, Rule, Severity
from validator.published import Locator, PagePass, RenderedSite, split_mapped
from validator.spelling import (
    FRONT_MATTER_TEXTS,
    Speller,
    Typo,
    base_language,
    front_matter_text,
    has_dictionary,
    parse_word_list,
    spelling_language,
)


@dataclass(frozen=True)
class Options:
    words: tuple[str, ...] = field(
        default=(), metadata={"doc": "Words that are not typos (case-insensitive)."}
    )
    front_matter: bool = field(
        default=True, metadata={"doc": "Also check the front matter title and description."}
    )


def check(site: Site, opts: Options) -> Iterator[Finding]:
    extra = parse_word_list(" ".join((*opts.words, *site.config.user_words)))
    languages = {
        place: spelling_language(site.config, page.language, page.content_path) for place, page in site.checked_pages()
    }
    for speller, places in _spellers(languages, site.vocabularies, extra):
        for place in places:
            yield from _page_findings(site.pages[place], speller, opts)


def _spellers(
    languages: Mapping[int, str], vocabularies: Mapping[str, Mapping[str, int]], extra: frozenset[str]
) -> Iterator[tuple[Speller, list[int]]]:
    """Given the language of each page to spell, by its place, a speller for each language
    with a dictionary and the places of its pages. One language at a time: a dictionary is
    tens of megabytes, and only the one in use (and English, see Speller) is kept. Languages
    without one are counted by unchecked_languages."""
    by_language: dict[str, list[int]] = {}
    for place, language in languages.items():
        by_language.setdefault(base_language(language), []).append(place)
    for language, indexes in sorted(by_language.items()):
        if has_dictionary(language):
            yield Speller(language, vocabularies.get(language, {}), extra), indexes


def _page_findings(page: PageSummary, speller: Speller, opts: Options) -> Iterator[Finding]:
    if opts.front_matter:
        for key in FRONT_MATTER_TEXTS:
            text = front_matter_text(page.front_matter, key)
            if text:
                line, column = page.front_matter_positions.get(key, (1, 1))
                for typo in speller.typos(text, sentences=key == "description"):
                    yield Finding(line, column, _message(typo, f"the {key}"), path=page.path)
    for heading in page.headings:
        for typo in speller.typos(heading.text):
            yield Finding(heading.line, heading.column, _message(typo, "heading"), path=page.path)


def _message(typo: Typo, where: str) -> str:
    return (
        f"{typo.word!r} in {where} looks like a typo of {typo.suggestion!r} "
        "(add the word to .mdcheck-words.txt if it is right)"
    )


def html_check(rendered: RenderedSite, opts: Options) -> PagePass:
    """The rendered side: headings that only Hugo's output has (written by shortcodes or
    the theme), at the Markdown line when it can be known, else the page's first line;
    each page spelled in its Markdown's language, one language at a time."""
    extra = parse_word_list(" ".join((*opts.words, *rendered.user_words)))
    # What the source pass spells: a theme prints other pages' titles (related pages'
    # cards), and a shortcode other pages' headings (`.RenderShortcodes`).
    written: set[str] = set()
    for source in rendered.sources:
        written.update(heading.text.strip() for heading in source.headings)
        if source.title:
            written.add(source.title.strip())
    # By the page's place, its language and the headings of its own to spell (not a page no
    # Markdown maps to: a list page, which repeats other pages' headings)
    unwritten: dict[int, tuple[str, tuple[HtmlHeading, ...]]] = {}
    place = itertools.count()

    def visit(page: Page) -> None:
        index, source = next(place), rendered.source(page)
        if source is not None and (own := tuple(h for h in page.headings if h.text.strip() not in written)):
            unwritten[index] = (source.language or rendered.language, own)

    def done() -> Iterator[Finding]:
        findings: list[tuple[str, Finding, bool]] = []
        data = _DataTexts(rendered.data_dirs)
        languages = {index: language for index, (language, _) in unwritten.items()}
        for speller, indexes in _spellers(languages, rendered.vocabularies, extra):
            for index in indexes:
                findings.extend(_rendered_findings(rendered, index, unwritten[index][1], speller, data))
        yield from split_mapped(findings)

    return PagePass(rendered.pages, visit, done)


def _rendered_findings(
    rendered: RenderedSite, index: int, headings: Sequence[HtmlHeading], speller: Speller, data: _DataTexts
) -> Iterator[tuple[str, Finding, bool]]:
    """The typos of a page's headings (the page's place in `rendered.pages`, read again
    only for a typo, to place it)."""
    page: Page | None = None
    locator: Locator | None = None  # one for the page: it places its headings in order
    written: str | None = None  # the text of the Markdown's headings, read once
    for heading in headings:
        typos = speller.typos(heading.text)
        if not typos:
            continue
        if page is None or locator is None:
            page = rendered.pages[index]
            locator = rendered.locator(page)
        where = locator.heading(heading)
        if where is None:
            # a template prints it from the site's data (flux's talks, opentelemetry's
            # registry entries): names, not prose; the heading, or the word, is there
            typos = () if data.holds(heading.text.strip()) else tuple(t for t in typos if not data.holds_word(t.word))
            # a heading of the Markdown that a call's output changed (`### {{% icon %}} Text`):
            # its words are the source pass's
            if written is None:
                source = rendered.source(page)
                written = " ".join(item.text for item in source.headings) if source is not None else ""
            typos = tuple(typo for typo in typos if not re.search(rf"(?<!\w){re.escape(typo.word)}(?!\w)", written))
        for typo in typos:
            at = (heading.line, heading.column)
            yield typo.word, rendered.finding(page, _message(typo, "heading"), at, where or (1, 1)), where is not None


class _DataTexts:
    """The text of the files in the site's data folders, read when first asked (20 MB at
    most): a heading a template prints from them is theirs."""

    def __init__(self, folders: Sequence[str]):
        self._folders = folders
        self._texts: list[str] | None = None

    def holds(self, text: str) -> bool:
        return any(text in data for data in self._read())

    def holds_word(self, word: str) -> bool:
        """Whether a data file has `word` as a word of its own (not inside another)."""
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
        return any(word in data and pattern.search(data) for data in self._read())

    def _read(self) -> list[str]:
        if self._texts is None:
            found = texts_under(map(Path, self._folders), _DATA_FILES, _DATA_BYTES)
            self._texts = [data for _, data in found]
        return self._texts


_DATA_FILES = (".yaml", ".yml", ".toml", ".json", ".xml", ".csv")
_DATA_BYTES = 20_000_000


def unchecked_languages(site: Site) -> Mapping[str, int]:
    """Languages without a dictionary, and how many of the pages checked each has: for the
    run's summary."""
    counts: dict[str, int] = {}
    for _, page in site.checked_pages():
        language = spelling_language(site.config, page.language, page.content_path)
        if not has_dictionary(language):
            counts[language] = counts.get(language, 0) + 1
    return counts


def notes(site: Site, opts: Options) -> Iterator[str]:
    unchecked = sorted(unchecked_languages(site).items())
    total = sum(count for _, count in unchecked)
    pages = "page" if total == 1 else "pages"
    if len(unchecked) == 1:
        yield f"heading-typo: {total} {pages} in {unchecked[0][0]!r} not checked (no dictionary for it)"
    elif unchecked:
        each = ", ".join(f"{language} ({count})" for language, count in unchecked)
        yield (
            f"heading-typo: {total} {pages} in {len(unchecked)} languages not checked "
            f"(no dictionary for them): {each}"
        )


RULE = Rule(
    id="heading-typo",
    summary="Typo in a heading or title",
    stage="site",
    options=Options,
    check=check,
    doc=__doc__,
    summary_needs=frozenset({"words"}),
    notes=notes,
    html_check=html_check,
    default=Severity.WARNING,
)
