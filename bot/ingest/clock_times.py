"""Times of day as an article writes them ("at about 6:07 a.m.", "from 18:42", "at 9.30 pm").

A time of day is one phrase: its colon is no clause break ("The blast came at about 6:07 a.m."
is not cut to "... at about 6"), and a question asking when something happened leaves it out
as it leaves out the day ("when did the blast come", not "when did the blast come at about
6:07 a.m."). Wire copy writes hours and minutes with a colon, British copy sometimes with a
full stop before "am"/"pm"; a bare "6 a.m." is a time of day too.
"""

from __future__ import annotations

import re

# "6:07", "18:42", "6:07 a.m.", "9.30pm", "6 a.m.", "noon local time" is left to the date rules.
_CLOCK = (
    r"(?:[01]?\d|2[0-3])(?::[0-5]\d(?!\d)(?:\s*[ap]\.?m\b\.?)?"
    r"|\.[0-5]\d\s*[ap]\.?m\b\.?"
    r"|\s*[ap]\.?m\b\.?)"
    r"(?:\s+(?:local time|Moscow time|GMT|UTC))?"
)
# What leads a time into its sentence: "at about", "from", "shortly before", "until".
_LEAD = (
    r"(?:(?:shortly|just|soon)\s+)?(?:at|from|by|until|till|before|after|around|about)"
    r"(?:\s+(?:about|around|roughly|approximately|some))?\s+"
)
_LED_CLOCK_TIME = re.compile(rf"(?:\b{_LEAD})?(?<![\w:.]){_CLOCK}")


def clock_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` gives a time of day, with the preposition that leads it in ("at about
    6:07 a.m."), as (start, end) spans."""
    return [(m.start(), m.end()) for m in _LED_CLOCK_TIME.finditer(text)]
