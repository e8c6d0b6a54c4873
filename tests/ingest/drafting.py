"""Drafting articles in tests, the way `python -m bot ingest FILE` does, and finding the facts
a test is about.

The corpus in ``data/corpus/`` is short articles written for these tests, on regional stories
other than the benchmark's.
"""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path

from bot.ingest.article_context import ArticleContext
from bot.ingest.article_draft import ArticleDraft, ProposedFact, build_draft
from bot.ingest.entities import EntityIndex
from bot.ingest.extract import from_text
from bot.ingest.sentences import split_sentences

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"


def draft_of(text: str) -> ArticleDraft:
    """The draft of ``text``, an article with no URL, as if read from a file."""
    return build_draft(from_text(text, None, "test.txt"))


def corpus_draft(name: str) -> ArticleDraft:
    """The draft of the corpus article ``name`` (``data/corpus/<name>.txt``): a copy of its own
    for each test, which may change it."""
    return copy.deepcopy(_corpus_draft(name))


@cache
def _corpus_draft(name: str) -> ArticleDraft:
    # Drafted once per test process: a dozen articles are each drafted by several tests, and
    # drafting one takes about a quarter of a second of CPU, copying it a few milliseconds.
    path = CORPUS / f"{name}.txt"
    return build_draft(from_text(path.read_text("utf-8"), None, str(path)))


def answers(draft: ArticleDraft) -> list[str]:
    return [f.answer for f in draft.facts]


def answer_with(draft: ArticleDraft, words: str) -> str:
    """The one answer of the draft that holds ``words`` (the test fails if none or several do)."""
    (found,) = [a for a in answers(draft) if words in a]
    return found


def fact_with(draft: ArticleDraft, text: str) -> ProposedFact:
    """The draft's first fact whose answer holds ``text``; the test fails, listing the answers,
    when none does."""
    for fact in draft.facts:
        if text in fact.answer:
            return fact
    listed = "\n".join(answers(draft))
    raise AssertionError(f"no fact with {text!r} in:\n{listed}")


def event_of(text: str) -> str | None:
    """The story's event a draft would name for ``text``, laid out as the headline fixtures
    are: the headline, a "Published:" line and a blank one, then the article."""
    lines = text.splitlines()
    sentences = split_sentences("\n".join(lines[3:]))
    entities = EntityIndex([lines[0], *sentences])
    context = ArticleContext.build(lines[0], sentences, entities, None)
    return context.event.phrase() if context.event is not None else None
