"""Building the site, or a copy of its sources, from tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from topicgraph.agreements import DATA, Record, load_record, with_record

ROOT = Path(__file__).resolve().parents[1]
# What a build needs; everything else (.venv, site/, .git, tests) stays out of copies.
PROJECT_FILES = ("mkdocs.yml", "bibliography.bib", "published-urls.txt", "docs", "overrides", "topicgraph", "figures",
                 "csl")
# Copies share the project's figure and citation caches: drawing the model figures and running pandoc
# once is enough per test run.
FIGURES_CACHE = ROOT / ".cache" / "figures"
CITATIONS_CACHE = ROOT / ".cache" / "citations"
CACHE_ROOT = ROOT  # converted pages, search entries and typeset text: .cache/pages, /search, /typeset


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path


def run_build(project: Path, site: Path, *, verbose: bool = False, **env_vars: str) -> BuildResult:
    """Run `mkdocs build --strict` the way `make build` does, capturing everything it prints
    (verbose: its debug messages too)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
           "FIGURES_CACHE_DIR": str(FIGURES_CACHE),
           "CITATIONS_CACHE_DIR": str(CITATIONS_CACHE), "TOPICGRAPH_CACHE_ROOT": str(CACHE_ROOT), **env_vars}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(site), *(["-v"] if verbose else [])],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site)


def copy_project(dest: Path) -> Path:
    """Copy the sources into a fresh git repository: page dates come from git history."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / name)
    git = ["git", "-C", str(dest), "-c", "user.name=test", "-c", "user.email=test@localhost"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "copy"]):
        subprocess.run([*git, *args], check=True, capture_output=True)
    return dest


@cache
def _record() -> Record | None:
    record, problems = load_record(ROOT / "docs" / DATA, DATA.as_posix())
    assert problems == [], problems
    return record


def as_built(markdown: str) -> str:
    """A page's Markdown as the build reads it: with the arms-control record's table in place."""
    return with_record(markdown, _record())
