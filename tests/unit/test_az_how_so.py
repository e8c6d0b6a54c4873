"""What an Azerbaijani question asks for, where its question words say something else too:
"nə qədər" is "how many" before a noun ("nə qədər adam") and "how" before a predicate ("nə
qədər ciddidir": how serious is it), which asks no number; and "adi" is "adı" (its name)
typed plainly only from a writer who does not type "ı" ("adi bir reys", an ordinary
sailing). Read as a count, a question about how serious some talks are was never answered by
the fact on the talks, which states no number.

Every example is this file's own (ferries and a harbour), never the knowledge's nor the bench's
questions.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.text import Analyzer
from bot.core.wants import Want

FARE_TALKS = Fact(
    "ferry-fare-talks",
    "Ferry operators and the port authority held talks on fares.",
    ("ferry fare talks",),
    translations=(
        Translation(
            "az",
            "Bərə operatorları liman idarəsi ilə gediş haqqı barədə danışıqlar apardılar.",
            ("bərə gediş haqqı danışıqları",),
        ),
    ),
)
STORM = Fact(
    "ferries-in-port",
    "The ferries stay in port at Alat because of the storm.",
    ("why are the ferries in port",),
    translations=(
        Translation(
            "az",
            "Fırtına səbəbindən bərələr Ələt limanında qalır.",
            ("bərələr niyə limanda qalır",),
        ),
    ),
)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.mark.parametrize(
    "question",
    [
        "bu xəbər nə qədər doğrudur?",
        "bu iddia nə qədər əsaslıdır?",
        "bu xeber ne qeder dogrudur",  # typed without its letters
        "danışıqlar nə qədər ciddidirmi?",
    ],
)
def test_how_so_asks_no_number(analyzer: Analyzer, question: str) -> None:
    assert not analyzer.focus(question).wants & Want.COUNT, question


@pytest.mark.parametrize(
    "question",
    [
        "festivala nə qədər adam gəldi?",
        "təmirə nə qədər pul xərcləndi?",
        "nə qədər vaxtdır bağlıdır?",  # a span of time, not how so
    ],
)
def test_how_much_still_asks_a_number(analyzer: Analyzer, question: str) -> None:
    assert analyzer.focus(question).wants & Want.COUNT, question


def test_a_plain_word_is_a_question_word_only_from_a_writer_who_types_plainly(
    analyzer: Analyzer,
) -> None:
    assert analyzer.focus("limanin adi nedir").wants & Want.NAME
    assert analyzer.focus("limanın adı nədir?").wants & Want.NAME
    ordinary = analyzer.focus("Bərə adi bir reysdə niyə batdı?").wants
    assert not ordinary & Want.NAME
    assert ordinary & Want.CAUSE


def test_how_serious_the_talks_are_is_answered_by_the_talks() -> None:
    matcher = Matcher([FARE_TALKS, STORM], analyzer=Analyzer())
    result = matcher.ask("bərə danışıqları nə qədər ciddidir?")
    assert result.best is not None and result.best.fact.id == "ferry-fare-talks"
    assert result.decision is Decision.ANSWER
