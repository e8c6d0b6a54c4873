"""Siblings of one story share their names and numbers, so two of them can match a question
equally well. When the question asks for a kind of answer ("how many", "why") that one
sibling's answer states and the other's does not, a reader knows which is meant: the bot
answers that one outright instead of asking "did you mean". When both answers state it, or
the facts are phrased as sparsely as drafts are, the tie stays a "did you mean".

The facts and questions are written for these tests (a landslide in a village of Lerik); none
comes from the benchmark's questions.
"""

from __future__ import annotations

from bot.core.candidates import AskedQuestion, Candidate
from bot.core.index_entries import IndexEntry
from bot.core.matcher import Matcher, MatcherSettings
from bot.core.models import AskResult, Decision, Fact
from bot.core.text import focus
from bot.core.tie_break import favoured
from bot.core.wants import Want


def _overview(answer: str) -> Fact:
    return Fact(
        "lerik-landslide-overview",
        answer,
        (
            "what happened in jangamiran",
            "lerik landslide",
            "how many villagers did the jangamiran landslide kill",
            "when did the landslide hit jangamiran",
            "who dug through the mud in lerik",
            "why did rescuers dig through the jangamiran mud",
        ),
    )


# The overview names the dead but does not count them, nor says why the slope gave way.
OVERVIEW = _overview(
    "A landslide buried houses and killed villagers in the mountain village of Jangamiran in "
    "Lerik district on 14 March 2025; rescuers from Baku dug through the mud."
)
TOLL = Fact(
    "lerik-landslide-toll",
    "The Jangamiran landslide killed eleven villagers and buried 23 houses, the emergencies "
    "ministry said.",
    (
        "how many villagers did the landslide kill",
        "how many houses were buried in lerik",
        "landslide death toll",
        "what did the emergencies ministry say",
        "were any houses lost in jangamiran",
    ),
)
CAUSE = Fact(
    "lerik-landslide-cause",
    "The Jangamiran landslide hit the village because weeks of rain soaked the loose clay of "
    "the slope above it, geologists said.",
    (
        "why did the jangamiran landslide happen",
        "what caused the lerik landslide",
        "what did geologists say about the landslide",
        "was the rain to blame in lerik",
        "is the jangamiran slope still moving",
    ),
)
INJURED = Fact(
    "lerik-landslide-injured",
    "Rescuers pulled 23 injured villagers out of the Jangamiran mud and took them to hospital "
    "in Lerik.",
    ("how many villagers were injured in jangamiran", "where were the injured taken"),
)
FACTS = [OVERVIEW, TOLL, CAUSE, INJURED]
OFF = MatcherSettings(tie_break=False)


def _first(result: AskResult) -> str | None:
    return result.best.fact.id if result.best is not None else None


def test_the_sibling_that_states_the_count_asked_for_is_answered() -> None:
    """Both facts are phrased "how many villagers did ... kill" and share the question's words;
    only the toll says how many, so it is answered outright, not offered beside the overview."""
    question = "how many villagers did the landslide in jangamiran kill"
    assert Matcher(FACTS, settings=OFF).ask(question).decision is Decision.SUGGEST
    result = Matcher(FACTS).ask(question)
    assert result.decision is Decision.ANSWER
    assert _first(result) == "lerik-landslide-toll"


def test_the_sibling_that_gives_the_cause_asked_for_is_answered() -> None:
    """ "Why" of two facts on the landslide: the overview scores a little higher, but only the
    geologists' fact says why ("because"), so it is put first and answered outright."""
    question = "why was there a landslide in jangamiran"
    tied = Matcher(FACTS, settings=OFF).ask(question)
    assert tied.decision is Decision.SUGGEST
    assert _first(tied) == "lerik-landslide-overview"
    result = Matcher(FACTS).ask(question)
    assert result.decision is Decision.ANSWER
    assert _first(result) == "lerik-landslide-cause"


def test_a_tie_between_siblings_that_both_state_the_count_stays_a_did_you_mean() -> None:
    """When the overview counts the dead as well, the kind of answer tells the two apart no
    more than their words do: the bot still offers both."""
    counted = _overview(
        "A landslide buried houses and killed eleven villagers in the mountain village of "
        "Jangamiran in Lerik district on 14 March 2025; rescuers from Baku dug through the mud."
    )
    question = "how many villagers did the landslide in jangamiran kill"
    result = Matcher([counted, TOLL, CAUSE, INJURED]).ask(question)
    assert result.decision is Decision.SUGGEST
    assert {match.fact.id for match in result.matches[:2]} == {
        "lerik-landslide-toll",
        "lerik-landslide-overview",
    }


def test_drafted_facts_are_not_told_apart_by_the_kind_of_answer() -> None:
    """A fact of few phrasings, as a draft has, is one sentence of its article: its number
    may count a narrower thing than the question asks, so the tie stays a "did you mean"."""
    drafted = Fact(TOLL.id, TOLL.answer, TOLL.questions[:3])
    question = "how many villagers did the landslide in jangamiran kill"
    result = Matcher([OVERVIEW, drafted, CAUSE, INJURED]).ask(question)
    assert result.decision is Decision.SUGGEST


def _scored(fact: Fact, kinds: int) -> Candidate:
    phrasings = tuple(((question,), question) for question in fact.questions)
    return Candidate(IndexEntry(fact, phrasings, (), kinds), 0.5, None, 0.5, 0.5, 0.5, 1.0)


def test_only_the_kinds_that_tell_siblings_apart_are_read() -> None:
    """A count, a sum, a share or a cause in one answer and not the other favours it; a date
    does not (siblings of one story are dated alike), nor a question asking for no kind."""
    counted = _scored(TOLL, int(Want.COUNT | Want.TIME))
    dated = _scored(OVERVIEW, int(Want.TIME))
    for question, side in (
        ("how many villagers died in jangamiran", 1),
        ("when did the landslide hit jangamiran", 0),
        ("jangamiran landslide", 0),
    ):
        asked = AskedQuestion(focus(question), 1.0, 1.0, 3, [])
        assert favoured(question, asked, counted, dated) == side, question
        assert favoured(question, asked, dated, counted) == -side, question
