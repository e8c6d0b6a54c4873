"""Russian typed in Latin letters, Azerbaijani typed without its letters, and the everyday
Russian and Azerbaijani news words: a question typed the way people type it finds the fact the
careful question finds.

The facts and questions are this file's own (a ferry line, a border crossing), never the seed
knowledge's nor the bench's.
"""

from __future__ import annotations

import pytest

from bot.core.language import detect
from bot.core.latin_russian import reading, to_cyrillic
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.text import Analyzer

FACTS = [
    Fact(
        "ferry-suspended",
        "The ferry line between Baku and Aktau was suspended after a storm damaged the pier.",
        ("why was the baku aktau ferry stopped",),
        translations=(
            Translation(
                "ru",
                "Паромное сообщение между Баку и Актау приостановили после того, как шторм "
                "повредил причал.",
                ("почему остановили паром из баку в актау", "что случилось с паромом"),
            ),
            Translation(
                "az",
                "Fırtına körpünü zədələdikdən sonra Bakı ilə Aktau arasında bərə xətti "
                "dayandırıldı.",
                ("bakı aktau bərəsi niyə dayandı",),
            ),
        ),
    ),
    Fact(
        "border-arrests",
        "Border guards detained four smugglers at the Samur crossing.",
        ("who was detained at the border",),
        translations=(
            Translation(
                "ru",
                "Пограничники задержали четырёх контрабандистов на пункте пропуска Самур.",
                ("кого задержали на границе",),
            ),
            Translation(
                "az",
                "Sərhədçilər Samur keçid məntəqəsində dörd qaçaqmalçını saxladılar.",
                ("sərhəddə kim saxlanılıb",),
            ),
        ),
    ),
    Fact(
        "ministry-note",
        "The foreign ministry sent a protest note to the neighbouring country.",
        ("what did the foreign ministry send",),
        translations=(
            Translation(
                "ru",
                "МИД направил соседней стране ноту протеста.",
                ("что направил мид",),
            ),
        ),
    ),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(FACTS, analyzer=Analyzer([("azerbaijan", "baku", "баку", "bakı")]))


def _best(matcher: Matcher, question: str) -> str | None:
    best = matcher.ask(question).best
    return best.fact.id if best else None


@pytest.mark.parametrize(
    "typed",
    [
        "pochemu ostanovili parom iz baku",
        "chto sluchilos s paromom",  # the soft sign left out ("случилось")
        "kogo zaderzhali na granice",  # "c" for "ц"
        "kogo zaderjali na granitse",  # "j" for "ж", "ts" for "ц"
    ],
)
def test_russian_typed_in_latin_letters_is_read_as_russian(matcher: Matcher, typed: str) -> None:
    assert detect(typed) == "ru"
    careful = matcher.ask(to_cyrillic(typed))
    result = matcher.ask(typed)
    assert result.best is not None and careful.best is not None
    assert result.best.fact.id == careful.best.fact.id


def test_latin_russian_finds_the_fact_outright(matcher: Matcher) -> None:
    result = matcher.ask("kto zaderzhal kontrabandistov na granice")
    assert result.best is not None and result.best.fact.id == "border-arrests"
    assert result.decision is Decision.ANSWER


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("skolko", "сколько"),
        ("azerbaidjan", "азербайджан"),
        ("azerbaijan", "азербайджан"),
        ("rejd", "рейд"),
        ("proishodit", "происходит"),
        ("ssoryatsya", "ссорятся"),
    ],
)
def test_each_latin_spelling_habit_gives_the_russian_word(latin: str, cyrillic: str) -> None:
    assert reading(latin)[0] == cyrillic


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [("zorblat", "зорблат"), ("kharvell", "харвелл"), ("tsyplak", "цыплак")],
)
def test_a_word_russian_has_not_reads_as_its_plainest_spelling(latin: str, cyrillic: str) -> None:
    """Made-up names: no spelling of them (with a soft sign or without) is a Russian word or
    stem, so they count as no Russian, given in the first spelling of each letter."""
    assert reading(latin) == (cyrillic, 0.0)


@pytest.mark.parametrize(
    "english",
    [
        "putin baku",  # names both languages use
        "what happened in baku",
        "kazakhstan floods orsk dam",
        "was it the police or the fsb",
        "pashinyan aliyev meeting",
        "is az gonna escalate",
    ],
)
def test_english_is_not_taken_for_latin_russian(english: str) -> None:
    assert detect(english) == "en"


@pytest.mark.parametrize(
    "azerbaijani",
    [
        "rusiya ile azerbaycan arasinda ne bas verir",  # "ne" and "ile" look Russian
        "kreml temkine cagirdi",
        "onlara isgence verilib",
        "putin bakiya gelib",
    ],
)
def test_azerbaijani_without_its_letters_is_not_taken_for_russian(azerbaijani: str) -> None:
    assert detect(azerbaijani) == "az"


def test_azerbaijani_without_its_letters_finds_the_fact(matcher: Matcher) -> None:
    assert _best(matcher, "serhedde kim saxlanilib") == "border-arrests"


@pytest.mark.parametrize(
    ("question", "fact_said"),
    [
        ("что направило внешнеполитическое ведомство", "что направил мид"),
        ("кого повязали", "кого арестовали"),
        ("кого похватали", "кого задержали"),
        ("союзничество закончилось", "союзник"),
        ("влияние в закавказье", "влияние на южном кавказе"),
        ("есть погибшие", "кто-то погиб"),
    ],
)
def test_russian_news_words_meet_their_synonyms(question: str, fact_said: str) -> None:
    analyzer = Analyzer()
    assert set(analyzer.terms(question)) & set(analyzer.terms(fact_said))


def test_foreign_ministry_periphrasis_finds_the_fact(matcher: Matcher) -> None:
    assert _best(matcher, "что направило внешнеполитическое ведомство") == "ministry-note"


def test_russian_chat_abbreviation_for_azerbaijan() -> None:
    analyzer = Analyzer([("azerbaijan", "азербайджан")])
    assert analyzer.terms("посол аз") == analyzer.terms("посол азербайджана")


def test_common_azerbaijani_words_weigh_less_than_topical_ones() -> None:
    # No Azerbaijani frequency list ships; Turkish's tells "son" (last) from "böhran" (crisis).
    weights = {word: spec for _, spec, word in Analyzer().analyze("son böhran", language="az")}
    assert weights["son"] < weights["bohran"]


def test_a_perfect_with_its_question_particle_meets_the_plain_perfect() -> None:
    # "saxlanılıbmı" (has been detained?) is "saxlanılıb" asked about.
    analyzer = Analyzer()
    assert analyzer.terms("qaçaqmalçılar saxlanılıbmı") == analyzer.terms(
        "qaçaqmalçılar saxlanılıb"
    )


def test_azerbaijani_passive_of_catching_reads_as_arrest(matcher: Matcher) -> None:
    analyzer = Analyzer()
    assert "arrest" in analyzer.terms("sərhəddə dörd nəfər tutulub")
    assert "arrest" in analyzer.terms("qacaqmalcilar tutulubmu")  # typed without its letters
    assert _best(matcher, "sərhəddə kim tutulub") == "border-arrests"
