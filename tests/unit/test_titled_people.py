"""Issue 11, names said another way: a fact that names a person alone ("Sandor said") still
meets a question asking for them by office ("what did the mayor say"), when another fact of
its story gives the person that office ("Mayor Anna Sandor"). The facts and questions are this
file's own (an invented harbour town), never the live knowledge nor the bench's questions.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher, MatcherSettings
from bot.core.models import Fact
from bot.core.role_names import titled_people


@pytest.mark.parametrize(
    ("answer", "people"),
    [
        ("Mayor Anna Sandor opened the new ferry terminal.", [("mayor", "sandor")]),
        ("The harbour chief Piet Vos, who ran the port for years, retired.", [("chief", "vos")]),
        (
            "Governor Lena Brandt's office said the road would reopen.",
            [("governor", "brandt")],
        ),
        ("Tomas Keller, the town's harbour captain, spoke.", [("captain", "keller")]),
        # A name ends at a comma, and a place is no person.
        ("The boat of fleet captain Ivo Marek, Sandor said, was late.", [("captain", "marek")]),
        ("In Harbourtown, the mayor said the ferry was late.", []),
        ("The mayor said the ferry was late.", []),
    ],
)
def test_people_an_answer_names_by_office(answer: str, people: list[tuple[str, str]]) -> None:
    assert list(titled_people(answer)) == people


OPENING = Fact(
    "terminal-opening",
    "Mayor Anna Sandor opened the new ferry terminal at Harbourtown on 2 May, three months late.",
    ("when did the new ferry terminal open", "was the ferry terminal late"),
)
FARES = Fact(
    "terminal-fares",
    "Sandor said ferry fares from the new terminal would stay the same until the autumn.",
    ("will ferry fares go up", "what will the ferry fares be"),
)
DREDGING = Fact(
    "terminal-dredging",
    "The port authority said the harbour by the new ferry terminal must be dredged again "
    "before the autumn storms.",
    ("does the harbour need dredging", "what did the port authority say about the terminal"),
)


def test_a_person_named_alone_meets_a_question_asking_by_office() -> None:
    matcher = Matcher([OPENING, FARES, DREDGING])
    ranked, _ = matcher.explain("what did the mayor say about ferry fares at the new terminal")
    assert ranked[0].entry.fact.id == "terminal-fares"
    fares = ranked[0]
    off = Matcher([OPENING, FARES, DREDGING], settings=MatcherSettings(titled_share=0.0))
    unlinked, _ = off.explain("what did the mayor say about ferry fares at the new terminal")
    before = next(c for c in unlinked if c.entry.fact.id == "terminal-fares")
    assert fares.relevance > before.relevance


def test_a_question_naming_the_person_asks_of_the_office_itself() -> None:
    # "sandor" is in the question: "mayor" is then the office, not another name for her.
    on = Matcher([OPENING, FARES, DREDGING])
    off = Matcher([OPENING, FARES, DREDGING], settings=MatcherSettings(titled_share=0.0))
    question = "how long has sandor been mayor"
    assert [(c.entry.fact.id, c.relevance) for c in on.explain(question)[0]] == [
        (c.entry.fact.id, c.relevance) for c in off.explain(question)[0]
    ]


QUESTION = "what did the mayor say about ferry fares at the new terminal"


def _fares_relevance(matcher: Matcher) -> float:
    ranked, _ = matcher.explain(QUESTION)
    return next(c.relevance for c in ranked if c.entry.fact.id == "terminal-fares")


def test_the_office_follows_the_facts_as_they_are_added_edited_and_removed() -> None:
    """Who holds an office is read from each fact as it is indexed: the fact giving Sandor
    hers, added after a first question, links her to it at once; edited to another office,
    or removed, it no longer does."""
    matcher = Matcher([FARES, DREDGING])
    alone = _fares_relevance(matcher)
    matcher.add(OPENING)
    linked = _fares_relevance(matcher)
    assert linked > alone
    governor = Fact(OPENING.id, OPENING.answer.replace("Mayor", "Governor"), OPENING.questions)
    matcher.add(governor)
    assert _fares_relevance(matcher) < linked
    matcher.add(OPENING)
    assert _fares_relevance(matcher) == linked
    matcher.remove(OPENING.id)
    assert _fares_relevance(matcher) < linked


def test_an_index_read_back_from_a_snapshot_links_the_office_alike() -> None:
    """An index read from its snapshot (whose entries were never read for offices) and one
    whose fact moved in its file rank and score the question as the index built fact by
    fact does."""
    built = Matcher([OPENING, FARES, DREDGING])
    expected = [(c.entry.fact.id, c.relevance) for c in built.explain(QUESTION)[0]]
    snapshot = Matcher.from_state(built.export_state())
    assert [(c.entry.fact.id, c.relevance) for c in snapshot.explain(QUESTION)[0]] == expected
    built.refresh(Fact(OPENING.id, OPENING.answer, OPENING.questions, line=12))
    assert [(c.entry.fact.id, c.relevance) for c in built.explain(QUESTION)[0]] == expected
