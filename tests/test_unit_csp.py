"""The Content-Security-Policy header text and the inline scripts it allows (topicgraph/csp.py).

tests/test_policy.py checks the policy's shape; these pin the exact text a browser receives and which
inline scripts get a hash: a browser runs a script only if the SHA-256 of its text, exactly as written
(CSP Level 3, "hash-source"), is in the policy.
"""

from __future__ import annotations

import base64
import hashlib

from topicgraph.csp import content_security_policy, inline_script_hashes


def csp_hash(script: str) -> str:
    """The hash-source a browser computes for an inline script: base64 of the SHA-256 of its UTF-8 text."""
    return base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()


def test_a_published_page_gets_exactly_this_policy() -> None:
    assert content_security_policy(["bbb=", "aaa=", "bbb="]) == (
        "default-src 'self'; script-src 'self' 'sha256-aaa=' 'sha256-bbb='; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; frame-src 'self'; "
        "object-src 'none'; base-uri 'self'; form-action 'self'"
    )


def test_a_served_page_allows_inline_scripts_and_names_no_hash() -> None:
    policy = content_security_policy(["aaa="], live_reload=True)
    assert "script-src 'self' 'unsafe-inline'; style-src" in policy
    assert "sha256" not in policy
    assert content_security_policy([], live_reload=False).startswith("default-src 'self'; script-src 'self'; ")


def test_every_script_a_browser_runs_is_hashed_as_written_and_in_page_order() -> None:
    html = (
        "<html><head><script>first()</script>"
        '<SCRIPT TYPE="Text/JavaScript">second()</SCRIPT>'
        '<script type="application/javascript">third()</script>'
        '<script type="">if (a &amp;&amp; b) fourth("é")</script>'
        "<script></script>"
        "</head><body><p>text</p></body></html>"
    )
    assert inline_script_hashes(html) == [
        csp_hash("first()"),
        csp_hash("second()"),
        csp_hash("third()"),
        csp_hash('if (a &amp;&amp; b) fourth("é")'),  # character references are not decoded
        csp_hash(""),
    ]


def test_scripts_that_do_not_run_inline_get_no_hash() -> None:
    html = (
        '<script src="assets/app.js"></script>'
        '<script type="application/json">{"a": 1}</script>'
        '<script type="application/ld+json">{}</script>'
        '<script type="text/template"><p>x</p></script>'
        "<p>after</p><template>not a script</template>"
    )
    assert inline_script_hashes(html) == []


def test_text_outside_scripts_is_not_hashed() -> None:
    html = '<p>before</p><script type="application/json">data</script><p>between</p><script>run()</script><p>x</p>'
    assert inline_script_hashes(html) == [csp_hash("run()")]
