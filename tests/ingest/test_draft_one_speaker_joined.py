"""One statement told over two sentences is one fact (issue 12, points 1 and 2).

"The port would reopen on Friday, the mayor said. Repairs would cost 3 million lari, she
said." is one person's statement on one topic: as two facts, the second never says who spoke,
and a reader's question about what the mayor said finds two facts it cannot tell apart. So is
a sentence that names its thing only as "such a <noun>", which the sentence before defined.
The articles are our own.
"""

from __future__ import annotations

from bot.ingest.article_draft import ArticleDraft
from bot.ingest.question_check import problem
from tests.ingest.drafting import answer_with, draft_of

STORM = (
    "Storm shuts Poti port for three days\nPublished: 2026-02-12\n\n"
    "A winter storm closed the Georgian Black Sea port of Poti on Tuesday, stranding 14 cargo "
    "ships offshore.\n\n"
    "Waves of up to six metres damaged the northern breakwater and flooded two warehouses near "
    "the grain terminal.\n\n"
    "Mayor Nino Kapanadze said the port would reopen on Friday once divers had checked the "
    "channel. Repairs to the breakwater would cost about 3 million lari, she said, and the "
    "city would ask the government to pay half.\n\n"
    "The Georgian Maritime Transport Agency said ships waiting offshore were safe and had "
    "enough fuel, the agency's director added.\n\n"
    "Harbour pilot Giorgi Tsiklauri guided the first tanker in after the wind dropped. "
    "Speaking to reporters at the quay, he said the swell had been the worst he had seen in "
    "twenty years.\n\n"
    "Parliament passed a rule in 2024 letting the agency order the closure of a port for up to "
    "five days without a court order. Poti is the first port to face such a closure."
)


def _fact_with(draft: ArticleDraft, words: str) -> tuple[str, int]:
    answer = answer_with(draft, words)
    (fact,) = [f for f in draft.facts if f.answer == answer]
    return answer, len(fact.sources)


def test_more_of_what_a_named_person_said_joins_her_fact() -> None:
    """ "..., she said" after the mayor's statement is the mayor's: one fact, saying who."""
    draft = draft_of(STORM)
    answer, sources = _fact_with(draft, "3 million lari")
    assert "Mayor Nino Kapanadze said the Georgian Black Sea port would reopen" in answer, answer
    assert sources == 2
    # No fact opens on a sentence whose speaker is only "she".
    assert not any(f.answer.startswith("Repairs to the breakwater") for f in draft.facts)


def test_a_speaker_given_only_as_he_after_an_opening_phrase_joins_too() -> None:
    draft = draft_of(STORM)
    answer, sources = _fact_with(draft, "worst he had seen")
    assert "harbour pilot Giorgi Tsiklauri guided the first tanker in" in answer, answer
    assert sources == 2


def test_a_sentence_naming_its_own_speaker_stays_its_own_fact() -> None:
    draft = draft_of(STORM)
    answer, sources = _fact_with(draft, "enough fuel")
    assert "3 million lari" not in answer and "Tsiklauri" not in answer
    assert sources == 1


def test_such_a_thing_defined_just_before_joins_the_definition() -> None:
    draft = draft_of(STORM)
    answer, sources = _fact_with(draft, "such a closure")
    assert "the closure of a port for up to five days" in answer, answer
    assert sources == 2


def test_joined_facts_still_ask_grammatical_questions() -> None:
    draft = draft_of(STORM)
    for words in ("3 million lari", "worst he had seen", "such a closure"):
        answer = answer_with(draft, words)
        (fact,) = [f for f in draft.facts if f.answer == answer]
        assert len(fact.questions) >= 2, fact.questions
        for question in fact.questions:
            assert problem(question) is None, question


def test_a_pronoun_speaker_with_no_one_named_before_is_not_joined() -> None:
    """Nothing before names anyone "he" could be: the sentence is left to stand as it was."""
    text = (
        "Floods cut the road to Lagodekhi\nPublished: 2026-05-03\n\n"
        "Heavy rain flooded the road between Telavi and Lagodekhi on Saturday morning.\n\n"
        "The river rose by two metres overnight and carried away a footbridge near Kabali.\n\n"
        "The road would stay shut until Wednesday at the earliest, he said."
    )
    draft = draft_of(text)
    answer, sources = _fact_with(draft, "footbridge")
    assert "stay shut" not in answer
    assert sources == 1
