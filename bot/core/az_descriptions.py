"""The words of an Azerbaijani question that describe a thing by what it is known for.

Azerbaijani puts a relative clause before its noun and ends it in a participle: "Yeltsin Mərkəzi
ilə tanınan Rusiya şəhəri" (the Russian city known for the Yeltsin Center), "NATO üzvü olan türk
dövləti" (the Turkish state that is a NATO member). A name inside such a clause tells which thing
is meant; the question is about the thing, not the name. So a name no fact has there is no sign
that the question is about something else (``QueryTerms._named_elsewhere``).
"""

from __future__ import annotations

import re

from bot.core.az_nouns import az_form, az_listed
from bot.core.language import az_plain, lower

# Where a clause ends: a relative clause never runs past one.
_CLAUSE_END = re.compile(r"[,;:.?!()\"“”«»]")
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# The locative ("-da", "-dakı") and ablative ("-dan") endings, typed plainly: a name in them
# says where the thing described is or comes from ("Fransada işləyən səfir", the ambassador
# working in France), which tells it from the thing a fact names, not what it is known by.
_PLACE_CASES = ("da", "de", "ta", "te", "daki", "deki", "taki", "teki", "dan", "den", "tan", "ten")
# The participles of the light verbs, whose roots ("ol", "et") are too short to look up.
_LIGHT_PARTICIPLES = frozenset({"olan", "olmus", "eden", "etmis", "olunan", "edilen"})
# A subject participle: a root, then "-an"/"-ən" after a consonant or "-yan"/"-yən" after a
# vowel, or the past participle "-mış"; matched in ``az_form``, the plain spelling with vowel
# harmony put back ("tanınan", "yerlesen", "baslayan", "yasanmıs").
_PARTICIPLE = re.compile(r"(?P<root>.{3,}?)(?:y?[ae]n|m[ıiuü]s)")


def participle(word: str) -> bool:
    """Whether a lower-case Azerbaijani ``word`` is a participle ending a relative clause: its
    root a word the lexicon lists and the word itself not ("zaman", time, and "meydan", square,
    are listed whole, and no participles)."""
    plain = az_plain(word)
    if plain in _LIGHT_PARTICIPLES:
        return True
    found = _PARTICIPLE.fullmatch(az_form(word))
    # ``az_form`` only puts back the dots ``az_plain`` drops: typed plainly, the form is
    # ``plain``, so one look-up tells whether either is a word listed whole.
    if found is None or az_listed(plain):
        return False
    return az_listed(az_plain(found["root"]))


def described_words(question: str) -> frozenset[str]:
    """The words (as written, lower-cased) of the relative clauses of an Azerbaijani question:
    each from the start of its clause to a participle with a word after it, the noun it
    describes; but for the words saying where that thing is or comes from (``_PLACE_CASES``). A
    capitalised participle is a name ("Azərbaycan"), no participle."""
    out: set[str] = set()
    for clause in _CLAUSE_END.split(question):
        words = _WORD.findall(clause)
        # The last participle with a word after it: a clause before it may hold another.
        for at in range(len(words) - 2, 0, -1):
            word = words[at]
            if word.islower() and participle(word):
                described = (lower(w, "az") for w in words[:at])
                out.update(w for w in described if not az_plain(w).endswith(_PLACE_CASES))
                break
    return frozenset(out)
