"""Generate a synthetic course of N topics (random prerequisite DAG, citations, links) and time its build
against bare Material building the same Markdown, in the same run.

Usage: .venv/bin/python benchmarks/synthetic_course.py 250 1000 2000 [--seed 1] [--reload 1000]

Each course is written to a temporary copy of the project (same mkdocs.yml, engine, hooks and CSL
style; generated topics, bibliography and navigation), committed to a throwaway git repository as a
real checkout would be, and built with `mkdocs build --strict` under /usr/bin/time: cold (no .cache/)
and then warm (a second build, as after an edit or in CI with a restored cache). Bare Material
(overhead.py) builds the same Markdown, cold and warm, in between: the floor for any course built with
MkDocs and Material on this machine. The table gives both and their ratios. --reload N also times a
one-line edit in `mkdocs serve` at N topics (reload.py's comparison).
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from overhead import bare_config
from reload import compare, report

ROOT = Path(__file__).resolve().parents[1]
PARTS = ["Foundations", "Models", "The dilemma", "Cases", "Mitigation", "Extensions"]
WORDS = ["security", "states", "anarchy", "fear", "arms", "balance", "offense", "defense", "trust", "signal",
         "alliance", "deterrence", "spiral", "crisis", "treaty", "verification", "doctrine", "intention"]


def write_course(dest: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    for name in ("overrides", "topicgraph", "figures", "csl"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    (dest / "docs" / "topics").mkdir(parents=True)
    (dest / "docs" / "index.md").write_text("# Synthetic course\n\n<!-- course:progress -->\n")

    keys = [f"author{i:04d}" for i in range(max(20, n // 5))]
    (dest / "bibliography.bib").write_text("".join(
        f"@article{{{k},\n  author = {{Author, A{i}}}, title = {{Work {i}}}, journal = {{Journal}},\n"
        f"  year = {{{1950 + i % 70}}}, volume = {{{i % 40 + 1}}}, pages = {{1--{i % 50 + 10}}}\n}}\n"
        for i, k in enumerate(keys)))
    cited: set[str] = set()
    ids = [f"topic-{i:04d}" for i in range(n)]
    nav: dict[str, list[str]] = {part: [] for part in PARTS}
    for i, topic_id in enumerate(ids):
        prerequisites = sorted(rng.sample(ids[max(0, i - 40):i], min(i, rng.randint(0, 3)))) if i else []
        part = PARTS[i * len(PARTS) // n]
        nav[part].append(f"topics/{topic_id}.md")
        chosen = rng.sample(keys, 3)
        cited |= set(chosen)
        paragraphs = [" ".join(rng.choices(WORDS, k=60)) + f" [@{key}, p. {rng.randint(1, 300)}]." for key in chosen]
        links = " ".join(f"[{p}]({p}.md)" for p in prerequisites) or "the course"
        body = (f"## Core idea {{#core-idea}}\n\n{paragraphs[0]} It builds on {links}.\n\n"
                f"## How it's best learned {{#how-to-learn}}\n\n{paragraphs[1]}\n\n"
                f"## Explainer {{#explainer}}\n\n### Detail {{#detail}}\n\n{paragraphs[2]}\n")
        meta = {
            "title": f"Synthetic topic {i}", "description": "A generated topic for measuring how the build scales.",
            "level": "undergraduate", "part": part, "tags": [rng.choice(["alpha", "beta", "gamma"])],
            "prerequisites": prerequisites, "reflection": "What did you take from this generated topic?",
            "quiz": [{"question": f"Generated question {q}?", "options": [
                {"text": "Right", "correct": True, "explanation": "It is right."},
                {"text": "Wrong", "explanation": "It is wrong."}]} for q in range(3)],
        }
        text = f"---\n{yaml.safe_dump(meta, sort_keys=False)}---\n\n{body}"
        (dest / "docs" / "topics" / f"{topic_id}.md").write_text(text)
    # Every entry must be cited: keep only those that are.
    bib = (dest / "bibliography.bib").read_text()
    entries = re.findall(r"@article\{(\w+),.*?\n\}\n", bib, re.S)
    kept = [m.group(0) for m in re.finditer(r"@article\{(\w+),.*?\n\}\n", bib, re.S) if m.group(1) in cited]
    assert len(entries) >= len(kept)
    (dest / "bibliography.bib").write_text("".join(kept))

    config = (ROOT / "mkdocs.yml").read_text().split("\nnav:")[0]
    nav_yaml = yaml.safe_dump({"nav": [{"Home": "index.md"}, {"Course map": [
        "graph.md", "syllabus.md", "tags.md", "works-cited.md", "print.md"]},
        *({part: pages} for part, pages in nav.items() if pages)]}, sort_keys=False)
    (dest / "mkdocs.yml").write_text(config + "\n" + nav_yaml)
    git = ["git", "-C", str(dest), "-c", "user.name=bench", "-c", "user.email=bench@localhost"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "synthetic course"]):
        subprocess.run([*git, *args], check=True, capture_output=True)


def measure(dest: Path, *options: str) -> tuple[float, int, int]:
    """Seconds, peak RSS in MB (largest process: mkdocs or pandoc), and the exit status."""
    # `python -m mkdocs` in the copy: the copy's engine (this checkout's) is the one timed.
    env_cmd = ["env", "NO_MKDOCS_2_WARNING=1", "DISABLE_MKDOCS_2_WARNING=true",
               sys.executable, "-m", "mkdocs", "build", "-q", *options]
    proc = subprocess.run(["/usr/bin/time", "-f", "%e %M", *env_cmd], cwd=dest, capture_output=True, text=True)
    seconds, kilobytes = proc.stderr.strip().splitlines()[-1].split()
    if proc.returncode:
        print(proc.stderr[-2000:], file=sys.stderr)
    return float(seconds), int(kilobytes) // 1024, proc.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", type=int, nargs="+")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reload", type=int, metavar="N", help="also time an edit in `mkdocs serve` at N topics")
    args = parser.parse_args()
    print("topics  build          pages  cold s  warm s  peak MB")
    ratios = []
    for n in sorted(set(args.sizes) | ({args.reload} if args.reload else set())):
        with tempfile.TemporaryDirectory() as tmp:
            dest = Path(tmp)
            write_course(dest, n, args.seed)
            bare = bare_config(dest, dest / "mkdocs.yml")
            builds = {"course": ["--strict", "-d", str(dest / "site")],
                      "bare Material": ["-f", str(bare), "-d", str(dest / "bare")]}
            seconds: dict[str, tuple[float, float]] = {}
            for name, options in builds.items():
                cold, megabytes, status = measure(dest, *options)
                warm, _, _ = measure(dest, *options)
                seconds[name] = (cold, warm)
                pages = sum(1 for _ in Path(options[-1]).rglob("index.html"))
                print(f"{n:6}  {name:13}  {pages:5}  {cold:6.1f}  {warm:6.1f}  {megabytes:7}"
                      + ("  (build failed)" if status else ""))
            ratios.append((n, *(seconds["course"][i] / seconds["bare Material"][i] for i in (0, 1))))
            if n == args.reload:
                bare_dir = dest / "bare-docs"
                shutil.copytree(dest / "docs", bare_dir / "docs")
                print(f"\nedit-to-reload at {n} topics:")
                report(compare(dest, bare_dir, dest / "mkdocs.yml", f"topic-{n // 2:04d}", edits=3))
                print()
    print("\ntopics  course/bare cold  course/bare warm")
    for n, cold, warm in ratios:
        print(f"{n:6}  {cold:15.2f}x  {warm:15.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
