"""The one rendering rule: text from members, articles and feeds is shown as typed.

Where Discord renders Markdown (message content, embed titles, descriptions, field names and
values) such text goes through ``literal``, an id shown in backticks through ``inline_code``,
and a source through ``link``. Where Discord shows text as typed (embed footers, button labels,
autocomplete choices, form defaults) it is passed unchanged: an escape there would show as a
stray backslash.

Not ``discord.utils.escape_markdown`` alone, because it misses what matters here:

* with its default ``ignore_links=True`` it leaves anything that starts like a URL untouched,
  up to the next blank, so ``https://news.example/a)[Official⠀statement](https://evil.example)``
  (U+2800 blanks are not blanks to it) stays a live masked link;
* it escapes only the first ``[`` of a line that looks like a masked link, so in
  ``[notes](https://a.example) and [Official statement](https://evil.example)`` the second link
  stays live;
* it leaves indented quotes, numbered lists and everything in angle brackets (``<@id>``,
  ``<#id>``, ``<@&id>``, custom emoji, ``<t:…>`` timestamps, ``</command:id>``) as they are.

``discord.utils.escape_mentions`` is used as it is, for ``@everyone``, ``@here`` and bare ids.
"""

from __future__ import annotations

import re

import discord

from bot.core.links import NotAWebLink, is_web_link, web_link

# What Discord links by itself (the same pattern as its parser's): shown as its own address.
_ADDRESS = re.compile(r"(?<!\w)https?://[^\s<]+[^<.,:;\"')\]\s]", re.IGNORECASE)
# Characters that mean something anywhere in a line: emphasis, strike-through, spoilers, code,
# the brackets of masked links, the angle bracket that opens mentions, channels, roles, emoji
# and timestamps, and the backslash itself.
_INLINE = re.compile(r"[\\*_~|`\[\]<]")
# What starts a block at the beginning of a line: headings, "-#" subtext, quotes, lists.
_BLOCK = re.compile(r"^([ \t]*)([#>+-])", re.MULTILINE)
_NUMBERED = re.compile(r"^([ \t]*)(\d+)([.)])", re.MULTILINE)


def _escaped(text: str) -> str:
    """``text`` with every Markdown character escaped and no address left to link itself."""
    text = _INLINE.sub(r"\\\g<0>", text)
    text = _BLOCK.sub(r"\1\\\2", text)
    text = _NUMBERED.sub(r"\1\2\\\3", text)
    # "https\://..." reads the same, but Discord does not link it.
    text = text.replace("://", r"\://")
    return discord.utils.escape_mentions(text)


def literal(text: str) -> str:
    """``text`` as Markdown that shows exactly ``text``: no formatting, masked links, mentions,
    channels, emoji or timestamps. Web links (``bot.core.links``) in it stay clickable, showing
    their own address; anything else that looks like a link is shown as text.
    """
    parts: list[str] = []
    done = 0
    for address in _ADDRESS.finditer(text):
        # A web link has no brackets, quotes, backslashes or blanks of any kind: nothing in it
        # can start Markdown, and escaping it would break it.
        if is_web_link(address[0]):
            parts += [_escaped(text[done : address.start()]), address[0]]
            done = address.end()
    parts.append(_escaped(text[done:]))
    return "".join(parts)


def inline_code(text: str) -> str:
    """``text`` (an id) in a code span; text a code span cannot hold as typed (a backtick would
    end it, a line break would split it) is shown ``literal`` instead."""
    if not text or "`" in text or "\n" in text:
        return literal(text)
    return f"`{text}`"


def link(title: str | None, url: str | None) -> str:
    """A masked link to ``url`` titled ``title`` if ``url`` is a web link
    (``bot.core.links.web_link``), else the title and the address as text, never clickable.

    The second line of defence: links are checked where they enter, but a fact stored before
    that check existed still reaches this.
    """
    words = _escaped(title) if title else ""
    if not url:
        return words
    try:
        address = web_link(url)
    except NotAWebLink:
        shown = _escaped(url)
        return f"{words} ({shown})" if words else shown
    return f"[{words or 'Link'}]({address})"
