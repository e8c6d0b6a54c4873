"""A local web site whose pages each test chooses: sizes, streaming, redirects, any loopback
address. For the ingestion tests (``make_site`` in conftest starts and stops them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Page:
    """What a ``LocalSite`` answers for one path."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    location: str | None = None
    stream: bool = False
    """Sent without Content-Length, in chunks: its size shows only while it is read."""


@dataclass
class LocalSite:
    base: str
    pages: dict[str, Page] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return f"{self.base}/{path.lstrip('/')}"


def serve_pages(host: str) -> tuple[ThreadingHTTPServer, LocalSite]:
    """A server on ``host`` (not yet serving) and the site it serves; fill ``site.pages``."""
    server = ThreadingHTTPServer((host, 0), BaseHTTPRequestHandler)
    site = LocalSite(f"http://{host}:{server.server_address[1]}")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.hits[self.path] = site.hits.get(self.path, 0) + 1
            page = site.pages.get(self.path)
            if page is None:
                self.send_error(404)
                return
            self.send_response(page.status)
            self.send_header("Content-Type", page.content_type)
            if page.location is not None:
                self.send_header("Location", page.location)
            if not page.stream:
                self.send_header("Content-Length", str(len(page.body)))
            self.end_headers()
            for start in range(0, len(page.body), 64 * 1024):
                self.wfile.write(page.body[start : start + 64 * 1024])

        def log_message(self, *args: object) -> None:
            pass

    server.RequestHandlerClass = Handler
    server.handle_error = lambda request, client_address: None  # type: ignore[method-assign]
    return server, site
