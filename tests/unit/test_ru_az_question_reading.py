"""Issue 15 (round 9): how Russian and Azerbaijani questions are read. Chat particles and
pronouns say nothing of the topic, the question words of cause and person are read in more of
their forms ("с чего", "nədən"), an indirect question after a comma is not what is asked,
"nə oldu" after a subject asks what the subject was, the light verbs' passives and verbal
nouns are the light verbs, and the Azerbaijani forms the Turkish stemmer leaves apart meet.

Every example is this file's own (a ferry, a harbour, a festival), never the knowledge's nor
the bench's questions.
"""

from __future__ import annotations

import pytest

from bot.core.folding import translit
from bot.core.other_stems import stem_in
from bot.core.other_tokens import other_tokens
from bot.core.text import Analyzer
from bot.core.wants import Want


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


# ------------------------------------------------------------------ chat and function words
@pytest.mark.parametrize(
    ("chatty", "plain"),
    [
        ("паром небось опять отменили", "паром опять отменили"),
        ("паром чтоли отменили", "паром отменили"),
        ("наши паромы ж не ходят", "паромы не ходят"),
        ("ихние паромы походу не ходят", "паромы не ходят"),
        ("вся гавань закрыта", "гавань закрыта"),
        ("ничего не слышно про паром", "слышно про паром"),
    ],
)
def test_russian_particles_and_pronouns_say_nothing_of_the_topic(
    analyzer: Analyzer, chatty: str, plain: str
) -> None:
    assert analyzer.terms(chatty) == analyzer.terms(plain)


@pytest.mark.parametrize(
    ("chatty", "plain"),
    [
        ("bərə belə niyə dayandı", "bərə niyə dayandı"),
        ("bərə axı niyə dayandı", "bərə niyə dayandı"),
        ("festival nədi e", "festival nədi"),
        ("bəlkə festival ləğv olunub", "festival ləğv olunub"),
        ("hamısı festivala gedir", "festivala gedir"),
    ],
)
def test_azerbaijani_particles_and_interjections_say_nothing_of_the_topic(
    analyzer: Analyzer, chatty: str, plain: str
) -> None:
    assert analyzer.terms(chatty) == analyzer.terms(plain)


def test_a_case_ending_after_a_hyphen_is_no_word(analyzer: Analyzer) -> None:
    # "BMT-nin", "ABŞ-a": the ending is split off with the hyphen, and is no term.
    assert analyzer.terms("BMT-nin limandakı bəyanatı") == analyzer.terms("BMT limandakı bəyanatı")
    assert analyzer.terms("ABŞ-a bərə gedir") == analyzer.terms("ABŞ bərə gedir")
    # Such scraps are not listed as Azerbaijani stopwords: "in" and "a" still read as English.
    assert analyzer.terms("a ferry in the harbour") == analyzer.terms("ferry harbour")


# ------------------------------------------------------------------------- question words
@pytest.mark.parametrize(
    "question",
    [
        "с чего начались перебои с паромом",
        "за что оштрафовали капитана",
        "для чего закрыли гавань",
        "с какой стати закрыли гавань",
        "bərə nədən dayandı",
        "bere neden dayandi",
        "liman nəyə görə bağlanıb",
        "liman nə səbəbdən bağlanıb",
    ],
)
def test_more_ways_of_asking_why(analyzer: Analyzer, question: str) -> None:
    assert analyzer.focus(question).wants & Want.CAUSE, question


def test_what_something_consists_of_is_not_why(analyzer: Analyzer) -> None:
    assert not analyzer.focus("festivalın proqramı nədən ibarətdir").wants & Want.CAUSE


@pytest.mark.parametrize("question", ["kimlər festivala gəlib", "bu bərə kimin malıdır"])
def test_more_ways_of_asking_who(analyzer: Analyzer, question: str) -> None:
    assert analyzer.focus(question).wants & Want.PERSON, question


def test_an_indirect_question_after_a_comma_is_not_what_is_asked(analyzer: Analyzer) -> None:
    # "Who was told to find out why the ferry sank" asks who, not why.
    asked = analyzer.focus("Кому поручили выяснить, почему затонул паром?").wants
    assert asked & Want.PERSON
    assert not asked & Want.CAUSE
    # With nothing asked before the comma, the clause is the question.
    assert analyzer.focus("Расскажите, почему затонул паром").wants & Want.CAUSE


# ------------------------------------------------------------------- "nə oldu" and its subject
def test_what_happened_is_read_only_without_a_subject() -> None:
    # After a place, a time or nothing, "nə oldu" asks what happened ...
    for asked in ("limanda nə oldu", "dünən nə olub", "nə olub", "festivala nə oldu"):
        assert "verib" in other_tokens(asked, "az"), asked
    # ... after a subject it asks what the subject was: "the reason was what".
    for asked in ("bağlanmanın səbəbi nə oldu", "səbəb nə oldu", "limanın gələcəyi nə olacaq"):
        assert "verib" not in other_tokens(asked, "az"), asked


# ----------------------------------------------------------------------------- light verbs
@pytest.mark.parametrize(
    ("with_light_verb", "without"),
    [
        ("liman bağlı olunur", "liman bağlı"),
        ("kapitan həbs olunub", "kapitan həbs"),
        ("kapitanın həbs edilməsi", "kapitanın həbs"),
        ("kapitanın həbs olunması", "kapitanın həbs"),
        ("kapitan həbs edilmişdimi", "kapitan həbs"),
        ("həbs edilən kapitan", "həbs kapitan"),
    ],
)
def test_azerbaijani_light_verbs_in_all_their_forms_are_dropped(
    analyzer: Analyzer, with_light_verb: str, without: str
) -> None:
    assert analyzer.terms(with_light_verb) == analyzer.terms(without)


def test_dying_is_no_light_verb(analyzer: Analyzer) -> None:
    assert analyzer.terms("kapitanın ölməsi") != analyzer.terms("kapitanın")


# -------------------------------------------------------------------- Azerbaijani word forms
@pytest.mark.parametrize(
    "forms",
    [
        # a noun the Turkish stemmer cut to a scrap ("-ydi", "-sin" read as endings it lacks)
        ("reyd", "reydi", "reydin", "reyddən"),
        ("iş", "işi", "işin", "işini"),
        # the buffer "s" of the possessive after a vowel-final noun Turkish does not know
        ("müsabiqə", "müsabiqəsi", "müsabiqəsinin", "müsabiqəsində"),
        ("bələdiyyə", "bələdiyyəsi", "bələdiyyəsində"),
    ],
)
def test_azerbaijani_forms_of_one_word_meet(forms: tuple[str, ...]) -> None:
    # The index compares transliterated stems, where "ı" and "i" are one letter.
    stems = {translit(stem_in(form, "az")) for form in forms}
    assert len(stems) == 1, stems


def test_a_last_m_after_a_vowel_is_the_nouns_own() -> None:
    # "davam" (continuation) is no "dava-m" (my quarrel).
    assert stem_in("davam", "az") != stem_in("dava", "az")
    assert stem_in("davam", "az") == "davam"


def test_a_turkish_noun_ending_in_s_keeps_it() -> None:
    # "polisi" is "polis" with its ending, not "poli" with a possessive.
    assert stem_in("polisi", "az") == stem_in("polis", "az")
    assert stem_in("polis", "az").endswith("s")


def test_the_s_of_becoming_is_not_a_possessive() -> None:
    # "-laş" typed plainly ends in "s", and the verb's forms stay together.
    assert stem_in("pisləşir", "az") == stem_in("pisləşəcək", "az")


# ------------------------------------------------------------------------------ chat words
@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("нафига закрыли гавань", Want.CAUSE),
        ("пчм паром не ходит", Want.CAUSE),
        ("bərə harda dayanıb", Want.PLACE),
        ("festival nevaxt başlayır", Want.TIME),
    ],
)
def test_chat_spellings_of_question_words_ask_as_the_words(
    analyzer: Analyzer, question: str, wanted: Want
) -> None:
    assert analyzer.focus(question).wants & wanted, question


def test_a_word_is_never_cut_to_one_letter() -> None:
    # "ötən" (last, past) is no "o" (he, that), nor any other word's scrap.
    assert stem_in("ötən", "az") != stem_in("ona", "az")
    assert len(stem_in("ötən", "az")) > 1


def test_endings_split_off_by_a_hyphen_typed_plainly_are_no_words(analyzer: Analyzer) -> None:
    assert analyzer.terms("BMT-den beyanat") == analyzer.terms("BMT beyanat")
