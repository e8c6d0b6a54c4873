"""A question word the facts hold only in other words ("skipper" of a fact that says "captain")
counts, for the confidence, among the words the fact has: such a question is answered, not
held back as if it were about something else."""

from __future__ import annotations

import pytest

from bot.core.confidence import terms_found
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact

CAPTAIN = Fact(
    "tanker-captain",
    "Prosecutors charged the captain of the stricken tanker with negligence, and he was jailed "
    "for two months.",
    ("what was the tanker captain charged with", "was the captain jailed"),
)
SPILL = Fact(
    "tanker-spill",
    "The stricken tanker spilled about 3,000 tonnes of fuel oil into the strait.",
    ("how much oil did the tanker spill", "what did the tanker spill"),
)
CLEANUP = Fact(
    "tanker-cleanup",
    "Volunteers cleaned oiled beaches along the strait for weeks after the spill.",
    ("who cleaned the beaches", "how long did the cleanup take"),
)
FERRY = Fact(
    "ferry-storm",
    "A storm stopped the Portree ferry for two days in January, the operator said.",
    ("did the storm stop the ferry", "why was the portree ferry cancelled"),
)
FARES = Fact(
    "ferry-fares",
    "The Portree ferry operator raised fares by ten percent in March.",
    ("did ferry fares go up", "how much are portree ferry fares"),
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher([CAPTAIN, SPILL, CLEANUP, FERRY, FARES])


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        # "skipper" is in no fact; its thesaurus neighbour "captain" is.
        ("the skipper got jailed right", "tanker-captain"),
        ("what did the skipper get charged with", "tanker-captain"),
        # "halted" for "stopped".
        ("did the storm halt the portree ferry", "ferry-storm"),
    ],
)
def test_a_question_in_other_words_is_answered(
    matcher: Matcher, question: str, fact_id: str
) -> None:
    result = matcher.ask(question)
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == fact_id


@pytest.mark.parametrize(
    "question",
    [
        # A paraphrase shared, but the thing asked about is in no fact.
        "did the tempest halt the flights at the airport",
        "was the skipper of the titanic put in prison",
        "is the skipper married",
        "how old is the skipper",
    ],
)
def test_a_paraphrase_does_not_answer_what_no_fact_says(matcher: Matcher, question: str) -> None:
    assert matcher.ask(question).decision is not Decision.ANSWER


def test_a_word_in_other_words_counts_as_had_but_not_as_written(matcher: Matcher) -> None:
    ranked, asked = matcher.explain("what did the skipper get charged with")
    best = ranked[0]
    assert best.entry.fact.id == "tanker-captain"
    assert "skipper" not in best.matched  # not the word itself...
    assert "skipper" in best.paraphrased  # ...but the fact has it in other words
    assert terms_found(best, asked) == pytest.approx(
        (len(best.matched) + len(best.paraphrased)) / asked.terms
    )


def test_a_paraphrase_still_weighs_less_than_the_word(matcher: Matcher) -> None:
    said, _ = matcher.explain("what did the captain get charged with")
    paraphrased, _ = matcher.explain("what did the skipper get charged with")
    assert paraphrased[0].relevance < said[0].relevance
    assert paraphrased[0].confidence <= said[0].confidence
