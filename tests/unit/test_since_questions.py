"""Russian and Azerbaijani questions asking how things stand since the news ("has he gone back
yet", "how did it end") want a fact that says so, as English ones do (``Want.LATER``); a fact's
Russian or Azerbaijani answer saying "продолжается" / "davam edir" says so even where its
English answer puts it another way.

The facts are this file's own (a consul recalled, talks on a border post), never the live
knowledge nor the bench's questions.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.since_words import asks_since, says_since
from bot.core.text import Analyzer
from bot.core.wants import Want

SYNONYMS = [
    ("armenia", "армения", "ermənistan"),
    ("batumi", "батуми", "batumi"),
]

CONSUL_RECALLED = Fact(
    "consul-recalled",
    "Armenia recalled its consul from Batumi on 3 April 2025 after a dispute over a border post.",
    ("why did armenia recall its consul", "batumi consul recalled"),
    translations=(
        Translation(
            "ru",
            "Армения отозвала своего консула из Батуми 3 апреля 2025 года после спора о "
            "пограничном посте.",
            ("почему армения отозвала консула из батуми", "консул отозван из батуми"),
        ),
        Translation(
            "az",
            "Ermənistan 3 aprel 2025-ci ildə sərhəd məntəqəsi üstündə mübahisədən sonra "
            "konsulunu Batumidən geri çağırdı.",
            ("ermənistan konsulu batumidən niyə geri çağırdı", "konsul batumidən geri çağırıldı"),
        ),
    ),
)
TALKS_DRAG_ON = Fact(
    "border-post-talks",
    "Talks on the disputed border post keep dragging on without a deal.",
    ("are the border post talks over", "border post talks"),
    translations=(
        Translation(
            "ru",
            "Переговоры о спорном пограничном посте продолжаются без соглашения.",
            ("переговоры о пограничном посте", "договорились ли о посте"),
        ),
        Translation(
            "az",
            "Mübahisəli sərhəd məntəqəsi üzrə danışıqlar razılaşmasız davam edir.",
            ("sərhəd məntəqəsi üzrə danışıqlar", "məntəqə barədə razılaşıblar"),
        ),
    ),
)


def _focus(question: str) -> Want:
    return Analyzer(SYNONYMS).focus(question).wants


@pytest.mark.parametrize(
    "question",
    [
        "консул уже вернулся в батуми?",
        "консул в итоге вернулся в батуми или нет",
        "он так и не вернулся?",
        "консул ещё не вернулся?",
        "до сих пор в ереване?",
        "чем закончился спор о посте",
        "закончился ли спор о посте",
        "konsul hələ Batumiyə qayıtmayıb?",
        "konsul nəhayət qayıtdı?",
        "mübahisə nə ilə bitdi",
        "danisiqlar bitibmi",
        "indiyə qədər neçə nəfər saxlanılıb",
    ],
)
def test_asking_how_things_stand_since_wants_a_fact_that_says_so(question: str) -> None:
    assert _focus(question) & Want.LATER


@pytest.mark.parametrize(
    "question",
    [
        "почему отозвали консула",
        "что ещё известно о споре",  # "what else", not "yet"
        "что в итоге решили следователи",  # the outcome itself, which the news tells
        "когда закончилась война",  # when it ended: a fact on the end says so
        "konsulu niyə geri çağırdılar",
        "müharibə nə vaxt bitdi",
        # "artıq": already, more (after an ablative), no longer; English's "already" asks
        # nothing of later either.
        "konsul artiq batumiye qayidib?",
        "ermənistan mübahisəni bundan artıq qızışdırmaq istəyir?",
        "batumidə artıq erməni konsulu yoxdur?",
    ],
)
def test_other_questions_do_not_ask_how_things_stand_since(question: str) -> None:
    assert not _focus(question) & Want.LATER


def test_translations_that_say_how_things_stand_count() -> None:
    assert says_since("Переговоры продолжаются без соглашения.", "ru")
    assert says_since("Консул до сих пор не вернулся.", "ru")
    assert says_since("Danışıqlar davam edir.", "az")
    assert says_since("Konsul hələ də Yerevandadır.", "az")
    assert not says_since("Армения отозвала своего консула.", "ru")
    assert not says_since("Konsulunu geri çağırdı.", "az")
    assert not asks_since(["why"], "en")


@pytest.mark.parametrize(
    "question",
    ["консул в итоге вернулся в батуми?", "konsul hələ Batumiyə qayıtmayıb?"],
)
def test_the_recall_alone_does_not_answer_whether_he_went_back(question: str) -> None:
    matcher = Matcher([CONSUL_RECALLED, TALKS_DRAG_ON], analyzer=Analyzer(SYNONYMS))
    assert matcher.ask(question).decision is not Decision.ANSWER
    # Asked why, the recall is the answer as before.
    why = "почему армения отозвала консула" if "консул" in question else "konsulu niyə geri çağırdı"
    result = matcher.ask(why)
    assert result.best is not None and result.best.fact.id == "consul-recalled"
    assert result.decision is Decision.ANSWER


@pytest.mark.parametrize(
    "question",
    [
        "переговоры о пограничном посте уже закончились?",
        "sərhəd məntəqəsi üzrə danışıqlar hələ bitməyib?",
        "are the border post talks over yet",
    ],
)
def test_a_fact_whose_translation_says_it_goes_on_answers(question: str) -> None:
    # The English answer says "keep dragging on"; the Russian "продолжаются", the
    # Azerbaijani "davam edir": the fact tells how things stand.
    matcher = Matcher([CONSUL_RECALLED, TALKS_DRAG_ON], analyzer=Analyzer(SYNONYMS))
    result = matcher.ask(question)
    assert result.best is not None and result.best.fact.id == "border-post-talks"
    assert result.decision is Decision.ANSWER


@pytest.mark.parametrize(
    "question",
    [
        "ermənistan konsulu artıq geri çağırıb?",
        "ermenistan konsulunu batumiden artiq geri cagirib?",
    ],
)
def test_asked_whether_it_has_already_happened_the_fact_on_it_answers(question: str) -> None:
    # "Has Armenia already recalled its consul?": the recall itself says yes, so the fact is
    # answered, not held back as if a later state were asked.
    matcher = Matcher([CONSUL_RECALLED, TALKS_DRAG_ON], analyzer=Analyzer(SYNONYMS))
    result = matcher.ask(question)
    assert result.best is not None and result.best.fact.id == "consul-recalled"
    assert result.decision is Decision.ANSWER
