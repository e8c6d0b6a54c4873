"""The one check of a web link, used wherever a link enters: knowledge files, members' facts,
settings and ingestion.

A link is parsed, not matched against a pattern: ``https://news.example/a)[Official statement]
(https://evil.example)`` passes ``^https?://\\S+$`` when its blanks are U+2800, and would render
as a masked link in Discord. Here it fails: brackets, parentheses, angle brackets, quotes,
backslashes and every kind of blank (any character ``str.isprintable`` rejects, plus the
Braille blank and other invisible look-alikes) are refused anywhere in the link.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

MAX_LINK_CHARS = 2_000
_FORBIDDEN = set("[]()<>{}\"'`\\|^")
# Characters that look blank but are not Unicode whitespace (Braille blank, Hangul fillers...).
_INVISIBLE = {"\u2800", "\u3164", "\u115f", "\u1160", "\uffa0", "\u180e"}


class NotAWebLink(ValueError):
    """The text is not an http(s) link this project accepts; the message says why."""


def web_link(text: str) -> str:
    """``text`` stripped if it is an http(s) link with a host and nothing that could change how
    it renders; else ``NotAWebLink`` with a one-sentence reason."""
    link = text.strip()
    if len(link) > MAX_LINK_CHARS:
        raise NotAWebLink(f"a link may be at most {MAX_LINK_CHARS:,} characters long")
    try:
        parts = urlsplit(link)
        host = parts.hostname
        parts.port  # noqa: B018 -- raises ValueError for a port that is not a number
    except ValueError as exc:
        raise NotAWebLink(f"it cannot be read as a link ({exc})") from None
    # An IPv6 host is the one place brackets belong: "http://[2001:db8::1]:8080/".
    bracketed = re.search(r"\[[0-9A-Fa-f:.]+\]", parts.netloc)
    rest = link.replace(bracketed.group(), "", 1) if bracketed else link
    if any(_misleading(char) for char in rest):
        raise NotAWebLink("a link may not contain spaces, brackets, quotes or invisible text")
    if parts.scheme.lower() not in ("http", "https"):
        raise NotAWebLink("a link must start with http:// or https://")
    if not host:
        raise NotAWebLink("a link must name a host, as in https://news.example/article")
    if parts.username is not None or parts.password is not None:
        raise NotAWebLink("a link may not carry a user name or password")
    return link


def _misleading(char: str) -> bool:
    return (
        char in _FORBIDDEN
        or char in _INVISIBLE
        or not char.isprintable()
        or unicodedata.category(char) in ("Cf", "Zs", "Zl", "Zp", "Co", "Cn")
    )


def is_web_link(text: str) -> bool:
    try:
        web_link(text)
    except NotAWebLink:
        return False
    return True
