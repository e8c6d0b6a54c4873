"""Two Azerbaijani sibling facts that tie on a question's words: the one phrased as the question
is asked is offered first, compared by the pairs of their terms (``phrase_pairs.term_pairs``),
not of their words as written. Azerbaijani words take endings and are often typed without their
letters ("anbardaki yangin" for "anbardakı yanğın"), so pairs as written met next to no
phrasing, and the tie was left to the scores' rounding.

Every example is this file's own (a warehouse fire at a port), never the knowledge's nor the
bench's questions.
"""

from __future__ import annotations

from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.text import Analyzer

FIRE_SPREAD = Fact(
    "fire-spread",
    "The warehouse fire spread to the port's grain silo by morning.",
    ("did the warehouse fire spread to the port",),
    translations=(
        Translation(
            "az",
            "Anbardakı yanğın səhərə qədər limanın taxıl silosuna yayıldı.",
            ("anbar yanğını limana yayıldı",),
        ),
    ),
)
FIRE_PUT_OUT = Fact(
    "fire-put-out",
    "Firefighters put out the port fire in the warehouse before it spread.",
    ("was the port fire in the warehouse put out",),
    translations=(
        Translation(
            "az",
            "Yanğınsöndürənlər limandakı yanğını anbarda yayılmadan söndürdülər.",
            ("limandakı yanğın anbarda yayıldı?",),
        ),
    ),
)


def _offered_first(question: str) -> str | None:
    matcher = Matcher([FIRE_SPREAD, FIRE_PUT_OUT], analyzer=Analyzer())
    result = matcher.ask(question)
    # Siblings this close are offered ("did you mean"), never answered outright.
    assert result.decision is not Decision.ANSWER
    return result.best.fact.id if result.best is not None else None


def test_a_plainly_typed_question_is_offered_the_sibling_phrased_as_it_is_asked() -> None:
    """ "anbardaki yangin limana yayilib" (did the warehouse's fire spread to the port) is
    asked as one fact's "anbar yanğını limana yayıldı", whose words it writes with other
    endings and without their letters; its sibling holds the same words in another order."""
    assert _offered_first("anbardaki yangin limana yayilib?") == "fire-spread"


def test_the_order_of_the_words_decides_which_sibling_comes_first() -> None:
    """The same words asked in the sibling's order ("the port's fire spread in the
    warehouse") bring that sibling first."""
    assert _offered_first("limandaki yanginlar anbarda yayilib?") == "fire-put-out"
