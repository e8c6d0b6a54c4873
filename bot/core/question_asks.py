"""The asks of a compound question: two questions joined by "and" ("when was the raid, and why
did baku react so strongly", "who was detained and what were they charged with").

Each ask wants its own kind of answer. Read as one, the question wants both kinds from one fact,
which facts written one point each seldom hold: a fact answering one ask in full is an answer to
the question, not a fact lacking what is asked for.
"""

from __future__ import annotations

from bot.core.focus_words import QUESTION_WORDS

# Words that open an English question, or a second one after "and": a question word or the
# verb a yes/no question starts with.
_ASK_OPENINGS = QUESTION_WORDS | frozenset(
    "did does do was were is are has have had will would can could".split()
)
# The joins of two asks: "or" offers alternatives of one ask ("has it eased, or is it still
# growing"), "and" adds a second.
_JOINS = frozenset({"and"})
# The least words before the join for its first part to ask something ("who and when" is one).
_LEAST = 3


def asks(words: list[str]) -> tuple[list[str], ...]:
    """The asks of a question given as its folded words: the words before "and" and after it,
    when a question word or a question's opening verb follows it ("..., and why did ...",
    "... and when"); the question alone otherwise."""
    for index in range(_LEAST, len(words) - 1):
        if words[index] in _JOINS and words[index + 1] in _ASK_OPENINGS:
            return (words[:index], words[index + 1 :])
    return (words,)
