"""`/fact add|edit language:` through fake Discord: a member adds a fact in Russian, or a
Russian translation to an English fact, and a Russian question is answered in Russian."""

from __future__ import annotations

from .fake_discord import FakeDiscordServer, iter_components
from .harness import RunningBot, World
from .test_bot_e2e import (
    add_fact,
    ask,
    assert_ephemeral_reply,
    assert_refused,
    data,
    embed,
    field,
    slash,
)

RU_FAIR = "Книжную ярмарку в Баку перенесли на октябрь: выставочный зал затопило."
RU_FAIR_QUESTION = "когда пройдёт книжная ярмарка в баку"
EN_FAIR = (
    "The Baku book fair planned for June 2025 was postponed to October because the "
    "exhibition hall flooded."
)
EN_FAIR_QUESTION = "why was the baku book fair postponed"


async def test_a_fact_added_in_russian_answers_a_russian_question_in_russian(
    server: FakeDiscordServer, world: World, newsdesk: RunningBot
) -> None:
    added = await slash(
        server,
        "fact add",
        {"answer": RU_FAIR, "questions": RU_FAIR_QUESTION, "language": "ru"},
        world.alice,
        guild=world.guild,
    )
    payload = assert_ephemeral_reply(added)
    assert "Written in Русский (ru)." in payload["content"]
    assert field(embed(payload), "Languages") == "ru"

    asked = data(await ask(server, world.bob, "когда будет книжная ярмарка в баку", world.guild))
    assert embed(asked)["description"] == RU_FAIR


async def test_editing_in_russian_adds_a_translation_answered_in_russian(
    server: FakeDiscordServer, world: World, newsdesk: RunningBot
) -> None:
    """/fact edit language:ru on an English fact: Russian questions get the Russian answer,
    English ones still the English answer; the form for Russian shows the Russian text."""
    fact_id = await add_fact(server, world.alice, world.guild, EN_FAIR, EN_FAIR_QUESTION)
    edited = await slash(
        server,
        "fact edit",
        {"fact_id": fact_id, "answer": RU_FAIR, "questions": RU_FAIR_QUESTION, "language": "ru"},
        world.alice,
        guild=world.guild,
    )
    reply = assert_ephemeral_reply(edited)
    assert reply["content"].startswith(f"Added the Русский (ru) translation of fact `{fact_id}`")
    assert embed(reply)["description"] == EN_FAIR
    assert field(embed(reply), "Answer (ru)") == RU_FAIR

    russian = data(await ask(server, world.bob, "когда будет книжная ярмарка в баку", world.guild))
    assert embed(russian)["description"] == RU_FAIR
    english = data(await ask(server, world.bob, EN_FAIR_QUESTION, world.guild))
    assert embed(english)["description"] == EN_FAIR

    form = await slash(
        server, "fact edit", {"fact_id": fact_id, "language": "ru"}, world.alice, guild=world.guild
    )
    assert form.json["type"] == 9
    modal = data(form)
    assert modal["title"] == "Edit fact: Русский"
    inputs = [c for c in iter_components(modal["components"]) if c["type"] == 4]
    assert (inputs[0]["value"], inputs[1]["value"]) == (RU_FAIR, RU_FAIR_QUESTION)


async def test_a_translation_removed_leaves_the_english_answer(
    server: FakeDiscordServer, world: World, newsdesk: RunningBot
) -> None:
    """/fact edit language:ru remove_translation:True drops the Russian text; the fact card no
    longer shows it, and a Russian question is answered with the English answer."""
    fact_id = await add_fact(server, world.alice, world.guild, EN_FAIR, EN_FAIR_QUESTION)
    await slash(
        server,
        "fact edit",
        {"fact_id": fact_id, "answer": RU_FAIR, "questions": RU_FAIR_QUESTION, "language": "ru"},
        world.alice,
        guild=world.guild,
    )
    removed = await slash(
        server,
        "fact edit",
        {"fact_id": fact_id, "language": "ru", "remove_translation": True},
        world.alice,
        guild=world.guild,
    )
    reply = assert_ephemeral_reply(removed)
    assert reply["content"] == f"Removed the Русский (ru) translation of fact `{fact_id}`."
    assert "Answer (ru)" not in [f["name"] for f in embed(reply).get("fields", [])]
    russian = data(await ask(server, world.bob, RU_FAIR_QUESTION, world.guild))
    assert RU_FAIR not in str(russian)

    refused = await slash(
        server,
        "fact edit",
        {"fact_id": fact_id, "remove_translation": True},
        world.alice,
        guild=world.guild,
    )
    assert_refused(refused, "Choose the language")
