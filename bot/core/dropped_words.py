"""Russian and Azerbaijani words the analyser drops beyond the stopword lists: a Russian
pronoun in a case the list lacks, Azerbaijani scraps and stopwords typed plainly, "ilə bağlı"
(regarding), the light verbs "olmaq" and "etmək", and question words with the copula on.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.core import russian_lemmas
from bot.core.az_nouns import az_form, without_particle
from bot.core.az_verbs import verb_root
from bot.core.folding import translit
from bot.core.language import PLAIN_STOPWORDS_AZ, az_plain
from bot.core.other_stems import stem_in


def ru_stopword_form(word: str, drop: frozenset[str]) -> bool:
    """Whether a Russian ``word`` is a pronoun whose dictionary form is a stopword, by its
    likeliest reading ("ними" of "они", "теми" of "тот", "всеми" of "весь"): the list holds a
    pronoun's commonest forms, not all of its cases, and a form it lacks would weigh as a word
    no fact has. Only pronouns: the list's few nouns ("вопрос") keep their other forms."""
    found = russian_lemmas.parses(word)
    if not found or not found[0].is_known:
        return False
    tag = found[0].tag
    if tag.POS != "NPRO" and "Apro" not in tag.grammemes:
        return False
    return russian_lemmas.dictionary_form(found[0]) in drop


# Scraps of Azerbaijani that are no words: the case endings an abbreviation or a number takes
# after a hyphen, which split off as words of their own ("XİN-i", "XİN-in", "ABŞ-a",
# "NATO-nun", "2020-dən"), and the interjection "e" typed for "ə" ("nədi e"), as typed with or
# without the letters. Kept out of the stopword lists, which also tell the language: "in", "a",
# "i" are English words.
_SCRAPS = "a e ə i ı u ü in ın un ün nin nın nun nün ya yə da də dan dən ni nı nu nü na nə"
AZ_SCRAPS = frozenset(az_plain(scrap) for scrap in _SCRAPS.split())


def az_plain_stopword(word: str) -> bool:
    """An Azerbaijani word typed without special letters whose plain form is a stopword. A word
    written with them is a stopword only as written (``bot.core.language``)."""
    return az_plain(word) == word and word in PLAIN_STOPWORDS_AZ


def az_regarding(words: list[str], index: int) -> bool:
    """Whether ``words[index]`` is the "bağlı" of "ilə bağlı" / "bununla bağlı" (regarding,
    about): the asking, as "haqqında" is. Alone, "bağlı" is "closed" or "tied", and stays."""
    if index == 0 or not az_plain(words[index]).startswith("bagli"):
        return False
    before = az_plain(words[index - 1])
    return before == "ile" or (len(before) > 3 and before.endswith(("la", "le")))


def az_light_verb(word: str, stemmed: str) -> bool:
    """A form of "olmaq" (be) or "etmək" (do) the stopwords do not list ("olarkən", "etdiyi"):
    the Azerbaijani "is" and "did", with their passives "olun-", "edil-" ("həbs olundu", "məhrum
    edilməsi": the noun says what was done), their verbal nouns ("olması", "etməsi") and a
    question particle written on ("etmişdimi"). "öl-" (die) has the same plain stem, and stays
    when written with its "ö"."""
    form = without_particle(az_form(word))
    root = verb_root(form, shortest=2)
    if root is not None:
        root = _LIGHT_PASSIVES.get(root, root)
    light_noun = _LIGHT_VERBAL_NOUN.fullmatch(form) or _LIGHT_PASSIVE_PRESENT.fullmatch(form)
    if stemmed in ("o", "ol", "olun") or root == "ol" or (light_noun and form[0] == "o"):
        return "ö" not in word  # "olmuşdu" (had been, had happened) too
    light = stemmed in ("ed", "et", "edil") or root in ("ed", "et") or light_noun is not None
    return light and "ə" not in word[:1]


# The present and the participle of their passives ("olunur", "olunan", "edilir", "edilən").
_LIGHT_PASSIVE_PRESENT = re.compile(r"(?:olun|edil)(?:[ıiuü]r|[ae]n|[ae]r)(?:l[ae]r)?")
# The passives of the light verbs, read as the verbs ("olun-" of "olmaq", "edil-" of "etmək").
_LIGHT_PASSIVES = {"olun": "ol", "edil": "ed"}
# The verbal noun of a light verb (in ``az_form``), with its possessive and case endings:
# "olması", "olunmasını", "etməsi", "edilməsinə", "etməkdən".
_LIGHT_VERBAL_NOUN = re.compile(
    r"(?:ol|olun|et|edil)m[ae](?:s[ıi](?:n[ıi]n?|n[ae]|nd[ae]n?)?|q|k|qd[ae]n|kd[ae]n|y[ae])?"
)


@lru_cache(maxsize=1)
def az_question_stems() -> frozenset[str]:
    """Stems of the Azerbaijani question words, which carry endings ("nədir", "kimdir")."""
    asked = ("nə", "kim", "hara", "hansı", "niyə", "necə", "neçə")
    return frozenset(translit(stem_in(word, "az")) for word in asked)
