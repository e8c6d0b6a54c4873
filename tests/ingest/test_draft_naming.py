"""Ids and tags that name what a fact is about (issue 12, points 3 and 4), over our own corpus
of short articles (``data/corpus``).

A moderator reads a fact's id in every command, and the matcher reads the id and tags as one
more phrasing: the one a reader's keyword question ("dilijan wildfire", "20% rule") meets. So
the opening fact is named after the event, the others after their own subject (names, nouns,
figures), never after filler, a year, a verb or a title; and the opening fact is asked about
in general words, leaving the specific questions to the facts that answer them.
"""

from __future__ import annotations

import re

import pytest

from bot.core.folding import fold
from bot.ingest.lexicon import is_topic_noun
from bot.ingest.main_clause import verbs_in
from bot.ingest.question_check import problem
from tests.ingest.drafting import CORPUS, corpus_draft, draft_of

ARTICLES = sorted(p.stem for p in CORPUS.glob("*.txt"))


@pytest.mark.parametrize(
    ("name", "opening_id"),
    [
        ("dilijan-wildfire", "dilijan-wildfire"),
        ("ganja-flood", "ganja-flood"),
        ("tbilisi-metro-strike", "tbilisi-strike"),
    ],
)
def test_the_opening_fact_is_named_after_the_event(name: str, opening_id: str) -> None:
    opening = corpus_draft(name).facts[0]
    assert opening.id == opening_id
    # General questions for the event as a whole, a grammatical one included.
    assert any(q.startswith("what is going on with") for q in opening.questions)
    assert all(problem(q) is None for q in opening.questions)


@pytest.mark.parametrize("name", ARTICLES)
def test_ids_name_a_subject_never_filler_years_or_verbs(name: str) -> None:
    # The opening fact is named after the event, as readers call it (not always its words).
    for fact in corpus_draft(name).facts[1:]:
        words = re.sub(r"-\d+$", "", fact.id).split("-")
        # As written, too: folding writes "12 million" out as "12000000".
        said = set(fold(fact.answer).split()) | set(re.findall(r"[a-z]+", fact.answer.lower()))
        verbs = verbs_in(fact.answer)
        for word in words:
            assert not re.fullmatch(r"(?:19|20)\d\d", word), (fact.id, fact.answer)
            if word.isdigit():
                continue  # a figure's number ("20-percent", "900-million")
            assert word in said, (fact.id, word)
            assert word not in verbs, (fact.id, word)
            assert word not in ("nearly", "tens", "fewer", "amounted", "depends"), fact.id


def test_a_person_is_named_by_surname_and_a_figure_with_its_unit() -> None:
    ids = {f.id for f in corpus_draft("tbilisi-metro-strike").facts}
    assert any("kaladze" in i and "mayor" not in i and "kakha" not in i for i in ids), ids
    # "a 20 percent rise" names the fact that holds it: readers ask for "the 20% rise".
    assert any(i.endswith("20-percent") for i in ids), ids


@pytest.mark.parametrize("name", ARTICLES)
def test_tags_are_names_and_topic_nouns_never_the_sentence_verbs(name: str) -> None:
    draft = corpus_draft(name)
    # The event's name ("yerevan protests") tags every fact: a noun there, whatever it is in
    # a sentence.
    event = set.intersection(*(set(f.tags) for f in draft.facts))
    for fact in draft.facts:
        verbs = verbs_in(fact.answer)
        for tag in fact.tags:
            if "-" in tag or tag in event:
                continue  # a name of several words ("rustaveli-avenue")
            assert tag not in verbs, (tag, fact.answer)
            assert is_topic_noun(tag) or tag[:1].isalpha(), tag


WATER_DEAL = """Kyrgyzstan and Uzbekistan sign Kambarata water deal
Published: 2025-07-09

BISHKEK, July 9 - Kyrgyzstan and Uzbekistan signed a deal on Tuesday to share the water of the
Kambarata reservoir, ending a dispute that had an immediate effect on farmers downstream.

Uzbek officials said they would not recognise any new dam without a joint study of its safety.

Farmers in the Fergana valley had complained of harsh shortages and vague promises for years.

The deal sets quotas for irrigation and obliges both sides to publish river levels every week.
"""


def test_tags_leave_out_what_the_article_uses_only_as_an_adjective_or_a_verb() -> None:
    """ "an immediate effect", "harsh shortages", "vague promises", "a joint study": adjectives
    (an everyday -ly adverb is made of each); "would not recognise": a verb. The nouns stay,
    those with no determiner before them too ("sets quotas for irrigation")."""
    tags = {tag for fact in draft_of(WATER_DEAL).facts for tag in fact.tags}
    assert not tags & {"immediate", "harsh", "vague", "joint", "recognise"}, tags
    assert {"quotas", "irrigation", "shortages"} <= tags, tags
