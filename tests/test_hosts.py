"""The site does not depend on MkDocs itself: ProperDocs, a maintained continuation of MkDocs 1.x, builds
the same site from the same sources, byte for byte apart from the generator tag and the build's dates
(README, "The engine": what a move to another host needs)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import CITATIONS_CACHE, FIGURES_CACHE, ROOT

PROPERDOCS = shutil.which("properdocs", path=str(Path(sys.executable).parent))  # installed?
# What may differ between two builds of the same sources: the generator, and the times and dates a
# build stamps on pages git has no date for (generated pages) and on the sitemap.
_VOLATILE = re.compile(
    r'<meta name="generator" content="[^"]*">'
    r'|<time datetime="[^"]*">[^<]*</time>'
    r"|<lastmod>[^<]*</lastmod>"
)


def _normalized(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix in (".html", ".xml"):
        return _VOLATILE.sub("", data.decode("utf-8")).encode("utf-8")
    return data


def _files(site: Path) -> dict[str, Path]:
    # sitemap.xml.gz compresses sitemap.xml, which is compared as text.
    return {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file() and p.suffix != ".gz"}


@pytest.mark.skipif(PROPERDOCS is None, reason="properdocs is not installed (requirements-dev.txt)")
def test_properdocs_builds_the_same_site_as_mkdocs(site: Path, tmp_path: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
           "FIGURES_CACHE_DIR": str(FIGURES_CACHE), "CITATIONS_CACHE_DIR": str(CITATIONS_CACHE)}
    other = tmp_path / "properdocs-site"
    # `python -m` in ROOT, as the mkdocs build does (sitebuild.run_build): this checkout's engine.
    proc = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml",
                           "-d", str(other)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    ours, theirs = _files(site), _files(other)
    assert sorted(ours) == sorted(theirs)
    differing = [name for name in ours if _normalized(ours[name]) != _normalized(theirs[name])]
    assert differing == [], f"ProperDocs built {len(differing)} file(s) differently, e.g. {differing[:5]}"
