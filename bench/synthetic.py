"""Synthetic, news-like fact bases of any size, and typo'd questions about them.

Deterministic for a given seed, so runs are comparable. Vocabulary: places, actors, actions and
topics combined into statements with realistic lengths; questions paraphrase one statement and
carry a typo in about a third of cases.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from bot.core.models import Fact

PLACES = """moscow baku yerevan tbilisi ankara kyiv minsk astana tashkent bishkek dushanbe ashgabat
tehran berlin paris london warsaw vilnius riga tallinn helsinki stockholm oslo copenhagen prague
vienna budapest bucharest sofia belgrade zagreb sarajevo skopje tirana athens rome madrid lisbon
brussels amsterdam geneva washington beijing delhi islamabad kabul baghdad damascus beirut cairo
yekaterinburg novosibirsk kazan sochi grozny makhachkala ganja sumgait shusha stepanakert""".split()
ACTORS = """president minister ambassador envoy spokesperson parliament court prosecutor police
ministry committee army navy border-guard customs central-bank opposition activist journalist
governor mayor patriarch delegation mediator observer commission union alliance""".split()
ACTIONS = """recalled summoned detained released arrested sanctioned condemned welcomed signed
suspended rejected approved announced denied accused investigated expelled closed opened banned
fined pardoned extradited deported mobilised withdrew deployed negotiated postponed""".split()
TOPICS = """gas pipeline oil exports grain corridor railway ceasefire border treaty election
referendum protest strike inflation currency tariff visa regime airspace flights shipping port
refugees prisoners hostages journalists media outlet bank assets embassy consulate drone missile
peacekeepers troops exercises summit talks investigation trial verdict sentence amnesty""".split()
FILLER = """after following amid despite during before over because of in response to""".split("  ")
QUESTION_FORMS = (
    "why did the {actor} in {place} {verb} the {topic}",
    "what happened with the {topic} in {place}",
    "who {action} the {topic} {place}",
    "{place} {topic} {actor}",
    "when was the {topic} {action} by {place}",
    "what did the {place} {actor} do about the {topic}",
)


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1 :]
    if kind == 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + rng.choice("aeiourstn") + word[i + 1 :]


def facts(count: int, *, seed: int = 7) -> Iterator[Fact]:
    rng = random.Random(seed)
    for n in range(count):
        place, other = rng.sample(PLACES, 2)
        actor = rng.choice(ACTORS)
        action = rng.choice(ACTIONS)
        topic, topic2 = rng.sample(TOPICS, 2)
        answer = (
            f"The {actor} in {place.title()} {action} the {topic} {rng.choice(FILLER)} the "
            f"{topic2} dispute with {other.title()}, officials said on day {n % 365 + 1}; "
            f"the move was the {rng.randrange(2, 40)}th such step this year."
        )
        question = rng.choice(QUESTION_FORMS).format(
            actor=actor, place=place, verb=action.rstrip("ed"), topic=topic, action=action
        )
        yield Fact(
            id=f"f{n}",
            answer=answer,
            questions=(question, f"{place} {topic} {action}"),
            tags=(place, topic),
        )


def questions(fact_list: list[Fact], count: int, *, seed: int = 11) -> list[tuple[str, str]]:
    """(question, expected fact id) pairs: a fact's question reworded, a third with a typo."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        fact = rng.choice(fact_list)
        words = fact.questions[0].split()
        rng.shuffle(words) if rng.random() < 0.2 else None
        if rng.random() < 0.35:
            k = rng.randrange(len(words))
            words[k] = _typo(words[k], rng)
        out.append((" ".join(words), fact.id))
    return out
