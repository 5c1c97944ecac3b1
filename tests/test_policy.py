"""The Content-Security-Policy a page carries (topicgraph/csp.py)."""

from __future__ import annotations

from topicgraph.csp import content_security_policy, inline_script_hashes


def directives(policy: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


def test_inline_scripts_run_only_by_their_hash() -> None:
    html = ('<script>a()</script><script src="x.js"></script><script type="application/json">{}</script>'
            '<script type="module">b()</script>')
    hashes = inline_script_hashes(html)
    # Only the two scripts a browser runs, each hashed exactly as written (here a() and b()).
    assert hashes == ["qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4=", "cf242PFc/kb7xD0Qzhsmd9vvRkc+cWFmbi+k+YvtdKc="]
    script_src = directives(content_security_policy(hashes))["script-src"]
    assert script_src.split() == ["'self'", *sorted(f"'sha256-{h}'" for h in hashes)]


def test_a_published_page_never_allows_inline_script_or_another_host() -> None:
    policy = directives(content_security_policy([]))
    assert policy["script-src"] == "'self'" and policy["object-src"] == "'none'"
    assert all("http" not in value and "*" not in value for value in policy.values())


def test_live_reload_allows_inline_script_and_nothing_else_more() -> None:
    published, served = directives(content_security_policy(["abc"])), directives(content_security_policy(
        ["abc"], live_reload=True))
    assert served["script-src"] == "'self' 'unsafe-inline'"
    assert {k: v for k, v in served.items() if k != "script-src"} == \
        {k: v for k, v in published.items() if k != "script-src"}
