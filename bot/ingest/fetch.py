"""Getting a page or feed over HTTP(S): timeouts, a size cap, content-type checks, no surprises.

Only http:// and https:// are fetched (no file:, ftp: or data:); redirects are followed a few
times; the body is read in chunks and refused past ``MAX_BYTES``; only HTML, XML feeds and plain
text are accepted. Every failure is an ``IngestError`` saying what went wrong in one sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import aiohttp

from bot.ingest.models import IngestError

MAX_BYTES = 5 * 1024 * 1024
TIMEOUT_SECONDS = 20.0
MAX_REDIRECTS = 5
USER_AGENT = "newsdesk-ingest/0.1 (+a Discord news bot; drafts for human review)"
ACCEPTED_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "text/plain",
)


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    """The final URL, after redirects."""
    content_type: str
    body: bytes
    charset: str | None = None

    def text(self) -> str:
        return self.body.decode(self.charset or "utf-8", errors="replace")


def check_url(url: str) -> str:
    """``url`` stripped, or ``IngestError`` if it is not an http(s) link with a host."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise IngestError(f"'{url[:200]}' is not a web link: give an http:// or https:// URL.")
    return url


async def fetch(
    url: str, *, seconds: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES
) -> Fetched:
    """GET ``url``; ``IngestError`` on a bad scheme, network failure, error status, wrong
    content type or a body over ``max_bytes``."""
    url = check_url(url)
    client_timeout = aiohttp.ClientTimeout(total=seconds, sock_connect=min(seconds, 10.0))
    headers = {"User-Agent": USER_AGENT, "Accept": ", ".join(ACCEPTED_TYPES)}
    try:
        async with (
            aiohttp.ClientSession(timeout=client_timeout, headers=headers) as session,
            session.get(url, max_redirects=MAX_REDIRECTS) as response,
        ):
            final = str(response.url)
            check_url(final)
            if response.status >= 400:
                raise IngestError(f"{url} answered HTTP {response.status}: nothing was drafted.")
            content_type = (response.content_type or "").lower()
            if content_type not in ACCEPTED_TYPES:
                raise IngestError(
                    f"{url} is {content_type or 'of unknown type'}, not a web page or a feed."
                )
            declared = response.content_length
            if declared is not None and declared > max_bytes:
                raise IngestError(
                    f"{url} is {declared:,} bytes, over the {max_bytes:,}-byte limit."
                )
            body = bytearray()
            async for chunk in response.content.iter_chunked(64 * 1024):
                body.extend(chunk)
                if len(body) > max_bytes:
                    raise IngestError(f"{url} is over the {max_bytes:,}-byte limit.")
            return Fetched(final, content_type, bytes(body), response.charset)
    except IngestError:
        raise
    except aiohttp.TooManyRedirects as exc:
        raise IngestError(f"{url} redirects too many times.") from exc
    except TimeoutError as exc:
        raise IngestError(f"{url} did not answer within {seconds:g} seconds.") from exc
    except aiohttp.InvalidURL as exc:
        raise IngestError(f"'{url[:200]}' is not a valid web link.") from exc
    except (aiohttp.ClientError, OSError) as exc:
        raise IngestError(f"{url} cannot be reached ({type(exc).__name__}).") from exc
