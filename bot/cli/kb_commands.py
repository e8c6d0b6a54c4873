"""The ``kb`` commands as text, shared by the command line and the console chat."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from bot.core.actors import Actor
from bot.core.draft_files import DraftFile, describe
from bot.core.errors import InvalidInput
from bot.core.storage import StoreError, StoreUnsupported

from . import render

if TYPE_CHECKING:
    from bot.core.service import KnowledgeBase

USAGE = (
    "Usage: kb reload | kb stats | kb export | kb pending | kb drafts | "
    'kb approve FILE|ID | kb reject FILE|ID | kb backup FILE | kb teach "QUESTION" FACT_ID'
)
TEACH_USAGE = (
    'Usage: kb teach "QUESTION" FACT_ID (the question people asked, then the id of the fact '
    "that answers it)"
)


async def teach(kb: KnowledgeBase, question: str | None, fact_id: str | None, actor: Actor) -> str:
    """What ``kb teach "QUESTION" FACT_ID`` says; without both, the questions worth teaching."""
    if not question or not fact_id:
        found = await kb.questions_to_teach(guild_id=actor.guild_id, all_guilds=actor.is_operator)
        if not found:
            return TEACH_USAGE + "\nNo unanswered or 👎 questions are waiting to be taught."
        listed = "\n".join(f"  {q}" for q in found[:10])
        return f"{TEACH_USAGE}\nQuestions worth teaching (unanswered, or 👎):\n{listed}"
    fact = await kb.teach(question, fact_id, actor)
    return f"Taught {fact.id}: {question!r} is answered with it from now on."


def _update_notes(kb: KnowledgeBase, draft: DraftFile) -> dict[str, list[str]]:
    """ "this seems to update X (date): why" under each draft fact that seems to update a
    live fact, and how to confirm it."""
    return {
        fact_id: [f"{p.text()} (to confirm: uncomment its supersedes: line)" for p in found]
        for fact_id, found in kb.proposed_updates(draft.facts).items()
    }


async def run(kb: KnowledgeBase, verb: str, argument: str | None, actor: Actor) -> str:
    """What ``kb VERB [ARGUMENT]`` says; ``InvalidInput`` for a missing or bad argument."""
    match verb, argument:
        case "stats", _:
            return render.stats(await kb.stats(all_guilds=True))
        case "reload", _:
            return render.reload_report(await kb.reload(actor))
        case "export", _:
            return await kb.export_user_facts(guild_id=None)
        case "backup", str(target):
            path = Path(target)
            if await asyncio.to_thread(path.exists):
                raise InvalidInput(f"{path} already exists; give a new file name.")
            try:
                await kb.backup(path)
            except StoreUnsupported as exc:
                raise InvalidInput(f"{exc}.") from exc
            except StoreError as exc:
                raise InvalidInput(f"Cannot write the backup {path}: {exc}.") from exc
            return f"Backed up {kb.database} to {path}."
        case "pending", _:
            facts = await kb.pending(guild_id=None)
            return "\n\n".join(render.fact(f) for f in facts) or "No facts are waiting."
        case "drafts", _:
            found = await kb.drafts()
            listed = [describe(d, notes=_update_notes(kb, d)) for d in found]
            return "\n\n".join(listed) or "No drafts are waiting."
        case ("approve" | "reject") as action, str(target):
            outcome = await kb.review(target, actor, approve=action == "approve")
            return outcome.message.replace("`", "")
    raise InvalidInput(USAGE)
