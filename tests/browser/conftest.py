"""Browser fixtures: the built site served on 127.0.0.1, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from quality.gates import is_foreign
from sitebuild import ROOT, run_build

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built for, and served on, an ephemeral port of 127.0.0.1.

    Material's instant navigation and link previews only follow links listed in sitemap.xml, whose
    URLs come from site_url, so this build's site_url is the address it is served at.
    """
    server = ThreadingHTTPServer(("127.0.0.1", 0), _QuietHandler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    result = run_build(ROOT, tmp_path_factory.mktemp("served-site"), SITE_URL=url)
    assert result.returncode == 0, result.output
    server.RequestHandlerClass = functools.partial(_QuietHandler, directory=str(result.site))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline edition (OFFLINE=true), to open from a folder."""
    result = run_build(ROOT, tmp_path_factory.mktemp("offline"), OFFLINE="true")
    assert result.returncode == 0, result.output
    return result.site


@dataclass
class Watch:
    """What a page did that a reader would not want: console errors, requests leaving the site."""

    origin: str
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert not self.console_errors, self.console_errors
        assert not self.foreign_requests, self.foreign_requests


@pytest.fixture
def watch(page, base_url: str) -> Watch:
    """Record console errors and every request outside the site's own origin."""
    origin = urlsplit(base_url).netloc
    watched = Watch(origin)
    page.on("console", lambda msg: msg.type == "error" and watched.console_errors.append(msg.text))
    page.on("pageerror", lambda exc: watched.console_errors.append(str(exc)))

    page.on("request", lambda request: is_foreign(request.url, origin) and watched.foreign_requests.append(request.url))
    return watched
