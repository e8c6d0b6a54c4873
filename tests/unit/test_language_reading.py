"""Issue 15, point 6: Russian and Azerbaijani questions read the way people type them.

The facts here are this file's own (a pipeline, a port, a mediation offer), never the live
knowledge nor the bench's questions: what is checked is what a user notices, that the casual or
keyboard-stripped question gets the answer the careful one gets.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.language import detect
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.other_stems import stem_in
from bot.core.text import Analyzer
from bot.core.wants import Want
from bot.ingest.other_languages import day_mentions, event_day

SYNONYMS = [
    ("georgia", "грузия", "gürcüstan"),
    ("turkey", "turkiye", "ankara", "турция", "türkiyə"),
    ("azerbaijan", "baku", "азербайджан", "баку", "azərbaycan", "bakı"),
    ("die", "died", "death", "гибель", "смерть", "ölüm", "həlak", "həyatını itirmək"),
]

FACTS = [
    Fact(
        "pipeline-halt",
        "Gas deliveries from Azerbaijan to Georgia stopped for a week after a pipeline fault.",
        ("why did gas to georgia stop", "pipeline between azerbaijan and georgia"),
        translations=(
            Translation(
                "ru",
                "Поставки газа из Азербайджана в Грузию прекратились на неделю из-за аварии "
                "на трубопроводе.",
                ("почему прекратились поставки газа в грузию",),
            ),
            Translation(
                "az",
                "Boru kəmərindəki qəza səbəbindən Azərbaycandan Gürcüstana qaz tədarükü bir "
                "həftəlik dayandı.",
                ("gürcüstana qaz niyə dayandı", "azərbaycan ilə gürcüstan arasında boru kəməri"),
            ),
        ),
    ),
    Fact(
        "turkey-mediation",
        "Turkey offered to host talks between the two sides in Istanbul.",
        ("did turkey offer to mediate", "where would the talks be held"),
        translations=(
            Translation(
                "ru",
                "Турция предложила провести переговоры сторон в Стамбуле.",
                ("турция предложила посредничество",),
            ),
            Translation(
                "az",
                "Türkiyə tərəflər arasında danışıqları İstanbulda keçirməyi təklif etdi.",
                ("türkiyə vasitəçilik təklif edib",),
            ),
        ),
    ),
    Fact(
        "port-ships-held",
        "Three cargo ships were held at the port of Baku for two days.",
        ("were ships held in baku port",),
        translations=(
            Translation(
                "ru",
                "Три грузовых судна задержали в порту Баку на два дня.",
                ("суда задержали в порту баку",),
            ),
            Translation(
                "az",
                "Üç yük gəmisi iki gün Bakı limanında saxlanıldı.",
                ("gəmilər bakı limanında saxlanılıb",),
            ),
        ),
    ),
    Fact(
        "sailor-death",
        "A sailor died on board one of the ships held in the port.",
        ("did anyone die on the ships",),
        translations=(
            Translation(
                "ru",
                "На борту одного из задержанных судов умер моряк.",
                ("погиб ли кто-то на судах",),
            ),
            Translation(
                "az",
                "Saxlanılan gəmilərdən birində bir dənizçi öldü.",
                ("gəmidə kim öldü",),
            ),
        ),
    ),
    Fact(
        "committee-probe",
        "The Investigative Committee opened a criminal case over the pipeline fault.",
        ("who is investigating the pipeline fault",),
        translations=(
            Translation(
                "ru",
                "Следственный комитет возбудил уголовное дело из-за аварии на трубопроводе.",
                ("кто расследует аварию на трубопроводе",),
            ),
        ),
    ),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(FACTS, analyzer=Analyzer(SYNONYMS))


def _best(matcher: Matcher, question: str) -> tuple[str | None, Decision]:
    result = matcher.ask(question)
    return (result.best.fact.id if result.best else None), result.decision


@pytest.mark.parametrize(
    ("careful", "typed"),
    [
        (
            "Azərbaycan ilə Gürcüstan arasında qaz niyə dayandı?",
            "azerbaycan ile gurcustan qaz niye",
        ),
        ("Türkiyə vasitəçilik təklif edibmi?", "turkiye vasitecilik teklif edibmi"),
        ("Gəmilər Bakı limanında saxlanılıb?", "gemiler baki limaninda saxlanilib"),
    ],
)
def test_azerbaijani_without_its_letters_answers_the_same(
    matcher: Matcher, careful: str, typed: str
) -> None:
    assert detect(typed) == "az"
    assert _best(matcher, typed) == _best(matcher, careful)
    assert _best(matcher, typed)[0] is not None


def test_both_spellings_stem_alike() -> None:
    # "ı" and "i", "ş" and "s" differ only in spelling; the stem must not.
    for careful, typed in [("limanında", "limaninda"), ("gəmiləri", "gemileri")]:
        assert stem_in(careful, "az") == stem_in(typed, "az")
    # Azerbaijani keeps the stem's last letter where Turkish would change it ("-b", not "-p").
    assert stem_in("kitabları", "az").startswith("kitab")


def test_an_azerbaijani_name_with_a_case_ending_reaches_its_fact(matcher: Matcher) -> None:
    fact_id, decision = _best(matcher, "Türkiyənin təklifi nədir?")
    assert fact_id == "turkey-mediation" and decision is Decision.ANSWER
    assert _best(matcher, "turkiyenin teklifi")[0] == "turkey-mediation"


def test_the_perfect_and_the_past_of_a_verb_meet(matcher: Matcher) -> None:
    # "öldü" in the fact, "ölüb" in the question: the same verb.
    assert stem_in("ölüb", "az") == stem_in("öldü", "az")
    assert _best(matcher, "gəmidə dənizçi ölüb?")[0] == "sailor-death"


def test_an_idiom_for_dying_reads_as_dying() -> None:
    analyzer = Analyzer(SYNONYMS)
    assert "die" in analyzer.terms("dənizçi həyatını itirdi")


def test_light_verbs_and_suffixed_question_words_are_not_topics() -> None:
    analyzer = Analyzer(SYNONYMS)
    # "nədir" (what is), "olub" (has been), "burda" (here): how one asks, not what about;
    # "nə olub" (what happened) asks what the facts say "baş verdi" of, as English's "what
    # happened" keeps its "happened".
    assert analyzer.terms("Bakı limanı bağlı olub burda") == analyzer.terms("Bakı limanı bağlı")
    assert analyzer.terms("Bakı limanında nə olub burda") == analyzer.terms(
        "Bakı limanında nə baş verib"
    )
    assert analyzer.terms("təklif nədir") == analyzer.terms("təklif")


def test_russian_abbreviations_and_slang(matcher: Matcher) -> None:
    analyzer = Analyzer(SYNONYMS)
    assert analyzer.terms("чё там с трубопроводом") == analyzer.terms("что там с трубопроводом")
    assert _best(matcher, "СК что-нибудь возбудил?")[0] == "committee-probe"
    assert analyzer.terms("рф") == analyzer.terms("россия")


@pytest.mark.parametrize(
    ("question", "wants"),
    [
        ("Сколько судов задержали?", Want.COUNT),
        ("Когда остановился газ?", Want.TIME),
        ("Neçə gəmi saxlanıldı?", Want.COUNT),
        ("qaz ne vaxt dayandi", Want.TIME),
        ("haçan dayandı", Want.TIME),
    ],
)
def test_question_words_set_the_focus(question: str, wants: Want) -> None:
    assert Analyzer(SYNONYMS).focus(question).wants & wants


def test_nobody_is_not_a_who_question() -> None:
    assert not Analyzer(SYNONYMS).focus("heç kim təklif etmir?").wants & Want.PERSON


def test_english_words_are_not_taken_for_azerbaijani() -> None:
    assert detect("two men died at sea") == "en"
    assert detect("gemide kim oldu") == "az"


PUBLISHED = dt.date(2025, 7, 2)  # a Wednesday


@pytest.mark.parametrize(
    ("sentence", "language", "day"),
    [
        ("В понедельник суда задержали в порту.", "ru", dt.date(2025, 6, 30)),
        ("Вчера поставки газа возобновились.", "ru", dt.date(2025, 7, 1)),
        ("В среду министр сделал заявление.", "ru", PUBLISHED),
        ("В прошлую среду министр сделал заявление.", "ru", dt.date(2025, 6, 25)),
        ("На прошлой неделе прошли переговоры.", "ru", dt.date(2025, 6, 25)),
        ("Два дня назад открыли мост.", "ru", dt.date(2025, 6, 30)),
        ("Dünən qaz tədarükü bərpa olundu.", "az", dt.date(2025, 7, 1)),
        ("Keçən həftə danışıqlar keçirildi.", "az", dt.date(2025, 6, 25)),
        ("Bazar ertəsi gəmilər saxlanıldı.", "az", dt.date(2025, 6, 30)),
        ("Üç gün əvvəl körpü açıldı.", "az", dt.date(2025, 6, 29)),
    ],
)
def test_relative_days_resolve_against_publication(
    sentence: str, language: str, day: dt.date
) -> None:
    assert event_day(sentence, language, PUBLISHED) == day


def test_relative_days_need_a_publication_date() -> None:
    assert day_mentions("Вчера поставки газа возобновились.", "ru", None) == []
    assert event_day("Dünən qaz tədarükü bərpa olundu.", "az", None) is None


def test_a_why_question_reaches_a_fact_written_only_in_russian() -> None:
    """A Russian fact has no English answer to read a cause from: a "почему" asked in its own
    words is answered, not ruled out by English rules."""
    from bot.core.matcher import Matcher
    from bot.core.models import Decision, Fact

    pipeline = Fact(
        "member-truboprovod",
        "Строительство трубопровода остановили из-за споров о цене газа.",
        ("почему остановили строительство трубопровода",),
        language="ru",
    )
    other = Fact("port-opening", "The new ferry port in Alat opened in May 2025.", ("alat port",))
    result = Matcher([pipeline, other]).ask("почему остановили строительство трубопровода")
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == "member-truboprovod"
