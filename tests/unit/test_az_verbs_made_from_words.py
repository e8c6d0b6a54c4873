"""An Azerbaijani verb made from a noun or adjective by a verb-making ending ("sərtləşdi", grew
harsh, of "sərt", harsh; "başlatdı", set going, of "başla-", to begin) that no fact holds is
read as the word it is made from, where a fact holds that (``QueryTerms._az_made_from``): the
stemmers keep such a verb a word of its own, so a question saying it missed the fact saying
the adjective, and was held back between two facts sharing its other words.

Every example is this file's own (the police and protesters of Ganja), never the knowledge's
nor the bench's questions.
"""

from __future__ import annotations

import pytest

from bot.core.az_verbs import made_from
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.text import Analyzer

HARSH = Fact(
    "police-harsh",
    "Police in Ganja treated the protesters harshly.",
    ("how did the police treat the protesters in ganja",),
    translations=(
        Translation(
            "az",
            "Gəncədə polis etirazçılarla sərt davrandı.",
            ("gəncədə polis etirazçılarla necə davrandı",),
        ),
    ),
)
TALKS = Fact(
    "police-talks",
    "Police in Ganja held talks with the protesters.",
    ("did the police in ganja talk to the protesters",),
    translations=(
        Translation(
            "az",
            "Gəncədə polis etirazçılarla danışıqlar apardı.",
            ("gəncədə polis etirazçılarla danışıqlar apardımı",),
        ),
    ),
)


@pytest.fixture(scope="module")
def ganja() -> Matcher:
    return Matcher([HARSH, TALKS], analyzer=Analyzer())


@pytest.mark.parametrize(
    ("stem", "first"),
    [
        ("sertles", "sert"),  # "-laş", to become
        ("tetikle", "tetik"),  # "-la", to do with
        ("alovlandir", "alovlan"),  # a causative on "-lan": the verb it is made of first
        ("baslat", "basla"),  # the causative "-t" after a vowel
        ("qizisdir", "qizis"),  # the causative "-dır" after a consonant
    ],
)
def test_a_verb_is_made_from_the_word_before_its_ending(stem: str, first: str) -> None:
    assert made_from(stem)[0] == first


def test_becoming_also_reads_the_quality_noun() -> None:
    # "gərginləş-", to grow tense, shares its word with "gərginlik", tension.
    assert "gerginlik" in made_from("gerginles")


@pytest.mark.parametrize("stem", ["moskva", "polis", "qarsi"])
def test_a_word_without_a_verb_making_ending_is_made_from_nothing(stem: str) -> None:
    assert made_from(stem) == ()


@pytest.mark.parametrize(
    "question",
    [
        "Gəncədə polis etirazçılara qarşı sərtləşdi?",
        "Gəncədə polis etirazçılarla sərtləşdimi?",  # with the question particle
        "gencede polis etirazcilara qarsi sertlesib",  # typed without its letters, perfect
    ],
)
def test_a_question_with_the_derived_verb_gets_the_fact_with_its_adjective(
    ganja: Matcher, question: str
) -> None:
    result = ganja.ask(question)
    assert result.best is not None and result.best.fact.id == "police-harsh"
    assert result.decision is Decision.ANSWER


def test_a_verb_made_from_a_word_no_fact_holds_stays_unknown(ganja: Matcher) -> None:
    # "meydanlaşdı" is made from "meydan" (square), which neither fact says.
    result = ganja.ask("Gəncədə polis etirazçılarla meydanlaşdı?")
    assert result.decision is not Decision.ANSWER
    _, asked = ganja.explain("Gəncədə polis etirazçılarla meydanlaşdı?")
    assert all(qt.confidence == 0.0 for qt in asked.query if qt.term.startswith("meydan"))


@pytest.mark.parametrize(
    "stem",
    [
        "bagla",  # "bağla-", to close, is no "bağ", garden
        "basla",  # "başla-", to begin, no "baş", head
        "dinle",  # "dinlə-", to listen, no "din", religion
        "yandir",  # "yandır-", to burn, no "yan", side
        "yarat",  # "yarat-", to create, no causative of "yara", wound
    ],
)
def test_a_verb_that_drifted_from_its_short_look_alike_is_made_from_nothing(stem: str) -> None:
    assert made_from(stem) == ()


def test_a_short_adjective_still_makes_a_verb_of_becoming() -> None:
    # "pisləş-", to worsen, of "pis", bad: becoming keeps a short word's sense.
    assert made_from("pisles")[0] == "pis"


GARDEN = Fact(
    "ganja-garden",
    "A garden in Ganja was flooded.",
    ("was a garden in ganja flooded",),
    translations=(Translation("az", "Gəncədə bağ su altında qaldı.", ()),),
)


def test_closing_a_road_is_not_answered_with_a_garden() -> None:
    # "bağladı" (closed) looks made from "bağ" (garden): the garden is no answer to who closed
    # the road.
    garden = Matcher([GARDEN, TALKS], analyzer=Analyzer())
    result = garden.ask("Gəncədə yolu kim bağladı?")
    assert result.decision is not Decision.ANSWER
    _, asked = garden.explain("Gəncədə yolu kim bağladı?")
    assert "bag" not in {qt.term for qt in asked.query if qt.confidence > 0}
