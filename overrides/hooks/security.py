"""A Content-Security-Policy on every page: defence in depth behind the allowlist of page HTML.

Every built page carries the policy as a <meta http-equiv> right after its charset, so it holds
wherever the site is served, from a USB stick included. Scripts run only from the site's own files;
the few inline scripts Material's templates write (its storage helpers, palette and anchor scripts)
are allowed by their SHA-256 hashes, computed from the finished page. The page's content, where a
contributor's text ends up, is left out of that scan: a script there gets no hash and does not run.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the project root, for `topicgraph`

from topicgraph.csp import POLICY_PLACEHOLDER, content_security_policy, inline_script_hashes

_serving = False  # `mkdocs serve`: its live-reload script is inline and differs per request


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    templates_only = output.replace(page.content, "") if page.content else output
    return _with_policy(output, templates_only)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # Pages made from a template alone (404.html) have no content of a contributor's.
    return _with_policy(output_content, output_content)


def _with_policy(output: str, scanned: str) -> str:
    if POLICY_PLACEHOLDER not in output:
        return output
    policy = content_security_policy(inline_script_hashes(scanned), live_reload=_serving)
    return output.replace(POLICY_PLACEHOLDER, policy, 1)
