"""The console chat: the Discord bot's commands at a terminal, on the same knowledge base.

Plain text is a question. After a "did you mean" list, a number asks that suggestion, the way
the buttons under a not-sure answer do on Discord.

The chat loop is synchronous and reads lines on the main thread: GNU readline (arrow keys,
history) and Ctrl-C only work there. Each command runs to completion on the event loop of an
``asyncio.Runner`` kept for the whole session, so the knowledge base's background work (the
statistics writer) carries on from one command to the next.
"""

from __future__ import annotations

import asyncio
import contextlib
import shlex
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from bot.core.actors import Actor
from bot.core.errors import NewsdeskError
from bot.core.folding import words
from bot.core.knowledge_errors import KnowledgeError
from bot.core.models import Decision
from bot.core.service import MAX_ASK_CHARS, FactInput, KnowledgeBase

from . import kb_commands, render

HELP = """\
Type a question, or one of:
  ask QUESTION          answer a question
  latest [TOPIC]        the newest facts first, grouped by day (on a topic)
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
  kb teach "QUESTION" ID  answer QUESTION with fact ID from now on (kb teach alone: what to teach)
  kb unteach "QUESTION"   take back a taught question (kb unteach alone: the taught ones)
  help                  this list            quit                leave (or Ctrl-D)
After a "did you mean" list, type its number to ask that question.
Up and down arrows recall earlier lines. Ctrl-C clears the line you are typing (or stops the
command that is running) and gives a fresh prompt; it does not leave: type quit or press
Ctrl-D."""

WELCOME = "newsdesk console. Ask a question, or type 'help'. 'quit' leaves."
CTRL_C_HINT = "(Ctrl-C clears the line; type 'quit' or press Ctrl-D to leave)"
QUIT_WORDS = ("quit", "exit", ":q")
HISTORY_LENGTH = 1_000
FACT_USAGE = "Usage: fact add | fact show ID | fact remove ID | fact history ID | fact search WORDS"

Reader = Callable[[str], "str | None"]


def read_line(prompt: str) -> str | None:
    """A line typed at ``prompt``, or None at the end of input (Ctrl-D)."""
    try:
        return input(prompt)
    except EOFError:
        return None


class Console:
    """What one line typed at the console does; asks reach the knowledge base only when
    there is a question to ask."""

    def __init__(self, kb: KnowledgeBase, runner: asyncio.Runner, read: Reader = read_line) -> None:
        self.kb = kb
        self.actor = Actor.operator()
        self.suggestions: list[str] = []
        self._runner = runner
        self._read = read

    def handle(self, line: str) -> str:
        # What was written meanwhile by other processes (the CLI in another terminal, a
        # running bot) is answered too.
        self._runner.run(self.kb.catch_up())
        line = line.strip()
        if line.isascii() and line.isdigit():
            return self.pick(int(line))
        try:
            parts = shlex.split(line)
        except ValueError:
            parts = line.split()
        head = parts[0].lower() if parts else ""
        rest = parts[1:]
        if head in ("help", "?"):
            return HELP
        if head == "ask":
            question = " ".join(rest)
            if not question.strip():
                return "ask what? type a question after ask"
            return self.ask(question)
        if head == "latest":
            return render.latest(self.kb.latest(" ".join(rest) or None, limit=20))
        if head == "fact":
            return self.fact(rest[0].lower(), rest[1:]) if rest else FACT_USAGE
        if head == "kb":
            if not rest:
                return kb_commands.USAGE
            if rest[0].lower() == "teach":
                return self._runner.run(kb_commands.teach(self.kb, rest[1:], self.actor))
            if rest[0].lower() == "unteach":
                return self._runner.run(kb_commands.unteach(self.kb, rest[1:], self.actor))
            argument = " ".join(rest[1:]) or None
            return self._runner.run(kb_commands.run(self.kb, rest[0].lower(), argument, self.actor))
        return self.ask(line)

    def pick(self, number: int) -> str:
        """Ask suggestion ``number`` of the last "did you mean" list."""
        count = len(self.suggestions)
        if not count:
            return (
                "there is no list of suggestions to pick from: a number picks from the "
                "'did you mean' list shown after a question"
            )
        if not 1 <= number <= count:
            choices = "1" if count == 1 else f"1–{count}"
            return f"there is no suggestion {number}: pick {choices}"
        return self.ask(self.suggestions[number - 1])

    def ask(self, question: str) -> str:
        result = self._runner.run(self.kb.ask(question, limit=3))
        self.suggestions = []
        if result.decision is Decision.SUGGEST:
            self.suggestions = [render.suggestion_text(m) for m in result.matches[:3]]
        reply = render.answer(result)
        if result.truncated:
            reply = f"(Only the first {MAX_ASK_CHARS} characters were read.)\n{reply}"
        return reply

    def fact(self, verb: str, args: list[str]) -> str:
        text = " ".join(args)
        run = self._runner.run
        match verb:
            case "add":
                return self.add()
            case "show" if text:
                return render.fact(run(self.kb.get_fact(text)))
            case "remove" if text:
                return f"Removed {run(self.kb.remove_fact(text, self.actor)).id}."
            case "history" if text:
                return render.history(run(self.kb.history(text)))
            case "search" if text:
                matches = self.kb.search(text)
                return (
                    "\n".join(
                        f"{m.score:.2f}  {m.fact.id}: {render.suggestion_text(m)}" for m in matches
                    )
                    or "No facts match."
                )
        return FACT_USAGE

    def add(self) -> str:
        answer = self._read("answer> ")
        if not answer or not words(answer):
            return "Nothing added."
        questions: list[str] = []
        while True:
            question = self._read("question (empty line to finish)> ")
            if not question or not question.strip():
                break
            questions.append(question)
        tags = self._read("tags (comma-separated, optional)> ") or ""
        url = self._read("source URL (optional)> ") or ""
        draft = FactInput(
            answer,
            tuple(questions),
            tuple(t for t in (t.strip() for t in tags.split(",")) if t),
            url.strip() or None,
        )
        fact = self._runner.run(self.kb.add_fact(draft, self.actor))
        hints = render.update_hints(self.kb.proposed_updates([fact]).get(fact.id, []), "  ")
        return "\n".join([f"Added {fact.id}.", *hints])


@contextlib.contextmanager
def line_editing(history_file: Path | None) -> Iterator[None]:
    """Arrow keys, editing and a history at a terminal, with GNU readline as the Python shell
    has them. The history file is a convenience: failing to read or write it changes nothing."""
    if not sys.stdin.isatty():
        yield
        return
    try:
        import readline
    except ImportError:  # a Python built without it: plain input still works
        yield
        return
    readline.set_history_length(HISTORY_LENGTH)
    if history_file is not None:
        with contextlib.suppress(OSError):
            readline.read_history_file(history_file)
    try:
        yield
    finally:
        if history_file is not None:
            with contextlib.suppress(OSError):
                readline.write_history_file(history_file)


def chat(
    kb: KnowledgeBase,
    runner: asyncio.Runner,
    *,
    history_file: Path | None = None,
    read: Reader = read_line,
) -> int:
    """Run the console until quit or end of input."""
    console = Console(kb, runner, read)
    with line_editing(history_file):
        print(WELCOME, flush=True)
        while True:
            try:
                line = read("you> ")
                if line is None or line.strip().lower() in QUIT_WORDS:
                    print("bye", flush=True)
                    return 0
                if not line.strip():
                    continue
                print(_reply(console, line), flush=True)
            except KeyboardInterrupt:
                # Like a shell: drop the line (or the command) and prompt again.
                print(f"\n{CTRL_C_HINT}", flush=True)


def _reply(console: Console, line: str) -> str:
    try:
        return console.handle(line)
    except KnowledgeError as exc:
        return render.knowledge_errors(exc) + "\nThe knowledge in service was not changed."
    except NewsdeskError as exc:
        return f"error: {exc}"
