"""Typo detection for headings and titles: words, dictionaries, the site's vocabulary, suggestions.

Knowledge, combined:

* a dictionary with word frequencies per language: pyspellchecker's lists (word counts from
  subtitles, filtered against Hunspell dictionaries, so they hold no common misspellings);
* the technical vocabulary in `data/technical-words.txt` (HTML, Markdown, Hugo, programming);
* the site's vocabulary: how often each word appears in the site's prose, and which words
  appear in its code (code spans, code blocks);
* the user's words.

A word is a typo when none of these knows it and a known word is one edit away (a letter
dropped, doubled, swapped with its neighbour or replaced). A word the site uses often is
known, unless a word one edit away is far more frequent on the site: `prodcut` used twice
where `product` appears fifty times is still a typo. A word with no known word one edit away
is a name or jargon: it is never reported, so the checker does not drown users in noise.
"""

from __future__ import annotations

import bisect
import functools
import gzip
import hashlib
import json
import marshal
import os
import pkgutil
import re
import sys
import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import marisa_trie
from spellchecker import SpellChecker

from validator.config import ConfigError
from validator.document import COMBINING_MARKS, LETTER, Document
from validator.files import cache_dir, read_at_most, write_atomic
from validator.frontmatter import nested_strings
from validator.prose import is_technical, strip_punctuation
from validator.settings import SiteConfig
from validator.site import language_codes

CODE = "`"  # vocabulary key prefix of a word seen in code: "`prodcut"
FILED = "="  # vocabulary key prefix of a word of a front matter term (an `author`'s name): "=choi"
# vocabulary key prefix of a prose word's uses in copies of pages counted already (the same
# words: a versioned site's copies of a page), which its plain key does not count: "~outro"
COPIED = "~"
MIN_LENGTH = 3  # shorter words are left alone
# Longer words are no typo of a known one either (the longest English words run about 30
# letters): the words one edit away from a word are as many as its letters times the
# alphabet's, each as long as it, so spelling a 10,000-letter "word" would take gigabytes
MAX_LENGTH = 40
# How much more frequent than a look-alike that keeps a typo's first letter a suggestion must
# be to be preferred to it (Speller._rank)
_START_KEPT_FREQUENCY = 10
SITE_KNOWN = 3  # prose occurrences that make a site word a known word (a suggestion)
SITE_RATIO = 5  # a site word this many times as frequent as a look-alike makes it a typo
SITE_TRUSTED = 10  # prose occurrences that make a site word no typo, whatever looks like it
RARE = 50  # the lowest frequency in pyspellchecker's word lists: words seen a few times
COMMON = 1000  # a frequency that makes a word common (`up`, `time`)
FRONT_MATTER_TEXTS = ("title", "description")
# Front matter that copies the title, or a text spelled with it: its words are not counted
# again as the site's. The others' short values are, the names and terms a page is filed
# under: a title "Edward Snowden About Privacy" by `author: Edward Snowden`, a partner's
# page "Axians" with `image: logo/axians.svg` (not a custom key's summary: prose again).
FRONT_MATTER_COPIES = frozenset({"title", "description", "linktitle", "slug", "url", "aliases", "summary"})
FRONT_MATTER_TERM_WORDS = 4  # the most words of such a value

# (up to the next `{{`: a page of unclosed `{{%` is read once, not to its end from each)
_SHORTCODE = re.compile(r"\{\{[<%](?:[^{]|\{(?!\{))*?[%>]\}\}")
_CHUNK = re.compile(r"\S+")
_PART = re.compile(r"[^\s\-‐‑–—]+")  # hyphens and dashes split compounds
_HYPHENS = ("-", "‐", "‑")
_QUOTES = frozenset("\"'“”‘’«»")
_SHORT_PART = 3  # letters: a hyphenated compound's parts this short are not spelled
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_LETTERS = re.compile(rf"(?:{LETTER})+(?:'(?:{LETTER})+)*")
_ENDINGS = frozenset({"", "s", "es", "d", "ed", "r", "er", "rs", "ers", "ing", "ly"})
# Suffixes that make a new word of another (English): `enablement`, `readability`.
_SUFFIXES = frozenset(
    {"ment", "ments", "ness", "able", "ability", "ity", "ism", "ist", "ists", "ize", "izes", "ized",
     "ization", "less", "ful", "ship", "hood", "wise"}
)  # fmt: skip
# Prefixes that make a new word of a common one: `unmark`, `reupload`, `deprovision`
_PREFIXES = ("un", "re", "pre", "de", "dis", "non", "mis", "sub", "over", "under", "multi", "auto", "on", "off")
_CODE_PART = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[^\W\d_A-Za-z]+")


@dataclass(frozen=True, slots=True)
class Word:
    text: str  # as written, possessive removed
    start: int  # offsets in the text it was found in
    end: int

    @property
    def key(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class Typo:
    word: str  # as written
    suggestion: str  # with the word's capitalisation
    start: int
    end: int


# --- tokenising ------------------------------------------------------------------------------


def words(text: str) -> Iterator[Word]:
    """The words of prose worth spelling: shortcodes, URLs, paths, identifiers (camelCase,
    snake_case, dotted.names), options, numbers, acronyms and words with digits left out;
    hyphenated compounds split; possessives (`Hugo's`, `Hugo’s`) cut."""
    if "{{" in text:
        text = _SHORTCODE.sub(lambda match: " " * len(match[0]), text)
    for chunk in _CHUNK.finditer(text):
        base = chunk.start()
        for word, start in _chunk_words(chunk[0]):
            yield Word(word, base + start, base + start + len(word))


@functools.lru_cache(maxsize=1 << 16)  # a site's headings share most of their words
def _chunk_words(chunk: str) -> tuple[tuple[str, int], ...]:
    """The words of one whitespace-free chunk, with their offsets in it."""
    if is_technical(chunk):
        return ()
    core = strip_punctuation(chunk)
    offset = chunk.find(core) if core else 0
    compound = any(hyphen in core for hyphen in _HYPHENS)
    quoted = chunk[:1] in _QUOTES and chunk[offset + len(core) : offset + len(core) + 1] in _QUOTES
    if compound and quoted and core.islower():
        return ()  # a quoted lower-case compound names a thing: the account "robo-cosign"
    found = []
    for part in _PART.finditer(core):
        word = _word(strip_punctuation(part[0].translate(_APOSTROPHES)))
        if word is not None and compound and len(word) <= _SHORT_PART:
            continue  # `add-ons`, `plug-ins`, `pre-built`: a compound's short parts are no words alone
        if word is not None:
            found.append((word, offset + part.start() + part[0].find(word[:1])))
    return tuple(found)


def _word(part: str) -> str | None:
    """A part of a chunk as a word to spell, or None when it is not one."""
    if part.endswith(("'s", "'S")):
        part = part[:-2]
    part = part.strip("'")
    if len(part) < MIN_LENGTH or not _LETTERS.fullmatch(part):
        return None  # digits, symbols, too short
    if part[0] == part[1] and part[0].isupper() and part[2:].islower() and len(part) > 3:
        return part  # a capital typed twice: `TTokens` (not a name such as `JUnit`)
    if part.isupper() or any(char.isupper() for char in part[1:]):
        return None  # an acronym, or camelCase / a brand (GitHub, iPhone)
    if not _VOWELS.intersection(part.lower()):
        return None  # an abbreviation written in lower case: `sbt`, `jvm`, `mtls`
    return part


_COMPOUND_PARTS = 4  # a loan compound's parts besides the word's, at most (`mise-en-scène`)
_VOWELS = frozenset("aeiouyàáâãäåæèéêëìíîïòóôõöøœùúûüýÿ")


def code_words(text: str) -> Iterator[str]:
    """Lower-cased words inside code: identifiers split at camelCase humps and underscores."""
    for part in _CODE_PART.findall(text):
        if len(part) >= MIN_LENGTH:
            yield part.lower()


# The letter runs of `MIN_LENGTH` or more (letters with their combining marks) in a text.
_RUNS = re.compile(rf"[^\W\d_](?:[^\W\d_]|[{COMBINING_MARKS}]){{{MIN_LENGTH - 1},}}")
_ASCII_RUNS = re.compile(rf"[A-Za-z]{{{MIN_LENGTH},}}")


def letter_runs(text: str) -> list[str]:
    """The runs of at least `MIN_LENGTH` letters in `text`, as written: the parts of its
    words (`WORD`) between apostrophes."""
    return (_ASCII_RUNS if text.isascii() else _RUNS).findall(text)


_PATH_LIKE = re.compile(r"^\S*[/.=]\S*$")  # one word with a slash, a dot or an `=`: a path, a URL, a file


_DOUBLED_CAPITAL = re.compile(r"([A-Z])\1[a-z]+")  # a capital typed twice: `TTemplates`


def copied_words(words: Mapping[str, int]) -> dict[str, int]:
    """The prose words of a page's `page_words` under COPIED keys, for a copy of a page
    whose words are counted already."""
    return {COPIED + word: count for word, count in words.items() if word[:1] not in (CODE, FILED)}


def page_words(doc: Document) -> Counter[str]:
    """How often each word appears in the page: its prose (headings included), its front
    matter title and description, its shortcode calls' text parameters, and, keyed with
    `CODE` in front, its code, shortcode names, the paths those parameters and its links
    name. Fast rather than exact (every page of a site goes
    through it): prose words are the letter runs of at least `MIN_LENGTH` letters (a word of
    `WORD` split at its apostrophes), not in capitals, lower-cased."""
    counts: Counter[str] = Counter()
    written = Counter(letter_runs(doc.prose))
    for key in FRONT_MATTER_TEXTS:
        if isinstance(value := doc.front_matter.get(key), str):
            written.update(letter_runs(value))
    # A call's text parameters: what a template shows of them (a card's `title="James Lui"`,
    # a figure's caption) is the page's prose, its headings too; paths are code, below.
    paths = []
    for use in doc.shortcode_calls:
        for value in use.values:
            if isinstance(value, str):
                if _PATH_LIKE.search(value):
                    paths.append(value)
                else:
                    written.update(letter_runs(value))
    filed: set[str] = set()
    for key, value in (doc.front_matter.data or {}).items():
        if not isinstance(key, str) or key.lower() in FRONT_MATTER_COPIES:
            continue
        for term in nested_strings(value):
            if len(term.split(None, FRONT_MATTER_TERM_WORDS)) <= FRONT_MATTER_TERM_WORDS:
                runs = letter_runs(term)
                written.update(runs)
                filed.update(FILED + run.lower() for run in runs if not run.isupper())
    counts.update(filed)
    for run, count in written.items():  # counted as written first, then folded
        if run.isupper():
            # an acronym names a thing (`ADC`): a heading's `adc`, its field, is no typo of `add`
            counts[CODE + run.lower()] += count
        else:
            counts[run.lower()] += count
            if not run[1:].islower() and not _DOUBLED_CAPITAL.fullmatch(run):
                # `ETag`, `GitHub`: a name, as code's identifiers are ("Etag" is no typo); not `TTemplates`
                counts[CODE + run.lower()] += count
    code = [block.content for block in doc.code_blocks]
    code += [block.info for block in doc.code_blocks if block.info]  # languages: ```diff
    code += [child.content for token in doc.tokens if token.children for child in token.children
             if child.type == "code_inline"]
    # Shortcode names are the site's words too: a `{{< vimeo >}}` page may be headed "Vimeo".
    code += [use.name for use in doc.shortcode_calls]
    code += paths
    # So are the paths links name: a package's (`pkg.go.dev/k8s.io/klog/v2/ktesting`), and
    # the page's own (`project/bakeoff/index.md`: the project's name)
    code += [link.destination.split("?", 1)[0].split("#", 1)[0] for link in doc.links if "/" in link.destination]
    code.append(doc.path)
    counts.update(CODE + word for word in code_words(" ".join(code)))
    return counts


# --- knowledge ---------------------------------------------------------------------------------


def spelling_language(site: SiteConfig, language: str | None, content_path: str | None = None) -> str:
    """The language a page of the Hugo language `language` is spelled in: its locale's base.
    A page in a folder named for another of the site's languages (`es/blog/a.md`, where the
    mounts that give each language its folder are made when the site is built) is written
    in that one."""
    if content_path and "/" in content_path and len(site.languages) > 1:
        folder = content_path.split("/", 1)[0].lower()
        if folder != (language or "").lower() and folder in language_codes(site):
            language = folder
    return base_language(site.text_language(language))


def base_language(code: str | None) -> str:
    """`en-US` -> `en`; no language means English, Hugo's default."""
    return (code or "en").replace("_", "-").split("-")[0].lower()


def has_dictionary(language: str | None) -> bool:
    return base_language(language) in SpellChecker.languages()


def dictionary(language: str) -> Mapping[str, int]:
    """Word -> frequency for a language with a dictionary (see `has_dictionary`): the word
    list pyspellchecker ships, read as its SpellChecker reads it (lower-cased, counts of
    words differing only in case summed), without the statistics it also computes."""
    return _knowledge(base_language(language))[0]


def alphabet(language: str) -> frozenset[str]:
    """The letters of a language (at least one in 10,000 of its dictionary's letters): for
    making look-alikes, and to leave foreign words (`Crème` in English) alone."""
    return _knowledge(base_language(language))[1]


class Lexicon(Mapping[str, int]):
    """A language's words and their frequencies, read-only and compact: the words in a
    MARISA trie (a few bytes a word, where a dict takes about 90) and their counts in an
    array indexed by the trie's key ids. A membership test costs about three dict look-ups."""

    __slots__ = ("_trie", "_counts")

    def __init__(self, trie: marisa_trie.Trie, counts: array[int]):
        self._trie = trie
        self._counts = counts

    @classmethod
    def of(cls, words: Mapping[str, int]) -> Lexicon:
        """The words lower-cased, as pyspellchecker reads its lists: the counts of words
        that differ only in case are summed."""
        trie = marisa_trie.Trie(word.lower() for word in words)
        sums = [0] * len(trie)
        for word, count in words.items():
            sums[trie[word.lower()]] += count
        return cls(trie, array("I", (min(max(count, 0), 0xFFFFFFFF) for count in sums)))

    def letters(self) -> frozenset[str]:
        """The language's letters: those that make at least one in 10,000 of its words' letters."""
        text = "".join(self._trie.iterkeys())
        letters = {char: text.count(char) for char in set(text) if char.isalpha()}
        total = sum(letters.values())
        return frozenset(char for char, count in letters.items() if count * 10_000 >= total)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word in self._trie

    def __getitem__(self, word: str) -> int:
        return self._counts[self._trie[word]]

    def get(self, word: str, default: int = 0) -> int:  # type: ignore[override]
        key = self._trie.get(word)
        return default if key is None else self._counts[key]

    def has_prefix(self, prefix: str) -> bool:
        """Whether a word begins with `prefix`."""
        return next(self._trie.iterkeys(prefix), None) is not None

    def __iter__(self) -> Iterator[str]:
        return self._trie.iterkeys()

    def __len__(self) -> int:
        return len(self._trie)

    def dumps(self) -> bytes:
        return marshal.dumps((self._trie.tobytes(), self._counts.tobytes()))

    @classmethod
    def loads(cls, data: bytes) -> Lexicon:
        """Raises ValueError (or EOFError, TypeError, or marisa-trie's RuntimeError) for data
        `dumps` did not make."""
        trie_bytes, count_bytes = marshal.loads(data)
        trie = marisa_trie.Trie().frombytes(trie_bytes)
        counts = array("I")
        counts.frombytes(count_bytes)
        if len(counts) != len(trie):
            raise ValueError("damaged lexicon")
        return cls(trie, counts)


@functools.lru_cache(maxsize=2)  # English and the language being checked
def _knowledge(language: str) -> tuple[Lexicon, frozenset[str]]:
    """A language's dictionary and alphabet, built once (about 0.3 s for English, 1.5 s for
    Portuguese's 417,000 words) and kept in the cache directory, from which they read back
    in a millisecond. The cache entry is named after the word list's digest and the Python
    version (marshal's format), so an upgrade never reads a stale one, and it holds a
    digest of the trie's bytes, checked before they are read; a missing, unreadable or
    damaged entry is rebuilt (and the language's stale entries removed), and one that
    cannot be written is not kept."""
    data = pkgutil.get_data("spellchecker", f"resources/{language}.json.gz")
    if data is None:
        lexicon = Lexicon.of(SpellChecker(language=language, distance=1).word_frequency.dictionary)
        return lexicon, lexicon.letters()
    version = "".join(map(str, sys.version_info[:2]))
    source = hashlib.sha256(data).hexdigest()[:16]
    path = cache_dir() / f"lexicon-{language}-{source}-py{version}.marshal"
    try:
        lexicon_data, digest, letters = marshal.loads(read_at_most(path, _LEXICON_LIMIT))  # a regular file only
        # The digest first: the trie's reader trusts the sizes its bytes give.
        if isinstance(lexicon_data, bytes) and digest == _entry_digest(lexicon_data) and isinstance(letters, frozenset):
            return Lexicon.loads(lexicon_data), letters
    except (OSError, EOFError, ValueError, TypeError, RuntimeError):
        pass
    lexicon = Lexicon.of(json.loads(gzip.decompress(data)))
    letters = lexicon.letters()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lexicon_data = lexicon.dumps()
        write_atomic(path, marshal.dumps((lexicon_data, _entry_digest(lexicon_data), letters)))
        for stale in [*path.parent.glob(f"lexicon-{language}-*"), *path.parent.glob(f"words-{language}-*.marshal")]:
            if stale != path:  # another word list's, Python's, or an older mdcheck's
                stale.unlink(missing_ok=True)
    except (OSError, ConfigError):
        pass  # a read-only home: rebuilt next time
    return lexicon, letters


# A language's trie and counts take a few MB: a larger cache entry is not one of ours.
_LEXICON_LIMIT = 256 * 2**20


def _entry_digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


@functools.cache
def technical_words() -> frozenset[str]:
    text = (Path(__file__).parent / "data" / "technical-words.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def parse_word_list(text: str) -> frozenset[str]:
    """A word list: one word per line (or several, space-separated); `#` starts a comment."""
    return frozenset(
        word.translate(_APOSTROPHES).lower()
        for line in text.splitlines()
        for word in line.split("#", 1)[0].split()
    )


# --- deciding ----------------------------------------------------------------------------------


class Speller:
    """Decides which words are typos, for one language and one site. Decisions are cached."""

    def __init__(
        self, language: str, vocabulary: Mapping[str, int], extra: frozenset[str] = frozenset()
    ):
        self.language = language
        self.known = dictionary(language)
        # Sites in other languages use English terms ("Pod", "Container") as they are.
        self.english = dictionary("en") if base_language(language) != "en" else None
        self.letters = alphabet(language)
        self.vocabulary = vocabulary
        self.extra = technical_words() | extra
        self._decided: dict[str, str | None] = {}
        self._texts: dict[tuple[str, bool], tuple[Typo, ...]] = {}

    def typos(self, text: str, *, sentences: bool = False) -> tuple[Typo, ...]:
        """The typos in `text`, each word once ("yay Yay" is one). With `sentences` (prose),
        or when `text` is in sentence case, a capitalised word inside a sentence is a name
        and is left alone; so are people's names in title case (see `_in_name`)."""
        key = (text, sentences)
        if key not in self._texts:  # headings such as "Installation" recur across a site
            first: dict[str, Typo] = {}
            for typo in self._typos(text, sentences):
                first.setdefault(typo.word.casefold(), typo)
            self._texts[key] = tuple(first.values())
        return self._texts[key]

    def _typos(self, text: str, sentences: bool) -> Iterator[Typo]:
        if not text.isascii() and self._foreign(text):
            return
        if self._name_and_handle(text):
            return
        found = list(words(text))
        if self._mostly_unknown(found):
            return
        sentences = sentences or _sentence_case(text)
        runs: list[str] | None = None  # the text's letter runs, sorted, once one is needed
        for word in found:
            if sentences and word.text[:1].isupper() and not starts_sentence(text, word.start):
                continue
            if self._in_name(text, word):
                continue
            suggestion = self.suggestion(word.key)
            if suggestion is None or self._loan_compound(text, word, suggestion):
                continue
            if len(word.key) == MIN_LENGTH and word.text[:1].isupper() and not _keeps_start(word.key, suggestion):
                continue  # a capitalised word this short, changed at its start, is a name: `Kyo`, not `Yo` ("lso" is a slip)
            runs = runs if runs is not None else sorted({run.lower() for run in letter_runs(text)})
            if not _starts_a_compound(word.key, runs):
                yield Typo(word.text, _same_case(suggestion, word.text), word.start, word.end)

    def _loan_compound(self, text: str, word: Word, suggestion: str) -> bool:
        """Whether `word` is a part of a hyphenated compound that is no typo: one whose other
        parts are unknown too, a phrase of another language (`avant-garde`, `laissez-faire`);
        or one that rhymes a part with another (`hanky-panky`: not `hanky` meant for `panky`)."""
        start, end, steps = word.start, word.end, 0
        while start > 1 and text[start - 1] in _HYPHENS and text[start - 2].isalpha() and steps <= _COMPOUND_PARTS:
            start, steps = _part_start(text, start - 1), steps + 1
        while end + 1 < len(text) and text[end] in _HYPHENS and text[end + 1].isalpha() and steps <= _COMPOUND_PARTS:
            end, steps = _part_end(text, end + 1), steps + 1
        if (start, end) == (word.start, word.end) or steps > _COMPOUND_PARTS:
            return False  # no compound, or a chain of words (read in linear time) rather than one
        others = [part.casefold() for part in _PART.findall(text[start:end]) if part.casefold() != word.key]
        if suggestion.casefold() in others or any(part[1:] == word.key[1:] for part in others):
            return True
        spelled = [part for part in others if len(part) > _SHORT_PART]
        return bool(spelled) and all(self.suggestion(part) is not None or not self._accepted(part) for part in spelled)

    def _mostly_unknown(self, found: Sequence[Word]) -> bool:
        """Whether most of four or more different words are unknown (to the word lists, and
        rare on the site): a heading in another language than the page's ("Priser bruk av
        bilde på internett" on an English page), not typos."""
        checked = {word.key for word in found if len(word.key) >= MIN_LENGTH}
        if len(checked) < 4:
            return False
        unknown = sum(1 for key in checked if not self._accepted(key) and self.vocabulary.get(key, 0) < SITE_TRUSTED)
        return unknown * 2 > len(checked)

    def _foreign(self, text: str) -> bool:
        """Whether most of the letters of `text` are not the language's: a Chinese heading
        on an English page ("取 Oss 文件"), whose Latin words are names and terms."""
        letters = [char for char in text.casefold() if char.isalpha()]
        return sum(char in self.letters or char.isascii() for char in letters) * 2 < len(letters)

    def _in_name(self, text: str, word: Word) -> bool:
        """Whether a capitalised word stands beside another, both unknown to the word lists,
        however often the site writes them: a person's name ("Eamon Bauman", "Yu Cao",
        "Saim Safdar"). Not when both look like typos of common words ("Seperate
        Instalation"), or the other is too short to be checked as a word ("Yu")."""
        if not _capitalised(word.text) or self._accepted(word.key):
            return False
        before = _NAME_BEFORE.search(text, max(word.start - 40, 0), word.start)  # a name is short
        after = _NAME_AFTER.match(text, word.end)
        for match in (before, after):
            if match is None or not _capitalised(match[1]):
                continue
            if self._accepted(other := match[1].lower()):
                if self._rare_suggestion(word.key) or _credited(text, min(word.start, match.start(1))):
                    return True  # a surname beside a first name ("Dan Budris", not "Burris"; "by Samuel Lim")
                continue
            if len(other) < MIN_LENGTH or not (self._common_typo(word.key) and self._common_typo(other)):
                return True
        return False

    def _name_and_handle(self, text: str) -> bool:
        """Whether `text` is a person's name and their handle, as a maintainers page heads
        each one: "Danielle Tal (miao0miao)", "Adrian Vladu (@ader1990)". A handle is no
        word of the dictionary: "Sneek Peek (beta)" is spelled."""
        name, bracket, handle = text.strip().removesuffix(")").rpartition("(")
        handle = handle.strip().removeprefix("@")
        if not bracket or not text.strip().endswith(")") or not _HANDLE.fullmatch(handle):
            return False
        if any(mark in name for mark in "()@"):
            return False
        parts = name.split()
        return handle.lower() not in self.known and 2 <= len(parts) <= 4 and all(part[:1].isupper() for part in parts)

    def _rare_suggestion(self, word: str) -> bool:
        """Whether the word `word` looks like is among the dictionary's rarest (seen a few
        times, as uncommon names are): no sign of a typo beside a name."""
        suggestion = self.suggestion(word)
        return suggestion is not None and 0 < self.known.get(suggestion, 0) <= RARE

    def _common_typo(self, word: str) -> bool:
        suggestion = self.suggestion(word)
        return suggestion is not None and self.known.get(suggestion, 0) >= COMMON

    def suggestion(self, word: str) -> str | None:
        """The word meant, when `word` (lower-case) is a typo; None when it is not one."""
        if word not in self._decided:
            self._decided[word] = self._decide(word)
        return self._decided[word]

    def _decide(self, word: str) -> str | None:
        if len(word) > MAX_LENGTH or self._accepted(word) or self.vocabulary.get(CODE + word, 0):
            return None
        if self.vocabulary.get(word, 0) >= SITE_TRUSTED:
            return None  # written this often, it is meant: `Knative` beside a frequent `native`
        if "'" in word and self._accepted(word.split("'", 1)[0]):
            return None  # a contraction of a known word
        if not set(word.replace("'", "")) <= self.letters or self._inflection(word) or self._plural_of_term(word):
            return None  # a foreign word, or a form of a known word
        if self.english is None and any(self._is_known(us) for us in _american(word)):  # English
            return None  # British spelling of a known word: the English word list is American
        candidates = [c for c in _edits(word, self.letters) if self._is_known(c)]
        if not candidates:
            return None  # a name or jargon: nothing to suggest
        best = max(candidates, key=self._rank(word, candidates))
        if self._rare(best) and self._compound(word):
            return None  # `blogroll` is blog + roll, missing from the list, not a typo of `logroll`
        if self._prefixed(word, best):
            return None  # `unmark` is un + mark, not a typo of `unmask`
        if self.english is not None and (
            _word_form(word, best) or self._known_stem(word, best) or (best not in self.known and not word.isascii())
        ):
            # Word lists of inflected languages lack many forms: an ending or an accent
            # away from a known word is far more often a form than a typo; and a word with
            # the language's own letters is no misspelt English.
            return None
        # How often each is written, copies of pages too (a versioned site's "Outro", in
        # each version's copy, is written as often as "orchestation" beside "orchestration"):
        # only whether a word is trusted (above) counts a copy's words once
        uses, best_uses = self._written(word), self._written(best)
        # A word used once is the typo itself, unless a page files itself under it (a name
        # a template prints from its `author`)
        once = uses <= 1 and not self.vocabulary.get(FILED + word)
        if not once and not _keeps_start(word, best):
            return None  # written again, and no slip at its start: a term ("Etag" beside "tag", "Coroutine")
        if once or best_uses >= SITE_RATIO * uses:
            return best
        return None  # used across the site, and nothing far more frequent looks like it

    def _written(self, word: str) -> int:
        """How often the site's prose writes the word, in pages with the same words too."""
        return self.vocabulary.get(word, 0) + self.vocabulary.get(COPIED + word, 0)

    def _known_stem(self, word: str, best: str) -> bool:
        """Whether a known word begins with all of `word` but an ending of up to three
        letters, and so shares more of it than `best` does: Spanish `resaltado`, missing
        from the word list, is a form of `resaltar`, not a typo of `resultado`."""
        shared = len(os.path.commonprefix([word, best]))
        return self.known.has_prefix(word[: max(shared + 1, len(word) - 3, 4)])

    def _inflection(self, word: str) -> bool:
        """Whether `word` is a known stem with an ending (`downscaled`, `transpiles`)."""
        for ending in _ENDINGS:
            stem = word[: len(word) - len(ending)]
            if len(stem) < 4 or not word.endswith(ending) or not _takes(stem, ending):
                continue
            others = ("s",) if not ending else (*_ENDINGS, "e")
            if any(self._is_known(stem + other) for other in others if other != ending):
                return True
        return False

    def _prefixed(self, word: str, best: str) -> bool:
        """Whether `word` is a prefix and a common word more frequent than its look-alike
        `best`: `unmark` (not `unmask`), `reupload`; not `untill`, whose `until` is far
        more frequent than `till`."""
        floor = max(COMMON, self.known.get(best, 0))
        return any(
            word.startswith(prefix) and len(word) - len(prefix) >= 3 and self.known.get(word[len(prefix) :], 0) >= floor
            for prefix in _PREFIXES
        )

    def _plural_of_term(self, word: str) -> bool:
        """Whether `word` is the plural of a short term the site or the technical words know,
        which no common word is: `navs`, `divs`, `gifs` (not `ands`, a typo of `and`)."""
        stem = word[:-1]
        return word.endswith("s") and len(stem) >= 3 and self._is_known(stem) and self.known.get(stem, 0) < COMMON

    def _accepted(self, word: str) -> bool:
        return word in self.known or word in self.extra or (self.english is not None and word in self.english)

    def _rare(self, word: str) -> bool:
        """Whether only the word list knows `word`, as one of its rarest words (`optime`)."""
        return (
            self.known.get(word, 0) <= RARE
            and word not in self.extra
            and self.vocabulary.get(word, 0) < SITE_KNOWN
            and self.vocabulary.get(CODE + word, 0) < SITE_KNOWN
        )

    def _compound(self, word: str) -> bool:
        """Whether `word` is two common words run together (`blogroll`), or a common word
        and a suffix that makes a new word of it (`enablement`)."""
        return any(
            self.known.get(word[:cut], 0) >= COMMON
            and (self.known.get(word[cut:], 0) >= COMMON or word[cut:] in _SUFFIXES)
            for cut in range(2, len(word) - 1)
        )

    def _is_known(self, word: str) -> bool:
        return (
            self._accepted(word)
            or self.vocabulary.get(word, 0) >= SITE_KNOWN
            or self.vocabulary.get(CODE + word, 0) >= SITE_KNOWN
        )

    def _rank(self, typo: str, candidates: Sequence[str]) -> Callable[[str], tuple[int, bool, int, str]]:
        """How a candidate for `typo` ranks: by its uses on the site, then whether it keeps the
        typo's first letter (or swaps the first two: `hte`), as a writer rarely slips at a
        word's start (`asigned` is `assigned`, though `signed` is three times as frequent),
        unless another is far more frequent (`ontil` is `until`, not `ontic`); then by its
        frequency."""
        floor = max(self.known.get(candidate, 0) for candidate in candidates) / _START_KEPT_FREQUENCY

        def rank(word: str) -> tuple[int, bool, int, str]:
            site = self.vocabulary.get(word, 0) + self.vocabulary.get(CODE + word, 0)
            frequency = self.known.get(word, 0)
            return (site, _keeps_start(typo, word) and frequency >= floor, frequency, word)

        return rank


def _keeps_start(typo: str, word: str) -> bool:
    """Whether `word` begins as `typo` does, or with its first two letters swapped (`hte`)."""
    return word[:1] == typo[:1] or (len(typo) > 1 and word[:2] == typo[1::-1])


def _part_start(text: str, end: int) -> int:
    """Where the run of letters that ends at `end` starts."""
    while end > 0 and text[end - 1].isalpha():
        end -= 1
    return end


def _part_end(text: str, start: int) -> int:
    """Where the run of letters that starts at `start` ends."""
    while start < len(text) and text[start].isalpha():
        start += 1
    return start


def _starts_a_compound(key: str, runs: list[str]) -> bool:
    """Whether a longer run of letters of the text (`runs`: lower-cased, sorted) starts with
    the word `key`: a name's part, as "Hashi" of "HashiQube" ("Provision a Hashi Environment
    with HashiQube"). Such runs sort right after `key`."""
    index = bisect.bisect_right(runs, key)
    return len(key) > MIN_LENGTH and index < len(runs) and runs[index].startswith(key)


# A person's handle: "miao0miao" of "Danielle Tal (@miao0miao)"
_HANDLE = re.compile(r"[\w.-]+")
# A word right before or after another, one blank apart (see _capitalised): `Niccolò Fei`.
_NAME_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_]+) $")
_CREDIT = re.compile(r"(?<![\w'’-])[Bb]y $")  # a name credited: "… Biology by Samuel Lim"
_NAME_AFTER = re.compile(r" ([^\W\d_]+)(?![\w'’-])")


def _credited(text: str, start: int) -> bool:
    """Whether the name starting at `start` follows "by": "… Biology by Samuel Lim"."""
    return _CREDIT.match(text, max(start - 3, 0), start) is not None


def _capitalised(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word[1:].islower()


def _edits(word: str, letters: frozenset[str]) -> set[str]:
    """Every string one edit away: a letter dropped, swapped with the next, replaced, added."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    found = {left + right[1:] for left, right in splits if right}
    found |= {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
    found |= {left + char + right[1:] for left, right in splits if right for char in letters}
    found |= {left + char + right for left, right in splits for char in letters}
    found.discard(word)
    return found


# British endings and their American forms (`customising` -> `customizing`, `colour` ->
# `color`, `centre` -> `center`, `defence` -> `defense`, `programme` -> `program`).
_BRITISH = (
    (re.compile(r"is(e|es|ed|ing|ation|ations|er|ers|able)$"), r"iz\1"),
    (re.compile(r"ys(e|es|ed|ing|er|ers)$"), r"yz\1"),
    (re.compile(r"our(s|ed|ing|ite|ites|able|ful|less|er|ers|al|ally|ism|ist|ists)?$"), r"or\1"),
    (re.compile(r"([^aeiou])re(s|d)?$"), r"\1er\2"),
    (re.compile(r"ence(s)?$"), r"ense\1"),
    (re.compile(r"ogue(s)?$"), r"og\1"),
    (re.compile(r"mme(s)?$"), r"m\1"),
    (re.compile(r"ll(ed|ing|er|ers)$"), r"l\1"),
)


def _american(word: str) -> Iterator[str]:
    """The American spellings a British `word` may have (a word of the American word list
    is no typo written the British way)."""
    for pattern, replacement in _BRITISH:
        american = pattern.sub(replacement, word, count=1)
        if american != word:
            yield american


def _word_form(word: str, other: str) -> bool:
    """Whether two words differ only in their last two letters, or where `word` has an
    accented letter (typed on purpose: `clúster`), or only in their accents."""
    shared = len(os.path.commonprefix([word, other]))
    if shared >= min(len(word), len(other)) - 2 or _unaccented(word) == _unaccented(other):
        return True
    return len(unicodedata.normalize("NFD", word[shared])) > 1


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _takes(stem: str, ending: str) -> bool:
    """Whether `ending` can follow `stem` in an inflection: `-d`/`-r` only after an `e`
    (`downscale-d`), `-s` not after an `s` (so `classs` stays a typo)."""
    if ending in ("d", "r"):
        return stem.endswith("e")
    if ending == "s":
        return not stem.endswith("s")
    return True


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{5,}(?![\w'’-])")
_FUNCTION_WORDS = frozenset(
    "about above across after against along among around before behind below beneath beside "
    "between beyond during inside outside since their there these those through throughout "
    "toward towards under until which while whose within without".split()
)


def _sentence_case(text: str) -> bool:
    """Whether a heading is written in sentence case ("Multi-cluster observability with
    Thanos"): a lower-case word of five letters or more that is no function word. Its
    capitalised words past the first are then names."""
    return any(match[0] not in _FUNCTION_WORDS for match in _LOWER_WORD.finditer(text))


def starts_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` begins a sentence of `text` (or `text` itself)."""
    while start > 0 and text[start - 1] in _OPENING:
        start -= 1
    return start == 0 or text[start - 1] in ".!?:"


_OPENING = frozenset(" \t\n\"'“‘(")  # what may stand between a sentence's end and its first word


def _same_case(suggestion: str, written: str) -> str:
    return suggestion[:1].upper() + suggestion[1:] if written[:1].isupper() else suggestion


def front_matter_text(front_matter: Mapping[str, Any], key: str) -> str | None:
    """A front matter string value by Hugo's case-insensitive key."""
    for name, value in front_matter.items():
        if isinstance(name, str) and name.lower() == key and isinstance(value, str):
            return value
    return None
