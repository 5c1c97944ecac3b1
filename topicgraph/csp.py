"""The site's Content-Security-Policy: what a page may load and run, written once.

Scripts: the site's own files, and inline scripts only by their hash. Styles may be inline (Material
sets style attributes from its scripts); images may be data: URLs (Material's icons in its CSS).
Nothing from another host: the site makes no third-party request, and the policy says so.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

# Written by the template (topicgraph/plugin/theme/main.html) and replaced in each finished page.
POLICY_PLACEHOLDER = "course-content-security-policy"
# Script types a browser runs; data blocks (type="application/json") never run and need no hash.
_EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")


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
    """The base64 SHA-256 digests of the inline scripts a browser would run in `html`, in order.

    `html` is what the site's templates wrote (a page less its content): a regular expression over it
    is enough, and a page's HTML parsed as a whole cost about 20 ms a page.
    """
    scripts = []
    for match in _SCRIPT.finditer(html):
        attributes = {name.lower(): value.strip("'\"") for name, value in _ATTRIBUTE.findall(match.group(1))}
        if "src" not in attributes and attributes.get("type", "").lower() in _EXECUTABLE:
            scripts.append(match.group(2))
    return [base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() for text in scripts]
