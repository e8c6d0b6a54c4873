"""`kb drafts` at the console shows, under a drafted answer, the article's sentence it was made
from when the drafter changed it (set it in the story's event, resolved a pronoun), as the
Discord review card does: the moderator checks one against the other without opening the
article or the draft file (issue 12, point 6). The article is this file's own."""

from __future__ import annotations

from pathlib import Path

from bot.core.draft_files import DraftFile, describe
from bot.core.models import Fact

from .harness import Cli

ARTICLE = """Ferry to Chilov island resumes after storm
Published: 2025-03-02

The ferry to Chilov island resumed on Sunday after a three-day storm had cut the island off.
About 200 residents had been without fresh supplies, the port authority said.
The Azerbaijani emergencies ministry said two boats would run daily until the end of the month.
"""


def test_each_changed_answer_is_listed_above_its_sentence(
    cli: Cli, knowledge: Path, tmp_path: Path
) -> None:
    article = tmp_path / "chilov.txt"
    article.write_text(ARTICLE, "utf-8")
    db = tmp_path / "x.db"
    assert cli("kb", "reload", "--db", db).code == 0
    drafted = cli("ingest", article, "--db", db)
    assert drafted.code == 0, drafted.err
    listing = cli("kb", "drafts", "--db", db).out.splitlines()
    sentence = "    from the article: About 200 residents had been without fresh supplies, the"
    (at,) = [i for i, line in enumerate(listing) if line.startswith(sentence)]
    # Right under the answer made from it, which names the island the sentence leaves out.
    answer = listing[at - 1]
    assert answer.startswith("  ") and "200 residents" in answer and "Chilov" in answer
    assert sum(line.startswith("    from the article: ") for line in listing) == 3, listing


def test_an_answer_that_is_its_sentence_as_written_is_listed_once() -> None:
    kept = "The ferry to Chilov island resumed on 2 March 2025 after a three-day storm."
    changed = "In the Chilov storm of March 2025, about 200 residents had no fresh supplies."
    draft = DraftFile(
        Path("drafts/chilov.yaml"),
        (Fact("chilov-ferry", kept), Fact("chilov-residents", changed)),
        sources={
            "chilov-ferry": [kept],
            "chilov-residents": ["About 200 residents had no fresh supplies."],
        },
    )
    assert describe(draft).splitlines()[1:] == [
        f"  chilov-ferry: {kept}",
        f"  chilov-residents: {changed}",
        "    from the article: About 200 residents had no fresh supplies.",
    ]
