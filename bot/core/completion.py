"""Autocomplete: questions from the fact base that fit what someone has typed so far.

What was typed is asked as a question (its last word, if half-typed, completed first), and
the questions of the facts it finds are offered; with nothing typed, or nothing found, the
first question of the first facts visible is offered instead.

It reads the index through what it is handed: the matcher's ``ask``, its facts in index order,
and its vocabulary (the words seen, by first letter and length, the term each became, and
in how many facts each term is), so that the matcher keeps its own state.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from bot.core.folding import words
from bot.core.models import AskResult, Fact

# How many of a found fact's questions are offered, and how much of an answer is offered for a
# fact with no questions (Discord shows at most 100 characters of a choice).
_QUESTIONS_PER_FACT = 3
_ANSWER_CHARS = 95


class Asker(Protocol):
    """The matcher's ``ask``, as autocomplete calls it."""

    def __call__(self, question: str, *, limit: int, guild_id: int | None) -> AskResult: ...


def complete(
    prefix: str,
    *,
    ask: Asker,
    facts: Iterable[Fact],
    surface: Mapping[str, str],
    vocabulary: Mapping[tuple[str, int], Iterable[str]],
    df: Mapping[str, int],
    limit: int = 25,
    guild_id: int | None = None,
) -> list[str]:
    """Questions from the fact base that fit ``prefix``, at most ``limit``.

    The last word may be half-typed ("why was the ambas"): it is completed to the most
    common indexed word it begins. ``facts`` is read lazily: it stops after ``limit``
    visible facts with questions, not at the end of 100,000.
    """
    typed = words(prefix)
    suggestions = _complete_typed(typed, prefix, ask, surface, vocabulary, df, limit, guild_id)
    if suggestions:
        return suggestions
    out = []
    for fact in facts:
        if fact.questions and fact.visible_in(guild_id):
            out.append(fact.questions[0])
            if len(out) >= limit:
                break
    return out


def _complete_typed(
    typed: list[str],
    prefix: str,
    ask: Asker,
    surface: Mapping[str, str],
    vocabulary: Mapping[tuple[str, int], Iterable[str]],
    df: Mapping[str, int],
    limit: int,
    guild_id: int | None,
) -> list[str]:
    if not typed:
        return []
    if not prefix[-1:].isspace():
        completed = complete_word(typed[-1], surface, vocabulary, df)
        if completed is not None:
            typed[-1] = completed
    result = ask(" ".join(typed), limit=limit, guild_id=guild_id)
    out: list[str] = []
    for match in result.matches:
        offered = match.fact.questions[:_QUESTIONS_PER_FACT] or (match.fact.answer[:_ANSWER_CHARS],)
        for question in offered:
            if question not in out:
                out.append(question)
    return out[:limit]


def complete_word(
    partial: str,
    surface: Mapping[str, str],
    vocabulary: Mapping[tuple[str, int], Iterable[str]],
    df: Mapping[str, int],
) -> str | None:
    """The indexed word of the most facts that starts with ``partial``, or None when
    ``partial`` is a word already (or too short to tell, or begins none).

    ``surface`` maps each word seen to the term it became, ``vocabulary`` holds the same words
    by (first letter, length), and ``df`` says in how many facts each term is."""
    if len(partial) < 2 or partial in surface:
        return None
    best: str | None = None
    best_df = 0
    first = partial[:1]
    for (letter, length), bucket in vocabulary.items():
        if letter != first or length < len(partial):
            continue
        for word in bucket:
            if word.startswith(partial):
                count = df.get(surface[word], 0)
                if count > best_df:
                    best, best_df = word, count
    return best
