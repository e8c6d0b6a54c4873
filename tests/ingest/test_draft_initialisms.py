"""A body named in full in one sentence and by its initials in another is found by either
(issue 12, point 1: self-contained facts; point 4: tags are named entities). Our own text."""

from __future__ import annotations

from bot.ingest.initialisms import derived_initialisms, initialisms, paired_tags
from tests.ingest.drafting import draft_of

ARTICLE = """Caspian fishing ban extended after sturgeon count falls
Published: 2025-05-12

ASTRAKHAN, May 12 - The Caspian Fisheries Commission extended its ban on sturgeon fishing by
five years on Monday after its annual count found fewer than 8,000 adult fish.

CFC chairman Aliyar Rustamov said poaching in the Volga delta had not fallen since 2020.

The commission's scientists will repeat the count in the autumn.
"""


def test_initials_are_paired_with_the_full_name_the_text_writes() -> None:
    text = (
        "The Black Sea Grain Council met in Odesa. BSGC members agreed. The UN stayed away."
        " A spokesman for the Council of Europe said nothing."
    )
    assert initialisms(text) == {"BSGC": "Black Sea Grain Council"}


def test_a_name_run_on_from_a_title_still_finds_its_initials() -> None:
    text = "CFC chairman Rustamov spoke. Then the Caspian Fisheries Commission voted."
    assert initialisms("Yesterday Caspian Fisheries Commission met. CFC agreed.") == {
        "CFC": "Caspian Fisheries Commission"
    }
    assert initialisms(text)["CFC"] == "Caspian Fisheries Commission"


def test_a_fact_is_tagged_with_the_form_it_lacks() -> None:
    pairs = {"CFC": "Caspian Fisheries Commission"}
    assert paired_tags("CFC chairman Aliyar Rustamov said ...", pairs) == [
        "caspian-fisheries-commission"
    ]
    assert paired_tags("The Caspian Fisheries Commission extended ...", pairs) == ["cfc"]
    assert paired_tags("The Caspian Fisheries Commission (CFC) met.", pairs) == []


def test_the_drafted_fact_naming_the_initials_is_tagged_with_the_full_name() -> None:
    draft = draft_of(ARTICLE)
    (fact,) = [f for f in draft.facts if "Rustamov" in f.answer]
    assert "caspian-fisheries-commission" in fact.tags
    (opening,) = [f for f in draft.facts if "extended its ban" in f.answer]
    assert "cfc" in opening.tags


def test_a_title_with_the_same_initials_is_not_the_body() -> None:
    text = (
        "Under Secretary Jane Roe arrived. The United States sent aid. US officials said the"
        " United States would send more."
    )
    assert initialisms(text) == {"US": "United States"}


NEVER_SHORTENED = """Observers barred from Lestria vote
Published: 2025-06-02

VELNA, June 2 - Lestria did not invite observers from the Organization for Security and
Co-operation in Europe to Sunday's parliamentary vote, the foreign ministry said.

The Central Election Commission put turnout at 48 percent on Monday.

Opposition leader Mara Dunsk said the vote was held without any outside scrutiny.
"""


def test_a_body_named_only_in_full_gets_the_initials_readers_use() -> None:
    text = (
        "Observers from the Organization for Security and Co-operation in Europe stayed away."
        " The UN Security Council met. The International Atomic Energy Agency said nothing."
        " The Collective Security Treaty Organization (CSTO) sent troops."
    )
    derived = derived_initialisms(text, lambda word: False)
    assert derived == {
        "OSCE": "Organization for Security and Co-operation in Europe",
        "UNSC": "UN Security Council",
        "IAEA": "International Atomic Energy Agency",
    }  # (CSTO is written: ``initialisms`` pairs it)


def test_no_initials_for_places_people_or_common_words() -> None:
    text = "Mara Dunsk flew from North Velna Province to the Caspian Sea. The Westside Hub opened."
    assert derived_initialisms(text, lambda word: False) == {}
    # Initials that spell a common word are read as that word: never tagged.
    assert derived_initialisms("The Committee on Aviation Transport met.", lambda w: True) == {}


def test_a_fact_naming_a_body_in_full_is_tagged_with_its_initials() -> None:
    draft = draft_of(NEVER_SHORTENED)
    observers = next(f for f in draft.facts if "Co-operation in Europe" in f.answer)
    assert "osce" in observers.tags, observers.tags
    turnout = next(f for f in draft.facts if "48 percent" in f.answer)
    assert "cec" in turnout.tags, turnout.tags
