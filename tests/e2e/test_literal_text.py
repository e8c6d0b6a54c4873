"""Members' text is shown literally wherever the bot renders it: no masked links, mentions,
headings, spoilers or code spans made from what a member (or an article) wrote.

Two member facts carry hostile Markdown in their answers, questions, tags and source title;
one parametrized test drives every command and button that renders them and checks each REST
payload the bot sends with a small model of Discord's inline Markdown (``parse``): where
Discord renders Markdown (content, embed titles, descriptions, fields) nothing of theirs is
live, and the words still read as typed; where it does not (footers, button labels,
autocomplete choices) the text is passed unchanged.
"""

from __future__ import annotations

import re
import string
import threading
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from bot.core.actors import Actor
from bot.core.links import is_web_link
from bot.core.models import Decision, Fact, Match, Origin, Source
from bot.core.service import FactInput
from bot.store.sqlite import SqliteStore
from bot.ui import embeds

from .fake_discord import FakeDiscordServer, FakeUser, RecordedRequest, iter_components
from .harness import RunningBot, World, is_reply_to, make_settings, running_bot

JSON = dict[str, Any]
WEBHOOK_PATH = r"/webhooks/\d+/[^/]+"

MASKED = "[Official statement](https://evil.example/login)"
BRAILLE_URL = (
    "https://news.example/a)[Official\u2800statement\u2800of\u2800the\u2800ministry]"
    "(https://evil.example/login)"
)
CODE = "`code` then a lone ` breaks out"
A_ANSWER = (
    f"# Envoy recall: [notes](https://news.example/notes) and {MASKED} for @everyone, <@123>, "
    f"<@&789> and <#456> at <t:0:R> <:wave:123456789012345678> ~~struck~~ ||spoiler text|| "
    f"and {CODE}"
)
A_QUESTIONS = (
    "-# small print on the envoy recall",
    "> quoted claim about the envoy recall",
    "# heading about the envoy recall",
    f"{MASKED} on the envoy recall",
)
A_TAGS = ("||spoiler tag||", "<@123>", "[tag](https://evil.example/t)")
A_SOURCE = "https://news.example/envoy-report"
B_ANSWER = "> The envoy recall order was signed by @here and <@456> in ||secret||."
B_QUESTIONS = ("# who signed the envoy recall order", "-# when was the envoy recall order signed")
B_SOURCE = "https://news.example/envoy-order"
B_SOURCE_TITLE = f"{MASKED} @everyone"
TRUSTED_LINKS = (A_SOURCE, B_SOURCE)
HOSTILE_ID = f"x` <@123> {MASKED} @everyone ||y|| `"
UNANSWERED = (
    "# who leaked the zebra xylophone plans [Zebra memo](http://zebra.example/q) to @everyone"
)
ARTICLE_TITLE = f"{MASKED} @everyone"
ARTICLE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{ARTICLE_TITLE} | Caspian Courier</title>
<meta property="og:title" content="{ARTICLE_TITLE}">
<meta property="article:published_time" content="2025-06-20T09:30:00+04:00"></head>
<body><main><article><h1>{ARTICLE_TITLE}</h1>
<p>The Baku ferry strike, planned for June 2025, was called off after the harbour workers
accepted a pay deal on Tuesday night, the union told @everyone and &lt;@123&gt;.</p>
<p>Around 200 ferry workers from 30 companies had joined the strike, according to the union
||spoiler text|| and {CODE}.</p>
<p>The ferry strike, which had been planned for June, was called off because the harbour
workers accepted the pay deal.</p>
</article></main></body></html>"""


# ------------------------------------------------------ a model of Discord's inline Markdown

# What Discord turns into a link by itself (the address is shown as the link's text).
AUTOLINK = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s<]+[^<.,:;\"')\]\s]")


@dataclass(frozen=True)
class Char:
    text: str
    escaped: bool
    """Written with a backslash before it: shown as the character itself."""
    code: bool
    """Inside a code span: shown as the character itself."""

    @property
    def live(self) -> bool:
        return not (self.escaped or self.code)


def parse(text: str) -> list[Char]:
    """``text`` as Discord reads it: backslash escapes of punctuation, then code spans."""
    chars: list[Char] = []
    i = 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in string.punctuation:
            chars.append(Char(text[i + 1], escaped=True, code=False))
            i += 2
            continue
        if text[i] == "`":
            ticks = re.match(r"`+", text[i:])
            assert ticks is not None
            end = text.find(ticks[0], i + len(ticks[0]))
            if end != -1:
                chars += [Char(c, False, True) for c in text[i + len(ticks[0]) : end]]
                i = end + len(ticks[0])
                continue
        chars.append(Char(text[i], False, False))
        i += 1
    return chars


def shown(text: str) -> str:
    """What a reader sees of ``text`` (escapes and code ticks gone, zero-width spaces too)."""
    return "".join(c.text for c in parse(text)).replace("\u200b", "")


def live_markup(text: str, *, mentionable: set[int]) -> list[str]:
    """Markup in ``text`` that Discord would render as more than the characters themselves:
    masked links (but those to ``TRUSTED_LINKS``), mentions (but the bot's own, of
    ``mentionable`` users), channels, roles, emoji and timestamps (but the bot's own, in
    ``/fact history``), spoilers, strike-through, links that are not web links, and headings,
    subtext or quotes at the start of a line."""
    chars = parse(text)
    plain = "".join(c.text for c in chars)
    found = [f"mention: {m!r}" for m in re.findall(r"@(?:everyone|here)", plain)]
    for i, char in enumerate(chars):
        rest = plain[i:]
        if not char.live:
            continue
        if rest.startswith("](") and not any(rest.startswith(f"]({u})") for u in TRUSTED_LINKS):
            found.append(f"masked link: {rest[:60]!r}")
        mention = re.match(r"<@(\d+)>", rest)
        own = (mention and int(mention[1]) in mentionable) or re.match(r"<t:\d{9,}:f>", rest)
        if char.text == "<" and not own:
            found.append(f"mention, channel, emoji or timestamp: {rest[:30]!r}")
        if rest[:2] in ("||", "~~") and chars[i + 1].live:
            found.append(f"spoiler or strike-through: {rest[:30]!r}")
        if rest.startswith("://"):
            scheme = re.search(r"[A-Za-z][A-Za-z0-9+.-]*$", plain[:i])
            address = AUTOLINK.match(plain, scheme.start() if scheme else i)
            if address is None or not is_web_link(address[0]):
                found.append(f"link that is not a web link: {plain[i - 8 : i + 60]!r}")
        line = plain[plain.rfind("\n", 0, i) + 1 : i]
        if not line.strip(" \t") and (char.text in "#>" or rest.startswith("-#")):
            found.append(f"heading, subtext or quote: {rest[:30]!r}")
    return found


# ------------------------------------------------------------------------- payloads


def markdown_texts(payload: JSON) -> list[str]:
    """The texts Discord renders as Markdown: content, embed titles, descriptions, fields."""
    texts = [str(payload.get("content") or "")]
    for item in payload.get("embeds") or []:
        texts += [item.get("title", ""), item.get("description", "")]
        for embed_field in item.get("fields", []):
            texts += [embed_field["name"], embed_field["value"]]
    return [t for t in texts if t]


def plain_texts(payload: JSON) -> list[str]:
    """The texts Discord shows as typed: footers, authors, button labels, choice names."""
    texts = []
    for item in payload.get("embeds") or []:
        texts += [item.get("footer", {}).get("text", ""), item.get("author", {}).get("name", "")]
    texts += [c.get("label", "") for c in iter_components(payload.get("components") or [])]
    texts += [choice["name"] for choice in payload.get("choices", [])]
    return [t for t in texts if t]


def assert_literal(payloads: list[JSON], expected: list[str], world: World) -> None:
    """Nothing of a member's is live markup; every expected text reads exactly as typed."""
    assert payloads
    mentionable = {u.id for u in (world.alice, world.bob, world.mod, world.boss, world.carol)}
    for payload in payloads:
        if "choices" not in payload:
            assert payload.get("allowed_mentions", {}).get("parse") == [], payload
        for text in markdown_texts(payload):
            problems = live_markup(text, mentionable=mentionable)
            assert not problems, (text, problems)
    readable = "\n".join(
        [shown(t) for p in payloads for t in markdown_texts(p)]
        + [t for p in payloads for t in plain_texts(p)]
    )
    for text in expected:
        assert text in readable, (text, readable)


def data(callback: RecordedRequest) -> JSON:
    assert callback.json["type"] in (4, 8), callback.json
    payload: JSON = callback.json["data"]
    return payload


def message_of(callback: RecordedRequest) -> JSON:
    message: JSON = callback.response["resource"]["message"]
    return message


def button_ids(payload: JSON, prefix: str) -> list[str]:
    return [
        c["custom_id"]
        for c in iter_components(payload.get("components") or [])
        if c.get("type") == 2 and c["custom_id"].startswith(prefix)
    ]


# ---------------------------------------------------------------------------- scene


@dataclass
class Scene:
    server: FakeDiscordServer
    world: World
    newsdesk: RunningBot
    request: pytest.FixtureRequest
    a_id: str
    b_id: str
    added: JSON
    """The bot's reply to ``/fact add`` of fact A."""

    async def slash(self, name: str, options: JSON | None, user: FakeUser) -> RecordedRequest:
        interaction = await self.server.send_slash_command(
            name, options or {}, user, guild_id=self.world.guild
        )
        return await self.server.wait_for_callback(interaction)

    async def deferred(self, name: str, options: JSON | None, user: FakeUser) -> JSON:
        """A command that defers, then answers in a follow-up: the follow-up."""
        callback = await self.slash(name, options, user)
        assert callback.json["type"] == 5, callback.json
        followup = await self.server.wait_for_request(method="POST", path=WEBHOOK_PATH)
        payload: JSON = followup.json
        return payload

    async def click(self, custom_id: str, message: JSON, user: FakeUser) -> RecordedRequest:
        interaction = await self.server.send_component(custom_id, message, user)
        return await self.server.wait_for_callback(interaction)

    async def message(self, content: str) -> JSON:
        """A message in #general from bob, and the bot's reply to it."""
        sent = await self.server.send_message(self.world.general, self.world.bob, content)
        reply = await self.server.wait_for_request(is_reply_to(sent["id"]), method="POST")
        payload: JSON = reply.json
        return payload


async def set_scene(
    server: FakeDiscordServer,
    world: World,
    newsdesk: RunningBot,
    request: pytest.FixtureRequest,
) -> Scene:
    """Fact A added by alice with ``/fact add``; fact B (with a source title, which the
    command has no option for) added by bob through the core."""
    interaction = await server.send_slash_command(
        "fact add",
        {
            "answer": A_ANSWER,
            "questions": " | ".join(A_QUESTIONS),
            "tags": ", ".join(A_TAGS),
            "source": A_SOURCE,
        },
        world.alice,
        guild_id=world.guild,
    )
    added = data(await server.wait_for_callback(interaction))
    found = re.search(r"`([a-z0-9._-]+)`", added["content"])
    assert found, added
    bob = Actor.discord_user(world.bob.id, world.guild.id, is_moderator=False)
    b_fact = await newsdesk.kb.add_fact(
        FactInput(B_ANSWER, B_QUESTIONS, (), B_SOURCE, B_SOURCE_TITLE), bob
    )
    return Scene(server, world, newsdesk, request, found[1], b_fact.id, added)


# ---------------------------------------------------------------------------- places

Place = Callable[[Scene], Awaitable[tuple[list[JSON], list[str]]]]


async def fact_add_reply(scene: Scene) -> tuple[list[JSON], list[str]]:
    """``/fact add``: the confirmation and the new fact's embed."""
    return [scene.added], [A_ANSWER, *A_QUESTIONS, *A_TAGS]


async def answer_related_and_buttons(scene: Scene) -> tuple[list[JSON], list[str]]:
    """``/ask``: the answer (matched question, related questions, buttons), then a related
    question's button: the other fact's answer, with its source title."""
    asked = await scene.slash(
        "ask", {"question": "small print on the envoy recall order"}, scene.world.bob
    )
    answer = data(asked)
    related = button_ids(answer, f"ask:{scene.b_id}")
    assert related, answer
    clicked = data(await scene.click(related[0], message_of(asked), scene.world.alice))
    return [answer, clicked], [A_ANSWER, A_QUESTIONS[0], B_QUESTIONS[0], B_ANSWER, B_SOURCE_TITLE]


async def did_you_mean(scene: Scene) -> tuple[list[JSON], list[str]]:
    """A vague question: the "did you mean" list and its buttons, then a picked answer."""
    kb, guild_id = scene.newsdesk.kb, scene.world.guild.id
    for question in ("signed claim", "envoy recall", "claim signed", "envoy claim order"):
        result = await kb.ask(question, guild_id=guild_id, record=False)
        if result.decision is Decision.SUGGEST and len(result.matches) > 1:
            break
    else:
        raise AssertionError("no phrasing gets a 'did you mean' any more")
    asked = await scene.slash("ask", {"question": question}, scene.world.bob)
    unsure = data(asked)
    picked = data(
        await scene.click(button_ids(unsure, "ask:")[0], message_of(asked), scene.world.bob)
    )
    shown_questions = [m.matched_question or "" for m in result.matches[:2]]
    return [unsure, picked], shown_questions


async def prefix_and_mention(scene: Scene) -> tuple[list[JSON], list[str]]:
    """``!ask`` and a mention of the bot: the replies."""
    prefixed = await scene.message("!ask small print on the envoy recall")
    mention = await scene.message(f"{scene.server.bot_user.mention} who signed the envoy recall")
    return [prefixed, mention], [A_ANSWER, A_QUESTIONS[0], B_ANSWER, B_SOURCE_TITLE]


async def fact_show(scene: Scene) -> tuple[list[JSON], list[str]]:
    """``/fact show`` of both facts: answers, questions, tags, sources."""
    payloads = [
        data(await scene.slash("fact show", {"fact_id": fact_id}, scene.world.bob))
        for fact_id in (scene.a_id, scene.b_id)
    ]
    return payloads, [A_ANSWER, *A_QUESTIONS, *A_TAGS, B_ANSWER, *B_QUESTIONS, B_SOURCE_TITLE]


async def fact_search(scene: Scene) -> tuple[list[JSON], list[str]]:
    """``/fact search``: the query echoed in the title, and the matching questions."""
    query = f"envoy recall {MASKED} @everyone"
    found = data(await scene.slash("fact search", {"query": query}, scene.world.bob))
    return [found], [query]


async def fact_history_and_edit(scene: Scene) -> tuple[list[JSON], list[str]]:
    """``/fact edit`` confirmation, then ``/fact history`` (actors, actions, the id)."""
    edited = data(
        await scene.slash(
            "fact edit", {"fact_id": scene.a_id, "answer": f"{A_ANSWER} edited"}, scene.world.alice
        )
    )
    history = data(await scene.slash("fact history", {"fact_id": scene.a_id}, scene.world.bob))
    return [edited, history], [f"{A_ANSWER} edited"]


async def pending_queue(scene: Scene) -> tuple[list[JSON], list[str]]:
    """With approvals on: the "waiting" reply, ``/kb pending`` and an Approve click."""
    queue = await scene.slash("kb pending", None, scene.world.mod)
    listing = data(queue)
    approve = button_ids(listing, f"review:approve:{scene.a_id}")
    approved = data(await scene.click(approve[0], message_of(queue), scene.world.mod))
    return [scene.added, listing, approved], [A_ANSWER, *A_QUESTIONS, B_ANSWER, B_SOURCE_TITLE]


async def stats_of_unanswered(scene: Scene) -> tuple[list[JSON], list[str]]:
    """An unanswered question ("You asked: ..."), then ``/kb stats`` listing it."""
    unknown = data(await scene.slash("ask", {"question": UNANSWERED}, scene.world.bob))
    assert unknown["embeds"][0]["title"] == "I don't know that yet", unknown
    stats = data(await scene.slash("kb stats", None, scene.world.mod))
    return [unknown, stats], [UNANSWERED, f"1× {UNANSWERED.lower()}"]  # counted lower-cased


async def errors_echoing_input(scene: Scene) -> tuple[list[JSON], list[str]]:
    """Errors that echo a typed id, and refusals of a look-alike link."""
    alice, mod = scene.world.alice, scene.world.mod
    payloads = [
        data(await scene.slash(name, {"fact_id": HOSTILE_ID}, alice))
        for name in ("fact show", "fact history", "fact remove")
    ]
    payloads.append(data(await scene.slash("kb approve", {"fact_id": HOSTILE_ID}, mod)))
    payloads.append(
        data(await scene.slash("fact add", {"answer": "A fact.", "source": BRAILLE_URL}, alice))
    )
    payloads.append(await scene.deferred("kb ingest", {"url": BRAILLE_URL}, mod))
    return payloads, [f"'{HOSTILE_ID}'"]


async def autocomplete(scene: Scene) -> tuple[list[JSON], list[str]]:
    """``/ask`` autocomplete: choices are plain text, so the questions come as typed."""
    interaction = await scene.server.send_autocomplete(
        "ask", {"question": "envoy recall"}, "question", scene.world.bob, guild_id=scene.world.guild
    )
    choices = data(await scene.server.wait_for_callback(interaction))
    return [choices], [*A_QUESTIONS[:3], *B_QUESTIONS]


@pytest.fixture
def article_site() -> Iterator[str]:
    """A news site on 127.0.0.1 with one article whose title and text carry Markdown."""
    page = ARTICLE.encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            pass

    site = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=site.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{site.server_address[1]}/article.html"
    finally:
        site.shutdown()
        site.server_close()


async def article_drafts(scene: Scene) -> tuple[list[JSON], list[str]]:
    """``/kb ingest`` of an article with Markdown in it, then ``/kb drafts``."""
    url = scene.request.getfixturevalue("article_site")
    ingested = await scene.deferred("kb ingest", {"url": url}, scene.world.mod)
    listing = data(await scene.slash("kb drafts", None, scene.world.mod))
    return [ingested, listing], [f"'{ARTICLE_TITLE}'", f"Draft: {ARTICLE_TITLE}", CODE]


APPROVALS = pytest.mark.bot_settings({"facts": {"require_approval": True}})
PRIVATE_SITES = pytest.mark.bot_settings({"ingest": {"allow_private_addresses": True}})
PLACES = [
    pytest.param(fact_add_reply, id="fact-add-reply"),
    pytest.param(answer_related_and_buttons, id="answer-related-buttons-source"),
    pytest.param(did_you_mean, id="did-you-mean"),
    pytest.param(prefix_and_mention, id="prefix-and-mention-replies"),
    pytest.param(fact_show, id="fact-show"),
    pytest.param(fact_search, id="fact-search"),
    pytest.param(fact_history_and_edit, id="fact-edit-and-history"),
    pytest.param(pending_queue, id="kb-pending", marks=APPROVALS),
    pytest.param(stats_of_unanswered, id="kb-stats-unanswered"),
    pytest.param(errors_echoing_input, id="errors-echoing-input"),
    pytest.param(autocomplete, id="autocomplete"),
    pytest.param(article_drafts, id="article-drafts", marks=PRIVATE_SITES),
]


@pytest.mark.parametrize("place", PLACES)
async def test_member_text_is_shown_literally(
    server: FakeDiscordServer,
    world: World,
    newsdesk: RunningBot,
    request: pytest.FixtureRequest,
    place: Place,
) -> None:
    """Markdown, mentions and masked links a member wrote read as typed, in every reply."""
    scene = await set_scene(server, world, newsdesk, request)
    payloads, expected = await place(scene)
    assert_literal(payloads, expected, world)


# ---------------------------------------------- a source link stored before the check


def braille_fact(guild_id: int, author_id: int, origin: Origin = Origin.USER) -> Fact:
    """A fact whose source link passed the old pattern check: U+2800 blanks, a masked link."""
    return Fact(
        id="ministry-statement",
        answer="**The ministry** published its statement on the envoy recall on Monday.",
        questions=("where is the ministry statement on the envoy recall",),
        source=Source("Ministry", BRAILLE_URL),
        origin=origin,
        file="ministry.yaml" if origin is Origin.FILE else None,
        guild_id=guild_id if origin is Origin.USER else None,
        author_id=author_id if origin is Origin.USER else None,
    )


async def test_a_source_link_stored_before_the_check_is_shown_as_text(
    server: FakeDiscordServer, world: World, tmp_path: Path
) -> None:
    """A member's source link saved before links were parsed shows as text, not a link."""
    settings = make_settings(tmp_path, (world.guild.id, world.other_guild.id))
    store = await SqliteStore.open(settings.database)
    fact = braille_fact(world.guild.id, world.alice.id)
    await store.insert_fact(fact, f"discord:{world.alice.id}")
    await store.close()
    async with running_bot(settings):
        interaction = await server.send_slash_command(
            "ask",
            {"question": "ministry statement on the envoy recall"},
            world.bob,
            guild_id=world.guild,
        )
        answer = data(await server.wait_for_callback(interaction))
        interaction = await server.send_slash_command(
            "fact show", {"fact_id": "ministry-statement"}, world.bob, guild_id=world.guild
        )
        shown_fact = data(await server.wait_for_callback(interaction))
    assert_literal([answer, shown_fact], [BRAILLE_URL, "**The ministry**"], world)


@pytest.mark.parametrize("origin", [Origin.USER, Origin.FILE])
def test_the_renderer_never_links_a_source_that_is_not_a_web_link(origin: Origin) -> None:
    """Answer and fact embeds show a bad source link as plain text, whoever wrote the fact."""
    fact = braille_fact(1, 2, origin)
    rendered = [
        embeds.answer_embed(Match(fact, 0.9, fact.questions[0])).to_dict(),
        embeds.fact_embed(fact).to_dict(),
    ]
    for payload in rendered:
        source = next(f["value"] for f in payload["fields"] if f["name"] == "Source")
        assert not live_markup(source, mentionable=set()), source
        assert BRAILLE_URL in shown(source)
    if origin is Origin.FILE:  # curated answers keep their Markdown
        assert rendered[0]["description"].startswith("**The ministry**")
