"""The root of an Azerbaijani verb form, which the Turkish stemmer cannot find.

Turkish Snowball stems nouns only, and Azerbaijani verbs are not even Turkish verbs: "saxlayır"
(keeps), "saxladı" (kept), "saxlayıb" and "saxlanılıb" (has been kept) stay four words to it,
so a question asking "saxlayıbmı" misses a fact saying "saxlanılıb". This module takes off the
endings of tense, person, negation and the passive, and only those that cannot end a noun.

It works on a word in ``az_form`` (the plain spelling with vowel harmony put back: "ı" after a
back vowel), and is deliberately conservative, because a noun cut as a verb splits from its own
inflected forms ("səfir", ambassador, is no "səf-ir"):

* the bare present "-ır" is taken off only where nothing but a verb fits: after the buffer "y"
  of a vowel stem ("istəyir"), after the negative "m" ("istəmir", unless Turkish knows the word,
  as it does "Vladimir"), after a causative "-ır"/"-dır" ("keçirir", "bildirir"), the passive
  "-ıl" ("sıxışdırılır") or the "-laş" of becoming ("pisləşir", "yaxınlaşır");
  "nazir", "səfir", "dəmir" keep theirs;
* the past "-dı" only after a vowel (the Turkish stemmer already takes it after a consonant, as
  its past copula), the future "-acaq", the perfect "-ıb" and the evidential "-mış" with what
  follows them;
* a root shorter than three letters is never given ("ölür" is not cut to "öl", nor "ordu" to
  "or").
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.core.language import az_plain, turkish_frequency

_V = "aeıioöuü"
_H = "ıiuü"
# Person and number after a tense, and the past or evidential of the copula ("-ırdı", "-ıbdır").
_PERSON = rf"(?:[ae]m|s[ae]n|[{_H}][qk]|s[{_H}]n[{_H}]z|l[ae]r|d[{_H}]r(?:l[ae]r)?)"
_AFTER = rf"(?:{_PERSON}|d[{_H}](?:l[ae]r|[mnqk])?|m[{_H}]s)?"

# Words that end as a verb form and are none, in any of their forms (typed plainly): the tens
# in "-mış" ("altmış", "yetmiş"), names in "-mir" read as a negative present ("Vladimir",
# "Kəşmir").
_NOT_VERBS = ("altmis", "yetmis", "vladimir", "kesmir")

# Each ending with the root before it; the root is at least three letters.
_ENDINGS = (
    # the future, with whatever follows it ("itirəcək", "çıxacağından", "istəməyəcək")
    re.compile(r"(?P<root>.{3,}?)(?:m[ae])?y?(?:aca[qgy]|ece[kgy]).*"),
    # the perfect ("saxlanılıb", "tutublar", "deyibdir")
    re.compile(rf"(?P<root>.{{3,}}?)[{_H}]b{_AFTER}"),
    # the evidential ("olmuşdu", "gəlmişdir")
    re.compile(rf"(?P<root>.{{2,}}?)m[{_H}]s{_AFTER}"),
    # the past after a stem in "-la", the negative or the passive ("başladı", "saxladılar",
    # "istəmədi", "saxlanıldı"): after other vowels "-dı" is as often a "d"-noun's own
    # ("sərhədi", "ümidi"), and after other consonants the Turkish stemmer takes it
    re.compile(
        rf"(?P<root>.{{2,}}?(?:l[ae]|[^m]m[ae]|[^{_V}][{_H}]l))d[{_H}](?:l[ae]r|[mnqk]|n[{_H}]z)?"
    ),
    # a participle of the past ("saxladığı", "istəmədiyini", "çatdıqdan"); not the "-diyyə",
    # "-diyyat" of nouns ("bələdiyyə", municipality; "iqtisadiyyat", economy)
    re.compile(rf"(?P<root>.{{2,}}?)d[{_H}](?:[gğqk]|y(?!y)).*"),
    # the present with a person ("istəyirəm", "gedirik"); not "-ırdı", which is also the
    # past of a causative ("bildirdi")
    re.compile(rf"(?P<root>.{{3,}}?)[{_H}]r(?:[ae]m|s[ae]n|[{_H}][qk]|s[{_H}]n[{_H}]z)"),
)
# The infinitive with a case ending ("olmaqdan", "kəskinləşməkdə", "artırmağa", "etməyə") or
# none ("itirmək"); nouns in "-maq" with a root of three letters are few ("barmaq", finger).
_INFINITIVE = re.compile(r"(?P<root>.{3,}?)m(?:a[qg]|e[ky])(?:d[ae]n?|l[ae]|[ae]|[ıi]n?)?")
# The verbal noun in "-ma" ("araşdırma", "çağırılması", "kəskinləşməsini"), only after an ending
# that makes a verb (the causative "-dır", the passive "-ıl", "-la", "-laş"): "firma", "forma",
# "norma", "drama" are no verb's.
_VERBAL_NOUN = re.compile(
    rf"(?P<root>.{{2,}}?(?:[^{_V}][{_H}][rl]|l[ae]s?))m[ae](?:[snydl{_H}{_V}].*)?"
)
# The bare present (and its plural), taken off only after what marks a verb (see above).
_PRESENT = re.compile(
    rf"(?P<root>.{{2,}}?)(?P<mark>[{_V}]y|m|[^{_V}][{_H}][rl]|l[ae]s)[{_H}]r(?:l[ae]r)?"
)
# A participle of the passive ("saxlanılan", "keçirilən"): "-an" alone also ends nouns.
_PASSIVE_PARTICIPLE = re.compile(rf"(?P<root>.{{3,}}?[^{_V}][{_H}]l)[ae]n(?:l[ae]r)?")


@lru_cache(maxsize=100_000)
def verb_root(form: str, shortest: int = 3) -> str | None:
    """The root of the verb form ``form`` (in ``az_form``), or None when it is no verb form
    this module is sure of or its root would be shorter than ``shortest``."""
    if az_plain(form).startswith(_NOT_VERBS):
        return None
    root = _ending_root(form)
    if root is None:
        return None
    if root.endswith("y") and len(root) > 1 and root[-2] in _V:
        root = root[:-1]  # the buffer of a vowel stem: "saxlay-ıb"
    if len(root) >= 4 and root[-2:] in ("ma", "me"):
        root = root[:-2]  # the negative: "istəmə-di"
    root = _passive_root(root)
    return root if len(root) >= shortest else None


def _ending_root(form: str) -> str | None:
    for pattern in _ENDINGS:
        found = pattern.fullmatch(form)
        if found:
            return found["root"]
    found = _PRESENT.fullmatch(form)
    if found:
        mark = found["mark"]
        root = found["root"]
        if mark == "m":
            # "istəmir": the negative present; a word Turkish knows ("vladimir") is a name.
            if turkish_frequency(az_plain(form)) > 0:
                return None
            return root
        if mark.endswith("y"):
            return root + mark[0]
        return root + mark  # the causative stays: "keçir-ir" -> "keçir"
    for pattern in (_PASSIVE_PARTICIPLE, _INFINITIVE, _VERBAL_NOUN):
        found = pattern.fullmatch(form)
        if found:
            return found["root"]
    return None


def _passive_root(root: str) -> str:
    """``root`` without the passive "-ıl" ("keçiril" -> "keçir") or "-nıl" after a vowel
    ("saxlanıl" -> "saxla"), where a root of four letters or more is left: the passive of a
    short root is often a verb of its own ("tutulmaq", to be arrested, from "tutmaq", to hold;
    "verilmək" from "vermək")."""
    if len(root) >= 6 and root[-1] == "l" and root[-2] in _H:
        if root[-3] == "n" and root[-4] in _V and len(root) >= 7:
            return root[:-3]
        if root[-3] not in _V:
            return root[:-2]
    return root


# Endings that make a verb of a noun or adjective, typed plainly: "-la" (to do with: "tətiklə-",
# to trigger, of "tətik"), "-laş" (to become: "kəskinləş-", of "kəskin", sharp), "-lan" (to
# get: "alovlan-", to catch fire, of "alov"), and those with a causative after them
# ("-laşdır", "-landır").
_MAKES_VERB = re.compile(r"l[ae](?:[sn](?:d[iu]r)?)?")
# The causative of a verb root: "-t" after a vowel ("başlat-", to set going, of "başla-", to
# begin), "-dır" / "-tır" after a consonant ("qızışdır-", of "qızış-").
_CAUSATIVE_AFTER_VOWEL = "t"
_CAUSATIVE_AFTER_CONSONANT = re.compile(r"[dt][iu]r")
# The "-lıq" of a quality, whose noun the "-laş" of becoming shares its word with
# ("gərginləş-", to grow tense, and "gərginlik", tension).
_QUALITY = ("lik", "liq", "luk", "luq")
_PLAIN_VOWELS = frozenset("aeiou")
# The fewest letters of the word a verb is read as made from: the verbs made from a root of
# three letters have mostly drifted from it ("başla-", to begin, is no "baş", head; "bağla-", to
# close, no "bağ", garden; "dinlə-", to listen, no "din", religion; "yandır-", to burn, no
# "yan", side). Only becoming keeps a short adjective's sense ("pisləş-", to worsen, of "pis").
_SHORTEST_BASE = 4
_SHORTEST_BECOMING_BASE = 3


def made_from(stem: str) -> tuple[str, ...]:
    """The words the plainly typed Azerbaijani verb stem ``stem`` may be made from by a
    verb-making ending, longest first: "tetikle" -> "tetik"; "gerginles" -> "gergin",
    "gerginlik", ...; "baslat" -> "basla". Empty when it ends in none. Which of them is a word
    is for the caller to say (a fact's term): many words end in "-la" by chance."""
    out: list[str] = []
    for cut in range(len(stem) - 1, _SHORTEST_BECOMING_BASE - 1, -1):
        base, rest = stem[:cut], stem[cut:]
        becoming = rest[2:3] == "s"
        if cut < _SHORTEST_BASE and not becoming:
            continue
        if _MAKES_VERB.fullmatch(rest):
            out.append(base)
            if becoming:
                out.extend(base + quality for quality in _QUALITY)
        elif _causative(base, rest):
            out.append(base)
    return tuple(out)


def _causative(root: str, ending: str) -> bool:
    """Whether ``ending`` is the causative a verb ``root`` takes: "-t" after a verb made with
    "-la" ("başlat-" of "başla-"; "yarat-", to create, is no causative of "yara", wound),
    "-dır" (or "-tır") after a consonant."""
    if root[-1] in _PLAIN_VOWELS:
        return ending == _CAUSATIVE_AFTER_VOWEL and root[-2:] in ("la", "le")
    return _CAUSATIVE_AFTER_CONSONANT.fullmatch(ending) is not None
