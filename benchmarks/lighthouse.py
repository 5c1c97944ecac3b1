"""Lighthouse scores (mobile) for four pages of the built course, served locally as GitHub Pages would.

Usage: .venv/bin/python benchmarks/lighthouse.py [--runs 3] [--json results.json] [--bare]

Builds the site with SITE_URL pointing at a local server (so canonical URLs and the sitemap match
the host that serves them), serves it under the published path with gzip, like GitHub Pages, and
runs Lighthouse (benchmarks/lighthouse/package.json, installed here on first use) in Debian's
Chromium with its default mobile emulation and simulated throttling. Prints the median score of
each category per page and every audit that cost a point. Budget: 100 in each category. With
--bare it then scores bare Material's build of the same Markdown (overhead.py) on the pages that
build has, the home and topic pages: what Material alone scores here.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from overhead import bare_config

ROOT = Path(__file__).resolve().parents[1]
TOOL = ROOT / "benchmarks" / "lighthouse"
LIGHTHOUSE = TOOL / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
PREFIX = "/security-dilemma/"
PAGES = ("", "topics/security-dilemma/", "graph/", "works-cited/")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv"}


class PagesHandler(SimpleHTTPRequestHandler):
    """The site under its published path, gzipped text and 404.html for anything missing."""

    def translate_path(self, path: str) -> str:
        url_path = urlsplit(path).path
        if not url_path.startswith(PREFIX):
            return ""
        return super().translate_path("/" + url_path.removeprefix(PREFIX))

    def send_head(self) -> _Body | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the slash URL
            path = path / "index.html"
        if not path.is_file():
            path, status = Path(self.directory) / "404.html", 404
        else:
            status = 200
        body = path.read_bytes()
        gzipped = path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        return _Body(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_: object) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def ensure_lighthouse() -> None:
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=TOOL, check=True)


def _mkdocs_build(*options: str, cwd: Path, **env: str) -> None:
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"} | env
    subprocess.run([str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "-q", *options], cwd=cwd, env=env, check=True)


def build(site: Path, base: str) -> None:
    _mkdocs_build("--strict", "-d", str(site), cwd=ROOT, SITE_URL=base)


def build_bare(site: Path, base: str) -> None:
    """Bare Material over the same docs/ (overhead.py), for the pages both sites have."""
    work = site.parent / "bare-source"
    shutil.copytree(ROOT / "docs", work / "docs")
    _mkdocs_build("-f", str(bare_config(work, site_url=base)), "-d", str(site), cwd=work)


def audit(url: str, out: Path) -> dict:
    env = os.environ | {"CHROME_PATH": CHROMIUM}
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
                    f"--only-categories={','.join(CATEGORIES)}",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu"], env=env, check=True)
    return json.loads(out.read_text(encoding="utf-8"))


def lost_points(report: dict) -> list[str]:
    """Audits that count towards a category and did not pass, as 'category: audit (score)'."""
    lost = []
    for name, category in report["categories"].items():
        for ref in category["auditRefs"]:
            result = report["audits"][ref["id"]]
            if ref["weight"] and result["score"] is not None and result["score"] < 1:
                value = f", {result['displayValue']}" if result.get("displayValue") else ""
                lost.append(f"{name}: {ref['id']} ({result['score']:.2f}{value})")
    return lost


def score(site: Path, build_site: Callable[[Path, str], None], runs: int) -> tuple[dict, dict, dict]:
    """Median-ready scores and lost points per page of one site, and the last report."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(PagesHandler, directory=str(site)))
    base = f"http://127.0.0.1:{server.server_port}{PREFIX}"
    build_site(site, base)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    results: dict[str, dict[str, list[int]]] = {}
    lost: dict[str, set[str]] = {}
    report: dict = {}
    for page in (p for p in PAGES if (site / p / "index.html").exists()):
        results[page] = {c: [] for c in CATEGORIES}
        lost[page] = set()
        for run in range(runs):
            report = audit(base + page, site.parent / f"report-{run}.json")
            for name in CATEGORIES:
                results[page][name].append(round(report["categories"][name]["score"] * 100))
            lost[page] |= set(lost_points(report))
    server.shutdown()
    return results, lost, report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write every score here")
    parser.add_argument("--bare", action="store_true",
                        help="also score bare Material's build of the same Markdown (the pages it has)")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: run scripts/ensure-chromium.sh")
    ensure_lighthouse()
    sites = {"course": build}
    if args.bare:
        sites["bare Material"] = build_bare
    scores = {}
    for name, build_site in sites.items():
        with tempfile.TemporaryDirectory() as tmp:
            results, lost, report = score(Path(tmp) / "site", build_site, args.runs)
        scores[name] = results
        print(f"{name}: Lighthouse {report['lighthouseVersion']}, {report['configSettings']['formFactor']}, "
              f"median of {args.runs} runs")
        print(f"{'page':28} " + " ".join(f"{c:>14}" for c in CATEGORIES))
        for page, page_scores in results.items():
            print(f"{'/' + page:28} " + " ".join(f"{statistics.median(page_scores[c]):>14g}" for c in CATEGORIES))
            for item in sorted(lost[page]):
                print(f"    lost: {item}")
    if args.json:
        args.json.write_text(json.dumps(scores if args.bare else scores["course"], indent=1), encoding="utf-8")
    shutil.rmtree(TOOL / ".lighthouse", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
