"""The first build of a fresh clone (no .cache/: no figures, citations, pages or templates cached yet).

Usage: python benchmarks/cold_build.py REF [--runs 5] [--venv DIR]

Clones this repository at REF into a temporary directory and, in each run, builds it with
`mkdocs build --strict` from DIR's venv (default: this project's .venv) with its .cache/ removed, then
bare Material (overhead.py's configuration) over the same clone, so each pair is measured in the same
minute. Prints every pair and the median ratio: on a shared machine single runs vary by a tenth or more.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from overhead import ROOT, bare_config, timed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--venv", type=Path, default=ROOT / ".venv")
    args = parser.parse_args()
    # `python -m` from the clone puts the clone first on sys.path: its engine (topicgraph/), not the
    # one the venv's editable install points at.
    mkdocs = [str(args.venv.resolve() / "bin" / "python"), "-m", "mkdocs"]
    ratios = []
    with tempfile.TemporaryDirectory() as tmp:
        clone = Path(tmp) / "clone"
        subprocess.run(["git", "clone", "--quiet", "--no-checkout", str(ROOT), str(clone)], check=True)
        subprocess.run(["git", "-C", str(clone), "checkout", "--quiet", args.ref], check=True)
        bare_yml = bare_config(clone)
        for run in range(1, args.runs + 1):
            shutil.rmtree(clone / ".cache", ignore_errors=True)
            course, course_mb = timed([*mkdocs, "build", "--strict", "--clean"], clone)
            bare, bare_mb = timed([*mkdocs, "build", "--clean", "-f", str(bare_yml), "-d", str(clone / "bare")], clone)
            ratios.append(course / bare)
            print(f"run {run}: course, cold {course:.2f} s ({course_mb} MB); "
                  f"bare Material {bare:.2f} s ({bare_mb} MB); ratio {course / bare:.2f}x", flush=True)
    print(f"{args.ref} with {args.venv}: median ratio {statistics.median(ratios):.2f}x over {len(ratios)} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
