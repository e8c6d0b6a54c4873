"""Russian and Azerbaijani questions weighed the way their words deserve: a name the question
asks about outweighs the words it shares with a fact about another name, a common word is not
"corrected" into a fact's word it merely rhymes with, a root shared by several facts' words is
not read as one of them, and a verb's two aspects meet.

The facts and questions are this file's own (a pipeline, a ferry, a port), never the seed
knowledge's nor the bench's.
"""

from __future__ import annotations

from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.text import Analyzer

ROLES = [
    Fact(
        "georgia-mediation",
        "In the pipeline dispute Georgia has stayed neutral and offered to mediate.",
        ("what role does georgia play", "is georgia mediating"),
        translations=(
            Translation(
                "ru",
                "В споре о трубопроводе Грузия сохраняет нейтралитет и предлагает посредничество.",
                ("какую роль играет грузия", "грузия выступает посредником"),
            ),
            Translation(
                "az",
                "Boru kəməri mübahisəsində Gürcüstan neytral qalır və vasitəçilik təklif edir.",
                ("gürcüstanın burada rolu nədir", "gürcüstan vasitəçidir"),
            ),
        ),
    ),
    Fact(
        "iran-swap",
        "Since May the gas has reached the buyers through Iran under a swap deal.",
        ("how does the gas get through", "what does iran have to do with it"),
        translations=(
            Translation(
                "ru",
                "С мая газ доходит до покупателей через Иран по своповой сделке.",
                ("как теперь идёт газ", "при чём тут иран"),
            ),
            Translation(
                "az",
                "May ayından qaz alıcılara svop sazişi ilə İran üzərindən çatır.",
                ("qaz indi necə gedir", "iranın bununla nə əlaqəsi var"),
            ),
        ),
    ),
    Fact(
        "pipeline-halt",
        "The pipeline was halted in April after a pressure failure near the border.",
        ("why was the pipeline halted",),
        translations=(
            Translation(
                "ru",
                "Трубопровод остановили в апреле после аварии с давлением у границы.",
                ("почему остановили трубопровод",),
            ),
            Translation(
                "az",
                "Boru kəməri aprel ayında sərhəd yaxınlığında təzyiq qəzasından sonra "
                "dayandırıldı.",
                ("boru kəməri niyə dayandırıldı",),
            ),
        ),
    ),
]


def _matcher(facts: list[Fact]) -> Matcher:
    return Matcher(facts, analyzer=Analyzer())


def test_a_russian_question_about_one_name_is_not_answered_by_a_fact_about_another() -> None:
    # "What role does Iran play": the Georgia fact has "какую роль играет" word for word, the
    # Iran fact only the name; the name is what the question is about.
    result = _matcher(ROLES).ask("Какую роль во всём этом играет Иран?")
    assert result.matches[0].fact.id == "iran-swap"
    assert not (
        result.decision is Decision.ANSWER and result.matches[0].fact.id == "georgia-mediation"
    )


def test_an_azerbaijani_question_about_one_name_finds_the_fact_holding_it() -> None:
    result = _matcher(ROLES).ask("Bu işdə İranın rolu nədir?")
    assert result.matches[0].fact.id == "iran-swap"


def test_english_questions_keep_their_words_weights() -> None:
    # The name weighs what any topical word weighs in English: a question sharing the role
    # wording with the Georgia fact still finds it.
    result = _matcher(ROLES).ask("what role does georgia play")
    assert result.matches[0].fact.id == "georgia-mediation"
    assert result.decision is Decision.ANSWER


PORTS = [
    Fact(
        "armenia-visit",
        "The prime minister travelled to Armenia to discuss the new rail link.",
        ("why did the prime minister go to armenia",),
        translations=(
            Translation(
                "ru",
                "Премьер-министр поехал в Армению обсудить новую железную дорогу.",
                ("зачем премьер поехал в армению",),
            ),
        ),
    ),
    Fact(
        "ferry-inspection",
        "Customs officers carried out an inspection of the ferry in Aktau and found no cargo "
        "violations.",
        ("who inspected the ferry",),
        translations=(
            Translation(
                "ru",
                "Таможенники провели досмотр парома в Актау и нарушений не нашли.",
                ("кто провёл досмотр парома", "что нашли на пароме"),
            ),
            Translation(
                "az",
                "Gömrükçülər Aktauda bərəni yoxladılar; liman rəhbərliyi hamını sakitliyə çağırdı.",
                ("bərəni kim yoxladı", "liman nə deyir"),
            ),
        ),
    ),
    Fact(
        "port-reopening",
        "The port authority expects traffic to calm down and the port to reopen next week.",
        ("when will the port reopen",),
        translations=(
            Translation(
                "az",
                "Liman idarəsi hərəkətin sakitləşəcəyini və limanın gələn həftə açılacağını "
                "gözləyir.",
                ("liman nə vaxt açılacaq",),
            ),
        ),
    ),
]


def test_a_common_russian_word_is_not_read_as_a_name_it_rhymes_with() -> None:
    # "мнению" (opinion) is a Russian word, not a typo of "армению": the Armenia fact is not
    # even offered.
    result = _matcher(PORTS).ask("Что, по мнению таможни, нашли при досмотре парома?")
    assert result.matches[0].fact.id == "ferry-inspection"
    assert "armenia-visit" not in [match.fact.id for match in result.matches]


def test_a_misspelled_russian_word_is_still_corrected() -> None:
    result = _matcher(PORTS).ask("кто провёл досмотр паррома")
    assert result.matches[0].fact.id == "ferry-inspection"


def test_a_common_russian_verb_is_not_read_as_one_of_another_prefix() -> None:
    # "привёл" (led to) is a word of its own, not a typo of the fact's "провёл" (carried
    # out): the question shares "досмотр парома" with "кто провёл досмотр парома", no more.
    matcher = _matcher(PORTS)
    ranked, _ = matcher.explain("к чему привёл досмотр парома?")
    assert ranked[0].entry.fact.id == "ferry-inspection"
    assert ranked[0].matched == set(matcher.analyzer.terms("досмотр парома"))
    # A misspelling keeps being read as the word it misspells ("провел" without its ё).
    assert matcher.ask("кто провел досмотр парома").decision is Decision.ANSWER


def test_a_russian_verb_meets_its_other_aspect() -> None:
    # "проводил" (imperfective) and "провёл" (perfective) stem apart; the question is the
    # fact's own but for the aspect, and is answered with full confidence.
    result = _matcher(PORTS).ask("кто проводил досмотр")
    assert result.matches[0].fact.id == "ferry-inspection"
    assert result.decision is Decision.ANSWER
    assert result.matches[0].score >= 0.9


def test_a_root_several_facts_build_on_is_not_read_as_one_of_them() -> None:
    # "sakit" (calm) starts "sakitləşəcəyini" of one fact and "sakitliyə" of another: neither
    # is offered on a guess.
    result = _matcher(PORTS).ask("sakit olun deyən kimdir?")
    assert "port-reopening" not in [match.fact.id for match in result.matches]


def test_a_clipped_name_is_still_read_as_the_name() -> None:
    facts = [
        Fact("aktau-port", "The port of Aktau handles most of the ferry traffic.", ("aktau",)),
        Fact("baku-port", "The port of Baku was rebuilt at Alat.", ("baku port",)),
    ]
    result = _matcher(facts).ask("akta port")
    assert result.matches[0].fact.id == "aktau-port"


def test_a_slang_word_for_retaliation_meets_the_fact() -> None:
    facts = [
        Fact(
            "tit-for-tat",
            "Both countries expelled two diplomats each in retaliatory steps.",
            ("what retaliatory steps were taken",),
            translations=(
                Translation(
                    "ru",
                    "Обе страны выслали по два дипломата в качестве ответных мер.",
                    ("какие ответные меры приняли страны",),
                ),
            ),
        ),
        Fact(
            "trade-talks",
            "Trade talks resumed in March with a new round on customs rules.",
            ("when did trade talks resume",),
            translations=(
                Translation(
                    "ru",
                    "Торговые переговоры возобновились в марте.",
                    ("когда возобновились переговоры",),
                ),
            ),
        ),
    ]
    result = _matcher(facts).ask("кого выслали в ответку")
    assert result.matches[0].fact.id == "tit-for-tat"
    analyzer = Analyzer()
    assert set(analyzer.terms("в ответку")) <= set(analyzer.terms("ответные меры"))
    assert set(analyzer.terms("retaliation")) <= set(analyzer.terms("ответные меры"))


def test_azerbaijani_deksli_and_elaqesi_ask_the_same() -> None:
    # "nə dəxli var" and "nə əlaqəsi var" both ask what something has to do with it.
    facts = [
        Fact(
            "port-strike-link",
            "The dock strike in Aktau delayed the ferry for two days.",
            ("what does the strike have to do with the ferry",),
            translations=(
                Translation(
                    "az",
                    "Aktauda liman işçilərinin tətili bərəni iki gün gecikdirdi.",
                    ("tətilin bərə ilə nə əlaqəsi var",),
                ),
            ),
        ),
        Fact(
            "ferry-fares",
            "Ferry fares rose by a tenth in March.",
            ("did ferry fares go up",),
            translations=(
                Translation("az", "Bərə biletləri martda onda bir bahalaşdı.", ("bilet bahadır",)),
            ),
        ),
    ]
    result = _matcher(facts).ask("tətilin buna nə dəxli var")
    assert result.matches[0].fact.id == "port-strike-link"
    assert result.decision is Decision.ANSWER
