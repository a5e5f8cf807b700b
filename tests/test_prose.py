"""The prose helper: stretches of reader-visible text with file positions."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from validator.document import parse_document
from validator.prose import Stretch, is_technical, stretches


def _stretches(text: str) -> list[Stretch]:
    return list(stretches(parse_document("page.md", text.encode())))


def _located_words(text: str) -> list[tuple[str, int, int]]:
    return [
        (word.text, *stretch.position(word.start)) for stretch in _stretches(text) for word in stretch.words()
    ]


def _assert_words_in_place(text: str) -> None:
    """Each letter of each word is where the stretch says (a word may span formatting)."""
    lines = text.split("\n")
    for stretch in _stretches(text):
        for word in stretch.words():
            for index in range(word.start, word.end):
                line, column = stretch.position(index)
                assert lines[line - 1][column - 1] == stretch.text[index], (word, line, column)


def test_only_prose_is_kept() -> None:
    text = (
        "---\ntitle: front matter words\n---\n\n"
        "Plain *emphasis* `code span` [link **text**](https://x.org \"title words\") "
        "<b>bold</b> www.example.org <https://a.org> {{< figure src=\"x\" >}} end[^1]\n\n"
        "```\ncode block\n```\n\n<div>\nhtml block\n</div>\n\n[^1]: Note.\n"
    )
    found = [stretch.text for stretch in _stretches(text)]
    assert found == ["Plain emphasis ", " link text ", "bold", " end", "Note."]


def test_positions_through_containers_and_shortcodes() -> None:
    text = (
        "Intro {{< param x >}} after the shortcode.\n\n"
        "> - quoted item\n>   continued\n\n"
        "| head | cell |\n|---|---|\n| one | two |\n\n"
        "# A heading {#custom}\n\n"
        "Term\n: Definition text\n"
    )
    _assert_words_in_place(text)
    assert ("after", 1, 23) in _located_words(text)
    assert ("continued", 4, 5) in _located_words(text)
    assert ("two", 8, 9) in _located_words(text)


def test_a_stretch_continues_across_line_breaks_and_formatting() -> None:
    (stretch,) = _stretches("the\n**the** [next](u) word  \nhard break\n")
    assert stretch.text == "the\nthe next word\nhard break"
    assert stretch.position(4) == (2, 3)
    assert stretch.line == 1


def test_image_descriptions_are_their_own_stretch() -> None:
    found = [(s.kind, s.text) for s in _stretches("Before ![a *gopher* image](g.png \"t\") after\n")]
    assert found == [("text", "Before "), ("alt", "a gopher image"), ("text", " after")]


def test_link_destinations_are_skipped() -> None:
    text = (
        "A [link (with) parens](https://x.org/a_(b) 'the title') and [ref][label] then words.\n\n"
        "[label]: https://y.org\n"
    )
    _assert_words_in_place(text)
    words = [w for w, _, _ in _located_words(text)]
    assert words == ["A", "link", "with", "parens", "and", "ref", "then", "words"]


def test_code_span_contents_do_not_shift_later_text() -> None:
    text = "Run `a b` b and ``x ` y`` y again.\n"
    _assert_words_in_place(text)
    assert _located_words(text)[:2] == [("Run", 1, 1), ("b", 1, 11)]


@pytest.mark.parametrize(
    ("chunk", "technical"),
    [
        ("https://gohugo.io", True),
        ("content/posts", True),
        ("hugo.toml,", True),
        ("--minify", True),
        ("user@example.org", True),
        ("snake_case", True),
        ("key:value", True),
        ("(word),", False),
        ("“quoted”", False),
        ("well-known", False),
        ("Note:", False),
        ("end.", False),
        (":tada:", True),
        ("(:smile:),", True),
        ("Note:", False),
        ("a:", False),
    ],
)
def test_is_technical(chunk: str, technical: bool) -> None:
    assert is_technical(chunk) is technical


_PIECES = st.sampled_from(
    ["the", "word", " ", "\n", "*", "**", "`", "[", "]", "(u)", "<b>", "</b>", "> ", "- ", "# ",
     "{{< x >}}", "\\*", "&amp;", "|", "![", "https://a.org", "www.b.org", "[^1]", "\n\n", "    "]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_words_map_back_to_the_file(text: str) -> None:
    _assert_words_in_place("Start " + text)


_REPEAT_PIECES = [
    "the", "The", "the ", "y", "`code`", " the", "fo", "o", " ", "  \n", "\n", "*", "**", "_", "~~", "`", "[", "](/u)",
    "![", "<b>", "<https://the.org>", "https://the.org", "&nbsp;", "&amp;", "\\", "[^1]", "{{< x >}}",
    "{{% y %}}", "'", "’s", "don't", "| a | b |\n|---|---|\n", "# ", "> ", "- ",
    ". ", ",", "2", "Straße", "STRASSE", "e\u0301", "É", "é",
]


@settings(max_examples=400, deadline=None)
@given(text=st.lists(st.sampled_from(_REPEAT_PIECES), max_size=40).map("".join))
@example("the the`code`y")
@example("the the<b>y")
@example("the the{{< x >}}y")
@example("the the<https://x.org>")
@example("fo*o* foo")
@example("[the](/u) the")
@example("![the the](i.png)y")
def test_repeated_word_reads_closely_all_it_must(text: str) -> None:
    """repeated-word skips inline tokens whose `outline` has no alike neighbours: it must
    find exactly what reading every stretch finds."""
    from validator.checks.source import repeated_word
    from validator.spelling import dictionary

    doc = parse_document("page.md", text.encode())
    options = repeated_word.Options()
    allowed = {word.casefold() for word in options.allow}
    known = dictionary("en")
    everything = [f for stretch in stretches(doc) for f in repeated_word.repeats(doc, stretch, allowed, known)]
    assert list(repeated_word.check(doc, options)) == everything


def test_words_keep_their_combining_marks() -> None:
    """Vowel signs of Indic scripts and decomposed accents belong to the word: `\\w` alone
    would cut `নিন` into `ন` and `ন`, a repeated word."""
    from validator.document import words_in

    assert words_in("হিন্দি भाषा cafe\u0301 naïve don’t") == ["হিন্দি", "भाषा", "cafe\u0301", "naïve", "don’t"]
    doc = parse_document("page.md", "নিন নিনা, ধীরে আসুন\n".encode())
    from validator.checks.source import repeated_word

    assert list(repeated_word.check(doc, repeated_word.Options())) == []
