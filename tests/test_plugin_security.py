"""Every page's Content-Security-Policy filled in from its finished HTML (topicgraph/plugin/security.py)."""

from __future__ import annotations

import base64
import hashlib

from topicgraph.csp import POLICY_PLACEHOLDER
from topicgraph.plugin.security import with_policy


def sha(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def page(content: str) -> str:
    return (f'<meta http-equiv="Content-Security-Policy" content="{POLICY_PLACEHOLDER}">'
            f"<script>theme()</script><article>{content}</article><p>{POLICY_PLACEHOLDER}</p>")


def test_template_scripts_get_a_hash_and_the_contributors_content_does_not() -> None:
    content = "<script>steal()</script>"
    out = with_policy(page(content), content, serving=False)
    policy = out.split('content="', 1)[1].split('"', 1)[0]
    assert sha("theme()") in policy and sha("steal()") not in policy
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    assert out.endswith(f"<p>{POLICY_PLACEHOLDER}</p>")  # only the meta's placeholder is filled


def test_a_page_from_a_template_alone_hashes_every_script() -> None:
    out = with_policy(page("<script>own()</script>"), None, serving=False)
    assert sha("own()") in out and sha("theme()") in out


def test_a_served_page_allows_inline_scripts() -> None:
    out = with_policy(page(""), "", serving=True)
    assert "'unsafe-inline'" in out.split("script-src", 1)[1].split(";", 1)[0]
    assert sha("theme()") not in out


def test_a_page_without_the_placeholder_is_left_alone() -> None:
    html = "<html><script>x()</script></html>"
    assert with_policy(html, "", serving=False) == html
