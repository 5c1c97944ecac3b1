"""Valid-markup gate: the W3C Nu HTML Checker finds no error in any built page.

One checker run (one JVM) covers every page, plus a canary file with a known error that shows the
checker really reports. Errors in our templates and content are fixed; the only messages accepted are
Material's own markup that no override in topicgraph/plugin/theme/ can change, listed in ALLOWED with the reason.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from quality.gates import page_file

CANARY = '<!doctype html><html lang="en"><title>canary</title><p id="x">a</p><p id="x">b</p></html>\n'
CANARY_ERROR = "Duplicate ID “x”."


@dataclass(frozen=True)
class Allowed:
    message: str  # a regular expression matched against the checker's message
    extract: str  # ... and against the markup it quotes, so that only Material's element is excused
    reason: str


ALLOWED = (
    Allowed(
        message=r"^Attribute “autocomplete” is only allowed when the input type is",
        extract=r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__\1" '
                r'autocomplete="off">',
        reason="Material's base.html writes autocomplete=off on its drawer and search toggles so that Firefox "
               "does not restore their checked state on back/forward; base.html has no block to override it "
               "short of copying the whole template, and browsers ignore the attribute otherwise.",
    ),
)


def allowed(message: dict) -> Allowed | None:
    for entry in ALLOWED:
        if re.search(entry.message, message.get("message", "")) and \
                re.search(entry.extract, message.get("extract", "")):
            return entry
    return None


def test_every_page_is_valid_html(site: Path, pages: list[str], vnu_command: list[str], tmp_path: Path) -> None:
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    files = [page_file(site, url) for url in pages]
    proc = subprocess.run(
        [*vnu_command, "--errors-only", "--no-langdetect", "--format", "json", "--stdout", "--exit-zero-always",
         str(canary), *map(str, files)],
        capture_output=True, text=True, timeout=300,
    )
    messages = json.loads(proc.stdout)["messages"]
    by_file: dict[str, list[dict]] = {}
    for message in messages:
        by_file.setdefault(message.get("url", "").removeprefix("file:"), []).append(message)

    assert CANARY_ERROR in [m["message"] for m in by_file.pop(str(canary), [])], "the checker did not report"
    used, errors = set(), []
    for file, found in sorted(by_file.items()):
        for message in found:
            entry = allowed(message)
            if entry is not None:
                used.add(entry)
                continue
            name = Path(file).relative_to(site) if file.startswith(str(site)) else file
            where = f"{name}:{message.get('lastLine', '?')}"
            errors.append(f"{where}: {message['type']}: {message['message']}\n    {message.get('extract', '').strip()}")
    assert not errors, f"{len(errors)} markup error(s):\n" + "\n".join(errors)
    # An excuse that no longer matches anything must go, so the list stays true.
    assert set(ALLOWED) <= used, [entry.reason[:60] for entry in ALLOWED if entry not in used]
