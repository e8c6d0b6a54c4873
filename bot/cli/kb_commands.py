"""The ``kb`` commands as text, shared by the command line and the console chat."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.core.actors import Actor
from bot.core.draft_files import DraftFile, describe
from bot.core.errors import InvalidInput
from bot.core.storage import StoreError, StoreUnsupported
from bot.ui.limits import clip

from . import render

if TYPE_CHECKING:
    from bot.core.service import KnowledgeBase

USAGE = (
    "Usage: kb reload | kb stats | kb export | kb pending | kb drafts | "
    'kb approve FILE|ID | kb reject FILE|ID | kb backup FILE | kb teach "QUESTION" FACT_ID | '
    'kb unteach "QUESTION" [FACT_ID]'
)
# ``kb export`` with nothing to export: its YAML (``facts: []``) is still printed for scripts,
# and this says why it is empty (on stderr at the command line; alone in the console chat).
EMPTY_EXPORT = (
    "Nothing to export: members have added no facts, and no questions were taught to "
    "knowledge-file facts."
)
TEACH_USAGE = (
    'Usage: kb teach "QUESTION" FACT_ID (the question people asked, then the id of the fact '
    "that answers it)"
)


async def teach(kb: KnowledgeBase, given: Sequence[str], actor: Actor) -> str:
    """What ``kb teach QUESTION FACT_ID`` says, ``given`` being what was typed after ``teach``
    (quoted or not; the fact id may also come first); without both, what to teach next."""
    question, fact_id = _question_and_fact(kb, given, actor, kb.names_live_fact)
    if not question:
        return await _worth_teaching(kb, actor)
    if fact_id is None:
        return _facts_for(kb, question, actor)
    return (await kb.teach(question, fact_id, actor)).sentence()


UNTEACH_USAGE = (
    'Usage: kb unteach "QUESTION" [FACT_ID] (a question taught with kb teach; the fact id '
    "only when it was taught to several facts)"
)


async def unteach(kb: KnowledgeBase, given: Sequence[str], actor: Actor) -> str:
    """What ``kb unteach QUESTION [FACT_ID]`` says (typed as for ``kb teach``); without a
    question, the taught questions that may be taken back."""

    def live_or_taught(typed: str, actor: Actor) -> bool:
        # A fact a reload removed still has its taught questions to take back.
        return kb.names_live_fact(typed, actor) or kb.names_taught_fact(typed, actor)

    question, fact_id = _question_and_fact(kb, given, actor, live_or_taught)
    if not question:
        return _taught_list(kb, actor, fact_id)
    return (await kb.unteach(question, fact_id, actor)).sentence()


# How many taught questions ``kb unteach`` lists when no fact is named.
_LISTED = 50


def _taught_list(kb: KnowledgeBase, actor: Actor, fact_id: str | None) -> str:
    if fact_id is None:
        found = kb.taught_to_take_back(actor=actor, limit=_LISTED)
    else:
        # Every question of the fact named, however many are taught in all.
        named = fact_id.strip().lower()
        found = [(q, named) for q in kb.taught_questions(named)]
    if not found:
        return UNTEACH_USAGE + "\nNo taught questions to take back."
    listed = "\n".join(f"  {q}  ({i}{_gone(kb, i, actor)})" for q, i in found)
    return f"{UNTEACH_USAGE}\nTaught questions (with their fact):\n{listed}"


def _gone(kb: KnowledgeBase, fact_id: str, actor: Actor) -> str:
    # A knowledge-file fact a reload removed keeps its taught questions until taken back.
    return "" if kb.names_live_fact(fact_id, actor) else ", no longer in the knowledge"


# A fact id as typed: lower-case words joined by hyphens ("crisis-escalating"), no spaces.
_ID_SHAPE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")


def _question_and_fact(
    kb: KnowledgeBase,
    given: Sequence[str],
    actor: Actor,
    is_fact_id: Callable[[str, Actor], bool],
) -> tuple[str, str | None]:
    """The question and the fact id in what was typed after ``kb teach`` (or ``unteach``):
    the id is its last word (or its first, typed the other way round) when ``is_fact_id``
    says it names a fact; or, shaped like an id, when it nearly names one or follows the
    question quoted whole (a typo, reported as such with the ids it resembles). Else every word
    is the question: in ``kb teach what is the s-400`` the hyphenated word is the question's,
    like no fact id."""
    typed = [w for w in (w.strip() for w in given) if w]

    def names_fact(word: str) -> bool:
        return is_fact_id(word, actor)

    if len(typed) < 2:
        # A fact id alone: the question is missing, and the list says which to teach.
        return ("", typed[0]) if typed and names_fact(typed[0]) else (" ".join(typed), None)

    first, last = typed[0], typed[-1]
    if names_fact(last):
        return " ".join(typed[:-1]), last
    if names_fact(first):
        return " ".join(typed[1:]), first
    if _ID_SHAPE.match(last.lower()) and (
        _quoted_question(typed) or kb.similar_fact_ids(last, guild_id=actor.guild_id)
    ):
        return " ".join(typed[:-1]), last
    return " ".join(typed), None


def _quoted_question(typed: Sequence[str]) -> bool:
    """Whether the question came quoted as one argument, set apart from what follows it
    (``kb teach "what is the s-400" s-400-deal``): what follows is then meant as the id."""
    return len(typed) == 2 and " " in typed[0]


async def _worth_teaching(kb: KnowledgeBase, actor: Actor) -> str:
    found = await kb.questions_to_teach(guild_id=actor.guild_id, all_guilds=actor.is_operator)
    if not found:
        return TEACH_USAGE + "\nNo unanswered or 👎 questions are waiting to be taught."
    # Each with the fact that comes closest, as the fact option of /kb teach offers it first:
    # the moderator checks that one before looking for another.
    listed = []
    for question in found[:10]:
        close = kb.search(question, guild_id=actor.guild_id, limit=1)
        listed.append(f"  {question}" + (f"  (closest: {close[0].fact.id})" if close else ""))
    return f"{TEACH_USAGE}\nQuestions worth teaching (unanswered, or 👎):\n" + "\n".join(listed)


def _facts_for(kb: KnowledgeBase, question: str, actor: Actor) -> str:
    """For a question given without a fact id: the facts that come closest to it."""
    close = kb.search(question, guild_id=actor.guild_id, limit=3)
    if not close:
        return (
            f"Which fact answers {question!r}? None comes close; find one with fact search "
            f'WORDS, then: kb teach "{question}" FACT_ID'
        )
    listed = "\n".join(f"  {m.fact.id}: {clip(m.fact.answer, 90)}" for m in close)
    return (
        f"Which fact answers {question!r}? The closest:\n{listed}\n"
        f'Teach one: kb teach "{question}" {close[0].fact.id}'
    )


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
            if not kb.has_export(None, all_guilds=True):
                return EMPTY_EXPORT
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
