""" "Who is X": asked of the fact that says who a person is.

News introduces people in an aside: "Alexandr Stoianoglo, a former prosecutor general backed
by the Socialists, finished with 45 percent"; "Prigozhin, a St Petersburg businessman who
spent nine years in prison, was nicknamed ..."; "Sandu, who founded the party, first won
...". Readers ask about a name with no more than the name ("who is stoianoglo", "ilan shor").
The fact holding the first such aside about a person is the one that answers them, so it is
asked "who is <full name>"; later asides about the same person are not (one fact answers).
"""

from __future__ import annotations

import re

from bot.core.folding import fold
from bot.ingest.people_names import own_first_name

# "<Name>, a/an/the <description>," or "<Name>, who <verb> ...": an aside saying who it is.
# The name may be written as a possessive's owner ("Shor's") no more than a subject, so the
# comma must follow the bare name.
_ASIDE_AFTER = r",\s+(?:(?:a|an|the)\s+[\w'-]+|who\s+[a-z])"
# "The party's founder, the businessman Ilan Shor, fled ...": the aside before the name, a
# role in lower case ("the businessman", "the former mayor"), the name closing the aside. No
# preposition in the role: in "the mayor, a close ally of Ilham Aliyev, resigned" the aside
# is the mayor's, and the name only says whose ally.
_ASIDE_BEFORE = (
    r"(?<=,\s)(?:the|a|an)\s+"
    r"(?:(?!(?:and|or|of|to|for|with|by|from|at|in|on|under|against)\b)[a-z][\w-]*\s+){1,3}"
)


def profiled(text: str, people: dict[str, str]) -> list[str]:
    """The full names of the people ``text`` says who they are in an aside, in order
    (``people``: each name as written, short or full, to the full name)."""
    found: list[tuple[int, str]] = []
    for written, full in people.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(written)}(?={_ASIDE_AFTER})", text):
            if written != full and own_first_name(text[: match.start()]):
                continue  # "deputy Aidos Bekov, who ...": not Governor Nurlan Bekov
            found.append((match.start(), full))
        for match in re.finditer(rf"{_ASIDE_BEFORE}{re.escape(written)}(?=,)", text):
            found.append((match.start(), full))
    found.sort()
    return list(dict.fromkeys(full for _, full in found))


class ProfileQuestions:
    """Hands out "who is X" once per person, to the first fact that says who X is."""

    def __init__(self, people: dict[str, str]) -> None:
        self._people = people
        self._asked: set[str] = set()

    def questions(self, source: str) -> list[str]:
        """The "who is" questions of a fact whose article sentence(s) are ``source``."""
        out = []
        for full in profiled(source, self._people):
            if full in self._asked or " " not in full:
                continue
            self._asked.add(full)
            out.append(f"who is {fold(full)}")
        return out
