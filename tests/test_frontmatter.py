"""Front matter: key positions, values as Hugo's YAML 1.2 reads them, and Hugo's date layouts
(checked against the real binary)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import tomllib
from pathlib import Path

import pytest

from conftest import check_text
from validator.checks.source import front_matter_required as rule
from validator.document import parse_document
from validator.frontmatter import DateError, hugo_date, parse_go_time, split_front_matter

# Verified with hugo v0.168.0 as TOML string values of `date`.
ACCEPTED = [
    "2023-10-15",
    "2023-10-15T13:18:50Z",
    "2023-10-15T13:18:50.123+02:00",
    "2023-10-15T13:18:50",
    "2023-10-15T13:18:50,5Z",
    "2023-10-15T13:18:50+0200",
    "2023-10-15T13:18:50+24:00",
    "Mon, 02 Jan 2006 15:04:05 -0700",
    "mon, 02 jan 2006 15:04:05 -0700",
    "Tue, 02 Jan 2006 15:04:05 -0700",
    "Mon, 02 Jan 2006 15:04:05 CEST",
    "Mon, 02 Jan 2006 15:04:05 ChST",
    "02 Jan 06 15:04 MST",
    "Monday, 02-Jan-06 15:04:05 MST",
    "2006-01-02 15:04:05.999999999 -0700 MST",
    "2006-01-02 15:04:05 -0700 +03",
    "2006-01-02 15:04:05Z",
    "2006-01-02 15:04:05+07:00",
    "2006-01-02 15:04:05.123",
    "2023-10-15   13:18:50Z",
    "Mon Jan 2 15:04:05 2006",
    "Mon Jan  2 15:04:05 UTC 2006",
    "Mon Jan 02 15:04:05 -0700 2006",
    "02 Jan 2006",
    "0000-01-01",
    "2024-02-29",
    "3:04PM",
    "12:04PM",
    "Jan  2 15:04:05.12",
    "",
]
REJECTED = [
    "2023-13-45",
    "yesterday",
    "2023/10/15",
    "2023-10-15 13:18",
    "Oct 15, 2023",
    "  2023-10-15",
    "2023-10-15 ",
    "2023-1-5",
    "2023-02-29",
    "2023-10-15t13:18:50z",
    "2023-10-15T13:18Z",
    "2023-10-15T13:18:50 +02:00",
    "2023-10-15T13:18:50.Z",
    "2023-10-15T24:00:00Z",
    "2023-10-15T13:18:60Z",
    "2023-10-15T13:18:50+25:00",
    "2023-10-15 13:18:50 UTC",
    "2023-10-15 13:18:50 -0700 pdt",
    "Mon, 2 Jan 2006 15:04:05 -0700",
    "Mon, 02 Jan 2006 15:04:05 ABCDE",
    "Mon, 02 Jan 2006 15:04:05 +01:00",
    "2 Jan 2006",
    "02-Jan-2006",
    "10000-01-01",
    "1697376000",
    "3:04am",
    "13:04PM",
]


@pytest.mark.parametrize("value", ACCEPTED)
def test_accepted_dates(value: str) -> None:
    hugo_date(value, "toml")


@pytest.mark.parametrize("value", REJECTED)
def test_rejected_dates(value: str) -> None:
    with pytest.raises(DateError):
        hugo_date(value, "toml")


def test_date_values() -> None:
    assert hugo_date("2023-10-15T13:18:50.5+02:00", "toml") == dt.datetime(
        2023, 10, 15, 13, 18, 50, 500000, dt.timezone(dt.timedelta(hours=2))
    )
    assert hugo_date(1697376000, "yaml") == dt.datetime(2023, 10, 15, 13, 20, tzinfo=dt.UTC)
    assert hugo_date(dt.date(2024, 5, 4), "toml") == dt.datetime(2024, 5, 4, tzinfo=dt.UTC)
    assert hugo_date(None, "yaml") is None
    assert parse_go_time("3:04PM", "12:30AM") == dt.datetime(1, 1, 1, 0, 30, tzinfo=dt.UTC)


@pytest.mark.parametrize("value", [True, 1.5, [], {}, dt.time(10, 30)])
def test_rejected_date_types(value: object) -> None:
    with pytest.raises(DateError):
        hugo_date(value, "toml")


def test_json_numbers_are_not_dates() -> None:
    with pytest.raises(DateError):
        hugo_date(1697376000, "json")


def test_toml_key_positions() -> None:
    text = (
        '+++\ntitle = "x"\n"Quoted Key" = 1\nmulti = """\nfake = 1\n"""\n'
        'list = [\n  "a",\n]\n  later.sub = 2\n[params]\ninner = 1\n[[cascade]]\n+++\nbody\n'
    )
    front_matter, _ = split_front_matter(text)
    assert dict(front_matter.key_positions) == {
        "title": (2, 1), "quoted key": (3, 1), "multi": (4, 1), "list": (7, 1),
        "later": (10, 3), "params": (11, 1), "cascade": (13, 1),
    }
    assert front_matter.line_of("Title") == 2
    assert front_matter.position("missing") == (1, 1)


def test_yaml_key_positions_and_plain_scalars() -> None:
    text = '---\ntitle: x\nDraft: yes\ndate: 2023-1-5\nquoted: "yes"\nok: true\nlist:\n  - a\n---\n'
    front_matter, _ = split_front_matter(text)
    assert front_matter.line_of("draft") == 3
    assert front_matter.position("list") == (7, 1)
    assert front_matter.get("draft") == "yes"  # YAML 1.2, as Hugo reads it: not a boolean
    assert front_matter.hugo_value("draft") == "yes"
    assert front_matter.hugo_value("date") == "2023-1-5"
    assert front_matter.hugo_value("quoted") == "yes"
    assert front_matter.hugo_value("ok") is True


def test_json_key_positions() -> None:
    text = '  {\n  "title": "x", "nested": {"inner": 1},\n "w": 1}\nbody\n'
    front_matter, _ = split_front_matter(text)
    assert dict(front_matter.key_positions) == {"title": (2, 3), "nested": (2, 17), "w": (3, 2)}


def test_no_positions_on_error() -> None:
    front_matter, _ = split_front_matter("+++\ntitle = \n+++\n")
    assert front_matter.error is not None
    assert front_matter.key_positions == {}


@pytest.mark.hugo
def test_date_layouts_match_hugo(hugo: str, tmp_path: Path) -> None:
    """One page per value; Hugo names each page whose date it cannot parse."""
    values = ACCEPTED + REJECTED + ["2023-10-15T3:18:50Z", "Jan 2 15:04:05", "2006-01-02 15:04:05 -07:00"]
    (tmp_path / "hugo.toml").write_text('disableKinds = ["rss", "sitemap", "taxonomy", "term"]\n')
    content = tmp_path / "content"
    content.mkdir()
    for index, value in enumerate(values):
        (content / f"p{index}.md").write_text(f"+++\ntitle = 'x'\ndate = {json.dumps(value)}\n+++\n")
    result = subprocess.run(
        [hugo, "-s", str(tmp_path), "-d", str(tmp_path / "public"), "--buildFuture", "--buildExpired"],
        capture_output=True, text=True, timeout=120,
    )
    rejected_by_hugo = {v for i, v in enumerate(values) if f"p{i}.md" in result.stderr}
    ours = set()
    for value in values:
        try:
            hugo_date(tomllib.loads(f"v = {json.dumps(value)}")["v"], "toml")
        except DateError:
            ours.add(value)
    assert ours == rejected_by_hugo


def test_yaml_scalars_are_typed_as_hugo_types_them() -> None:
    """Plain scalars as Hugo 0.168's YAML library types them (checked by printing `%T` of
    each in a page template)."""
    text = (
        "---\nyes: yes\nno: no\non: on\noff: off\ny: y\nt: True\nf: FALSE\nmixed: tRUE\n"
        "octal: 017\noctal_o: 0o17\nnot_octal: 08\nhex: 0x1F\nbinary: 0b101\nunderscores: 1_000\n"
        "base60: 1:20\nbase60_float: 190:20:30.15\nexponent_only: 1e3\nfloat: 6.8523015e+5\n"
        "inf: .inf\ntilde: ~\n---\n"
    )
    front_matter, _ = split_front_matter(text)
    assert front_matter.data == {
        "yes": "yes", "no": "no", "on": "on", "off": "off", "y": "y", "t": True, "f": False, "mixed": "tRUE",
        "octal": 15, "octal_o": 15, "not_octal": "08", "hex": 31, "binary": 5, "underscores": 1000,
        "base60": "1:20", "base60_float": "190:20:30.15", "exponent_only": "1e3", "float": 685230.15,
        "inf": float("inf"), "tilde": None,
    }  # fmt: skip


def test_org_keywords_are_front_matter() -> None:
    """Hugo 0.168 reads the `#+KEY: VALUE` lines a content file starts with (a Markdown one
    too) as front matter, up to the first line that does not start with `#+`."""
    text = (
        "\n#+TITLE: Org Post\n#+slug: orgy\n#+aliases: /old/a /old/b\n#+tags[]: x y\n#+author: A\n#+author: B\n"
        "#+draft: false\n\n#+not: front matter\nBody\n"
    )
    front_matter, body = split_front_matter(text)
    assert front_matter.format == "org" and front_matter.error is None
    assert front_matter.data == {
        "title": "Org Post", "slug": "orgy", "aliases": ["/old/a", "/old/b"], "tags": ["x", "y"],
        "author": ["A", "B"], "draft": "false",
    }  # fmt: skip
    assert (front_matter.line, front_matter.end_line, front_matter.position("slug")) == (2, 8, (3, 3))
    assert split_front_matter("#+filetags: :c:d:\n")[0].data == {"tags": ["c", "d"]}
    assert text[body:] == "\n#+not: front matter\nBody\n"


def test_yaml_tags_no_constructor_knows_are_dropped() -> None:
    """Hugo 0.168's YAML library drops a tag it does not know (checked by printing the
    page's params): the value is read untagged, a scalar as a string; not a syntax error."""
    text = (
        "---\ntitle: !foo Bar\nn: !foo 12\nb: !foo true\nm: !foo {a: 1}\n"
        "run: !!python/object/apply:os.system [a]\nuri: !<tag:example.com,2000:app/foo> bar\n---\n"
    )
    front_matter, _ = split_front_matter(text)
    assert front_matter.error is None
    assert front_matter.data == {
        "title": "Bar", "n": "12", "b": "true", "m": {"a": 1}, "run": ["a"], "uri": "bar"
    }  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: x\na: " + "[" * 100_000 + "]" * 100_000 + "\n---\n",  # libyaml's parser recursed into a crash
        "+++\ntitle = 'x'\na = " + "[" * 100_000 + "]" * 100_000 + "\n+++\n",
        '{"title": "x", "a": ' + "[" * 100_000 + "]" * 100_000 + "}\n",
    ],
    ids=["yaml", "toml", "json"],
)
def test_front_matter_nested_past_reason_is_an_error_not_a_crash(text: str) -> None:
    """Told as mdcheck's limit, not as invalid front matter: Hugo reads some such."""
    front_matter, _ = split_front_matter(text)
    assert front_matter.error is not None and "(Hugo may read it)" in front_matter.error.message


@pytest.mark.parametrize(
    ("text", "rest", "body"),
    [
        ("---\ntitle: A\n---\nBody\n", "", "Body\n"),
        ("---\ntitle: A\n---  \nBody\n", "", "Body\n"),
        # Hugo closes at the first line starting with the delimiter (checked with hugo 0.168):
        # the rest of the line is the body's first Markdown (an <hr>, an empty list item)
        ("---\ntitle: A\n----------\n\nBody\n", "-------", "-------\n\nBody\n"),
        ("---\ntitle: A\n----\nBody\n", "-", "-\nBody\n"),
        ('+++\ntitle = "A"\n++++++\nBody\n', "+++", "+++\nBody\n"),
    ],
)
def test_front_matter_closes_at_a_line_starting_with_the_delimiter(text: str, rest: str, body: str) -> None:
    front_matter, body_start = split_front_matter(text)
    assert (front_matter.data, front_matter.error) == ({"title": "A"}, None)
    assert (front_matter.closing_rest, text[body_start:]) == (rest, body)


def test_a_page_headed_by_an_h1_without_front_matter_is_told_its_title() -> None:
    """Hugo gives a page written for GitHub (`# Access Logging`, no front matter) no title:
    the finding says which front matter would give it one."""
    doc = parse_document("a.md", b"# Access Logging\n\nText.\n")
    (finding,) = rule.check(doc, rule.Options())
    assert finding.message.endswith("add `title: 'Access Logging'`)")
    (plain,) = rule.check(parse_document("b.md", b"Text.\n"), rule.Options())
    assert plain.message == "no front matter; required: 'title'"


# How pages start: Hugo's lexer takes a first `-` or `+` (past blanks) for a front matter
# delimiter, and the rest of the opening line for the front matter's first line.
PAGE_STARTS = [
    '---\ntitle: "T"\n---\nBody.\n',
    '------\ntitle: "T"\n---\nBody.\n',
    '---title: "T"\n---\nBody.\n',
    '--- title: "T"\n---\nBody.\n',
    '+++title = "T"\n+++\nBody.\n',
    '\n\n  ---\ntitle: "T"\n---\nBody.\n',
    '----\ntitle: "T"\n---\nBody.\n',
    "- item\n- two\n",
    "  - item\n",
    "\t- item\n",
    "+ item\n",
    "-\n",
    "--\ntitle: x\n",
    "---yaml\ntitle: T\n---\nBody.\n",
    "* item\n",
    "# Heading\n",
    '+++\ntitle = "T"\nday = 07\n+++\nBody.\n',  # a leading zero: Hugo stops the build
    '+++\ntitle = "T"\nday = 2024-01-07\n+++\nBody.\n',
    # a tab in a double-quoted value: goccy/go-yaml fails when more YAML follows it at once
    *(
        f"---\n{yaml}\n---\nbody\n"
        for yaml in (
            'title: x\nval: "a\tb"\nz: 1', 'title: x\nval: "a\tb"', "title: x\nval: 'a\tb'\nz: 1",
            'title: x\nval: "a \t"\nz: 1', 'title: x\nval: "a\t "\nz: 1', 'title: "a\tb"\nz: 1',
            'title: x\nval: "a\tb" \nz: 1', 'title: x\nval: "a\tb" # c\nz: 1', 'title: x\nval: "a\tb"\n\nz: 1',
            'title: x\nval: "a\tb"\n# c\nz: 1', 'title: x\nval: ["a\tb"]\nz: 1', 'title: x\nval: {k: "a\tb"}\nz: 1',
            'title: x\nl:\n- "a\tb"\n- c', 'title: x\nval: "a\tb\n  c"\nz: 1', 'title: x\nval: |\n  "a\tb"\nz: 1',
            'title: x\nval: "a\\tb"\nz: 1',
        )
    ),
]


@pytest.mark.hugo
def test_page_starts_read_as_hugo_reads_them(hugo: str, tmp_path: Path) -> None:
    """A page's start is front matter, a build-stopping error or Markdown as hugo 0.168
    reads it: one site a page, the title Hugo prints compared with the one mdcheck reads."""
    for index, text in enumerate(PAGE_STARTS):
        site = tmp_path / str(index)
        (site / "content").mkdir(parents=True)
        (site / "layouts" / "_default").mkdir(parents=True)
        (site / "hugo.toml").write_text('disableKinds = ["rss", "sitemap", "taxonomy", "term", "home", "section"]\n')
        (site / "layouts" / "_default" / "single.html").write_text("[{{ .Title }}]")
        (site / "content" / "p.md").write_text(text)
        result = subprocess.run(
            [hugo, "-s", str(site), "-d", str(site / "public"), "--quiet"], capture_output=True, text=True, timeout=120
        )
        front_matter, _ = split_front_matter(text)
        built = site / "public" / "p" / "index.html"
        assert (front_matter.error is None) == (result.returncode == 0), (text, result.stderr)
        if result.returncode == 0:
            assert built.read_text() == f"[{front_matter.get('title') or ''}]", text


# Fields that must hold a mapping (`cascade` also a list, `params` also a JSON object's text)
MAP_FIELDS = [
    "params: abc", "params: [a]", "params: 5", "params: '{\"a\": 1}'", "params: {a: 1}", "params:",
    "cascade: abc", "cascade: true", "cascade: [{a: 1}]", "cascade: {}", "build: true", "build: [a]",
    "build: '{\"a\": 1}'", "build: {render: always}",
]


@pytest.mark.hugo
def test_fields_that_must_be_mappings_as_hugo_reads_them(hugo: str, tmp_path: Path) -> None:
    """front-matter-type reports each such field exactly where hugo 0.168 stops the build."""
    for index, field in enumerate(MAP_FIELDS):
        site = tmp_path / str(index)
        (site / "content").mkdir(parents=True)
        (site / "hugo.toml").write_text('disableKinds = ["rss", "sitemap", "taxonomy", "term"]\n')
        text = f"---\ntitle: t\n{field}\n---\nbody\n"
        (site / "content" / "p.md").write_text(text)
        result = subprocess.run(
            [hugo, "-s", str(site), "-d", str(site / "public"), "--quiet"], capture_output=True, text=True, timeout=120
        )
        found = [p.rule for p in check_text(site, text, ["front-matter-type"])]
        assert (found == ["front-matter-type"]) == (result.returncode != 0), (field, result.stderr)



def test_a_tab_in_a_quoted_value_is_placed_at_the_tab() -> None:
    """The finding points at the tab, on the value's second line too (flink's front matter)."""
    text = '---\ntitle: T\nlist:\n  - val: "<strong>x</strong>\n         <small>abc\t</small>"\n    html: true\n---\n'
    error = split_front_matter(text)[0].error
    assert error is not None and (error.line, error.column) == (5, 20)
    error = split_front_matter('---\ntitle: x\nval: "a\tb"\nz: 1\n---\n')[0].error
    assert error is not None and (error.line, error.column) == (3, 8)


def test_an_integer_with_a_leading_zero_is_told_as_hugo_tells_it() -> None:
    error = split_front_matter('+++\ntitle = "D"\ndateday = 07\n+++\n')[0].error
    assert error is not None and (error.line, error.column) == (3, 11)
    assert error.message.startswith("invalid TOML: integers cannot have leading zeroes (07): write 7")
