"""A question about a thing no fact mentions is not answered outright (issue 11, point 2): the
facts on a library's closure share a question's place, verb and question word with one about a
museum, and would otherwise answer it confidently. A verb or chat word no fact has is how a
casual question paraphrases, and still gets its answer."""

from __future__ import annotations

import pytest

from bot.core.asked_things import asked_things
from bot.core.matcher import Matcher, MatcherSettings
from bot.core.models import Decision, Fact

FACTS = [
    Fact(
        "shaki-library-closed",
        "The city library in Shaki closed on 4 March because its roof was found to be unsafe "
        "after heavy snow.",
        (
            "why was the shaki library closed",
            "when did the library in shaki close",
            "what happened to the shaki library",
            "is the library in shaki open",
        ),
    ),
    Fact(
        "shaki-reading-room",
        "A temporary reading room has opened in Shaki's town hall while the library is shut.",
        ("where can i read books in shaki", "is there a reading room in shaki"),
    ),
    Fact(
        "shaki-population-fell",
        "Shaki's population fell to about 60,000 after the 2024 floods, the statistics office "
        "said.",
        ("what is the population of shaki", "how many people live in shaki"),
    ),
    Fact(
        "lankaran-governor-resigned",
        "The governor of Lankaran resigned on 12 March after protests over power cuts.",
        ("why did the lankaran governor resign", "who resigned in lankaran"),
    ),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(FACTS)


@pytest.mark.parametrize(
    "question",
    [
        "why was the hospital in shaki closed",
        "when did the stadium in shaki close",
        "which theatre in shaki was closed",
        # The property is one a fact states, of another place: not this one's.
        "what was the population of qabala after the floods",
    ],
)
def test_a_thing_no_fact_mentions_is_offered_at_most(matcher: Matcher, question: str) -> None:
    result = matcher.ask(question)
    assert result.decision is not Decision.ANSWER


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("why was the hospital in shaki closed", "shaki-library-closed"),
        ("what was the population of qabala after the floods", "shaki-population-fell"),
    ],
)
def test_the_same_question_without_the_guard_was_answered_outright(
    question: str, fact_id: str
) -> None:
    """What the guard is for: the place and the verb (or the property asked) alone answer it
    confidently."""
    result = Matcher(FACTS, settings=MatcherSettings(unknown_thing_guard=False)).ask(question)
    assert result.decision is Decision.ANSWER
    assert result.matches[0].fact.id == fact_id


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("why was the library in shaki closed", "shaki-library-closed"),
        ("why did they yank the library in shaki", "shaki-library-closed"),
        ("wat happened w the library in shaki lol", "shaki-library-closed"),
        ("why did the lankaran governor quit", "lankaran-governor-resigned"),
        ("what is the population of shaki now", "shaki-population-fell"),
    ],
)
def test_a_paraphrased_verb_or_chat_word_is_still_answered(
    matcher: Matcher, question: str, fact_id: str
) -> None:
    result = matcher.ask(question)
    assert result.decision is Decision.ANSWER
    assert result.matches[0].fact.id == fact_id


@pytest.mark.parametrize(
    ("question", "things"),
    [
        ("why was the stadium in ganja closed", {"stadium"}),
        ("who is the new mayor of ganja", {"mayor", "ganja"}),
        ("what did the mayor say", {"mayor"}),
        # What the thing asked about is of, after "of": as much what the question is about.
        ("what is the population of qabala now", {"population", "qabala"}),
        ("what is the name of the prison", {"prison"}),
        ("what did the mayor of ganja say", {"mayor", "ganja"}),
        ("what happened to the bridge", {"bridge"}),
        ("which ukrainian units took part", {"ukrainian", "units"}),
        # Not what is asked about: a phrase of the scene, an aspect in a sentence that asks
        # nothing, a referent's own property, a verb no determiner opens.
        ("why did he resign in the first place", set()),
        ("is there a danger that talks collapse", set()),
        ("explain the oil angle pls", set()),
        ("what is his record", set()),
        ("why was the bridge yanked", {"bridge"}),
    ],
)
def test_the_nouns_a_question_asks_about(question: str, things: set[str]) -> None:
    assert asked_things(question) == things
