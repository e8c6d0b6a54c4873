"""Discord's size limits, and clipping text to them without breaking words."""

from __future__ import annotations

MESSAGE_CHARS = 2_000
EMBED_DESCRIPTION_CHARS = 4_096
EMBED_TOTAL_CHARS = 6_000
EMBED_TITLE_CHARS = 256
FIELD_NAME_CHARS = 256
FIELD_VALUE_CHARS = 1_024
FOOTER_CHARS = 2_048
BUTTON_LABEL_CHARS = 80
CHOICE_CHARS = 100
MODAL_PARAGRAPH_CHARS = 4_000


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, at a word boundary where possible, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip() + "…"
