"""## What it does
Reports a word written twice in a row ("the the", "supports Supports"), also across a
line break or emphasis. Code, shortcodes, raw HTML, URLs and file paths are not read.
Repeats that grammar or usage allows ("had had", "that that", "knock knock", "many many
thanks") are listed in `allow`. These are no repeats either:

* a word before a compound it starts ("details on on-premises setups"), or after one it
  ends ("the basecache-pvc PVC");
* a capitalised name inside a sentence, then the same word in lower case ("an Azure App
  Configuration configuration store"); an acronym, then the same word in lower case
  ("FD fd": a type, then a name), or a word, then the same in capitals ("the or OR
  operator");
* a word twice after `map`: a map type written out ("map string string");
* a verb's particle, then the same word as a preposition ("users who logged in in 2020",
  "switched on on boot", "as a library as well as as a CLI"); "depends on on" is reported;
* a word in lower case (or starting a sentence), then the same capitalised where emphasis
  or a link starts: a label or a term cited ("then select **Select**", "Select **Select
  all**", "Please reference [Reference Config](…)");
  "the **the**", "The *the*" and "read the [The design](/design/)" are reported;
* a short, rare capitalised word twice, or a rare one twice alone on its line: a name ("by
  Lin Lin and Tammy", "Bora Bora", a post signed "Michael Michael"); a
  capitalised word twice inside a sentence, then another capitalised word: a name ("on
  Duck Duck Go");
* a word three times or more in a row ("ha ha ha"), or twice within quotes ("the “done
  done” state"): written so on purpose;
* a word, then the same letters with digits ("the h h2 heading", "a 2x x"): a name; a letter
  in two cases ("a A record"), or a capital twice but `I` and `A` ("press V V"): letters named;
* a word alone on its line, then the same word starting the next (a label: "**Parking**"
  above "Parking F is next door"), or ending a label emphasised or linked where its paragraph
  or list item starts, then the same word ("* **HTTPS** HTTPS can be enabled", "- **Configurable
  Postgresql** Postgresql can…", "- [SOFAMesh](…) SOFAMesh is");
* a word ending a line with a hard line break, then the same word starting the next: lines
  shown apart ("- Blazor wasm + MAUI␠␠" above "MAUI is what Blazor runs in").

Only pages in the `languages` listed are read, English by default: a page's language is
its Hugo language's `locale` (or `languageCode`), and English outside a Hugo site.

## Why is this bad?
It is almost always a typo left by an edit, and readers notice it.

## Example
```markdown
Hugo supports supports multiple content formats, and the
the Markdown renderer is configurable.
```

## Use instead
```markdown
Hugo supports multiple content formats, and the Markdown renderer is configurable.
It had had a long history. Create an App Configuration configuration store.
Combine terms with **AND** or **OR**, then select **Select**.
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from validator.document import COMBINING_MARK_RANGES, COMBINING_MARKS, Document
from validator.model import Finding, Rule, Severity
from validator.prose import Stretch, Word, stretches
from validator.spelling import base_language, dictionary, has_dictionary, spelling_language, starts_sentence


@dataclass(frozen=True)
class Options:
    allow: tuple[str, ...] = field(
        default=(
            "had", "that", "is", "do", "bye", "ha", "no", "knock", "blah", "yada", "sub",
            "names",  # "the book names names"
            "yay", "hey", "oh", "surprise",  # "yay yay!", "surprise surprise"
            # intensifiers written twice on purpose: "many many thanks", "a big big thank you"
            "very", "really", "many", "much", "so", "far", "long", "big",
        ),
        metadata={"doc": "Words that may be repeated (case-insensitive)."},
    )
    languages: tuple[str, ...] = field(
        default=("en",),
        metadata={
            "doc": "Languages whose pages are read (language codes; `en` covers `en-US`). "
            "Many languages repeat words on purpose: Bengali `ঘন ঘন`, Turkish `yavaş yavaş`, "
            "German `die die`, French `nous nous`."
        },
    )


def check(doc: Document, opts: Options) -> Iterator[Finding]:
    language = doc.spelling_language or spelling_language(doc.site, doc.language)
    if language not in {base_language(code) for code in opts.languages}:
        return
    closely = doc.of_content(_worth_reading)
    if not closely:
        return
    allowed = {word.casefold() for word in opts.allow}
    known = dictionary(language) if has_dictionary(language) else {}
    for stretch in stretches(doc, where=lambda token: id(token) in closely):
        yield from repeats(doc, stretch, allowed, known)


def _worth_reading(doc: Document) -> frozenset[int]:
    """The ids of the inline tokens where a word and the same word are parted by blanks
    alone, which are read closely: few are, and on most pages none (the page's prose tells
    at once)."""
    if not _alike_neighbours(doc.prose):
        return frozenset()
    return frozenset(id(token) for token, text in doc.outlines if _alike_neighbours(text))


def repeats(doc: Document, stretch: Stretch, allowed: set[str], known: Mapping[str, int]) -> Iterator[Finding]:
    words = list(stretch.words())
    twice = [
        index > 0 and _same_in_a_row(stretch.text, words[index - 1], word) for index, word in enumerate(words)
    ]
    for index, word in enumerate(words):
        if not twice[index] or (index + 1 < len(words) and twice[index + 1]) or (index > 1 and twice[index - 1]):
            continue  # three or more in a row ("ha ha ha", "biu biu biu") are written so on purpose
        previous = words[index - 1]
        if (
            word.text.casefold() not in allowed
            and not _name_then_noun(stretch.text, previous.text, word.text, previous.start)
            and not _keyword(previous.text, word.text)
            and not _cited(stretch, previous, word)
            and not _quoted(stretch.text, previous.start, word.end)
            and not _letter_named(previous.text, word.text)
            and not _doubled_name(previous.text, word.text, known)
            and not _name_line(stretch.text, previous, word, known)
            and not _named_three(stretch.text, previous, word, words[index + 1] if index + 1 < len(words) else None)
            and not _starts_compound(stretch.text, word.end)
            and not _glued_to_digits(stretch.text, previous.start, word.end)
            and not _ends_compound(stretch.text, previous.start)
            and not _label_line(stretch.text, previous.start, previous.end, word.start)
            and not stretch.breaks_hard_between(previous.end, word.start)  # a label above its text
            and not _bold_label(doc, stretch, previous, word)
            and not _map_type(stretch.text, words[index - 2] if index > 1 else None, previous)
            and not _particle_then_preposition(stretch.text, words[index - 2] if index > 1 else None, previous)
        ):
            line, column = stretch.position(word.start)
            yield Finding(line, column, f'"{previous.text} {word.text}": remove the repeated word')


def _map_type(text: str, before: Word | None, first: Word) -> bool:
    """Whether the two words follow `map`: a map type written out ("`config` is a map string
    string", velero's API tables for `map[string]string`)."""
    return before is not None and before.text.casefold() == "map" and text[before.end : first.start].isspace()


# Particles, each with the words before it that make it one (a phrasal verb, "as well as"):
# the same word next is a preposition. Verbs whose particle is a preposition of their object
# ("depends on", "written in") are not among them: "depends on on" is a repeat.
_PARTICLE_AFTER = {
    "in": frozenset("""
        log logs logged logging sign signs signed signing check checks checked checking fill fills filled filling
        lock locks locked locking pass passes passed passing type types typed typing plug plugs plugged plugging
        opt opts opted opting zoom zooms zoomed zooming swap swaps swapped swapping drop drops dropped dropping
        step steps stepped stepping read reads reading send sends sent sending feed feeds fed feeding come comes
        came coming build builds built building bring brings brought bringing put puts putting mix mixes mixed
        mixing phase phases phased phasing pipe pipes piped piping bake bakes baked baking factor factored
    """.split()),
    "on": frozenset("""
        turn turns turned turning switch switches switched switching carry carries carried carrying hold holds
        held holding move moves moved moving go goes went going come comes came coming log logs logged logging
        later
    """.split()),
    "as": frozenset({"well"}),
}


def _particle_then_preposition(text: str, before: Word | None, first: Word) -> bool:
    """Whether the first of the two words is a particle of the word before it ("logged in
    in 2020", "as well as as a CLI"): the second is a preposition."""
    verbs = _PARTICLE_AFTER.get(first.text.casefold())
    return (
        verbs is not None
        and before is not None
        and before.text.casefold() in verbs
        and text[before.end : first.start].isspace()
    )


def _same_in_a_row(text: str, first: Word, second: Word) -> bool:
    """Whether `second` is `first` again, case aside, with blanks alone between them."""
    return second.text.casefold() == first.text.casefold() and text[first.end : second.start].isspace()


def _name_then_noun(text: str, first: str, second: str, start: int) -> bool:
    """A capitalised word inside a sentence, or an acronym anywhere, then the same word in
    lower case: a name and the thing it names ("an App Configuration configuration store",
    "FD fd": a type and a field's name), no slip."""
    if not (first[:1].isupper() and second[:1].islower()):
        return False
    return (len(first) > 1 and first.isupper()) or not starts_sentence(text, start)


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether the two words are quoted together, alone: a phrase cited ("“done done”")."""
    return start > 0 and text[start - 1] in "\"'“‘«" and text[end : end + 1] in ("\"", "'", "”", "’", "»")


def _keyword(first: str, second: str) -> bool:
    """A word, then the same in capitals: a keyword or operator ("**AND** or OR", "the set
    SET command")."""
    return len(second) > 1 and second.isupper() and not first.isupper()


def _cited(stretch: Stretch, first: Word, second: Word) -> bool:
    """A word in lower case (or capitalised as a sentence starts), then the same capitalised
    where emphasis or a link starts or ends: a label or a term cited ("then select
    **Select**", "Select **Select a file**", "Please reference [Reference Config](…)")."""
    return (
        (first.text[:1].islower() or starts_sentence(stretch.text, first.start))
        and second.text[:1].isupper()
        and (
            stretch.marked_between(first.end, second.start)
            # (a link's text after a short word is no term cited: "read the [The design](…)")
            or (len(first.text) > _SHORT_WORD and stretch.linked_between(first.end, second.start))
        )
    )


_SHORT_WORD = 3  # "the", "a", "and": a word this short before a link's text of it is a slip


# A doubled name is short, and its word rare in the dictionary if there at all: "Lin Lin",
# "Bora Bora", "Duran Duran"; "The The" and "Install Install" are slips.
_DOUBLED_NAME_LENGTH = 5
_DOUBLED_NAME_FREQUENCY = 5000


def _doubled_name(first: str, second: str, known: Mapping[str, int]) -> bool:
    """Whether a capitalised word twice is a name ("by Lin Lin and Tammy")."""
    return (
        first[:1].isupper()
        and second[:1].isupper()
        and not second.isupper()
        and len(first) <= _DOUBLED_NAME_LENGTH
        and known.get(first.lower(), 0) < _DOUBLED_NAME_FREQUENCY
    )


def _name_line(text: str, first: Word, second: Word, known: Mapping[str, int]) -> bool:
    """Whether a capitalised word twice, rare in the dictionary, is its line alone: a name
    signing a post ("Michael Michael" above "Harbor Core Maintainer"); a heading "Install
    Install" is a slip."""
    return (
        known.get(first.text.lower(), 0) < _DOUBLED_NAME_FREQUENCY
        and first.text[:1].isupper()
        and second.text[:1].isupper()
        and not second.text.isupper()
        and _line_starts_before(text, first.start, " \t")
        and _line_ends_after(text, second.end, " \t\\")
    )


def _letter_named(first: str, second: str) -> bool:
    """Whether a single letter twice names things: in other cases ("a A record"), or a capital
    twice ("press V V", "the X X axes"), but for "I I" and "A A", which are slips."""
    return len(second) == 1 and (first != second or (second.isupper() and second not in "IA"))


def _named_three(text: str, first: Word, second: Word, third: Word | None) -> bool:
    """Whether a capitalised word twice, inside a sentence, is followed by another
    capitalised word, blanks alone between them: a name ("I advertise on Duck Duck Go");
    "Install Install Hugo" starting a heading is a slip."""
    return (
        third is not None
        and not starts_sentence(text, first.start)
        and first.text[:1].isupper()
        and second.text[:1].isupper()
        and not second.text.isupper()
        and third.text[:1].isupper()
        and text[second.end : third.start].isspace()
    )


def _bold_label(doc: Document, stretch: Stretch, first: Word, second: Word) -> bool:
    """Whether the first word ends a label emphasised or linked where its paragraph or list
    item starts (its line in the file, not merely its prose after a code span), and
    what follows starts with the same word ("* **HTTPS** HTTPS can be enabled in the
    config", "- **Configurable Postgresql** Postgresql can be…", "- [SOFAMesh](…) SOFAMesh
    is a service mesh"), or a bold line alone above it ("**Multi-language Support**" above
    "Support for…"); "The **the**" is a slip."""
    text = stretch.text
    if "\n" in text[: first.start]:
        return False  # a paragraph's later line: "using the" above "[Collector Builder tool](…) tool."
    line_end = text.find("\n", first.end, second.start)
    if line_end >= 0 and text[first.end : line_end].strip():
        return False  # a link ending a line the text's next one goes on from ("[… guide](…)" above "guide, however")
    # the label: the first emphasis (or link) of the stretch, opened before the word where its
    # line starts, closed between the two words; across the line break, a bold line alone
    for edges in (stretch.seams, stretch.link_edges):
        if len(edges) < 2 or (line_end >= 0 and edges is stretch.link_edges):
            continue
        opened, closed = edges[0], edges[1]
        if opened <= first.start and first.end <= closed <= second.start and _starts_its_line(doc, stretch, opened):
            return True
    return False


def _starts_its_line(doc: Document, stretch: Stretch, offset: int) -> bool:
    """Whether the text at `offset` is where its line of the file starts, but for a list
    item's or a quote's marks and the emphasis or link marks before it (a stretch starts
    after a code span too, mid-line)."""
    line, column = stretch.position(offset)
    prefix = doc.lines[line - 1][: column - 1] if 0 < line <= len(doc.lines) else ""
    return _LINE_START.fullmatch(prefix) is not None


_LINE_START = re.compile(r"[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?[*_\[ \t]*")


def _label_line(text: str, start: int, end: int, next_start: int) -> bool:
    """Whether the word at `start`..`end` is all its line holds, the next word (at
    `next_start`, past blanks) on the next line: a label such as `**Parking**` above
    "Parking F is next to the centre.", no slip. (Looked at only across a line break: a
    line's start is sought once for the line.)"""
    if "\n" not in text[end:next_start]:
        return False
    return not text[_line_start(text, start) : start].strip()


def _line_start(text: str, offset: int) -> int:
    """Where the line holding `offset` of `text` starts."""
    return text.rfind("\n", 0, offset) + 1


def _line_starts_before(text: str, offset: int, allowed: str) -> bool:
    """Whether only `allowed` characters stand between the start of `offset`'s line and it
    (read back from `offset`, no further than the first other: a line of thousands of
    repeats is not read again for each)."""
    index = offset - 1
    while index >= 0 and text[index] in allowed:
        index -= 1
    return index < 0 or text[index] == "\n"


def _line_ends_after(text: str, offset: int, allowed: str) -> bool:
    """Whether only `allowed` characters stand between `offset` and its line's end."""
    index = offset
    while index < len(text) and text[index] in allowed:
        index += 1
    return index == len(text) or text[index] == "\n"


def _starts_compound(text: str, end: int) -> bool:
    """Whether the word ending at `end` starts a hyphenated compound: "details on
    on-premises setups", "a sub sub-item", "the CVE CVE-2021-45046" are no slips."""
    return text[end : end + 1] in ("-", "‑") and text[end + 1 : end + 2].isalnum()


def _glued_to_digits(text: str, start: int, end: int) -> bool:
    """Whether digits start the first word (from `start`) or end the second (to `end`): "the
    h h2 heading", "a 2x x" name an element and a factor, no word written twice."""
    return text[end : end + 1].isdecimal() or (start >= 1 and text[start - 1].isdecimal())


def _ends_compound(text: str, start: int) -> bool:
    """Whether the word at `start` ends a hyphenated compound: "create the basecache-pvc PVC"
    names a thing and says what it is."""
    return start >= 2 and text[start - 1] in ("-", "‑") and text[start - 2].isalpha()


# A word, blanks, the same word, in a case-folded text whose combining marks are left out
# (those after no letter made blanks): a word (`WORD`) starts after no letter, nor a letter
# and an apostrophe, and ends before no letter. Each word is tried once, so the search is
# linear.
_ALIKE = re.compile(r"(?<![^\W\d_])(?<![^\W\d_]['’])((?>[^\W\d_]+(?:['’][^\W\d_]+)*))\s++\1(?![^\W\d_])")
_ASCII_ALIKE = re.compile(r"(?<![a-z])(?<![a-z]')((?>[a-z]+(?:'[a-z]+)*))\s++\1(?![a-z])")
_UNATTACHED_MARKS = re.compile(rf"(?<![^\W\d_{COMBINING_MARKS}])[{COMBINING_MARKS}]+")
_NO_MARKS = dict.fromkeys(code for first, last in COMBINING_MARK_RANGES for code in range(first, last + 1))


def _alike_neighbours(text: str) -> bool:
    """Whether a word of `text` is followed by the same word, case aside, with blanks alone
    between them. It may also say so of two words a lone combining mark parts, never
    wrongly that none is: what it finds is read closely."""
    folded = text.casefold()
    if folded.isascii():
        return _ASCII_ALIKE.search(folded) is not None
    folded = _UNATTACHED_MARKS.sub(" ", folded).translate(_NO_MARKS)
    return _ALIKE.search(folded) is not None


RULE = Rule(
    id="repeated-word",
    summary="Word repeated",
    stage="source",
    options=Options,
    check=check,
    doc=__doc__,
    default=Severity.WARNING,
    reads_contents=True,
)
