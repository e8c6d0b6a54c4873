"""Whether a word ending in "-ed" is a verb in the past tense ("stormed", "arrived"), not an
adjective or a name that only ends like one ("a hundred delegates", "the United Nations",
"the disputed border").

No tagger is loaded (see ``bot.ingest.lexicon``), so three cheap tests stand in for one: a
past form is made from a verb, so taking "-ed" off leaves an English word ("storm", "arrive",
"plan", "carry"), which "hundred" and "sacred" do not; a capitalised word is a name or the
sentence's first word, which opens with its subject, not its verb; and a word right after a
determiner describes the noun after it rather than telling what was done.
"""

from __future__ import annotations

from bot.core.word_lists import frequencies

# Words after which an "-ed" word describes a noun: "the disputed border", "a delayed vote".
# Not "that" or "those", after which it is as often a verb ("the talks that stalled", "those
# killed in the raid").
_DETERMINERS = frozenset("the a an this these its his her their our your".split())
# Shorter words ending in "-ed" are no past forms made with "-ed" ("bed", "red", "need").
_SHORTEST = 5


def past_verb(word: str, previous: str = "") -> bool:
    """Whether ``word`` (as written) is a verb's past form made with "-ed", read after
    ``previous`` (the word before it, folded; empty at the start)."""
    if len(word) < _SHORTEST or not word.endswith("ed") or not word.islower():
        return False
    if previous in _DETERMINERS:
        return False
    english = frequencies("en", "small")
    return any(base in english for base in _bases(word))


def _bases(word: str) -> tuple[str, ...]:
    """What ``word`` may be the "-ed" form of: "stormed" of "storm", "arrived" of "arrive",
    "planned" of "plan" (its last letter doubled), "carried" of "carry"."""
    stem = word[:-2]
    bases = [stem, stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        bases.append(stem[:-1])
    if stem.endswith("i"):
        bases.append(stem[:-1] + "y")
    return tuple(bases)
