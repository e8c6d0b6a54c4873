"""A fact's translations as both backends keep them: one JSON text column, like its questions.

A list (not a mapping by language) so that the order the knowledge file gave comes back as it
went in: a reload compares what it reads with what is stored, order included.
"""

from __future__ import annotations

import json

from bot.core.models import Translation


def dump_translations(translations: tuple[Translation, ...]) -> str:
    return json.dumps(
        [
            {"language": t.language, "answer": t.answer, "questions": list(t.questions)}
            for t in translations
        ],
        ensure_ascii=False,
    )


def load_translations(text: str | None) -> tuple[Translation, ...]:
    """The translations stored as ``text``; none for a row written before they were kept."""
    if not text:
        return ()
    return tuple(
        Translation(str(item["language"]), str(item["answer"]), tuple(item.get("questions", ())))
        for item in json.loads(text)
    )
