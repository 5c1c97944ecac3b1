"""What git knows of the course: when each page last changed (one `git log` for the whole docs
directory), and whether a directory that must never be committed holds committed files.

A page's "last updated" date and the date in "Cite this page" are the time of the last commit that
changed its source. Asking git once per page was a tenth of a build (and more of a `make serve`
reload); one log of the directory, newest commit first, gives every file's date at once. A file git
does not know (a new page, a generated one, a copy outside a repository) has no date here: the build
uses its own date for it.
"""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

from .jsoncache import cached_entry

_COMMIT = "\x00"  # git writes it (%x00) before each commit's time


def last_changed(directory: Path, cache_dir: Path | None = None) -> dict[str, int]:
    """Path relative to `directory` -> Unix time of the last commit that changed it ({} outside git).

    With `cache_dir`, the dates are kept there under the commit they were read at: what a commit's
    history says never changes, so a rebuild with no new commit asks git only which commit it is.
    """
    if cache_dir is None:
        return _logged(directory)
    try:
        head = subprocess.run(["git", "-C", str(directory), "rev-parse", "HEAD"],
                              capture_output=True, text=True, check=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return {}
    key = hashlib.sha256(f"{head}\0{directory.resolve()}".encode()).hexdigest()[:20]
    dates, _ = cached_entry("dates", key, cache_dir, lambda: _logged(directory), dump=lambda dates: dates,
                            load=lambda saved: {str(path): int(when) for path, when in saved.items()})
    return dates


def _logged(directory: Path) -> dict[str, int]:
    try:
        log = subprocess.run(
            ["git", "-C", str(directory), "log", "--relative", "--name-only", "--format=%x00%ct", "--", "."],
            capture_output=True, text=True, check=True, timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    return parse_log(log)


def parse_log(log: str) -> dict[str, int]:
    """The dates in `git log --name-only --format=<NUL>%ct` output (newest commit first)."""
    changed: dict[str, int] = {}
    when = 0
    for line in log.splitlines():
        if line.startswith(_COMMIT):
            when = int(line[1:])
        elif line:
            changed.setdefault(line, when)  # the first (newest) commit that names a file is its last change
    return changed


def tracked_files(directory: Path) -> list[str]:
    """The files under `directory` that git tracks ([] outside a repository or for a new directory)."""
    try:
        listed = subprocess.run(["git", "-C", str(directory.parent), "ls-files", "--", directory.name],
                                capture_output=True, text=True, check=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return listed.splitlines()


def head_commit(directory: Path) -> tuple[str, str] | None:
    """The date (YYYY-MM-DD) and short hash of the commit checked out where `directory` is: the edition a
    build is made from (None outside a repository, or without git)."""
    try:
        head = subprocess.run(["git", "-C", str(directory), "log", "-1", "--format=%cs %h"],
                              capture_output=True, text=True, check=True, timeout=60).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return None
    return (head[0], head[1]) if len(head) == 2 else None
