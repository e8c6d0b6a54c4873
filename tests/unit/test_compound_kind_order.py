"""A compound question ("how many were arrested, and what nationalities are they?") asks two
things; a sibling whose curator asked one of them ("how many people rallied ...") is not
phrased for the question, so it does not move ahead of the fact that answers it.

The facts and questions are written for these tests; none comes from the held-out benchmark.
"""

from __future__ import annotations

from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact

ARRESTS = Fact(
    "talvik-arrests",
    "Police arrested four crew members of the Talvik ferry on 3 May, two Estonians and two "
    "Latvians, over the fire that broke out in its engine room.",
    (
        "who was arrested over the talvik ferry fire",
        "were crew members of the talvik ferry detained",
        "what nationality are the arrested talvik crew",
        "did police arrest anyone over the ferry fire",
        "talvik ferry crew arrests",
    ),
)
RALLY = Fact(
    "talvik-rally",
    "About 200 people rallied outside the police station in Parnu on 5 May to demand that "
    "the arrested Talvik crew be freed.",
    (
        "how many people rallied for the arrested talvik crew",
        "where did people protest over the talvik arrests",
        "what did the parnu protesters want",
    ),
)
ROUTE = Fact(
    "talvik-route",
    "The Talvik ferry sails between Parnu and the island of Kihnu twice a day in summer.",
    ("where does the talvik ferry sail", "how often does the talvik ferry run"),
)


def _matcher() -> Matcher:
    return Matcher((ARRESTS, RALLY, ROUTE))


def test_a_sibling_phrased_for_one_ask_does_not_take_the_place_of_the_answer() -> None:
    """The rally fact was asked "how many people ..." by its curator, the arrests fact never
    "how many"; but the question asks for the arrested and their nationalities, which only
    the arrests fact holds. It is the answer given, not the rally's head count."""
    result = _matcher().ask("How many people did police arrest, and what nationalities are they?")
    assert result.best is not None and result.best.fact.id == "talvik-arrests"
    assert result.decision is Decision.ANSWER
