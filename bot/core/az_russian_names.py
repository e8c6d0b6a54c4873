"""Russian names written in Azerbaijani letters, read as the Russian name they spell.

Azerbaijani writes a Russian name by its sounds in its own letters: "г" as "q" ("Yekaterinburq",
"Volqoqrad", "Şoyqu"), "х" as "x" ("Xabarovsk"), "ш", "ч", "ж", "дж" as "ş", "ç", "j", "c", "ы"
as "ı", a first "е" as "ye" ("Yeltsin"), and no soft sign ("Kreml", "Yaroslavl"); and it puts
its own case endings on the name ("Peterburqda", "Yekaterinburqdakı", "Lavrovun", "Kemerovoya").
The Turkish stemmer that reads the rest of Azerbaijani cuts such a name badly: vowel harmony,
which a borrowed name does not keep, stops it short of the ending ("Peterburqda",
"Kemerovoda" stay whole), and it leaves Azerbaijani's "-dakı" on ("Moskvadakı"), so the name
met neither its other forms nor the Russian and English facts that write it.

A word is read as a Russian name here when, less one of the endings a name takes, one of the
Russian spellings its letters allow is a place name or surname that pymorphy's dictionary holds
in the nominative, and the Azerbaijani lexicon does not list it as a word of its own ("ordu",
army, is no "Орду"; "kazan", cauldron, stays a cauldron). The caller then reads it as the
Russian analyser reads that name, so "Yekaterinburqda" meets "Екатеринбурге" (and through the
synonym group the English "Yekaterinburg"), and "Kemerovoda" the English "Kemerovo".
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from bot.core import russian_lemmas
from bot.core.az_nouns import az_listed
from bot.core.cyrillic_spellings import Scheme, spellings
from bot.core.language import PLAIN_STOPWORDS_AZ, az_plain, turkish_frequency
from bot.core.latin_russian import russian_beginnings
from bot.core.word_lists import frequencies

# The endings a name takes, as typed without special letters, longest first: case ("-da",
# "-dan", "-nın", "-a", "-ya", "-nı"), "with" ("-la", "-yla"), the relative "-dakı" ("the one
# in"), the plural and the copula.
_ENDINGS = tuple(
    sorted(
        (
            "in nin un nun i ni u nu a e ya ye da de dan den la le yla yle daki deki "
            "dakilar dekiler lar ler larin lerin lari leri dir dur"
        ).split(),
        key=len,
        reverse=True,
    )
)
# A name is at least this long without its ending: shorter words are too often something else.
_SHORTEST = 4

# The Russian letters each Azerbaijani letter writes in a Russian name, the likeliest first;
# the plain letters of a word typed without Azerbaijani's own ("s" for "ş", "c" for "ç", "i" for
# "ı", "e" for "ə") stand for those too.
_LETTERS: dict[str, tuple[str, ...]] = {
    "a": ("а",),
    "b": ("б",),
    "c": ("дж", "ч", "ц"),
    "ç": ("ч",),
    "d": ("д",),
    "e": ("е", "э"),
    "ə": ("е", "э"),
    "f": ("ф",),
    "g": ("г",),
    "ğ": ("г",),
    "h": ("х", "г"),
    "x": ("х",),
    "ı": ("ы",),
    "i": ("и", "ы"),
    "j": ("ж",),
    "k": ("к",),
    "q": ("г", "к"),
    "l": ("л",),
    "m": ("м",),
    "n": ("н",),
    "o": ("о", "ё"),
    "ö": ("ё",),
    "p": ("п",),
    "r": ("р",),
    "s": ("с", "ш", "ц"),
    "ş": ("ш", "щ"),
    "t": ("т",),
    "u": ("у", "ю"),
    "ü": ("ю",),
    "v": ("в",),
    "y": ("й",),
    "z": ("з",),
}
# A first "ə" writes the "а" of a Russian name too ("Əliyev", Алиев); inside a word it is no "а"
# ("mənə", to me, is no "мана").
_FIRST: dict[str, tuple[str, ...]] = {"e": ("а",), "ə": ("а",)}
# Two letters that write one Russian letter: "Yeltsin", "Yaroslavl", "Semyonov", "Tsxinvali".
_PAIRS: dict[str, tuple[str, ...]] = {
    "ye": ("е",),
    "ya": ("я",),
    "yu": ("ю",),
    "yo": ("ё",),
    "ts": ("ц",),
}
# Azerbaijani's way of writing a Russian name: its letters and pairs, a first "ə" as "а", a
# soft sign (which it never writes) after any consonant, and a "й" after a last "ы" or "и"
# ("Qroznı").
_SCHEME = Scheme(
    {**_LETTERS, **_PAIRS},
    first=_FIRST,
    soft_after=frozenset("бвгджзклмнпрстфхцчшщ"),
    closing={"ы": "й", "и": "й"},
)
# Grammemes of a place name and a surname in pymorphy's dictionary.
_NAME_KINDS = frozenset({"Geox", "Surn"})
# A word this common in Turkish (once in a million words) is a word Azerbaijani shares with it,
# not a Russian name ("verdi", gave; "arada", in between).
_TURKISH_WORD = 1e-6


@lru_cache(maxsize=100_000)
def russian_name(word: str) -> str | None:
    """The Russian name (in Cyrillic, nominative) a lower-case Azerbaijani ``word`` writes,
    its case ending left off ("yekaterinburqdakı" -> "екатеринбург", "lavrovun" -> "лавров");
    None for any other word."""
    plain = az_plain(word)
    if (
        len(plain) < _SHORTEST
        or not plain.isalpha()
        or az_listed(plain)
        or plain in PLAIN_STOPWORDS_AZ
        or turkish_frequency(plain) >= _TURKISH_WORD
    ):
        # An Azerbaijani word, or one Turkish shares ("verdi", gave, is no Verdi).
        return None
    for ending in ("", *_ENDINGS):
        if not plain.endswith(ending):
            continue
        size = len(plain) - len(ending)
        base = plain[:size]
        if size < _SHORTEST or base in PLAIN_STOPWORDS_AZ or az_listed(base):
            continue
        for spelled in _spellings(word[:size]):
            if _is_name(spelled):
                return spelled
    return None


def _spellings(written: str) -> Iterator[str]:
    """The Russian spellings of ``written`` (a name without its ending, in Azerbaijani letters)
    that begin some word of general Russian at every letter (``_SCHEME``)."""
    # A name is read only if general Russian writes it (``_is_name``): a spelling that begins
    # none of its words leads to none, and is given up on by a set's look. (Looking it up
    # among the word forms of pymorphy's dictionary instead walked its letters in Python, most
    # of the time of reading a word that writes no name.)
    return spellings(written, _SCHEME, within=russian_beginnings())


def _is_name(spelled: str) -> bool:
    """Whether ``spelled`` is, in pymorphy's dictionary, a place name or a surname in the
    nominative singular that general Russian writes (wordfreq's Russian list has it): the
    dictionary also holds rare surnames that Azerbaijani words happen to spell ("мена" of
    "mənə", to me; "дилин" of "dilin", of the language)."""
    if spelled not in frequencies("ru", "small"):
        return False
    for parse in russian_lemmas.parses(spelled):
        grammemes = parse.tag.grammemes
        if (
            parse.is_known
            and not _NAME_KINDS.isdisjoint(grammemes)
            and "nomn" in grammemes
            and "plur" not in grammemes
        ):
            return True
    return False
