"""Build time and peak memory of the course versus bare Material building the same Markdown.

Usage: .venv/bin/python benchmarks/overhead.py [--runs 3] [--cold-citations]

"Bare" is the same docs/ with Material and the same Markdown extensions, but none of the course's
plugins or hooks (no citations, topic graph, generated pages, dates or figures). Both builds run
alternately in the same session, each in a fresh process. The fastest runs are compared, and the
medians shown too: on a shared 2-vCPU machine the CPU time of one and the same build varies by up
to half between runs, and the fastest run is the one least disturbed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose !ENV and !!python tags the bare build does not need."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def bare_config(dest: Path, source: Path = ROOT / "mkdocs.yml", site_url: str = "https://example.org/") -> Path:
    """dest/mkdocs-bare.yml: bare Material over dest/docs, with source's theme, extensions and nav."""
    config = yaml.load(source.read_text(), Loader=_Loader)
    bare = {
        "site_name": config["site_name"], "site_url": site_url, "theme": {
            "name": "material", "font": False, "features": config["theme"]["features"],
            "palette": config["theme"]["palette"]},
        "markdown_extensions": config["markdown_extensions"], "plugins": ["search"],
        "nav": [item for item in config["nav"] if "Course map" not in item],
        "docs_dir": str(dest / "docs"),
    }
    path = dest / "mkdocs-bare.yml"
    path.write_text(yaml.safe_dump(bare, sort_keys=False))
    return path


def timed(args: list[str], cwd: Path, **env_vars: str) -> tuple[float, int]:
    env = ["env", "NO_MKDOCS_2_WARNING=1", "DISABLE_MKDOCS_2_WARNING=true", *(f"{k}={v}" for k, v in env_vars.items())]
    proc = subprocess.run(["/usr/bin/time", "-f", "%e %M", *env, *args], cwd=cwd, capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(proc.stderr[-3000:])
    seconds, kilobytes = proc.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kilobytes) // 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cold-citations", action="store_true",
                        help="an empty citation cache for every course build, so pandoc always runs")
    args = parser.parse_args()
    runs = args.runs
    mkdocs = [sys.executable, "-m", "mkdocs"]  # in ROOT: this checkout's engine
    with tempfile.TemporaryDirectory() as tmp:
        dest = Path(tmp)
        shutil.copytree(ROOT / "docs", dest / "docs")
        config = bare_config(dest)
        course, bare = [], []
        for run in range(runs):
            cache = {"CITATIONS_CACHE_DIR": str(dest / f"citations-{run}")} if args.cold_citations else {}
            course.append(timed([*mkdocs, "build", "--strict", "-q", "-d", str(dest / "course")], ROOT, **cache))
            bare.append(timed([*mkdocs, "build", "-q", "-f", str(config), "-d", str(dest / "bare")], dest))
    print(f"{'':14} {'fastest':>8} {'median':>8} {'peak MB':>8}")
    for name, results in (("course", course), ("bare Material", bare)):
        print(f"{name:14} {min(r[0] for r in results):7.2f}s {statistics.median(r[0] for r in results):7.2f}s "
              f"{statistics.median(r[1] for r in results):8}")
    fastest = min(r[0] for r in course) / min(r[0] for r in bare)
    median = statistics.median(r[0] for r in course) / statistics.median(r[0] for r in bare)
    memory = statistics.median(r[1] for r in course) / statistics.median(r[1] for r in bare)
    print(f"{'ratio':14} {fastest:7.2f}x {median:7.2f}x {memory:7.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
