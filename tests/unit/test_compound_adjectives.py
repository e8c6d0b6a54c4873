"""A capitalised compound adjective ("Russian-installed", "Kremlin-backed") says who stands behind
someone, not who they are: the office it qualifies is not written beside a name.

The facts and questions are written for these tests; none comes from the held-out benchmark.
"""

from __future__ import annotations

from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact
from bot.core.role_names import named_roles, titled_people

# An article on a port town: its governor is never named, its mayor is.
PORT_LIMITS = Fact(
    "port-limits",
    "After the storm on 3 March the Moscow-appointed governor of the port region capped petrol "
    "sales at twenty litres a car and closed the ferry terminal for two days.",
    (
        "what limits did the governor put on petrol sales",
        "was the ferry terminal closed after the storm",
        "how much petrol can drivers buy in the port region",
    ),
)
PORT_MAYOR = Fact(
    "port-mayor",
    "The town's mayor, Irina Volkova, said the harbour walls held and no one was hurt.",
    ("what did the mayor say about the storm", "was anyone hurt in the port storm"),
)


def test_a_compound_adjective_before_an_office_is_no_name() -> None:
    assert named_roles("the Russian-installed governor banned fuel sales") == ()
    assert named_roles("a Kremlin-backed governor said so") == ()
    assert named_roles("The Moscow-appointed governor, Lev Orlov, said so.") == ("governor",)
    assert titled_people("The Kremlin-backed governor spoke.") == ()


def test_a_place_name_with_a_hyphen_is_still_a_name() -> None:
    """Each part of a place's own name is capitalised: it still stands beside the office."""
    assert named_roles("the Rostov-on-Don governor said so") == ("governor",)
    assert named_roles("the Nagorno-Karabakh leader spoke") == ("leader",)


def test_the_name_of_an_unnamed_office_holder_is_not_answered() -> None:
    """The fact says what the governor did but never who the governor is: asked for the name,
    it is at most offered."""
    matcher = Matcher((PORT_LIMITS, PORT_MAYOR))
    result = matcher.ask("whats the name of the port governor who capped petrol sales")
    assert result.decision is not Decision.ANSWER
    named = matcher.ask("what is the name of the port town's mayor")
    assert named.best is not None and named.best.fact.id == "port-mayor"
