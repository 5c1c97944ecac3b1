"""A Content-Security-Policy on every page: defence in depth behind the allowlist of page HTML.

Every built page carries the policy as a <meta http-equiv> right after its charset (theme/main.html),
so it holds wherever the site is served, from a USB stick included. Scripts run only from the site's
own files; the few inline scripts Material's templates write (its storage helpers, palette and anchor
scripts) are allowed by their SHA-256 hashes, computed from the finished page. The page's content,
where a contributor's text ends up, is left out of that scan: a script there gets no hash and does not run.
"""

from __future__ import annotations

from ..csp import POLICY_PLACEHOLDER, content_security_policy, inline_script_hashes


def with_policy(output: str, content: str | None, serving: bool) -> str:
    """A finished page (or a page made from a template alone, content None) with its policy filled in.

    Arguments:
        serving: `mkdocs serve`, whose live-reload script is inline and differs per request.
    """
    if POLICY_PLACEHOLDER not in output:
        return output
    templates_only = output.replace(content, "") if content else output
    policy = content_security_policy(inline_script_hashes(templates_only), live_reload=serving)
    return output.replace(POLICY_PLACEHOLDER, policy, 1)
