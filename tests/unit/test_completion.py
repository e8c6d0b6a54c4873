"""Autocomplete on its own: a stand-in ``ask`` and a hand-made vocabulary, no index."""

from __future__ import annotations

from bot.core import completion
from bot.core.models import AskResult, Decision, Fact, Match

HARBOUR = Fact("harbour-fire", "A fire broke out in the harbour.", ("what burned in the harbour",))
HARVEST = Fact("harvest-late", "The harvest came in late this year.", ("why was the harvest late",))
NOTE = Fact("tide-note", "Tides in the bay run higher in spring, the port authority says.")
SECRET = Fact(
    "club-meeting", "The chess club meets on Fridays.", ("when does the club meet",), guild_id=3
)

# Words seen -> the term each became; the same words by (first letter, length); facts per term.
SURFACE = {"harbour": "harbour", "harvest": "harvest", "hard": "hard"}
VOCABULARY = {("h", 7): ["harbour", "harvest"], ("h", 4): ["hard"]}
DF = {"harbour": 3, "harvest": 5, "hard": 9}


class Recorder:
    """A stand-in ``ask``: remembers what it was asked, answers with fixed matches."""

    def __init__(self, *matches: Match) -> None:
        self.asked: list[str] = []
        self.matches = matches

    def __call__(self, question: str, *, limit: int, guild_id: int | None) -> AskResult:
        self.asked.append(question)
        return AskResult(question, Decision.ANSWER, self.matches[:limit])


def offered(
    prefix: str, ask: Recorder, *, limit: int = 25, guild_id: int | None = None
) -> list[str]:
    return completion.complete(
        prefix,
        ask=ask,
        facts=(HARBOUR, HARVEST, NOTE, SECRET),
        surface=SURFACE,
        vocabulary=VOCABULARY,
        df=DF,
        limit=limit,
        guild_id=guild_id,
    )


def test_a_half_typed_word_becomes_the_commonest_word_it_begins() -> None:
    assert completion.complete_word("har", SURFACE, VOCABULARY, DF) == "hard"
    assert completion.complete_word("harb", SURFACE, VOCABULARY, DF) == "harbour"
    # A whole word, one letter, or no word's start: nothing to complete.
    assert completion.complete_word("hard", SURFACE, VOCABULARY, DF) is None
    assert completion.complete_word("h", SURFACE, VOCABULARY, DF) is None
    assert completion.complete_word("hx", SURFACE, VOCABULARY, DF) is None


def test_the_last_word_is_completed_only_while_it_is_being_typed() -> None:
    ask = Recorder(Match(HARBOUR, 0.8))
    assert offered("fire in the harb", ask) == ["what burned in the harbour"]
    offered("fire in the harb ", ask)
    assert ask.asked == ["fire in the harbour", "fire in the harb"]


def test_a_fact_without_questions_is_offered_by_the_start_of_its_answer() -> None:
    assert offered("tides", Recorder(Match(NOTE, 0.6))) == [NOTE.answer[:95]]


def test_with_nothing_found_the_first_visible_questions_are_offered() -> None:
    nothing = Recorder()
    assert offered("", nothing) == [HARBOUR.questions[0], HARVEST.questions[0]]
    assert offered("zzz", nothing, guild_id=3) == [
        HARBOUR.questions[0],
        HARVEST.questions[0],
        SECRET.questions[0],
    ]
    assert offered("", nothing, limit=1) == [HARBOUR.questions[0]]
    # Nothing typed: nothing is asked.
    assert nothing.asked == ["zzz"]
