"""The forms of one Azerbaijani noun meet in one stem where the Turkish stemmer split them:
a loanword whose vowels Turkish harmony does not expect ("nazir", "turist"), a noun ending in
"t" that Turkish reads as the start of its "-ta" / "-ti" endings ("şirkət", "raket"), a noun
whose possessive Turkish counts as a word of its own ("lider", "lideri"), the "-iya" of a
loanword read as a dative ("Rusiya", "strategiya"), "insan" cut to "in", and a noun ending in a
vowel Turkish does not know, whose nominative it cut ("nümayəndə", "həftə"), which the
Azerbaijani lexicon knows. A question in one form then finds a fact written in another, with or
without the special letters.

The words and facts are this file's own, never the live knowledge nor the bench's questions.
"""

from __future__ import annotations

import pytest

from bot.core.az_nouns import lexicon_stem
from bot.core.folding import translit
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.other_stems import stem_in
from bot.core.text import Analyzer


def _terms(forms: tuple[str, ...]) -> set[str]:
    # The index compares transliterated stems ("ı" and "i" are one letter there).
    return {translit(stem_in(form, "az")) for form in forms}


@pytest.mark.parametrize(
    "forms",
    [
        ("nazir", "nazirlər", "nazirlərin", "nazirdə", "nazirdən", "nazirler", "nazirden"),
        ("turist", "turistlər", "turistdə", "turistləri", "turisti", "turistin", "turistə"),
        ("jurnalist", "jurnalistlər", "jurnalistə", "jurnalisti"),
        ("şirkət", "şirkətə", "şirkətdə", "şirkəti", "sirkete"),
        ("raket", "raketə", "raketlər", "rakete"),
        ("manat", "manata", "manatı"),
        ("lider", "lideri", "liderin", "liderlər"),
        ("vəkil", "vəkili", "vəkilin", "vekilin"),
        ("insan", "insanlar", "insanlara"),
        ("rusiya", "rusiyanın", "rusiyada", "rusiyaya"),
        ("strategiya", "strategiyası", "strategiyanın"),
        ("sanksiya", "sanksiyalar", "sanksiyanı"),
    ],
)
def test_the_forms_of_a_noun_share_a_stem(forms: tuple[str, ...]) -> None:
    assert len(_terms(forms)) == 1, {form: stem_in(form, "az") for form in forms}


@pytest.mark.parametrize(
    "forms",
    [
        # A vowel-final noun keeps its last vowel, which no dative took off.
        ("müharibə", "müharibəsi", "müharibədə"),
        ("hadisə", "hadisələr"),
        ("kişi", "kişilər", "kişinin"),
        # A noun Turkish knows in "-i" still loses its dative "-yə".
        ("kişi", "kişiyə"),
    ],
)
def test_vowel_final_nouns_keep_their_stem(forms: tuple[str, ...]) -> None:
    assert len(_terms(forms)) == 1, {form: stem_in(form, "az") for form in forms}


def test_different_nouns_stay_apart() -> None:
    assert translit(stem_in("insan", "az")) != translit(stem_in("in", "az"))
    assert translit(stem_in("şirkət", "az")) != translit(stem_in("sirkə", "az"))
    # A doer noun's dative ("başçıya", to the head) is no "-iya" loanword.
    assert translit(stem_in("başçıya", "az")) != translit(stem_in("başçıyalar", "az"))


MINISTER = Fact(
    "minister-visits-factory",
    "The trade minister visited the tile company in Ganja.",
    ("did the trade minister visit ganja",),
    translations=(
        Translation(
            "az",
            "Ticarət naziri Gəncədəki kafel şirkətinə baş çəkdi.",
            ("ticarət naziri gəncəyə gəlibmi",),
        ),
    ),
)
TOURISTS = Fact(
    "tourists-stuck",
    "Forty tourists were stuck at Lankaran station after the rain.",
    ("were tourists stuck in lankaran",),
    translations=(
        Translation(
            "az",
            "Yağışdan sonra qırx turist Lənkəran stansiyasında qaldı.",
            ("lənkəranda turistlər qalıb",),
        ),
    ),
)


def test_a_question_in_another_form_finds_the_fact() -> None:
    matcher = Matcher([MINISTER, TOURISTS], analyzer=Analyzer())
    # "şirkətdə" (at the company) and "nazir" meet "şirkətinə" and "naziri" in the fact.
    result = matcher.ask("nazir hansı şirkətdə olub")
    assert result.best is not None and result.best.fact.id == "minister-visits-factory"
    # "turistlərə" typed plainly meets "turist".
    result = matcher.ask("turistlere ne oldu lenkeranda")
    assert result.best is not None and result.best.fact.id == "tourists-stuck"
    assert result.decision is not Decision.UNKNOWN


@pytest.mark.parametrize(
    "forms",
    [
        # Nouns ending in a vowel that Turkish does not have: the Turkish stemmer cut the
        # nominative alone ("nümayəndə" -> "nümaye", "təyyarə" -> "təyyar", "həftə" -> "həf").
        ("nümayəndə", "nümayəndəsi", "nümayəndələri", "nümayəndəyə", "numayendesi"),
        ("təyyarə", "təyyarəsi", "təyyarəyə", "təyyarələr", "teyyareler"),
        ("işgəncə", "işgəncələr", "işgəncəyə"),
        ("həftə", "həftəsi", "həftədə", "heftede"),
        # A form the lexicon lists as a word of its own ("ikisi", "xalqı") still meets the
        # shorter word whose endings it has.
        ("iki", "ikisi", "ikisidir"),
        ("xalq", "xalqımız"),
    ],
)
def test_the_lexicon_says_where_a_noun_ends(forms: tuple[str, ...]) -> None:
    assert len(_terms(forms)) == 1, {form: stem_in(form, "az") for form in forms}


def test_a_word_the_lexicon_lacks_is_left_to_the_turkish_stemmer() -> None:
    # A name, and an "-iya" loanword whose beginning the lexicon lists ("rus").
    assert lexicon_stem("zubkovun") is None
    assert lexicon_stem("rusiya") is None
    assert lexicon_stem("təyyarəsi") is not None


DELEGATES = Fact(
    "delegates-arrive",
    "Trade delegates from Tbilisi arrived in Baku by plane on Monday.",
    ("when did the tbilisi delegates arrive",),
    translations=(
        Translation(
            "az",
            "Tbilisidən ticarət nümayəndələri bazar ertəsi təyyarə ilə Bakıya gəldi.",
            ("tbilisi nümayəndələri nə vaxt gəldi",),
        ),
    ),
)


def test_a_question_in_the_nominative_finds_a_fact_in_the_plural() -> None:
    matcher = Matcher([DELEGATES, MINISTER, TOURISTS], analyzer=Analyzer())
    result = matcher.ask("tbilisi nümayəndəsi bakıya gəlib?")
    assert result.best is not None and result.best.fact.id == "delegates-arrive"
    assert result.decision is not Decision.UNKNOWN


@pytest.mark.parametrize(
    "forms",
    [
        # A noun in "-lik" / "-lıq" writes its last consonant "y" / "ğ" before a vowel ending:
        # the lexicon's noun is the stem of every form, the loanword's front "i" too.
        ("nazirlik", "nazirliyi", "nazirliyə", "nazirliyinin", "nazirlikdə", "nazirliye"),
        ("əməkdaşlıq", "əməkdaşlığı", "əməkdaşlığa", "emekdasligi"),
        ("sakitlik", "sakitliyi", "sakitliyə"),
        ("dostluq", "dostluğu", "dostluğa"),
    ],
)
def test_the_last_k_or_q_softened_before_an_ending_meets_the_noun(forms: tuple[str, ...]) -> None:
    assert len(_terms(forms)) == 1, {form: stem_in(form, "az") for form in forms}


HEALTH_MINISTRY = Fact(
    "clinic-closed",
    "The health ministry closed the rural clinic in Qax for repairs until September.",
    ("why was the qax clinic closed",),
    translations=(
        Translation(
            "az",
            "Səhiyyə nazirliyi Qaxdakı kənd klinikasını sentyabradək təmir üçün bağladı.",
            ("qax klinikası niyə bağlandı",),
        ),
    ),
)


FERRY_DEAL = Fact(
    "ferry-deal",
    "Georgia and Azerbaijan agreed to cooperate on a new Caspian ferry line.",
    ("what did georgia and azerbaijan agree",),
    translations=(
        Translation(
            "az",
            "Gürcüstan və Azərbaycan yeni Xəzər bərə xətti üzrə əməkdaşlıq barədə razılaşdı.",
            ("gürcüstan və azərbaycan nə barədə razılaşdı",),
        ),
    ),
)


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        # The fact says "nazirliyi", the question "nazirliyin" (of the ministry).
        ("nazirliyin qərarı nədir", "clinic-closed"),
        # The fact says "əməkdaşlıq", the question "əməkdaşlığı" (the cooperation, object).
        ("xəzərdə əməkdaşlığı nə vaxt başlayacaq", "ferry-deal"),
    ],
)
def test_a_question_with_the_noun_in_another_case_is_offered_the_fact(
    question: str, fact_id: str
) -> None:
    matcher = Matcher([HEALTH_MINISTRY, FERRY_DEAL, DELEGATES, TOURISTS], analyzer=Analyzer())
    result = matcher.ask(question)
    assert result.best is not None and result.best.fact.id == fact_id
    assert result.decision is not Decision.UNKNOWN
