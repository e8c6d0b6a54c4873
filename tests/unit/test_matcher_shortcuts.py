"""What the matcher skips or keeps for speed changes no answer: narrowing the candidates to
those within reach of the best, and term weights kept from one question to the next."""

from __future__ import annotations

import random
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bot.core.candidate_gathering as candidate_gathering
from bot.core.matcher import Matcher, MatcherSettings
from bot.core.models import AskResult, Fact, Origin

PEOPLE = "odalric venmarsh tibbald quorra ysolde pernille".split()
ACTIONS = "recalled detained sanctioned pardoned expelled".split()
TOPICS = "pipeline ceasefire treaty election harbour tariff".split()
PLACE_WORDS = "talvora brenmoor quistel".split()
VOCABULARY = [*PLACE_WORDS, *PEOPLE, *ACTIONS, *TOPICS, "officials", "said", "why", "who"]


def _news(count: int, seed: int) -> list[Fact]:
    """Facts that share a few words widely: every one says "officials said", and one place is
    in most of them, as a news base's own country is."""
    rng = random.Random(seed)
    facts = []
    for n in range(count):
        place = "talvora" if rng.random() < 0.7 else rng.choice(PLACE_WORDS)
        person, action, topic = rng.choice(PEOPLE), rng.choice(ACTIONS), rng.choice(TOPICS)
        guild = rng.choice([None, None, None, 1, 2])
        facts.append(
            Fact(
                f"news-{n}",
                f"{person.title()} of {place.title()} {action} the {topic}, officials said.",
                (f"why did {person} {action.removesuffix('ed')} the {topic}",),
                tags=(place,),
                origin=Origin.FILE if guild is None else Origin.USER,
                guild_id=guild,
            )
        )
    return facts


def _shown(result: AskResult) -> tuple[object, ...]:
    return result.decision, tuple((m.fact.id, m.score, m.matched_question) for m in result.matches)


# A small budget and shortlist make a few hundred facts behave like a very large base: common
# words are added to the candidates the rare ones brought in, where narrowing applies.
TIGHT = MatcherSettings(posting_budget=60, candidates=3)
NEWS = _news(600, seed=3)
NARROWED = Matcher(NEWS, settings=TIGHT)
for _fact in NEWS[::7]:
    NARROWED.remove(_fact.id)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=7),
    guild_id=st.sampled_from([None, 1, 2]),
)
def test_narrowing_the_candidates_changes_no_answer(words: list[str], guild_id: int | None) -> None:
    """Whatever is asked, in any server, with facts removed on the way: the same answers and
    scores as when every candidate is kept to the end."""
    question = " ".join(words)
    narrowed = NARROWED.ask(question, guild_id=guild_id, limit=10)
    with mock.patch.object(candidate_gathering, "_REACH_FROM", 10**9):
        kept = NARROWED.ask(question, guild_id=guild_id, limit=10)
    assert _shown(narrowed) == _shown(kept)


def test_weights_kept_between_questions_follow_the_facts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Term weights kept from one question to the next are those of the facts as they are now:
    after facts are added and removed, the answers are those of weights worked out afresh."""
    questions = [
        *(
            f"why did {p} {a.removesuffix('ed')} the {t}"
            for p, a, t in zip(PEOPLE, ACTIONS, TOPICS, strict=False)
        ),
        "talvora said",
        "officials brenmoor treaty",
    ]
    matcher = Matcher(NEWS[:100])
    for question in questions:
        matcher.ask(question)  # weights kept for the facts as they were
    for fact in NEWS[100:250]:
        matcher.add(fact)
    for fact in NEWS[:30]:
        matcher.remove(fact.id)
    kept = [_shown(matcher.ask(question, limit=10)) for question in questions]
    with monkeypatch.context() as patch:
        patch.setattr(Matcher, "_weights", lambda self, names: {})
        afresh = [_shown(matcher.ask(question, limit=10)) for question in questions]
    assert kept == afresh
