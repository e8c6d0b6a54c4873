"""Readers say "rockets" of what the news calls missiles (issue 11: words no fact uses). Asked
"how many rockets", a fact whose number stands beside "missiles" is the count, not a fact
counting something else. The strike and the town are invented."""

from __future__ import annotations

import datetime as dt

from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact

STRIKE = Fact(
    "dornvik-strike",
    "Russia fired 37 missiles and 20 drones at the port of Dornvik overnight on 4 May, the "
    "regional governor said.",
    ("what hit dornvik on 4 may", "was dornvik attacked", "what did russia fire at dornvik"),
    date=dt.date(2026, 5, 4),
)
SHELTERS = Fact(
    "dornvik-shelters",
    "About 1,200 residents of Dornvik spent the night of 4 May in shelters, the city council said.",
    ("where did dornvik residents shelter", "did people hide during the attack on dornvik"),
    date=dt.date(2026, 5, 4),
)


def test_rockets_are_counted_as_the_missiles() -> None:
    result = Matcher([STRIKE, SHELTERS]).ask("how many rockets hit dornvik")
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == "dornvik-strike"
