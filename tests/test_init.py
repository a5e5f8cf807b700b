"""`mdcheck init`: the starter config is valid, complete and tailored to the site."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from validator.cli import main
from validator.config import load_config, load_preset
from validator.registry import RULES

RULE_LINE = re.compile(r"^# ([a-z0-9-]+ = .*?)  # ", re.M)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\ncontentDir = "docs"\n', "utf-8")
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_the_starter_is_the_recommended_preset(site: Path) -> None:
    code, out, _ = invoke("init")
    assert code == 0 and ".mdcheck.toml" in out
    path = site / ".mdcheck.toml"
    config = load_config(path, RULES)
    assert config.rules == load_preset("recommended", RULES).rules
    code, out, _ = invoke("config")
    assert code == 0 and str(path) in out


def test_every_rule_is_listed_with_valid_settings(site: Path) -> None:
    invoke("init")
    text = (site / ".mdcheck.toml").read_text("utf-8")
    listed = RULE_LINE.findall(text)
    assert [line.split(" = ", 1)[0] for line in listed] == sorted(
        RULES, key=lambda r: (r not in load_preset("recommended", RULES).rules, list(RULES).index(r))
    )
    uncommented = text.replace("[rules]\n", "[rules]\n" + "\n".join(listed) + "\n", 1)
    path = site / "all.toml"
    path.write_text(uncommented, "utf-8")
    assert set(load_config(path, RULES).rules) == set(RULES)


def test_examples_name_the_sites_content_dir(site: Path) -> None:
    invoke("init")
    text = (site / ".mdcheck.toml").read_text("utf-8")
    assert "# The Hugo site in this directory: content in docs/." in text
    assert '# include = ["docs/**/*.md"]' in text
    for line in text.splitlines():  # each commented key = value line is TOML on its own
        if re.match(r"^# [a-z\"][^ ]* = ", line):
            tomllib.loads(line[2:].split("  # ")[0])


def test_an_existing_config_is_kept(site: Path) -> None:
    (site / ".mdcheck.toml").write_text("# mine\n", "utf-8")
    code, _, err = invoke("init")
    assert code == 2 and "already exists (use --force" in err
    assert (site / ".mdcheck.toml").read_text("utf-8") == "# mine\n"
    code, _, _ = invoke("init", "--force")
    assert code == 0 and "extends = [\"recommended\"]" in (site / ".mdcheck.toml").read_text("utf-8")


@pytest.mark.parametrize("other", ["pyproject.toml", "mdcheck.toml"])
def test_a_config_in_another_file_is_not_set_aside(site: Path, other: str) -> None:
    """`[tool.mdcheck]` in pyproject.toml (or an `mdcheck.toml`): a `.mdcheck.toml`, read
    first, would take its place unseen; `init` says so, and writes it only with --force."""
    text = '[tool.mdcheck]\nextends = ["strict"]\n' if other == "pyproject.toml" else 'extends = ["strict"]\n'
    (site / other).write_text(text, "utf-8")
    code, _, err = invoke("init")
    assert code == 2 and f"{other}: already configures mdcheck here" in err
    assert not (site / ".mdcheck.toml").exists()
    code, _, _ = invoke("init", "--force")
    assert code == 0 and (site / ".mdcheck.toml").exists()


def test_without_a_hugo_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, _ = invoke("init")
    text = (tmp_path / ".mdcheck.toml").read_text("utf-8")
    assert code == 0 and "No Hugo configuration was found here" in text
    assert '# include = ["**/*.md"]' in text
    load_config(tmp_path / ".mdcheck.toml", RULES)
