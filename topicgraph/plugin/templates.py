"""The engine's templates on the theme's search path, compiled once and kept between builds.

The course's templates (theme/) sit between a course's own `custom_dir` and the theme's, so a course
gets topic cards, the map, paths, syllabus, tags and print with no copy of them, and may override any.
Jinja compiles each template it loads, in every environment: MkDocs' own and the engine's. Compiled
templates are kept in .cache/templates/; Jinja checks a checksum of the source, so an edited template
is compiled afresh. Jinja compiles autoescaping into a template's code, so the autoescaping
environment keeps its own entries: code compiled without escaping never runs where escaping is promised.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig

THEME_DIR = Path(__file__).with_name("theme")
CACHE = Path(".cache") / "templates"


class _BytecodeCache(FileSystemBytecodeCache):
    """Jinja's file cache, with a template's entry kept apart per autoescape setting."""

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        escaping = "autoescape" if environment.autoescape else "verbatim"
        return super().get_bucket(environment, f"{name}#{escaping}", filename, source)


def add_theme_dir(config: MkDocsConfig) -> None:
    """Put the engine's templates after the course's custom_dir and before the theme's own."""
    dirs = config.theme.dirs
    if str(THEME_DIR) not in dirs:
        custom_dir = config.theme.custom_dir
        dirs.insert(1 if custom_dir and dirs and Path(dirs[0]) == Path(custom_dir) else 0, str(THEME_DIR))


def cache_compiled_templates(config: MkDocsConfig) -> None:
    """Every environment of a build comes from the theme: MkDocs' own and the engine's."""
    if getattr(config.theme.get_env, "caches_bytecode", False):  # `mkdocs serve` keeps the theme object
        return
    directory = Path(config.config_file_path).parent / CACHE
    directory.mkdir(parents=True, exist_ok=True)
    cache = _BytecodeCache(str(directory))
    make_env = config.theme.get_env

    def get_env() -> Environment:
        env = make_env()
        env.bytecode_cache = cache
        return env

    get_env.caches_bytecode = True  # type: ignore[attr-defined]
    config.theme.get_env = get_env
