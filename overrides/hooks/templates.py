"""Compiled templates are kept between builds in .cache/templates/, so a rebuild does not compile them again.

Jinja compiles each template it loads from its source, in every environment: MkDocs' own and the
ones the topics and figures hooks make for generated pages. That took about a tenth of a rebuild of
the course (benchmarks/README.md). Jinja's bytecode cache looks a template up by name and file and
checks a checksum of its source, so an edited template is compiled afresh. Jinja compiles
autoescaping into a template's code, so the course's autoescaping environment (the topics hook) keeps
its own entries: code compiled without escaping is never run where escaping is promised.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig

CACHE = Path(".cache") / "templates"


class _BytecodeCache(FileSystemBytecodeCache):
    """Jinja's file cache, with a template's entry kept apart per autoescape setting."""

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        escaping = "autoescape" if environment.autoescape else "verbatim"
        return super().get_bucket(environment, f"{name}#{escaping}", filename, source)


def on_config(config: MkDocsConfig) -> None:
    directory = Path(config.config_file_path).parent / CACHE
    directory.mkdir(parents=True, exist_ok=True)
    cache = _BytecodeCache(str(directory))
    make_env = config.theme.get_env

    def get_env() -> Environment:
        env = make_env()
        env.bytecode_cache = cache
        return env

    # Every environment of a build comes from the theme: MkDocs' own and the hooks'.
    config.theme.get_env = get_env
