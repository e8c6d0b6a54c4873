"""Questions cut out of a list or a range, which read as fragments: "how many militants were
killed 11 wounded" (from "eight were killed, 11 wounded"), "who was given four" (four what?),
"what took between 1.08 in the vote" (between 1.08 and what?), "did between and x accept".

``fragment_problem`` says which, or None; ``question_check.problem`` refuses such a question.
``mended`` first takes out a list's later item, so the question asks the first one whole.
"""

from __future__ import annotations

from bot.ingest.lexicon import is_past

_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred hundreds thousand thousands million millions".split()
)
_DETERMINERS = frozenset("the a an this that these those its their his her".split())


def _number(word: str) -> bool:
    bare = word.replace(",", "").replace(".", "").replace("%", "")
    return bare.isdigit() or word in _NUMBER_WORDS


def mended(question: str) -> str:
    """``question`` without a list's later item that lost its comma: "how many militants were
    killed 11 wounded" -> "how many militants were killed" (what the sentence's first item
    says, asked whole; the count of the wounded is the fact's to tell)."""
    words = question.split(" ")
    for at in range(1, len(words) - 1):
        before, number, after = words[at - 1], words[at], words[at + 1]
        if _number(number) and is_past(before) and is_past(after):
            return " ".join([*words[:at], *words[at + 2 :]])
    return question


def fragment_problem(words: list[str]) -> str | None:
    """Why ``words`` (a question, lower-cased) is a fragment of a list or range, or None."""
    for at in range(1, len(words)):
        before, number = words[at - 1], words[at]
        after = words[at + 1] if at + 1 < len(words) else ""
        # "killed 11 wounded": a count between two participles is a list's second item, its
        # comma lost; a participle then a count ending the question asks "four what?"
        if _number(number) and is_past(before) and (after == "" or is_past(after)):
            return f"a count left without its noun ('{before} {number}')"
    for index, word in enumerate(words):
        if word != "between":
            continue
        rest = words[index + 1 :]
        if not rest or rest[0] in ("and", "or"):
            return "'between' with nothing before its 'and'"
        if _number(rest[0]) and "and" not in rest:
            return "'between' a number and nothing"  # "between 18", "between 1.08 in"
        if rest[0] in ("them", "us") and len(rest) > 1 and rest[1] in _DETERMINERS:
            return "a noun phrase after 'between them'"  # "between them the two vessels"
    return None
