"""English number words and their values: one table for every reader of counts and spans in
text (supersession proposals, time in questions, dates in articles)."""

from __future__ import annotations

NUMBER_VALUES: dict[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "dozen": 12,
    "fourteen": 14,
    "twenty": 20,
    "thirty": 30,
    "hundred": 100,
}


def number_pattern() -> str:
    """The number words as a regex alternation, longest first (so "fourteen" is not read
    as "four")."""
    return "|".join(sorted(NUMBER_VALUES, key=len, reverse=True))
