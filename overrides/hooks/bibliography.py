"""Check bibliography.bib before mkdocs-bibtex reads it.

mkdocs-bibtex parses the .bib in its on_config, and pybtex stops on a duplicate key with a traceback that
names neither the file nor a fix. This hook runs first and reports the problems the course's way: one
line each, `file:line: what is wrong (how to fix it)`. topics.py checks everything else, in on_files.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the project root, for `topicgraph`

from topicgraph.citations import load_bibliography
from topicgraph.errors import TopicGraphError, raise_if_any


@event_priority(100)  # before every plugin's on_config, mkdocs-bibtex's included
def on_config(config: MkDocsConfig) -> None:
    bib_path = Path(config.config_file_path).resolve().parent / config.plugins["bibtex"].config.bib_file
    try:
        raise_if_any(load_bibliography(bib_path, bib_path.name)[1])
    except TopicGraphError as exc:
        raise PluginError(f"{len(exc.problems)} problem(s) in the course sources:\n{exc}") from None
