"""Member facts and taught questions written out as a knowledge YAML file (``kb export``),
for curating into ``knowledge/``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import yaml

from bot.core.fact_ids import MEMBER_PREFIX
from bot.core.models import Fact, Origin
from bot.core.same_question import question_key

_HEADER = (
    "# Facts added by users, exported for curation into knowledge/.\n"
    "# Check each answer against its source before moving it into a knowledge file.\n"
)


def export_yaml(
    members: Iterable[Fact],
    taught: Mapping[str, tuple[str, ...]],
    live_fact: Callable[[str], Fact | None],
) -> str:
    """``members`` as a knowledge YAML file ready for curation, with the questions taught to
    them; questions taught to knowledge-file facts (looked up with ``live_fact``) follow as a
    commented "taught questions" section, to copy into their files."""
    entries = [_entry(fact, taught.get(fact.id, ())) for fact in members]
    body = yaml.safe_dump({"facts": entries}, sort_keys=False, allow_unicode=True, width=100)
    return _HEADER + body + _taught_file_questions(taught, live_fact)


def _entry(fact: Fact, taught: tuple[str, ...]) -> dict[str, object]:
    # Without "member-": the export is for moving facts into knowledge files.
    entry: dict[str, object] = {
        "id": fact.id.removeprefix(MEMBER_PREFIX),
        "answer": fact.answer,
    }
    questions = [*fact.questions, *_not_its_own(fact, taught)]
    if questions:
        entry["questions"] = questions
    if fact.tags:
        entry["tags"] = list(fact.tags)
    if fact.supersedes:
        entry["supersedes"] = [i.removeprefix(MEMBER_PREFIX) for i in fact.supersedes]
    if fact.date:
        entry["date"] = fact.date.isoformat()
    if fact.source and not fact.source.is_empty():
        entry["source"] = {k: v for k, v in fact.source.as_dict().items() if v is not None}
    if fact.language != "en":
        entry["language"] = fact.language
    if fact.translations:
        entry["translations"] = {
            t.language: {
                "answer": t.answer,
                **({"questions": list(t.questions)} if t.questions else {}),
            }
            for t in fact.translations
        }
    return entry


def _not_its_own(fact: Fact, taught: tuple[str, ...]) -> tuple[str, ...]:
    """The taught questions ``fact`` does not hold of its own: once copied into its file (as
    the export asks) or its questions edited to hold one, a question is not to be copied
    again."""
    own = {question_key(q) for q in fact.questions}
    return tuple(q for q in taught if question_key(q) not in own)


def _taught_file_questions(
    taught: Mapping[str, tuple[str, ...]], live_fact: Callable[[str], Fact | None]
) -> str:
    """The questions taught to knowledge-file facts, as YAML comments by file and fact."""
    lines: list[str] = []
    for fact_id, questions in sorted(taught.items()):
        fact = live_fact(fact_id)
        if fact is None or fact.origin is not Origin.FILE:
            continue
        questions = _not_its_own(fact, questions)
        if not questions:
            continue
        lines.append(f"#   {fact_id}  ({fact.file}):")
        for question in questions:
            dumped = yaml.safe_dump([question], allow_unicode=True, width=10_000).strip()
            lines.append(f"#     {dumped}")
    if not lines:
        return ""
    return (
        "\n# Taught questions of knowledge-file facts (kb teach): copy each under its fact's\n"
        "# `questions:` in that file, then reload.\n" + "\n".join(lines) + "\n"
    )


def has_taught_file_questions(
    taught: Mapping[str, tuple[str, ...]], live_fact: Callable[[str], Fact | None]
) -> bool:
    """Whether questions were taught to a live knowledge-file fact (an export lists them)."""
    return any(
        (fact := live_fact(fact_id)) is not None
        and fact.origin is Origin.FILE
        and _not_its_own(fact, questions)
        for fact_id, questions in taught.items()
    )
