"""Chat spellings no table lists, read by rule (``bot.core.chat_spellings``): a user typing
"every1", "gr8", "sooo", "tues nite" or "hav" gets the answer the plain words get, while
codes, names and words of their own stay as typed."""

from __future__ import annotations

import pytest

from bot.core.chat_expansion import expand_chat
from bot.core.chat_spellings import respelled
from bot.core.matcher import Matcher
from bot.core.models import AskResult, Decision, Fact
from bot.core.text import Analyzer

FERRY = Fact(
    "ferry-strike",
    "Dock workers in Varna stopped the ferries to Burgas for two days on Tuesday night, "
    "demanding higher pay after the port doubled its fees in January.",
    ("why did the varna ferries stop", "varna dock strike"),
)
BRIDGE = Fact(
    "bridge-closure",
    "Everyone crossing the Danube bridge at Ruse must now show a pass, because the border "
    "police have tightened their checks.",
    ("why is the ruse bridge closed", "what do you need to cross the danube bridge"),
)
TALKS = Fact(
    "port-talks",
    "The port authority said it would have a new fee schedule ready before the summer season.",
    ("will the port lower its fees", "varna port fees talks"),
)


def answered(result: AskResult) -> str | None:
    if result.decision is Decision.ANSWER and result.best is not None:
        return result.best.fact.id
    return None


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher((FERRY, BRIDGE, TALKS))


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        (
            "does every1 need a pass at the ruse bridge",
            "does everyone need a pass at the ruse bridge",
        ),
        ("did some1 stop the varna ferries 2day", "did someone stop the varna ferries today"),
        ("gr8 so the port fees go up b4 summer", "great so the port fees go up before summer"),
        ("was it a tit4tat strike", "was it a tit for tat strike"),
        ("sooo whyyy did the ferries stop", "so why did the ferries stop"),
        ("ferries stopped tues nite", "ferries stopped tuesday night"),
        ("fees doubled back in jan", "fees doubled back in january"),
        ("do they hav a new fee schedule", "do they have a new fee schedule"),
    ],
)
def test_chat_spellings_read_as_the_plain_words(typed: str, plain: str) -> None:
    analyzer = Analyzer()
    assert analyzer.terms(typed) == analyzer.terms(plain)


@pytest.mark.parametrize(
    "kept",
    # codes and ordinals, numbers with units, roman numerals, names and words of their own
    ["g7", "a321", "su24", "co2", "4k", "8pm", "viii", "aaa", "marc", "sat", "site", "lite"],
)
def test_codes_names_and_words_stay_as_typed(kept: str) -> None:
    assert respelled(kept) is None
    assert expand_chat(f"the {kept} again") == f"the {kept} again"


def test_the_chat_table_comes_first() -> None:
    """A word the table lists keeps the table's reading ("2nd" is "second", no "2" for "to");
    a rule's reading that is a table word is read through the table ("omggg" is "omg", which
    is nothing)."""
    assert expand_chat("tho") == "though"
    assert expand_chat("the 2nd round") == "the second round"
    assert expand_chat("omggg the ferries") == "the ferries"


def test_a_chat_spelled_question_is_answered_as_the_plain_one(matcher: Matcher) -> None:
    plain = matcher.ask("why did the varna ferries stop on tuesday night")
    typed = matcher.ask("whyyy did the varna ferries stop tues nite")
    assert answered(plain) == "ferry-strike"
    assert answered(typed) == "ferry-strike"
    assert typed.best is not None and plain.best is not None
    assert typed.best.score == pytest.approx(plain.best.score)


def test_tone_words_do_not_hold_back_an_answer(matcher: Matcher) -> None:
    """'wait', 'lowkey', 'like' say how a question is asked: where no fact uses them they
    weigh against no answer, so the question is answered as surely as without them."""
    plain = matcher.ask("does everyone need a pass for the ruse bridge")
    toned = matcher.ask("wait lowkey does every1 need like a pass for the ruse bridge")
    assert answered(plain) == "bridge-closure"
    assert answered(toned) == "bridge-closure"
    assert toned.best is not None and plain.best is not None
    assert toned.best.score == pytest.approx(plain.best.score)


def test_a_tone_word_a_fact_uses_is_a_word_like_any_other() -> None:
    """Where a fact writes "wait", a question's "wait" is its content and finds that fact."""
    queue = Fact(
        "border-queue",
        "Lorries at the Ruse crossing face a wait of up to two days.",
        ("how long are lorries queuing at ruse",),
    )
    result = Matcher((queue, BRIDGE, TALKS)).ask("how long is the wait")
    assert result.best is not None and result.best.fact.id == "border-queue"
