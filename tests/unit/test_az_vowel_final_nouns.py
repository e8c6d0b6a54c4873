"""Azerbaijani nouns ending in a vowel keep one stem in all their forms: the Turkish stemmer
cut "kişi" (man) to "kiş", "kişilər" to "kişi" and "kişilərin" to "ki", so a question saying
"kişinin" missed a fact saying "kişi". Where the noun is a common Turkish word too, the
lexicon says where it ends.

The facts are this file's own, never the live knowledge nor the bench's questions.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.other_stems import stem_in
from bot.core.text import Analyzer


@pytest.mark.parametrize(
    "forms",
    [
        ("kişi", "kişilər", "kişilərin", "kişinin", "kisinin"),
        ("gəmi", "gəmilər", "gəmisi", "gəminin", "gəmiyə", "gemiye"),
        ("iki", "ikisi", "ikisidir"),
        ("dava", "davası", "davanın"),
        ("erməni", "ermənilər"),
        ("ay", "ayının", "ayında", "aylar"),
    ],
)
def test_the_forms_of_a_vowel_final_noun_share_a_stem(forms: tuple[str, ...]) -> None:
    assert len({stem_in(form, "az") for form in forms}) == 1


def test_consonant_final_nouns_and_verbs_keep_their_stems() -> None:
    # "polisi" is "polis" with an ending, though Turkish uses "polisi" often too.
    assert stem_in("polisi", "az") == stem_in("polis", "az")
    # Verbs are not nouns: "gəldi" and "gəlib" stay "gəl".
    assert stem_in("gəldi", "az") == stem_in("gəlib", "az") == "gel"


SAILORS = Fact(
    "two-sailors-detained",
    "Two sailors from a Georgian ship were detained in Poti.",
    ("were sailors detained in poti",),
    translations=(
        Translation(
            "az",
            "Poti limanında Gürcüstan gəmisinin iki dənizçisi saxlanıldı: iki kişi.",
            ("potidə dənizçilər saxlanılıb",),
        ),
    ),
)
STORM = Fact(
    "poti-storm",
    "A storm closed the port of Poti for a day.",
    ("why was poti port closed",),
    translations=(
        Translation("az", "Fırtına Poti limanını bir günlük bağladı.", ("poti limanı bağlandı",)),
    ),
)


def test_an_inflected_noun_in_a_question_meets_the_fact() -> None:
    matcher = Matcher([SAILORS, STORM], analyzer=Analyzer())
    _, asked = matcher.explain("saxlanılan kişilərin gəmisi hansıdır")
    fact_terms = {term for term, _, _ in Analyzer().analyze(SAILORS.translations[0].answer)}
    assert stem_in("kişilərin", "az") in fact_terms
    assert {qt.term for qt in asked.query} & fact_terms
    result = matcher.ask("Potidə gəmidən neçə kişi saxlanılıb?")
    assert result.best is not None and result.best.fact.id == "two-sailors-detained"
    assert result.decision is Decision.ANSWER
