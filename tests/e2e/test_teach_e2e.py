"""`/kb teach question: fact:` end to end: the real bot against fake Discord.

A question members asked that the bot could not answer is offered by the question
autocomplete, the fact autocomplete offers the facts, and once a moderator has taught it the
same question is answered outright with that fact. Members may not teach, and a server that
is not the bot's home cannot teach the shared knowledge files. `/kb unteach` takes a teaching
back, under the same rules.
"""

from __future__ import annotations

import asyncio
import re
import threading
import time
from typing import Any

import pytest

from bot.core.actors import Actor
from bot.core.loader import KnowledgeReader

from .fake_discord import FakeDiscordServer, FakeUser, RecordedRequest
from .harness import RunningBot, World
from .test_bot_e2e import (
    ask,
    assert_ephemeral_reply,
    assert_refused,
    data,
    embed,
    slash,
)

QUESTION = "what is all the fuss about"


def choices(payload: dict[str, object]) -> list[str]:
    found = payload["data"]
    assert isinstance(found, dict)
    return [str(c["value"]) for c in found["choices"]]


async def teach(
    server: FakeDiscordServer, world: World, user: FakeUser, question: str = QUESTION
) -> RecordedRequest:
    """`/kb teach` of ``question`` with the fact `crisis-overview`, as ``user`` in the home
    server; the bot's interaction callback."""
    return await slash(
        server,
        "kb teach",
        {"question": question, "fact": "crisis-overview"},
        user,
        guild=world.guild,
    )


async def test_moderator_teaches_an_unanswered_question_with_autocomplete(
    server: FakeDiscordServer, world: World, newsdesk: RunningBot
) -> None:
    """Unanswered, offered by the question autocomplete, linked to a fact offered by the fact
    autocomplete, and answered outright with it from then on; members are refused."""
    before = await ask(server, world.alice, QUESTION, world.guild)
    assert "I don't know" in embed(data(before))["title"]
    await newsdesk.kb.flush()

    refused = await teach(server, world, world.alice)
    assert_refused(refused, "moderators")

    typed = await server.send_autocomplete(
        "kb teach", {"question": "fuss"}, "question", world.mod, guild_id=world.guild
    )
    offered = (await server.wait_for_callback(typed)).json
    assert offered["type"] == 8
    assert choices(offered) == [QUESTION]

    typed = await server.send_autocomplete(
        "kb teach",
        {"question": QUESTION, "fact": "crisis"},
        "fact",
        world.mod,
        guild_id=world.guild,
    )
    fact_choices = choices((await server.wait_for_callback(typed)).json)
    assert "crisis-overview" in fact_choices

    taught = await teach(server, world, world.mod)
    assert assert_ephemeral_reply(taught)["content"].startswith("Taught `crisis-overview`")

    after = embed(data(await ask(server, world.bob, QUESTION, world.guild)))
    assert "fact id: crisis-overview" in after["footer"]["text"]
    assert "I don't know" not in after["title"] and "not sure" not in after["title"]
    history = await newsdesk.kb.history("crisis-overview")
    assert history[-1].action == "teach"

    typed = await server.send_autocomplete(
        "kb teach", {"question": ""}, "question", world.mod, guild_id=world.guild
    )
    assert QUESTION not in choices((await server.wait_for_callback(typed)).json)


@pytest.mark.bot_settings(lambda world: {"discord": {"home_guilds": [world.guild.id]}})
async def test_only_the_home_server_teaches_the_shared_knowledge(
    server: FakeDiscordServer, world: World, newsdesk: RunningBot
) -> None:
    """A moderator of another server is told the shared knowledge is managed from the home
    server, and nothing is taught."""
    interaction = await server.send_slash_command(
        "kb teach",
        {"question": QUESTION, "fact": "crisis-overview"},
        world.carol,
        guild_id=world.other_guild,
        member_roles=[world.other_guild.moderator_role],
    )
    refused = await server.wait_for_callback(interaction)
    assert_refused(refused, "home server")
    assert newsdesk.kb.taught_questions("crisis-overview") == ()


async def test_a_long_question_picked_from_the_list_is_taught_whole(
    server: FakeDiscordServer, world: World, newsdesk: RunningBot
) -> None:
    """A choice holds 100 characters: the long question a moderator picks arrives cut, and
    is taught as people asked it, whole; `/kb stats` then says it was taught, and
    `/fact history` which question was."""
    rambling = (
        "so my cousin lives near the border and keeps asking me, what is all the fuss between "
        "the two capitals about this summer"
    )
    assert len(rambling) > 100
    await ask(server, world.alice, rambling, world.guild)
    await newsdesk.kb.flush()
    typed = await server.send_autocomplete(
        "kb teach", {"question": "cousin"}, "question", world.mod, guild_id=world.guild
    )
    (picked,) = choices((await server.wait_for_callback(typed)).json)
    assert len(picked) == 100 and rambling.startswith(picked)

    taught = await teach(server, world, world.mod, picked)
    assert assert_ephemeral_reply(taught)["content"].startswith("Taught `crisis-overview`")
    assert newsdesk.kb.taught_questions("crisis-overview") == (rambling,)

    stats = embed(data(await slash(server, "kb stats", {}, world.mod, guild=world.guild)))
    unanswered = next(f["value"] for f in stats["fields"] if f["name"] == "Top unanswered")
    assert "(taught: `crisis-overview`)" in unanswered
    assert all(f["name"] != "Teach the bot" for f in stats["fields"])
    shown = await slash(
        server, "fact history", {"fact_id": "crisis-overview"}, world.mod, guild=world.guild
    )
    history = embed(data(shown))
    assert "**teach** by" in history["description"] and "so my cousin" in history["description"]


async def test_moderator_takes_back_a_teaching_with_autocomplete(
    server: FakeDiscordServer, world: World, newsdesk: RunningBot
) -> None:
    """Taught to a fact, the question is offered by `/kb unteach`'s autocomplete (the fact
    option offers the fact it was taught to); taken back, members get "I don't know" again,
    `/kb stats` asks for it to be taught, and `/fact history` shows who took back what.
    Members are refused, and nothing is taken back then."""
    await ask(server, world.alice, QUESTION, world.guild)
    await newsdesk.kb.flush()
    taught = await teach(server, world, world.mod)
    assert_ephemeral_reply(taught)

    refused = await slash(
        server, "kb unteach", {"question": QUESTION}, world.alice, guild=world.guild
    )
    assert_refused(refused, "moderators")
    assert newsdesk.kb.taught_questions("crisis-overview") == (QUESTION,)

    typed = await server.send_autocomplete(
        "kb unteach", {"question": "fuss"}, "question", world.mod, guild_id=world.guild
    )
    assert choices((await server.wait_for_callback(typed)).json) == [QUESTION]
    typed = await server.send_autocomplete(
        "kb unteach", {"question": QUESTION, "fact": ""}, "fact", world.mod, guild_id=world.guild
    )
    assert choices((await server.wait_for_callback(typed)).json) == ["crisis-overview"]

    taken = await slash(server, "kb unteach", {"question": QUESTION}, world.mod, guild=world.guild)
    assert assert_ephemeral_reply(taken)["content"] == (
        f"Taken back: {QUESTION} is no longer a phrasing of `crisis-overview`."
    )
    after = embed(data(await ask(server, world.bob, QUESTION, world.guild)))
    assert "I don't know" in after["title"]
    await newsdesk.kb.flush()

    stats = embed(data(await slash(server, "kb stats", {}, world.mod, guild=world.guild)))
    unanswered = next(f["value"] for f in stats["fields"] if f["name"] == "Top unanswered")
    assert QUESTION in unanswered and "(taught:" not in unanswered
    assert any(f["name"] == "Teach the bot" for f in stats["fields"])
    shown = await slash(
        server, "fact history", {"fact_id": "crisis-overview"}, world.mod, guild=world.guild
    )
    history = embed(data(shown))["description"]
    assert "**unteach** by" in history and QUESTION in history.split("**unteach** by")[1]

    again = await slash(server, "kb unteach", {"question": QUESTION}, world.mod, guild=world.guild)
    assert_refused(again, "was not taught to any fact")


@pytest.mark.bot_settings(lambda world: {"discord": {"home_guilds": [world.guild.id]}})
async def test_another_server_cannot_take_back_a_teaching(
    server: FakeDiscordServer, world: World, newsdesk: RunningBot
) -> None:
    """What the home server taught a shared fact is taken back only from there: another
    server's moderator is told so, and the question stays taught."""
    await newsdesk.kb.teach(QUESTION, "crisis-overview", Actor.operator())
    interaction = await server.send_slash_command(
        "kb unteach",
        {"question": QUESTION},
        world.carol,
        guild_id=world.other_guild,
        member_roles=[world.other_guild.moderator_role],
    )
    assert_refused(await server.wait_for_callback(interaction), "home server")
    assert newsdesk.kb.taught_questions("crisis-overview") == (QUESTION,)


async def test_a_teaching_during_a_long_reload_is_answered_at_once(
    server: FakeDiscordServer,
    world: World,
    newsdesk: RunningBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`/kb reload` of a folder that takes long to read is still running when a moderator
    uses `/kb teach`: the reply comes at once (not past Discord's three seconds), says the
    teaching is made when the reload ends, and once it has ended the question is answered
    with the fact."""
    reading, go, read_done = threading.Event(), threading.Event(), threading.Event()
    read = KnowledgeReader.load

    def slow_load(reader: KnowledgeReader, *args: Any, **kwargs: Any) -> Any:
        # Reads only once the moderator has been answered (`go`, always set below): a reply
        # that waited for the reload would come after `read_done`, however fast the machine.
        reading.set()
        go.wait(120)
        try:
            return read(reader, *args, **kwargs)
        finally:
            read_done.set()

    monkeypatch.setattr(KnowledgeReader, "load", slow_load)
    try:
        deferred = await slash(server, "kb reload", None, world.mod, guild=world.guild)
        assert deferred.json["type"] == 5  # "thinking..."
        assert await asyncio.to_thread(reading.wait, 30)
        # Discord's three seconds count the bot's work (CPU seconds of this process: bot, fake
        # Discord and test), not what other programs of a busy machine take from it.
        started = time.process_time()
        # "Thinking" at once (the teaching is kept in the database before the moderator is
        # told, which may wait for the reload's write), then the sentence, well within
        # Discord's three seconds.
        interaction = await server.send_slash_command(
            "kb teach", {"question": QUESTION, "fact": "crisis-overview"}, world.mod,
            guild_id=world.guild,
        )  # fmt: skip
        thinking = await server.wait_for_callback(interaction)
        assert thinking.json["type"] == 5 and thinking.json["data"]["flags"] & 64
        followup = await server.wait_for_request(
            method="POST", path=rf"/webhooks/\d+/{re.escape(interaction.token)}"
        )
        assert time.process_time() - started < 2
        assert not read_done.is_set()  # answered while the reload still reads
        said = followup.json["content"]
        assert followup.json["flags"] & 64  # only the moderator sees it
        assert said.startswith("A reload is under way: ")
        assert "`crisis-overview` as soon as it ends" in said
        assert newsdesk.kb.taught_questions("crisis-overview") == ()
    finally:
        go.set()
    await server.wait_for_request(method="POST", path=r"/webhooks/\d+/[^/]+")
    after = embed(data(await ask(server, world.bob, QUESTION, world.guild)))
    assert "fact id: crisis-overview" in after["footer"]["text"]
