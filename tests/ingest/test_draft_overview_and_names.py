"""Drafts of stories the drafter was barely tuned on (issue 12).

Short articles written here, in our own words: a headline opening on a person's name (the
person is not where the story happens), a name standing before a noun ("the Reyes verdict",
nobody's full name to write out), and an opening sentence that previews what later sentences
say in full (the opening fact is the story's overview; the details go to the facts that state
them, so a reader asking about a detail gets that fact).
"""

from __future__ import annotations

from bot.core.matcher import Matcher
from bot.core.models import Fact
from bot.ingest.article_draft import ArticleDraft
from bot.ingest.questions import generate
from tests.ingest.drafting import draft_of

SECOND_TERM = """Okonkwo wins second term on diaspora vote as Kremlin calls Vallaria vote unfair
Published: 2025-03-04

PORT LOMAR, March 4 - Vallaria's pro-Western President Grace Okonkwo has won a second term after
citizens living abroad turned out in record numbers for Sunday's runoff, a result the Kremlin
refused to call fair.

Okonkwo took 53 percent of the vote against Tomas Reyes, a former central bank governor backed by
the Unity Front, who won 47 percent.

Some 210,000 voters cast ballots at 150 polling stations abroad, and about 80 percent of them
backed the incumbent.

In Moscow, Kremlin spokesman Pavel Orlov said on Monday that the election had been neither
democratic nor fair, arguing that citizens living in Russia had been denied the chance to vote.

Turnout in Vallaria was about 52 percent, the electoral board said.

Reyes was cleared a year ago of fraud charges.

The Unity Front chose its candidate a week after the Reyes verdict, at a congress in the capital.
"""


def _answers(draft: ArticleDraft) -> str:
    return "\n".join(f.answer for f in draft.facts)


def _matcher(draft: ArticleDraft) -> Matcher:
    return Matcher(
        Fact(f.id, f.answer, tuple(f.questions), tuple(f.tags), date=f.date) for f in draft.facts
    )


def test_a_person_heading_the_headline_is_not_the_place() -> None:
    """ "Okonkwo wins ... as Kremlin calls Vallaria's election unfair": the story happens in
    Vallaria (the article writes "in Vallaria"), not in Okonkwo, who is a president; facts are
    set in "the Vallaria vote", never in "the Okonkwo vote"."""
    draft = draft_of(SECOND_TERM)
    text = _answers(draft)
    assert "Okonkwo vote" not in text, text
    assert "the Vallaria vote" in text, text
    assert draft.facts[0].id == "vallaria-vote", [f.id for f in draft.facts]
    assert any("what happened in the vallaria vote" in f.questions for f in draft.facts)


def test_a_title_inside_a_run_of_capitals_names_the_person() -> None:
    """ "pro-Western President Grace Okonkwo": "Western President Grace Okonkwo" is no one's
    name; the president is Grace Okonkwo, and a later "Okonkwo took ..." says so in full."""
    text = _answers(draft_of(SECOND_TERM))
    assert "President Grace Okonkwo took 53 percent" in text, text


def test_a_name_before_a_noun_is_not_written_out() -> None:
    """ "the Reyes verdict" names the verdict; "the Tomas Reyes verdict" reads badly."""
    text = _answers(draft_of(SECOND_TERM))
    assert "the Reyes verdict" in text, text
    assert "the Tomas Reyes verdict" not in text


def test_the_opening_fact_leaves_previewed_details_to_their_facts() -> None:
    """The opening sentence names the Kremlin only in passing ("a result the Kremlin refused
    to call fair"); the spokesman's sentence says what the Kremlin said and why. A reader
    asking about it gets the spokesman's fact, and the opening fact is not tagged with what
    it merely previews; it still answers what happened."""
    draft = draft_of(SECOND_TERM)
    lede = draft.facts[0]
    assert "kremlin" not in lede.tags, lede.tags
    assert "grace-okonkwo" in lede.tags or "okonkwo" in lede.tags, lede.tags
    matcher = _matcher(draft)
    for question in (
        "why did the kremlin say vallaria's runoff was not fair",
        "kremlin says the vallaria vote wasnt fair, why",
    ):
        best = matcher.ask(question).best
        assert best is not None and "Pavel Orlov" in best.fact.answer, (question, best)
    best = matcher.ask("what happened in the vallaria vote").best
    assert best is not None and best.fact.id == lede.id


def test_an_adverb_before_the_verb_is_not_who_acted() -> None:
    """ "The crew also included ..." asks "what did the crew include", not "what did the crew
    also include" or "what was the crew also"."""
    questions = generate(
        "The crew also included Anna Berg, a former navy pilot, and Ivo Lind, who handled "
        "the radio.",
        names={"Anna", "Berg", "Ivo", "Lind"},
    )
    assert "what did the crew include" in questions, questions
    assert not any(" also" in q for q in questions), questions
