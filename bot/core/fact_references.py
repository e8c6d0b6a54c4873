"""Checks across a knowledge base's facts: ids used twice, ``related`` and ``supersedes`` ids
that name no fact, and facts that come to supersede themselves through a chain."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from bot.core.knowledge_errors import LocatedError
from bot.core.models import Fact


def check_cross_references(facts: list[Fact]) -> list[LocatedError]:
    """Duplicate ids across files, ``related`` and ``supersedes`` ids that name no fact, and
    facts that supersede themselves through a chain (a cycle)."""
    errors: list[LocatedError] = []
    first: dict[str, Fact] = {}
    for fact in facts:
        earlier = first.get(fact.id)
        if earlier is not None:
            errors.append(
                LocatedError(
                    fact.file or "?",
                    fact.line,
                    f"duplicate id, already used in {earlier.file}:{earlier.line}",
                    fact.id,
                )
            )
        else:
            first[fact.id] = fact
    for fact in facts:
        for field, named in (("related", fact.related), ("supersedes", fact.supersedes)):
            errors.extend(
                LocatedError(
                    fact.file or "?", fact.line, f"'{field}' names unknown id '{other}'", fact.id
                )
                for other in named
                if other not in first
            )
    errors.extend(_supersession_cycles(first))
    return errors


def supersession_cycle(start: str, supersedes: Callable[[str], Iterable[str]]) -> list[str] | None:
    """The chain by which ``start`` comes to supersede itself (``[start, ..., start]``), or
    None. ``supersedes(id)`` gives the ids a fact replaces (none for an unknown id)."""
    parent: dict[str, str] = {}
    stack = [start]
    while stack:
        current = stack.pop()
        for following in supersedes(current):
            if following == start:
                back = [current]
                while back[-1] != start:
                    back.append(parent[back[-1]])
                return [*reversed(back), start]
            if following not in parent:
                parent[following] = current
                stack.append(following)
    return None


def _supersession_cycles(facts: dict[str, Fact]) -> list[LocatedError]:
    """One located error per fact on a supersession cycle (A supersedes B supersedes A)."""
    errors: list[LocatedError] = []

    def replaced(fact_id: str) -> tuple[str, ...]:
        fact = facts.get(fact_id)
        return fact.supersedes if fact is not None else ()

    for fact in facts.values():
        if not fact.supersedes:
            continue
        cycle = supersession_cycle(fact.id, replaced)
        if cycle is not None:
            errors.append(
                LocatedError(
                    fact.file or "?",
                    fact.line,
                    "'supersedes' makes a cycle: " + " -> ".join(cycle),
                    fact.id,
                )
            )
    return errors
