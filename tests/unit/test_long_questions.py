"""A long, careful question is read by how much of it a fact holds, not by one phrasing that
meets a few of its words (``MatcherSettings.long_question_terms``): its writer took its words
from the story, which a fact's answer and its phrasings hold together. The facts and questions
are this file's own."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher, MatcherSettings
from bot.core.models import Decision, Fact

BERTH = Fact(
    "berth-shut",
    "The port authority shut berth four at Velmor harbour so that engineers could inspect the "
    "quay rails the fallen crane had buckled.",
    ("which berth is closed", "why are engineers at the quay"),
)
CRANE = Fact(
    "crane-collapse",
    "A loading crane toppled at Velmor harbour on Tuesday, crushing two lorries.",
    ("did the crane crush lorries at the velmor harbour", "what happened at velmor harbour"),
)
STRIKE = Fact(
    "dock-strike",
    "Velmor dock workers walked out on Wednesday over unpaid overtime.",
    ("are the velmor dock workers on strike",),
)
FACTS = [BERTH, CRANE, STRIKE]
# Phrasing and coverage weigh alike whatever the question's length: the reading before.
EVERY_PHRASING_ALIKE = MatcherSettings(long_question_terms=99)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(FACTS)


@pytest.mark.parametrize(
    "question",
    [
        "What did the harbour authority in Velmor decide about the buckled rails and the berth "
        "after its crane crushed lorries?",
        "Once the crane had toppled onto two lorries at Velmor harbour, what did the port "
        "authority do with the berth and its rails?",
    ],
)
def test_a_long_question_is_answered_by_the_fact_holding_most_of_it(
    matcher: Matcher, question: str
) -> None:
    result = matcher.ask(question)
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == "berth-shut"
    # Read as before, the sibling whose phrasing shares the crane and the lorries came first.
    before = Matcher(FACTS, settings=EVERY_PHRASING_ALIKE).ask(question)
    assert before.best is not None and before.best.fact.id == "crane-collapse"


def test_a_sibling_phrasing_meeting_a_few_words_is_not_answered_outright(
    matcher: Matcher,
) -> None:
    question = (
        "What has the authority at Velmor harbour done about the rails the crane buckled when "
        "it crushed lorries?"
    )
    before = Matcher(FACTS, settings=EVERY_PHRASING_ALIKE).ask(question)
    assert before.decision is Decision.ANSWER and before.best is not None
    assert before.best.fact.id == "crane-collapse"
    # Now the two siblings nearly tie: offered, not answered with the wrong one.
    result = matcher.ask(question)
    assert result.decision is Decision.SUGGEST
    assert {match.fact.id for match in result.matches[:2]} == {"berth-shut", "crane-collapse"}


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("did the crane crush lorries", "crane-collapse"),
        ("which berth is closed at velmor", "berth-shut"),
        ("velmor dockers on strike?", "dock-strike"),
    ],
)
def test_a_short_question_still_goes_by_its_phrasing(
    matcher: Matcher, question: str, fact_id: str
) -> None:
    result = matcher.ask(question)
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == fact_id


PORT_RU = Fact(
    "port-closed-ru",
    "Портовое управление закрыло четвёртый причал в гавани Вельмора, чтобы инженеры осмотрели "
    "рельсы на пристани, погнутые упавшим краном.",
    ("какой причал закрыт",),
    language="ru",
)
CRANE_RU = Fact(
    "crane-fell-ru",
    "Во вторник в гавани Вельмора опрокинулся портовый кран и раздавил два грузовика.",
    ("кран раздавил грузовики в гавани вельмора", "что случилось в гавани вельмора"),
    language="ru",
)


def test_a_long_russian_question_is_read_as_before() -> None:
    """Russian and Azerbaijani words, inflected, miss a fact's far more often: coverage says
    less there, and a long question in them is ranked as any other."""
    question = (
        "Что портовое управление в гавани Вельмора решило насчёт погнутых рельсов и причала "
        "после того, как кран раздавил грузовики?"
    )
    facts = [PORT_RU, CRANE_RU]
    now, _ = Matcher(facts).explain(question)
    before, _ = Matcher(facts, settings=EVERY_PHRASING_ALIKE).explain(question)
    assert len(now) == 2
    assert [(c.entry.fact.id, c.relevance) for c in now] == [
        (c.entry.fact.id, c.relevance) for c in before
    ]
