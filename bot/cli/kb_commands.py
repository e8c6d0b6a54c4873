"""The ``kb`` commands as text, shared by the command line and the console chat."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.core.actors import Actor
from bot.core.draft_files import describe
from bot.core.errors import InvalidInput
from bot.core.service import KnowledgeBase
from bot.core.storage import StoreError, StoreUnsupported

from . import render

USAGE = (
    "Usage: kb reload | kb stats | kb export | kb pending | kb drafts | "
    "kb approve FILE|ID | kb reject FILE|ID | kb backup FILE"
)


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
            return "\n\n".join(describe(d) for d in found) or "No drafts are waiting."
        case ("approve" | "reject") as action, str(target):
            outcome = await kb.review(target, actor, approve=action == "approve")
            return outcome.message.replace("`", "")
    raise InvalidInput(USAGE)
