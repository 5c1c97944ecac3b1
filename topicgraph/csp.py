"""The site's Content-Security-Policy: what a page may load and run, written once.

Scripts: the site's own files, and inline scripts only by their hash. Styles may be inline (Material
sets style attributes from its scripts); images may be data: URLs (Material's icons in its CSS).
Nothing from another host: the site makes no third-party request, and the policy says so.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from html.parser import HTMLParser

# Written by the template (topicgraph/plugin/theme/main.html) and replaced in each finished page.
POLICY_PLACEHOLDER = "course-content-security-policy"
# Script types a browser runs; data blocks (type="application/json") never run and need no hash.
_EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}


def content_security_policy(script_hashes: Iterable[str], live_reload: bool = False) -> str:
    """The policy for one page, allowing its inline scripts by their base64 SHA-256 digests.

    The offline edition (file://) needs nothing more: its search worker runs in an iframe whose
    scripts are files (topicgraph/plugin/theme/assets/javascripts/vendor/iframe-worker-shim.js).

    Arguments:
        live_reload: the page is for `mkdocs serve`, which appends its live-reload script to every page
            it serves, with numbers that change per request, so no hash can name it; inline scripts are
            then allowed (a hash in the list would make browsers ignore 'unsafe-inline'). Never for
            a build that is published: the allowlist of page HTML still refuses a contributor's script.
    """
    hashes = " ".join(f"'sha256-{digest}'" for digest in sorted(set(script_hashes)))
    directives = {
        "default-src": "'self'",
        "script-src": "'self' 'unsafe-inline'" if live_reload else f"'self' {hashes}".strip(),
        "style-src": "'self' 'unsafe-inline'",
        "img-src": "'self' data:",
        "font-src": "'self'",
        "connect-src": "'self'",
        "worker-src": "'self'",
        "frame-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def inline_script_hashes(html: str) -> list[str]:
    """The base64 SHA-256 digests of the inline scripts a browser would run in `html`, in order."""
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    return [base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() for text in parser.scripts]


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)  # a script's text is hashed exactly as written
        self.scripts: list[str] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script" and "src" not in found and (found.get("type") or "").lower() in _EXECUTABLE:
            self._open = []

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._open is not None:
            self.scripts.append("".join(self._open))
            self._open = None
