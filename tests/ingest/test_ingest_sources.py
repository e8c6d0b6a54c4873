"""Ingesting pages, feeds and files from the local test site; drafts, approval and rejection."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.composition import open_knowledge_base_at
from bot.core import draft_files
from bot.core.actors import Actor
from bot.core.errors import NotFound, PermissionDenied
from bot.core.knowledge_errors import KnowledgeError
from bot.core.loader import load_knowledge
from bot.core.models import Decision
from bot.core.service import KnowledgeBase
from bot.ingest.fetch import fetch
from bot.ingest.models import IngestError
from bot.ingest.pipeline import ingest

DATA = Path(__file__).resolve().parent / "data"
NewsSite = Any  # conftest.NewsSite: .url(path), .hits

FAIR_QUESTION = "why was the baku book fair postponed"
OPERATOR = Actor.operator()


def only_draft(kb: KnowledgeBase) -> draft_files.DraftFile:
    found = draft_files.list_drafts(kb.knowledge_dir)
    assert len(found) == 1, [d.name for d in found]
    return found[0]


def answered_ids(kb: KnowledgeBase, question: str) -> list[str]:
    result = kb.matcher.ask(question)
    return [m.fact.id for m in result.matches] if result.decision is Decision.ANSWER else []


async def test_article_url_becomes_a_valid_draft(kb: KnowledgeBase, news_site: NewsSite) -> None:
    """A news page becomes one draft file in the knowledge schema, with its source and date."""
    result = await ingest(kb, news_site.url("article.html"))
    assert len(result.drafted) == 1
    draft = only_draft(kb)
    assert draft.name == "2025-06-20-flood-postpones-the-baku-book-fair.yaml"
    assert not draft.errors
    # `kb validate knowledge/drafts` accepts it: exactly the knowledge schema.
    checked = load_knowledge(draft_files.drafts_dir(kb.knowledge_dir))
    assert len(checked.facts) == len(draft.facts) >= 5
    source = draft.facts[0].source
    assert source is not None
    assert source.title == "Flood postpones the Baku book fair"
    assert source.url == news_site.url("article.html")
    assert source.published is not None and source.published.isoformat() == "2025-06-20"
    answers = " ".join(f.answer for f in draft.facts)
    assert "Subscribe" not in answers and "Related articles" not in answers
    assert "Will the fair" not in answers  # a question is not a fact
    # Every fact has questions and tags, and no id clashes with the live knowledge.
    assert all(f.questions and f.tags for f in draft.facts)
    assert not {f.id for f in draft.facts} & {f.id for f in kb.matcher.facts()}


async def test_repeated_statement_in_the_article_is_one_fact(
    kb: KnowledgeBase, news_site: NewsSite
) -> None:
    """The article says twice that the fair moved to October: the draft says it once."""
    await ingest(kb, news_site.url("article.html"))
    draft = only_draft(kb)
    moved = [f for f in draft.facts if "October" in f.answer and "flooded" in f.answer]
    assert len(moved) == 1
    text = draft.path.read_text("utf-8")
    assert "# also said as: The book fair, which had been planned for June" in text


async def test_drafts_are_never_answered(kb: KnowledgeBase, news_site: NewsSite) -> None:
    """Until approved, a draft's facts are not answered, not even after a reload."""
    await ingest(kb, news_site.url("article.html"))
    assert answered_ids(kb, FAIR_QUESTION) == []
    await kb.reload(OPERATOR)
    assert answered_ids(kb, FAIR_QUESTION) == []
    assert kb.matcher.ask(FAIR_QUESTION).decision is Decision.UNKNOWN


async def test_approving_a_draft_file_makes_it_answered(
    kb: KnowledgeBase, news_site: NewsSite
) -> None:
    """Approve moves the draft into knowledge/, reloads, and the facts are answered; the
    audit trail of each says it was approved with its file."""
    await ingest(kb, news_site.url("article.html"))
    draft = only_draft(kb)
    outcome = await kb.review(draft.path.stem, OPERATOR, approve=True)
    assert outcome is not None
    assert outcome.report is not None and len(outcome.report.added) == len(draft.facts)
    assert not draft.path.exists()
    assert (kb.knowledge_dir / draft.name).is_file()
    best = kb.matcher.ask(FAIR_QUESTION).best
    assert best is not None and "postponed to October" in best.fact.answer
    history = await kb.store.history(draft.name)
    assert [e.action for e in history] == ["approve-draft"]
    # Each fact's own history says it came in with the draft file, and who approved it.
    for fact in draft.facts:
        entries = await kb.history(fact.id)
        assert [(e.action, e.actor) for e in entries] == [
            ("add", "console"),
            ("approve-draft", "console"),
        ]
        assert entries[-1].detail["file"] == draft.name


async def test_approving_one_draft_fact(kb: KnowledgeBase, news_site: NewsSite) -> None:
    """Approving a draft fact id moves that fact only; the rest stays in review."""
    await ingest(kb, news_site.url("article.html"))
    draft = only_draft(kb)
    chosen = next(f for f in draft.facts if "tickets" in f.answer)
    outcome = await kb.review(chosen.id, OPERATOR, approve=True)
    assert outcome is not None and outcome.fact_ids == (chosen.id,)
    assert chosen.id in kb.matcher
    remaining = only_draft(kb)
    assert chosen.id not in {f.id for f in remaining.facts}
    assert len(remaining.facts) == len(draft.facts) - 1
    # Approving the rest merges it into the same live file.
    await kb.review(remaining.name, OPERATOR, approve=True)
    live = yaml.safe_load((kb.knowledge_dir / draft.name).read_text("utf-8"))
    assert len(live["facts"]) == len(draft.facts)
    assert draft_files.list_drafts(kb.knowledge_dir) == []


async def test_rejecting_deletes_with_an_audit_entry(
    kb: KnowledgeBase, news_site: NewsSite
) -> None:
    """Reject deletes the draft (or one fact) and leaves a trace in the audit trail."""
    await ingest(kb, news_site.url("article.html"))
    draft = only_draft(kb)
    one = draft.facts[0].id
    outcome = await kb.review(one, OPERATOR, approve=False)
    assert outcome is not None and outcome.fact_ids == (one,)
    assert one not in {f.id for f in only_draft(kb).facts}
    await kb.review(draft.name, OPERATOR, approve=False)
    assert draft_files.list_drafts(kb.knowledge_dir) == []
    assert one not in kb.matcher
    assert [e.action for e in await kb.store.history(one)] == ["reject-draft"]
    assert [e.action for e in await kb.store.history(draft.name)] == ["reject-draft"]


async def test_only_moderators_review_drafts(kb: KnowledgeBase, news_site: NewsSite) -> None:
    """A plain member cannot approve or reject a draft."""
    await ingest(kb, news_site.url("article.html"))
    member = Actor.discord_user(5, 1, is_moderator=False)
    with pytest.raises(PermissionDenied):
        await kb.review(only_draft(kb).name, member, approve=True)
    with pytest.raises(PermissionDenied):
        await kb.review(only_draft(kb).name, member, approve=False)


async def test_moderators_of_another_server_do_not_review_shared_drafts(
    kb: KnowledgeBase, news_site: NewsSite
) -> None:
    """The service itself refuses draft review and reload to a moderator who does not manage
    the shared knowledge (not a home server), whatever the cogs check first."""
    await ingest(kb, news_site.url("article.html"))
    elsewhere = Actor.discord_user(6, 2, is_moderator=True, home_guilds=(1,), guild_count=2)
    assert elsewhere.is_moderator and not elsewhere.manages_shared_knowledge
    for approve in (True, False):
        with pytest.raises(PermissionDenied, match="home server"):
            await kb.review(only_draft(kb).name, elsewhere, approve=approve)
    with pytest.raises(PermissionDenied, match="home server"):
        await kb.reload(elsewhere)
    assert len(draft_files.list_drafts(kb.knowledge_dir)) == 1
    home = Actor.discord_user(7, 1, is_moderator=True, home_guilds=(1,), guild_count=2)
    assert (await kb.review(only_draft(kb).name, home, approve=False)).fact_ids


async def test_an_invalid_draft_is_refused_and_nothing_moves(
    kb: KnowledgeBase, news_site: NewsSite
) -> None:
    """A draft a moderator broke while editing is refused with located errors."""
    await ingest(kb, news_site.url("article.html"))
    draft = only_draft(kb)
    draft.path.write_text(
        draft.path.read_text("utf-8").replace("  answer:", "  answr:", 1), "utf-8"
    )
    with pytest.raises(KnowledgeError) as caught:
        await kb.review(draft.name, OPERATOR, approve=True)
    assert "unknown field 'answr'" in str(caught.value)
    assert draft.path.exists() and not (kb.knowledge_dir / draft.name).exists()


async def test_a_draft_clashing_with_live_ids_is_put_back(
    kb: KnowledgeBase, news_site: NewsSite
) -> None:
    """If the reload refuses the approved file, the draft and knowledge stay as they were."""
    await ingest(kb, news_site.url("article.html"))
    draft = only_draft(kb)
    text = draft.path.read_text("utf-8")
    draft.path.write_text(text.replace(f"id: {draft.facts[0].id}", "id: ambassador-recalled"))
    with pytest.raises(KnowledgeError, match="duplicate id"):
        await kb.review(draft.name, OPERATOR, approve=True)
    assert draft.path.exists() and not (kb.knowledge_dir / draft.name).exists()
    assert answered_ids(kb, FAIR_QUESTION) == []


async def test_rss_feed_drafts_each_entry(kb: KnowledgeBase, news_site: NewsSite) -> None:
    """An RSS feed URL drafts each linked article."""
    result = await ingest(kb, news_site.url("feed.rss"))
    titles = sorted(d.draft.article.title for d in result.drafted)
    assert titles == ["Flood postpones the Baku book fair", "Ganja opens a new railway station"]
    assert len(draft_files.list_drafts(kb.knowledge_dir)) == 2
    load_knowledge(draft_files.drafts_dir(kb.knowledge_dir))


async def test_atom_feed_drafts_its_entry(kb: KnowledgeBase, news_site: NewsSite) -> None:
    """An Atom feed URL drafts its entry's article."""
    result = await ingest(kb, news_site.url("feed.atom"))
    assert [d.draft.article.title for d in result.drafted] == ["Flood postpones the Baku book fair"]


async def test_a_feed_polled_twice_drafts_once(kb: KnowledgeBase, news_site: NewsSite) -> None:
    """Articles already drafted are remembered in the database and skipped."""
    first = await ingest(kb, news_site.url("feed.rss"), feed=news_site.url("feed.rss"))
    second = await ingest(kb, news_site.url("feed.rss"), feed=news_site.url("feed.rss"))
    assert len(first.drafted) == 2
    assert second.drafted == [] and len(second.skipped) == 2
    assert len(draft_files.list_drafts(kb.knowledge_dir)) == 2
    assert news_site.hits["/article.html"] == 1  # the second poll did not even fetch it
    # The same article by its URL is also known, and the memory survives a restart.
    again = await ingest(kb, news_site.url("article.html"))
    assert again.drafted == [] and again.skipped


async def test_seen_articles_survive_a_restart(tmp_path: Path, news_site: NewsSite) -> None:
    """The memory of drafted articles is in the database, not the process."""
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    (knowledge / "x.yaml").write_text("facts: [{id: x, answer: Something happened.}]\n")
    async with await open_knowledge_base_at(tmp_path / "db.sqlite", knowledge) as first:
        assert len((await ingest(first, news_site.url("feed.atom"))).drafted) == 1
    async with await open_knowledge_base_at(tmp_path / "db.sqlite", knowledge) as second:
        assert (await ingest(second, news_site.url("feed.atom"))).drafted == []
        forced = await ingest(second, news_site.url("feed.atom"), force=True)
        assert len(forced.drafted) == 1


async def test_text_and_html_files(kb: KnowledgeBase, tmp_path: Path) -> None:
    """Local files: plain text (first line = headline) and saved HTML pages."""
    text = tmp_path / "story.txt"
    text.write_text(
        "Ganja opens a new railway station\n"
        "A new railway station opened in Ganja on Sunday, cutting the train journey to Baku to "
        "four hours.\nThe station was built by Azerbaijan Railways at a cost of 45 million "
        "manats.\nThe transport ministry said that six trains a day will run from July.\n",
        "utf-8",
    )
    result = await ingest(kb, str(text), local_files=True)
    assert result.drafted[0].draft.article.title == "Ganja opens a new railway station"
    html = await ingest(kb, str(DATA / "article.html"), local_files=True)
    assert html.drafted[0].draft.article.title == "Flood postpones the Baku book fair"
    assert len(draft_files.list_drafts(kb.knowledge_dir)) == 2


async def test_unreachable_url_is_refused(kb: KnowledgeBase, closed_port_url: str) -> None:
    """A URL where nothing answers is refused with a clear message, and nothing is drafted."""
    with pytest.raises(IngestError, match=r"cannot be reached"):
        await ingest(kb, closed_port_url)
    assert draft_files.list_drafts(kb.knowledge_dir) == []


async def test_non_article_page_is_refused(kb: KnowledgeBase, news_site: NewsSite) -> None:
    """A login page is not an article: refused, nothing drafted."""
    with pytest.raises(IngestError, match="does not look like a news article"):
        await ingest(kb, news_site.url("login.html"))
    assert draft_files.list_drafts(kb.knowledge_dir) == []


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("file:///etc/passwd", "not a web link"),
        ("ftp://127.0.0.1/news.txt", "not a web link"),
        ("/no/such/file.txt", "neither a web link nor a readable file"),
    ],
)
async def test_other_schemes_and_missing_files_are_refused(
    kb: KnowledgeBase, source: str, message: str
) -> None:
    """Only http(s) links and existing files are ingested."""
    with pytest.raises(IngestError, match=message):
        await ingest(kb, source, local_files=True)


async def test_wrong_content_type_missing_page_and_size_cap(news_site: NewsSite) -> None:
    """Images, 404s and oversized pages are refused by the fetcher."""
    with pytest.raises(IngestError, match="image/png, not a web page or a feed"):
        await fetch(news_site.url("logo.png"))
    with pytest.raises(IngestError, match="HTTP 404"):
        await fetch(news_site.url("missing.html"))
    with pytest.raises(IngestError, match="over the"):
        await fetch(news_site.url("huge.html"))
    with pytest.raises(IngestError, match="over the 1,000-byte limit"):
        await fetch(news_site.url("article.html"), max_bytes=1_000)
    followed = await fetch(news_site.url("moved"))
    assert followed.url == news_site.url("article.html")


async def test_pending_user_facts_still_approved_by_id(kb: KnowledgeBase) -> None:
    """A name that is no draft is looked up among the members' pending facts instead; when it
    is neither, the refusal names all it was looked for as."""
    assert await kb.find_draft("some-pending-fact") is None
    with pytest.raises(
        NotFound,
        match=r"^There is no draft file, draft fact or pending fact 'some-pending-fact' \(kb "
        r"drafts and kb pending list them\)\.$",
    ):
        await kb.review("some-pending-fact", OPERATOR, approve=True)


async def test_approval_never_rewrites_a_curated_file(
    kb: KnowledgeBase, news_site: NewsSite
) -> None:
    """A draft named like a hand-written knowledge file is approved under a new name."""
    await ingest(kb, news_site.url("article.html"))
    draft = only_draft(kb)
    curated = kb.knowledge_dir / draft.name
    curated.write_text("# curated by hand\nfacts:\n  - id: hand-made\n    answer: Kept.\n")
    await kb.reload(OPERATOR)
    await kb.review(draft.name, OPERATOR, approve=True)
    assert curated.read_text("utf-8").startswith("# curated by hand")
    assert (kb.knowledge_dir / f"{draft.path.stem}-2.yaml").is_file()
    assert "hand-made" in kb.matcher


def test_ingestion_never_imports_discord() -> None:
    """bot.ingest is Discord-free, like bot.core."""
    import subprocess
    import sys

    code = "import sys, bot.ingest.pipeline; assert 'discord' not in sys.modules"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


async def test_the_same_article_ingested_twice_at_once_is_drafted_once(
    kb: KnowledgeBase, news_site: NewsSite
) -> None:
    """A feed poll and a moderator's /kb ingest of one link, at the same moment: one draft."""
    url = news_site.url("article.html")
    first, second = await asyncio.gather(ingest(kb, url), ingest(kb, url))
    assert len(first.drafted) + len(second.drafted) == 1
    assert len(first.skipped) + len(second.skipped) == 1
    assert len(draft_files.list_drafts(kb.knowledge_dir)) == 1
