"""Split a Markdown file into its YAML front matter and body, keeping line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

# libyaml's C loader when PyYAML has it: several times faster on large quiz blocks.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FENCE = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:", re.M)


class FrontMatterError(ValueError):
    """The front matter is missing or is not valid YAML; `line` is 1-based in the file."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Document:
    meta: dict[str, Any]
    body: str
    body_line: int  # 1-based line of the file on which the body starts
    key_lines: dict[str, int]  # top-level front-matter key -> 1-based line in the file


def front_matter_lines(text: str) -> int:
    """How many lines the front matter, fences included, takes at the top of `text` (0 without any)."""
    match = _FENCE.match(text)
    return text.count("\n", 0, match.end()) if match else 0


def parse(text: str) -> Document:
    """Parse `text`, raising FrontMatterError with a line number on malformed input."""
    match = _FENCE.match(text)
    if not match:
        raise FrontMatterError("no front matter: the file must start with a '---' line", 1)
    source = match.group(1) or ""
    try:
        meta = yaml.load(source, Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None  # +1 for the fence, +1 for 1-based
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FrontMatterError(f"front matter is not valid YAML: {problem}", line) from None
    if not isinstance(meta, dict):
        raise FrontMatterError("front matter must be a YAML mapping of keys to values", 2)
    key_lines = {m.group(1): source.count("\n", 0, m.start()) + 2 for m in _TOP_LEVEL_KEY.finditer(source)}
    body_line = text.count("\n", 0, match.end()) + 1
    return Document(meta=meta, body=text[match.end():], body_line=body_line, key_lines=key_lines)
