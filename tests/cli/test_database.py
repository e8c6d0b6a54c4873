"""A database path that cannot be used is one sentence and exit code 2: never a traceback, a
folder created by mistake, or a URL taken for a file name (a postgresql:// URL is a server's
database; any other URL is refused)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import aiosqlite
import pytest

from bot.store import SqliteStore, StoreError

from .harness import Cli, run_program

URL_REFUSAL = (
    "this build stores facts in SQLite or PostgreSQL only: give a file path or a postgresql:// URL"
)


@contextmanager
def immutable(folder: Path) -> Iterator[None]:
    """``folder`` made read-only even for root (``chattr +i``), or the test skipped."""
    chattr = shutil.which("chattr")
    if chattr is None:
        pytest.skip("chattr is not available")
    made = subprocess.run([chattr, "+i", folder], capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"chattr +i is not possible here: {made.stderr.decode().strip()}")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", folder], check=True)


def _inside_a_file(tmp_path: Path) -> Path:
    (tmp_path / "notes.txt").write_text("a file, not a folder\n", encoding="utf-8")
    return tmp_path / "notes.txt" / "x.db"


def _a_folder(tmp_path: Path) -> Path:
    (tmp_path / "folder.db").mkdir()
    return tmp_path / "folder.db"


def _dangling_link(tmp_path: Path) -> Path:
    # SQLite follows the link and cannot create the file: the connection itself fails.
    (tmp_path / "link.db").symlink_to(tmp_path / "gone" / "x.db")
    return tmp_path / "link.db"


def _not_sqlite(tmp_path: Path) -> Path:
    (tmp_path / "text.db").write_text("not a database, just text\n" * 100, encoding="utf-8")
    return tmp_path / "text.db"


UNUSABLE: dict[str, Callable[[Path], Path]] = {
    "inside-a-file": _inside_a_file,
    "a-folder": _a_folder,
    "dangling-link": _dangling_link,
    "not-sqlite": _not_sqlite,
}


def assert_one_line_exit_2(done: subprocess.CompletedProcess[bytes], database: Path) -> None:
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert done.stdout == b""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ") and str(database) in lines[0]


@pytest.mark.parametrize("case", sorted(UNUSABLE))
def test_unusable_database_path_is_one_line_exit_2(
    tmp_path: Path, knowledge: Path, case: str, cli: Cli
) -> None:
    """`--db` that is a folder, inside a file, a broken link or not SQLite: one line, exit 2.
    In this process (the real program says it in the read-only folder test below)."""
    database = UNUSABLE[case](tmp_path)
    done = cli("kb", "stats", "--db", database)
    assert done.code == 2, done.err
    assert done.out == ""
    lines = done.err.splitlines()
    assert len(lines) == 1, done.err
    assert lines[0].startswith("error: ") and str(database) in lines[0]


def test_existing_database_in_a_read_only_folder_is_one_line_exit_2(
    tmp_path: Path, knowledge: Path
) -> None:
    """A database in a folder nobody may write (even root): one line, exit 2."""
    folder = tmp_path / "ro"
    folder.mkdir()
    database = folder / "x.db"
    assert run_program("kb", "stats", "--db", database, cwd=tmp_path).returncode == 0
    with immutable(folder):
        done = run_program("kb", "stats", "--db", database, cwd=tmp_path)
        new = run_program("kb", "stats", "--db", folder / "new.db", cwd=tmp_path)
    assert_one_line_exit_2(done, database)
    assert_one_line_exit_2(new, folder / "new.db")


@pytest.mark.skipif(os.geteuid() == 0, reason="file permissions do not apply to root")
def test_database_in_a_folder_without_write_permission_is_one_line_exit_2(
    tmp_path: Path, knowledge: Path
) -> None:
    """A database in a folder the user may not write (chmod 555): one line, exit 2."""
    folder = tmp_path / "ro"
    folder.mkdir()
    assert run_program("kb", "stats", "--db", folder / "x.db", cwd=tmp_path).returncode == 0
    folder.chmod(0o555)
    try:
        done = run_program("kb", "stats", "--db", folder / "x.db", cwd=tmp_path)
    finally:
        folder.chmod(0o755)
    assert_one_line_exit_2(done, folder / "x.db")


@pytest.mark.parametrize("case", ["inside-a-file", "a-folder", "read-only-uri"])
async def test_store_open_refuses_an_unusable_path_with_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    """`SqliteStore.open` on a path it cannot use raises StoreError naming the path."""
    if case == "read-only-uri":
        # An empty file is a database of schema version 0: opening it must write the schema,
        # which SQLite's own read-only mode refuses ("attempt to write a readonly database").
        database = tmp_path / "old.db"
        database.write_bytes(b"")
        connect = aiosqlite.connect

        def read_only(path: str, **options: object) -> aiosqlite.Connection:
            return connect(f"file:{path}?mode=ro", uri=True, **options)  # type: ignore[arg-type]

        monkeypatch.setattr(aiosqlite, "connect", read_only)
    else:
        database = UNUSABLE[case](tmp_path)
    with pytest.raises(StoreError) as refused:
        await SqliteStore.open(database)
    message = str(refused.value)
    assert str(database) in message and "\n" not in message


def test_database_url_of_another_server_is_refused(
    cli: Cli, knowledge: Path, tmp_path: Path
) -> None:
    """`--db mysql://...` is refused in one line without its password, and no folder 'mysql:'
    appears."""
    done = cli("ask", "hello", "--db", "mysql://newsdesk:s3cret@localhost/newsdesk")
    assert done.code == 2
    assert done.err.splitlines() == [
        f"error: --db mysql://newsdesk:***@localhost/newsdesk: {URL_REFUSAL}"
    ]
    assert not (tmp_path / "mysql:").exists()


def test_postgresql_url_is_a_server_not_a_file(cli: Cli, knowledge: Path, tmp_path: Path) -> None:
    """`--db postgresql://...` names a server's database: no folder 'postgresql:' appears, and
    a server that is not there is one line naming it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql://newsdesk@127.0.0.1:{port}/newsdesk"
    done = cli("ask", "hello", "--db", url)
    assert done.code == 2
    (line,) = done.err.splitlines()
    assert line.startswith(f"error: cannot reach the database {url} (")
    assert not (tmp_path / "postgresql:").exists()


def test_database_url_in_settings_file_is_refused(
    cli: Cli, knowledge: Path, tmp_path: Path
) -> None:
    """`database: sqlite:///x.db` in bot.yaml is refused in one line naming the key."""
    config = tmp_path / "bot.yaml"
    config.write_text("database: sqlite:///x.db\n", encoding="utf-8")
    done = cli("ask", "hello")
    assert done.code == 2
    assert done.err.splitlines() == [f"error: bot.yaml: database: {URL_REFUSAL}"]
    assert not (tmp_path / "sqlite:").exists()
