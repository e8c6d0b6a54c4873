"""Synthetic, news-like fact bases of any size, and typo'd questions about them.

News facts are about named things: people, places, organisations, each mentioned with a
Zipf-like popularity (a few everywhere, most rarely), around a common vocabulary of actions and
topics. The generator makes pronounceable names from syllables so that the vocabulary grows with
the fact base as a real one does. Deterministic for a given seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from bot.core.models import Fact

SYLLABLES = """ka ra vel dun mor ba ku ter in burg sa mi lo ne vo gra da ze ti an os ha
li ro tu ny el ga ma shen ko va pol an de ri ne sk ov ich mir ya stan zar lev bek ol""".split()
ACTORS = """president minister ambassador envoy spokesperson parliament court prosecutor police
ministry committee army navy customs bank opposition activist journalist governor mayor
delegation mediator observer commission union alliance regulator senator""".split()
ACTIONS = """recalled summoned detained released arrested sanctioned condemned welcomed signed
suspended rejected approved announced denied accused investigated expelled closed opened banned
fined pardoned extradited deported mobilised withdrew deployed negotiated postponed""".split()
TOPICS = """gas pipeline oil exports grain corridor railway ceasefire border treaty election
referendum protest strike inflation currency tariff visa airspace flights shipping port refugees
prisoners hostages media outlet assets embassy consulate drone missile peacekeepers troops
exercises summit talks investigation trial verdict sentence amnesty sanctions loan""".split()
CONNECTORS = (
    "after",
    "following",
    "amid",
    "despite",
    "in response to",
    "ahead of",
    "as part of",
)
QUESTION_FORMS = (
    "why did the {actor} of {place} {verb} the {topic}",
    "what happened with {person} and the {topic}",
    "who {action} the {topic} in {place}",
    "{place} {topic} {person}",
    "when was the {topic} {action} by {place}",
    "what did {person} say about the {topic} in {place}",
)


class _Names:
    """Pronounceable names with Zipf-like popularity; more facts, more names."""

    def __init__(self, rng: random.Random, count: int) -> None:
        seen: set[str] = set()
        self.names: list[str] = []
        while len(self.names) < count:
            name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
            if name not in seen and len(name) >= 4:
                seen.add(name)
                self.names.append(name)
        self.rng = rng

    def pick(self) -> str:
        # Skewed rank: the most popular name is in a few percent of facts, most names in few.
        rank = int(len(self.names) * self.rng.random() ** 3)
        return self.names[rank]


def facts(count: int, *, seed: int = 7) -> Iterator[Fact]:
    rng = random.Random(seed)
    places = _Names(rng, max(50, count // 20))
    people = _Names(rng, max(50, count // 8))
    for n in range(count):
        place, other = places.pick(), places.pick()
        person = people.pick()
        actor = rng.choice(ACTORS)
        action = rng.choice(ACTIONS)
        topic, topic2 = rng.sample(TOPICS, 2)
        answer = (
            f"{person.title()}, the {actor} of {place.title()}, {action} the {topic} "
            f"{rng.choice(CONNECTORS)} the {topic2} dispute with {other.title()}, officials "
            f"said on day {n % 365 + 1}. It was the {rng.randrange(2, 40)}th such step this "
            f"year, and {rng.choice(ACTORS)}s in {other.title()} called it "
            f"{rng.choice(['a provocation', 'overdue', 'a mistake', 'a first step'])}."
        )
        question = rng.choice(QUESTION_FORMS).format(
            actor=actor,
            place=place,
            person=person,
            verb=action.removesuffix("ed").removesuffix("d"),
            topic=topic,
            action=action,
        )
        yield Fact(
            id=f"f{n}",
            answer=answer,
            questions=(question, f"{person} {topic} {action}"),
            tags=(place, topic),
        )


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 2)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1 :]
    if kind == 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + rng.choice("aeiourstn") + word[i + 1 :]


def questions(fact_list: list[Fact], count: int, *, seed: int = 11) -> list[tuple[str, str]]:
    """(question, expected fact id): a fact's question, sometimes shuffled, a third with a typo."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        fact = rng.choice(fact_list)
        words = fact.questions[0].split()
        if rng.random() < 0.2:
            rng.shuffle(words)
        if rng.random() < 0.35:
            k = rng.randrange(len(words))
            words[k] = _typo(words[k], rng)
        out.append((" ".join(words), fact.id))
    return out
