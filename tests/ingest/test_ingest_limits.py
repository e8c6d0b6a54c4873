"""What a moderator's link, a feed or a file may not do: read this machine's files, quote what it
refused, reach private addresses through a redirect, or keep the bot busy for minutes."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
import slow_start
from local_site import LocalSite, Page

from bot.composition import open_knowledge_base_at
from bot.core import draft_files
from bot.core.service import KnowledgeBase
from bot.ingest import fetch as fetch_module
from bot.ingest import worker
from bot.ingest.models import IngestError
from bot.ingest.pipeline import ingest
from tests.cpu_time import cpu_seconds

DATA = Path(__file__).resolve().parent / "data"
MakeSite = Callable[..., LocalSite]

TOKEN = "NEWSDESK-FAKE-TOKEN-0123456789-not-a-real-one"
STORY = (
    "A new railway station opened in Ganja on Sunday, cutting the train journey to Baku to "
    "four hours.\nThe station was built by Azerbaijan Railways at a cost of 45 million "
    "manats.\nThe transport ministry said that six trains a day will run from July.\n"
)
OTHER_STORY = (
    "The Ganja city council approved a new tram line on Monday after a two-year debate.\n"
    "The line will link the railway station to the university at a cost of 30 million "
    "manats.\nThe mayor said that the first trams will run in the spring of 2027.\n"
)
NESTED = b"<div><div><div><p>Some text in a paragraph that is long enough.</p></div></div></div>\n"


@pytest.fixture
async def kb(tmp_path: Path) -> AsyncIterator[KnowledgeBase]:
    """A knowledge base of one fact on a temporary database (not the shipped knowledge)."""
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    (knowledge / "x.yaml").write_text("facts: [{id: x, answer: Something happened.}]\n")
    base = await open_knowledge_base_at(tmp_path / "newsdesk.db", knowledge)
    try:
        yield base
    finally:
        await base.close()


def drafts(kb: KnowledgeBase) -> list[str]:
    return [d.name for d in draft_files.list_drafts(kb.knowledge_dir)]


def html_page(unit: bytes, size: int) -> bytes:
    head = b"<html><head><title>Bridge repairs</title></head><body>"
    return head + unit * (size // len(unit)) + b"</body></html>"


# ------------------------------------------------------------ local files, from Discord
async def test_discord_ingest_reads_no_local_files_whatever_the_settings(
    kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With allow_private_addresses on, /kb ingest still refuses paths: no environment, database
    or shell profile is read, quoted or drafted."""
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    environ = tmp_path / "environ"
    environ.write_bytes(f"DISCORD_TOKEN={TOKEN}\0HOME=/root\0".encode())
    profile = tmp_path / ".bashrc"
    profile.write_text(f"Ganja opens a new railway station\n{STORY}", "utf-8")
    for source in (
        str(environ),
        "/proc/self/environ",
        str(tmp_path / "newsdesk.db"),
        str(profile),
        "~/.bashrc",
    ):
        with pytest.raises(IngestError) as refused:
            await ingest(kb, source, allow_private=True, local_files=False)
        assert str(refused.value) == "Give an http:// or https:// link to an article or a feed."
    assert drafts(kb) == []


async def test_refusals_name_the_source_never_its_content(
    kb: KnowledgeBase, tmp_path: Path, make_site: MakeSite
) -> None:
    """A file, page or feed entry that is no article is refused by its name or link, and the
    refusal never quotes its first line or title."""
    short = tmp_path / "environ.txt"
    short.write_text(f"DISCORD_TOKEN={TOKEN}\nHOME=/root\n", "utf-8")
    no_facts = tmp_path / "settings.txt"
    no_facts.write_text(f"DISCORD_TOKEN={TOKEN}\n" + "PATH=/usr/local/bin:/usr/bin\n" * 12)
    site = make_site()
    site.pages["/token.txt"] = Page(f"DISCORD_TOKEN={TOKEN}\n".encode(), "text/plain")
    site.pages["/feed.rss"] = Page(
        (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
            f"<title>DISCORD_TOKEN={TOKEN}</title><link>{site.url('gone.html')}</link>"
            "<guid>entry-1</guid><description>short</description></item></channel></rss>"
        ).encode(),
        "application/rss+xml",
    )
    expected = {
        str(short): f"{short} is too short to be a news article",
        str(no_facts): f"{no_facts} does not read like a news article",
        site.url("token.txt"): f"{site.url('token.txt')} is too short to be a news article",
    }
    for source, start in expected.items():
        with pytest.raises(IngestError) as refused:
            await ingest(kb, source, allow_private=True, local_files=True)
        assert str(refused.value).startswith(start)
        assert TOKEN not in str(refused.value)
    result = await ingest(kb, site.url("feed.rss"), allow_private=True, local_files=False)
    (entry,) = result.refused
    assert entry.startswith(site.url("gone.html")) and TOKEN not in result.summary()
    assert drafts(kb) == []


# ------------------------------------------------------------------------- redirects
async def test_a_redirect_into_this_machine_is_refused_at_that_hop(
    kb: KnowledgeBase, make_site: MakeSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A link on an allowed host that redirects to a loopback address is refused, naming the
    address it was sent to, and that address is never contacted."""
    news = make_site("127.0.0.1")
    inside = make_site("127.0.0.2")
    inside.pages["/article.html"] = Page((DATA / "article.html").read_bytes())
    target = inside.url("article.html")
    news.pages["/story"] = Page(status=302, location=target)
    # 127.0.0.1 stands in for a news site on the internet: only the first hop passes the check.
    monkeypatch.setattr(fetch_module, "_is_public", lambda address: address == "127.0.0.1")
    with pytest.raises(IngestError) as refused:
        await ingest(kb, news.url("story"), allow_private=False, local_files=False)
    assert str(refused.value).startswith(f"{target} points to a private or local address")
    assert news.url("story") not in str(refused.value)
    assert news.hits == {"/story": 1} and inside.hits == {}
    assert drafts(kb) == []


async def test_the_command_line_follows_a_redirect_to_a_local_address(
    kb: KnowledgeBase, make_site: MakeSite
) -> None:
    """The operator's own `python -m bot ingest` follows a redirect to this machine, by design."""
    news = make_site("127.0.0.1")
    inside = make_site("127.0.0.2")
    inside.pages["/article.html"] = Page((DATA / "article.html").read_bytes())
    news.pages["/story"] = Page(status=302, location=inside.url("article.html"))
    result = await ingest(kb, news.url("story"))
    assert len(result.drafted) == 1 and inside.hits == {"/article.html": 1}


# ----------------------------------------------------------------------- bounded work
@pytest.mark.parametrize("stream", [False, True], ids=["declared-size", "streamed"])
async def test_a_huge_page_is_refused_within_seconds(
    kb: KnowledgeBase, make_site: MakeSite, stream: bool
) -> None:
    """A 4.9 MB page is refused in a few seconds by its size (declared or as it arrives),
    before anything tries to read it as an article."""
    site = make_site()
    paragraph = b"<p>The council said the bridge would reopen after repairs next spring.</p>\n"
    site.pages["/big.html"] = Page(html_page(paragraph, 4_900_000), stream=stream)
    started = cpu_seconds()  # the bot's work, not a busy machine's delays (tests/cpu_time.py)
    with pytest.raises(IngestError) as refused:
        await ingest(kb, site.url("big.html"), allow_private=True, local_files=False)
    assert cpu_seconds() - started < 3
    message = str(refused.value)
    assert message.startswith(f"{site.url('big.html')} is ")
    assert message.endswith("over the 2,097,152-byte limit for a page or feed.")
    assert drafts(kb) == []


async def test_a_page_too_intricate_to_read_in_time_is_given_up(
    kb: KnowledgeBase, make_site: MakeSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page of nested markup under the size cap, whose reading would take the extractor
    many seconds, is given up at the deadline with one sentence."""
    monkeypatch.setattr(worker, "PARSE_SECONDS", 1.0)
    site = make_site()
    site.pages["/nested.html"] = Page(html_page(NESTED, 1_000_000))
    # The child's CPU is counted once it is stopped: unstopped, it would read for many seconds.
    started = cpu_seconds()
    with pytest.raises(IngestError) as refused:
        await ingest(kb, site.url("nested.html"), allow_private=True, local_files=False)
    assert cpu_seconds() - started < 6
    assert str(refused.value) == (
        f"{site.url('nested.html')} could not be read within 1 second "
        "(too large or too intricate for a news article)."
    )


async def test_the_reading_process_starting_slowly_does_not_count_against_the_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The child that reads pages takes a loaded machine seconds to start (an interpreter and
    its imports): a page read at once is read even when that start outlasts the deadline."""
    monkeypatch.setattr(worker, "PARSE_SECONDS", 1.0)
    assert slow_start.IMPORT_SECONDS > worker.PARSE_SECONDS
    async with worker.ParsingWorker() as reading:
        read = await reading.run("a page", slow_start.first_line, "Bridge reopens\nThe council...")
    assert read == "Bridge reopens"


async def test_a_reading_process_that_never_starts_is_not_blamed_on_the_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past the start's own ceiling the page was never read: the moderator is told the
    machine was too busy, not that the page is too large for a news article."""
    monkeypatch.setattr(worker, "START_SECONDS", 0.2)
    assert slow_start.IMPORT_SECONDS > worker.START_SECONDS
    async with worker.ParsingWorker() as reading:
        with pytest.raises(IngestError) as refused:
            await reading.run("a page", slow_start.first_line, "Bridge reopens")
    assert str(refused.value).startswith("a page was not read: the process reading pages")
    assert "too large" not in str(refused.value)


async def test_text_longer_than_any_news_article_is_refused_before_drafting(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    """A 'story' of 100,000 characters is refused at once, in one sentence, and not drafted."""
    story = tmp_path / "long.txt"
    sentences = [
        f"The council of district {i} said on Monday that repairs to bridge {i} would cost "
        f"{i * 13} manats by the end of the year. "
        for i in range(800)
    ]
    story.write_text("A very long story\n" + "".join(sentences), "utf-8")
    started = cpu_seconds()
    with pytest.raises(IngestError) as refused:
        await ingest(kb, str(story), local_files=True)
    assert cpu_seconds() - started < 2
    assert str(refused.value).startswith(f"{story} has ")
    assert str(refused.value).endswith("more than any news article (the limit is 60,000).")
    assert drafts(kb) == []


# --------------------------------------------------------------------- remembered files
async def test_two_files_with_the_same_headline_both_draft(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    """Two different stories under one headline are two drafts; the same file again is not."""
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(f"Ganja news\n{STORY}", "utf-8")
    second.write_text(f"Ganja news\n{OTHER_STORY}", "utf-8")
    assert len((await ingest(kb, str(first), local_files=True)).drafted) == 1
    assert len((await ingest(kb, str(second), local_files=True)).drafted) == 1
    again = await ingest(kb, str(first), local_files=True)
    assert again.drafted == [] and len(again.skipped) == 1
    assert len(drafts(kb)) == 2
