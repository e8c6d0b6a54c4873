"""The console chat: the Discord bot's commands at a terminal, on the same knowledge base.

Plain text is a question. After a "did you mean" list, a number asks that suggestion, the way
the buttons under a not-sure answer do on Discord.
"""

from __future__ import annotations

import asyncio
import shlex

from bot.core.actors import Actor
from bot.core.errors import NewsdeskError
from bot.core.loader import KnowledgeError
from bot.core.models import Decision
from bot.core.service import FactDraft, KnowledgeBase

from . import kb_commands, render

HELP = """\
Type a question, or one of:
  ask QUESTION          answer a question
  fact add              add a fact (you are asked for the answer, questions, tags, source)
  fact show ID          show a fact          fact search WORDS   find facts
  fact remove ID        remove a user fact   fact history ID     who changed a fact
  kb reload             re-read the knowledge directory
  kb stats              facts and questions, counted
  kb export             user-added facts as knowledge YAML
  kb drafts             drafts from articles waiting for review (python -m bot ingest ...)
  kb pending            members' facts waiting for approval
  kb approve FILE|ID    approve a draft file, a draft fact or a pending fact
  kb reject FILE|ID     reject one
  help                  this list            quit                leave (or Ctrl-D)
After a "did you mean" list, type its number to ask that question."""


async def _read(prompt: str) -> str | None:
    try:
        return await asyncio.to_thread(input, prompt)
    except EOFError:
        return None


class Console:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.actor = Actor.operator()
        self.suggestions: list[str] = []

    async def handle(self, line: str) -> str:
        line = line.strip()
        if line.isdigit() and self.suggestions:
            index = int(line) - 1
            if 0 <= index < len(self.suggestions):
                return await self.ask(self.suggestions[index])
        try:
            parts = shlex.split(line)
        except ValueError:
            parts = line.split()
        head = parts[0].lower() if parts else ""
        rest = parts[1:]
        if head in ("help", "?"):
            return HELP
        if head == "ask":
            return await self.ask(" ".join(rest))
        if head == "fact" and rest:
            return await self.fact(rest[0].lower(), rest[1:])
        if head == "kb" and rest:
            argument = " ".join(rest[1:]) or None
            return await kb_commands.run(self.kb, rest[0].lower(), argument, self.actor)
        return await self.ask(line)

    async def ask(self, question: str) -> str:
        result = await self.kb.ask(question, limit=3)
        self.suggestions = []
        if result.decision is Decision.SUGGEST:
            self.suggestions = [render.suggestion_text(m) for m in result.matches[:3]]
        return render.answer(result)

    async def fact(self, verb: str, args: list[str]) -> str:
        text = " ".join(args)
        match verb:
            case "add":
                return await self.add()
            case "show" if text:
                return render.fact(await self.kb.get_fact(text))
            case "remove" if text:
                return f"Removed {(await self.kb.remove_fact(text, self.actor)).id}."
            case "history" if text:
                return render.history(await self.kb.history(text))
            case "search" if text:
                matches = self.kb.search(text)
                return (
                    "\n".join(
                        f"{m.score:.2f}  {m.fact.id}: {render.suggestion_text(m)}" for m in matches
                    )
                    or "No facts match."
                )
        return (
            "Usage: fact add | fact show ID | fact remove ID | fact history ID | fact search WORDS"
        )

    async def add(self) -> str:
        answer = await _read("answer> ")
        if not answer or not answer.strip():
            return "Nothing added."
        questions: list[str] = []
        while True:
            question = await _read("question (empty line to finish)> ")
            if not question or not question.strip():
                break
            questions.append(question)
        tags = await _read("tags (comma-separated, optional)> ") or ""
        url = await _read("source URL (optional)> ") or ""
        draft = FactDraft(
            answer,
            tuple(questions),
            tuple(t for t in (t.strip() for t in tags.split(",")) if t),
            url.strip() or None,
        )
        fact = await self.kb.add_fact(draft, self.actor)
        return f"Added {fact.id}."


async def chat(kb: KnowledgeBase) -> int:
    """Run the console until quit or end of input."""
    console = Console(kb)
    print("newsdesk console. Ask a question, or type 'help'. 'quit' leaves.", flush=True)
    while True:
        line = await _read("you> ")
        if line is None or line.strip().lower() in ("quit", "exit", ":q"):
            print("bye", flush=True)
            return 0
        if not line.strip():
            continue
        try:
            reply = await console.handle(line)
        except KnowledgeError as exc:
            reply = render.knowledge_errors(exc) + "\nThe knowledge in service was not changed."
        except NewsdeskError as exc:
            reply = f"error: {exc}"
        print(reply, flush=True)
