"""The news timeline's pure parts: dates shown, time in questions, supersession in the matcher
and the loader, and the differences that make a new fact seem to update an older one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.core.knowledge_errors import KnowledgeError
from bot.core.loader import load_knowledge
from bot.core.matcher import Matcher
from bot.core.models import AskResult, Decision, Fact, Match, Origin, Source, date_label
from bot.core.supersession import annotate_draft, difference, propose_supersessions
from bot.core.timeline import read_time

TODAY = dt.date(2025, 7, 3)  # a Thursday
PUBLISHED = Source("An article", None, dt.date(2025, 7, 1))


def fact(fact_id: str, answer: str, *questions: str, **fields: object) -> Fact:
    return Fact(fact_id, answer, tuple(questions), **fields)  # type: ignore[arg-type]


# ------------------------------------------------------------------------- dates shown
def test_the_date_shown_is_the_event_else_the_publication_else_the_addition() -> None:
    added = dt.datetime(2025, 7, 3, 8, tzinfo=dt.UTC)
    assert date_label(fact("a", "x", date=dt.date(2025, 6, 27), source=PUBLISHED)) == "2025-06-27"
    assert date_label(fact("b", "x", source=PUBLISHED, added_at=added)) == "published 2025-07-01"
    assert date_label(fact("c", "x", added_at=added)) == "added 2025-07-03"
    assert date_label(fact("d", "x")) == "date unknown"


def test_added_at_does_not_make_facts_differ_and_an_empty_supersedes_keeps_digests() -> None:
    """A fact read again from its file (no addition time) is the fact in service; digests of
    facts that replace nothing are those stored before supersession existed."""
    plain = fact("a", "x")
    assert plain == fact("a", "x", added_at=dt.datetime(2025, 7, 3, tzinfo=dt.UTC))
    assert plain.content_key() == ("x", (), (), (), None, None, None)
    assert fact("a", "x", supersedes=("b",)).content_digest() != plain.content_digest()


def test_ask_json_carries_the_date_and_the_superseded_facts() -> None:
    old = fact("old", "Two died.", date=dt.date(2025, 6, 27))
    new = fact("new", "Three died.", date=dt.date(2025, 6, 30), supersedes=("old",))
    payload = AskResult("q", Decision.ANSWER, (Match(new, 0.9, None, (old,)),)).to_json()
    (result,) = payload["results"]  # type: ignore[misc]
    assert result["date"] == "2025-06-30" and result["date_kind"] == "event"
    assert result["superseded"] == [
        {"id": "old", "answer": "Two died.", "date": "2025-06-27", "date_kind": "event"}
    ]


# ----------------------------------------------------------------------- time questions
@pytest.mark.parametrize(
    ("question", "topic", "start", "end", "recent"),
    [
        ("what happened on 30 june", "", "2025-06-30", "2025-06-30", False),
        ("what happened on June 30th, 2024?", "", "2024-06-30", "2024-06-30", False),
        ("any news this week", "", "2025-06-30", "2025-07-03", False),
        ("what happened last week", "", "2025-06-23", "2025-06-29", False),
        ("anything in the past 3 days", "", "2025-07-01", "2025-07-03", False),
        ("arrests yesterday", "arrests", "2025-07-02", "2025-07-02", False),
        ("sputnik news since 2025-06-28", "sputnik", "2025-06-28", None, False),
        ("what happened in june", "", "2025-06-01", "2025-06-30", False),
        ("what happened on monday", "", "2025-06-30", "2025-06-30", False),
        # Without a year, the last such day up to today: news is about the past.
        ("what happened on 25 december", "", "2024-12-25", "2024-12-25", False),
        ("what's the latest on the sputnik case", "sputnik case", None, None, True),
        ("what's new?", "", None, None, True),
        ("any recent arrests in baku", "arrests baku", None, None, True),
    ],
)
def test_time_in_questions_is_read_against_today(
    question: str, topic: str, start: str | None, end: str | None, recent: bool
) -> None:
    found = read_time(question, TODAY)
    assert found is not None
    assert found.topic == topic
    assert found.start == (dt.date.fromisoformat(start) if start else None)
    assert found.end == (dt.date.fromisoformat(end) if end else None)
    assert found.recent is recent


@pytest.mark.parametrize(
    "question",
    [
        "is the ambassador back",
        "how did the 2020 war affect russia azerbaijan relations",  # a year names an event
        "did the russian president go to azerbaijan in 2024",
        "may the families see the bodies",  # "may" is a verb
        "what is happening right now between moscow and baku",
        "when did the yekaterinburg raid take place",
        "what is the news about azerbaijan and russia",
    ],
)
def test_questions_without_a_time_are_left_alone(question: str) -> None:
    assert read_time(question, TODAY) is None


# --------------------------------------------------------------- supersession: matching
DEATHS = fact(
    "deaths",
    "Two Azerbaijani men died in Russian custody after the Yekaterinburg raid.",
    "how many died in yekaterinburg",
    date=dt.date(2025, 6, 27),
)
DEATHS_3 = fact(
    "deaths-3",
    "Three Azerbaijani men have now died after the Yekaterinburg raid.",
    "did a third man die",
    date=dt.date(2025, 6, 30),
    supersedes=("deaths",),
)
DEATHS_4 = fact(
    "deaths-4",
    "Four Azerbaijani men have now died after the Yekaterinburg raid.",
    "did a fourth man die",
    date=dt.date(2025, 7, 2),
    supersedes=("deaths-3",),
)


def test_a_chain_answers_with_the_newest_and_lists_the_earlier_newest_first() -> None:
    """A -> B -> C: asking about A's topic gives C, with B then A as earlier."""
    matcher = Matcher([DEATHS, DEATHS_3, DEATHS_4])
    result = matcher.ask("how many died in yekaterinburg")
    assert result.decision is Decision.ANSWER
    best = result.best
    assert best is not None and best.fact.id == "deaths-4"
    assert [f.id for f in best.superseded] == ["deaths-3", "deaths"]
    assert [m.fact.id for m in result.matches] == ["deaths-4"]  # each fact once
    # Without resolution (a search for facts to edit), every fact is found as it is.
    found = matcher.ask("how many died in yekaterinburg", current=False)
    assert {m.fact.id for m in found.matches} == {"deaths", "deaths-3", "deaths-4"}


def test_removing_the_newer_fact_brings_the_older_one_back() -> None:
    matcher = Matcher([DEATHS, DEATHS_3, DEATHS_4])
    matcher.remove("deaths-4")
    best = matcher.ask("how many died in yekaterinburg").best
    assert best is not None and best.fact.id == "deaths-3"
    assert [f.id for f in best.superseded] == ["deaths"]
    matcher.remove("deaths-3")
    best = matcher.ask("how many died in yekaterinburg").best
    assert best is not None and best.fact.id == "deaths" and best.superseded == ()


def test_a_member_fact_supersedes_a_file_fact_only_in_its_own_server() -> None:
    member = fact(
        "member-deaths-3",
        "Three Azerbaijani men have now died after the Yekaterinburg raid.",
        origin=Origin.USER,
        guild_id=1,
        supersedes=("deaths",),
    )
    matcher = Matcher([DEATHS, member])
    here = matcher.ask("how many died in yekaterinburg", guild_id=1).best
    elsewhere = matcher.ask("how many died in yekaterinburg", guild_id=2).best
    outside = matcher.ask("how many died in yekaterinburg").best
    assert here is not None and here.fact.id == "member-deaths-3"
    assert elsewhere is not None and elsewhere.fact.id == "deaths"
    assert outside is not None and outside.fact.id == "deaths"


def test_the_snapshot_state_keeps_supersession() -> None:
    matcher = Matcher([DEATHS, DEATHS_3])
    again = Matcher.from_state(matcher.export_state())
    best = again.ask("how many died in yekaterinburg").best
    assert best is not None and best.fact.id == "deaths-3"
    assert again.get("deaths-3") == DEATHS_3


# ----------------------------------------------------------------- supersession: loader
def test_unknown_superseded_ids_and_cycles_are_located_errors(
    make_knowledge_dir: Callable[..., Path],
) -> None:
    text = (
        "facts:\n"
        "  - id: a\n    answer: A.\n    supersedes: [b]\n"
        "  - id: b\n    answer: B.\n    supersedes: [c]\n"
        "  - id: c\n    answer: C.\n    supersedes: [a]\n"
        "  - id: d\n    answer: D.\n    supersedes: [nowhere]\n"
        "  - id: e\n    answer: E.\n    supersedes: [e]\n"
    )
    directory = make_knowledge_dir({"t.yaml": text}, name="kb")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(directory)
    problems = sorted(str(e) for e in caught.value.errors)
    assert problems == [
        "kb/t.yaml:11: fact 'd': 'supersedes' names unknown id 'nowhere'",
        "kb/t.yaml:14: fact 'e': 'supersedes' makes a cycle: e -> e",
        "kb/t.yaml:2: fact 'a': 'supersedes' makes a cycle: a -> b -> c -> a",
        "kb/t.yaml:5: fact 'b': 'supersedes' makes a cycle: b -> c -> a -> b",
        "kb/t.yaml:8: fact 'c': 'supersedes' makes a cycle: c -> a -> b -> c",
    ]


def test_supersedes_is_read_and_must_be_a_list_of_ids(
    make_knowledge_dir: Callable[..., Path],
) -> None:
    good = "facts:\n  - id: a\n    answer: A.\n  - id: b\n    answer: B.\n    supersedes: [a]\n"
    knowledge = load_knowledge(make_knowledge_dir({"t.yaml": good}))
    assert [f.supersedes for f in knowledge.facts] == [(), ("a",)]
    bad = "facts:\n  - id: a\n    answer: A.\n    supersedes: a\n"
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(make_knowledge_dir({"t.yaml": bad}, name="kb2"))
    assert [str(e) for e in caught.value.errors] == [
        "kb2/t.yaml:4: fact 'a': 'supersedes' must be a list, not text"
    ]


# ------------------------------------------------------------ proposed supersessions
@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        (
            "Two men died in custody after the raid.",
            "Three men have now died in custody after the raid.",
            "the number changed (two -> three)",
        ),
        (
            "The toll stood at 12 on Monday.",
            "The toll rose to 15, officials said.",
            "the number changed (12 -> 15)",
        ),
        (
            "Baku recalled its ambassador from Moscow.",
            "The ambassador returned to Moscow.",
            "recalled -> returned",
        ),
        ("The border crossing is open.", "The border crossing was closed.", "open -> closed"),
        (
            "Police arrested two Sputnik staff.",
            "The two Sputnik staff were released.",
            "arrested -> released",
        ),
        ("The match was postponed.", "The match was held on Sunday.", "postponed -> held"),
        (
            "The trial opens on 15 September.",
            "The trial was moved to 3 October.",
            "the date changed (15 September -> 3 October)",
        ),
    ],
)
def test_a_number_a_date_or_a_status_that_turned_is_a_difference(
    old: str, new: str, reason: str
) -> None:
    assert difference(old, new) == reason


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Two men died in custody.", "Two men died in custody, their families say."),
        ("The fair opens in June 2025.", "The fair opens in June 2025 in Baku."),  # years
        ("The ambassador was recalled.", "The ambassador was recalled and has not returned."),
    ],
)
def test_the_same_news_told_again_is_no_difference(old: str, new: str) -> None:
    assert difference(old, new) is None


def test_a_fact_answering_the_same_question_differently_is_proposed_not_applied() -> None:
    revised = fact(
        "deaths-revised",
        "Three Azerbaijani men have now died after the Yekaterinburg raid.",
        "how many died in yekaterinburg",
        date=dt.date(2025, 6, 30),
    )
    retold = fact(
        "deaths-retold",
        "Two Azerbaijani men died in Russian custody after the Yekaterinburg raid, officials say.",
        "how many died in yekaterinburg",
    )
    unrelated = fact("fair", "The Baku book fair was postponed.", "why was the fair postponed")
    older = fact(
        "deaths-older",
        "One Azerbaijani man died after the Yekaterinburg raid.",
        "how many died in yekaterinburg",
        date=dt.date(2025, 6, 20),  # older than the live fact: no update
    )
    matcher = Matcher([DEATHS])
    proposals = propose_supersessions([revised, retold, unrelated, older], matcher)
    assert list(proposals) == ["deaths-revised"]
    (proposal,) = proposals["deaths-revised"]
    assert proposal.old.id == "deaths"
    assert proposal.text() == (
        "this seems to update deaths (2025-06-27): the number changed (two -> three)"
    )
    # Proposed only: the live fact still answers.
    best = matcher.ask("how many died in yekaterinburg").best
    assert best is not None and best.fact.id == "deaths"


def test_a_sibling_from_the_same_article_is_never_proposed_as_an_update() -> None:
    """Facts of one article state different numbers side by side (a flood's two days of rain,
    its 900 people moved out): approving them one by one proposes none as updating another;
    the same statement from a later article still is."""
    bulletin = Source("River flood hits the valley towns", None, dt.date(2025, 4, 8))
    rain = fact(
        "valley-flood",
        "The valley river flooded two towns after two days of heavy rain.",
        "what flooded the valley towns",
        source=bulletin,
    )
    moved = fact(
        "valley-flood-moved",
        "The valley river flooded two towns and about 900 people were moved out.",
        "what flooded the valley towns",
        source=bulletin,
    )
    assert propose_supersessions([moved], Matcher([rain])) == {}
    later = Source("Valley flood: the count of people moved out", None, dt.date(2025, 4, 10))
    follow_up = fact(
        "valley-flood-moved-later",
        "The valley river flooded two towns and about 1,400 people were moved out.",
        "what flooded the valley towns",
        source=later,
    )
    proposed = propose_supersessions([follow_up], Matcher([rain, moved]))
    assert "valley-flood-moved" in [p.old.id for p in proposed["valley-flood-moved-later"]]


def test_the_draft_carries_the_suggestion_as_a_comment_under_the_fact() -> None:
    revised = fact("deaths-revised", "Three died.", date=dt.date(2025, 6, 30))
    fair = fact("fair", "The Baku book fair was postponed.", "why was the fair postponed")
    proposals = propose_supersessions([revised], Matcher([DEATHS, fair]))
    # No question, but its answer shares "died" with one live fact (of one question): that
    # fact is found and the changed number proposed, as the comment below spells out. (A fact
    # base of one fact gives each of its words the least weight a word can have.)
    assert [(p.old.id, p.reason) for p in proposals["deaths-revised"]] == [
        ("deaths", "the number changed (two -> three)")
    ]
    from bot.core.supersession import Proposal

    text = "facts:\n- id: deaths-revised\n  answer: Three died.\n- id: other\n  answer: X.\n"
    annotated = annotate_draft(text, {"deaths-revised": [Proposal(DEATHS, "two -> three")]})
    assert annotated == (
        "facts:\n- id: deaths-revised\n"
        "  # supersedes: [deaths]  # seems to update deaths (2025-06-27): two -> three\n"
        "  answer: Three died.\n- id: other\n  answer: X.\n"
    )
    import yaml

    # Uncommenting the line (dropping its first "# ") confirms the supersession.
    confirmed = annotated.replace("  # supersedes:", "  supersedes:")
    assert yaml.safe_load(confirmed)["facts"][0]["supersedes"] == ["deaths"]
