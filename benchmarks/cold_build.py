"""The first build of a fresh clone (no .cache/: no figures, citations or templates cached yet).

Usage: python benchmarks/cold_build.py REF [--venv DIR]

Clones this repository at REF into a temporary directory, builds it once with `mkdocs build
--strict` from DIR's venv (default: this project's .venv), then bare Material (overhead.py's
configuration) over the same clone, so the two are measured in the same session. One run each:
a first build happens once.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from overhead import ROOT, bare_config, timed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref")
    parser.add_argument("--venv", type=Path, default=ROOT / ".venv")
    args = parser.parse_args()
    mkdocs = str(args.venv.resolve() / "bin" / "mkdocs")
    with tempfile.TemporaryDirectory() as tmp:
        clone = Path(tmp) / "clone"
        subprocess.run(["git", "clone", "--quiet", "--no-checkout", str(ROOT), str(clone)], check=True)
        subprocess.run(["git", "-C", str(clone), "checkout", "--quiet", args.ref], check=True)
        course, course_mb = timed([mkdocs, "build", "--strict", "--clean"], clone)
        bare, bare_mb = timed([mkdocs, "build", "--clean", "-f", str(bare_config(clone)), "-d", str(clone / "bare")],
                              clone)
    print(f"{args.ref} with {args.venv}: course, cold {course:.2f} s ({course_mb} MB); "
          f"bare Material {bare:.2f} s ({bare_mb} MB); ratio {course / bare:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
