"""Page dates from one git log (topicgraph/gitdates.py)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from topicgraph.gitdates import last_changed, parse_log


def test_the_newest_commit_naming_a_file_dates_it() -> None:
    log = "\x00300\n\ntopics/a.md\n\x00200\n\ntopics/a.md\ntopics/b.md\n\x00100\n\nindex.md\n"
    assert parse_log(log) == {"topics/a.md": 300, "topics/b.md": 200, "index.md": 100}


def test_a_repository_dates_files_relative_to_the_directory(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "topics").mkdir(parents=True)

    def commit(path: Path, text: str, when: int) -> None:
        path.write_text(text, encoding="utf-8")
        env = {**os.environ, "GIT_AUTHOR_DATE": f"@{when} +0000", "GIT_COMMITTER_DATE": f"@{when} +0000"}
        git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@localhost"]
        subprocess.run([*git, "add", "-A"], check=True, capture_output=True, env=env)
        subprocess.run([*git, "commit", "-q", "-m", "x"], check=True, capture_output=True, env=env)

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    commit(docs / "topics" / "a.md", "one", 1_700_000_000)
    commit(docs / "index.md", "two", 1_700_000_100)
    commit(docs / "topics" / "a.md", "three", 1_700_000_200)
    (tmp_path / "outside.md").write_text("not in docs", encoding="utf-8")
    commit(tmp_path / "outside.md", "four", 1_700_000_300)
    assert last_changed(docs) == {"topics/a.md": 1_700_000_200, "index.md": 1_700_000_100}
    # Kept by commit: the same commit is not logged again; a new one is.
    cache = tmp_path / "cache"
    assert last_changed(docs, cache) == last_changed(docs)
    [entry] = cache.glob("dates.*.json")
    entry.write_text('{"index.md": 5}', encoding="utf-8")
    assert last_changed(docs, cache) == {"index.md": 5}
    commit(docs / "index.md", "five", 1_700_000_400)
    assert last_changed(docs, cache) == {"topics/a.md": 1_700_000_200, "index.md": 1_700_000_400}
    assert len(list(cache.glob("dates.*.json"))) == 1


def test_outside_a_repository_nothing_is_dated(tmp_path: Path) -> None:
    assert last_changed(tmp_path) == {}
    assert last_changed(tmp_path, tmp_path / "cache") == {} and not (tmp_path / "cache").exists()


def test_committed_files_under_a_directory_are_listed(tmp_path: Path) -> None:
    from topicgraph.gitdates import tracked_files

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".cache" / "pages").mkdir(parents=True)
    (tmp_path / ".cache" / "pages" / "a.json").write_text("{}", encoding="utf-8")
    assert tracked_files(tmp_path / ".cache") == []  # made by a build, not committed
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@localhost"]
    subprocess.run([*git, "add", "-f", ".cache/pages/a.json"], check=True, capture_output=True)
    assert tracked_files(tmp_path / ".cache") == [".cache/pages/a.json"]
    assert tracked_files(tmp_path / "elsewhere" / ".cache") == []


def test_the_edition_is_the_checked_out_commit_and_nothing_outside_git(tmp_path: Path) -> None:
    from topicgraph.gitdates import head_commit

    assert head_commit(tmp_path) is None  # not a repository
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    assert head_commit(tmp_path) is None  # a repository without a commit
    env = {**os.environ, "GIT_AUTHOR_DATE": "@1764900000 +0000", "GIT_COMMITTER_DATE": "@1764900000 +0000"}
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@localhost"]
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "x"], check=True, capture_output=True, env=env)
    short = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    assert head_commit(tmp_path) == ("2025-12-05", short)
