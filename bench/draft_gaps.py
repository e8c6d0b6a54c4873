"""Why approved drafts miss questions that hand-written knowledge answers (tune stories only).

``python -m bench.drafts --split tune --name NAME`` keeps, for each tune story, how every
question was answered by the approved draft and by the hand-written knowledge
(``bench/results/NAME.json``). This reads those details, drafts each story again through the
same pipeline, and sorts every careful or casual question the draft does not answer right
outright by why:

* **confidence**: a fact restating the labelled one is ranked first but not answered outright
  (it lacks what is asked for, its confidence is under the answer threshold, or a sibling is
  too close behind);
* **ranking**: a fact restating it exists but another is first: the opening fact (the lede),
  or a fact that holds more of the question's words than it does, or one phrased more like the
  question; or the right fact lacks what is asked for;
* **segmentation**: no draft fact restates the labelled fact at all (a point of the article
  split, merged into another or dropped).

Each cause is counted over all misses and over those the hand-written knowledge answers right
outright: the gap between the two. It never reads a question file itself, and refuses results
that hold any story of the report split.

``--held`` sorts the questions whose right draft fact ranks first but is held back by the gates
that hold them (``Matcher.held_by``: confidence, a near tie with a sibling, too little of the
question covered, a missing kind of answer, ...), alone and together, and sets the right draft
fact's features beside the hand-written fact's for the questions the hand-written knowledge
answers right outright: the share of the question it covers, its best phrasing's, its lead over
the runner-up, its number of questions. Older tune stories only: the fresh tune stories
(``bench.fresh``) are judged by totals, never question by question.

``--phrasings`` also asks how much of the gap phrasings explain: the draft again, with the
hand-written questions of each hand-written fact added to the one draft fact that restates it
best; and again with those questions cut to the words the article has (what a drafter could
write without knowing readers' other words). A diagnosis, not a fix.

    python -m bench.drafts --split tune --name scratch
    python -m bench.draft_gaps scratch [--phrasings] [--held]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import json
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from bench.drafts import (
    STORIES,
    Judged,
    Story,
    approved_draft,
    covered,
    hand_written,
    read_article,
    scratch_knowledge_base,
    terms,
)
from bench.fresh import FRESH_TUNE
from bench.report import RESULTS
from bot.core.candidates import Candidate
from bot.core.matcher import Matcher
from bot.core.models import Decision
from bot.core.service import StartMode

ANSWERED = ("careful", "casual")

# The causes, in the order they are reported.
CAUSES = (
    "right, outright",
    "confidence: blocked",
    "confidence: under the threshold",
    "confidence: no clear lead",
    "ranking: the lede first",
    "ranking: right fact blocked",
    "ranking: holds fewer of the words",
    "ranking: phrased less like it",
    "ranking: other",
    "ranking: not a candidate",
    "segmentation: no fact states it",
)


def article_story(slug: str) -> Story:
    """A story's article and hand-written facts (what drafting and judging need), without its
    questions: those come from the results file."""
    folder = STORIES / slug
    knowledge = yaml.safe_load((folder / "knowledge.yaml").read_text("utf-8"))
    article = read_article(folder / "article.txt")
    return Story(
        slug,
        "tune",
        folder / "article.txt",
        folder / "knowledge.yaml",
        [],
        knowledge["facts"],
        article.sentences,
        article.published,
        article.title,
    )


def cause(
    matcher: Matcher, question: str, label: str, judged: dict[str, Judged], lede: str | None
) -> str:
    """Why the draft in ``matcher`` misses ``question`` (labelled ``label``), or that it does
    not."""
    if not any(label in j.restates for j in judged.values()):
        return "segmentation: no fact states it"
    result = matcher.ask(question)
    best = result.best
    if best is not None and label in judged[best.fact.id].restates:
        if result.decision is Decision.ANSWER:
            return "right, outright"
        ranked, _ = matcher.explain(question)
        first = ranked[0]
        if first.blocked:
            return "confidence: blocked"
        if first.confidence < matcher.settings.answer_threshold:
            return "confidence: under the threshold"
        return "confidence: no clear lead"
    ranked, _ = matcher.explain(question)
    right = next((c for c in ranked if label in judged[c.entry.fact.id].restates), None)
    if right is None:
        return "ranking: not a candidate"
    winner = ranked[0]
    if right.blocked and not winner.blocked:
        return "ranking: right fact blocked"
    if winner.entry.fact.id == lede:
        return "ranking: the lede first"
    if right.whole < winner.whole:
        return "ranking: holds fewer of the words"
    if right.phrasing < winner.phrasing:
        return "ranking: phrased less like it"
    return "ranking: other"


async def story_causes(result: dict[str, Any]) -> tuple[Counter[str], Counter[str]]:
    """Causes over all of a story's answerable questions, and over those the hand-written
    knowledge answers right outright."""
    story = article_story(result["story"])
    hand = {d["q"]: d for d in result["details"]["hand"]}
    every: Counter[str] = Counter()
    gap: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        kb, _, judged = await approved_draft(story, Path(tmp) / "draft")
        try:
            facts = kb.matcher.facts()
            lede = facts[0].id if facts else None
            for detail in result["details"]["draft"]:
                if detail["kind"] not in ANSWERED:
                    continue
                why = cause(kb.matcher, detail["q"], detail["label"], judged, lede)
                every[why] += 1
                written = hand[detail["q"]]
                if written["right"] and written["decision"] == "answer":
                    gap[why] += 1
        finally:
            await kb.close()
    return every, gap


def held_first(
    matcher: Matcher, question: str, label: str, judged: dict[str, Judged]
) -> tuple[str, ...] | None:
    """The gates holding ``question`` back when a draft fact restating its label ranks first
    and is not answered outright (``Matcher.held_by``); None when it is answered, or another
    fact is first."""
    result = matcher.ask(question)
    best = result.best
    if best is None or label not in judged[best.fact.id].restates:
        return None
    if result.decision is Decision.ANSWER:
        return None
    ranked, asked = matcher.explain(question)
    return matcher.held_by(ranked, asked)


class Features(NamedTuple):
    """What is set side by side for a held right draft fact and the hand-written one: the first
    candidate's standing for a question."""

    covers: float  # its share of the question covered
    phrasing: float  # its best phrasing's coverage
    lead: float  # its relevance lead over the runner-up
    questions: float  # its number of questions


def features(ranked: list[Candidate]) -> Features:
    """The first candidate's ``Features``."""
    first = ranked[0]
    runner_up = ranked[1].relevance if len(ranked) > 1 else 0.0
    return Features(
        covers=first.whole,
        phrasing=first.phrasing,
        lead=first.relevance - runner_up,
        questions=float(len(first.entry.fact.questions)),
    )


@dataclasses.dataclass
class Held:
    """Right first but held back, over stories: by gate, by set of gates, and the features of
    those the hand-written knowledge answers right outright (draft, hand-written: one pair a
    question)."""

    gates: Counter[str] = dataclasses.field(default_factory=Counter)
    together: Counter[tuple[str, ...]] = dataclasses.field(default_factory=Counter)
    draft_features: list[Features] = dataclasses.field(default_factory=list)
    hand_features: list[Features] = dataclasses.field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(self.together.values())

    @property
    def hand_right(self) -> int:
        return len(self.hand_features)


async def story_held(result: dict[str, Any], held: Held) -> None:
    """Adds to ``held`` a story's careful and casual questions whose right draft fact is first
    and held back."""
    story = article_story(result["story"])
    hand = {d["q"]: d for d in result["details"]["hand"]}
    with tempfile.TemporaryDirectory() as tmp:
        async with contextlib.AsyncExitStack() as opened:
            written = Path(tmp) / "hand"
            (written / "knowledge").mkdir(parents=True)
            (written / "knowledge" / "knowledge.yaml").write_text(
                hand_written(story.knowledge), "utf-8"
            )
            hand_kb = await scratch_knowledge_base(written, StartMode.RELOAD)
            opened.push_async_callback(hand_kb.close)
            kb, _, judged = await approved_draft(story, Path(tmp) / "draft")
            opened.push_async_callback(kb.close)
            for detail in result["details"]["draft"]:
                if detail["kind"] not in ANSWERED:
                    continue
                gates = held_first(kb.matcher, detail["q"], detail["label"], judged)
                if gates is None:
                    continue
                held.gates.update(gates)
                held.together[gates] += 1
                answered = hand[detail["q"]]
                if not (answered["right"] and answered["decision"] == "answer"):
                    continue
                ranked, _ = kb.matcher.explain(detail["q"])
                written_ranked, _ = hand_kb.matcher.explain(detail["q"])
                held.draft_features.append(features(ranked))
                held.hand_features.append(features(written_ranked))


async def print_held(stories: list[dict[str, Any]]) -> None:
    """Prints the right-first questions held back in the older tune ``stories``, by gate."""
    held = Held()
    older = [r for r in stories if r["story"] not in FRESH_TUNE]
    for result in older:
        await story_held(result, held)
    print(f"\n{len(older)} older tune stories: {held.count} questions whose right draft fact is "
          f"first but held back ({held.hand_right} of them answered right outright by the "
          "hand-written knowledge)")  # fmt: skip
    print("by gate (a question may be held by several):")
    for gate, count in held.gates.most_common():
        print(f"  {gate:28} {count:5d}")
    print("by set of gates:")
    for gates, count in held.together.most_common():
        print(f"  {count:5d}  {', '.join(gates)}")
    if held.hand_right:
        print("means over those the hand-written knowledge answers (draft / hand-written):")
        for i, name in enumerate(Features._fields):
            draft = sum(f[i] for f in held.draft_features) / held.hand_right
            written = sum(f[i] for f in held.hand_features) / held.hand_right
            print(f"  {name:10} {draft:6.2f} / {written:6.2f}")


def lend_phrasings(
    matcher: Matcher, story: Story, judged: dict[str, Judged], *, article_words: bool
) -> None:
    """Add to the draft fact that restates each hand-written fact best (most of its answer's
    weighted terms) that fact's questions; with ``article_words``, only the words of them the
    article has."""
    hand = {f["id"]: f for f in story.facts}
    known = set(terms(" ".join(story.sentences)))
    owner: dict[str, tuple[float, str]] = {}
    for fact in matcher.facts():
        for label in judged[fact.id].restates:
            share = covered(terms(hand[label]["answer"]), terms(fact.answer))
            if label not in owner or share > owner[label][0]:
                owner[label] = (share, fact.id)
    for fact in list(matcher.facts()):
        questions = list(fact.questions)
        for label in sorted(judged[fact.id].restates):
            if owner[label][1] != fact.id:
                continue
            for question in hand[label].get("questions") or []:
                if article_words:
                    question = " ".join(
                        w for w in question.split() if all(t in known for t in terms(w))
                    )
                if question and question not in questions:
                    questions.append(question)
        matcher.add(dataclasses.replace(fact, questions=tuple(questions)))


async def lent_right(result: dict[str, Any], *, article_words: bool) -> int:
    """A story's questions the draft answers right outright with phrasings lent
    (``lend_phrasings``)."""
    story = article_story(result["story"])
    right = 0
    with tempfile.TemporaryDirectory() as tmp:
        kb, _, judged = await approved_draft(story, Path(tmp) / "draft")
        try:
            lend_phrasings(kb.matcher, story, judged, article_words=article_words)
            for detail in result["details"]["draft"]:
                if detail["kind"] in ANSWERED:
                    asked = kb.matcher.ask(detail["q"])
                    best = asked.best
                    right += (
                        best is not None
                        and asked.decision is Decision.ANSWER
                        and detail["label"] in judged[best.fact.id].restates
                    )
        finally:
            await kb.close()
    return right


async def main_async(name: str, phrasings: bool, held: bool = False) -> None:
    path = RESULTS / f"{name}.json"
    data = json.loads(path.read_text("utf-8"))
    stories = data["stories"]
    if any(s["split"] != "tune" for s in stories):
        raise SystemExit(f"{path}: holds report stories; run bench.drafts with --split tune")
    every: Counter[str] = Counter()
    gap: Counter[str] = Counter()
    for result in stories:
        one, two = await story_causes(result)
        every.update(one)
        gap.update(two)
    total, total_gap = sum(every.values()), sum(gap.values())
    print(f"{len(stories)} tune stories, {total} careful and casual questions")
    print(f"{'':36} {'all':>5} {'hand-written right':>19}")
    for why in CAUSES:
        print(f"{why:36} {every[why]:5d} {gap[why]:19d}")
    print(f"{'(questions)':36} {total:5d} {total_gap:19d}")
    if held:
        await print_held(stories)
    if phrasings:
        hand_right = sum(
            d["right"] and d["decision"] == "answer"
            for r in stories
            for d in r["details"]["hand"]
            if d["kind"] in ANSWERED
        )
        print(f"\nright outright, of {total}: drafts {every['right, outright']}, hand-written "
              f"{hand_right}")  # fmt: skip
        for article_words, label in ((False, "as written"), (True, "in the article's words")):
            lent = [await lent_right(r, article_words=article_words) for r in stories]
            print(f"drafts with the hand-written phrasings {label}: {sum(lent)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("name", help="the --name given to bench.drafts (tune split)")
    parser.add_argument(
        "--phrasings", action="store_true", help="how much of the gap phrasings explain"
    )
    parser.add_argument(
        "--held",
        action="store_true",
        help="the gates holding back right-first questions (older tune stories only)",
    )
    args = parser.parse_args()
    asyncio.run(main_async(args.name, args.phrasings, args.held))


if __name__ == "__main__":
    main()
