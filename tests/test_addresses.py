"""How Hugo writes and parses link addresses (each case checked with hugo 0.168)."""

from __future__ import annotations

import pytest

from validator.addresses import (
    EMBEDDED, FILTERING, GOLDMARK, Writer, build_error, goldmark_drops, parse_error, shown, template_refuses, written
)


@pytest.mark.parametrize(
    ("address", "error"),
    [
        ("a%zz", "invalid URL escape '%zz'"),
        ("#a%zz", "invalid URL escape '%zz'"),
        ('"https://a.org"', "first path segment in URL cannot contain colon"),
        ("1tel:x", "first path segment in URL cannot contain colon"),
        ("ht%74p://x", "first path segment in URL cannot contain colon"),
        (":foo", "missing protocol scheme"),
        ("http://x:abc/", "invalid port ':abc' after host"),
        ("http://[::1/", "missing ']' in host"),
        # these parse
        ("a%25zz", None), ("x?q=%zz", None), ("tel:%zz", None), ("C:\\dir\\f.txt", None), ("a/b:c", None),
        ("?x=a:b", None), ("http://[::1]:80/x", None), ("http://x.org:/", None), ("mailto:a@b", None),
    ],
)
def test_parse_error(address: str, error: str | None) -> None:
    assert parse_error(address) == error


@pytest.mark.parametrize(
    ("address", "writer", "result"),
    [
        ("javascript:x", GOLDMARK, ""),
        ("JavaScript:x", GOLDMARK, ""),
        ("data:image/svg+xml;x", GOLDMARK, ""),
        ("data:image/png;x", GOLDMARK, "data:image/png;x"),
        ("tel:1", GOLDMARK, "tel:1"),
        ("tel:1", FILTERING, "#ZgotmplZ"),
        ("data:image/png;x", EMBEDDED, "#ZgotmplZ"),
        ("HTTP://x.org", FILTERING, "HTTP://x.org"),
        ("mailto:a@b", EMBEDDED, "mailto:a@b"),
        ("a/b:c", FILTERING, "a/b:c"),
        ("#step:1", FILTERING, "#step:1"),  # a hook may have changed it: not predicted
    ],
)
def test_written(address: str, writer: str, result: str) -> None:
    assert written(address, Writer(writer), unsafe=False) == result


def test_unsafe_keeps_what_goldmark_would_drop() -> None:
    assert written("javascript:x", Writer(GOLDMARK), unsafe=True) == "javascript:x"
    assert goldmark_drops("file:x") and not goldmark_drops("files/x")
    assert template_refuses("#step:1", as_written=True) and not template_refuses("#step:1")


def test_build_errors_of_the_addresses_a_writer_parses() -> None:
    assert build_error('"https://a.org"', Writer(EMBEDDED, "all")) is not None
    assert build_error('"https://a.org"', Writer(FILTERING, "local")) is not None
    assert build_error("http://x:abc/", Writer(FILTERING, "local")) is None  # a remote link: not parsed
    assert build_error("http://x:abc/", Writer(EMBEDDED, "all")) is not None
    assert build_error('"https://a.org"', Writer(GOLDMARK)) is None


def test_a_long_address_is_shown_shortened_in_messages() -> None:
    """A `data:` image's base64 runs to kilobytes: a message shows its start and end."""
    assert shown("/a.png") == "'/a.png'"
    data = "data:image/png;base64," + "A" * 3000 + "END"
    quoted = shown(data)
    assert len(quoted) < 140 and quoted.startswith("'data:image/png;base64,AAA") and quoted.endswith("AAAEND'")
    assert "…(2,913 characters)…" in quoted  # 3,025 less the 100 at the start and the 12 at the end



def test_a_shortened_address_is_not_cut_inside_an_escape() -> None:
    """A path in Hindi is escapes throughout: the ellipsis falls between two of them."""
    quoted = shown("/hi/" + "%E0%A5%8B" * 30 + "/")
    head, _, rest = quoted.strip("'").partition("…(")
    tail = rest.partition(")…")[2]
    assert head.endswith(("%E0", "%A5", "%8B")) and tail.startswith("%")
