"""`fact history` at the command line: every line fits the terminal's 88 columns, however long
what it shows (a long question taught, a long edit, a long reason)."""

from __future__ import annotations

import datetime as dt

from bot.cli.render import WIDTH, history
from bot.core.models import AuditEntry

AT = dt.datetime(2025, 5, 14, 9, 30, tzinfo=dt.UTC)
LONG_QUESTION = (
    "so is it true that the trams and the buses and the night trains are all off this week "
    "because the drivers have not been paid their overtime since the spring or is that a rumour"
)
LONG_ANSWER = (
    "Tram drivers in the city stopped work for two days over unpaid overtime; the city council "
    "says it will pay what is owed by the end of the month, and the night buses run as usual."
)


def entry(action: str, **detail: object) -> AuditEntry:
    return AuditEntry(AT, "console", action, "tram-strike", None, dict(detail))


def test_long_values_are_wrapped_or_clipped_within_the_width() -> None:
    lines = history(
        [
            entry("add"),
            entry("teach", question=LONG_QUESTION),
            entry("edit", before="Trams stopped.", after=LONG_ANSWER, language="en"),
            entry("teach-not-made", question=LONG_QUESTION, why="the fact was removed meanwhile"),
        ]
    ).splitlines()
    assert max(len(line) for line in lines) <= WIDTH
    # The taught question is wrapped, all of it kept, its later lines under the action column.
    text = " ".join(line.strip() for line in lines)
    assert repr(LONG_QUESTION) in text
    assert "(the fact was removed meanwhile)" in text
    # The edit shows the start of its new answer on its one line, clipped with an ellipsis.
    (edit,) = [line for line in lines if " edit " in line]
    assert "by console: Tram drivers in the city" in edit and edit.endswith("…")


def test_the_action_column_is_as_wide_as_the_longest_action() -> None:
    """A "teach-not-made" or "approve-draft" does not push its "by ..." out of line."""
    lines = history(
        [entry("add"), entry("approve-draft", file="notice.yaml"), entry("teach", question="x?")]
    ).splitlines()
    assert len({line.index(" by ") for line in lines}) == 1


def test_short_lines_are_as_before() -> None:
    assert history([entry("unteach", question="y r they mad")]) == (
        "2025-05-14T09:30:00+00:00  unteach  by console: 'y r they mad'"
    )
