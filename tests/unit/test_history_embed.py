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


def test_a_fact_approved_from_a_draft_names_the_draft_file() -> None:
    """As `fact history` does at the command line: which draft file the fact came in."""
    entries = [
        AuditEntry(
            AT,
            "discord:1234",
            "approve-draft",
            "harbour-ferry",
            None,
            {"file": "2025-05-14-harbour-notice.yaml", "ids": ["harbour-ferry"]},
        )
    ]
    line = (history_embed("harbour-ferry", entries).description or "").splitlines()[0]
    assert line.endswith("**approve-draft** by <@1234>: `drafts/2025-05-14-harbour-notice.yaml`")


def test_a_queued_taking_back_not_made_shows_its_question_and_why() -> None:
    """Queued behind a reload, a taking back found its question no longer taught: the history
    shows it was queued, and why it was not made, like a teaching not made."""
    entries = [
        AuditEntry(
            AT,
            "discord:9",
            "unteach-queued",
            "ferry-strike",
            None,
            {"question": "no boats lol", "behind": "a reload"},
        ),
        AuditEntry(
            AT,
            "discord:9",
            "unteach-not-made",
            "ferry-strike",
            None,
            {"question": "no boats lol", "why": "it was no longer taught to the fact by then"},
        ),
    ]
    lines = (history_embed("ferry-strike", entries).description or "").splitlines()
    assert lines[0].endswith("**unteach-queued** by <@9>: no boats lol")
    assert lines[1].endswith(
        "**unteach-not-made** by <@9>: no boats lol (it was no longer taught to the fact by then)"
    )
