"""Statements -> draft facts (id, answer, questions, tags, related) -> a knowledge YAML file.

The draft uses exactly the knowledge schema (``kb validate knowledge/drafts`` checks it), with
comments for the reviewer: where it comes from, and which repeated sentences each fact absorbed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import yaml

from bot.core.fact_ids import free_fact_id
from bot.core.links import is_web_link
from bot.core.loader import MAX_ANSWER_CHARS
from bot.core.text import STOPWORDS, Analyzer, fold, specificity
from bot.ingest.dedupe import coverage, merge_near_duplicates, terms_of
from bot.ingest.entities import EntityIndex
from bot.ingest.models import Article, IngestError, Statement
from bot.ingest.questions import generate
from bot.ingest.sentences import split_sentences
from bot.ingest.statements import interrogatives, statements

MIN_FACTS = 2
MAX_TAGS = 8
ID_WORDS = 4


@dataclass(slots=True)
class ProposedFact:
    id: str
    answer: str
    questions: list[str]
    tags: list[str]
    related: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)

    def as_yaml_entry(self) -> dict[str, object]:
        entry: dict[str, object] = {"id": self.id, "answer": self.answer}
        if self.questions:
            entry["questions"] = self.questions
        if self.tags:
            entry["tags"] = self.tags
        if self.related:
            entry["related"] = self.related
        return entry


@dataclass(slots=True)
class ArticleDraft:
    """What ``build_draft`` made of an article, with the counts the moderator is told."""

    article: Article
    facts: list[ProposedFact]
    sentences: int
    dropped: int
    """Sentences with no fact in them (questions, headings, links, boilerplate)."""
    merged: int
    """Near-duplicate statements merged into another fact."""


def _words_with_weight(text: str, names: set[str]) -> list[tuple[str, float]]:
    out = []
    for word in fold(text).split():
        if word in STOPWORDS or len(word) < 3 or (word.isdigit() and len(word) != 4):
            continue
        out.append((word, 1.0 if word in names else specificity(word)))
    return out


def fact_id(answer: str, names: set[str], taken: set[str]) -> str:
    """A readable id from the answer's most telling words, in their order, unique in ``taken``."""
    weighted = list(dict.fromkeys(_words_with_weight(answer, names)))
    seen: dict[str, float] = {}
    for word, weight in weighted:
        seen.setdefault(word, weight)
    best = sorted(seen, key=lambda w: -seen[w])[:ID_WORDS]
    return free_fact_id((w for w in seen if w in best), taken)


def tags_for(answer: str, entities: EntityIndex, names: set[str]) -> list[str]:
    """Named entities first (demonyms folded), then the most topical words."""
    tags: dict[str, None] = {}
    for entity in entities.entities_in(answer):
        tag = "-".join(fold(entity).split())
        if tag and len(tag) <= 50:
            tags.setdefault(tag, None)
    keywords = sorted(
        {w: s for w, s in _words_with_weight(answer, names) if w not in names}.items(),
        key=lambda item: -item[1],
    )
    for word, weight in keywords:
        if weight < 0.6 or len(tags) >= MAX_TAGS:
            break
        tags.setdefault(word, None)
    return list(tags)[:MAX_TAGS]


def _attach_article_questions(
    kept: list[Statement], questions: Iterable[str], analyzer: Analyzer
) -> None:
    """Questions the article asks (its headline) go to the statement answering them best."""
    for question in questions:
        terms = terms_of(question, analyzer)
        if not terms or not kept:
            continue
        scores = [coverage(terms, set(terms_of(s.text, analyzer))) for s in kept]
        best = max(range(len(kept)), key=lambda i: scores[i])
        if scores[best] >= 0.4:
            kept[best].extra_questions.append(question.lower())


def build_draft(
    article: Article, *, taken_ids: set[str] | None = None, analyzer: Analyzer | None = None
) -> ArticleDraft:
    """One fact per distinct statement of ``article``; ``IngestError`` if it states too few."""
    analyzer = analyzer or Analyzer()
    taken = set(taken_ids or ())
    sentences = split_sentences(article.text)
    if article.title and sentences and fold(sentences[0]) == fold(article.title):
        sentences = sentences[1:]
    entities = EntityIndex([article.title, *sentences])
    # Folded words of the article's names: they count as fully specific in ids and tags.
    names = {fold(w) for e in entities.counts for w in re.split(r"[\s-]", e)}
    found = statements(sentences, entities)
    kept = merge_near_duplicates(found, analyzer)
    if len(kept) < MIN_FACTS:
        raise IngestError(
            f"{article.source} does not read like a news article: "
            f"found {len(kept)} sentence(s) stating a fact, need at least {MIN_FACTS}."
        )
    _attach_article_questions(kept, interrogatives([article.title, *sentences]), analyzer)
    capitalised = {e for e in entities.counts} | {p for e in entities.counts for p in e.split()}
    facts: list[ProposedFact] = []
    for statement in kept:
        answer = statement.text[:MAX_ANSWER_CHARS]
        questions = [*statement.extra_questions, *generate(answer, names=capitalised)]
        fact = ProposedFact(
            id=fact_id(answer, names, taken),
            answer=answer,
            questions=list(dict.fromkeys(questions))[:6],
            tags=tags_for(answer, entities, names),
            merged=list(statement.merged),
        )
        if statement.follows_previous and facts:
            fact.related.append(facts[-1].id)
        facts.append(fact)
    merged = sum(len(s.merged) for s in kept)
    return ArticleDraft(
        article=article,
        facts=facts,
        sentences=len(sentences),
        dropped=len(sentences) - len(found),
        merged=merged,
    )


def file_stem(article: Article, today: dt.date | None = None) -> str:
    """``2025-07-01-tension-escalating-between-baku-and-moscow``: date and headline words."""
    day = article.published or today or dt.datetime.now(dt.UTC).date()
    words = fold(article.title or "article").split()[:6]
    stem = f"{day.isoformat()}-{'-'.join(words)}"
    return re.sub(r"[^a-z0-9-]+", "", stem)[:60].strip("-")


def render_yaml(draft: ArticleDraft, *, ingested: dt.datetime | None = None) -> str:
    """The draft as a knowledge file, with a header and review comments."""
    article = draft.article
    when = (ingested or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M UTC")
    source: dict[str, object] = {"title": article.title[:300] if article.title else None}
    if article.url and is_web_link(article.url):
        source["url"] = article.url
    if article.published:
        source["published"] = article.published
    source = {k: v for k, v in source.items() if v is not None}
    body: dict[str, object] = {}
    if source:
        body["source"] = source
    body["facts"] = [f.as_yaml_entry() for f in draft.facts]
    text = yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=100)
    for fact in draft.facts:
        if not fact.merged:
            continue
        notes = "".join(f"# also said as: {' '.join(m.split())[:300]}\n" for m in fact.merged)
        text = text.replace(f"- id: {fact.id}\n", f"{notes}- id: {fact.id}\n", 1)
    header = (
        f"# DRAFT from {article.url or article.title!r}, ingested {when}.\n"
        "# Not answered until a moderator approves it: python -m bot kb approve <this file>\n"
        "# (or one fact: kb approve <fact id>). The answers are the article's own sentences:\n"
        "# check each against the article, and reword it in our words where you can.\n"
        f"# {len(draft.facts)} facts from {draft.sentences} sentences; {draft.merged} repeated "
        f"statement(s) merged, {draft.dropped} sentence(s) without a fact dropped.\n"
    )
    return header + text
