"""What BM25 answers that newsdesk does not: the older tune English questions that BM25 ranks
right first above its best threshold while newsdesk holds the right fact back or answers
another one.

BM25 (bm25s over each fact's phrasings and answer, as in ``bench.heldout``) gets the threshold
that suits it best on the very questions listed (per group: seed, stories), as the held-out
tables give it. Each question is shown with what newsdesk made of it, so that the misses can be
sorted by cause: the gates that held the right fact back, where the right fact ranked and its
relevance against the first's, the words BM25 reads that newsdesk's analyser drops, and the
question's terms the right fact lacks.

    python -m bench.bm25_gap                 # older tune English seed and stories
    python -m bench.bm25_gap --only questions_en_4 kumtor-mine-2022
    python -m bench.bm25_gap --kinds careful  # full, well-formed questions only

Only the tune split is read, and never the fresh tune sets (``bench/fresh.py``): those judge
changes as totals only, and the report split is never shown question by question.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from bench import heldout, rankers
from bench.fresh import FRESH_TUNE
from bot.core.candidates import AskedQuestion, Candidate
from bot.core.matcher import Matcher

GROUPS = ("seed", "stories")


@dataclass(frozen=True, slots=True)
class Gap:
    """One question BM25 answers right above its threshold and newsdesk does not."""

    kb: str
    question: heldout.Question
    newsdesk: heldout.Outcome
    bm25_score: float
    threshold: float

    @property
    def verdict(self) -> str:
        """What newsdesk did instead: held the right fact back, or ranked another first
        (answered outright or not)."""
        if self.newsdesk.right_first:
            return "held back"
        return "wrong outright" if self.newsdesk.outright else "wrong first"


def older_tune(kbs: Sequence[heldout.KnowledgeBase]) -> list[heldout.KnowledgeBase]:
    """The English knowledge bases with their older tune questions only: no report question and
    no fresh tune set is ever asked here."""
    kept = []
    for kb in kbs:
        if kb.group not in GROUPS:
            continue
        questions = [q for q in kb.questions if q.split == "tune" and q.source not in FRESH_TUNE]
        if questions:
            kept.append(heldout.KnowledgeBase(kb.name, kb.group, kb.facts, kb.synonyms, questions))
    return kept


def gaps(
    kbs: Sequence[heldout.KnowledgeBase], kinds: Sequence[str] = heldout.ANSWERABLE
) -> tuple[list[Gap], dict[str, Counter[str]]]:
    """The gaps among the answerable questions of ``kinds``, and per group how the two methods
    did on those (to put the gaps beside the questions newsdesk answers right and BM25 does
    not). BM25's threshold is fitted on every question of the group, near and off ones too,
    as the held-out tables fit it: fitted on answerable questions alone it would answer all."""
    found: list[Gap] = []
    tallies: dict[str, Counter[str]] = {}
    for group in GROUPS:
        members = [kb for kb in kbs if kb.group == group]
        ours: list[heldout.Outcome] = []
        theirs: list[heldout.Outcome] = []
        for kb in members:
            for q in kb.questions:
                if q.split != "tune" or q.source in FRESH_TUNE:
                    raise ValueError("only older tune questions are compared one by one")
            ours.extend(heldout.ask_newsdesk(kb, kb.questions))
            bm25 = rankers.bm25_scored(kb.facts, with_answer=True)
            theirs.extend(heldout.ask_scored(kb, bm25, kb.questions))
        if not ours:
            continue
        threshold, decided = heldout.fit_threshold(theirs)
        tally: Counter[str] = Counter()
        for mine, other in zip(ours, decided, strict=True):
            if mine.question.fact is not None and mine.question.kind not in kinds:
                continue
            tally["newsdesk outright"] += mine.outright
            tally["newsdesk wrong outright"] += mine.outright and not mine.right_first
            if mine.question.fact is None:
                tally["near/off"] += 1
                tally["newsdesk held back"] += not mine.outright
                continue
            tally["answerable"] += 1
            tally["newsdesk right outright"] += mine.right_outright
            tally["BM25 right outright"] += other.right_outright
            tally["both"] += mine.right_outright and other.right_outright
            if other.right_outright and not mine.right_outright:
                found.append(Gap(mine.kb, mine.question, mine, other.score, threshold))
        tallies[group] = tally
    return found, tallies


def describe(gap: Gap, matcher: Matcher) -> str:
    """The question, newsdesk's verdict and the evidence behind it, on a few lines."""
    import bm25s

    q = gap.question
    ranked, asked = matcher.explain(q.text)
    order = [c.entry.fact.id for c in ranked]
    rank = order.index(q.fact) + 1 if q.fact in order else None
    right = ranked[rank - 1] if rank else None
    first = ranked[0] if ranked else None
    terms = [qt.term for qt in asked.query]
    read = bm25s.tokenize([q.text], stopwords="en", show_progress=False, return_ids=False)
    words = list(read[0]) if read else []
    dropped = [w for w in words if not matcher.analyzer.terms(w)]
    lines = [
        f"[{gap.kb} {q.kind}] {q.text!r}: {gap.verdict}; expected {q.fact}, newsdesk "
        f"{gap.newsdesk.first} conf {gap.newsdesk.confidence:.2f}; BM25 "
        f"{gap.bm25_score:.2f} >= {gap.threshold:.2f}",
        f"    terms {terms}; BM25 words {words}"
        + (f"; dropped by newsdesk: {dropped}" if dropped else ""),
    ]
    if gap.newsdesk.held_by:
        lines.append(f"    held by {', '.join(gap.newsdesk.held_by)}")
    if right is not None:
        fact = right.entry.fact
        own = bm25s.tokenize(
            [" ".join((*fact.questions, fact.answer))],
            stopwords="en",
            show_progress=False,
            return_ids=False,
        )
        held = set(own[0]) if own else set()
        shared = [w for w in dropped if w in held]
        if shared:
            lines.append(f"    dropped words the right fact has: {shared}")
    if right is not None and first is not None:
        missing = [t for t in terms if t not in right.matched and t not in right.paraphrased]
        lines.append(
            f"    right fact rank {rank}: relevance {right.relevance:.3f} (phrasing "
            f"{right.phrasing:.2f}, whole {right.whole:.2f}, bm25 {right.bm25:.2f}, blocked "
            f"{right.blocked}, soft {right.soft_miss}, count {right.count_miss}) vs first "
            f"{first.relevance:.3f} (phrasing {first.phrasing:.2f}, whole {first.whole:.2f}, "
            f"bm25 {first.bm25:.2f}); terms the right fact lacks: {missing}"
        )
    elif first is None:
        lines.append("    no candidate")
    else:
        lines.append("    the right fact is not among the candidates")
    if len(ranked) > 1:
        lines.append("    " + beside_runner_up(ranked[0], ranked[1], asked))
    return "\n".join(lines)


def beside_runner_up(first: Candidate, second: Candidate, asked: AskedQuestion) -> str:
    """The runner-up beside the first, and the question's terms only one of the two holds
    (by weight): the words that could decide a near tie."""

    def held(candidate: Candidate) -> set[str]:
        return set(candidate.matched) | set(candidate.paraphrased)

    weights = {qt.term: qt.weight for qt in asked.query}
    ones, twos = held(first), held(second)

    def listed(terms: set[str]) -> str:
        return ", ".join(f"{t} {weights.get(t, 0.0):.2f}" for t in sorted(terms)) or "none"

    return (
        f"runner-up {second.entry.fact.id}: relevance {second.relevance:.3f} (lead "
        f"{first.relevance - second.relevance:.3f}); only the first holds [{listed(ones - twos)}]"
        f", only the runner-up [{listed(twos - ones)}]"
    )


def gate_tally(found: Sequence[Gap]) -> Counter[str]:
    """How often each gate held back a right first fact BM25 answers (a gap may have several)."""
    tally: Counter[str] = Counter()
    for gap in found:
        tally.update(gap.newsdesk.held_by)
    return tally


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--only", nargs="+", metavar="NAME", help="only these older tune files or stories"
    )
    parser.add_argument(
        "--kinds",
        nargs="+",
        choices=heldout.ANSWERABLE,
        help="only questions of these kinds (default: careful and casual)",
    )
    args = parser.parse_args(argv)
    if args.only and FRESH_TUNE & set(args.only):
        parser.error("the fresh tune sets (bench/fresh.py) are judged by totals only")
    kbs = heldout.knowledge_bases()
    if args.only:
        kbs = heldout.only(kbs, set(args.only))
    kbs = older_tune(kbs)
    found, tallies = gaps(kbs, args.kinds or heldout.ANSWERABLE)
    matchers = {kb.name: heldout.matcher_for(kb) for kb in kbs}
    for group, tally in tallies.items():
        print(f"{group}: " + ", ".join(f"{key} {value}" for key, value in tally.items()))
    for verdict in ("held back", "wrong first", "wrong outright"):
        chosen = [gap for gap in found if gap.verdict == verdict]
        print(f"\n## BM25 right outright, newsdesk {verdict}: {len(chosen)}")
        if verdict == "held back" and chosen:
            gates = gate_tally(chosen)
            print("held by: " + ", ".join(f"{gate} {count}" for gate, count in gates.most_common()))
        for gap in chosen:
            print(describe(gap, matchers[gap.kb]))


if __name__ == "__main__":
    main()
