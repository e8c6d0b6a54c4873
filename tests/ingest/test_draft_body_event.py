"""An article whose headline and lede name its event by no noun (they lead on a later turn:
a finding, a ruling) still gets one (issue 12): the event noun it keeps returning to as "the
crash" or "the siege", named after what the headline calls the thing it befell, and dated by
the sentence that tells when it began. The articles are our own, on made-up towns and firms.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.ingest.article_context import ArticleContext
from bot.ingest.body_event import body_event
from bot.ingest.entities import EntityIndex
from bot.ingest.sentences import split_sentences
from tests.ingest.drafting import draft_of, event_of, fact_with

HEADLINES = Path(__file__).resolve().parent / "data" / "headlines"

CRASH = (HEADLINES / "tarsel-air-crash-finding.txt").read_text("utf-8")

SIEGE = (HEADLINES / "orsa-theatre-ruling.txt").read_text("utf-8")

PASSING = (HEADLINES / "orsa-theatre-ruling-siege-once.txt").read_text("utf-8")


def test_the_event_is_the_noun_the_article_keeps_returning_to() -> None:
    # "the crash" three times and "the accident" once: one kind of event, written most as
    # "crash"; named after the firm's aircraft the headline names (the body writes "Tarsel Air
    # helicopter" too), not after a place.
    assert event_of(CRASH) == "the Tarsel Air helicopter crash"
    # The headline's subject before its verb ("rules Georgia failed") names no event; the
    # name before a noun the body writes with it ("Orsa theatre") does.
    assert event_of(SIEGE) == "the Orsa theatre siege"


def test_an_event_noun_written_once_is_no_main_event() -> None:
    assert event_of(PASSING) is None


def test_a_fact_naming_nothing_is_set_in_the_event_and_its_start_dates_it() -> None:
    draft = draft_of(CRASH)
    assert (
        fact_with(draft, "taken to hospital").answer
        == "In the Tarsel Air helicopter crash of February 2025, four passengers were taken "
        "to hospital with burns."
    )
    assert "died in the Tarsel Air helicopter crash" in fact_with(draft, "flown the route").answer


def test_an_event_from_the_article_is_not_dated_by_the_headlines_news() -> None:
    # The lede's "on Friday" is the finding's day, not the crash's; the crash is dated by the
    # sentence telling when it happened, and not as a one-day event that later facts follow.
    lines = CRASH.splitlines()
    sentences = split_sentences("\n".join(lines[3:]))
    published = dt.date(2025, 2, 14)
    context = ArticleContext.build(
        lines[0], sentences, EntityIndex([lines[0], *sentences]), published
    )
    assert context.event is not None
    assert context.event.date == dt.date(2025, 2, 6)
    assert not context.one_off


def test_a_siege_years_before_the_ruling_is_dated_by_its_start() -> None:
    draft = draft_of(SIEGE)
    held = fact_with(draft, "300 people").answer
    assert held.startswith("In the Orsa theatre siege of March 2011"), held


def test_the_airline_is_the_one_firm_of_its_kind_the_article_named() -> None:
    draft = draft_of(CRASH)
    # "The airline had ..." alone says not which; the article named one airline by its name.
    assert fact_with(draft, "passengers and two crew").answer.startswith("Tarsel Air had 16")
    assert any("tarsel air" in q for q in fact_with(draft, "passengers and two crew").questions)


def test_the_company_after_two_companies_is_left_as_written() -> None:
    text = (HEADLINES / "vessa-mine-dispute.txt").read_text("utf-8")
    draft = draft_of(text)
    assert "the company" in fact_with(draft, "appealed").answer.lower()


def test_the_company_is_no_group_of_mediators() -> None:
    """ "The company" is the oil firm the article names without a firm's word, not the
    mediators' "Group" it named before."""
    draft = draft_of(
        "Harbour talks stall as mediators leave Vessa\n\n"
        "VESSA, 3 March 2025 - The Northern Straits Contact Group ended its visit to Vessa on "
        "Monday without a date for new talks.\n"
        "The state oil firm Vesnoil said on Tuesday that the company would keep loading tankers "
        "at the harbour.\n"
    )
    answer = fact_with(draft, "loading tankers").answer
    assert "Contact Group would" not in answer
    assert "the company would" in answer


def test_an_adjective_before_the_event_noun_and_a_hyphened_word_are_read_as_written() -> None:
    sentences = [
        "The deadly crash near Velm killed four people on Sunday.",
        "Investigators reached the crash site within hours.",
        "The hostage-takers were never found.",
        "Relatives of the hostage victims met the minister after the crash.",
    ]
    names = {"Velm", "Tarsel", "Air"}
    event = body_event(
        "Tarsel Air grounded after Velm tragedy", sentences, names, set(), None, None
    )
    # "the deadly crash" and "the crash" (not "the crash site", nor "the hostage-takers"): the
    # crash twice, named after the name the headline puts before a noun ("Velm tragedy"), not
    # after the subject of its verb ("Tarsel Air grounded").
    assert event is not None and event.phrase() == "the Velm crash"
