"""A fact's translations as both backends keep them: one JSON text column, like its questions.

A list (not a mapping by language) so that the order the knowledge file gave comes back as it
went in: a reload compares what it reads with what is stored, order included.
"""

from __future__ import annotations

import json

from bot.core.models import Fact, Translation


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


def stale_translations(
    new: dict[str, Fact],
    old: dict[str, str | None],
    old_languages: dict[str, tuple[str, str]],
    digests: dict[str, str],
) -> list[tuple[str, tuple[str, str]]]:
    """(id, (language, translations)) of the unchanged file facts whose stored language or
    translations differ from their file's: rows stored before the store kept them (their
    digests already counted the translations), brought up to date without an audit entry or a
    new ``live_since``, as nothing about them changed for a reader of the file."""
    out = []
    for fid in new.keys() & old.keys():
        if digests[fid] != old[fid]:
            continue
        wanted = (new[fid].language, dump_translations(new[fid].translations))
        if old_languages[fid] != wanted:
            out.append((fid, wanted))
    return out
