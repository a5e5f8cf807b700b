"""Writes validator/data/chroma-lexers.json, the languages Hugo's highlighter (Chroma) knows,
from a checkout of github.com/alecthomas/chroma at the version the Hugo release uses (`strings hugo | grep alecthomas/chroma` tells it):

    python tests/chroma_lexers.py PATH/TO/chroma v2.27.0 > validator/data/chroma-lexers.json

Chroma finds a fence's language by a lexer's name or alias (in any case), else by matching
`filename.<language>` or the language itself against a lexer's filename globs (as written).
A glob may match with a backup suffix (`go.bak`). Its lexers are XML files (`lexers/embedded/*.xml`) and a few in Go (`lexers/*.go`, whose
`Config{…}` is read here). tests/test_highlight.py checks the result against the real binary.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

_XML_FIELD = re.compile(r"<(name|alias|filename|alias_filename)>([^<]*)</\1>")
_GO_NAME = re.compile(r'\bName:\s*"([^"]*)"')
_SUFFIXES = re.compile(r"ignoredSuffixes = \[\.\.\.\]string\{(.*?)\}", re.S)
_GO_LIST = re.compile(r"\b(Aliases|Filenames|AliasFilenames):\s*\[\]string\{([^}]*)\}", re.S)


def lexers(chroma: Path, version: str) -> dict[str, str | list[str]]:
    names: set[str] = set()
    globs: set[str] = set()
    for path in sorted((chroma / "lexers" / "embedded").glob("*.xml")):
        config = path.read_text("utf-8").partition("</config>")[0]
        for field, value in _XML_FIELD.findall(config):
            (names if field in ("name", "alias") else globs).add(value.strip())
    for path in sorted((chroma / "lexers").glob("*.go")):
        for config in _go_configs(path.read_text("utf-8")):
            names.update(_GO_NAME.findall(config))
            for field, values in _GO_LIST.findall(config):
                (names if field == "Aliases" else globs).update(re.findall(r'"([^"]*)"', values))
    suffixes = re.findall(r'"([^"]*)"', _SUFFIXES.search((chroma / "registry.go").read_text("utf-8"))[1])
    return {"chroma": version, "names": sorted({name.lower() for name in names}), "globs": sorted(globs), "suffixes": suffixes}


def _go_configs(source: str) -> list[str]:
    """The text of each `&Config{…}` literal, to its matching brace."""
    configs = []
    for start in (match.end() for match in re.finditer(r"&Config\{", source)):
        depth, end = 1, start
        while depth and end < len(source):
            depth += {"{": 1, "}": -1}.get(source[end], 0)
            end += 1
        configs.append(source[start:end])
    return configs


if __name__ == "__main__":
    json.dump(lexers(Path(sys.argv[1]), sys.argv[2]), sys.stdout, indent=0)
    sys.stdout.write("\n")
