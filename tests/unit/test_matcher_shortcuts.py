"""What the matcher skips or keeps for speed changes no answer: narrowing the candidates to
those within reach of the best, terms whose facts could not be among the best bringing none
in, and term weights kept from one question to the next."""

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


def _shortlisted(matcher: Matcher, question: str) -> list[tuple[int, float]]:
    """The facts ``question`` would have scored, with their rough scores, best first."""
    asked = matcher._read_question(question)
    return matcher._shortlist(asked.query, None)


def _harbour_news() -> list[Fact]:
    """A name in a handful of facts and two words in dozens: a long question naming all three
    reaches its answer through the name, while the common words' own facts cannot be among
    the best."""
    facts = [
        Fact(
            f"quorra-{n}",
            f"Quorra inspected the {place} depot on day {n}.",
            (f"where did quorra go on day {n}",),
        )
        for n, place in enumerate(("north", "south", "east", "west", "river", "hill", "coast"))
    ]
    facts.append(
        Fact(
            "quorra-harbour-tariff",
            "Quorra halted the harbour tariff talks after the strike.",
            ("why did quorra halt the harbour tariff talks",),
        )
    )
    for n in range(40):
        facts.append(Fact(f"harbour-{n}", f"The harbour crane {n} was repaired by the crew."))
        facts.append(Fact(f"tariff-{n}", f"A tariff on item {n} was lowered by the board."))
    return facts


HARBOUR = _harbour_news()
# Six candidates shortlisted, from a budget the common words' postings fit within.
SMALL_SHORTLIST = MatcherSettings(posting_budget=500, candidates=3)


def test_a_rare_name_reaches_the_answer_while_common_words_bring_no_candidates_in() -> None:
    """Why did Quorra halt the harbour tariff talks? The name's eight facts are gathered
    first; the harbour's and the tariff's forty others each could not catch up with them, so
    those words only add their weight to the name's facts. The answer is the fact holding them
    all, and the shortlist is the one every fact gathered gives."""
    matcher = Matcher(HARBOUR, settings=SMALL_SHORTLIST)
    question = "why did quorra halt the harbour tariff talks"
    pruned: list[int] = []
    check = Matcher._none_new_within_reach

    def spy(self: Matcher, *args: object) -> bool:
        answer: bool = check(self, *args)  # type: ignore[arg-type]
        if answer:
            pruned.append(1)
        return answer

    with mock.patch.object(Matcher, "_none_new_within_reach", spy):
        result = matcher.ask(question)
        shortlist = _shortlisted(matcher, question)
    assert pruned, "the common words brought candidates in"
    assert result.matches[0].fact.id == "quorra-harbour-tariff"
    assert all(matcher._entries[key].fact.id.startswith("quorra") for key, _ in shortlist)
    with mock.patch.object(candidate_gathering, "_PRUNE_FROM", 10**9):
        assert _shortlisted(matcher, question) == shortlist
        assert _shown(matcher.ask(question)) == _shown(result)


# Budgets most words' postings fit within, so that terms after the first are read within them
# and asked whether their facts could be among the best, and shortlists of two to six.
WITHIN_BUDGET = {
    (budget, shortlist): Matcher(
        NEWS, settings=MatcherSettings(posting_budget=budget, candidates=shortlist)
    )
    for budget in (150, 400)
    for shortlist in (1, 3)
}
for _matcher in WITHIN_BUDGET.values():
    for _fact in NEWS[::7]:
        _matcher.remove(_fact.id)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=8),
    guild_id=st.sampled_from([None, 1, 2]),
    matcher=st.sampled_from(sorted(WITHIN_BUDGET)),
)
def test_terms_bringing_no_candidate_in_change_no_answer(
    words: list[str], guild_id: int | None, matcher: tuple[int, int]
) -> None:
    """Whatever is asked, in any server, with facts removed on the way: the same shortlist
    (the same facts, rough scores and order) and the same answers as when every term within
    the budget brings its facts in."""
    question = " ".join(words)
    within = WITHIN_BUDGET[matcher]
    asked = within._read_question(question)
    shortlist = within._shortlist(asked.query, guild_id)
    result = within.ask(question, guild_id=guild_id, limit=10)
    with mock.patch.object(candidate_gathering, "_PRUNE_FROM", 10**9):
        assert within._shortlist(asked.query, guild_id) == shortlist
        assert _shown(within.ask(question, guild_id=guild_id, limit=10)) == _shown(result)
