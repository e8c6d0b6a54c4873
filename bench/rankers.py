"""The retrieval methods compared in the quality benchmarks, over the same facts.

Each ranker maps a question to fact ids, best first. newsdesk's matcher also says whether it
would answer; the others always return something (they have no notion of "I don't know"). The
``*_scored`` forms also give each fact's score, for benchmarks that put a threshold on it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.core.folding import fold
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact

K = 10
Ranker = Callable[[str], list[str]]
ScoredRanker = Callable[[str], list[tuple[str, float]]]


def newsdesk(matcher: Matcher) -> Ranker:
    def rank(query: str) -> list[str]:
        return [m.fact.id for m in matcher.ask(query, limit=K).matches]

    return rank


def newsdesk_declines(matcher: Matcher, query: str) -> bool:
    return matcher.ask(query, limit=K).decision is not Decision.ANSWER


def ids_only(scored: ScoredRanker) -> Ranker:
    def rank(query: str) -> list[str]:
        return [fact_id for fact_id, _ in scored(query)]

    return rank


def token_set_scored(facts: Sequence[Fact]) -> ScoredRanker:
    """rapidfuzz token_set_ratio (0-100) against each fact's phrasings (the best one counts)."""
    from rapidfuzz import fuzz, process

    choices: list[str] = []
    owners: list[str] = []
    for fact in facts:
        for question in fact.questions or (fact.answer,):
            choices.append(fold(question))
            owners.append(fact.id)

    def rank(query: str) -> list[tuple[str, float]]:
        found = process.extract(fold(query), choices, scorer=fuzz.token_set_ratio, limit=K * 4)
        out: dict[str, float] = {}
        for _, score, index in found:
            out.setdefault(owners[index], float(score))
        return list(out.items())[:K]

    return rank


def token_set(facts: Sequence[Fact]) -> Ranker:
    """rapidfuzz token_set_ratio against each fact's phrasings (the best one counts)."""
    return ids_only(token_set_scored(facts))


def bm25_scored(facts: Sequence[Fact], *, with_answer: bool = False) -> ScoredRanker:
    """BM25 (bm25s, English stopwords removed) over the phrasings, optionally the answer too;
    the raw BM25 score of each fact returned."""
    import bm25s

    ids = [fact.id for fact in facts]
    texts = [
        " ".join(fact.questions) + (" " + fact.answer if with_answer or not fact.questions else "")
        for fact in facts
    ]
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(texts, stopwords="en", show_progress=False), show_progress=False)

    def rank(query: str) -> list[tuple[str, float]]:
        tokens = bm25s.tokenize([query], stopwords="en", show_progress=False)
        if not tokens.vocab:
            return []
        results, scores = retriever.retrieve(tokens, k=min(K, len(ids)), show_progress=False)
        return [
            (ids[i], float(score))
            for i, score in zip(results[0], scores[0], strict=True)
            if score > 0
        ]

    return rank


def bm25(facts: Sequence[Fact], *, with_answer: bool = False) -> Ranker:
    """BM25 (bm25s, English stopwords removed) over the phrasings, optionally the answer too."""
    return ids_only(bm25_scored(facts, with_answer=with_answer))
