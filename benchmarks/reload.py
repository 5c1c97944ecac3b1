"""Edit-to-reload: how long after a one-line edit to a topic `mkdocs serve` serves the changed page.

Usage: .venv/bin/python benchmarks/reload.py [--edits 5] [--topic hotline]

Starts `mkdocs serve` for the course and for bare Material over the same docs/ (overhead.py's bare
configuration), in the same session, each in a copy of the project; then, for each server in turn,
appends a sentence to one topic and times the moment the served page first contains it (polling every
20 ms). That is what a contributor waits for: the file watcher's delay, the rebuild, the write. The
first edit after start-up is not counted (MkDocs' first rebuild warms what it keeps).
synthetic_course.py --reload uses the same comparison on a generated course.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from overhead import bare_config

ROOT = Path(__file__).resolve().parents[1]
# The engine is copied too and run with `python -m mkdocs` (the copy first on sys.path), so that a
# branch's engine is what is timed.
# .gitignore keeps the copied .cache/ out of the copy's git (the build refuses a committed cache).
COPIED = (".gitignore", "mkdocs.yml", "bibliography.bib", "published-urls.txt", "docs", "overrides", "topicgraph",
          "figures", "csl", ".cache")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


class Server:
    def __init__(self, project: Path, config: Path, topic: str) -> None:
        self.address = f"127.0.0.1:{free_port()}"
        self.base = f"http://{self.address}/"
        # serve mounts the site at site_url's path: the course's comes from SITE_URL, bare's is a root.
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "SITE_URL": self.base}
        # The course as `make serve` serves it; bare Material as it serves by default (it lacks the generated pages).
        flags = ["--strict", "--dirty"] if config.name == "mkdocs.yml" else []
        self.process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", *flags, "--livereload",
                                         "-f", str(config), "-a", self.address], cwd=project, env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.topic = project / "docs" / "topics" / f"{topic}.md"
        self.path = f"topics/{topic}/"
        deadline = time.monotonic() + 300
        while not fetch(self.base + self.path):
            if time.monotonic() > deadline:
                raise SystemExit(f"mkdocs serve did not start in {project}")
            time.sleep(0.5)

    def edit(self, n: int) -> float:
        """Append a sentence; seconds until the served page shows it."""
        marker = f"Reload marker number {n} {time.time_ns()}."
        with self.topic.open("a", encoding="utf-8") as file:
            file.write(f"\n\n{marker}\n")
        start = time.perf_counter()
        while marker not in (fetch(self.base + self.path) or ""):
            if time.perf_counter() - start > 120:
                raise SystemExit(f"the edit never reached {self.base + self.path}")
            time.sleep(0.02)
        return time.perf_counter() - start

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def compare(course: Path, bare: Path, source_config: Path, topic: str, edits: int) -> dict[str, list[float]]:
    """Serve `course` (its mkdocs.yml) and bare Material over `bare`/docs; time `edits` edits to each."""
    servers = {"course": Server(course, course / "mkdocs.yml", topic),
               "bare Material": Server(bare, bare_config(bare, source_config), topic)}
    try:
        for server in servers.values():
            server.edit(0)  # not counted
        times: dict[str, list[float]] = {name: [] for name in servers}
        for n in range(1, edits + 1):
            for name, server in servers.items():  # alternately, so both see the same machine
                times[name].append(server.edit(n))
    finally:
        for server in servers.values():
            server.stop()
    return times


def report(times: dict[str, list[float]]) -> None:
    print(f"{'':14} {'median':>8} {'fastest':>8}  (seconds from saving the file to the page served with it)")
    for name, values in times.items():
        print(f"{name:14} {statistics.median(values):7.2f}s {min(values):7.2f}s")
    ratio = statistics.median(times["course"]) / statistics.median(times["bare Material"])
    print(f"{'ratio':14} {ratio:7.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--topic", default="hotline")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        course = Path(tmp) / "course"
        course.mkdir()
        for name in COPIED:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, course / name)
            elif source.is_file():
                shutil.copy2(source, course / name)
        for git_args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "copy"]):
            subprocess.run(["git", "-C", str(course), "-c", "user.name=b", "-c", "user.email=b@localhost", *git_args],
                           check=True, capture_output=True)
        bare = Path(tmp) / "bare"
        shutil.copytree(ROOT / "docs", bare / "docs")
        report(compare(course, bare, ROOT / "mkdocs.yml", args.topic, args.edits))
    return 0


if __name__ == "__main__":
    sys.exit(main())
