"""Whether a sentence tells a step of justice: a charge, a trial, a verdict, a prison term.

Justice follows the deed it is about, often by years. A fact telling of one ("the mall's
director received 13 years", "prosecutors said the three had ignored safety rules") set "In the
mall fire" says the term was handed down in the fire; set "Over the mall fire" it says what
the term was about, which is what the article tells.
"""

from __future__ import annotations

import re

# A term of prison handed to someone: "received 13 and a half years", "got six and a half and
# five and a half years", "was given eight years", "handed a life sentence". Only number words
# stand between the verb and the years: "received 1,000 complaints in two years" is no term,
# nor is a time given to do something ("were given three months to leave").
_COUNT = (
    r"(?:\d+|a|an|and|half|more|than|nearly|almost|over|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen|twenty(?:-\w+)?|thirty)"
)
_TERM_HANDED = re.compile(
    r"\b(?:received|receives|got|gets|given|handed)\s+"
    rf"(?:(?:{_COUNT})[\s-]+){{1,9}}(?:years?|months?)\b(?!\s+to\b)"
    r"|\b(?:received|got|given|handed)\s+(?:a\s+)?life\s+(?:sentence|term|imprisonment)\b",
    re.IGNORECASE,
)
# The law's steps told of: charging, trying, convicting, sentencing. Not who speaks of them
# ("prosecutors said 41 people were killed" is a toll, told by prosecutors), nor a court alone
# ("a court in Varnok" may be where it happened).
_STEPS = re.compile(
    r"\b(?:sentenc(?:ed|es|ing)|jailed|imprisoned|convicted|acquitted|indicted|prosecuted|"
    r"found\s+(?:not\s+)?guilty|pleaded\s+(?:not\s+)?guilty|charged\s+with|stood\s+trial|"
    r"verdicts?|trials?)\b",
    re.IGNORECASE,
)


def tells_justice(sentence: str) -> bool:
    """Does ``sentence`` tell of a charge, a trial, a verdict or a prison term?"""
    return _STEPS.search(sentence) is not None or _TERM_HANDED.search(sentence) is not None
