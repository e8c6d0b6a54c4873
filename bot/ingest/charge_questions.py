"""What someone is accused of, charged with or suspected of, asked as readers ask it.

Apart from ``questions`` because it reads its own verbs and their prepositions ("accuse ...
of", "charge ... with"), active or passive, and asks in words the clause does not use ("what
are the charges against ...").
"""

from __future__ import annotations

import re

from bot.ingest.lexicon import base_form, past_participle
from bot.ingest.main_clause import Clause
from bot.ingest.question_forms import who_or_what

_CHARGE_PREPOSITION = {"accuse": "of", "suspect": "of", "charge": "with", "convict": "of"}
_CHARGED = re.compile(
    r"^(?P<whom>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}|(?:the|two|three|both)\s+\w+)\s+"
    r"(?P<prep>of|with)\s+(?P<what>\S+)"
)


def charge_question(clause: Clause, subject: str, names: set[str]) -> str | None:
    """What someone is accused of, charged with or suspected of, asked as readers do, never
    ending on its preposition: "what is samsonyan accused of doing" (an act) or "what are
    the charges against the two officials"."""
    verb = (clause.verb or "").lower()
    base = base_form(verb) or verb
    if base not in _CHARGE_PREPOSITION:
        return None
    prep = _CHARGE_PREPOSITION[base]
    if clause.aux in ("was", "were", "is", "are", "has been", "have been"):
        passive = re.match(rf"^{prep}\s+(?P<what>\S+)", clause.rest)
        if passive is None or who_or_what(clause.subject, names) != "who":
            return None
        whom, what = subject, passive["what"]
        be = clause.aux.split()[0]
    elif clause.aux is None:
        active = _CHARGED.match(clause.rest)
        if active is None or active["prep"] != prep:
            return None
        whom = active["whom"] if active["whom"][:1].isupper() else active["whom"].lower()
        what = active["what"]
        be = "was" if verb.endswith("ed") else "is"
    else:
        return None
    if what.endswith("ing") and base in ("accuse", "suspect"):
        return f"what {be} {whom} {past_participle(base)} of doing"
    return f"what are the charges against {whom}"
