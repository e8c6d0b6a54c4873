"""Questions whose wording was read as asking for something the right fact lacks, which held a
fact that answers them back: a span told by its start ("mayor since 2011" says how long), "end
up" in the present tense (a judgement of what is likely, not whether it came about), a past
participle describing a noun ("the coalition built around ...", not "when was it built"), a
year after "til" (a bound, not the time asked about), and "which organisation" (any body the
fact names by its name).

The facts and questions are written for these tests; none comes from the held-out benchmark.
"""

from __future__ import annotations

import datetime as dt

from bot.core.answer_kinds import answer_kinds
from bot.core.focus import question_focus
from bot.core.happened_when import happened_from
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact
from bot.core.wants import Want

MAYOR = Fact(
    "korvel-mayor",
    "Gul Aydin, mayor of Korvel since 2011, won a fourth term in the city election of 3 March "
    "2024 with 61% of the vote.",
    ("who won the korvel mayoral election", "what share did aydin get in korvel"),
)
FERRY_INQUIRY = Fact(
    "ferry-inquiry",
    "The Harbour Safety Committee is leading the inquiry into the fire on the Selva ferry, "
    "which it says began in the engine room.",
    ("where did the selva ferry fire start", "what caused the fire on the selva ferry"),
)
FERRY_INSPECTOR = Fact(
    "ferry-inspector",
    "Inspector Dana Roe told reporters the inquiry into the Selva ferry fire would take months.",
    ("how long will the selva inquiry take",),
)
LEAGUE = Fact(
    "league-sponsor",
    "The Varna football league is losing influence over its clubs, and commentators say it "
    "could lose its main sponsor after the betting scandal.",
    ("is the varna league losing influence", "could the varna league lose its sponsor"),
)
VOTE_CALLED = Fact(
    "tarsk-vote-called",
    "On 2 February 2022 the electoral commission of Tarsk said the governor had told it to "
    "prepare an early vote for 20 March 2022; his term would otherwise have run until 2024.",
    ("when is the early vote in tarsk", "who called the early vote in tarsk"),
    date=dt.date(2022, 2, 2),
)


def _answered(matcher: Matcher, question: str) -> str | None:
    result = matcher.ask(question)
    if result.decision is Decision.ANSWER and result.best is not None:
        return result.best.fact.id
    return None


def test_a_span_since_a_date_says_how_long() -> None:
    assert answer_kinds("She has been mayor since 2011.") & Want.DURATION
    assert answer_kinds("The border has been closed since 12 March.") & Want.DURATION
    assert answer_kinds("In office since May 2019, he ran again.") & Want.DURATION
    # No date, no start to count from; "since" of a cause neither.
    assert not answer_kinds("Relations have soured since the war.") & Want.DURATION
    assert not answer_kinds("It has been tense since then.") & Want.DURATION


def test_how_long_in_office_is_answered_by_the_year_it_began() -> None:
    matcher = Matcher((MAYOR, FERRY_INQUIRY))
    ranked, _ = matcher.explain("how long has aydin been mayor of korvel")
    assert ranked[0].entry.fact.id == "korvel-mayor"
    assert not ranked[0].blocked


def test_end_up_in_the_present_asks_what_is_likely() -> None:
    assert question_focus("did the league end up losing its sponsor".split()).wants & Want.LATER
    for question in (
        "does the varna league end up losing its sponsor after this",
        "will the varna league end up losing its sponsor",
    ):
        assert not question_focus(question.split()).wants & Want.LATER
    matcher = Matcher((LEAGUE, FERRY_INQUIRY))
    ranked, _ = matcher.explain("does the varna league end up losing its sponsor after this")
    assert ranked[0].entry.fact.id == "league-sponsor"
    assert not ranked[0].blocked


def test_a_participle_describing_a_noun_asks_no_attribute() -> None:
    for question in (
        "how did the coalition built around the farmers party get into parliament",
        "did the firm founded by his brother win the tender",
    ):
        assert question_focus(question.split()).attributes == ()
    assert question_focus("when was the dam built".split()).attributes == ("built",)
    assert question_focus("who built the bridge".split()).attributes == ("built",)
    assert question_focus("did she get married".split()).attributes == ("married",)
    assert question_focus("how much did it cost".split()).attributes == ("cost",)


def test_a_year_after_til_is_a_bound() -> None:
    assert happened_from("who called the vote, wasnt his term good til 2024".split()) is None
    assert happened_from("who won the vote in 2024".split()) == dt.date(2024, 1, 1)
    matcher = Matcher((VOTE_CALLED, MAYOR))
    ranked, _ = matcher.explain("who called the early tarsk vote, wasnt his term good til 2024")
    assert ranked[0].entry.fact.id == "tarsk-vote-called"
    assert not ranked[0].blocked


def test_which_organisation_is_met_by_any_body_named() -> None:
    matcher = Matcher((FERRY_INQUIRY, FERRY_INSPECTOR, MAYOR))
    question = "which organisation is running the inquiry into the selva ferry fire"
    ranked, _ = matcher.explain(question)
    by_id = {c.entry.fact.id: c for c in ranked}
    assert not by_id["ferry-inquiry"].role_miss
    # A fact naming only a person names no organisation.
    assert by_id["ferry-inspector"].role_miss
    assert ranked[0].entry.fact.id == "ferry-inquiry"
    assert _answered(matcher, question) in (None, "ferry-inquiry")
