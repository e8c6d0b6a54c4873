"""The rendering rule for members' text (``bot.ui.literal``): shown as typed, never as Markdown."""

from __future__ import annotations

import discord
import pytest

from bot.ui.literal import inline_code, link, literal

ZWSP = "\u200b"
BRAILLE_URL = (
    "https://news.example/a)[Official\u2800statement\u2800of\u2800the\u2800ministry]"
    "(https://evil.example/login)"
)


@pytest.mark.parametrize(
    ("typed", "escaped"),
    [
        ("**bold** __under__ *it* _it_", r"\*\*bold\*\* \_\_under\_\_ \*it\* \_it\_"),
        ("~~struck~~ ||spoiler||", r"\~\~struck\~\~ \|\|spoiler\|\|"),
        ("`code` then a lone ` breaks out", r"\`code\` then a lone \` breaks out"),
        ("```py\nprint()```", "\\`\\`\\`py\nprint()\\`\\`\\`"),
        (
            "[Official statement](https://evil.example/login)",
            r"\[Official statement\](https://evil.example/login)",
        ),
        (
            "[notes](https://news.example/n) and [Official](https://evil.example/login)",
            r"\[notes\](https://news.example/n) and \[Official\](https://evil.example/login)",
        ),
        ("# heading", r"\# heading"),
        ("### heading", r"\### heading"),
        ("-# small print", r"\-# small print"),
        ("> quote", r"\> quote"),
        (">>> quote", r"\>>> quote"),
        ("  > indented quote", r"  \> indented quote"),
        ("- item\n* item\n+ item", "\\- item\n\\* item\n\\+ item"),
        ("1. first\n2) second", "1\\. first\n2\\) second"),
        ("a line\n# heading on the next", "a line\n\\# heading on the next"),
        ("C:\\temp\\[x]", r"C:\\temp\\\[x\]"),
    ],
)
def test_markdown_is_shown_as_typed(typed: str, escaped: str) -> None:
    """Bold, code, spoilers, masked links, headings, quotes and lists read as typed."""
    assert literal(typed) == escaped


@pytest.mark.parametrize(
    ("typed", "escaped"),
    [
        ("@everyone and @here", f"@{ZWSP}everyone and @{ZWSP}here"),
        ("<@123> <@!123> <@&789>", r"\<@123> \<@!123> \<@&789>"),
        ("<#456>", r"\<#456>"),
        ("<:wave:123456789012345678> <a:spin:1>", r"\<:wave:123456789012345678> \<a:spin:1>"),
        ("<t:0:R>", r"\<t:0:R>"),
        ("</fact add:1>", r"\</fact add:1>"),
        ("@123456789012345678", f"@{ZWSP}123456789012345678"),
    ],
)
def test_mentions_channels_emoji_and_timestamps_are_text(typed: str, escaped: str) -> None:
    """@everyone, <@id>, <#id>, <@&id>, custom emoji and timestamps show as the typed text."""
    assert literal(typed) == escaped


@pytest.mark.parametrize(
    "typed",
    [
        "Why was the ambassador recalled?",
        "On 2025-07-01 - after the raid - Baku recalled its envoy (officially).",
        "Read https://news.example/a_b*c~d and https://news.example/x.",
        "Россия и Азербайджан: 3.5 million people, 10% more.",
    ],
)
def test_plain_text_and_web_links_are_unchanged(typed: str) -> None:
    """Ordinary sentences and web links are sent as they are: links stay clickable."""
    assert literal(typed) == typed


def test_what_only_looks_like_a_link_is_not_linked() -> None:
    """A look-alike link (U+2800 blanks, brackets) shows as text and is not clickable."""
    shown = literal(f"see {BRAILLE_URL}")
    assert shown == (
        r"see https\://news.example/a)\[Official"
        "\u2800statement\u2800of\u2800the\u2800ministry"
        r"\](https\://evil.example/login)"
    )
    assert literal("xhttps://a.example/_x_") == r"xhttps\://a.example/\_x\_"


def test_escape_markdown_alone_would_leave_masked_links_live() -> None:
    """Why ``literal`` exists: discord.py's escaper lets a second and a look-alike link through."""
    second = "[notes](https://news.example/n) and [Official](https://evil.example/login)"
    assert "and [Official](" in discord.utils.escape_markdown(second)
    assert discord.utils.escape_markdown(BRAILLE_URL) == BRAILLE_URL


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("kremlin-summons-envoy", "`kremlin-summons-envoy`"),
        ("x` <@123> [a](https://evil.example) `", r"x\` \<@123> \[a\](https://evil.example) \`"),
        ("two\nlines", "two\nlines"),
        ("", ""),
    ],
)
def test_ids_in_code_cannot_break_out(text: str, shown: str) -> None:
    """An id with a backtick is shown as text, so it cannot end its code span early."""
    assert inline_code(text) == shown


@pytest.mark.parametrize(
    ("title", "url", "shown"),
    [
        (
            "Tension between Baku and Moscow",
            "https://news.example/a",
            "[Tension between Baku and Moscow](https://news.example/a)",
        ),
        (None, "https://news.example/a", "[Link](https://news.example/a)"),
        (
            "[Official](https://evil.example/login) @everyone",
            "https://news.example/a",
            rf"[\[Official\](https\://evil.example/login) @{ZWSP}everyone](https://news.example/a)",
        ),
        ("Report", None, "Report"),
        (None, None, ""),
    ],
)
def test_a_source_links_only_to_a_web_link(title: str | None, url: str | None, shown: str) -> None:
    """A source's title links to its address, and the title cannot carry a link of its own."""
    assert link(title, url) == shown


@pytest.mark.parametrize("url", [BRAILLE_URL, "javascript:alert(1)", "not a link", "http://"])
def test_a_source_that_is_not_a_web_link_is_text(url: str) -> None:
    """A stored source address that is not a web link is shown as text, never as a link."""
    shown = link("Ministry", url)
    assert shown.startswith("Ministry (")
    assert "](" not in shown.replace(r"\](", "")
    assert "://" not in shown.replace(r"\://", "")
