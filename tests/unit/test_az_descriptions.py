"""Issue 15: an Azerbaijani question may name a place by what it is known for, in a relative
clause ending in a participle ("... ilə tanınan şəhər", the city known for ...). A name in that
clause which no fact has tells which place is meant, and does not hold the answer back as a
question about somewhere else would be; a name saying where the thing described is ("...-da
yerləşən", located in ...) still does.

The facts and questions are this file's own (a ferry fire in a Caspian port), never the live
knowledge nor the bench's questions.
"""

from __future__ import annotations

import pytest

from bot.core.az_descriptions import described_words, participle
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.text import Analyzer

FACTS = [
    Fact(
        "ferry-fire",
        "A cargo ferry caught fire in the Kazakh port of Aktau after a fuel leak in its engine "
        "room; the crew of twelve were taken off safely.",
        ("why did the ferry catch fire in aktau", "what happened to the ferry in aktau"),
        translations=(
            Translation(
                "az",
                "Qazaxıstanın Aktau limanında yük bərəsi mühərrik bölməsində yanacaq sızması "
                "səbəbindən alışıb; on iki nəfərlik heyət təhlükəsiz çıxarılıb.",
                ("aktauda bərə niyə alışıb", "aktau limanında bərəyə nə olub"),
            ),
        ),
    ),
    Fact(
        "port-reopened",
        "The port of Aktau reopened to ships two days after the ferry fire.",
        ("when did the aktau port reopen",),
        translations=(
            Translation(
                "az",
                "Aktau limanı bərə yanğınından iki gün sonra gəmilərin üzünə yenidən açılıb.",
                ("aktau limanı nə vaxt açılıb",),
            ),
        ),
    ),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(FACTS, analyzer=Analyzer())


@pytest.mark.parametrize(
    "question",
    [
        # The port by the region its city is the centre of.
        "Bu həftə Manqıstau vilayətinin mərkəzi olan Aktau limanında bərə niyə alışıb?",
        "Bu həftə Manqıstau vilayətinin mərkəzi olan Aktau şəhərinin limanında bərəyə nə olub?",
    ],
)
def test_a_place_told_by_what_it_is_known_for_is_answered(matcher: Matcher, question: str) -> None:
    result = matcher.ask(question)
    assert result.best is not None and result.best.fact.id == "ferry-fire"
    assert result.decision is Decision.ANSWER


@pytest.mark.parametrize(
    "question",
    [
        # The same name asked about, not describing: another place.
        "Bu həftə Manqıstau vilayətində bərə niyə alışıb?",
        # Where the thing described is: a port in another city.
        "Bu həftə Türkmənbaşıda yerləşən limanda bərə niyə alışıb?",
    ],
)
def test_a_name_no_fact_has_outside_a_description_still_holds_back(
    matcher: Matcher, question: str
) -> None:
    assert matcher.ask(question).decision is not Decision.ANSWER


def test_participles_end_a_clause_and_nouns_that_end_alike_do_not() -> None:
    assert participle("tanınan")  # known (as)
    assert participle("yerləşən")  # located
    assert participle("başlayan")  # beginning
    assert participle("olan") and participle("olmuş")  # being, having been
    # Nouns the lexicon lists whole, though they end as a participle does.
    assert not participle("zaman")  # time
    assert not participle("meydan")  # square


def test_the_words_of_a_description_are_those_before_its_participle() -> None:
    words = described_words("Manqıstau vilayətinin mərkəzi olan şəhərdə nə baş verib?")
    assert {"manqıstau", "vilayətinin", "mərkəzi"} <= words
    assert "şəhərdə" not in words and "verib" not in words
    # A name in the locative says where the thing is: not part of what it is known by.
    assert "türkmənbaşıda" not in described_words("Türkmənbaşıda yerləşən limanda nə olub?")
    # A capitalised word ending as a participle is a name: no description.
    assert not described_words("Aktau Azərbaycan limanı ilə bağlıdır?")
