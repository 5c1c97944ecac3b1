"""Fixtures for the quality gates: the built site served under its published path, the npm tools, and
one visit of every page in both palettes, which the accessibility and privacy gates read.

The gates read the session's one strict build (the `site` fixture of tests/conftest.py) and never
write to it.
"""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from browser.conftest import CHROMIUM, CHROMIUM_ARGS
from quality.gates import AXE, INSTALL_HINT, VNU, SiteHandler, Visit, page_urls, site_prefix, visit_every_page
from sitebuild import ROOT


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Debian's Chromium, launched as in tests/browser."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def published_url(site: Path) -> Iterator[str]:
    """The built site on 127.0.0.1 under its published path, e.g. http://127.0.0.1:PORT/security-dilemma/."""
    prefix = site_prefix(site)
    handler = functools.partial(type("Handler", (SiteHandler,), {"prefix": prefix}), directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def pages(site: Path) -> list[str]:
    urls = page_urls(site)
    assert len(urls) > 10, f"the built site has only {urls}"
    return urls


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE.is_file():
        pytest.fail(f"axe-core is not installed at {AXE.relative_to(ROOT)}: {INSTALL_HINT}")
    return AXE


@pytest.fixture(scope="session")
def vnu_command() -> list[str]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("the Nu HTML Checker needs Java 17+: run `make test` (scripts/ensure-node-java.sh)")
    if not VNU.is_file():
        pytest.fail(f"vnu-jar is not installed at {VNU.relative_to(ROOT)}: {INSTALL_HINT}")
    return [java, "-Xss1m", "-jar", str(VNU)]


@pytest.fixture(scope="session")
def site_visits(browser, published_url: str, pages: list[str], axe_script: Path) -> list[Visit]:
    return visit_every_page(browser, published_url, pages, axe_script)
