"""Fixtures for the ingestion tests: a small news site on 127.0.0.1 and a knowledge base.

``news_site`` serves the pages and feeds in ``data/`` (written for these tests) from a
threaded ``http.server``, so that both in-process tests and CLI subprocesses can fetch them.
``make_site`` starts sites whose pages a test chooses (huge, streamed, redirecting), on
127.0.0.1 or another loopback address. Nothing leaves this machine.
"""

from __future__ import annotations

import shutil
import socket
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from local_site import LocalSite, serve_pages

from bot.composition import open_knowledge_base_at
from bot.core.service import KnowledgeBase

DATA = Path(__file__).resolve().parent / "data"


@dataclass
class NewsSite:
    base: str
    hits: dict[str, int]

    def url(self, path: str) -> str:
        return f"{self.base}/{path.lstrip('/')}"


def site_pages(base: str) -> dict[str, tuple[str, bytes]]:
    """Path -> (content type, body) of the test site."""
    html = "text/html; charset=utf-8"
    return {
        "/article.html": (html, (DATA / "article.html").read_bytes()),
        "/second.html": (html, (DATA / "second.html").read_bytes()),
        "/login.html": (html, (DATA / "not-article.html").read_bytes()),
        "/feed.rss": (
            "application/rss+xml",
            (DATA / "feed.rss.tmpl").read_text("utf-8").replace("{base}", base).encode(),
        ),
        "/feed.atom": (
            "application/atom+xml",
            (DATA / "feed.atom.tmpl").read_text("utf-8").replace("{base}", base).encode(),
        ),
        "/logo.png": ("image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
        "/huge.html": (
            "text/html",
            b"<html><body><p>" + b"word " * 1_300_000 + b"</p></body></html>",
        ),
    }


def serve() -> tuple[ThreadingHTTPServer, NewsSite]:
    hits: dict[str, int] = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    pages = site_pages(base)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits[self.path] = hits.get(self.path, 0) + 1
            if self.path == "/moved":
                self.send_response(302)
                self.send_header("Location", "/article.html")
                self.end_headers()
                return
            page = pages.get(self.path)
            if page is None:
                self.send_error(404)
                return
            content_type, body = page
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server.RequestHandlerClass = Handler
    # A client hanging up early (the size cap) is expected; no traceback on stderr.
    server.handle_error = lambda request, client_address: None  # type: ignore[method-assign]
    return server, NewsSite(base, hits)


@pytest.fixture
def news_site() -> Iterator[NewsSite]:
    """The test news site on 127.0.0.1 (a fresh one per test: its hit counts start at 0)."""
    server, site = serve()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def make_site() -> Iterator[Callable[[str], LocalSite]]:
    """Starts a ``LocalSite`` on the given loopback address; fill its ``pages`` to use it."""
    servers: list[ThreadingHTTPServer] = []

    def start(host: str = "127.0.0.1") -> LocalSite:
        server, site = serve_pages(host)
        servers.append(server)
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        return site

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens (the port was bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/article.html"


@pytest.fixture
def knowledge_copy(tmp_path: Path, seed_knowledge_dir: Path) -> Path:
    """A fresh copy of the seed knowledge directory, with no drafts in it."""
    target = tmp_path / "knowledge"
    shutil.copytree(seed_knowledge_dir, target)
    return target


@pytest.fixture
async def kb(tmp_path: Path, knowledge_copy: Path) -> AsyncIterator[KnowledgeBase]:
    """A knowledge base on a temporary database and a copy of the seed knowledge."""
    base = await open_knowledge_base_at(tmp_path / "newsdesk.db", knowledge_copy)
    try:
        yield base
    finally:
        await base.close()
