"""File discovery (each candidate's real path is the file system's, links included) and
config globs."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from validator.config import ConfigError, load_config
from validator.paths import GlobSet, walk
from validator.registry import RULES


def test_each_candidates_real_path_is_the_file_systems(tmp_path: Path) -> None:
    (tmp_path / "real" / "sub").mkdir(parents=True)
    (tmp_path / "real" / "sub" / "a.md").write_text("a\n")
    (tmp_path / "real" / "b.md").write_text("b\n")
    content = tmp_path / "site" / "content"
    content.mkdir(parents=True)
    (content / "c.md").write_text("c\n")
    (content / "folder").symlink_to(tmp_path / "real")  # a linked folder: its files are elsewhere
    (content / "file.md").symlink_to(tmp_path / "real" / "b.md")
    (content / "broken.md").symlink_to(content / "missing.md")
    (tmp_path / "site" / "content-link").symlink_to(content)
    starts = [content, tmp_path / "site" / "content-link" / ".." / "content" / "c.md"]
    found = {(str(c.path), c.real, c.problem) for c in walk(starts)}
    assert found == {(str(c.path), os.path.realpath(c.path), c.problem) for c in walk(starts)}
    assert {(Path(path).name, problem) for path, _, problem in found} == {
        ("c.md", None), ("a.md", None), ("b.md", None), ("file.md", None), ("broken.md", "broken symbolic link")
    }
    assert {real for _, real, _ in found} >= {
        os.path.realpath(tmp_path / "real" / "sub" / "a.md"), os.path.realpath(content / "c.md")
    }


def test_a_run_covers_the_site_when_given_its_root_or_every_content_root(tmp_path: Path) -> None:
    from validator.site import load_site
    from validator.targets import covers_content

    (tmp_path / "hugo.toml").write_text(
        'baseURL = "https://x.org/"\n[[module.mounts]]\nsource = "content"\ntarget = "content"\n'
        '[[module.mounts]]\nsource = "docs"\ntarget = "content/docs"\n'
        '[[module.mounts]]\nsource = "../not-checked-out"\ntarget = "content/sdk"\n'
    )
    for folder in ("content", "docs"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.md").write_text("a\n")
    site = load_site(tmp_path)
    assert covers_content([tmp_path], site)
    assert covers_content([tmp_path / "content", tmp_path / "docs"], site)  # the missing one holds nothing
    assert not covers_content([tmp_path / "content"], site)
    assert not covers_content([tmp_path / "content" / "a.md", tmp_path / "docs"], site)


def test_the_archetypes_of_a_site_or_theme_are_no_content(tmp_path: Path) -> None:
    """Walking a repository whose Hugo site makes no content yet (thanos's is generated before
    the build): its and its themes' `archetypes/`, the templates `hugo new` fills in, are
    left out; an `archetypes` folder elsewhere, and one named, are walked."""
    for path in ("website/archetypes/docs.md", "website/themes/t/archetypes/default.md", "docs/archetypes/a.md",
                 "website/docs.md", "explicit/archetypes/x.md"):  # fmt: skip
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text('---\ntitle: "{{ replace .Name "-" " " | title }}"\n---\n')
    (tmp_path / "website" / "hugo.yaml").write_text("contentDir: generated\n")
    (tmp_path / "website" / "themes" / "t" / "theme.toml").write_text("name = 't'\n")
    (tmp_path / "explicit" / "config.toml").write_text("")
    found = {c.path.relative_to(tmp_path).as_posix() for c in walk([tmp_path, tmp_path / "explicit" / "archetypes"])}
    assert found == {"docs/archetypes/a.md", "website/docs.md", "explicit/archetypes/x.md"}


@pytest.mark.parametrize(
    "pattern, path, matches",
    [
        ("**/*.md", "content/a.md", True),
        ("**/*.md", "a.md", True),
        ("content/**", "content/x/y.md", True),
        ("content/**/index.md", "content/index.md", True),
        ("content/**/index.md", "content/a/b/index.md", True),
        ("drafts", "content/drafts/a.md", True),  # no slash: a name at any depth, all below it
        ("drafts", "content/drafted/a.md", False),
        ("content/*.md", "content/x/a.md", False),  # `*` stays within a segment
        ("content/*.md", "x/content/a.md", False),  # a slash anchors it
        ("/content/a.md", "content/a.md", True),
        ("./content/a.md", "content/a.md", True),
        ("docs/", "docs/a.md", True),
        ("content/[ab].md", "content/a.md", True),
        ("content/[!ab].md", "content/a.md", False),
        ("a?c.md", "x/abc.md", True),
        ("content/[x.md", "content/[x.md", True),  # an unclosed `[` is itself
    ],
)
def test_globs(pattern: str, path: str, matches: bool) -> None:
    assert GlobSet([pattern]).match(path) is matches


def test_a_glob_of_many_double_stars_matches_in_linear_time() -> None:
    """`**/a/**/b/…` over a deep path: a regular expression's backtracking took minutes."""
    deep = "/".join(["d"] * 200) + "/z.md"
    started = time.monotonic()
    assert not GlobSet(["**/" * 11 + "x/**/y"]).match(deep)
    assert not GlobSet(["/".join(["**/d"] * 12) + "/nothing"]).match(deep)
    assert time.monotonic() - started < 5


def test_a_glob_that_is_none_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / ".mdcheck.toml").write_text('exclude = ["content/[z-a]*.md"]\n')
    with pytest.raises(ConfigError, match=r"exclude: 'content/\[z-a\]\*\.md' is no glob: bad character range"):
        load_config(tmp_path / ".mdcheck.toml", RULES)
