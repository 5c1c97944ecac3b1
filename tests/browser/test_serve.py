"""`make serve`: an edit to a topic reaches the open page by itself, under the Content-Security-Policy, and
an edit to another topic's title reaches every page that shows it (a rebuild converts only what an edit
reaches, topicgraph/plugin/preview.py, and must never leave a stale cross-link)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import Page, expect
from sitebuild import ROOT, copy_project

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => window.__violations.push(event.violatedDirective));
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_flags() -> list[str]:
    """The flags `make serve` gives `mkdocs serve`."""
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nserve:", 1)[1].split("\n\n", 1)[0]
    return [flag for flag in recipe.split() if flag.startswith("--")]


def test_an_edit_appears_in_the_served_page(page: Page, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "published-urls.txt").unlink()  # the title edited below renames a page's first heading
    address = f"127.0.0.1:{free_port()}"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    flags = serve_flags()
    assert "--strict" in flags and "--dirty" in flags
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", *flags, "-a", address],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        url = f"http://{address}/security-dilemma/topics/hotline/"
        deadline = time.monotonic() + 180
        while True:
            try:
                if page.goto(url).ok:
                    break
            except Exception:  # the server is not listening yet
                pass
            assert time.monotonic() < deadline, "mkdocs serve did not start"
            time.sleep(1)
        page.add_init_script(RECORD_VIOLATIONS)
        page.reload()
        topic = project / "docs" / "topics" / "hotline.md"
        text = topic.read_text(encoding="utf-8")
        topic.write_text(text.replace("## Core idea {#core-idea}\n", "## Core idea {#core-idea}\n\nA sentence added "
                                      "while the page was open.\n\n", 1), encoding="utf-8")
        expect(page.locator("article")).to_contain_text("A sentence added while the page was open.",
                                                         timeout=120_000)
        assert page.evaluate("window.__violations") == []
        # Another topic's title: the open page lists it among its prerequisites and in the navigation.
        prerequisite = project / "docs" / "topics" / "cuban-missile-crisis.md"
        text = prerequisite.read_text(encoding="utf-8")
        renamed = "The Cuban crisis of October 1962"
        prerequisite.write_text(text.replace("title: The Cuban missile crisis", f"title: {renamed}", 1),
                                encoding="utf-8")
        expect(page.locator("#prerequisites + ul, #prerequisites ~ ul").first).to_contain_text(renamed,
                                                                                               timeout=120_000)
        expect(page.locator("nav.md-nav--primary")).to_contain_text(renamed)
    finally:
        server.terminate()
        server.wait(timeout=30)
