"""validator.spelling: the tokeniser, the page vocabulary and the typo decisions."""

from __future__ import annotations

import marshal
import os
from collections import Counter
from pathlib import Path

import pytest
from spellchecker import SpellChecker

from validator.document import parse_document
from validator.settings import Language, SiteConfig
from validator.site import load_site

from conftest import check_site
from validator.spelling import (
    CODE,
    COPIED,
    FILED,
    Lexicon,
    Speller,
    _knowledge,
    base_language,
    dictionary,
    has_dictionary,
    page_words,
    parse_word_list,
    spelling_language,
    technical_words,
    words,
)


def _words(text: str) -> list[str]:
    return [word.text for word in words(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Scaled dot-prodcut self-attention", ["Scaled", "prodcut", "self", "attention"]),
        ("Add-ons, plug-ins and pre-built images", ["plug", "and", "built", "images"]),  # short parts
        ("Hugo's and Hugo’s pages", ["Hugo", "and", "Hugo", "pages"]),
        ("The (quoted) “word”, here.", ["The", "quoted", "word", "here"]),
        ("see https://example.org/x and www.example.org", ["see", "and"]),
        ("content/posts/a.md or hugo.toml or .Page.Title", []),
        ("snake_case camelCase GitHub iPhone HTML CTRL", []),
        ("H2 v0.144 3D 42 --minify", []),
        ("Using {{< param name >}} and {{% sc %}}", ["Using", "and"]),
        ("TTemplates", ["TTemplates"]),
        ("JUnit and NUnit tests", ["and", "tests"]),  # names, not a capital typed twice
    ],
)
def test_words(text: str, expected: list[str]) -> None:
    assert _words(text) == expected


def test_word_offsets() -> None:
    text = "Hugo’s dots-prodcut (here)"
    assert [text[w.start : w.end] for w in words(text)] == ["Hugo", "dots", "prodcut", "here"]


def test_page_words_counts_prose_front_matter_and_code() -> None:
    doc = parse_document(
        "a.md",
        b'+++\ntitle = "Backpropagation notes"\n+++\n\n## Backpropagation\n\n'
        b"Use `getValue` here.\n\n```go\nfunc frobnicate() {}\n```\n",
    )
    counts = page_words(doc)
    assert counts["backpropagation"] == 2
    assert counts["notes"] == 1
    assert counts[CODE + "value"] == 1 and counts[CODE + "frobnicate"] == 1
    assert "frobnicate" not in counts


def test_front_matter_names_and_terms_are_site_words() -> None:
    """A title that names the page's author, tag or category uses the site's words: "Edward
    Snowden About Privacy" by `author: Edward Snowden` is not a typo of "Snowmen", nor is a
    partner's name that its logo's path repeats. What copies the title counts once."""
    doc = parse_document(
        "a.md",
        b'---\ntitle: "Edward Snowden About Privacy"\nauthor: "Edward Snowden"\n'
        b"tags: [Zabbix, free speech]\ncategories: Privacy\nimage: logo/axians.svg\n"
        b"linkTitle: Edward Snowden About Privacy\nslug: edward-snowden\n---\nText.\n",
    )
    counts = page_words(doc)
    assert counts["snowden"] == 2 and counts["zabbix"] == 1 and counts["privacy"] == 2 and counts["axians"] == 1
    assert Speller("en", Counter({"snowden": 1})).typos("Edward Snowden About Privacy")
    assert not Speller("en", counts).typos("Edward Snowden About Privacy")


def test_a_name_a_page_is_filed_under_once_is_no_typo() -> None:
    """`author: Choi` on one page, which a theme prints in a heading: used once, it is no
    typo of `Chop`, which the site never uses; the same word used once in prose is."""
    doc = parse_document("a.md", b"---\ntitle: Notes\nauthor: Choi\n---\nText.\n")
    counts = page_words(doc)
    assert counts["choi"] == 1 and counts[FILED + "choi"] == 1
    assert not Speller("en", counts).typos("By Choi")
    assert Speller("en", Counter({"choi": 1})).typos("By Choi")
    assert Speller("en", counts + Counter({"chop": 5})).typos("By Choi")


def test_front_matter_values_in_tables_however_deep_are_site_words() -> None:
    """A home page's tweets a template prints as headings (linkerd's `tweets: {items: [{name:
    Kharf, handle: kharf_}]}`): the names there are the site's words, not typos of "Wharf"."""
    doc = parse_document(
        "_index.md",
        b"---\ntitle: Home\ntweets:\n  items:\n    - name: Kharf\n      handle: kharf_\n"
        b"people: {team: [{names: [Zorb]}]}\n---\nText.\n",
    )
    counts = page_words(doc)
    assert counts["kharf"] == 2 and counts["zorb"] == 1
    assert not Speller("en", counts).typos("Kharf @kharf_")


def test_shortcode_names_are_site_words() -> None:
    """A page embedding `{{< giphy >}}` may be headed "Giphy": not a typo of "Gipsy"."""
    doc = parse_document("a.md", b"## Giphy\n\n{{< giphy xT9IgG50Fb7Mi0prBC >}}\n")
    counts = page_words(doc)
    assert counts[CODE + "giphy"] == 1
    assert Speller("en", Counter()).typos("Giphy") and not Speller("en", counts).typos("Giphy")


def test_shortcode_parameters_are_the_pages_words() -> None:
    """A card's `title="James Lui"` is a heading only the build shows: its words are the
    page's prose, as a Markdown heading's are (kubeflow's summit speakers), and a path
    among the parameters names code words; a typo in it is still one."""
    doc = parse_document(
        "a.md",
        b'## Speakers\n\n{{< card title="James Lui" />}}\n\n| James Lui | Pipelines |\n|---|---|\n\n'
        b'{{< figure src="img/equinor-logo.png" caption="Instalation" >}}\n',
    )
    counts = page_words(doc)
    assert counts["lui"] == 2 and counts[CODE + "equinor"] == 1 and counts["instalation"] == 1
    assert Speller("en", Counter({"lui": 1})).typos("James Lui") and not Speller("en", counts).typos("James Lui")
    assert Speller("en", counts).typos("Instalation")


def test_the_paths_links_name_are_site_words() -> None:
    """A heading that names a package its links point to ("ktesting logger", the package at
    pkg.go.dev/k8s.io/klog/v2/ktesting) is not a typo of "testing"."""
    doc = parse_document(
        "a.md",
        b"### ktesting logger\n\nThe new [package](https://pkg.go.dev/k8s.io/klog/v2@v2.60.1/ktesting?tab=doc).\n",
    )
    counts = page_words(doc)
    assert counts[CODE + "ktesting"] == 1 and CODE + "tab" not in counts
    assert Speller("en", Counter()).typos("ktesting logger") and not Speller("en", counts).typos("ktesting logger")


def test_the_pages_own_path_and_its_front_matter_links_are_site_words() -> None:
    """A project page titled with the project's name ("Bakeoff", an R package), which its
    folder and its front matter's links repeat, is not a typo of "Takeoff"."""
    doc = parse_document(
        "content/project/bakeoff/index.md",
        b'---\ntitle: "Bakeoff"\nlinks:\n- name: Source\n  url: https://github.com/apreshill/bakeoff\n---\nText.\n',
    )
    counts = page_words(doc)
    assert counts[CODE + "bakeoff"] == 1 and counts["bakeoff"] == 2 and counts["apreshill"] == 1
    assert Speller("en", Counter()).typos("Bakeoff") and not Speller("en", counts).typos("Bakeoff")


def test_sample_typo_and_suggestion() -> None:
    speller = Speller("en", Counter({"product": 2}))
    typos = list(speller.typos("Scaled dot-prodcut self-attention"))
    assert [(t.word, t.suggestion) for t in typos] == [("prodcut", "product")]
    assert [(t.word, t.suggestion) for t in speller.typos("Prodcut")] == [("Prodcut", "Product")]
    # People's names: two capitalised words in a row that no word list knows
    assert speller.typos("Rey Lejano, SUSE & Eamon Bauman, Red Hat") == ()
    assert [t.word for t in speller.typos("Configure Prodcut Rendering")] == ["Prodcut"]
    # A surname beside a known first name, like only the rarest words ("Burris"); a typo
    # of a common name is still one
    assert speller.typos("Interview with Dan Budris") == ()
    assert speller.typos("Contributor Spotlight: Niccolò Fei") == ()  # a first name with an accent
    assert [t.suggestion for t in speller.typos("Meet Sarah Jonhson")] == ["Johnson"]
    # …unless the heading credits the name: "by Samuel Lim" (not "Slim")
    assert speller.typos("Exploring Fast and Safe Rust for Biology by Samuel Lim") == ()
    assert [t.word for t in speller.typos("Meet Samuel Slimm")] == ["Slimm"]
    # A capitalised three-letter word is no slip for one that starts otherwise: a name
    # ("Kyo's Garden", "Meet Samuel Lim"), not "Yo" nor "Slim"; its first two letters
    # swapped, or in lower case, it is one
    assert speller.typos("Kyo's Garden") == speller.typos("Meet Samuel Lim") == ()
    assert [t.word for t in speller.typos("Connecting lso works")] == ["lso"]  # not capitalised: a slip
    assert [t.suggestion for t in speller.typos("Hte Garden")] == ["The"]
    assert speller.typos("Talk By Samuel Lim") == ()
    assert speller.typos("Tick or Tock? Keeping time") == ()
    # A heading in sentence case: its capitalised words past the first are names
    assert speller.typos("Multi-cluster observability with Kubernetes, Linkerd and Thanos") == ()
    assert [t.word for t in speller.typos("Prodcut observability with Thanos")] == ["Prodcut"]
    # A heading's findings all stand at its start: a word twice is one finding.
    twice = speller.typos("Prodcut prodcut, Prodcut and tempalte")
    assert [t.word for t in twice] == ["Prodcut", "tempalte"]


@pytest.mark.parametrize(
    "word",
    ["kbd", "blockquotes", "shortcodes", "downscaled", "pagers", "don't", "crème", "navs", "divs", "gifs", "orgs",
     "unmark", "reupload", "unpublish", "deprovision", "onsite", "offsite", "offload", "preformatted", "memoize",
     "semver", "mutex", "truthy", "hotkey", "gzipped"],
)
def test_known_words(word: str) -> None:
    assert Speller("en", Counter()).suggestion(word) is None


def test_a_common_word_and_an_s_is_a_typo() -> None:
    """The plural of a short term is a word (`navs`); a common short word and an `s` is not,
    nor a prefix and a word less common than the word it looks like (`untill`)."""
    assert Speller("en", Counter()).suggestion("ands") == "and"
    # a prefix and a common word is a word, unless its look-alike is more common still
    assert Speller("en", Counter()).suggestion("untill") == "until"
    assert Speller("en", Counter()).suggestion("ontil") == "until"


def test_a_suggestion_keeps_the_typos_first_letter() -> None:
    """A writer rarely slips at a word's start: of two look-alikes, the one that keeps the
    first letter (or swaps the first two) is meant, unless the other is far more frequent."""
    speller = Speller("en", Counter())
    assert speller.suggestion("asigned") == "assigned"  # not `signed`, three times as frequent
    assert speller.suggestion("hte") == "the"
    assert speller.suggestion("ontil") == "until"  # `ontic` is rare


def test_site_vocabulary() -> None:
    vocabulary = Counter({"perceptron": 4, "goldmark": 40, "goldmak": 1, CODE + "exmplar": 1})
    speller = Speller("en", vocabulary)
    assert speller.suggestion("perceptron") is None  # used across the site
    assert speller.suggestion("exmplar") is None  # used in code
    assert speller.suggestion("goldmak") == "goldmark"  # rare, next to a frequent site word
    assert Speller("en", Counter({"perceptron": 1})).suggestion("perceptron") == "perception"


def test_frequent_look_alike_beats_site_use() -> None:
    speller = Speller("en", Counter({"prodcut": 2, "product": 30}))
    assert speller.suggestion("prodcut") == "product"
    # written often, a word is meant, however much more often its look-alike is
    assert Speller("en", Counter({"knative": 38, "native": 200})).suggestion("knative") is None
    # written more than once, a word that differs from its look-alike at its start is a term
    # ("Etag" beside "tag", "Coroutine" beside a site's "goroutine"); once, it may be a slip
    assert Speller("en", Counter({"etag": 3, "tag": 300})).suggestion("etag") is None
    assert Speller("en", Counter({"coroutine": 8, "goroutine": 49})).suggestion("coroutine") is None
    assert Speller("en", Counter({"coroutine": 1, "goroutine": 49})).suggestion("coroutine") == "goroutine"
    # a word of one page, repeated by its copies (spelling.COPIED), is no one-off slip
    assert Speller("en", Counter({"outro": 1, COPIED + "outro": 4})).suggestion("outro") is None


def test_two_common_words_run_together_are_no_typo_of_a_rare_word() -> None:
    speller = Speller("en", Counter())
    assert speller.suggestion("blogroll") is None  # blog + roll, not the rare `logroll`
    assert speller.suggestion("enablement") is None  # enable + ment, not the rare `entablement`
    assert speller.suggestion("prodcut") == "product"  # prod + cut, but `product` is common
    assert Speller("en", Counter({"logroll": 5})).suggestion("blogroll") == "logroll"  # the site's word


def test_a_compound_of_another_language_or_a_rhyme_is_no_typo() -> None:
    """gallery's `avant-garde` (neither part a word: a phrase of another language), and
    `hanky-panky` (a part rhymes with the other); a compound of a word and a typo still has
    the typo."""
    speller = Speller("en", Counter())
    for text in ("An avant-garde look", "A laissez-faire policy", "Some hanky-panky", "Helter-skelter", "Willy-nilly"):
        assert speller.typos(text) == (), text
    assert [t.word for t in speller.typos("A sefl-hosted server")] == ["sefl"]
    assert [t.word for t in speller.typos("Dot-prodcut attention")] == ["prodcut"]


def test_no_look_alike_no_finding() -> None:
    assert Speller("en", Counter()).suggestion("xerumquo") is None


def test_user_words(tmp_path: Path) -> None:
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n', "utf-8")
    (tmp_path / ".mdcheck-words.txt").write_text("# ours\nExmplar frobnicaton\n", "utf-8")
    extra = parse_word_list(" ".join(load_site(tmp_path).user_words))
    assert extra == {"exmplar", "frobnicaton"}
    assert Speller("en", Counter(), extra).suggestion("exmplar") is None
    assert parse_word_list("Hugo’s  # comment\n\n") == {"hugo's"}


def test_languages() -> None:
    assert base_language("en-US") == "en" and base_language(None) == "en"
    assert has_dictionary("de") and has_dictionary("pt-BR")
    assert not has_dictionary("ja") and not has_dictionary("pl")
    assert Speller("de", Counter()).suggestion("konfigurration") == "konfiguration"


def test_lorem_ipsum_is_no_typo() -> None:
    """Themes' example sites fill pages with Lorem ipsum: its Latin is known, whatever Latin
    the site's other pages use more (hermit's `porro` was taken for `porno`, fresh's `Lorem`
    for `Lore`); a typo of English still is one."""
    counts = Counter({"quis": 40, "dolore": 30, "aliquam": 20})
    speller = Speller("en", counts)
    assert not speller.typos("§1 Lorem") and not speller.typos("Neque porro quisquam est qui dolorem aliqua")
    assert speller.typos("Instalation")


def test_technical_words_are_lower_case() -> None:
    assert "kbd" in technical_words() and "shortcode" in technical_words()
    assert all(word == word.lower() and " " not in word for word in technical_words())


def test_dictionary_is_pyspellcheckers() -> None:
    """spelling.dictionary reads pyspellchecker's word list itself (faster): the same words."""
    assert dictionary("en") == SpellChecker(language="en", distance=1).word_frequency.dictionary


def test_dictionary_is_cached_and_a_damaged_cache_rebuilt(tmp_path: Path, monkeypatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("MDCHECK_CACHE_DIR", str(cache))
    cache.mkdir()
    (cache / "words-de-0123456789abcdef-py311.marshal").write_bytes(b"an older mdcheck's entry")
    (cache / "lexicon-en-0123456789abcdef-py311.marshal").write_bytes(b"another language's")
    built = _knowledge.__wrapped__("de")
    (entry,) = cache.glob("*-de-*")  # the stale entry of the language removed
    assert (cache / "lexicon-en-0123456789abcdef-py311.marshal").exists()
    assert _knowledge.__wrapped__("de") == built  # read back from the cache
    assert built[0] == SpellChecker(language="de", distance=1).word_frequency.dictionary
    lexicon, digest, letters = marshal.loads(entry.read_bytes())
    assert (Lexicon.loads(lexicon), letters) == built
    middle = len(lexicon) // 2
    flipped = lexicon[:middle] + bytes([lexicon[middle] ^ 0xFF]) + lexicon[middle + 1 :]
    for damaged in (b"\x00damaged", marshal.dumps((flipped, digest, letters)), marshal.dumps((lexicon, digest))):
        entry.write_bytes(damaged)
        assert _knowledge.__wrapped__("de") == built
        assert marshal.loads(entry.read_bytes()) == (lexicon, digest, letters)  # written anew


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_named_pipe_in_place_of_a_cache_entry_is_not_read(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("MDCHECK_CACHE_DIR", str(tmp_path))
    built = _knowledge.__wrapped__("de")
    (entry,) = tmp_path.glob("lexicon-de-*")
    entry.unlink()
    os.mkfifo(entry)
    assert _knowledge.__wrapped__("de") == built  # rebuilt, not blocked on the pipe


def test_dictionary_without_a_writable_cache(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "file").write_text("not a directory")
    monkeypatch.setenv("MDCHECK_CACHE_DIR", str(tmp_path / "file" / "cache"))
    assert _knowledge.__wrapped__("de")[0] == dictionary("de")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Cómo lo soluciona"),  # a verb form the word list lacks: an ending away
        ("es", "Clúster"),  # an accent away from the English word
        ("es", "Texto resaltado"),  # `resalt…` starts known words (`resaltar`): a form,
        ("es", "Lista anidada"),  # not a typo of `resultado`; nor `anidada` of `nidada`
        ("it", "Riconoscimenti"),
        ("ru", "Запросить локализаций"),
        ("pt", "Contêiner"),  # the language's own letters: no misspelt English
        ("fr", "Pod"),  # English terms are at home in any language's pages
    ],
)
def test_other_languages_leave_word_forms_and_english_alone(language: str, text: str) -> None:
    assert Speller(language, Counter()).typos(text) == ()


def test_other_languages_still_catch_typos() -> None:
    assert [t.suggestion for t in Speller("de", Counter()).typos("Canary Deploment")] == ["Deployment"]
    assert Speller("de", Counter()).suggestion("konfigurration") == "konfiguration"


@pytest.mark.parametrize(
    "text",
    ["Customising colours", "Behaviour of the centre", "Licence and defence", "The programme catalogue",
     "Analysing travelled neighbours", "Organisation favourites", "Behavioural and humourist"],
)  # fmt: skip
def test_british_spellings_are_words(text: str) -> None:
    """The English word list is American: `customising` is no typo of `customizing`."""
    assert Speller("en", Counter()).typos(text) == ()


def test_british_spelling_leaves_typos_reported() -> None:
    speller = Speller("en", Counter())
    assert [t.suggestion for t in speller.typos("Seperate Instalation")] == ["Separate", "Installation"]


def test_lexicon_is_a_read_only_mapping() -> None:
    words = {"hugo": 7, "héllo": 3, "big": 2**40, "negative": -1}
    lexicon = Lexicon.of(words)
    assert len(lexicon) == 4 and sorted(lexicon) == sorted(words)
    assert lexicon["hugo"] == 7 and lexicon.get("héllo") == 3 and lexicon.get("nope", 0) == 0
    assert lexicon["big"] == 0xFFFFFFFF and lexicon["negative"] == 0  # counts are for ranking
    assert "hugo" in lexicon and "hug" not in lexicon and 3 not in lexicon
    with pytest.raises(KeyError):
        lexicon["hug"]
    assert Lexicon.loads(lexicon.dumps()) == lexicon
    for damaged in (b"", b"\x00", marshal.dumps((b"junk", b"")), marshal.dumps((lexicon.dumps(), 1))):
        with pytest.raises((ValueError, EOFError, TypeError, RuntimeError)):
            Lexicon.loads(damaged)


@pytest.mark.parametrize(
    ("heading", "typos"),
    [
        ("取 Oss 文件效率问题的暴露", []),  # a Chinese heading on an English page: its Latin words are names
        ("Instalation 日本語のテキスト", ["Instalation"]),  # mostly English letters: spelled
        ("The Evolution and Status Quo of Hugo", []),
        ("Create a cluster on vSphere (On-Prem)", []),
        # a part of a name written whole in the heading; "How Tos"; tools
        ("Provision a Local Hashi Environment with HashiQube", []),
        ("Developer How Tos", []),
        ("Does SciPy work with Jython? Perf metrics for Wifi", []),
        ("Seperate the Hashi Environment", ["Seperate", "Hashi"]),
        # a person's name and handle, as a maintainers page heads each one
        ("Danielle Tal (miao0miao)", []),
        ("Adrian Vladu (@ader1990)", []),
        ("Sneek Peek (beta)", ["Sneek"]),
    ],
)
def test_headings_in_another_script_and_latin_phrases(heading: str, typos: list[str]) -> None:
    assert [typo.word for typo in Speller("en", Counter()).typos(heading)] == typos


@pytest.mark.parametrize(
    ("language", "content_path", "spelled"),
    [
        ("en", "es/blog/a.md", "es"),  # a folder named for another language: the mounts are made at build time
        ("en", "blog/a.md", "en"),
        ("es", "blog/a.md", "es"),
        ("pt", "pt/a.md", "pt"),
        ("en", "es.md", "en"),  # a page, not a folder
        ("en", "de/a.md", "en"),  # no such language on the site
    ],
)
def test_a_page_in_a_folder_named_for_a_language_is_spelled_in_it(
    language: str, content_path: str, spelled: str
) -> None:
    site = SiteConfig(languages=(Language("en", "content"), Language("es", "content"), Language("pt-br", "content")))
    assert spelling_language(site, language, content_path) == spelled


def test_a_heading_mostly_of_unknown_words_is_another_language() -> None:
    """Four or more different words, most of them unknown: a heading in another language
    than the page's, not typos; fewer words are still spelled."""
    speller = Speller("en", Counter())
    assert speller.typos("Priser bruk av bilde på internett") == ()
    assert [t.word for t in speller.typos("Configure the prodcut tempalte")] == ["prodcut", "tempalte"]
    assert [t.word for t in speller.typos("Prodcut prodcut, Prodcut and tempalte")] == ["Prodcut", "tempalte"]


def test_a_page_in_a_language_folder_is_read_in_that_language_by_every_rule(tmp_path: Path) -> None:
    """A page in `content/bn/`, which Hugo gives the default language when the languages set
    no `contentDir` (their folders are mounts made at build time, as on opentelemetry.io), is
    written in Bengali for repeated-word as for heading-typo: neither reads it as English."""
    problems = check_site(
        tmp_path,
        {
            "content/bn/a.md": "---\ntitle: a\n---\n\n## Instalation guide\n\nThe the word.\n",
            "content/b.md": "---\ntitle: b\n---\n\nThe the word.\n",
        },
        ["repeated-word", "heading-typo"],
        hugo_config='baseURL = "https://example.org/"\n[languages.en]\n[languages.bn]\n',
    )
    assert [(p.path, p.rule) for p in problems] == [("content/b.md", "repeated-word")]
