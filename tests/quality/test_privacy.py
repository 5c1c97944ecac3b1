"""Privacy gate: no page makes a request outside the site's own origin (fonts, CDNs, trackers, APIs).

The site must work from a folder or a USB stick and tell no third party who reads what. Every page
is loaded in a real browser (both palettes); a request elsewhere is recorded and refused.
"""

from __future__ import annotations

from quality.gates import CANARY, Visit


def test_a_foreign_request_is_caught(site_visits: list[Visit]) -> None:
    for visit in (v for v in site_visits if v.url == CANARY):
        assert visit.foreign_requests == ["https://tracker.invalid/pixel.gif"]


def test_no_page_requests_another_origin(site_visits: list[Visit], pages: list[str]) -> None:
    visits = [v for v in site_visits if v.url != CANARY]
    assert {v.url for v in visits} == set(pages)
    leaks = [f"{v.url} ({v.palette}): {request}" for v in visits for request in v.foreign_requests]
    assert not leaks, "requests outside the site:\n" + "\n".join(leaks)
