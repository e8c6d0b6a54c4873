"""The one web-link check: what a member, a knowledge file or a setting may give as a link."""

from __future__ import annotations

import pytest

from bot.core.errors import InvalidInput
from bot.core.links import NotAWebLink, web_link
from bot.core.service import FactInput, validate_fact_input

MASKED = (
    "https://news.example/a)[Official\u2800statement\u2800of\u2800the\u2800ministry]"
    "(https://evil.example/login)"
)


@pytest.mark.parametrize(
    "link",
    [
        "https://news.example/2025/06/30/raid",
        "http://news.example/a?b=1&c=2#top",
        "https://ru.wikipedia.org/wiki/Баку",
        "  https://news.example/padded  ",
        "http://[2001:DB8::1]:8080/feed.xml",
    ],
)
def test_ordinary_news_links_are_accepted(link: str) -> None:
    """Plain http(s) links with a host, a path, a query or non-ASCII letters are kept."""
    assert web_link(link) == link.strip()


@pytest.mark.parametrize(
    ("link", "reason"),
    [
        (MASKED, "brackets"),
        ("https://news.example/a b", "spaces"),
        ("https://news.example/\u200bhidden", "invisible"),
        ("https://news.example/<script>", "brackets"),
        ("ftp://news.example/file", "http:// or https://"),
        ("file:///etc/passwd", "http:// or https://"),
        ("https:///no-host", "host"),
        ("https://user:secret@news.example/", "password"),
        ("https://news.example:port/", "cannot be read"),
        ("https://news.example/" + "a" * 2_000, "2,000 characters"),
    ],
)
def test_links_that_could_mislead_or_reach_elsewhere_are_refused(link: str, reason: str) -> None:
    """A masked-link trick, blanks, brackets, other schemes, no host or credentials are refused."""
    with pytest.raises(NotAWebLink, match=reason):
        web_link(link)


def test_a_member_cannot_give_a_masked_link_as_a_source() -> None:
    """`/fact add` with the U+2800 masked-link trick as source is refused in one sentence."""
    with pytest.raises(InvalidInput, match="not a usable web link"):
        validate_fact_input(FactInput("The ministry said so.", source_url=MASKED))
