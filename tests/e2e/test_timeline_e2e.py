"""The news timeline end to end through the fake Discord: supersession in /ask, !ask and
question buttons; /latest and its topic autocomplete; /fact add and /fact edit with date and
supersedes; the draft card's proposed updates; and the daily digest posted once by two bots on
one database."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from bot.app import NewsdeskBot
from bot.composition import open_knowledge_base
from bot.exts.timeline import Timeline
from bot.ingest.pipeline import ingest

from .fake_discord import FakeDiscordServer, FakeUser, iter_components
from .harness import (
    TEST_DATA,
    RunningBot,
    World,
    channel_messages_path,
    is_reply_to,
)
from .test_bot_e2e import (
    ask,
    assert_ephemeral_reply,
    assert_refused,
    custom_ids,
    data,
    embed,
    fact_id_of,
    field,
    message_of,
    slash,
)

JSON = dict[str, Any]
TIMELINE = TEST_DATA / "timeline"
RELEASED = "The two Sputnik Azerbaijan employees were released on bail."


@pytest.fixture
def timeline_knowledge(tmp_path: Path) -> Path:
    """The tests' timeline as the bot's knowledge (made before the bot starts, which then
    uses it instead of the seed knowledge)."""
    target = tmp_path / "knowledge"
    shutil.copytree(TIMELINE, target)
    return target


@pytest.fixture
def timeline_bot(timeline_knowledge: Path, newsdesk: RunningBot) -> RunningBot:
    assert newsdesk.knowledge_dir == timeline_knowledge
    return newsdesk


async def autocomplete(
    server: FakeDiscordServer,
    name: str,
    options: JSON,
    focused: str,
    user: FakeUser,
    world: World,
) -> list[str]:
    interaction = await server.send_autocomplete(name, options, focused, user, guild_id=world.guild)
    callback = await server.wait_for_callback(interaction)
    assert callback.json["type"] == 8
    return [c["value"] for c in callback.json["data"]["choices"]]


# ----------------------------------------------------------------------------- asking
async def test_ask_answers_the_newest_fact_with_the_earlier_under_it(
    server: FakeDiscordServer, world: World, timeline_bot: RunningBot
) -> None:
    """ "how many died" after a revision, and "is the ambassador back": the newer fact
    answers, dated, with "Earlier" listing what it replaced; the old fact is no button."""
    died_callback = await ask(server, world.alice, "how many died", world.guild)
    died = data(died_callback)
    answer = embed(died)
    assert fact_id_of(died) == "yekaterinburg-deaths-revised"
    assert answer["description"].startswith("Three Azerbaijani men have now died")
    assert field(answer, "Date") == "2025-06-30"
    assert field(answer, "Earlier") == (
        "• Two Azerbaijani men died in Russian police custody after the raid in "
        "Yekaterinburg. (2025-06-27)"
    )
    assert "ask:yekaterinburg-deaths" not in custom_ids(died)

    sent = await server.send_message(world.general, world.bob, "!ask is the ambassador back")
    reply = await server.wait_for_request(
        is_reply_to(sent["id"]), method="POST", path=channel_messages_path(world.general.id)
    )
    assert fact_id_of(reply.json) == "ambassador-returned"
    assert field(embed(reply.json), "Date") == "2025-09-10"
    assert "Azerbaijan recalled its ambassador" in field(embed(reply.json), "Earlier")

    # A button naming the replaced fact, on an answer from before the update, answers the
    # newer fact.
    before_the_update = json.loads(json.dumps(message_of(died_callback)))
    before_the_update["id"] = str(int(before_the_update["id"]) + 1_000_000)
    for component in iter_components(before_the_update["components"]):
        if component.get("custom_id", "").startswith("vote:up:"):
            component["custom_id"] = "ask:ambassador-recalled"
    click = await server.send_component("ask:ambassador-recalled", before_the_update, world.bob)
    clicked = await server.wait_for_callback(click)
    assert fact_id_of(data(clicked)) == "ambassador-returned"
    assert "(2025-06-29)" in field(embed(data(clicked)), "Earlier")


async def test_every_answer_shows_the_date_it_is_about(
    server: FakeDiscordServer, world: World, newsdesk: RunningBot
) -> None:
    """The seed knowledge: the raid's own date, else the article's publication date."""
    raid = embed(
        data(await ask(server, world.alice, "what was the yekaterinburg raid", world.guild))
    )
    assert field(raid, "Date") == "2025-06-27"
    recall = embed(
        data(await ask(server, world.alice, "why was the ambassador recalled", world.guild))
    )
    assert field(recall, "Date") == "published 2025-07-01"


# ----------------------------------------------------------------------------- /latest
async def test_latest_lists_the_newest_first_by_day_with_sources(
    server: FakeDiscordServer, world: World, timeline_bot: RunningBot
) -> None:
    callback = await slash(server, "latest", None, world.alice, guild=world.guild)
    assert callback.json["type"] == 4
    listing = embed(data(callback))
    assert listing["title"] == "Latest news"
    assert [f["name"] for f in listing["fields"]] == ["2025-09-10", "2025-06-30"]
    assert "Azerbaijan's ambassador returned to Moscow" in field(listing, "2025-09-10")
    assert "[Newsdesk test timeline](https://news.example.org/timeline)" in field(
        listing, "2025-09-10"
    )
    day = field(listing, "2025-06-30")
    assert "`sputnik-arrests`" in day and "`yekaterinburg-deaths-revised`" in day
    assert "recalled its ambassador" not in str(listing)  # superseded: left out

    topics = await autocomplete(server, "latest", {"topic": "amb"}, "topic", world.alice, world)
    assert topics[0] == "ambassador"
    on_topic = await slash(server, "latest", {"topic": "sputnik"}, world.alice, guild=world.guild)
    sputnik = embed(data(on_topic))
    assert sputnik["title"] == "Latest on sputnik"
    assert [f["name"] for f in sputnik["fields"]] == ["2025-06-30"]
    assert "`sputnik-arrests`" in field(sputnik, "2025-06-30")


# ---------------------------------------------------------------- /fact add and /fact edit
async def test_fact_add_with_supersedes_answers_in_its_own_server_only(
    server: FakeDiscordServer, world: World, timeline_bot: RunningBot
) -> None:
    choices = await autocomplete(
        server,
        "fact add",
        {"answer": RELEASED, "supersedes": "sputnik"},
        "supersedes",
        world.alice,
        world,
    )
    assert "sputnik-arrests" in choices
    chained = await autocomplete(
        server,
        "fact add",
        {"answer": RELEASED, "supersedes": "sputnik-arrests, ambassador-r"},
        "supersedes",
        world.alice,
        world,
    )
    assert chained and all(c.startswith("sputnik-arrests, ambassador-r") for c in chained)

    refused = await slash(
        server,
        "fact add",
        {"answer": RELEASED, "supersedes": "nowhere"},
        world.alice,
        guild=world.guild,
    )
    assert_refused(refused, "There is no fact with id 'nowhere' here to supersede")
    bad_date = await slash(
        server, "fact add", {"answer": RELEASED, "date": "8 July"}, world.alice, guild=world.guild
    )
    assert_refused(bad_date, "'8 July' is not a date: write it like 2025-07-01.")

    added = await slash(
        server,
        "fact add",
        {
            "answer": RELEASED,
            "questions": "were the sputnik staff released",
            "date": "2025-07-08",
            "supersedes": "sputnik-arrests",
        },
        world.alice,
        guild=world.guild,
    )
    confirmation = assert_ephemeral_reply(added)
    found = re.search(r"`(member-[a-z0-9-]+)`", confirmation["content"])
    assert found, confirmation["content"]
    new_id = found[1]
    card = embed(confirmation)
    assert field(card, "Date") == "2025-07-08" and field(card, "Supersedes") == "`sputnik-arrests`"

    here = data(await ask(server, world.bob, "were sputnik journalists arrested", world.guild))
    assert fact_id_of(here) == new_id
    assert "Police in Baku arrested" in field(embed(here), "Earlier")
    elsewhere = await ask(
        server, world.carol, "were sputnik journalists arrested", world.other_guild
    )
    assert fact_id_of(data(elsewhere)) == "sputnik-arrests"


async def test_fact_add_proposes_an_update_and_fact_edit_confirms_it(
    server: FakeDiscordServer, world: World, timeline_bot: RunningBot
) -> None:
    added = await slash(
        server,
        "fact add",
        {
            "answer": "Four Azerbaijani men have now died after the Yekaterinburg raid.",
            "questions": "how many people died in yekaterinburg",
        },
        world.alice,
        guild=world.guild,
    )
    content = assert_ephemeral_reply(added)["content"]
    new_id = re.search(r"`(member-[a-z0-9-]+)`", content)[1]  # type: ignore[index]
    assert (
        "This seems to update `yekaterinburg-deaths-revised` (2025-06-30): the number changed "
        "(three, two -> four). If it does, confirm with "
        f"`/fact edit fact_id:{new_id} supersedes:yekaterinburg-deaths-revised`."
    ) in content
    # Nothing superseded without a person's yes: the file fact still answers its question.
    before = data(
        await ask(
            server, world.bob, "did a third man die after the yekaterinburg raid", world.guild
        )
    )
    assert fact_id_of(before) == "yekaterinburg-deaths-revised"

    edited = await slash(
        server,
        "fact edit",
        {"fact_id": new_id, "supersedes": "yekaterinburg-deaths-revised"},
        world.alice,
        guild=world.guild,
    )
    assert assert_ephemeral_reply(edited)["content"] == f"Updated fact `{new_id}`."
    after = data(
        await ask(server, world.bob, "how many men died after the yekaterinburg raid", world.guild)
    )
    assert fact_id_of(after) == new_id
    earlier = field(embed(after), "Earlier").splitlines()
    assert [line.rsplit("(", 1)[1] for line in earlier] == ["2025-06-30)", "2025-06-27)"]


async def test_the_draft_card_says_which_fact_a_draft_seems_to_update(
    server: FakeDiscordServer, world: World, timeline_bot: RunningBot, tmp_path: Path
) -> None:
    article = tmp_path / "ambassador.txt"
    article.write_text(
        "Azerbaijan recalls envoy again\n\n"
        "Azerbaijan's ambassador was recalled from Moscow again after new arrests in "
        "Yekaterinburg. The foreign ministry in Baku said the envoy would stay home for "
        "consultations until further notice. Russian officials called the decision a mistake "
        "and said they regretted it.\n",
        encoding="utf-8",
    )
    await ingest(timeline_bot.kb, str(article), local_files=True)
    callback = await slash(server, "kb drafts", None, world.mod, guild=world.guild)
    card = embed(data(callback))
    assert (
        "↳ this seems to update `ambassador-returned` (2025-09-10): returned -> recalled"
        in (card["description"])
    ), card["description"]


# ----------------------------------------------------------------------------- digest
@pytest.mark.bot_settings(lambda world: {"digest": {"channel": world.general.id, "hour_utc": 9}})
async def test_the_digest_is_posted_once_by_two_bots_on_one_database(
    server: FakeDiscordServer, world: World, timeline_bot: RunningBot
) -> None:
    """Two bot processes (here a second bot on the same database, posting through the REST
    API) run the day's digest at the same moment: one message is posted; a run after a
    restart posts nothing more."""
    # The extension's own module object (discord.py loads a fresh one): by name, not class.
    first: Any = timeline_bot.bot.get_cog("Timeline")
    assert first.loop is not None and first.loop.is_running()
    assert [t.hour for t in first.loop.time] == [9]

    second_kb = await open_knowledge_base(timeline_bot.settings)
    second_bot = NewsdeskBot(second_kb, timeline_bot.settings)
    try:
        await second_bot.login("fake-token")
        second = Timeline(second_bot)
        now = dt.datetime.now(dt.UTC)
        posted = await asyncio.gather(first.post_digest(now), second.post_digest(now))
        assert sorted(posted) == [False, True]
        again = await asyncio.gather(first.post_digest(now), second.post_digest(now))
        assert again == [False, False]
    finally:
        await second_bot.close()
        await second_kb.close()

    messages = server.requests_matching("POST", channel_messages_path(world.general.id))
    assert len(messages) == 1
    digest = embed(messages[0].json)
    assert digest["title"] == f"New in the fact base · {now.date().isoformat()}"
    assert digest["description"] == "5 fact(s) approved or added in the last day."
    listed = "\n".join(f["value"] for f in digest["fields"])
    assert "`ambassador-returned`" in listed and "`yekaterinburg-deaths`" in listed
    assert "[Newsdesk test timeline](https://news.example.org/timeline)" in listed
    assert messages[0].json["allowed_mentions"] == {"parse": []}


async def test_no_digest_without_a_channel(
    server: FakeDiscordServer, world: World, newsdesk: RunningBot
) -> None:
    timeline: Any = newsdesk.bot.get_cog("Timeline")
    assert timeline.loop is None
    assert await timeline.post_digest() is False
