"""What the benchmarks use of the matcher is public, and does what the bot does.

``bench.worst_case`` times a question as ``KnowledgeBase.ask`` answers it, through the one
function the service calls (``served_answer.answer``): before, it answered by a copy of the
service's lines, which could drift from what members are served.

``Matcher.decide`` is the decision ``ask`` returns, over what ``explain`` gives: a benchmark
that gives the candidates other confidences (``bench.calibrate``) or another order
(``bench.rerank``) learns what the bot itself would do. ``bench.rerank`` read four matcher
methods that had moved out of the matcher, so it stopped at its first question; and
``bench.drafts`` read each story's article twice.

The facts and the article are this file's own, never the live knowledge nor the bench's data.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from bench.drafts import Story, read_article
from bench.rerank import FEATURES, features
from bench.worst_case import TODAY, as_served
from bot.core.matcher import Matcher
from bot.core.models import AskResult, Decision, Fact
from bot.core.text import Analyzer

FACTS = [
    Fact(
        "gyumri-tram-line",
        "A new tram line opened in Gyumri in May, linking the railway station with the old town.",
        (
            "when did the gyumri tram line open",
            "is there a tram in gyumri",
            "what does the new tram in gyumri connect",
        ),
    ),
    Fact(
        "lankaran-market",
        "The covered market of Lankaran reopened after two years of rebuilding with 300 stalls.",
        (
            "when did the lankaran market reopen",
            "how many stalls does the lankaran market have",
            "why was the lankaran market closed",
        ),
    ),
    Fact(
        "lankaran-market-fire",
        "A fire closed the covered market of Lankaran in 2023; nobody was hurt.",
        ("what happened to the lankaran market", "was anyone hurt in the lankaran market fire"),
    ),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(FACTS, analyzer=Analyzer())


@pytest.mark.parametrize(
    ("question", "decision"),
    [
        ("how many stalls does the lankaran market have", Decision.ANSWER),
        ("lankaran market", Decision.SUGGEST),
        ("who won the chess olympiad", Decision.UNKNOWN),
    ],
)
def test_deciding_over_the_explained_candidates_is_what_ask_answers(
    matcher: Matcher, question: str, decision: Decision
) -> None:
    ranked, asked = matcher.explain(question)
    assert matcher.decide(ranked, asked) is decision
    assert matcher.ask(question).decision is decision


def test_a_benchmark_lowering_the_confidence_is_told_the_bot_would_hold_back(
    matcher: Matcher,
) -> None:
    ranked, asked = matcher.explain("how many stalls does the lankaran market have")
    ranked[0].confidence = 0.3
    assert matcher.decide(ranked, asked) is not Decision.ANSWER


def test_the_learned_order_reads_each_candidates_evidence(matcher: Matcher) -> None:
    question = "how many stalls does the lankaran market have"
    ranked, asked = matcher.explain(question)
    rows = features(matcher, ranked, asked, question)
    assert len(rows) == min(len(ranked), 6)
    assert all(len(row) == len(FEATURES) for row in rows)
    shown = ranked[: len(rows)]
    by_id = {
        c.entry.fact.id: dict(zip(FEATURES, row, strict=True))
        for c, row in zip(shown, rows, strict=True)
    }
    # Its curator asked the stalls fact "how many ... have"; the fire fact is asked no count.
    assert by_id["lankaran-market"]["phrased_for"] == 1.0
    assert by_id["lankaran-market"]["opens_as"] == 1.0
    assert by_id["lankaran-market-fire"]["phrased_for"] == 0.0


def test_a_keyword_question_marks_the_fact_named_after_it(matcher: Matcher) -> None:
    ranked, asked = matcher.explain("gyumri tram")
    rows = features(matcher, ranked, asked, "gyumri tram")
    flag = FEATURES.index("named")
    named = [c.entry.fact.id for c, row in zip(ranked[: len(rows)], rows, strict=True) if row[flag]]
    assert named == ["gyumri-tram-line"]


ARTICLE = """Ferry to Chilov island resumes after storm
Published: 2025-03-02

BAKU, March 2 - The ferry to Chilov island resumed on Sunday after a three-day storm.
About 200 residents had been cut off, the port authority said.
"""


def test_a_story_reads_its_article_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "chilov-ferry"
    folder.mkdir()
    (folder / "article.txt").write_text(ARTICLE, "utf-8")
    (folder / "knowledge.yaml").write_text("facts: []\n", "utf-8")
    (folder / "questions.yaml").write_text("split: tune\nquestions: []\n", "utf-8")
    reads: list[str] = []
    read_text = Path.read_text

    def counted(path: Path, *args: object, **kwargs: object) -> str:
        reads.append(path.name)
        return read_text(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_text", counted)
    story = Story.load(folder)
    assert reads.count("article.txt") == 1
    assert story.title == "Ferry to Chilov island resumes after storm"
    assert story.published == "2025-03-02"
    # The dateline and the date line are no part of what the article says.
    assert story.sentences[0].startswith("The ferry to Chilov island resumed")
    assert len(story.sentences) == 2


def test_an_empty_article_has_no_title_and_no_sentences(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text("", "utf-8")
    article = read_article(path)
    assert (article.title, article.sentences, article.published) == ("", [], None)


def test_the_worst_case_benchmark_times_what_the_service_serves() -> None:
    """A question naming a time is answered by date, and one longer than what is read from
    its start, marked so, as ``KnowledgeBase.ask`` answers them."""
    # The tram opened in the benchmark's week, the market reopened two months before it.
    dated = [
        dataclasses.replace(FACTS[0], date=TODAY - dt.timedelta(days=2)),
        dataclasses.replace(FACTS[1], date=TODAY - dt.timedelta(days=60)),
    ]
    ask = as_served(Matcher(dated, analyzer=Analyzer()))
    this_week = ask("what happened this week")
    assert isinstance(this_week, AskResult)
    assert [m.fact.id for m in this_week.matches] == ["gyumri-tram-line"]
    long = ask("when did the gyumri tram line open " + "and then " * 100)
    assert isinstance(long, AskResult)
    assert long.truncated
    assert long.best is not None and long.best.fact.id == "gyumri-tram-line"
