"""The shortcode lexer against Hugo's: tags, offsets, typed parameters, errors, pairing."""

from __future__ import annotations

import base64
import html
import subprocess
import time
from ast import literal_eval
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from conftest import check_text

from validator.shortcodes import (
    ShortcodeTag,
    Value,
    _Lexer,
    lex_shortcodes,
    pair_shortcodes,
    summary_dividers,
)

MIXED = "Cannot mix named and positional parameters"
NESTING = "inline shortcodes do not support nesting"
PERIOD = "period in shortcode name only allowed for inline identifiers"


def unrecognized(rune: str) -> str:
    return (
        f"unrecognized character in shortcode action: {rune}. "
        "Note: Parameters with non-alphanumeric args must be quoted"
    )


def sc(
    name: str,
    start: int,
    end: int,
    kind: str = "open",
    notation: str = "<",
    *,
    args: tuple[Value, ...] = (),
    named: tuple[tuple[str, Value], ...] = (),
    errors: tuple[str, ...] = (),
) -> ShortcodeTag:
    """An expected tag, `{{<` and open unless said otherwise."""
    return ShortcodeTag(name, notation, kind, start, end, args, named, errors)


LEX_CASES = [
    ("no shortcode", "text {{ .Title }} {{ x }} {< >} {{ <", []),
    ("spaces", "{{< highlight go >}}", [sc("highlight", 0, 20, args=("go",))]),
    ("no spaces", "{{<highlight go>}}", [sc("highlight", 0, 18, args=("go",))]),
    ("markdown notation", "a {{% note %}}", [sc("note", 2, 14, notation="%")]),
    ("offset after text", "ab\n{{< x >}}", [sc("x", 3, 12)]),
    ("third brace", "{{{< x >}}", [sc("x", 1, 10)]),
    ("namespaced", "{{< dir/name >}}", [sc("dir/name", 0, 16)]),
    ("closing", "{{< x >}}{{< /x >}}", [sc("x", 0, 9), sc("x", 9, 19, "close")]),
    ("closing, spaced", "{{< x >}}{{< / x >}}", [sc("x", 0, 9), sc("x", 9, 20, "close")]),
    ("self-closing", "{{< x 1 />}}", [sc("x", 0, 12, "self-closing", args=(1,))]),
    ("self-closing, spaced", "{{< x / >}}", [sc("x", 0, 11, "self-closing")]),
    ("a slash ends a name", "{{< x/>}}", [sc("x/", 0, 9)]),
    ("comment", "{{</* x a=1 */>}}", [sc("", 0, 17, "comment")]),
    ("markdown comment", "{{%/* x */%}}", [sc("", 0, 13, "comment", "%")]),
    ("comment with asterisks", '{{</* x "**/*.pdf" */>}}', [sc("", 0, 24, "comment")]),
    ("empty comment", "{{</**/>}}", [sc("", 0, 10, "comment")]),
    (
        "typed positional",
        '{{< args 1 2.5 true "quoted str" `raw "str"` bare-word >}}',
        [sc("args", 0, 58, args=(1, 2.5, True, "quoted str", 'raw "str"', "bare-word"))],
    ),
    (
        "typing like ValTyped",
        "{{< a 1e3 0.5 1. -7 -.5 007 -0 True tru_e 1.2.3 99999999999999999999"
        " 9223372036854775807 >}}",
        [
            sc("a", 0, 92, args=(
                "1e3", 0.5, "1.", -7, -0.5, 7, 0, "True", "tru_e", "1.2.3",
                "99999999999999999999", 9223372036854775807,
            )),
        ],
    ),
    ("quoted is a string", '{{< a "1" `true` >}}', [sc("a", 0, 20, args=("1", "true"))]),
    (
        "named",
        "{{< a x=1 y=\"two words\" z=`r` w=+7 v=a:b u='q' >}}",
        [
            sc("a", 0, 50, named=(
                ("x", 1), ("y", "two words"), ("z", "r"), ("w", 7), ("v", "a:b"), ("u", "'q'"),
            )),
        ],
    ),
    ("named, space after =", "{{< a x= 1 >}}", [sc("a", 0, 14, named=(("x", 1),))]),
    ("named, space before =", "{{< a x =1 >}}", [sc("a", 0, 14, named=(("x", 1),))]),
    ("last duplicate wins", "{{< a x=1 x=2 >}}", [sc("a", 0, 17, named=(("x", 2),))]),
    (
        "several lines",
        '{{<figure\n  src="a.png"\n  alt="b"\n>}}',
        [sc("figure", 0, 37, named=(("src", "a.png"), ("alt", "b")))],
    ),
    ("raw string over lines", "{{< a `x\ny` >}}", [sc("a", 0, 15, args=("x\ny",))]),
    ("escaped quotes", r'{{< a "say \"hi\"" >}}', [sc("a", 0, 22, args=('say "hi"',))]),
    (
        "escapes drop every backslash",
        r'{{< a x="C:\p \"q\"" >}}',
        [sc("a", 0, 24, named=(("x", 'C:p "q"'),))],
    ),
    ("backslash kept", r'{{< a x="C:\p" >}}', [sc("a", 0, 18, named=(("x", r"C:\p"),))]),
    ("escaped quoting", r'{{< a \"b c\" >}}', [sc("a", 0, 17, args=("b c",))]),
    ("escaped quoting, named", r'{{< a x=\"b c\" >}}', [sc("a", 0, 19, named=(("x", "b c"),))]),
    ("lone backslash skipped", r"{{< a \b >}}", [sc("a", 0, 12, args=("b",))]),
    (
        "unquoted named value takes the delimiter",
        "{{< a x=b>}} y=1 >}}",
        [sc("a", 0, 20, named=(("x", "b>}}"), ("y", 1)))],
    ),
    ("unicode", "{{< ünï 日本 >}}", [sc("ünï", 0, 14, args=("日本",))]),
    (
        "inline",
        "{{< t.inline >}}{{ now }}{{< /t.inline >}}",
        [sc("t.inline", 0, 16), sc("t.inline", 25, 42, "close")],
    ),
    ("inline re-run", "{{< t.inline />}}", [sc("t.inline", 0, 17, "self-closing")]),
    # Errors. A lost lexer ends the tag after its `{{<` and goes on from there.
    (
        "go template in a code block",
        "```\n{{< if .IsHome >}}\n```\n{{< ok >}}",
        [sc("if", 4, 7, errors=(unrecognized("U+002E '.'"),)), sc("ok", 27, 37)],
    ),
    (
        "positional needs quotes",
        "{{< a b:c >}}",
        [sc("a", 0, 3, args=("b",), errors=(unrecognized("U+003A ':'"),))],
    ),
    (
        "not a Go digit",
        "{{< a x² >}}",
        [sc("a", 0, 3, args=("x",), errors=(unrecognized("U+00B2 '²'"),))],
    ),
    ("mismatched delimiters", "{{< a %}}", [sc("a", 0, 3, errors=(unrecognized("U+0025 '%'"),))]),
    (
        "mismatched delimiters, markdown",
        "{{% a >}}",
        [sc("a", 0, 3, notation="%", errors=(unrecognized("U+003E '>'"),))],
    ),
    ("single quotes", "{{< a 'b' >}}", [sc("a", 0, 3, errors=(unrecognized("U+0027 '''"),))]),
    ("empty name", "{{< >}}", [sc("", 0, 7, errors=("shortcode has no name",))]),
    ("delimiter alone", "{{<", [sc("", 0, 3, errors=("unclosed shortcode action",))]),
    (
        "delimiters in a row",
        "{{<{{%",
        [
            sc("", 0, 3, errors=(unrecognized("U+007B '{'"),)),
            sc("", 3, 6, notation="%", errors=("unclosed shortcode action",)),
        ],
    ),
    (
        "unterminated quote, next line",
        '{{< a "b >}}\n{{< c >}}',
        [
            sc("a", 0, 3, errors=(
                "unterminated quoted string in shortcode parameter-argument: 'b >}}\n'",
            )),
            sc("c", 13, 22),
        ],
    ),
    (
        "unterminated quote, same line",
        '{{< a "b {{< c >}}',
        [
            sc("a", 0, 3, errors=(
                "unterminated quoted string in shortcode parameter-argument: 'b {{< c >}}'",
            )),
            sc("c", 9, 18),
        ],
    ),
    (
        "unterminated raw string",
        "{{< a `b >}} {{< c >}}",
        [
            sc("a", 0, 3, errors=(
                "unterminated raw string in shortcode parameter-argument: 'b >}} {{< c >}}'",
            )),
            sc("c", 13, 22),
        ],
    ),
    (
        "escaped backquote",
        r"{{< a \`b\` >}}",
        [sc("a", 0, 3, errors=("unrecognized escape character",))],
    ),
    (
        "named after positional",
        '{{< a "b" c="d" >}}',
        [
            sc("a", 0, 19, args=("b",), named=(("c", "d"),),
               errors=(f"got named parameter 'c'. {MIXED}",)),
        ],
    ),
    (
        "positional after named",
        "{{< a b=1 c >}}",
        [
            sc("a", 0, 15, args=("c",), named=(("b", 1),),
               errors=(f"got positional parameter 'c'. {MIXED}",)),
        ],
    ),
    (
        "quoted after named",
        '{{< a b=1 "c" >}}',
        [
            sc("a", 0, 17, args=("c",), named=(("b", 1),),
               errors=(f"got quoted positional parameter. {MIXED}",)),
        ],
    ),
    (
        "mixed, seen only by the parser",
        '{{< a "b" c =d >}}',
        [
            sc("a", 0, 18, args=("b",), named=(("c", "d"),), errors=(
                "failed to extract shortcode: invalid state: invalid param type "
                'map[string]interface {} for shortcode "a", expected a map',
            )),
        ],
    ),
    (
        "close before any open",
        "{{< /x >}}",
        [sc("x", 0, 10, "close", errors=("got closing shortcode, but none is open",))],
    ),
    (
        "close never opened",
        "{{< x >}}{{< /y >}}",
        [
            sc("x", 0, 9),
            sc("y", 9, 19, "close",
               errors=("closing tag for shortcode 'y' does not match start tag",)),
        ],
    ),
    (
        "close with a parameter",
        "{{< x >}}{{< /x y >}}",
        [sc("x", 0, 9), sc("x", 9, 12, "close", errors=("unclosed shortcode",))],
    ),
    ("period outside inline", "{{< a.b >}}", [sc("", 0, 3, errors=(PERIOD,))]),
    ("inline needs a space", "{{< t.inline>}}", [sc("", 0, 3, errors=(PERIOD,))]),
    (
        "nothing nests in an inline shortcode",
        "{{< t.inline >}}{{< x >}}{{</* c */>}}{{< /t.inline>}}{{< /t.inline >}}{{< y >}}",
        [
            sc("t.inline", 0, 16),
            sc("x", 16, 25, errors=(NESTING,)),
            sc("", 25, 38, "comment", errors=(NESTING,)),
            sc("", 38, 41, "close", errors=(NESTING, PERIOD)),
            sc("t.inline", 54, 71, "close"),
            sc("y", 71, 80),
        ],
    ),
    (
        "comment not closed",
        "{{</* x >}}",
        [sc("", 0, 3, "comment", errors=("comment must be closed",))],
    ),
    (
        "comment closed too early",
        "{{</*/>}} */>}}",
        [sc("", 0, 3, "comment", errors=("comment must be closed",))],
    ),
    (
        "comment closed by the other notation",
        "{{%/* x */>}}",
        [sc("", 0, 3, "comment", "%", errors=("comment must be closed",))],
    ),
    (
        "comment markers must touch the delimiter",
        "{{< /* x */ >}}",
        [
            sc("", 0, 3, "close", errors=(
                "got closing shortcode, but none is open", unrecognized("U+002A '*'"),
            )),
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [case[1:] for case in LEX_CASES], ids=[case[0] for case in LEX_CASES]
)
def test_lex(text: str, expected: list[ShortcodeTag]) -> None:
    assert lex_shortcodes(text) == expected


def test_comment_text() -> None:
    """Hugo prints a comment as its text without the `/*` `*/` markers."""
    text = "a {{</* x */>}} b"
    (comment,) = lex_shortcodes(text)
    start, end = comment.start, comment.end
    assert text[start : start + 3] + text[start + 5 : end - 5] + text[end - 3 : end] == "{{< x >}}"


def test_is_inline() -> None:
    assert lex_shortcodes("{{< t.inline />}}")[0].is_inline
    assert not lex_shortcodes("{{< inline />}}")[0].is_inline


def _pairs(text: str) -> tuple[list[tuple[str, str | None, int | None]], list[str]]:
    """Calls as (open tag, closing tag, parent) source texts; stray closing tags."""
    calls, stray = pair_shortcodes(lex_shortcodes(text))
    return (
        [
            (
                text[c.open.start : c.open.end],
                text[c.close.start : c.close.end] if c.close else None,
                c.parent,
            )
            for c in calls
        ],
        [text[s.start : s.end] for s in stray],
    )


PAIR_CASES = [
    (
        "nested",
        "{{< a >}}x{{< b >}}{{< c />}}{{< /b >}}{{< d >}}{{< /a >}}{{< e >}}",
        [
            ("{{< a >}}", "{{< /a >}}", None),
            ("{{< b >}}", "{{< /b >}}", 0),
            ("{{< c />}}", None, 1),
            ("{{< d >}}", None, 0),
            ("{{< e >}}", None, None),
        ],
        [],
    ),
    (
        "same name nested",
        "{{< a 1 >}}{{< a 2 >}}{{< /a >}}{{< /a >}}",
        [("{{< a 1 >}}", "{{< /a >}}", None), ("{{< a 2 >}}", "{{< /a >}}", 0)],
        [],
    ),
    (
        "a close over an unclosed tag, then a stray",
        "{{< a >}}{{< b >}}{{< /a >}}{{< /b >}}{{% /z %}}",
        [("{{< a >}}", "{{< /a >}}", None), ("{{< b >}}", None, 0)],
        ["{{< /b >}}", "{{% /z %}}"],
    ),
    (
        "notations mix; a nameless close closes the innermost",
        "{{< a >}}x{{% /a %}}{{% b %}}y{{< / >}}",
        [("{{< a >}}", "{{% /a %}}", None), ("{{% b %}}", "{{< / >}}", None)],
        [],
    ),
    ("unclosed; comments take no part", "{{< a >}}{{</* /a */>}}", [("{{< a >}}", None, None)], []),
    (
        "tags with errors take part",
        '{{< highlight go "x >}}\ncode\n{{< /highlight >}}',
        [("{{<", "{{< /highlight >}}", None)],
        [],
    ),
]


@pytest.mark.parametrize(
    ("text", "calls", "stray"),
    [case[1:] for case in PAIR_CASES],
    ids=[case[0] for case in PAIR_CASES],
)
def test_pair(text: str, calls: list[tuple[str, str | None, int | None]], stray: list[str]) -> None:
    assert _pairs(text) == (calls, stray)


def test_inner_offsets() -> None:
    text = "{{< a >}}inner{{< /a >}}{{< b >}}"
    calls, _ = pair_shortcodes(lex_shortcodes(text))
    assert (calls[0].inner_start, calls[0].inner_end) == (9, 14)
    assert (calls[1].inner_start, calls[1].inner_end) == (None, None)


def test_pair_deep_stack_is_linear() -> None:
    text = "{{< a >}}" * 20_000 + "{{< /b >}}" * 20_000
    started = time.perf_counter()
    calls, stray = pair_shortcodes(lex_shortcodes(text))
    # Hugo's lexer rejects the first `/b`, then counts `b` as opened: the others close the
    # innermost `a` calls
    assert len(calls) == 20_000 and len(stray) == 1
    assert sum(call.close is not None for call in calls) == 19_999
    assert time.perf_counter() - started < 20


def test_summary_dividers() -> None:
    text = "a <!--more--> b\n```\n<!--more-->\n```\n<!-- more --><!--more-->"
    assert summary_dividers(text) == [2, 20, 49]
    assert summary_dividers("none") == []


def test_text_without_braces() -> None:
    started = time.perf_counter()
    assert lex_shortcodes("word { } < > % " * 1_000_000) == []
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize(
    "unit",
    ["{{<", '{{< x "', "{{< x a=", "{{< x `", "{{</*", "{{< x a={{<\n", "{{< x\n", "{{< x >}}"],
)
def test_linear(unit: str) -> None:
    """A broken tag costs the same however far its error is: four times the text takes
    about four times as long (a quadratic lexer would take 16x; short times are floored, and
    the bound, 10x, leaves room for a busy machine)."""

    def seconds(repeat: int) -> float:  # the best of three runs: load elsewhere adds noise
        text, best = unit * repeat, float("inf")
        for _ in range(3):
            started = time.perf_counter()
            tags = lex_shortcodes(text)
            best = min(best, time.perf_counter() - started)
        assert len(tags) >= repeat
        return best

    small = max(seconds(10_000), 0.1)
    assert seconds(40_000) < 10 * small


PIECES = [
    *"{}<>%/*\"'`=\\ \n\t.-_:abxé",
    *["{{<", "{{%", ">}}", "%}}", "/*", "*/", " x ", "a=", "t.inline "],
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=80).map("".join))
def test_random_text(text: str) -> None:
    tags = lex_shortcodes(text)
    previous_end = 0
    for tag in tags:
        assert previous_end <= tag.start < tag.end <= len(text)
        assert text.startswith("{{" + tag.notation, tag.start)
        previous_end = tag.end
    calls, stray = pair_shortcodes(tags)
    paired = sum(call.close is not None for call in calls)
    assert len(calls) + paired + len(stray) == sum(tag.kind != "comment" for tag in tags)
    for index, call in enumerate(calls):
        assert call.parent is None or (call.parent < index and calls[call.parent].close is not None)


TAG_PIECES = [
    " ", "\n", "x", "ab", "a-b", "1", "-2", "2.5", "true", '"q r"', '""', r'"a\"b"', "`r s`", "=",
    "a=", "a=1", 'a="v"', "/", "\\", "é", ".", ":", "a/b", "x/", "{{", "'",
]
TAGS = st.builds(
    "".join,
    st.tuples(
        st.sampled_from(["{{<", "{{%"]),
        st.lists(st.sampled_from(TAG_PIECES), max_size=8).map("".join),
        st.sampled_from([">}}", "%}}", " >}}", " %}}", "/>}}", " />}}"]),
    ),
)


@settings(max_examples=300, deadline=None)
@given(TAGS)
def test_simple_form_agrees_with_full_lexer(text: str) -> None:
    """The one-regex path for common tags gives what the full lexer gives."""
    simple, full = _Lexer(text), _Lexer(text)
    for lexer in (simple, full):
        lexer.seen.update(["x", "ab"])
    tag = simple.simple_tag(0)
    if tag is not None:
        assert tag == full.full_tag(0)
        assert simple.seen == full.seen


# --- against the real hugo -------------------------------------------------------------------

# Prints each call's parameters with their Go types, base64-encoded so that neither Markdown
# (for `{{% %}}`) nor HTML escaping touches them.
ARGS_TEMPLATE = (
    '{{- $s := "" -}}'
    '{{- if .IsNamedParams -}}{{- $s = "N" -}}'
    "{{- range $k, $v := .Params -}}"
    '{{- $s = printf "%s\\x1f%#v\\x1e%T\\x1e%#v" $s $k $v $v -}}'
    "{{- end -}}"
    '{{- else -}}{{- $s = "P" -}}'
    '{{- range .Params -}}{{- $s = printf "%s\\x1f%T\\x1e%#v" $s . . -}}{{- end -}}'
    "{{- end -}}"
    "@@{{ $s | base64Encode }}@@"
)

SPELLINGS = [
    '{{< args 1 2.5 true "quoted str" `raw "str"` bare-word >}}',
    "{{< args 1e3 0.5 1. -7 -.5 007 -0 True tru_e 1.2.3 99999999999999999999 >}}",
    "{{< args a=1 b=-2.50 c=true d=\"true\" e=`x\ny` f=a:b g=+7 h='q' >}}",
    r'{{< args a="C:\p \"q\"" b="C:\p" >}}',
    r'{{< args "say \"hi\"" >}}',
    r"{{< args \"b c\" >}}",
    r"{{< args x=\"b c\" >}}",
    "{{< args x= 1 >}}",
    "{{< args y =2 >}}",
    '{{<args\n  src="a.png"\n  alt="b"\n>}}',
    "{{< args x=b>}} y=1 >}}",
    "{{% args md 3 %}}",
    "{{< args ünï 日本 >}}",
    '{{< args "1" `2` "" >}}',
    "{{< args >}}",
]


def _go_value(go_type: str, value: str) -> Value:
    if go_type == "int":
        return int(value)
    if go_type == "float64":
        return float(value)
    if go_type == "bool":
        return value == "true"
    assert go_type == "string"
    return str(literal_eval(value))


def _hugo_params(encoded: str) -> tuple[tuple[Value, ...], dict[str, Value]]:
    kind, *items = base64.b64decode(html.unescape(encoded)).decode().split("\x1f")
    if kind == "N":
        named = {}
        for item in items:
            key, go_type, value = item.split("\x1e")
            named[literal_eval(key)] = _go_value(go_type, value)
        return (), named
    return tuple(_go_value(*item.split("\x1e")) for item in items), {}


def _typed(values: tuple[Value, ...]) -> list[tuple[type, Value]]:
    return [(type(value), value) for value in values]


@pytest.mark.hugo
def test_params_match_hugo(hugo: str, tmp_path: Path) -> None:
    (tmp_path / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\n'
        'disableKinds = ["taxonomy", "term", "rss", "sitemap", "home", "section", "404"]\n'
    )
    (tmp_path / "layouts" / "_shortcodes").mkdir(parents=True)
    (tmp_path / "layouts" / "_shortcodes" / "args.html").write_text(ARGS_TEMPLATE)
    (tmp_path / "layouts" / "page.html").write_text("{{ .Content }}")
    (tmp_path / "content").mkdir()
    body = "\n\n".join(SPELLINGS) + "\n"
    (tmp_path / "content" / "p.md").write_text("---\ntitle: p\n---\n" + body)
    result = subprocess.run(
        [hugo, "-s", str(tmp_path), "--logLevel", "error"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    output = (tmp_path / "public" / "p" / "index.html").read_text()
    from_hugo = [_hugo_params(encoded) for encoded in output.split("@@")[1::2]]

    tags = lex_shortcodes(body)
    assert [tag.errors for tag in tags] == [()] * len(SPELLINGS)
    ours = [(tag.positional, dict(tag.named)) for tag in tags]
    assert len(ours) == len(from_hugo) == len(SPELLINGS)
    for (positional, named), (hugo_positional, hugo_named) in zip(ours, from_hugo):
        assert _typed(positional) == _typed(hugo_positional)
        assert {k: (type(v), v) for k, v in named.items()} == {
            k: (type(v), v) for k, v in hugo_named.items()
        }


def test_a_line_of_malformed_tags_is_one_finding(tmp_path: Path) -> None:
    """A thousand `{{<` on one line are one slip, as Hugo reports one error: one finding
    for the line, which counts the others; one for each other line."""
    problems = check_text(tmp_path, "x\n\n" + "{{< {" * 1000 + "\n\n{{< {\n", ["shortcode-unclosed"])
    assert [(p.line, p.column) for p in problems] == [(3, 1), (5, 1)]
    assert problems[0].message.endswith("(and 999 more malformed tags on this line)")
