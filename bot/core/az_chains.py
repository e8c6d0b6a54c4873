"""An Azerbaijani question word no fact holds, read as a form of a word the facts do hold, by the
chain of endings after it.

Azerbaijani piles endings onto a root ("dəyiş-mək-də-dir", is changing; "qal-ma-sı", its
remaining; "ölkə-y-ik", we are a country), and the stemmers cut only the chains they know, so a
question's form of a fact's word can stay a word of its own: the fact says "qalır", the question
"qalması". Checked against the index, the chain is read from the other end: the longest start
of the word that the facts hold as an Azerbaijani term, where all that follows it is a chain of
inflectional endings (tense, participle, verbal noun, infinitive; plural, possessive, case;
copula, person, question particle). Derivational endings ("-lı", "-lıq", "-sız", "-laş") are no
part of a chain: they make another word ("xəbərsiz", uninformed, is no "xəbər", news).

Words are compared as typed without special letters (``az_plain``), so the vowels of an ending
are only "a"/"e" (two-way harmony) and "i"/"u" (four-way: "ı" and "ü" fold into them).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.core.az_nouns import az_listed

# A verb's own endings, at most one after an optional negative "-ma": the participles ("-an",
# "-dığı", "-acaq"), the perfect "-ıb", the evidential "-mış", the past "-dı", the present "-ır",
# the verbal noun "-ma", the infinitive "-maq", the converbs "-araq", "-anda", the conditional,
# the optative after a vowel ("başla-yım", let me begin; "-yaq", let us) and the imperative
# "-sın" (let it).
_VERB = (
    r"(?:m[ae])?"
    r"(?:y?[ae]n(?:d[ae])?|d[iu](?:[gy](?=[iu])|[qk])|y?[ae]c[ae][qkgy]|y?[iu]b|m[iu]s|d[iu]|y?[iu]r"
    r"|m[ae][qkgy]?|y?[ae]r[ae]q|s[ae]|y[iu]m|y[ae]q|s[iu]n)"
)
# A noun's: the plural, a possessive, a case (with the buffer "n", "y" or "s" a vowel-final
# stem takes), the "-dakı" of place.
_NOUN = (
    r"(?:l[ae]r)?"
    r"(?:s?[iu]|y?[iu]m|[iu]n|y?[iu]m[iu]z|[iu]n[iu]z)?"
    r"(?:n?[iu]n|[nys]?[ae]|n?d[ae]n?|y?l[ae]|[nys]?[iu]|d[ae]k[iu])?"
)
# What a predicate ends in: the copula "-dır" (and its plural), a person ("-ıq", we are;
# "-am"), the past "-dı" of the copula, the question particle.
_TAIL = r"(?:d[iu]r(?:l[ae]r)?|y?[iu][qk]|y?[ae]m|s[ae]n|d[iu])?(?:m[iu])?"
# A verb's chain starts with a verb's ending; a number ("2020-dən" typed "2020den") takes a
# noun's. A noun's own chains are left to the stemmers, which cut them well: read here, a
# noun's form with a person ("ölkəyik", we are a country) met its noun in facts about
# something else as often as in the fact asked about.
_VERB_CHAIN = re.compile(f"{_VERB}{_NOUN}{_TAIL}")
_NOUN_CHAIN = re.compile(f"{_NOUN}{_TAIL}")

# The fewest letters of a start read as the word; a start of just this many must be followed
# by a chain of at least ``_SHORT_ROOT_CHAIN`` letters ("qal-ması"), for three letters with an
# ending of one or two are as often another word ("məna", meaning, is no "mən-ə").
_SHORTEST = 3
_SHORT_ROOT_CHAIN = 3
_VOWELS = frozenset("aeiou")


def chain_start(plain: str, held: Callable[[str], bool]) -> str | None:
    """The longest start of the plainly typed word ``plain`` that ``held`` accepts (a term the
    facts hold in Azerbaijani), followed by a chain of inflectional endings only; None when
    there is none, or when the lexicon lists the word whole: a word of its own that ends like
    a form ("əsasən", mainly, is no participle of "əsas"; "dostanə", friendly)."""
    if az_listed(plain):
        return None
    for length in range(len(plain) - 1, _SHORTEST - 1, -1):
        start, rest = plain[:length], plain[length:]
        if length == _SHORTEST and len(rest) < _SHORT_ROOT_CHAIN:
            continue
        if rest[0] == "y" and start[-1] not in _VOWELS:
            continue  # the buffer "y" follows a vowel: "gün-yan" is no "gün" with an ending
        chain = _NOUN_CHAIN if start.isdigit() else _VERB_CHAIN
        if held(start) and chain.fullmatch(rest):
            return start
    return None
