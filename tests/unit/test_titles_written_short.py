"""Ranks and titles written short ("Gen.", "Lt. Col.", "Dr.") end no sentence and are no
surname (issue 11, a review leftover). Before, "Regional governor Gen. Oleg Varnas said ..."
gave the governor the surname "gen", so a sibling fact saying only "Varnas said" did not meet
"what did the governor say"; and a role's name was looked for in pieces cut at every such full
stop. The people and places are invented."""

from __future__ import annotations

import pytest

from bot.core.role_names import named_roles, sentences, titled_people


@pytest.mark.parametrize(
    ("answer", "people"),
    [
        ("Regional governor Gen. Oleg Varnas closed the pass.", [("governor", "varnas")]),
        ("Garrison commander Lt. Col. Ivo Dren ordered the pullback.", [("commander", "dren")]),
        ("Mayor Dr. Anna Sandor opened the ferry terminal.", [("mayor", "sandor")]),
    ],
)
def test_a_title_before_the_name_is_not_its_surname(
    answer: str, people: list[tuple[str, str]]
) -> None:
    assert list(titled_people(answer)) == people


@pytest.mark.parametrize(
    ("answer", "count"),
    [
        ("The pass was closed by Maj. Gen. Oleg Varnas, the regional commander.", 1),
        ("The order was signed by Vladislav V. Orlov on Friday.", 1),
        ("The pass closed near Dorn. The commander said little.", 2),
    ],
)
def test_a_title_or_an_initial_ends_no_sentence(answer: str, count: int) -> None:
    assert len(sentences(answer)) == count


def test_a_name_after_a_rank_still_stands_beside_its_role() -> None:
    roles = named_roles("The pass was closed by Maj. Gen. Oleg Varnas, the regional commander.")
    assert "commander" in roles
    assert named_roles("The pass closed near Dorn. The regional commander said little.") == ()
