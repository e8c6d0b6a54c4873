"""`/fact history` on Discord: a teaching that was queued and could not be made says why."""

from __future__ import annotations

import datetime as dt

from bot.core.models import AuditEntry
from bot.ui.embeds import history_embed

AT = dt.datetime(2025, 5, 14, 9, 30, tzinfo=dt.UTC)


def test_a_teaching_not_made_shows_its_question_and_why() -> None:
    """The moderator was told the teaching would be made after a reload: the fact's history
    shows which question was not, and why."""
    entries = [
        AuditEntry(AT, "console", "teach", "ferry-strike", None, {"question": "boats off?"}),
        AuditEntry(
            AT,
            "console",
            "teach-not-made",
            "ferry-strike",
            None,
            {"question": "no boats lol", "why": "the fact was removed meanwhile"},
        ),
    ]
    lines = (history_embed("ferry-strike", entries).description or "").splitlines()
    assert lines[0].endswith("**teach** by console: boats off?")
    assert lines[1].endswith(
        "**teach-not-made** by console: no boats lol (the fact was removed meanwhile)"
    )
