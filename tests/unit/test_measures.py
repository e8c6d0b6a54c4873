"""A measure asked of one dimension ("how tall", "how far") is answered only by a fact stating a
measure of it (issue 11, point 4): a fact whose only length is a distance does not say how tall
something is, however well its words match."""

from __future__ import annotations

import pytest

from bot.core.focus import question_focus
from bot.core.matcher import Matcher
from bot.core.measures import dimension_asked, measure_stated
from bot.core.models import Decision, Fact

FACTS = [
    Fact(
        "kura-bridge-opened",
        "The new road bridge over the Kura at Mingachevir opened on Friday; the town lies about "
        "40 km north of Yevlakh, where the old crossing was.",
        (
            "when did the kura bridge open",
            "where is the new kura bridge",
            "what happened to the old kura crossing",
        ),
    ),
    Fact(
        "shusha-tower-built",
        "Workers in Shusha finished a 120-metre-high television tower in May, replacing the mast "
        "destroyed in the war.",
        ("what was built in shusha", "when was the shusha tower finished"),
    ),
    Fact(
        "lerik-tunnel-opened",
        "A road tunnel stretching 2.5 km under the Lerik pass opened to traffic on Monday.",
        ("when did the lerik tunnel open", "what opened at the lerik pass"),
    ),
    Fact(
        "ganja-inflation",
        "Annual inflation in Ganja reached 12% in April, the statistics office said.",
        ("what is inflation in ganja", "how fast are prices rising in ganja"),
    ),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(FACTS)


@pytest.mark.parametrize(
    ("question", "dimension"),
    [
        ("how tall is the tower", "height"),
        ("how high is inflation", "level"),
        ("how far is shusha from baku", "distance"),
        ("how deep is the reservoir", "depth"),
        ("how heavy was the cargo", "weight"),
        ("how long did the talks last", None),
        ("how long is the bridge", "length"),
        ("how long was he sentenced to", None),
        ("how many people live there", None),
    ],
)
def test_the_dimension_a_question_asks(question: str, dimension: str | None) -> None:
    words = question.split()
    assert dimension_asked(words) == dimension
    assert question_focus(words).dimension == dimension


@pytest.mark.parametrize(
    ("answer", "dimension", "stated"),
    [
        ("The dam, 30 metres high, was built in 1956.", "height", True),
        ("A 120-metre-high tower stands on the hill.", "height", True),
        ("It reached a height of 30 m.", "height", True),
        ("The town is about 60 km away.", "height", False),
        ("The town is about 60 km away.", "distance", True),
        ("The village lies 12 km north of the border.", "distance", True),
        ("Below 12.7 metres the plant could no longer pump water.", "distance", False),
        ("Floods covered 600 square kilometres.", "distance", False),
        ("The reservoir held 18 cubic kilometres of water.", "depth", False),
        ("The cargo weighed 40 tonnes.", "weight", True),
        ("Inflation reached 12% in April.", "level", True),
        ("Inflation reached 12% in April.", "height", False),
    ],
)
def test_a_measure_is_stated_of_its_dimension(answer: str, dimension: str, stated: bool) -> None:
    assert measure_stated(answer, dimension) is stated


@pytest.mark.parametrize(
    "question", ["how tall is the new kura bridge", "how high is the bridge over the kura"]
)
def test_a_distance_does_not_say_how_tall(matcher: Matcher, question: str) -> None:
    assert matcher.ask(question).decision is not Decision.ANSWER


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("how tall is the shusha television tower", "shusha-tower-built"),
        ("how far is mingachevir from yevlakh", "kura-bridge-opened"),
        ("how high is inflation in ganja", "ganja-inflation"),
        # "How long is" a thing asks its length as often as a span.
        ("how long is the lerik tunnel", "lerik-tunnel-opened"),
    ],
)
def test_a_measure_of_the_dimension_asked_answers(
    matcher: Matcher, question: str, fact_id: str
) -> None:
    result = matcher.ask(question)
    assert result.decision is Decision.ANSWER
    assert result.matches[0].fact.id == fact_id
