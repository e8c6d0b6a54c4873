"""Sentence splitting, fact filtering, referents, near-duplicate merging and questions."""

from __future__ import annotations

from bot.core.text import Analyzer
from bot.ingest.article_draft import build_draft
from bot.ingest.dedupe import merge_near_duplicates
from bot.ingest.entities import EntityIndex
from bot.ingest.fact_sentences import is_statement
from bot.ingest.main_clause import parse
from bot.ingest.models import Article, Statement
from bot.ingest.questions import generate
from bot.ingest.sentences import split_sentences
from bot.ingest.statements import statements


def test_abbreviations_and_numbers_do_not_end_sentences() -> None:
    """ "Dr.", "U.S.", "a.m." and "3.5" stay inside their sentences."""
    text = "Dr. Smith met U.S. officials at 10 a.m. on Monday. They agreed on a 3.5 million deal."
    assert split_sentences(text) == [
        "Dr. Smith met U.S. officials at 10 a.m. on Monday.",
        "They agreed on a 3.5 million deal.",
    ]


def test_paragraphs_bullets_and_hard_wraps() -> None:
    """A headline or bullet never runs on into the next line; a hard-wrapped line is joined."""
    text = (
        "Flood closes the fair\n"
        "The fair was postponed after the hall\n"
        "flooded on Tuesday night.\n"
        "- First point of the summary.\n"
        "- Second point of the summary.\n"
    )
    assert split_sentences(text) == [
        "Flood closes the fair",
        "The fair was postponed after the hall flooded on Tuesday night.",
        "First point of the summary.",
        "Second point of the summary.",
    ]


def test_typographic_quotes_and_dashes_are_made_plain() -> None:
    """Curly apostrophes become plain ones, so answers are easy to search and type."""
    assert split_sentences("Russia\u2019s first visit\u2014in 2024\u2014was short.") == [
        "Russia's first visit \u2014 in 2024 \u2014 was short."
    ]


def test_sentences_with_no_fact_are_dropped() -> None:
    """Questions, headings, link text and boilerplate are not statements."""
    assert not is_statement("Could Russia forfeit the entire South Caucasus region?")
    assert not is_statement("Related articles")
    assert not is_statement("Subscribe to our newsletter for the latest news from Baku.")
    assert not is_statement("Click here to read more about the Baku book fair today.")
    assert is_statement("The Azerbaijani government has recalled its ambassador to Russia.")
    assert is_statement("Around 200 publishers from 30 countries had registered for the fair.")


def test_demonyms_fold_into_the_places_they_name() -> None:
    """ "Russian" and "Azerbaijani" count as Russia and Azerbaijan; the pair is found."""
    index = EntityIndex(
        [
            "Russian police raided a cafe in Yekaterinburg.",
            "Azerbaijan protested to Russia.",
            "The Azerbaijani government recalled its ambassador from Russia.",
            "Russian-Azerbaijani relations are tense.",
        ]
    )
    assert index.main_pair() == ("Russia", "Azerbaijan")
    assert index.entities_in("Russian-Azerbaijani relations are tense.") == ["Russia", "Azerbaijan"]


def test_referents_are_written_out() -> None:
    """ "The incident" becomes the named event; "the two countries" the two parties (two
    countries: the article names both by a demonym too)."""
    sentences = [
        "The Yekaterinburg raid incident by Russian police shocked Azerbaijani officials.",
        "The Yekaterinburg raid incident shocked Azerbaijan and Russia last week.",
        "Russia said the incident was lawful, and Azerbaijan protested to Russia.",
        "However, the two countries kept talking about Azerbaijan and Russia.",
        "In response, Azerbaijan recalled its ambassador from Russia.",
    ]
    found = statements(sentences, EntityIndex(sentences))[1:]
    assert found[1].text.startswith("Russia said the Yekaterinburg raid incident was lawful")
    assert found[2].text == "Russia and Azerbaijan kept talking about Azerbaijan and Russia."
    assert found[3].text == "Azerbaijan recalled its ambassador from Russia."
    assert found[3].follows_previous and not found[2].follows_previous


def test_a_repeated_statement_is_merged_into_one() -> None:
    """A summary sentence recombining two earlier statements is absorbed, not kept."""
    texts = [
        "The Yekaterinburg raid has been the flashpoint in a broader geopolitical struggle.",
        "Azerbaijan seeks greater independence from Moscow and closer ties with Turkey.",
        "The Central Bank kept its interest rate at 7 percent.",
        "The Yekaterinburg raid, the flashpoint in a broader geopolitical struggle, shows that "
        "Azerbaijan seeks greater independence from Moscow and closer ties with Turkey.",
    ]
    kept = merge_near_duplicates([Statement(t, t, i) for i, t in enumerate(texts)], Analyzer())
    assert [s.text for s in kept] == texts[:3]
    assert sorted(len(s.merged) for s in kept) == [0, 0, 1]
    assert [texts[3]] in (kept[0].merged, kept[1].merged)


def test_a_fuller_restatement_replaces_the_shorter_one() -> None:
    """When a later sentence says everything an earlier one did and more, it takes its place."""
    texts = [
        "The fair was postponed to October.",
        "The bank raised interest rates on Monday.",
        "The Baku book fair was postponed to October after the exhibition hall flooded.",
    ]
    kept = merge_near_duplicates([Statement(t, t, i) for i, t in enumerate(texts)], Analyzer())
    assert [s.text for s in kept] == [texts[2], texts[1]]
    assert kept[0].merged == [texts[0]]


def test_distinct_statements_about_the_same_parties_stay_apart() -> None:
    """Sharing names is not repeating: two different claims about Russia and Azerbaijan stay."""
    texts = [
        "Russia and Azerbaijan signed a gas supply agreement in Baku.",
        "Russia and Azerbaijan arrested each other's nationals.",
    ]
    kept = merge_near_duplicates([Statement(t, t, i) for i, t in enumerate(texts)], Analyzer())
    assert len(kept) == 2


def test_questions_follow_the_statement_structure() -> None:
    """Who/why forms come from the subject and verb group; the auxiliary moves in front."""
    statement = (
        "The Azerbaijani government has recalled its ambassador to Russia for consultations."
    )
    clause = parse(statement)
    assert clause is not None
    assert (clause.subject, clause.aux, clause.verb) == (
        "The Azerbaijani government",
        "has",
        "recalled",
    )
    assert "who has recalled its ambassador to russia for consultations" in generate(statement)
    questions = generate(
        "The Azerbaijani government has recalled its ambassador after two men died in custody."
    )
    assert "why has the azerbaijani government recalled its ambassador" in questions


def test_when_questions_for_dated_statements() -> None:
    """A statement with a date gets a "when" form, without the date in it."""
    questions = generate("The station was opened on 3 May 2025 by the transport ministry.")
    assert "when was the station opened by the transport ministry" in questions
    assert "who opened the station" in questions


def test_lexical_verbs_and_asides() -> None:
    """ "Azerbaijan seeks ..." and an aside between commas are read right."""
    assert generate("Azerbaijan seeks closer ties with Turkey.", names={"Azerbaijan"})[0] == (
        "who seeks closer ties with turkey"
    )
    questions = generate(
        "The book fair, which was planned for June, has been postponed to October."
    )
    assert "what has been postponed to october" in questions


def test_the_headline_question_goes_to_the_fact_answering_it() -> None:
    """A question the article asks in its headline becomes a phrasing of the fitting fact."""
    article = Article(
        "Will the Baku book fair move to October?",
        "The Baku book fair will move to October after a flood in the exhibition hall.\n"
        "The culture ministry has promised to repair the exhibition hall before the autumn.\n"
        "Tickets bought for June remain valid for the new dates, the organisers said.",
    )
    draft = build_draft(article)
    assert draft.facts[0].questions[0] == "will the baku book fair move to october"
    assert all("will the baku" not in q for f in draft.facts[1:] for q in f.questions)
