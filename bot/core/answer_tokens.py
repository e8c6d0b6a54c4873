"""An answer's words, numbers and years as the focus reads them (``answer_kinds``,
``role_names``), and a year as a question or an answer writes it."""

from __future__ import annotations

import re

from bot.core.word_edges import WORD_EDGES

YEAR = re.compile(r"^(1[89]|20)\d\d$")


def is_year(token: str) -> bool:
    """Whether a number read from an answer is a year: "2020", "2020," at a clause's end; not
    "2,000" (a thousands comma makes it a count: "about 2,000 residents were evacuated")."""
    return bool(YEAR.match(token.rstrip(",.")))


def answer_tokens(text: str) -> list[str]:
    """Words, numbers and currency signs of ``text``, in order, punctuation stripped; a
    currency sign glued to a number ("$300") is a token of its own before it."""
    out: list[str] = []
    for raw in text.split():
        token = raw.strip(WORD_EDGES)
        if not token:
            continue
        if token[0] in "$€£" and len(token) > 1:
            out.append(token[0])
            token = token[1:]
        out.append(token)
    return out
