"""How the knowledge service starts: what it does with the knowledge folder (``StartMode``)
and what it tells the operator when what it serves is not simply the stored folder.
"""

from __future__ import annotations

import logging
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from bot.core.errors import NewsdeskError
from bot.core.knowledge_errors import KnowledgeError

if TYPE_CHECKING:
    # Named by the commands before any index exists (``StartMode``): the index, and its
    # matcher and word lists, are loaded by whoever builds one.
    from bot.core.served_index import ServedIndex

# The service's own logger, as before it was split up: operators' log filters name it.
log = logging.getLogger("bot.core.service")


class StartMode(StrEnum):
    """What ``KnowledgeBase.open`` does with the knowledge directory."""

    # Store the directory's facts if they changed since they were stored, then serve them:
    # the bot's start.
    RELOAD = "reload"
    # Serve what the database holds and never write it (a database that never had knowledge
    # stored answers from the directory, in memory): the commands that only read.
    SERVE_STORED = "serve-stored"
    # Answer from the directory's facts in memory, beside the stored member facts, without
    # storing them: a look at another knowledge directory.
    PREVIEW = "preview"
    # Serve what the database holds and nothing else: the commands that change knowledge
    # (their own action reads the directory when it needs it, e.g. `kb reload`).
    STORED_ONLY = "stored-only"


async def start(index: ServedIndex, knowledge_dir: Path, mode: StartMode) -> str | None:
    """Bring ``index`` into service as ``mode`` says; the one line for the operator when what
    is served is not simply the stored directory (it changed since it was stored, or was never
    stored), None when all is as expected."""
    stored = await index.read_stored_state()
    folder = f"{knowledge_dir.name}/"
    notice: str | None = None
    if mode is StartMode.RELOAD:
        # What is stored first (it stays in service if the files cannot be brought in),
        # then the files, as a moderator's reload would: only changed ones are parsed.
        await index.serve_stored()
        if await index.directory_unchanged():
            log.info("%s unchanged since it was stored: %d facts", folder, len(index.matcher))
        else:
            await _reload_at_start(index)
        # The bot may run for weeks: save the index now, not only at a clean exit.
        await index.save_snapshot()
    elif mode is StartMode.STORED_ONLY:
        await index.serve_stored()
    elif stored is None:
        # Nothing was ever stored (a new user's first question): answer from the files,
        # in memory only.
        try:
            await index.preview()
        except (KnowledgeError, NewsdeskError) as exc:
            if mode is StartMode.PREVIEW:
                raise
            log.error("%s not read, serving the stored facts: %s", folder, exc)
            notice = f"{folder} cannot be read; `kb validate` says why"
            await index.serve_stored()
        else:
            notice = (
                f"{folder} is not stored in the database yet, so it was read for this "
                "answer only; `kb reload` (or `run`) stores it"
            )
    elif await index.directory_unchanged():
        await index.serve_stored()
    elif mode is StartMode.PREVIEW:
        await index.preview()
    else:
        await index.serve_stored()
        if stored.signature is None:
            notice = (
                f"{folder} may have changed since it was last loaded; `kb reload` brings "
                "any changes in"
            )
        else:
            notice = f"{folder} changed since it was last loaded; `kb reload` brings the changes in"
    # From here on the index is the running service's (see ``ServedIndex.started``).
    index.started = True
    return notice


async def _reload_at_start(index: ServedIndex) -> None:
    """Store the knowledge directory and serve it; if it cannot be, keep what is stored."""
    try:
        report = await index.reload("startup")
    except (KnowledgeError, NewsdeskError) as exc:
        log.error("knowledge not reloaded at start, serving the stored facts: %s", exc)
    else:
        log.info(
            "knowledge loaded: %d facts (+%d ~%d -%d)",
            report.total,
            len(report.added),
            len(report.changed),
            len(report.removed),
        )
