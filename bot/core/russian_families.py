"""A Russian verb's family: its forms, its other aspect and its nouns of action, as one key.

A careful question paraphrases a fact's verb with its noun of action or its other aspect, or
the reverse: "задержание" (the detention) of a fact saying "задержали" (detained),
"закрывают" (are closing) of one saying "закрыли" (closed), "проверку" (a check) of one
saying "проверили" (checked). Snowball stems each of these apart, and the analyser keeps a
verb's stem as written (``russian_lemmas._VERB_FORMS``), so even two forms of one verb can miss
each other ("хотят" and "хочет", want and wants). pymorphy3 gives each word's dictionary form
and aspect, but not which verb a noun is made from, nor a verb's other aspect; both follow
regular patterns, which are tried here and kept only where pymorphy's dictionary holds the word
a pattern gives, as an infinitive of the other aspect (or as any infinitive, for a noun's
verb). A pattern that gives no such word gives nothing: a word is never tied to a verb the
dictionary does not know.

The key is the perfective infinitive without "-ся" where one is found ("закрывать",
"закрытие" -> "закрыть"), else the verb's own infinitive ("хотеть").
"""

from __future__ import annotations

from functools import lru_cache

from bot.core import russian_lemmas

# Parts of speech read as a verb's form: finite, infinitive, gerund and participles, all of
# which pymorphy reads back to the infinitive.
_VERB_FORMS = frozenset({"VERB", "INFN", "GRND", "PRTF", "PRTS"})

# An imperfective's ending and the perfective endings it may come from, in order: "-ывать"
# and "-ивать" drop the suffix ("задерживать" / "задержать", "спрашивать" has none), the
# "-зывать" verbs keep their root's "з" ("призывать" / "призвать", "отзывать" / "отозвать"),
# "-ять" and "-ать" pair with "-ить", with the consonant that alternates before them
# ("проверять" / "проверить", "заключать" / "заключить", "отвечать" / "ответить",
# "превращать" / "превратить", "помещать" / "поместить", "освобождать" / "освободить",
# "снижать" / "снизить", "объявлять" / "объявить"), and "-вать" after a vowel drops its "ва"
# ("признавать" / "признать").
_PERFECTIVES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("зывать", ("звать", "озвать")),
    ("ывать", ("ыть", "ать", "ить", "нуть")),
    ("ивать", ("ать", "ить", "еть", "нуть")),
    ("ждать", ("дить",)),
    ("щать", ("стить", "тить")),
    ("жать", ("зить", "дить", "жить")),
    ("чать", ("тить", "чить")),
    ("блять", ("бить",)),
    ("влять", ("вить",)),
    ("плять", ("пить",)),
    ("млять", ("мить",)),
    ("авать", ("ать",)),
    ("явать", ("ять",)),
    ("ять", ("ить",)),
    ("ать", ("ить",)),
)

# A noun of action's ending and the infinitive endings of the verb it may be made from
# ("задержание" / "задержать", "смягчение" / "смягчить", "освобождение" / "освободить",
# "превращение" / "превратить", "объявление" / "объявить", "принятие" / "принять",
# "проверка" / "проверить").
_NOUN_VERBS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ание", ("ать",)),
    ("яние", ("ять",)),
    ("ждение", ("дить",)),
    ("щение", ("стить", "тить")),
    ("жение", ("жить", "зить", "дить")),
    ("бление", ("бить",)),
    ("вление", ("вить",)),
    ("пление", ("пить",)),
    ("мление", ("мить",)),
    ("ение", ("ить", "еть")),
    ("тие", ("ть",)),
    ("ка", ("ить", "ять", "ать")),
)

# The endings a noun with no suffix of action takes its verb with ("вывод" / "выводить",
# "арест" / "арестовать", "ответ" / "ответить", "обстрел" / "обстрелять").
_BARE_NOUN_VERBS = ("ать", "ить", "ять", "овать", "ывать", "ивать")

# A noun with no suffix of action shorter than this is left alone: a short one is seldom made
# from a verb, and gives verbs of other senses too easily ("порт", port, and "портить", to
# spoil; "вес", weight, and "весить"), where one with a prefix is its verb's ("вывод",
# "отказ", "протест").
_BARE_NOUN_SHORTEST = 5


def _in_dictionary(word: str) -> bool:
    """Whether pymorphy's dictionary holds ``word`` as a form, written with "е" or with one
    "ё" for it; asked before ``russian_lemmas.parses``, which guesses at a word it lacks, a
    hundred times slower (most of the words the patterns give are no words)."""
    words = russian_lemmas.dictionary_words()
    if word in words:
        return True
    return any(
        word[:i] + "ё" + word[i + 1 :] in words for i, letter in enumerate(word) if letter == "е"
    )


@lru_cache(maxsize=50_000)
def _infinitive(word: str) -> tuple[str, ...]:
    """The grammemes of ``word`` read as an infinitive pymorphy's dictionary holds (empty when
    it holds none)."""
    if not _in_dictionary(word):
        return ()
    for parse in russian_lemmas.parses(word):
        if (
            parse.is_known
            and parse.tag.POS == "INFN"
            and russian_lemmas.dictionary_form(parse) == word
        ):
            return tuple(sorted(parse.tag.grammemes))
    return ()


def _without_reflexive(verb: str) -> str:
    """An infinitive without its reflexive "-ся" ("развернуться" -> "развернуть")."""
    if verb.endswith(("ться", "тись", "чься")):
        return verb[:-2]
    return verb


def _perfective(verb: str) -> str:
    """The perfective partner of the imperfective infinitive ``verb`` (without "-ся") that
    pymorphy's dictionary holds ("проверять" -> "проверить"), else ``verb`` itself."""
    grammemes = _infinitive(verb)
    if "impf" not in grammemes:
        return verb
    for ending, partners in _PERFECTIVES:
        if not verb.endswith(ending):
            continue
        base = verb[: -len(ending)]
        for partner in partners:
            candidate = base + partner
            if len(candidate) > 4 and "perf" in _infinitive(candidate):
                return candidate
    return verb


def _verb_of_noun(noun: str, grammemes: frozenset[str]) -> str | None:
    """The infinitive (without "-ся") of the verb the noun of action ``noun`` (a dictionary
    form, with its grammemes) is made from, when the dictionary holds it; else None."""
    for ending, verb_endings in _NOUN_VERBS:
        if noun.endswith(ending) and len(noun) > len(ending) + 2:
            base = noun[: -len(ending)]
            for verb_ending in verb_endings:
                if _infinitive(base + verb_ending):
                    return base + verb_ending
            return None
    if "masc" in grammemes and len(noun) >= _BARE_NOUN_SHORTEST and noun[-1] not in "аеёиоуыэюяйь":
        for verb_ending in _BARE_NOUN_VERBS:
            if _infinitive(noun + verb_ending):
                return noun + verb_ending
    return None


def _is_name(word: str) -> bool:
    """Whether the likeliest reading of ``word`` is a name (``russian_lemmas.lemma``): a
    surname such as "Стрельцов" is no noun of action."""
    known = russian_lemmas.lemma(word)
    return known is not None and known.name


@lru_cache(maxsize=200_000)
def family(word: str) -> str | None:
    """The key of the verb family of a lower-case Russian ``word``: the perfective infinitive
    without "-ся" of the verb it is a form of ("закрыли", "закрывают" -> "закрыть") or the
    noun of action it is ("закрытие" -> "закрыть", "проверка" -> "проверить", "обстрел" ->
    "обстрелять"); None for any other word, and for a word pymorphy's dictionary does not
    hold."""
    found = russian_lemmas.parses(word)
    if not found or not found[0].is_known:
        return None
    parse = found[0]
    if parse.tag.POS in _VERB_FORMS:
        verb: str | None = _without_reflexive(russian_lemmas.dictionary_form(parse))
    elif parse.tag.POS == "NOUN" and not _is_name(word):
        verb = _verb_of_noun(russian_lemmas.dictionary_form(parse), parse.tag.grammemes)
        verb = None if verb is None else _without_reflexive(verb)
    else:
        return None
    return None if verb is None else _perfective(verb)


def _with_reflexive(verb: str) -> str:
    """An infinitive with the reflexive "-ся" ("развернуть" -> "развернуться")."""
    return verb + ("сь" if verb.endswith("ти") else "ся")


def _imperfectives(perfective: str) -> set[str]:
    """The imperfective infinitives whose partner (``_perfective``) is ``perfective``."""
    found = set()
    for ending, partners in _PERFECTIVES:
        for partner in partners:
            if perfective.endswith(partner):
                candidate = perfective[: -len(partner)] + ending
                if _perfective(candidate) == perfective and candidate != perfective:
                    found.add(candidate)
    return found


def _nouns_of(verb: str, key: str) -> set[str]:
    """The nouns of action made from the infinitive ``verb`` whose family is ``key``."""
    candidates = [
        verb[: -len(verb_ending)] + ending
        for ending, verb_endings in _NOUN_VERBS
        for verb_ending in verb_endings
        if verb.endswith(verb_ending)
    ]
    candidates += [
        verb[: -len(verb_ending)] for verb_ending in _BARE_NOUN_VERBS if verb.endswith(verb_ending)
    ]
    return {
        noun
        for noun in candidates
        if _in_dictionary(noun) and family(noun) == key and _forms(noun, "NOUN")
    }


def _forms(head: str, part_of_speech: str) -> set[str]:
    """Every form of the dictionary word ``head`` read as ``part_of_speech`` ("INFN" brings
    the verb's finite forms, gerunds and participles), "ё" written "е"."""
    for parse in russian_lemmas.parses(head):
        if (
            parse.is_known
            and part_of_speech == parse.tag.POS
            and russian_lemmas.dictionary_form(parse) == head
        ):
            return {form.word.replace("ё", "е") for form in parse.lexeme}
    return set()


def relatives(word: str) -> frozenset[str]:
    """Every form of every word of the verb family (``family``) of a lower-case Russian
    ``word``, "ё" written "е": its verb in both aspects, with and without "-ся", and their
    nouns of action ("закрытия" -> "закрыли", "закрывает", "закрытие", ...); empty when the
    word has no family."""
    key = family(word)
    return frozenset() if key is None else _family_forms(key)


# A family's forms are some two hundred words (about 20 kB): kept by family, the words of one
# family share them, and a bot that runs for months holds at most this many families (about
# 40 MB; kept by word, 20,000 of them had room for 400 MB). One read again costs a few ms.
@lru_cache(maxsize=2_048)
def _family_forms(key: str) -> frozenset[str]:
    """Every form of the verb family ``key`` (``relatives``)."""
    bare = {key, *_imperfectives(key)}
    verbs = {verb for verb in (*bare, *map(_with_reflexive, bare)) if _infinitive(verb)}
    nouns = set().union(*(_nouns_of(verb, key) for verb in bare))
    forms: set[str] = set()
    for verb in verbs:
        forms |= _forms(verb, "INFN")
    for noun in nouns:
        forms |= _forms(noun, "NOUN")
    return frozenset(forms)
