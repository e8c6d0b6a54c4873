"""How the Turkish stemmer is made to cut Azerbaijani nouns where Azerbaijani cuts them.

Azerbaijani has no Snowball stemmer; Turkish, its closest relative, stems it well once a word is
in a spelling Turkish knows (``az_form``), but it still cuts some Azerbaijani nouns wrongly: it
reads endings Azerbaijani lacks ("-ydı", "-sın", "-tır"), devoices a last consonant Azerbaijani
keeps ("kitab"), takes a noun's own last vowel or "m" for an ending ("kişi", "davam"), mangles
names that keep no vowel harmony ("Putinin"), and leaves question particles written on
("tutulubmu"). ``az_stem`` is the Turkish stem with those repairs; verbs are ``az_verbs``'s.
Where an Azerbaijani lexicon lists the noun a word begins with, before endings a noun takes,
that noun is the stem (``lexicon_stem``): a lexicon knows where "nümayəndə" ends, which Turkish
cannot.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import snowballstemmer  # uses PyStemmer's C stemmers when installed

from bot.core.az_verbs import verb_root
from bot.core.language import PLAIN_STOPWORDS_AZ, az_plain, english_frequency, turkish_frequency

_TURKISH = snowballstemmer.stemmer("turkish")

_BACK_VOWELS = frozenset("aıou")
# The last letters Turkish spelling devoices ("kitab" -> "kitap") and their Azerbaijani ones.
_DEVOICED = {"p": "b", "ç": "c", "t": "d", "k": "g"}
_FRONT_OF = {"i": "ı", "o": "ö", "u": "ü"}
_QUESTION_PARTICLES = ("mı", "mi", "mu", "mü")
# Endings a question particle follows, in ``az_form``: the perfect ("-ıbmı"), the copula and
# the present and aorist ("-dırmı", "-ırmı", "-ərmi"), the future, the past and the evidential.
_ASKED_FORMS = (
    *(f"{vowel}b" for vowel in "ıiuü"),
    *(f"{vowel}r" for vowel in "ıiuüae"),
    "acaq",
    "ecek",
    *(f"{d}{vowel}" for d in "dt" for vowel in "ıiuü"),
    *(f"m{vowel}s" for vowel in "ıiuü"),
)


# An "i" before one consonant and a last "e": as likely a vowel-final noun ("müharibə",
# "hadisə", "komitə") as a dative ("nazirə"); the noun, whose "i" the stemmer then leaves
# alone, is the commoner.
_NOUN_FINAL_E = re.compile(r"ı[^aeıioöuü]e")


@lru_cache(maxsize=200_000)
def az_form(word: str) -> str:
    """A lower-case Azerbaijani word in the one form both of its spellings share, fit for the
    Turkish stemmer: "Türkiyənin" and "turkiyenin" both give "turkıyenin".

    The special letters are dropped (``az_plain``), then vowel harmony puts back what the
    stemmer needs: Turkish takes a suffix only when its vowel agrees with the stem's last vowel,
    and without the dots "arasinda" reads as "a-a-i", which no suffix fits. Each "i" after a back
    vowel is read as "ı", each "o" or "u" after a front vowel as "ö" or "ü" ("arasinda" ->
    "arasında"); and each "o" or "u" before one, since a suffix agrees with the vowel before
    it: "ölümlər" and "olumler" both give "ölümler", whose "-ler" the stemmer takes off, where
    "olumler" keeps it. A loanword may come out oddly ("rusıya"), but the same from either
    spelling.
    """
    out = []
    back: bool | None = None
    for letter in az_plain(word):
        if letter in "aeiou":
            if back is True and letter == "i":
                letter = "ı"
            elif back is False and letter in "ou":
                letter = _FRONT_OF[letter]
            back = letter in _BACK_VOWELS
        out.append(letter)
    front_after = False  # the next vowel is "e" ("ə" typed plainly), "ö" or "ü"
    for index in range(len(out) - 1, -1, -1):
        letter = out[index]
        if letter in "ou" and front_after:
            out[index] = letter = _FRONT_OF[letter]
        if letter == "ı" and front_after and not _NOUN_FINAL_E.fullmatch("".join(out[index:])):
            # A loanword's "i" after a back vowel ("nazir", "turist", "polis"): a front suffix
            # ("nazirlər", "turistdə") says it is front, as written.
            out[index] = "i"
        elif letter in "aeıioöuü":
            front_after = letter in "eöü"
    return "".join(out)


@lru_cache(maxsize=200_000)
def az_stem(word: str) -> str:
    """The stem of a lower-case Azerbaijani word, in ``az_form``: the Turkish stemmer's, with
    the repairs of this module, unless the Azerbaijani lexicon names the noun it is a form of
    (``lexicon_stem``).

    Where the lexicon lists a form with its ending as a word of its own ("ikisi", the two of
    them; "xalqı", folk) and the Turkish stem is a shorter word it lists, whose endings the rest
    of the word is ("iki-si", "xalq-ımız"), the shorter stands: it is what the other forms
    share."""
    turkish = _turkish_stem(word)
    known = lexicon_stem(word)
    if known is None:
        return turkish
    plain, short = az_plain(word), az_plain(turkish)
    if (
        len(short) < len(known)
        and plain.startswith(short)
        and short in _lexicon()
        and _NOUN_ENDINGS.fullmatch(plain[len(short) :])
    ):
        return turkish
    return known


def _turkish_stem(word: str) -> str:
    """``az_stem`` by the Turkish stemmer and the repairs of this module alone."""
    stemmed = _az_stem(word)
    form = az_form(word)
    if len(stemmed) < 3 and _overcut(stemmed, form):
        whole = without_particle(form)
        recut = _recut(whole)
        if recut is None and (
            len(stemmed) == 1
            or turkish_frequency(az_plain(whole)) > turkish_frequency(az_plain(stemmed))
        ):
            # A letter alone meets only other scraps ("ötən" and "ona" as "o"), and a word
            # Turkish knows whole is that word ("insan", person, no "in"): the word whole.
            return whole
        return recut or stemmed
    return _without_buffer_s(stemmed, form)


def lexicon_stem(word: str) -> str | None:
    """The longest beginning of the lower-case Azerbaijani word ``word`` (in ``az_form``) that
    the Azerbaijani lexicon lists as a word, where the rest is endings a noun takes
    ("müharibəsində" -> "müharibə", "kişilərin" -> "kişi", "nazirə" -> "nazir"); None when it
    lists none (a name, a verb form, a typo), for the Turkish stemmer and its repairs.

    A lexicon says where a noun ends, which the Turkish stemmer can only guess from Turkish
    (it cut "kişi" to "kiş" and "şirkətə" to "şirkə", and kept "lideri" whole)."""
    plain = az_plain(word)
    lexicon = _lexicon()
    if _iya_loanword(plain) and plain[:-2] + "k" not in lexicon:
        # "Rusiya", "strategiya": whole, no "rus" or "rusi" with endings (but "nazirliyə" is
        # the dative of "nazirlik").
        return None
    for length in range(len(plain), 2, -1):
        if plain[:length] in lexicon and _NOUN_ENDINGS.fullmatch(plain[length:]):
            return az_form(word)[:length]
        hard = _HARDENED.get(plain[length - 1 : length])
        if (
            hard
            and plain[length : length + 1] in _PLAIN_VOWELS
            and plain[: length - 1] + hard in lexicon
            and _NOUN_ENDINGS.fullmatch(plain[length:])
        ):
            # "nazirliyi", "soyuqqanlılığa": the "k" of "-lik", the "q" of "-lıq" before a
            # vowel is written "y", "ğ" ("nazirlik", "soyuqqanlılıq").
            return az_form(word)[: length - 1] + hard
    return None


def az_listed(plain: str) -> bool:
    """Whether the Azerbaijani lexicon lists the plainly typed word ``plain`` as a word of its
    own ("əsasən", mainly; "göstərən", an indicator), not only its root."""
    return plain in _lexicon()


# The letter a noun's last "k" or "q" is written as before a vowel ending, typed plainly ("ğ" as
# "g"), and the letter it stands for.
_HARDENED = {"y": "k", "g": "q"}
_PLAIN_VOWELS = frozenset("aeiou")


@lru_cache(maxsize=1)
def _lexicon() -> frozenset[str]:
    """Azerbaijani words and roots typed without special letters (about 60,000: nltkaz's list,
    the one with its plain spellings, so that "muharibe" and "müharibə" read alike)."""
    listed = resources.files("nltkaz.stem").joinpath("enwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in listed.splitlines() if line.strip())


def _without_buffer_s(stemmed: str, form: str) -> str:
    """``stemmed`` without the "s" (or "sı") of the possessive "-sı" that a noun ending in a
    vowel takes ("müharibəsi", "münaqişəsi", "məsələsi", "komitəsi": the war, the conflict of
    ...), which the Turkish stemmer leaves on a word its own lexicon lacks, so that the form
    meets the noun ("müharibə") and its other forms. Not where the word with the "s" is a
    Turkish word ("polisi" is "polis" with its ending; "rusu", "reisi")."""
    plain = az_plain(stemmed)
    if len(plain) < 5:
        return stemmed
    if plain[-1] == "s" and plain[-2] in "aeiou":
        noun_length = len(stemmed) - 1
    elif plain[-2:-1] == "s" and plain[-1] in "iu" and plain[-3] in "aeiou":
        noun_length = len(stemmed) - 2
    else:
        return stemmed
    if not _POSSESSIVE_AFTER_S.fullmatch(az_plain(form[noun_length + 1 :])):
        return stemmed  # "pisləşir", "pisləşəcək": the "ş" of "-laş" typed plainly
    if turkish_frequency(plain[: noun_length + 1]) >= _SHARED_WORD:
        return stemmed
    return stemmed[:noun_length]


# What follows the buffer "s": the possessive's vowel and a case ending, typed plainly.
_POSSESSIVE_AFTER_S = re.compile(r"[iu](?:n[iu]n|n[iu]|n[ae]|nd[ae]n?|yl[ae])?")


def _az_stem(word: str) -> str:
    """``stem_in`` of a lower-case Azerbaijani word, as the Turkish stemmer and the repairs
    below cut it."""
    form = az_form(word)
    name = _shared_name_length(az_plain(word))
    if name:
        return form[:name]
    form = without_particle(form)
    softened = _SOFTENED_K.sub("ğ", form)
    if softened != form:
        # "-lik" (-ness) before a vowel is "-liy-" in Azerbaijani ("gərginliyi", of
        # "gərginlik", tension) and "-liğ-" in Turkish, whose stemmer puts the "k" back.
        k_noun: str = _TURKISH.stemWord(softened)
        if k_noun.endswith("k") and softened.startswith(k_noun[:-1] + "ğ"):
            return k_noun
    stemmed = _with_own_ya(_with_own_t(_TURKISH.stemWord(form), form), form)
    # Turkish spelling changes a stem's last letter ("kitab" -> "kitap") or adds a vowel after
    # d and g; Azerbaijani writes neither, so the stem is cut back to what the word begins with.
    shared = 0
    for left, right in zip(stemmed, form, strict=False):
        if left != right:
            break
        shared += 1
    if shared < 2:
        return stemmed
    devoiced = (
        shared == len(stemmed) - 1 and _DEVOICED.get(stemmed[-1]) == form[shared : shared + 1]
    )
    if devoiced:
        shared += 1  # "kitap" back to "kitab", as the word has it
        stemmed = form[:shared]
    stemmed = stemmed[:shared]
    owned = _FIRST_PERSON.match(form, len(stemmed))
    if owned:
        # Turkish takes "-ım" for "my" and "-dım" for "I did", which news and questions hardly
        # say, off nouns that end so ("qurum", body; "hücum", attack; "ölüm", death; "addım",
        # step; "davam", continuation), and not off their other forms ("qurumlar"): the noun
        # keeps its "m".
        stemmed = form[: owned.end()]
    if len(form) > 5 and form.endswith(("maq", "mek")) and stemmed == form:
        # The infinitive ("itirmək", as a synonym list writes a verb): Turkish's is "-mak";
        # ``az_verbs`` below takes a passive off it as off the verb's other forms.
        stemmed = form[:-3]
    if len(form) > 3 and form[-1] == "b" and form[-2] in "ıiuü" and stemmed == form:
        # The perfect "-ıb" ("ölüb", "itirib"): Turkish has no such ending; off with the vowel
        # too, so "ölüb" meets "öldü" (which Turkish does stem) in "öl".
        stemmed = form[:-2]
    root = verb_root(form) or _listed_verb_root(form)
    if root is not None and (stemmed == form or stemmed.startswith(root)):
        # A verb form (``az_verbs``): Snowball left it whole or cut only part of its ending.
        return root
    if root is None and not devoiced:
        # (A stem the stemmer devoiced is a noun ending in that consonant: "səbəbi" is
        # "səbəb" with its ending, whatever Turkish's "sebebi" says.)
        noun = _vowel_final_noun(az_plain(form), len(stemmed))
        if noun:
            return form[:noun]
    return stemmed


# The bare present after a consonant, or its plural ("aparır", "seçirlər"): ``az_verbs`` leaves
# it, for nouns end so too ("nazir", "səfir"); with a person it does cut it ("aparıram").
_CONSONANT_PRESENT = re.compile(r"(?P<root>.{2,}?[^aeıioöuü])[ıiuü]r(?:l[ae]r)?")


def _listed_verb_root(form: str) -> str | None:
    """The root of a bare present after a consonant ("aparır" -> "apar", "seçir" -> "seç",
    "qızışır" -> "qızış"), where the lexicon lists the root and not the word whole: it lists
    verb roots ("apar", "seç") and the nouns that end like a present ("nazir", "səfir",
    "dəmir", "təsir"), so those stay nouns. The past and perfect of the same verbs are cut to
    the root already ("apardı", "aparıb"), and their present now meets them."""
    found = _CONSONANT_PRESENT.fullmatch(form)
    if found is None:
        return None
    lexicon = _lexicon()
    if az_plain(form) in lexicon or az_plain(found["root"]) not in lexicon:
        return None
    return found["root"]


def _with_own_t(stemmed: str, form: str) -> str:
    """The Turkish stem ``stemmed`` of ``form`` with the "t" it cut off as the first letter of
    an ending put back: after a voiceless consonant Turkish writes "-ta", "-tan", "-ti", "-tir"
    where Azerbaijani writes "-da", "-dan", "-di", "-dir" (and the stemmer takes them after a
    vowel too), so an Azerbaijani word has no such ending, and the "t" is the noun's own
    ("şirkətə", "turisti": "şirkət", "turist"). Only what follows the "t" is cut, where it is
    a noun's ending; else nothing ("Gürcüstan", whose "-tan" Turkish took for the ablative)."""
    cut = form[len(stemmed) :]
    if len(cut) < 2 or not form.startswith(stemmed) or cut[0] != "t" or cut[1] not in _VOWELS:
        return stemmed
    if _ROOT_ENDINGS.fullmatch(az_plain(cut[1:])):
        return form[: len(stemmed) + 1]
    return form


_VOWELS = frozenset("aeıioöuü")


def _with_own_ya(stemmed: str, form: str) -> str:
    """``form`` whole where the Turkish stemmer cut its "-ya" / "-yə" as the dative after a
    noun ending in "i" that general Turkish does not know: the ending of a loanword
    ("Rusiya", "strategiya", "sanksiya"; Turkish writes "Rusya", "strateji"), whose other
    forms ("Rusiyanın") keep it. A dative stays cut after a noun Turkish knows ("kişiyə")."""
    return form if stemmed == form[:-2] and _iya_loanword(az_plain(form)) else stemmed


def _iya_loanword(plain: str) -> bool:
    """Whether ``plain`` (typed without special letters) ends in the "-iya" / "-iyə" of a
    loanword rather than a dative after a noun in "i" that general Turkish knows."""
    return (
        len(plain) > 5
        and plain.endswith(("iya", "iye"))
        and plain[-4] != "c"  # "başçıya", "ekspertçiyə": a doer noun's dative
        and turkish_frequency(plain[:-2]) < _SHARED_WORD
    )


# A Turkish word at least this common is a short root the stemmer rightly cut to ("il", year;
# "ay", month; "iş", work; "ol", be), not a scrap of a longer word.
_COMMON_SHORT_ROOT = 1e-4
# The endings a noun takes, typed without special letters: the plural, a possessive, a case
# (``_recut``). Not a verb's: a verb cut apart from its other forms is the stemmer's to keep.
_ROOT_ENDINGS = re.compile(
    r"(?:l[ae]r)?(?:[iu]m[iu]z|[iu]n[iu]z|[iu]m|s[iu]|[iu])?"
    r"(?:n[iu]n|[iu]n|n[iu]|y[iu]|[iu]|n[ae]|y[ae]|[ae]|n?d[ae]n?|l[ae])?"
)


def _overcut(stemmed: str, form: str) -> bool:
    """Whether the Turkish stemmer cut the Azerbaijani word ``form`` to a scrap: one letter of
    a word of four or more, or two that are no common short root before what Turkish reads as
    an ending of person or copula, which these words do not have ("işin" -> "i", "reydi" ->
    "re", "artır" -> "ar"; not "üzünü" -> "üz", face), or that a commoner word begins with
    ("insan" -> "in")."""
    if len(form) < 4:
        return False
    if len(stemmed) < 2:
        return True
    cut = az_plain(form[len(stemmed) :])
    if _TURKISH_ONLY_ENDING.match(cut) is None:
        return False
    short = turkish_frequency(az_plain(stemmed))
    if short < _COMMON_SHORT_ROOT:
        return True
    if not _SECOND_PERSON.match(cut):
        return False
    # A common short root ("in", which Turkish text borrows from English) is still a scrap of
    # a commoner word that begins with it before what would be "you are" ("insan",
    # "insanlar"), which news and questions about it hardly say.
    whole = without_particle(form)
    longer = _recut(whole) or whole
    return turkish_frequency(az_plain(longer)) > short


# What the Turkish stemmer takes for the past copula after a vowel ("-ydı"), the second person
# ("-sın", "-sən"), the copula ("-dır", "-tır") or a case after a voiceless consonant ("-ta",
# "-tan": Azerbaijani writes "-da", "-dan" there), typed without special letters: the start of
# what it cut off a word it left two letters of.
_TURKISH_ONLY_ENDING = re.compile(r"yd|s[iu]n|s[ae]n|[dt][iu]r|t[ae]")


_SECOND_PERSON = re.compile(r"s[ae]n")


def _recut(form: str) -> str | None:
    """A better cut of an over-cut word (``_overcut``): the noun a plural, possessive or case
    ending follows ("reyd-i", "iş-in", "insan-lar"). Of the
    roots general Turkish knows (the word whole among them), the shortest nearly as common as
    the commonest ("insan" of "insanlar", "iş" of "işin"; "uzun", long, stays whole: "uz" is
    rare); when it knows none, the shortest ending in a consonant ("reyd" of "reydi"); None
    when no noun ending fits (a verb: "artır" stays the stemmer's)."""
    plain = az_plain(form)
    cuts = [
        length
        for length in range(2, len(form))
        if plain[length:] != "n" and _ROOT_ENDINGS.fullmatch(plain[length:])
    ]
    if not cuts:
        return None
    cuts.append(len(form))
    frequency = {cut: turkish_frequency(plain[:cut]) for cut in cuts}
    known = [
        cut
        for cut in cuts
        if frequency[cut] >= _SHARED_WORD and (cut > 2 or frequency[cut] >= _COMMON_SHORT_ROOT)
    ]
    if known:
        best = max(frequency[cut] for cut in known)
        return form[: min(cut for cut in known if frequency[cut] * 10 >= best)]
    consonant_final = [cut for cut in cuts[:-1] if cut >= 3 and plain[cut - 1] not in "aeiou"]
    return form[: min(consonant_final)] if consonant_final else None


def without_particle(form: str) -> str:
    """An Azerbaijani word in ``az_form`` without a question particle written on
    ("tutulubmu", "istəyirmi", "müttəfiqidirmi", "etmişdimi"): Turkish writes it apart, and its
    stemmer would keep the whole word. Only after an ending it asks about, so that "rəsmi"
    (official) keeps its "mi"."""
    if len(form) > 5 and form.endswith(_QUESTION_PARTICLES) and form[:-2].endswith(_ASKED_FORMS):
        return form[:-2]
    return form


# The "y" of "-liy-" / "-lüy-", the "-lik" / "-lük" of a noun before a vowel (in ``az_form``),
# after at least three letters of its stem.
_SOFTENED_K = re.compile(r"(?<=...l[iü])y(?=[eiöü])")


# The ending of "my" ("-ım", "-m" after a vowel) or "I did" ("-dım"), not that of "our"
# ("-ımız"), where the Turkish stemmer cut a word (in ``az_form``): a last "m" after a vowel is
# the noun's own in news ("davam", continuation, is no "dava-m", my quarrel).
_FIRST_PERSON = re.compile(r"d?[ıiuü]m(?![ıiuü]z)|m$")


# After a noun ending in a vowel, what the Turkish stemmer cuts in error: its last vowel taken
# for a case or possessive ending ("kişi" -> "kiş"), or with the "s", "m" or "n" before it
# ("kişilərin" -> "ki", "gəmi" -> "gə", "erməni" -> "ermə"); or the buffer "s" it leaves
# ("ikisi" -> "ikis").
_NOUN_CUT = re.compile(r"[aeiou]|[smn][iu]")
_BUFFERS = frozenset("sny")
# The endings a vowel-final noun takes, in their order, typed without special letters: the
# plural, a possessive, a case, the copula ("gəmilərinin", "kişisi", "həftədə", "ikisidir").
_NOUN_ENDINGS = re.compile(
    r"(?:l[ae]r)?"
    r"(?:s[iu]|[iu]?m|[iu]?n|[iu]?m[iu]z|[iu]?n[iu]z|[iu])?"
    r"(?:n?[iu]n|[ny]?[iu]|[yn]?[ae]|n?d[ae]n?|y?l[ae])?"
    r"(?:d[iu]r|ki)?"
)


# How much commoner than the stemmer's cut a vowel-final noun must be to be taken for it.
_POSSESSIVE_RATIO = 3.0


def _vowel_final_noun(plain: str, cut: int) -> int:
    """The length of the noun ending in a vowel that the Azerbaijani word ``plain`` (typed
    without special letters) is a form of, where the Turkish stemmer cut it to ``cut`` letters
    in a way that splits its forms ("kişi" -> "kiş", "kişilər" -> "kişi", "kişilərin" -> "ki");
    0 when there is none. The noun must be a common Turkish word (the nearest general lexicon:
    "kişi", "gəmi", "iki", "dava" are Turkish too), the cut one the stemmer makes in error
    (``_NOUN_CUT``), and the rest of the word endings a noun takes; of several, the commonest,
    and commoner than the stemmer's cut itself.
    A word Azerbaijani alone has ("həftə") keeps the stemmer's cut."""
    # The stemmer's own cut stands where it is the commoner word ("polis", not "polisi"; "ay",
    # month, not "ayı"), unless it is a word of grammar ("ki" of "kişilərin"); and where it is
    # nearly as common, since Turkish counts a noun's possessive as a word of its own ("lider"
    # and "lideri", its leader, are about as common; "kişi", person, is six times "kış").
    stem = plain[:cut]
    common = turkish_frequency(stem) if stem not in PLAIN_STOPWORDS_AZ else 0.0
    best, best_frequency = 0, common * _POSSESSIVE_RATIO
    for length in range(max(3, cut - 1), min(len(plain), cut + 2) + 1):
        noun = plain[:length]
        if noun[-1] not in "aeiou":
            continue
        if length > cut:
            if not _NOUN_CUT.fullmatch(noun[cut:]):
                continue
        elif length < cut and plain[length:cut] not in _BUFFERS:
            continue
        if not _NOUN_ENDINGS.fullmatch(plain[length:]):
            continue
        frequency = turkish_frequency(noun)
        if frequency >= _SHARED_WORD and frequency > best_frequency and length != cut:
            best, best_frequency = length, frequency
    return best


# Endings that make a new Azerbaijani word of another, as typed without special letters: "-laş"
# (becoming: "yaxınlaşmaq", to draw near, of "yaxın", near), "-sız" (without: "təhlükəsiz",
# safe, of "təhlükə", danger), "-lıq" (-ness), "-lı" (with), "-çı" (doer), "-daş" (fellow).
_AZ_DERIVING = re.compile(
    r"^[aeiou]?(?:la|le|las|les|s?iz|s?uz|liq|lik|luq|luk|li|lu|ci|cu|das|des)"
)


def az_derived(term: str, other: str) -> bool:
    """Whether the Azerbaijani term ``other`` is a word made of ``term`` by a derivational
    ending: another word ("yaxınlaş-", to draw near, of "yaxın", near or close ones;
    "təhlükəsizlik", security, of "təhlükə", danger), not ``term`` misspelled or cut short."""
    return (
        len(term) >= 3
        and len(other) > len(term) + 1
        and other.startswith(term)
        and _AZ_DERIVING.match(other[len(term) :]) is not None
    )


# How common a word must be in both general English and Turkish to be taken as a name or
# loanword the languages share (once in a million words).
_SHARED_WORD = 1e-6


# Case, number and possessive endings a name may carry, as typed without special letters, longest
# first: "Putinin", "Ankaraya", "Bidenlə", "NATO-nun" (the hyphen is gone by now). Not
# Turkish's "-ta", "-tan" after a voiceless consonant: Azerbaijani writes "-da", "-dan" there,
# and "manata" is "manat" with its dative, no "mana".
_NAME_ENDINGS = tuple(
    sorted(
        (
            "in nin un nun i ni u nu a e ya ye da de dan den la le yla yle "
            "lar ler larin lerin lari leri dir dur deki daki"
        ).split(),
        key=len,
        reverse=True,
    )
)


def _shared_name_length(plain: str) -> int:
    """The length of the name or loanword that English and Turkish both use as it is ("putin",
    "biden", "ankara", "problem", "internet") with which the Azerbaijani word ``plain`` (typed
    without special letters) begins, before one of its endings; 0 if it is none. The Turkish
    stemmer would cut such a word where it ends like a suffix ("Putin" as a genitive "Put-in",
    "Biden" as "Bi-den"), and vowel harmony, which foreign names do not keep, mangles its forms
    ("Putinin" -> "puti"); left whole, it meets the English word."""
    if len(plain) < 4 or plain in PLAIN_STOPWORDS_AZ:
        return 0  # "hansı" (which) is no "Hans" with an ending
    for ending in ("", *_NAME_ENDINGS):
        name = plain[: len(plain) - len(ending)]
        if plain.endswith(ending) and len(name) >= 4 and _shared(name):
            return len(name)
    return 0


def _shared(word: str) -> bool:
    return english_frequency(word) >= _SHARED_WORD and turkish_frequency(word) >= _SHARED_WORD
