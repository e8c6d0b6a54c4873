"""Getting a page or feed over HTTP(S): timeouts, a size cap, content-type checks, no surprises.

Only http:// and https:// are fetched (no file:, ftp: or data:); redirects are followed a few
times, each hop checked before it is connected to; the body is read in chunks and refused past
``MAX_BYTES``; only HTML, XML feeds and plain text are accepted. Every failure is an
``IngestError`` saying what went wrong in one sentence, naming the hop where it went wrong.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult

from bot.core.links import NotAWebLink, web_link
from bot.ingest.models import MAX_SOURCE_BYTES, IngestError

MAX_BYTES = MAX_SOURCE_BYTES
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
_REDIRECTS = (301, 302, 303, 307, 308)


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
    try:
        return web_link(url)
    except NotAWebLink as exc:
        raise IngestError(f"That is not a web link to fetch: {exc}.") from None


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    return ip.is_global and not ip.is_multicast


class BlockedAddress(OSError):
    """A link resolved only to private or local addresses."""


class _PublicOnlyResolver(AbstractResolver):
    """Resolves names as usual but refuses private, loopback and link-local addresses.

    Used for links that members of a server supply: the bot must not become their way into
    the host's own network (its admin panels, cloud metadata address, other containers).
    The check is on the addresses actually connected to, so DNS tricks don't get round it.
    """

    def __init__(self) -> None:
        self._resolver = aiohttp.ThreadedResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        found = await self._resolver.resolve(host, port, family)
        public = [entry for entry in found if _is_public(entry["host"])]
        if not public:
            raise BlockedAddress(f"{host} is a private or local address")
        return public

    async def close(self) -> None:
        await self._resolver.close()


def _private_address(hop: str, *, redirected: bool) -> IngestError:
    how = " (a redirect led there)" if redirected else ""
    return IngestError(f"{hop} points to a private or local address{how}: nothing was fetched.")


def _check_host(hop: str, *, allow_private: bool, redirected: bool) -> None:
    host = urlsplit(hop).hostname or ""
    try:
        literal = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return  # a name: the resolver checks what it resolves to
    if not allow_private and not _is_public(str(literal)):
        raise _private_address(hop, redirected=redirected)


async def fetch(
    url: str,
    *,
    seconds: float = TIMEOUT_SECONDS,
    max_bytes: int = MAX_BYTES,
    allow_private: bool = True,
) -> Fetched:
    """GET ``url``; ``IngestError`` on a bad scheme, network failure, error status, wrong
    content type or a body over ``max_bytes``.

    With ``allow_private=False`` (links from Discord members) private, loopback and link-local
    addresses are refused, at every redirect too.
    """
    url = check_url(url)
    client_timeout = aiohttp.ClientTimeout(total=seconds, sock_connect=min(seconds, 10.0))
    headers = {"User-Agent": USER_AGENT, "Accept": ", ".join(ACCEPTED_TYPES)}
    connector: dict[str, Any] = {}
    if not allow_private:
        connector["connector"] = aiohttp.TCPConnector(resolver=_PublicOnlyResolver())
    async with aiohttp.ClientSession(
        timeout=client_timeout, headers=headers, **connector
    ) as session:
        hop = url
        for _ in range(MAX_REDIRECTS + 1):
            redirected = hop != url
            # Every hop, not only the first: a public page may redirect into this machine.
            _check_host(hop, allow_private=allow_private, redirected=redirected)
            try:
                async with session.get(hop, allow_redirects=False) as response:
                    location = response.headers.get("Location")
                    if response.status not in _REDIRECTS or location is None:
                        return await _read(response, hop, max_bytes)
            except IngestError:
                raise
            except TimeoutError as exc:
                raise IngestError(f"{hop} did not answer within {seconds:g} seconds.") from exc
            except aiohttp.InvalidURL as exc:
                raise IngestError(f"'{hop[:200]}' is not a valid web link.") from exc
            except (aiohttp.ClientError, OSError) as exc:
                if _blocked(exc):
                    raise _private_address(hop, redirected=redirected) from exc
                raise IngestError(f"{hop} cannot be reached ({type(exc).__name__}).") from exc
            hop = check_url(urljoin(hop, location))
    raise IngestError(f"{url} redirects more than {MAX_REDIRECTS} times.")


def _blocked(error: BaseException) -> bool:
    """Whether ``error`` came from the resolver refusing a private address."""
    cause: BaseException | None = error
    while cause is not None and not isinstance(cause, BlockedAddress):
        cause = getattr(cause, "os_error", None) or cause.__cause__ or cause.__context__
    return cause is not None


async def _read(response: aiohttp.ClientResponse, url: str, max_bytes: int) -> Fetched:
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
    limit = f"the {max_bytes:,}-byte limit for a page or feed"
    if declared is not None and declared > max_bytes:
        raise IngestError(f"{url} is {declared:,} bytes, over {limit}.")
    body = bytearray()
    async for chunk in response.content.iter_chunked(64 * 1024):
        body.extend(chunk)
        if len(body) > max_bytes:
            raise IngestError(f"{url} is over {limit}.")
    return Fetched(final, content_type, bytes(body), response.charset)
