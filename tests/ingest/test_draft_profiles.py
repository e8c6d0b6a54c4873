"""A person the article introduces in an aside is asked "who is" of the fact that says who
they are (issue 12, point 3), on an article of our own.

Readers ask about a name with the name alone ("who is dalayev", "rustam dalayev who"). The
aside may come after the name ("Dalayev, a shipping magnate, ...") or before it, closing on
it ("The ferry's owner, the shipping magnate Rustam Dalayev, ...").
"""

from __future__ import annotations

from bot.ingest.profiles import profiled
from tests.ingest.drafting import draft_of, fact_with

FERRY = """Ferry owner charged after Poti harbour sinking
Published: 2025-03-04

POTI, March 4 - Georgian prosecutors on Monday charged the owner of a ferry that sank in Poti
harbour last month with breaching safety rules.

The ferry's owner, the shipping magnate Rustam Dalayev, left Georgia in 2020 and lives in
Dubai. Investigators say the vessel carried twice as many cars as it was licensed for.

Rustam Dalayev has denied the charges through his lawyers.

Four crew members were rescued by the coastguard, and the harbour reopened after three days.
"""


def test_a_name_closing_an_aside_before_it_is_asked_who_it_is() -> None:
    draft = draft_of(FERRY)
    owner = fact_with(draft, "shipping magnate")
    assert "who is rustam dalayev" in owner.questions, owner.questions
    # Asked once: a later fact naming him does not say who he is.
    denied = fact_with(draft, "denied the charges")
    assert "who is rustam dalayev" not in denied.questions, denied.questions


def test_a_description_before_a_name_without_an_aside_is_no_profile() -> None:
    people = {"Rustam Dalayev": "Rustam Dalayev"}
    assert profiled("Police questioned the driver and Rustam Dalayev, then left.", people) == []
    assert profiled("Police questioned two men, the driver and Rustam Dalayev, then.", people) == []
    assert profiled("Its owner, the shipping magnate Rustam Dalayev, left.", people) == [
        "Rustam Dalayev"
    ]


def test_a_name_an_aside_only_relates_to_is_no_profile() -> None:
    """ "the mayor, a close ally of Ilham Aliyev, resigned" says who the mayor is, not who
    Aliyev is: asked "who is ilham aliyev", the fact would answer with the mayor."""
    people = {"Ilham Aliyev": "Ilham Aliyev"}
    assert profiled("The mayor of Ganja, a close ally of Ilham Aliyev, resigned.", people) == []
    assert profiled("Her deputy, the wife of Ilham Aliyev, was detained.", people) == []
    assert profiled("The mayor, the former banker Ilham Aliyev, resigned.", people) == [
        "Ilham Aliyev"
    ]
