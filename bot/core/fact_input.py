"""What a person types for a fact, checked and tidied before anything is stored.

Pure functions and one value type: no store, no index. The cogs, the CLI and the knowledge
service share them, so a fact added from Discord and one added from a terminal are held to the
same limits and read the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.core.errors import InvalidInput
from bot.core.fact_caps import (
    MAX_ANSWER_CHARS,
    MAX_QUESTION_CHARS,
    MAX_SUPERSEDES_PER_FACT,
    MAX_TAGS_PER_FACT,
)
from bot.core.filler_words import STOPWORDS
from bot.core.folding import words
from bot.core.language import LANGUAGES, detect, lower, stopwords
from bot.core.links import NotAWebLink, web_link
from bot.core.models import Fact, Translation

_PUNCTUATION = ".,;:!?\"'()«»—-"

# Phrasings a member's fact may carry: a curator's file may hold more (the loader's cap).
MAX_MEMBER_QUESTIONS = 10


def parse_day(text: str) -> dt.date:
    """A date written like 2025-07-01, or ``InvalidInput`` saying how to write one."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"'{text.strip()}' is not a date: write it like 2025-07-01.") from None


def parse_ids(text: str) -> tuple[str, ...]:
    """Fact ids from a comma- or space-separated list ("a, b c")."""
    return tuple(dict.fromkeys(i for i in re.split(r"[\s,]+", text.strip().lower()) if i))


@dataclass(frozen=True, slots=True)
class FactInput:
    """What a person supplies when adding or editing a fact."""

    answer: str
    questions: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    source_url: str | None = None
    source_title: str | None = None
    date: dt.date | None = None
    """When the event happened; None: today for a new fact, unchanged for an edit."""
    supersedes: tuple[str, ...] | None = None
    """Ids of the facts this one replaces; None: none for a new fact, unchanged for an edit."""
    language: str | None = None
    """The language ``answer`` and ``questions`` are written in ("en", "ru", "az"); None: the
    one they read as (``bot.core.language.detect``). Editing a fact in another language than
    its own gives it a translation in that language (see ``KnowledgeBase.edit_fact``)."""


def tidy(text: str) -> str:
    """``text`` on one line: runs of spaces and line breaks made one space, ends trimmed."""
    return " ".join(text.split())


def asked_question(text: str, *, asked: str) -> str:
    """``text`` tidied, or ``InvalidInput`` when it holds no word ("?!", spaces): one rule for
    a question taught and one taken back, ``asked`` saying which question was wanted ("the
    question people asked")."""
    question = tidy(text)
    if not words(question):
        raise InvalidInput(f"The question is empty: give {asked}.")
    return question


def validate_fact_input(draft: FactInput) -> FactInput:
    """The draft with whitespace tidied, or ``InvalidInput`` saying what is wrong."""
    answer = tidy(draft.answer)
    if not words(answer):
        raise InvalidInput("The answer is empty: write the fact in a sentence or two.")
    if len(answer) > MAX_ANSWER_CHARS:
        raise InvalidInput(
            f"The answer is {len(answer)} characters long; the limit is {MAX_ANSWER_CHARS}."
        )
    questions = tuple(dict.fromkeys(q for q in (tidy(q) for q in draft.questions) if q))
    if len(questions) > MAX_MEMBER_QUESTIONS:
        raise InvalidInput(f"At most {MAX_MEMBER_QUESTIONS} questions per fact.")
    for question in questions:
        if len(question) > MAX_QUESTION_CHARS:
            raise InvalidInput(f"Questions are limited to {MAX_QUESTION_CHARS} characters each.")
    tags = tuple(dict.fromkeys(t for t in (tidy(t).lower() for t in draft.tags) if t))
    if len(tags) > MAX_TAGS_PER_FACT or any(len(t) > 50 for t in tags):
        raise InvalidInput(f"At most {MAX_TAGS_PER_FACT} tags of up to 50 characters each.")
    url = (draft.source_url or "").strip() or None
    if url is not None:
        try:
            url = web_link(url)
        except NotAWebLink as exc:
            raise InvalidInput(f"The source is not a usable web link: {exc}.") from None
    title = tidy(draft.source_title or "")[:300] or None
    supersedes = draft.supersedes
    if supersedes is not None:
        supersedes = tuple(dict.fromkeys(i.strip().lower() for i in supersedes if i.strip()))
        if len(supersedes) > MAX_SUPERSEDES_PER_FACT:
            raise InvalidInput(f"A fact can supersede at most {MAX_SUPERSEDES_PER_FACT} facts.")
    language = checked_language(draft.language)
    return FactInput(answer, questions, tags, url, title, draft.date, supersedes, language)


def checked_language(code: str | None) -> str | None:
    """``code`` as a language newsdesk reads ("RU" -> "ru"; None or "" -> None), or
    ``InvalidInput`` naming the ones it knows."""
    language = (code or "").strip().lower() or None
    if language is not None and language not in LANGUAGES:
        raise InvalidInput(
            f"'{code}' is not a language newsdesk knows: give "
            f"{', '.join(LANGUAGES[:-1])} or {LANGUAGES[-1]}."
        )
    return language


def written_in(draft: FactInput) -> str:
    """The language of a fact being added: the one given, else the one its text reads as."""
    return draft.language or detect(" ".join((draft.answer, *draft.questions)))


def edit_language(fact: Fact, draft: FactInput) -> str:
    """The language an edit is in: the one given; else the fact's own when its answer is left
    as it is; else the one the new answer reads as."""
    given = checked_language(draft.language)
    if given is not None:
        return given
    if tidy(draft.answer) == fact.answer:
        return fact.language
    return detect(tidy(draft.answer))


def input_of(fact: Fact, language: str | None = None) -> FactInput:
    """What ``fact`` says in ``language`` (its own by default), as an edit starts from: the
    translation's answer and questions (empty when it has none yet) with the fact's tags
    and source. Forms are filled with it, and options left out of an edit keep it."""
    language = language or fact.language
    found = fact.translation(language)
    return FactInput(
        answer=found.answer if found else "",
        questions=found.questions if found else (),
        tags=fact.tags,
        source_url=fact.source.url if fact.source else None,
        language=language,
    )


def edit_draft(
    fact: Fact,
    *,
    language: str | None = None,
    answer: str | None = None,
    questions: tuple[str, ...] | None = None,
    tags: tuple[str, ...] | None = None,
    source_url: str | None = None,
    date: dt.date | None = None,
    supersedes: tuple[str, ...] | None = None,
) -> FactInput:
    """The draft an edit's options make (None: not given, kept as ``fact`` has it in the
    edit's language), with that language settled first: given, or the fact's own when no
    answer is given, or the one the new answer reads as. So a Russian answer given to an
    English fact starts from its Russian questions, never its English ones."""
    draft = FactInput(answer if answer is not None else fact.answer, language=language)
    settled = edit_language(fact, draft)
    base = input_of(fact, settled)
    return FactInput(
        answer=base.answer if answer is None else answer,
        questions=base.questions if questions is None else questions,
        tags=base.tags if tags is None else tags,
        source_url=base.source_url if source_url is None else source_url,
        date=date,
        supersedes=supersedes,
        language=settled,
    )


def with_translation(
    translations: tuple[Translation, ...], new: Translation
) -> tuple[Translation, ...]:
    """``translations`` with ``new`` in place of the one in its language, or after them."""
    if any(t.language == new.language for t in translations):
        return tuple(new if t.language == new.language else t for t in translations)
    return (*translations, new)


def id_words(text: str, *, language: str = "en", max_words: int = 5) -> list[str]:
    """The first content words of ``text``: a member fact's id ("kremlin-summons-envoy"), in
    Latin letters whatever the script ("kreml-vyzval-posla" for a Russian answer)."""
    own = stopwords(language)
    kept = (w for w in lower(text, language).split() if w.strip(_PUNCTUATION) not in own)
    # ``words`` folds what is left to ASCII, transliterating other scripts.
    return [w for w in words(" ".join(kept)) if w not in STOPWORDS][:max_words]
