"""The build's typesetters (topicgraph/typeset.py), kept for the next build.

Typesetting every quiz option, explanation, title and reference of the course is about a tenth of a
build, and almost all of it is the same text as last time. `mkdocs serve` keeps the plugin, and with
it the typesetters; a build keeps what they typeset in .cache/typeset/, in a file named by everything
that shapes the HTML (the Markdown settings, the libraries' versions, typeset.py itself).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from .. import typeset
from ..jsoncache import KeptJson, package_version
from ..typeset import TextTypesetter, Typesetter

CACHE = Path(".cache") / "typeset"
_LIBRARIES = ("markdown", "pymdown-extensions", "pygments")


class Typesetting:
    def __init__(self) -> None:
        self.key = ""
        self.text: TextTypesetter | None = None
        self.references: Typesetter | None = None
        self._file: KeptJson | None = None

    def for_build(self, config: MkDocsConfig, directory: Path) -> tuple[TextTypesetter, Typesetter]:
        """The typesetters for this build: the last build's, if the settings are the same."""
        key = _key(config)
        if key != self.key or self.text is None or self.references is None:
            self.key = key
            self._file = KeptJson(directory, key, size=lambda kept: len(kept["text"]) + len(kept["references"]))
            known = self._file.read(_known) or {}
            self.text = TextTypesetter(config.mdx_configs.get("smarty"), known.get("text"))
            self.references = Typesetter(config.markdown_extensions, config.mdx_configs, known.get("references"))
        return self.text, self.references

    def save(self) -> None:
        """Keep what this build typeset, if it typeset anything new."""
        if self._file and self.text and self.references:
            self._file.write({"text": self.text.typeset, "references": self.references.typeset})


def _key(config: MkDocsConfig) -> str:
    digest = hashlib.sha256(repr((config.markdown_extensions, config.mdx_configs)).encode())
    for library in _LIBRARIES:
        digest.update(f"{library}=={package_version(library)}".encode())
    digest.update(Path(typeset.__file__).read_bytes())
    return digest.hexdigest()[:20]


def _known(saved: dict) -> dict[str, dict[str, str]]:
    """A cache file's content, checked for shape."""
    return {"text": dict(saved["text"]), "references": dict(saved["references"])}
