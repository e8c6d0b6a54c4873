"""Drafting a short article written in a test, the way `python -m bot ingest FILE` does."""

from __future__ import annotations

from bot.ingest.article_draft import ArticleDraft, build_draft
from bot.ingest.extract import from_text


def draft_of(text: str) -> ArticleDraft:
    """The draft of ``text``, an article with no URL, as if read from a file."""
    return build_draft(from_text(text, None, "test.txt"))
