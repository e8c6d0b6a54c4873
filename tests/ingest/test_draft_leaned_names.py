"""A fact whose sentence speaks of someone as "his"/"her" named just before is found by that
person's name (issue 12, point 1).

An article of our own about a mayor's bribery trial (``data/corpus/kutaisi-mayor-trial.txt``)
says "Investigators said about 1.2 million lari in bribes passed through his accounts" right after
naming the mayor: a reader asking what passed through Kobaidze's hands should get that fact,
though its sentence never writes his name.
"""

from __future__ import annotations

from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact
from bot.ingest.article_draft import ArticleDraft
from bot.ingest.leaned_names import leaned_names
from tests.ingest.drafting import corpus_draft, fact_with

PEOPLE = {"kobaidze", "sharashidze"}


def _matcher(draft: ArticleDraft) -> Matcher:
    return Matcher(
        Fact(f.id, f.answer, tuple(f.questions), tuple(f.tags), date=f.date) for f in draft.facts
    )


def test_a_reader_naming_the_person_gets_the_fact_that_says_his() -> None:
    draft = corpus_draft("kutaisi-mayor-trial")
    money = fact_with(draft, "passed through his accounts")
    asked = _matcher(draft).ask("what sum passed through kobaidze's hands")
    assert asked.decision is Decision.ANSWER
    assert asked.best is not None and asked.best.fact.id == money.id


def test_the_answer_keeps_the_articles_words() -> None:
    """Only the tags take the name: the moderator reads the article's own sentence."""
    money = fact_with(corpus_draft("kutaisi-mayor-trial"), "passed through his accounts")
    assert money.answer.startswith("Investigators said about 1.2 million lari in bribes passed")
    assert "kobaidze" in money.tags


def test_a_sentence_naming_its_own_person_borrows_no_one() -> None:
    """ "Sharashidze told the court she ..." is about Sharashidze, and "Kobaidze denied ...
    his criticism" about Kobaidze: neither takes the name of whoever came before."""
    draft = corpus_draft("kutaisi-mayor-trial")
    deputy = fact_with(draft, "she had only followed instructions")
    assert not any("kobaidze" in tag for tag in deputy.tags), deputy.tags
    mayor = fact_with(draft, "revenge for his criticism")
    assert not any("sharashidze" in tag for tag in mayor.tags), mayor.tags


def test_only_a_person_a_pronoun_stands_for_is_borrowed() -> None:
    before = ["tbilisi", "levan-kobaidze", "city-hall"]
    # "his" stands for the person named before; the place and the body stay that sentence's.
    assert leaned_names(
        "Police searched his office.", "Police searched his office.", before, PEOPLE
    ) == ["levan-kobaidze"]
    # No personal pronoun: nothing leans back ("its" and "their" lean on bodies and things,
    # which most facts of a story share).
    assert (
        leaned_names("Police searched the office.", "Police searched the office.", before, PEOPLE)
        == []
    )
    assert (
        leaned_names("The party lost its seat.", "The party lost its seat.", before, PEOPLE) == []
    )
    # A name the answer already holds is not added again.
    assert (
        leaned_names(
            "His lawyer, Kobaidze's cousin, spoke.",
            "His lawyer, Kobaidze's cousin, spoke.",
            before,
            PEOPLE,
        )
        == []
    )
