"""Where a build of the course spends its time: the citation step and the topic graph versus the rest.

Usage: NO_MKDOCS_2_WARNING=1 .venv/bin/python benchmarks/build_profile.py [--runs 3]

Builds the site in a fresh process per run, under cProfile, and sums the cumulative time of the functions that make
up each step. "Without citations" is the build time minus the citation step (mkdocs-bibtex's events
plus the hook's one-off pandoc run and bibliography checks).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import logging
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[1]
STEPS = {
    # (file fragment, function name) pairs whose cumulative time belongs to the step.
    "citations": [
        ("mkdocs_bibtex/plugin.py", "on_config"),
        ("mkdocs_bibtex/plugin.py", "on_page_markdown"),
        ("topicgraph/plugin/bibtex.py", "__init__"),
        ("topicgraph/citations.py", "load_bibliography"),
        ("topicgraph/citations.py", "citation_uses"),
    ],
    "topic graph": [
        ("topicgraph/load.py", "load_topics"),
        ("topicgraph/graph.py", "build_graph"),
        ("topicgraph/graph.py", "validate_graph"),
        ("topicgraph/metrics.py", "compute_metrics"),
        ("topicgraph/plugin/pages.py", "generated"),
        ("topicgraph/plugin/pages.py", "topic_context"),
    ],
}


def profile_build() -> tuple[float, dict[str, float]]:
    with tempfile.TemporaryDirectory() as site:
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=site)
        config.plugins.on_startup(command="build", dirty=False)
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.runcall(build, config)
        total = time.perf_counter() - start
    stats = pstats.Stats(profiler).stats
    steps = {}
    for step, functions in STEPS.items():
        steps[step] = sum(
            entry[3]  # cumulative time
            for (filename, _, name), entry in stats.items()
            if any(fragment in filename and name == function for fragment, function in functions)
        )
    return total, steps


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # a single run, as JSON
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    if args.one:
        print(json.dumps(profile_build()))
        return 0
    runs = []
    for _ in range(args.runs):
        # An empty citation cache each run: the step measured includes the pandoc run it exists for.
        with tempfile.TemporaryDirectory() as cache:
            out = subprocess.run([sys.executable, __file__, "--one"], capture_output=True, text=True, check=True,
                                 env=os.environ | {"CITATIONS_CACHE_DIR": cache})
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    total = statistics.median(r[0] for r in runs)
    print(f"build (profiled, median of {len(runs)}): {total:.2f} s")
    for step in STEPS:
        seconds = statistics.median(r[1][step] for r in runs)
        print(f"  {step:12} {seconds:6.2f} s  ({seconds / total:5.1%})")
    citations = statistics.median(r[1]["citations"] for r in runs)
    print(f"with citations / without citations: {total / (total - citations):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
