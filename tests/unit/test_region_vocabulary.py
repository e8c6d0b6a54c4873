"""Issue 15: everyday news words of Russian and Azerbaijani meet their English ones and each
other, slang is read in any case ending, and question words set the focus.

The facts and questions are this file's own (a harbour, a newspaper, a border crossing), never
the live knowledge nor the bench's questions.
"""

from __future__ import annotations

import pytest

from bot.core.folding import translit
from bot.core.language import detect
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.other_stems import stem_in
from bot.core.text import Analyzer
from bot.core.wants import Want

FACTS = [
    Fact(
        "harbour-visit",
        "The Georgian president visited the harbour of Poti in May to open a new terminal.",
        ("did the president open the poti terminal",),
        translations=(
            Translation(
                "ru",
                "Президент Грузии в мае нанёс визит в порт Поти и открыл новый терминал.",
                ("кто открыл терминал в поти",),
            ),
            Translation(
                "az",
                "Gürcüstan prezidenti may ayında Poti limanına səfər edərək yeni terminal açdı.",
                ("poti terminalını kim açdı",),
            ),
        ),
    ),
    Fact(
        "newspaper-search",
        "Security services searched the offices of a local newspaper and took its computers.",
        ("what happened at the newspaper offices",),
        translations=(
            Translation(
                "ru",
                "Спецслужбы провели обыск в редакции местной газеты и изъяли компьютеры.",
                ("что случилось в редакции газеты",),
            ),
        ),
    ),
    Fact(
        "crossing-queues",
        "Queues at the border crossing have worsened since the new customs checks began.",
        ("how long are the queues at the border",),
        translations=(
            Translation(
                "ru",
                "Очереди на пограничном переходе ухудшились после начала новых таможенных "
                "проверок.",
                ("какие очереди на границе",),
            ),
        ),
    ),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(FACTS, analyzer=Analyzer())


@pytest.mark.parametrize(
    "words",
    [
        ("visit", "визит", "посещал", "побывал", "səfər"),
        ("head of state", "глава государства", "президент", "dövlət başçısı", "prezident"),
        # A country's "first person" is its head in Russian and Azerbaijani news.
        ("head of state", "первое лицо", "первого лица", "birinci şəxs", "birinci şəxsi"),
        ("security services", "спецслужбы", "силовики", "силовые структуры"),
        ("worsen", "worse", "ухудшились", "хуже", "pisləşib"),
        ("happened", "occurred", "случилось", "произошло", "стряслось"),
        ("ally", "partner", "партнёр", "партнеры", "tərəfdaş", "müttəfiq"),
        ("accuse", "blame", "обвиняют", "виноват", "ittiham"),
    ],
)
def test_news_words_of_three_languages_are_one_term(words: tuple[str, ...]) -> None:
    analyzer = Analyzer()
    first = analyzer.terms(words[0])
    for word in words[1:]:
        assert analyzer.terms(word) == first, word


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # None of these shares a word with the fact's Russian text but the synonym.
        ("глава государства побывал в поти?", "harbour-visit"),
        ("первое лицо грузии побывало в поти?", "harbour-visit"),
        ("силовики приходили в редакцию?", "newspaper-search"),
        ("на переходе стало ещё хуже?", "crossing-queues"),
        ("что произошло в редакции", "newspaper-search"),
    ],
)
def test_a_russian_synonym_finds_the_fact(matcher: Matcher, question: str, fact: str) -> None:
    result = matcher.ask(question)
    assert result.best is not None
    assert result.best.fact.id == fact
    assert result.decision is not Decision.UNKNOWN


def test_slang_is_read_in_any_case_ending() -> None:
    analyzer = Analyzer()
    # "следак" is an investigator; declined, it still is one.
    assert analyzer.terms("у следаков версия") == analyzer.terms("у следователя версия")
    assert analyzer.terms("спросили азеров") == analyzer.terms("спросили азербайджанцев")
    assert analyzer.terms("с азерами") == analyzer.terms("с азербайджанцем")
    # An abbreviation is not read into longer words that begin like it.
    assert analyzer.terms("скоро") != analyzer.terms("следственный комитет")


@pytest.mark.parametrize(
    ("question", "wants"),
    [
        ("По какой причине закрыли порт?", Want.CAUSE),
        ("с какой целью проводили обыск", Want.CAUSE),
        ("В каком городе открыли терминал?", Want.PLACE),
        ("Terminal nə səbəbə bağlandı?", Want.CAUSE),
        ("terminal hansi seherde acildi", Want.PLACE),
    ],
)
def test_asking_phrases_set_the_focus(question: str, wants: Want) -> None:
    assert Analyzer().focus(question).wants & wants


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("кто глава службы, проводившей обыск", "head"),
        ("Кто является председателем комиссии?", "chairman"),
        ("как зовут посла грузии", "ambassador"),
        ("Komissiyanın sədri kimdir?", "chairman"),
        ("qezetin rehberi kimdir", "head"),
    ],
)
def test_an_office_holder_asked_by_name(question: str, role: str) -> None:
    assert role in Analyzer().focus(question).roles


def test_an_office_not_asked_for_by_name() -> None:
    # "when was the ambassador recalled" asks for a date, not for the ambassador's name.
    assert not Analyzer().focus("когда отозвали посла").roles
    # "merkəz" (centre) begins like "mer" (mayor) but is no office.
    assert not Analyzer().focus("merkezi kim idare edir").roles


def test_a_name_nobody_gives_is_not_answered_outright(matcher: Matcher) -> None:
    # The facts name no head of the security services, nor the searched newspaper's editor.
    assert matcher.ask("кто руководитель спецслужб, проводивших обыск в редакции").decision is not (
        Decision.ANSWER
    )
    assert matcher.ask("poti limanının rəhbəri kimdir").decision is not Decision.ANSWER


@pytest.mark.parametrize(
    ("question", "wants"),
    [
        ("имена задержанных", Want.NAME),
        ("dənizçilərin adları nədir", Want.NAME),
        ("terminal haradadır", Want.PLACE),
        # the past of "как зовут": a name is asked, however the rest of it is worded
        ("как звали капитана парома", Want.NAME),
        ("как их звали", Want.NAME),
    ],
)
def test_plural_names_and_suffixed_question_words(question: str, wants: Want) -> None:
    assert Analyzer().focus(question).wants & wants


def test_how_one_asks_is_not_what_about() -> None:
    analyzer = Analyzer()
    # "about", "information", "the matter": the asking, in either language.
    assert analyzer.terms("gəmilər haqqında məlumat") == analyzer.terms("gəmilər")
    assert analyzer.terms("bu məsələdə terminalın rolu") == analyzer.terms("terminalın rolu")
    assert analyzer.terms("подробности про обыск") == analyzer.terms("обыск")


def test_russian_light_verbs_are_not_topics() -> None:
    analyzer = Analyzer()
    # "становится", "является", "по мнению": how a sentence is built, not what it is about.
    assert analyzer.terms("на границе становится хуже") == analyzer.terms("на границе хуже")
    assert analyzer.terms("кто является владельцем порта") == analyzer.terms("кто владелец порта")
    assert analyzer.terms("по мнению министра") == analyzer.terms("министра")
    assert analyzer.terms("к чему призвал министр") == analyzer.terms("призвал министр")


@pytest.mark.parametrize(
    ("asked", "said"),
    [
        ("istəyirmi", "istəyir"),  # does he want / he wants
        ("dostdurmu", "dostdur"),  # is it a friend / it is a friend
        ("tutulubmu", "tutulub"),  # was he detained / he was detained
        ("gələcəkmi", "gələcək"),  # will he come / he will come
        ("imzaladımı", "imzaladı"),  # did he sign / he signed
    ],
)
def test_an_azerbaijani_question_particle_written_on_is_taken_off(asked: str, said: str) -> None:
    assert stem_in(asked, "az") == stem_in(said, "az")


def test_a_word_that_merely_ends_like_a_particle_keeps_it() -> None:
    # "rəsmi" (official) ends in "mi" but asks nothing: it is not read as "rəs".
    assert translit(stem_in("rəsmi", "az")) == "resmi"


@pytest.mark.parametrize(
    ("ongoing", "done"),
    [
        ("арестовывают", "арестовали"),
        ("задерживают", "задержали"),
        ("подписывает", "подписал"),
        ("отказывается", "отказался"),
        ("азербайджанец", "азербайджанцы"),
        ("украинец", "украинцев"),
    ],
)
def test_russian_forms_the_stemmer_keeps_apart_meet(ongoing: str, done: str) -> None:
    assert stem_in(ongoing, "ru") == stem_in(done, "ru")


def test_a_noun_ending_like_an_imperfective_keeps_its_stem() -> None:
    # "перспектива" (prospect) is no verb: its stem stays whole.
    assert stem_in("перспективы", "ru") == stem_in("перспектива", "ru") == "перспектив"


def test_russian_prepositions_say_nothing_of_the_topic() -> None:
    analyzer = Analyzer()
    # "между", "после", "вроде": English's stopwords hold "between", "after"; a hedge is none.
    assert analyzer.terms("очереди между городами") == analyzer.terms("очереди городами")
    assert analyzer.terms("что было после обыска") == analyzer.terms("обыска")
    assert analyzer.terms("терминал вроде открыли") == analyzer.terms("терминал открыли")


def test_azerbaijani_postpositions_say_nothing_but_between_stays() -> None:
    analyzer = Analyzer()
    assert analyzer.terms("səfərdən sonra") == analyzer.terms("səfərdən")
    assert analyzer.terms("polis tərəfindən bağlandı") == analyzer.terms("polis bağlandı")
    # "arasında" (between) says the question is about two sides' relations.
    assert analyzer.terms("liman ilə şəhər arasında") != analyzer.terms("liman ilə şəhər")


def test_azerbaijani_regarding_is_the_asking_but_closed_stays() -> None:
    analyzer = Analyzer()
    # "ilə bağlı" / "bununla bağlı" (regarding): the asking, as "haqqında" is.
    assert analyzer.terms("terminal ilə bağlı nə deyir") == analyzer.terms("terminal nə deyir")
    assert analyzer.terms("yalnız bununla bağlıdırmı") == analyzer.terms("yalnız")
    # Alone, "bağlı" is "closed": what the question is about.
    assert len(analyzer.terms("liman bağlıdır")) == 2


def test_azerbaijani_pronouns_in_any_case_say_nothing_of_the_topic() -> None:
    analyzer = Analyzer()
    assert analyzer.terms("bununla gəmilər") == analyzer.terms("gəmilər")
    assert analyzer.terms("onlara gəmilər") == analyzer.terms("gəmilər")


def test_escalating_on_purpose_is_one_term_in_three_languages() -> None:
    analyzer = Analyzer()
    escalate = analyzer.terms("escalate")
    for word in ("escalation", "нагнетать", "обострение", "эскалация", "qızışdırmaq"):
        assert analyzer.terms(word) == escalate, word
    # Getting worse on its own is not someone escalating.
    assert analyzer.terms("обостряется") != escalate


def test_a_question_about_escalating_finds_the_fact_in_other_words() -> None:
    fact = Fact(
        "port-dispute",
        "The port authority says it does not want to escalate the dispute with the ferry union.",
        ("is the port authority backing down",),
        translations=(
            Translation(
                "ru",
                "Администрация порта заявляет, что не хочет обострения спора с профсоюзом.",
                ("уступает ли администрация порта",),
            ),
        ),
    )
    other = Fact(
        "port-fees",
        "Port fees rose by a fifth this spring.",
        ("how much are port fees",),
        translations=(Translation("ru", "Портовые сборы выросли на пятую часть.", ()),),
    )
    matcher = Matcher([fact, other], analyzer=Analyzer())
    # The question shares no word with the fact but the one the group joins.
    result = matcher.ask("кто-то собирается нагнетать?")
    assert result.best is not None
    assert result.best.fact.id == "port-dispute"


def test_a_polite_or_brief_azerbaijani_question_asks_about_its_topic_only() -> None:
    analyzer = Analyzer()
    # "can you explain briefly / in general": how one asks, as English's "could you", "brief".
    topic = analyzer.terms("limanın bağlanması")
    assert analyzer.terms("limanın bağlanması qısa şəkildə izah edə bilərsinizmi") == topic
    assert analyzer.terms("ümumilikdə limanın bağlanması") == topic
    # "over", "under": postpositions, as English's stopwords hold them.
    assert analyzer.terms("liman üzərindəki nəzarət") == analyzer.terms("liman nəzarət")
    assert analyzer.terms("terminal təzyiq altında") == analyzer.terms("terminal təzyiq")
    # Yes and no, and a tag question's "hə", say nothing of the topic either.
    assert analyzer.terms("terminal bağlanmayıb hə?") == analyzer.terms("terminal bağlanmayıb")
    assert analyzer.terms("gəmilər yoxdur") == analyzer.terms("gəmilər")
    # "he" typed for "hə" is English's "he" as well: no sign of Azerbaijani on its own.
    assert detect("he resigned?") == "en"


def test_set_phrases_of_asking_say_nothing_of_the_topic() -> None:
    analyzer = Analyzer()
    # "in general terms", "bring me up to speed", "who knows (this)": the asking, as a whole;
    # their words alone may be topics ("черта", a line; "курс", a rate).
    topic = analyzer.terms("забастовка в порту")
    assert analyzer.terms("в общих чертах, забастовка в порту") == topic
    assert analyzer.terms("введите меня в курс дела: забастовка в порту") == topic
    assert analyzer.terms("кто шарит, забастовка в порту") == topic
    assert analyzer.terms("курс рубля") != analyzer.terms("рубля")
    # "in general", "in a word" in Azerbaijani, typed with its letters or without them.
    assert analyzer.terms("ümumi şəkildə gəmilər") == analyzer.terms("gəmilər")
    assert analyzer.terms("bir sozle gemiler haqqinda") == analyzer.terms("gəmilər")
    assert analyzer.terms("ümumi gəmilər") != analyzer.terms("gəmilər")


def test_russian_hedges_pronouns_and_address_say_nothing_of_the_topic() -> None:
    analyzer = Analyzer()
    topic = analyzer.terms("порт закрыли")
    assert analyzer.terms("ребят, порт вроде закрыли или мне показалось") == topic
    assert analyzer.terms("порт, кажется, закрыли") == topic
    assert analyzer.terms("объясните мне, порт закрыли") == topic
    # "стоять на своём" (to stand one's ground) keeps its "своём".
    assert analyzer.terms("стоят на своём") != analyzer.terms("стоят")


def test_a_soft_sign_typed_for_the_hard_one_reads_as_the_word() -> None:
    analyzer = Analyzer()
    # "обьясните", "обьявили": "ь" typed after a prefix where "ъ" belongs.
    assert analyzer.terms("обьявили забастовку") == analyzer.terms("объявили забастовку")
    assert analyzer.terms("обьясните забастовку") == analyzer.terms("забастовку")
    # A "ь" that belongs stays ("вьюга", "семья").
    assert analyzer.terms("семья капитана") != analyzer.terms("капитана")


def test_russian_slang_for_a_beef_is_a_conflict() -> None:
    analyzer = Analyzer()
    assert analyzer.terms("что за тёрки у порта с профсоюзом") == analyzer.terms(
        "что за конфликт у порта с профсоюзом"
    )
    assert analyzer.terms("терки порта") == analyzer.terms("конфликт порта")


def test_what_has_been_in_azerbaijani_is_what_happened() -> None:
    analyzer = Analyzer()
    # "nə olub", "nə oldu", "noldu" (what happened; literally "what has been") are asked of a
    # fact written "nə baş verdi", typed with or without the letters.
    happened = analyzer.terms("limanda nə baş verib")
    for asked in ("limanda nə olub", "limanda ne olmusdu", "limanda noldu", "limanda nə oldu"):
        assert analyzer.terms(asked) == happened, asked
    # "neçə nəfər ölüb" (how many died) is no "what happened", nor is "olub" without "nə".
    assert analyzer.terms("limanda neçə nəfər ölüb") != analyzer.terms("limanda neçə nəfər")
    assert "ver" not in " ".join(analyzer.terms("limanda neçə nəfər ölüb"))
    assert analyzer.terms("liman bağlı olub") == analyzer.terms("liman bağlı")


def test_a_plain_azerbaijani_what_happened_finds_the_fact_that_says_so() -> None:
    raid = Fact(
        "port-raid",
        "Police raided the port offices in Poti at night.",
        ("what happened in poti",),
        translations=(
            Translation(
                "az",
                "Polis gecə Potidəki liman ofislərində reyd keçirdi.",
                ("potidə nə baş verdi",),
            ),
        ),
    )
    fees = Fact(
        "poti-fees",
        "Poti raised its port fees by a fifth.",
        ("how much are poti port fees",),
        translations=(
            Translation(
                "az",
                "Poti liman rüsumlarını beşdə bir artırdı.",
                ("potidə liman rüsumları nə qədərdir",),
            ),
        ),
    )
    ferry = Fact(
        "poti-ferry",
        "The Poti ferry to Burgas sails again from Monday.",
        ("when does the poti ferry sail",),
        translations=(
            Translation(
                "az",
                "Poti-Burqas bərəsi bazar ertəsindən yenidən işləyir.",
                ("poti bərəsi nə vaxt işləyir",),
            ),
        ),
    )
    matcher = Matcher([raid, fees, ferry], analyzer=Analyzer())
    for asked in ("potide ne olmusdu", "potidə nə olub"):
        result = matcher.ask(asked)
        assert result.best is not None and result.best.fact.id == "port-raid"
        assert result.decision is Decision.ANSWER
        # The other facts on Poti say nothing of what happened there: far behind, not a
        # near second on the name alone.
        assert all(match.score < 0.5 for match in result.matches[1:])


def test_a_country_s_first_person_in_azerbaijani_is_its_president(matcher: Matcher) -> None:
    # "Gürcüstanın birinci şəxsi" (Georgia's first person): the president of the fact.
    result = matcher.ask("Gürcüstanın birinci şəxsi Potiyə gəlmişdi?")
    assert result.best is not None and result.best.fact.id == "harbour-visit"
    assert result.decision is not Decision.UNKNOWN


@pytest.mark.parametrize(
    "question",
    [
        # "от первого лица": told first-hand, not by Georgia's first person.
        "есть рассказ об обыске в редакции от первого лица?",
        "redaksiyadakı axtarış haqqında birinci şəxsin dilindən danışan var?",
    ],
)
def test_told_first_hand_is_no_head_of_state(matcher: Matcher, question: str) -> None:
    assert "head_of_state" not in matcher.analyzer.terms(question)
    best = matcher.ask(question).best
    assert best is None or best.fact.id != "harbour-visit"
