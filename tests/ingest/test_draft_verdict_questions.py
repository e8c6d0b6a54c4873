"""A verdict is asked as readers ask it: how long the sentence is (issue 12, point 3).

A sentence handing a person a prison term ("received eight years", "was given three and a half
years", "sentenced the director, X, to five years") is asked by readers "how long did X get" or
"how long is X's sentence". Its own questions ask who sentenced whom, and a reader's question
met the fact by the person's name alone, beside every sibling naming them. Articles written
here, in our own words.
"""

from __future__ import annotations

from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact
from bot.ingest.article_draft import ArticleDraft
from bot.ingest.question_check import problem
from bot.ingest.verdict_questions import asks_verdict, verdict_questions
from tests.ingest.drafting import corpus_draft, draft_of, fact_with

OXYGEN_TRIAL = """Kyzylorda court jails hospital chiefs over oxygen failure
Published: 2024-11-21

KYZYLORDA, November 21 - A regional court on Thursday sentenced the former director of the
Kyzylorda infectious diseases hospital, Dauren Abenov, to seven years in prison over the oxygen
failure that killed nine patients in August 2021.

Abenov had signed off on the repair of the oxygen line although engineers warned it was unsafe.

His deputy for supplies, Gulmira Seitova, was given four and a half years.

The engineer on duty that night, Yerlan Mukhtarov, received two years of restricted freedom.

Prosecutors had asked for nine years for the former director.

Relatives of the patients who died gathered outside the court and called the terms too short.
"""


def _matcher(draft: ArticleDraft) -> Matcher:
    return Matcher(
        Fact(f.id, f.answer, tuple(f.questions), tuple(f.tags), date=f.date) for f in draft.facts
    )


def test_each_person_sentenced_is_asked_how_long_their_sentence_was() -> None:
    draft = draft_of(OXYGEN_TRIAL)
    assert "how long was dauren abenov's sentence" in fact_with(draft, "seven years").questions
    deputy = fact_with(draft, "four and a half")
    assert "how long was gulmira seitova's sentence" in deputy.questions
    # A term asked for is no verdict: the prosecutors' demand is not asked as one.
    demand = fact_with(draft, "asked for nine years")
    assert not any(asks_verdict(q) for q in demand.questions), demand.questions


def test_a_reader_asking_how_long_someone_got_is_answered_by_their_verdict() -> None:
    """The fact handing the term answers, outright, a reader who asks in their own words."""
    matcher = _matcher(draft_of(OXYGEN_TRIAL))
    for question, words in (
        ("how long is seitova's sentence", "four and a half years"),
        # Without the verdict's question only offered ("not sure"): its own questions ask who
        # sentenced whom.
        ("how many years did abenov get", "seven years in prison"),
    ):
        result = matcher.ask(question)
        assert result.best is not None and words in result.best.fact.answer, (question, result)
        assert result.decision is Decision.ANSWER, (question, result)


def test_a_verdict_in_a_corpus_article_is_asked_of_the_person_named_after_their_post() -> None:
    """ "sentenced the city's former mayor, Levan Kobaidze, to six years": the mayor's name
    follows his post, and it is his sentence readers ask about."""
    lede = corpus_draft("kutaisi-mayor-trial").facts[0]
    assert "how long was levan kobaidze's sentence" in lede.questions, lede.questions


def test_verdict_shapes_and_what_is_no_verdict() -> None:
    cases = {
        "Marat Iskakov, the night watchman, was given three and a half years.": [
            "how long was marat iskakov's sentence"
        ],
        "Ruslan Beisenov received life imprisonment.": ["what sentence did ruslan beisenov get"],
        "The court gave the longest term, 12 years, to Dina Kasymova, who owned the depot.": [
            "how long was dina kasymova's sentence"
        ],
        "Tashiev was sentenced by the Osh city court on 4 May 2019 to more than ten years.": [
            "how long was tashiev's sentence"
        ],
        # A time before the name, capitalised as the name is, is no part of it; a lone month
        # word may be a first name.
        "On Wednesday Nurlan Sadykov was jailed for eight years.": [
            "how long was nurlan sadykov's sentence"
        ],
        "Last Thursday Sadykova received life in prison.": ["what sentence did sadykova get"],
        "August Berikov was given two years.": ["how long was august berikov's sentence"],
        # Sought, faced or spent is no sentence handed down; an active "jailed him" names the
        # court, not the person; two people sharing one sentence are left to its own questions.
        "Prosecutors had asked for nine years for Aibek Tashiev.": [],
        "Aibek Tashiev faces up to 12 years in prison.": [],
        "Bakiyev spent nine years in exile.": [],
        "The court, in Osh, jailed him for five years.": [],
        "Two guards, Oleg Lim and Timur Saidov, were jailed for six and five years.": [],
    }
    for sentence, expected in cases.items():
        asked = verdict_questions(sentence)
        assert asked == expected, sentence
        assert all(problem(q) is None for q in asked), asked
