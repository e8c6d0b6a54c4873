"""Issue 11 (a live bot stays quick): what the matcher keeps sorted or counted for reading a
question (the words a clipped name is looked up in, the years the facts are dated in) is kept
up to date as facts are added, re-dated and removed, not made again at the next question. A bot
that keeps learning facts answers every question as the same bot restarted from its snapshot,
and, when it only added facts, as a bot given all of them at once.

The facts and questions are this file's own (invented towns, their ferries and tariffs).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.matcher import Matcher
from bot.core.models import AskResult, Decision, Fact, Translation

TOWNS = "vostrakhanovsk pelmarvistad quorrindale zanthepolis brevonnikov".split()
COUNTRIES = "moldova estonia portugal".split()
DEEDS = [("taxed", "tax"), ("closed", "close"), ("rebuilt", "rebuild")]
TOPICS = "ferry tariff bridge harbour".split()
YEARS = [2009, 2011, 2013]


def _fact(n: int) -> Fact:
    """The ``n``-th fact of the pool: each a town's deed, most dated, some a server's own."""
    town = TOWNS[n % len(TOWNS)]
    country = COUNTRIES[n // 2 % len(COUNTRIES)]
    deed = DEEDS[n // 3 % len(DEEDS)][0]
    topic = TOPICS[n // 5 % len(TOPICS)]
    year = YEARS[n // 7 % len(YEARS)]
    return Fact(
        f"town-{n}",
        f"{town.title()} {deed} the {topic} after talks with {country.title()}.",
        (f"why was the {topic} {deed} in {town}",),
        date=dt.date(year, 3, 1) if n % 4 else None,
        guild_id=7 if n % 6 == 5 else None,
    )


POOL = [_fact(n) for n in range(30)]
# Clipped names, years the facts may or may not be dated in, countries they may not name.
QUESTIONS = [
    *(f"why did {town[:5]} {verb} the ferry" for town in TOWNS for _, verb in DEEDS[:1]),
    *(
        f"why was the tariff closed in {town} in {year}"
        for town in TOWNS[:2]
        for year in [*YEARS, 2020]
    ),
    "why was the bridge rebuilt in 2024",
    *(f"why did {country} close the harbour" for country in [*COUNTRIES, "georgia"]),
    "why did pelmarvsitad tax the ferry",
]


def _shown(result: AskResult) -> tuple[object, ...]:
    return result.decision, tuple((m.fact.id, m.score, m.matched_question) for m in result.matches)


def _answers(matcher: Matcher) -> list[tuple[object, ...]]:
    return [
        _shown(matcher.ask(question, guild_id=guild, limit=5))
        for question in QUESTIONS
        for guild in (None, 7)
    ]


# One change: add the pool's fact (again, if it is in: as a new key), remove it, or date it
# in another year (``refresh``: a fact whose file line moved, its date edited).
CHANGES = st.lists(
    st.tuples(
        st.sampled_from(["add", "add", "remove", "redate"]),
        st.integers(min_value=0, max_value=len(POOL) - 1),
        st.sampled_from([*YEARS, 2020]),
    ),
    min_size=1,
    max_size=25,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=CHANGES, start=st.integers(min_value=0, max_value=10))
def test_a_bot_changed_between_questions_answers_as_it_does_restarted(
    changes: list[tuple[str, int, int]], start: int
) -> None:
    """Facts added, removed and re-dated one by one, a question asked after each change (so
    what was sorted or counted for it is kept from then on): every question then gets the
    answer the same index gives once restarted from its snapshot, which sorts and counts all
    of it afresh."""
    live = Matcher(POOL[:start])
    for at, (change, n, year) in enumerate(changes):
        fact = POOL[n]
        if change == "add":
            live.add(fact)
        elif change == "remove":
            live.remove(fact.id)
        else:
            held = live.get(fact.id)
            if held is not None and held.date is not None:
                live.refresh(dataclasses.replace(held, date=dt.date(year, 6, 1)))
        live.ask(QUESTIONS[at % len(QUESTIONS)])
    restarted = Matcher.from_state(live.export_state())
    assert _answers(live) == _answers(restarted)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(order=st.permutations(range(len(POOL))), asked=st.integers(min_value=1, max_value=29))
def test_a_bot_given_facts_one_by_one_answers_as_one_given_them_at_once(
    order: list[int], asked: int
) -> None:
    facts = [POOL[n] for n in order]
    live = Matcher(facts[:asked])
    _answers(live)
    for fact in facts[asked:]:
        live.add(fact)
        live.ask(QUESTIONS[len(live) % len(QUESTIONS)])
    assert _answers(live) == _answers(Matcher(facts))


def test_a_name_learnt_after_the_first_questions_is_read_from_its_clipped_form() -> None:
    """Two towns' ferries taxed alike: only the clipped name tells which is asked about, the
    one added after the first clipped name was read as well as the one there before it."""
    morven = Fact("levy-1", "Morvenhall taxed the ferry.", ("why did morvenhall tax the ferry",))
    kelvar = Fact("levy-2", "Kelvarograd taxed the ferry.", ("why did kelvarograd tax the ferry",))
    live = Matcher([*POOL[:3], morven])
    assert _best(live, "why did morven tax the ferry") == "levy-1"
    live.add(kelvar)
    assert _best(live, "why did kelvar tax the ferry") == "levy-2"
    assert _best(live, "why did morven tax the ferry") == "levy-1"


def _best(matcher: Matcher, question: str) -> str | None:
    result = matcher.ask(question)
    return result.best.fact.id if result.best is not None else None


def _pier_tax(fact_id: str, year: int) -> Fact:
    return Fact(
        fact_id,
        "Vostrakhanovsk taxed the ferry to pay for the pier.",
        ("why was the ferry taxed in vostrakhanovsk",),
        date=dt.date(year, 4, 9),
        translations=(
            Translation(
                "ru",
                "Востраханск обложил паром налогом, чтобы оплатить причал.",
                ("почему востраханск обложил паром налогом",),
            ),
        ),
    )


def test_a_year_is_known_from_the_fact_dated_in_it_only_while_that_fact_is_in() -> None:
    """A Russian question naming a year no fact is dated in is no outright answer; once a fact
    dated in it is added (of other news: a fact's date says when its news was, whatever text
    leaves the year out) it is answered, and once that fact is removed it is not again."""
    live = Matcher([_pier_tax("pier-levy", 2017)])
    question = "почему востраханск обложил паром налогом в 2016 году"
    assert live.ask(question).decision is not Decision.ANSWER
    live.add(
        Fact(
            "bridge",
            "Pelmarvistad rebuilt the bridge.",
            ("why did pelmarvistad rebuild the bridge",),
            date=dt.date(2016, 8, 1),
        )
    )
    assert live.ask(question).decision is Decision.ANSWER
    live.remove("bridge")
    assert live.ask(question).decision is not Decision.ANSWER


def test_a_fact_dated_again_moves_to_its_new_year() -> None:
    """A fact whose date was corrected, served in place (``refresh``), answers for its new year
    and no longer for its old one."""
    pier = _pier_tax("pier-levy", 2012)
    live = Matcher([pier])
    asked = "почему востраханск обложил паром налогом в {} году"
    assert live.ask(asked.format(2012)).decision is Decision.ANSWER
    live.refresh(dataclasses.replace(pier, date=dt.date(2015, 2, 1)))
    assert live.ask(asked.format(2015)).decision is Decision.ANSWER
    assert live.ask(asked.format(2012)).decision is not Decision.ANSWER
