"""Which sentences state a fact: a declarative sentence of some length with a verb and something
specific in it (a name, a number, or topical words). Questions, bylines, "Read more" links,
one-word headings, quotations and sentences that only announce what follows are not facts.
"""

from __future__ import annotations

import re

from bot.core.english_stems import specificity
from bot.core.filler_words import STOPWORDS
from bot.core.folding import fold
from bot.core.number_words import number_pattern
from bot.ingest.entities import raw_entities

MIN_WORDS = 6
MAX_CHARS = 1_200

_BOILERPLATE = re.compile(
    r"\b(?:click here|read more|subscribe|sign up|newsletter|all rights reserved|cookies?|"
    r"advertisement|follow us|share this|related articles?|copyright|terms of (?:use|service)|"
    r"privacy policy|log ?in|javascript)\b",
    re.IGNORECASE,
)
_VERB_HINT = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|may|might|can|could|shall|"
    r"should|must|did|does|do)\b|\b[a-z]{2,}(?:ed|es|s)\b|\b(?:said|says|led|lost|made|took|"
    r"became|began|went|came|held|met|won|told|found|gave|left|sent|set|put|ran|saw|fell|rose|"
    r"paid|kept|brought|fought|struck|spoke|wrote|chose|broke|drove|grew|knew|threw|bought|"
    r"caught|meant|felt|stood|built|spent|shot|hit|cut|seeks?|says?|continues?)\b"
)


# A count written in words ("nine years", "three people"): wire style spells out numbers
# under ten, which state a fact as much as digits do.
_WORD_COUNT = re.compile(
    rf"\b(?:{number_pattern()})\s+(?:[a-z]+\s+)?(?:years?|months?|weeks?|days?|hours?|"
    r"people|persons|men|women|children|times|votes|seats|members|soldiers|troops|deaths?|"
    r"dead|injured|killed|percent|per cent)\b",
    re.IGNORECASE,
)


def is_statement(sentence: str) -> bool:
    """True if ``sentence`` states a fact worth answering (not a question, heading or link)."""
    text = sentence.strip()
    if not text or text.endswith("?") or len(text) > MAX_CHARS:
        return False
    words = text.split()
    if len(words) < MIN_WORDS or _BOILERPLATE.search(text):
        return False
    if not _VERB_HINT.search(text):
        return False
    if text[-1] not in ".!\"')" and not text[-1].isalnum():
        return False
    content = [w for w in fold(text).split() if w not in STOPWORDS]
    has_name = bool(raw_entities(text[1:]))  # the first word is capitalised anyway
    has_number = bool(re.search(r"\d", text)) or _WORD_COUNT.search(text) is not None
    topical = sum(1 for w in content if specificity(w) >= 0.5)
    return has_name or has_number or topical >= 3


def interrogatives(sentences: list[str]) -> list[str]:
    """The questions the article asks itself ("Could Russia forfeit ...?"), as plain questions."""
    out = []
    for sentence in sentences:
        for part in re.split(r"(?<=[:;])\s+", sentence):
            if part.endswith("?") and len(part.split()) >= 3:
                out.append(part.rstrip("?").strip())
    return out


# Sentences that only announce what follows: they state nothing a reader would ask about.
_SETUP = re.compile(
    r"\bcame on (?:two|three|several|many|multiple) fronts\b"
    r"|^There (?:were|are|was|is) (?:several|many|two|three|four|a few|a number of|mixed) "
    r"(?:reasons|factors|explanations|questions|ways|reactions|signs|problems)\b"
    r"|^Here(?:'s| is| are) (?:what|how|why|the)\b|\bwhat we know\b|\bas follows\b|:$"
    r"|\b(?:does|did|do) not (?:stop|end) (?:at|there)\b|\bstepped up (?:the )?pressure\b"
    r"|\bdrew (?:\w+ )?(?:reactions|responses|criticism|condemnation)\b"
    r"|^(?:The )?(?:reactions?|responses?) (?:was|were|came) (?:swift|mixed|quick|immediate)\b"
    r"|^(?:The|That) (?:was|is) not (?:all|the end|the only)\b"
    r"|^(?:But )?(?:the|this) (?:story|picture|situation) (?:is|was) (?:more )?"
    r"(?:complicated|complex|different)\b",
    re.IGNORECASE,
)
SETUP_MAX_WORDS = 12


def is_quote(sentence: str) -> bool:
    """Mostly a direct quotation ("'The coming days will be hard,' the official said."):
    colour, not a fact to answer with."""
    text = sentence.strip()
    if not text.startswith('"'):
        return False
    quoted = sum(len(q) for q in re.findall(r'"[^"]*"', text))
    return quoted >= 0.4 * len(text)


def is_setup(sentence: str) -> bool:
    """A short sentence that only announces what follows ("Russia's response came on two
    fronts.", "There were several reasons.", "Here is what we know.")."""
    if len(sentence.split()) > SETUP_MAX_WORDS or re.search(r"\d", sentence):
        return False
    return _SETUP.search(sentence.strip().rstrip(".")) is not None or sentence.rstrip().endswith(
        ":"
    )
