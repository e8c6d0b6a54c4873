"""Issue 15: questions and facts in Russian and Azerbaijani."""

from __future__ import annotations

import asyncio
from pathlib import Path

import discord
import pytest
from discord import app_commands

from bot.core.knowledge_errors import KnowledgeError
from bot.core.language import detect, from_locale
from bot.core.loader import load_knowledge
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Match, Translation
from bot.core.other_stems import stem_in
from bot.core.text import Analyzer
from bot.ui import embeds
from bot.ui.labels import label, reply_language
from bot.ui.translator import AZERBAIJANI, RUSSIAN, NewsdeskTranslator

SEED = Path(__file__).resolve().parent.parent / "data" / "knowledge"  # the frozen seed copy


@pytest.fixture(scope="module")
def seed_matcher() -> Matcher:
    knowledge = load_knowledge(SEED)
    return Matcher(knowledge.facts, analyzer=Analyzer(knowledge.synonyms))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("why was the ambassador recalled", "en"),
        ("почему отозвали посла", "ru"),
        ("Екатеринбург", "ru"),
        ("Azərbaycan səfiri", "az"),
        ("Bakı", "az"),
        ("rusiya azerbaycan arasinda ne olub", "az"),
        ("what happened in Yekaterinburg", "en"),
        ("Baku", "en"),
    ],
)
def test_language_detection(text: str, expected: str) -> None:
    assert detect(text) == expected


def test_locale_mapping_has_no_azerbaijani_on_discord() -> None:
    assert from_locale("ru") == "ru"
    assert from_locale("en-US") == "en"
    assert from_locale("tr") is None


def test_per_language_stemming() -> None:
    assert stem_in("екатеринбурге", "ru") == stem_in("екатеринбург", "ru")
    assert stem_in("посла", "ru") == stem_in("послы", "ru")
    assert stem_in("səfirini", "az") == stem_in("səfiri", "az")


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Екатеринбург", "Yekaterinburg"),
        ("в Екатеринбурге", "Yekaterinburg"),
        ("Азербайджан", "Azerbaijan"),
        ("Bakı", "Baku"),
        ("Əliyev", "Aliyev"),
        ("Москва", "Moscow"),
        ("Yekaterinburqda", "Yekaterinburg"),
    ],
)
def test_names_meet_across_scripts(left: str, right: str) -> None:
    analyzer = Analyzer(load_knowledge(SEED).synonyms)
    assert set(analyzer.terms(right)) <= set(analyzer.terms(left))


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("почему отозвали посла", "ambassador-recalled"),
        ("что случилось в Екатеринбурге", "yekaterinburg-raid"),
        ("Azərbaycan səfiri", "ambassador-recalled"),
    ],
)
def test_issue_questions_are_answered(seed_matcher: Matcher, question: str, fact_id: str) -> None:
    result = seed_matcher.ask(question)
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == fact_id


def test_a_name_alone_is_never_a_flat_dont_know(seed_matcher: Matcher) -> None:
    result = seed_matcher.ask("Екатеринбург")
    assert result.decision is not Decision.UNKNOWN
    assert result.best is not None and result.best.fact.id == "yekaterinburg-raid"


def test_english_fact_without_translation_meets_a_russian_name() -> None:
    fact = Fact("raid", "A raid took place in Yekaterinburg in June.", ("yekaterinburg raid",))
    analyzer = Analyzer([("yekaterinburg", "ekaterinburg", "екатеринбург")])
    result = Matcher([fact], analyzer=analyzer).ask("Екатеринбург")
    assert result.decision is not Decision.UNKNOWN


@pytest.mark.parametrize(
    "question",
    [
        "как зовут посла россии в баку",
        "Rusiyanın Bakıdakı səfirinin adı nədir?",
        "rusiyanin bakidaki sefirinin adi nedir",
        "сколько лет послу россии в баку",
    ],
)
def test_a_name_or_age_asked_in_russian_or_azerbaijani_is_not_bluffed(question: str) -> None:
    """Asked the name or age of someone no fact names, in Russian or Azerbaijani, the bot
    does not answer with the fact that merely mentions the post."""
    envoy = Fact(
        "envoy-recalled",
        "Russia recalled its ambassador from Baku in July 2025 after the deaths.",
        ("why did russia recall its ambassador from baku", "russian ambassador in baku"),
        translations=(
            Translation(
                "ru",
                "Россия отозвала своего посла из Баку в июле 2025 года.",
                ("почему россия отозвала посла из баку", "посол россии в баку"),
            ),
            Translation(
                "az",
                "Rusiya Bakıdakı səfirini 2025-ci ilin iyulunda geri çağırdı.",
                ("rusiya bakıdakı səfirini niyə geri çağırdı", "rusiyanın bakıdakı səfiri"),
            ),
        ),
    )
    floods = Fact("floods", "Floods hit Orenburg in April 2024.", ("what flooded in orenburg",))
    result = Matcher([envoy, floods]).ask(question)
    assert result.decision is not Decision.ANSWER


def test_seed_facts_are_translated() -> None:
    for fact in load_knowledge(SEED).facts:
        assert {t.language for t in fact.translations} == {"ru", "az"}, fact.id
        for translation in fact.translations:
            assert 3 <= len(translation.questions) <= 20


TRANSLATED = """facts:
  - id: a
    answer: hello
    translations:
      ru:
        answer: привет
        questions: [как дела]
"""


def test_translations_load(make_knowledge_dir) -> None:  # type: ignore[no-untyped-def]
    (fact,) = load_knowledge(make_knowledge_dir({"a.yaml": TRANSLATED})).facts
    assert fact.translations == (Translation("ru", "привет", ("как дела",)),)


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("    translations:\n      fr:\n        answer: salut\n", 5, "unknown field 'fr'"),
        ("    translations:\n      ru:\n        questions: [x]\n", 5, "has no 'answer'"),
        ("    translations:\n      ru:\n        answer: [x]\n", 6, "must be text"),
        ("    translations: [ru]\n", 4, "must be a mapping"),
        (
            "    translations:\n      az:\n        answer: x\n        questions: "
            + str([f"q{i}" for i in range(21)]).replace("'", "")
            + "\n",
            7,
            "at most 20 az questions",
        ),
        ("    language: fr\n", 4, "unknown language 'fr'"),
    ],
)
def test_translation_errors_are_located(
    make_knowledge_dir,  # type: ignore[no-untyped-def]
    body: str,
    line: int,
    message: str,
) -> None:
    text = "facts:\n  - id: a\n    answer: hello\n" + body
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(make_knowledge_dir({"a.yaml": text}, name="kb"))
    (error,) = caught.value.errors
    assert str(error).startswith(f"kb/a.yaml:{line}:"), str(error)
    assert message in str(error)


def _fact(**extra: object) -> Fact:
    return Fact("a", "The envoy was recalled.", ("why was the envoy recalled",), **extra)  # type: ignore[arg-type]


def test_answer_in_the_question_language() -> None:
    fact = _fact(translations=(Translation("ru", "Посла отозвали.", ("почему отозвали посла",)),))
    embed = embeds.answer_embed(Match(fact, 0.9, "почему отозвали посла"), language="ru")
    assert embed.description == "Посла отозвали."
    assert [f.name for f in embed.fields][:2] == ["Источник", "Уверенность"]
    assert embed.fields[1].value == "высокая (90%)"


def test_no_translation_line_in_the_asker_language() -> None:
    embed = embeds.answer_embed(Match(_fact(), 0.9), language="az")
    assert embed.description is not None
    assert label("no translation", "az") in embed.description
    assert "The envoy was recalled." in embed.description
    english = embeds.answer_embed(Match(_fact(), 0.9))
    assert english.description == "The envoy was recalled."


def test_the_date_line_follows_the_askers_language() -> None:
    """ "published 2025-07-01" is written in the reply's language, in the embed and the console;
    a fact with no date at all says so in it too."""
    import datetime as dt

    from bot.cli.render import answer as console_answer
    from bot.core.models import AskResult, Source

    published = Source(title="Wire", published=dt.date(2025, 7, 1))
    fact = _fact(
        source=published,
        translations=(Translation("ru", "Посла отозвали.", ("почему отозвали посла",)),),
    )
    embed = embeds.answer_embed(Match(fact, 0.9), language="ru")
    assert [f.value for f in embed.fields if f.name == "Дата"] == ["опубликовано 2025-07-01"]
    asked = AskResult("почему отозвали посла", Decision.ANSWER, (Match(fact, 0.9),))
    assert "дата: опубликовано 2025-07-01" in console_answer(asked)
    undated = embeds.answer_embed(Match(_fact(), 0.9), language="az")
    assert [f.value for f in undated.fields if f.name == "Tarix"] == ["tarix məlum deyil"]
    english = embeds.answer_embed(Match(fact, 0.9))
    assert [f.value for f in english.fields if f.name == "Date"] == ["published 2025-07-01"]


def test_a_replaced_answer_and_the_footer_follow_the_askers_language() -> None:
    """Under a Russian or Azerbaijani answer, the facts it replaced are listed in that
    language (where they have it) with their dates in its words, in the embed and the
    console; the console's score and the embed's footer speak it too."""
    import datetime as dt

    from bot.cli.render import answer as console_answer
    from bot.core.models import AskResult, Source

    wire = Source(title="Wire", published=dt.date(2025, 7, 2))
    older = Fact(
        "toll-two",
        "Two people died in the flood.",
        source=Source(title="Wire", published=dt.date(2025, 7, 1)),
        translations=(Translation("az", "Daşqında iki nəfər öldü."),),
    )
    newer = Fact(
        "toll-three",
        "Three people died in the flood.",
        source=wire,
        translations=(Translation("az", "Daşqında üç nəfər öldü."),),
    )
    match = Match(newer, 0.9, superseded=(older,))
    embed = embeds.answer_embed(match, language="az")
    [earlier] = [f.value for f in embed.fields if f.name == "Əvvəl"]
    assert "Daşqında iki nəfər öldü." in earlier and "dərc edilib 2025-07-01" in earlier
    assert "Two people" not in earlier and "published" not in earlier
    footer = embed.footer.text or ""
    assert footer.startswith("fact id: toll-three ") and "bilik bazasından" in footer
    assert "was this helpful" not in footer
    shown = console_answer(AskResult("daşqında neçə nəfər öldü", Decision.ANSWER, (match,)))
    assert "əvvəl: Daşqında iki nəfər öldü. (dərc edilib 2025-07-01)" in shown
    assert "[toll-three · əminlik 0.90]" in shown
    assert "earlier" not in shown and "score" not in shown
    # An older fact with no Russian text is listed in English under a Russian answer, its date
    # in Russian; an English question keeps the English words.
    russian = console_answer(AskResult("сколько погибло", Decision.ANSWER, (match,)))
    assert "ранее: Two people died in the flood. (опубликовано 2025-07-01)" in russian
    english = console_answer(AskResult("how many died", Decision.ANSWER, (match,)))
    assert "earlier: Two people died in the flood. (published 2025-07-01)" in english
    assert "[toll-three · score 0.90]" in english
    plain = embeds.answer_embed(match)
    assert (plain.footer.text or "").endswith("from the knowledge base · was this helpful?")


def test_unknown_and_unsure_labels_follow_language() -> None:
    from bot.core.models import AskResult

    result = AskResult("что это", Decision.UNKNOWN)
    assert embeds.unknown_embed(result, language="ru").title == "Пока не знаю"
    unsure = embeds.unsure_embed(result, [Match(_fact(), 0.5)], language="az")
    assert unsure.title == label("unsure title", "az")


def test_reply_language_question_first_then_locale() -> None:
    assert reply_language("почему отозвали посла", discord.Locale.american_english) == "ru"
    assert reply_language("why", discord.Locale.russian) == "ru"
    assert reply_language("niyə səfir geri çağırıldı", None) == "az"
    assert reply_language("why", discord.Locale.turkish) == "en"


def test_translator_gives_russian_descriptions_only() -> None:
    translator = NewsdeskTranslator()
    context = app_commands.TranslationContext(
        app_commands.TranslationContextLocation.command_description, None
    )
    text = app_commands.locale_str("Ask newsdesk a question about the news")
    russian = asyncio.run(translator.translate(text, discord.Locale.russian, context))
    assert russian == RUSSIAN[text.message]
    assert asyncio.run(translator.translate(text, discord.Locale.french, context)) is None
    name = app_commands.TranslationContext(
        app_commands.TranslationContextLocation.command_name, None
    )
    assert asyncio.run(translator.translate(text, discord.Locale.russian, name)) is None
    assert set(AZERBAIJANI) == set(RUSSIAN)


def test_the_command_line_answers_in_the_language_of_the_question() -> None:
    """`ask` in Russian prints the fact's Russian answer; a fact without one prints the
    English answer under a line in Russian saying so."""
    from bot.cli import render
    from bot.core.models import AskResult, Decision, Fact, Match, Translation

    fact = Fact(
        "envoy",
        "Baku recalled its envoy.",
        translations=(Translation("ru", "Баку отозвал посла."),),
    )
    plain = Fact("plain", "Only English here.")
    shown = render.answer(AskResult("почему отозвали посла", Decision.ANSWER, (Match(fact, 0.9),)))
    assert "Баку отозвал посла." in shown and "Baku recalled" not in shown
    other = render.answer(AskResult("что ещё известно", Decision.ANSWER, (Match(plain, 0.9),)))
    assert "Перевода этого ответа на русский пока нет" in other and "Only English here." in other
    # The labels follow the question's language too; an English question keeps English ones.
    assert "источник не указан" in shown.lower() and "дата:" in shown
    assert render.answer(AskResult("что за рейд", Decision.UNKNOWN)).startswith("Пока не знаю")
    unsure = render.answer(AskResult("rusiya ne deyir", Decision.SUGGEST, (Match(fact, 0.6),)))
    assert unsure.startswith("Nəyi soruşduğunuzdan əmin deyiləm")
    english = render.answer(
        AskResult("why was the envoy recalled", Decision.ANSWER, (Match(plain, 0.9),))
    )
    assert "source: none given" in english and "date:" in english


def test_the_language_option_is_described_in_russian() -> None:
    """The `language:` option of /fact add and /fact edit reads in Russian for a Russian client."""
    from bot.exts.facts import EDIT_LANGUAGE_DESCRIPTION, LANGUAGE_DESCRIPTION

    translator = NewsdeskTranslator()
    context = app_commands.TranslationContext(
        app_commands.TranslationContextLocation.parameter_description, None
    )
    for description in (LANGUAGE_DESCRIPTION, EDIT_LANGUAGE_DESCRIPTION):
        text = app_commands.locale_str(description)
        russian = asyncio.run(translator.translate(text, discord.Locale.russian, context))
        assert russian is not None and "Язык" in russian


def test_a_match_is_shown_by_a_phrasing_in_the_askers_language() -> None:
    """A name can meet its other-script twin through the synonyms, so an English question may
    match a fact best by its Russian phrasing; the answer's title and a "did you mean" still
    show the fact in English, and a Russian question still sees the Russian phrasing."""
    fact = Fact(
        "neighbours-cooled",
        "Relations between the two neighbours have cooled since the spring.",
        ("how are the two neighbours getting on", "have relations cooled"),
        translations=(
            Translation(
                "ru",
                "Отношения между Грузией и Арменией охладели с весны.",
                ("как сейчас грузия и армения",),
            ),
        ),
    )
    synonyms = (("georgia", "грузия"), ("armenia", "армения"))
    matcher = Matcher([fact], analyzer=Analyzer(synonyms))
    english = matcher.ask("georgia armenia").matches[0]
    assert english.matched_question == "how are the two neighbours getting on"
    russian = matcher.ask("грузия армения").matches[0]
    assert russian.matched_question == "как сейчас грузия и армения"
