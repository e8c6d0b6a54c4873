"""A later "the line", "the vessel", "the link" written out as the thing the article named
before in other words (issue 12 point 1: each fact stands on its own), over short articles of
our own; and left as written when the article named two things it may mean.

A reader who sees "The line, about 90 km long, was shut in March" alone cannot tell which line,
and a question naming the pipeline does not reach it either.
"""

from __future__ import annotations

from bot.ingest.kind_nouns import is_description, the_one_named
from tests.ingest.drafting import draft_of, fact_with

PIPELINE = """Gas flows again through Vakhsh pipeline after repairs
Published: 2025-09-12

DUSHANBE, Sept 12 - Tajikistan restarted the Vakhsh-Kulob gas pipeline on Thursday, six months
after a landslide tore through a valve station near Norak.

The line, about 90 km long, carries Uzbek gas to the cement works of the Khatlon region.

Engineers replaced 4 km of pipe, the energy ministry said.

Officials in Uzbekistan welcomed the link as a sign of better ties between the two neighbours.
"""

TWO_LINES = """Freight rail and fuel pipeline open on the same day in Shirvan
Published: 2025-10-03

SHIRVAN, Oct 3 - Azerbaijan opened the Shirvan-Salyan railway on Thursday, and the same day the
Shirvan-Neftchala fuel pipeline took its first diesel.

Officials said the line would carry 2 million tonnes a year by 2027.
"""

DESCRIBED = """Almaty airline grounds its last two jets
Published: 2025-11-20

ALMATY, Nov 20 - The Almaty-based airline Saryarka Avia grounded its last two jets on
Wednesday after its licence was suspended.

The company said 1,400 passengers would be moved to other flights this week.
"""


def test_a_kind_noun_is_the_thing_the_article_named_before() -> None:
    draft = draft_of(PIPELINE)
    line = fact_with(draft, "90 km long")
    assert line.answer.startswith("The Vakhsh-Kulob gas pipeline, about 90 km long, carries")
    # "the link" is the same pipeline, within a sentence: "welcomed the link" says nothing.
    welcomed = fact_with(draft, "welcomed")
    assert "welcomed the Vakhsh-Kulob gas pipeline as a sign" in welcomed.answer


def test_a_kind_noun_two_named_things_may_mean_is_left_as_written() -> None:
    draft = draft_of(TWO_LINES)
    tonnes = fact_with(draft, "2 million tonnes")
    # A railway and a pipeline were named: which is "the line" the article does not say.
    assert "the line would carry" in tonnes.answer
    assert "pipeline would carry" not in tonnes.answer
    assert "railway would carry" not in tonnes.answer


def test_a_thing_only_described_is_no_name_of_its_kind() -> None:
    draft = draft_of(DESCRIBED)
    moved = fact_with(draft, "1,400 passengers")
    assert "Almaty-based airline said" not in moved.answer


def test_which_named_thing_a_noun_may_mean() -> None:
    named = [("pipeline", "the Vakhsh-Kulob gas pipeline")]
    assert the_one_named("line", named) == ("pipeline", "the Vakhsh-Kulob gas pipeline")
    assert the_one_named("vessel", named) is None
    both = [*named, ("railway", "the Shirvan-Salyan railway")]
    assert the_one_named("line", both) is None
    # The same thing named twice is still one thing.
    assert the_one_named("line", [*named, *named]) is not None
    # A description is written out for its own noun only.
    miner = [("miner", "the Toronto-based miner")]
    assert the_one_named("company", miner) is None
    assert the_one_named("miner", miner) == ("miner", "the Toronto-based miner")


def test_descriptions_and_names() -> None:
    assert is_description("the Toronto-based miner")
    assert is_description("the Soviet-era line")
    assert is_description("the Turkish bulk carrier")
    assert not is_description("the Vakhsh-Kulob gas pipeline")
    assert not is_description("the Batken Protocol")
