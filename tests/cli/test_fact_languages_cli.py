"""`fact add|edit --language` on the command line: a fact added in Russian, a translation
added to an English one, each answered in the language asked."""

from __future__ import annotations

from pathlib import Path

import pytest

from .harness import Cli

RU_ANSWER = "Книжная ярмарка в Баку перенесена на осень из-за наводнения."
RU_QUESTION = "когда откроется книжная ярмарка в баку"
EN_ANSWER = "The Baku book fair was moved to the autumn after the flood."
EN_QUESTION = "when does the baku book fair open"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "x.db"


def added_id(output: str) -> str:
    """The id in "Added ID." or "Added ID (ru)."."""
    return output.split()[1].rstrip(".")


def test_fact_add_in_russian_is_answered_in_russian(cli: Cli, knowledge: Path, db: Path) -> None:
    added = cli("fact", "add", RU_ANSWER, "-q", RU_QUESTION, "--language", "ru", "--db", db)
    assert added.code == 0, added.err
    assert added.out.strip().endswith("(ru).")
    fact_id = added_id(added.out)
    asked = cli("ask", RU_QUESTION, "--db", db)
    assert RU_ANSWER in asked.out
    shown = cli("fact", "show", fact_id, "--db", db)
    assert "  language: ru" in shown.out.splitlines()


def test_fact_edit_in_russian_adds_a_translation(cli: Cli, knowledge: Path, db: Path) -> None:
    """The English answer stays; a Russian question gets the Russian one; the history says
    which language the edit was in."""
    fact_id = added_id(cli("fact", "add", EN_ANSWER, "-q", EN_QUESTION, "--db", db).out)
    edited = cli(
        "fact", "edit", fact_id, "--language", "ru", "--answer", RU_ANSWER, "-q", RU_QUESTION,
        "--db", db,
    )  # fmt: skip
    assert edited.code == 0, edited.err
    assert edited.out.strip() == (
        f"Added the ru translation of {fact_id} (its en answer is unchanged)."
    )
    assert RU_ANSWER in cli("ask", RU_QUESTION, "--db", db).out
    english = cli("ask", EN_QUESTION, "--db", db).out
    assert EN_ANSWER in english and RU_ANSWER not in english
    history = cli("fact", "history", fact_id, "--db", db).out.splitlines()
    assert " edit " in history[-1] and " by console (ru): " in history[-1]


def test_an_unknown_language_is_a_usage_error(cli: Cli, knowledge: Path, db: Path) -> None:
    done = cli("fact", "add", EN_ANSWER, "--language", "fr", "--db", db)
    assert done.code == 2
    assert done.err.splitlines() == [
        "error: 'fr' is not a language newsdesk knows: give en, ru or az."
    ]


def test_fact_edit_removes_a_translation(cli: Cli, knowledge: Path, db: Path) -> None:
    """`--remove-translation --language ru` drops the Russian text: a Russian question then
    reads the English answer; without --language it is a one-line usage error."""
    fact_id = added_id(cli("fact", "add", EN_ANSWER, "-q", EN_QUESTION, "--db", db).out)
    cli("fact", "edit", fact_id, "--language", "ru", "--answer", RU_ANSWER, "--db", db)
    removed = cli("fact", "edit", fact_id, "--language", "ru", "--remove-translation", "--db", db)
    assert removed.code == 0, removed.err
    assert removed.out.strip() == f"Removed the 'ru' translation of {fact_id}."
    shown = cli("fact", "show", fact_id, "--db", db).out
    assert RU_ANSWER not in shown
    unsaid = cli("fact", "edit", fact_id, "--remove-translation", "--db", db)
    assert unsaid.code == 2
    assert unsaid.err.splitlines() == [
        "error: --remove-translation needs --language: the one to remove."
    ]
