"""Proposed, not guessed: a drafted article that updates a live fact carries the suggestion as a
comment; `kb drafts` says "this seems to update ..."; nothing is superseded until a moderator
uncomments it and approves; then the newer fact answers, with the older one as earlier."""

from __future__ import annotations

import re
from pathlib import Path

from bot.cli import kb_commands
from bot.core.actors import Actor
from bot.core.models import Decision
from bot.core.service import KnowledgeBase
from bot.ingest.pipeline import ingest

ARTICLE = """\
Third Azerbaijani man dies after Yekaterinburg raid

Three Azerbaijani men have now died in Russian custody after the Yekaterinburg raid, \
Azerbaijan's foreign ministry said on Monday. The third man had been held by Russian police \
since the raid and died in a hospital in Yekaterinburg. Baku repeated its demand for an \
independent international investigation into the deaths.
"""
TOLL = "how many azerbaijanis died in custody"
# The proposal names both earlier facts (in the order the matcher ranks them), each with the
# change seen.
SUGGESTION = re.compile(
    r"  # supersedes: \[(?:deaths-in-custody, yekaterinburg-raid|yekaterinburg-raid, "
    r"deaths-in-custody)\]  # seems to update .*\n"
)
CHANGES = (
    "deaths-in-custody (2025-06-27): the number changed (two -> three)",
    "yekaterinburg-raid (2025-06-27): the number changed (two -> three)",
)


async def best(kb: KnowledgeBase, question: str) -> tuple[str, list[str]]:
    result = await kb.ask(question, record=False)
    assert result.decision is Decision.ANSWER and result.best is not None, result
    return result.best.fact.id, [f.id for f in result.best.superseded]


async def test_ingest_proposes_the_update_and_approval_confirms_it(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    article = tmp_path / "third-death.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    operator = Actor.operator()
    result = await ingest(kb, str(article), local_files=True)
    (drafted,) = result.drafted
    text = drafted.path.read_text(encoding="utf-8")
    proposal = SUGGESTION.search(text)
    assert proposal is not None, text
    # The opening fact is named after the event it tells ("yekaterinburg-raid-2": the earlier
    # fact has the plain name), and the proposal sits under its id.
    new_id = re.findall(r"- id: (\S+)\n", text[: proposal.start()])[-1]
    assert new_id.startswith("yekaterinburg-raid"), new_id
    assert text[: proposal.start()].endswith(f"- id: {new_id}\n")
    assert text[proposal.end() :].startswith("  answer: Three Azerbaijani men")
    assert all(change in proposal.group() for change in CHANGES)
    # Only the fact that states a changed toll gets a suggestion.
    assert text.count("# supersedes:") == 1

    listing = await kb_commands.run(kb, "drafts", None, operator)
    assert (
        "    this seems to update deaths-in-custody (2025-06-27): the number changed "
        "(two -> three) (to confirm: uncomment its supersedes: line)"
    ) in listing

    # Proposed only: the two deaths are still the answer.
    assert await best(kb, TOLL) == ("deaths-in-custody", [])

    # The moderator keeps the first suggestion (uncommented), and approves that fact.
    confirmed = text.replace(proposal.group(), "  supersedes: [deaths-in-custody]\n")
    drafted.path.write_text(confirmed, encoding="utf-8")
    outcome = await kb.review(new_id, operator, approve=True)
    assert outcome.fact_ids == (new_id,)

    assert await best(kb, TOLL) == (new_id, ["deaths-in-custody"])
    assert await best(kb, "who died in yekaterinburg") == (new_id, ["deaths-in-custody"])
    # The suggestion not kept changed nothing: the raid fact is not replaced (the new
    # article's own facts may now stand beside it as suggestions).
    raid = await kb.ask("what happened in yekaterinburg", record=False)
    assert "yekaterinburg-raid" in [m.fact.id for m in raid.matches]
    assert all(not m.superseded for m in raid.matches if m.fact.id == "yekaterinburg-raid")
