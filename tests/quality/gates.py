"""What the quality gates share: where the site is published, its pages, and a visit of every page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from urllib.parse import urlsplit

from sitebuild import ROOT

NODE_MODULES = ROOT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
INSTALL_HINT = "run `make test`, or `make node_modules/.installed` (npm ci, from package-lock.json)"

# Playwright's colour scheme -> the Material palette it must select (mkdocs.yml picks it by media query).
PALETTES = {"light": "default", "dark": "slate"}
# A page with known defects, served only to the test browser, to show that the gates really report.
CANARY = "__quality-canary__/"
CANARY_HTML = Path(__file__).with_name("canary.html").read_text(encoding="utf-8")
# The rules run in each palette. The palettes differ only in colours (Material swaps CSS custom
# properties; the markup is the same), so the dark one runs the rules that read colours, and the
# light one runs every rule.
AXE_RULES: dict[str, list[str] | None] = {"light": None, "dark": ["color-contrast", "link-in-text-block"]}
# Starts axe-core after the call returns, so that the light and the dark tab audit at the same time (one
# renderer process per core); `window.__axe` then holds its violations, trimmed.
AXE_START = """(rules) => {
  const options = rules ? {runOnly: rules, resultTypes: ["violations"]} : {resultTypes: ["violations"]};
  window.__axe = new Promise((resolve) => setTimeout(() => axe.run(document, options).then(
    (result) => resolve(result.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({target: JSON.stringify(n.target), summary: n.failureSummary}))}))),
    (error) => resolve([{id: "axe-error", impact: "critical", help: String(error), nodes: []}])), 0));
}"""
# Every request to another origin goes to this proxy, where nothing listens (port 9, "discard"): it is
# recorded by the browser, then fails on this machine. A proxy, not request interception, which would
# turn off the browser's cache and reload every asset on every page.
NO_EXIT = {"server": "http://127.0.0.1:9", "bypass": "127.0.0.1"}
NAVIGATION_HEIGHT = "document.querySelector('.md-nav--primary')?.scrollHeight ?? 0"
_WEB = ("http", "https", "ws", "wss")


@dataclass
class Visit:
    """One page loaded in one palette."""

    url: str  # relative to the site root
    palette: str  # the colour scheme the browser asked for
    status: int
    scheme: str | None  # the Material palette the page shows (data-md-color-scheme)
    violations: list[dict]  # axe-core's, trimmed to id, impact, help and nodes (target, summary)
    foreign_requests: list[str]


def site_address(site: Path) -> str:
    """Where the built site is published (its `site_url`), read from the home page's canonical link."""
    home = (site / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<link rel="canonical" href="([^"]+)"', home)
    return found.group(1) if found else "http://localhost/"  # no site_url: served from the root


def site_prefix(site: Path) -> str:
    """The path the site is published under, e.g. '/security-dilemma/'."""
    path = urlsplit(site_address(site)).path or "/"
    return path if path.endswith("/") else path + "/"


def page_urls(site: Path) -> list[str]:
    """Every HTML page of the built site as a URL relative to its root: '', 'topics/x/', '404.html'."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        urls.append(relative.removesuffix("index.html") if path.name == "index.html" else relative)
    return urls


def page_file(site: Path, url: str) -> Path:
    """The built file behind a URL of `page_urls`."""
    return site / (url + "index.html" if url == "" or url.endswith("/") else url)


def is_foreign(url: str, origin: str) -> bool:
    """A web request to a host other than `origin` (data: and blob: URLs stay in the page)."""
    parts = urlsplit(url)
    return parts.scheme in _WEB and parts.netloc != origin


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves the site under its published path, like GitHub Pages: 404.html for anything missing.

    Serving it at the root instead would hide root-absolute URLs that break once published (404.html
    uses them for every asset). The canary page is served too, outside the built site.
    """

    prefix = "/"

    def do_GET(self) -> None:
        if urlsplit(self.path).path == self.prefix + CANARY:
            self._send(200, CANARY_HTML.encode())
        else:
            super().do_GET()

    def translate_path(self, path: str) -> str:
        url_path = urlsplit(path).path
        if not url_path.startswith(self.prefix):
            return ""  # outside the site: a 404
        return super().translate_path("/" + url_path.removeprefix(self.prefix))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            self._send(404, page.read_bytes())
        else:
            super().send_error(code, message, explain)

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def visit_every_page(browser, base: str, urls: list[str], axe: Path) -> list[Visit]:
    """Load the canary and every page in a light and a dark tab; run axe-core; record foreign requests."""
    origin = urlsplit(base).netloc
    tabs, sent = {}, {}
    for palette in PALETTES:
        context = browser.new_context(color_scheme=palette, proxy=NO_EXIT)
        context.add_init_script(path=str(axe))
        log: list[str] = []
        context.on("request", lambda request, log=log: log.append(request.url))
        sent[palette] = log
        tab = context.new_page()
        # Tall enough for the whole navigation: axe would otherwise scroll the sidebar and judge its
        # clipped items against the footer behind them, which a reader never sees.
        tab.goto(base)
        tab.set_viewport_size({"width": 1280, "height": max(720, tab.evaluate(NAVIGATION_HEIGHT) + 300)})
        tabs[palette] = tab
    visits = []
    for url in [CANARY, *urls]:
        loaded = {}
        for palette, tab in tabs.items():
            sent[palette].clear()
            response = tab.goto(base + url)
            scheme = tab.evaluate("document.body?.dataset.mdColorScheme ?? null")
            loaded[palette] = (response.status if response else 0, scheme)
            tab.evaluate(AXE_START, AXE_RULES[palette])
        for palette, tab in tabs.items():
            violations = tab.evaluate("window.__axe")
            foreign = [request for request in sent[palette] if is_foreign(request, origin)]
            visits.append(Visit(url, palette, *loaded[palette], violations, foreign))
    for tab in tabs.values():
        tab.context.close()
    return visits
