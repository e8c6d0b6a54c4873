"""Which language a question or a fact is written in: English, Russian or Azerbaijani.

No model is downloaded: the script and letters decide first (Cyrillic is Russian; ə, ğ, ı, ş,
ç, ö, ü or x beside them are Azerbaijani), then the small stopword lists (a Latin-script text
without special letters that reads "nə", "niyə", "və" is Azerbaijani), and English is the
fallback. Azerbaijani written in Cyrillic (as before 1991) is read as Russian: its names still
meet the English ones through transliteration.

The stopword lists are small and hand-kept: question words, pronouns, particles,
prepositions and conjunctions, and words that say how someone asks rather than what about.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.core import latin_russian
from bot.core.remembered_texts import REMEMBERED_TEXTS
from bot.core.word_lists import frequencies, once, zipf_of

LANGUAGES = ("en", "ru", "az")
"""Languages newsdesk reads and answers in; English is the knowledge base's own."""

LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "az": "Azərbaycanca"}

STOPWORDS_RU = frozenset(
    """
    а без более бы был была были было быть в вам вас ведь весь во вот все всё всех вы где да
    даже для до его ее её если есть еще ещё же за здесь и из или им их к как какая какие
    каким какое какой каков когда кого ком кому кто ли либо мне мной мы на над нам нас не
    него нее неё нет ни них но ну о об однако он она они оно от очень по под при про с со
    так также такой там те тем то того тоже той только том тот ту ты у уже хотя чего чей
    чем что чтобы чье чья эта эти это этого этой этом этот я зачем почему отчего откуда
    куда сколько сейчас теперь вообще просто кратко коротко скажите скажи расскажите
    расскажи объясните объясни подскажите подскажи можете можешь можно пожалуйста привет
    ребята кто-нибудь кто-то что-то вопрос знает знаете интересно вкратце кстати типа
    короче мол ваще плз пжл спасибо ок информация инфа подробности подробнее детали
    насколько является являются являлся чему чём
    становится стало стал стала стали следует мнению введите введи
    какую каких какого каком какому какими какова каково всём всем всего всей всею этим
    этими этому тут щас сча слышал слышала слышно говорят пишут чё чо че шо ща
    между после перед через против среди около вокруг кроме вроде будто
    ребят кажется показалось видимо наверное наверно
    меня тебя тебе тобой ему ей ею ним ней нему нём нем себя себе собой
    буду будешь будет будем будете будут могу можешь может можем можете могут мог могла
    могло могли должен должна должно должны
    который которая которое которые которого которой котором которому которую которым которыми
    которых
    нибудь кое таки
    вся всю ничего ничто никто никого никому нечего
    наш наша наше наши нашего нашей нашем нашим нашими наших нашу
    ваш ваша ваше ваши вашего вашей вашем вашим вашими ваших вашу
    ихний ихняя ихнее ихние ихних ихним
    ж б уж хоть разве неужели неужто небось чтоли штоли походу дескать блин прям мб
    чтоб
    """.split()
)
# The last lines: the remaining forms of "какой", "весь" and "этот" (the list above has only
# some), casual Russian: "чё"/"шо" for "что", "щас" for "сейчас", hearsay ("говорят"); the
# prepositions of time and place English's stopwords hold ("between", "after", "against"), the
# hedging "вроде", "будто", "кажется" ("или мне показалось": or did I imagine it), and "ребят"
# (guys) beside "ребята"; the forms of the personal and reflexive pronouns the first lines
# leave out ("меня", "ему", "себе": English's "me", "him", "themselves"); the future's "будет"
# and the modals "может", "должен" (English's "will", "can", "could", "should"); the forms of
# "который" (English's "which", "that", "who" of a relative clause); the particles a hyphen
# joins to a pronoun or adverb ("кто-нибудь", "где-либо", "кое-что", "всё-таки"), which are
# read as words of their own once the hyphen splits them; the forms of "весь" and the
# negative pronouns ("всю", "ничего", "никто": English's "all", "nothing" weigh nothing
# either), the possessives "наш", "ваш" and colloquial "ихний" (English's "our", "your",
# "their"), and the particles of speech that colour a question, not its topic: "ж"/"б" (the
# clipped "же"/"бы"), "уж", "хоть", "разве", "неужели", "небось" (I bet), "чтоли" ("что ли"
# typed as one word), "походу" (looks like), "дескать", "блин", "прям", "мб" (maybe). Not
# "свой" (one's own): "стоять на своём" is to stand one's ground. "чтоб" is "чтобы" clipped.


STOPWORDS_AZ = frozenset(
    """
    və ilə bu o bu da də ki mi mı mu mü nə niyə necə nece niye kim kimi kimə kimin harada
    hara haradan haraya hansı hansi neçə nece ne nə vaxt vaxt bəs bes isə ise amma lakin
    ya yaxud üçün ucun uçun görə gore kimi qədər qeder bir bu nin nın nun nün dir dır dur
    dür mı ona onu onun onlar onların biz siz mən men sən sen məni bizə sizə deyin de
    söyləyin izah edin zəhmət zehmet olmasa salam sağ ol sağol təşəkkür çox cox daha ən en
    hələ hele artıq artiq indi sadəcə qısaca qisaca yəni yeni görəsən gorasen bilən bilir
    bilirsiniz kimsə kimse nəsə nese həm hem
    nədir nədi kimdir kimlərdir haradadır nəyi nəyə nədən nəyin hansısa hansını burada burda
    orada orda neynir neynəyir nolub noldu nətər haçan haçandan vaxtdan ola olub olur oldu olan
    olaraq olmuş olar olacaq olmaq olsun olubmu olurmu idi idim idin idik idiniz idilər imiş
    deyil edir edib etdi edilib edilir edən
    etmək edəcək edirlər ediblər edirmi doğrudu doğrudur doğrudurmu deyirlər deyəsən eşitdim
    var yoxsa heç
    haqqında barədə məlumat məsələ məsələsi məsələni məsələdə
    mövzu mövzusu mövzusunda mövzuda mövzusuna mövzular
    sonra qarşı bəri tərəfindən
    bunu bunun buna bundan bununla bunlar bunları bunların onlara onları ondan onunla onda
    hə bəli yox yoxdur bilər bilərmi bilərsən bilərsənmi bilərsiniz bilərsinizmi edə
    ümumilikdə ümumiyyətlə qısa şəkildə şəklində üzərində üzərindəki üzrə altında altına
    belə elə ancaq axı bəlkə yəqin əslində doğrudan düzü lap koroçe həqiqətən
    hamı hamısı hamısını hamısına şey şeyi şeylər ə
    """.split()
)
# The last lines: question words with the copula or a case ending ("nədir", "kimdir"),
# colloquial forms ("burda", "neynir", "nolub"), the light verbs "olmaq" (be) and "etmək"
# (do), which English's stopwords hold as "is/was/did", hearsay ("deyirlər", "doğrudu"), the
# asking words ("haqqında", about; "məsələsi", the matter of; "mövzusunda", on the topic of),
# the case forms of "bu" (this) and "o" (he, that) the first lines leave out, the
# postpositions English's stopwords hold ("after", "by", "over", "under"; not "əvvəl",
# before, which tells a question about then from one about now, as English's "before"), yes and
# no ("hə", "yox"), the "can you" of a polite question ("izah edə bilərsinizmi") and the
# asking for it briefly or in general ("qısa şəkildə", "ümumilikdə": English's "brief",
# "basically"); the adverbs and particles that colour a question ("belə", so; "elə", just;
# "ancaq", only; "axı", after all; "bəlkə", "yəqin", maybe, surely; "əslində", "doğrudan",
# "düzü", "həqiqətən", really, honestly; "lap", quite; "koroçe", Russian "короче", in short),
# "hamı" (all, everyone) with its forms, "şey" (thing: English's FILLER holds "thing") and the
# interjection "ə" ("nədi ə"; the endings and interjections that are also English words, as
# "in", "a", "i", are dropped by the reading of Azerbaijani, ``dropped_words.AZ_SCRAPS``, not listed
# here: these lists also tell the language). Not "arasında" (between): a noun with its
# endings, and what marks a question as being about two countries' relations ("rusiya ilə
# azərbaycan arasında").

# "yeni" (new) is a content word in Azerbaijani too, but as "yəni" (that is) typed without
# the ə it is filler far more often in questions.

_STOPWORDS = {"ru": STOPWORDS_RU, "az": STOPWORDS_AZ}

# Azerbaijani typed on a Latin keyboard loses its letters: "ə" -> "e", "ı" -> "i", "ş" -> "s",
# "ç" -> "c", "ğ" -> "g", "ö" -> "o", "ü" -> "u". The matcher reads every Azerbaijani word in
# this plain form, on the fact side as on the question side, so both spellings meet.
_AZ_PLAIN = str.maketrans("əışçğöüâîû", "eiscgouaiu")


def az_plain(word: str) -> str:
    """A lower-case Azerbaijani word as typed without its special letters ("Bakı" -> "baki")."""
    return word.translate(_AZ_PLAIN)


# Stopwords as typed without the special letters: a plain word is dropped when its plain form is
# one ("nedir", "burda"), while a word typed with them is dropped only as written, since they
# tell "öldü" (died) from the light verb "oldu" (became).
PLAIN_STOPWORDS_AZ = frozenset(az_plain(word) for word in STOPWORDS_AZ)
# Plain stopwords that are English words too ("men", "de", "var"): not evidence of Azerbaijani.
_ENGLISH_LOOKALIKES = frozenset("a o de da en men ya hem var biz sen he".split())
_PLAIN_AZ_MARKERS = PLAIN_STOPWORDS_AZ - _ENGLISH_LOOKALIKES

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# ə is Azerbaijani alone; ğ ı ş ç ö ü are shared with Turkish, which newsdesk does not read.
_AZ_LETTERS = re.compile(r"[əƏğĞıİşŞçÇöÖüÜ]")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_AZ_Q = re.compile(r"q(?!u)")
_ENGLISH_Q = frozenset("qatar qatari iraq iraqi qi faq".split())
_ENGLISH_MARKERS = frozenset(
    "the what why who how when where is are was were did does do of and to in about".split()
)
# The plain Azerbaijani stopwords that mark a text as Azerbaijani against English (made once:
# ``_detect_latin`` reads every question).
_AZ_ONLY_MARKERS = _PLAIN_AZ_MARKERS - _ENGLISH_MARKERS


def stopwords(language: str) -> frozenset[str]:
    """The stopwords of a non-English language (English's live in ``bot.core.filler_words``)."""
    return _STOPWORDS.get(language, frozenset())


def lower(text: str, language: str) -> str:
    """Lower-case as the language does: Azerbaijani "I" is "ı" and "İ" is "i"."""
    if language == "az":
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower()


def plain_lower(text: str, language: str) -> str:
    """``text`` lower-cased as its language does (``lower``), and Azerbaijani also as typed
    without its special letters (``az_plain``): the form set phrases are matched in, so that
    "İcmal" and "icmal", "ümumi şəkildə" and "umumi sekilde" read alike."""
    lowered = lower(text, language)
    return az_plain(lowered) if language == "az" else lowered


# The texts are mostly questions, each read once per asking: a question asked again is the
# only reuse (15 in 30,000 different questions). As many as the analyser remembers the reading
# of: 50,000 held 40,000 questions more for next to no reuse.
@lru_cache(maxsize=REMEMBERED_TEXTS)
def detect(text: str) -> str:
    """ "en", "ru" or "az" for ``text`` (English when nothing says otherwise)."""
    if text.isascii():
        return _detect_latin(text)
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    if cyrillic and cyrillic >= latin:
        return "ru"
    if _AZ_LETTERS.search(text):
        return "az"
    words = set(_WORD.findall(lower(text, "az")))
    if words & STOPWORDS_AZ and not words & _ENGLISH_MARKERS:
        return "az"
    return "en"


def _detect_latin(text: str) -> str:
    """The language of a text in plain Latin letters: English, Azerbaijani typed without its
    special letters, or Russian typed in Latin letters ("kto provodil reyd")."""
    found = _WORD.findall(text.lower())
    words = set(found)
    english = len(words & _ENGLISH_MARKERS)
    markers = words & _AZ_ONLY_MARKERS
    # Azerbaijani "q" ("Yekaterinburq", "Qarabag"): English has it in "qu" (and a few names).
    markers.update(word for word in words if _AZ_Q.search(word) and word not in _ENGLISH_Q)
    az = len(markers)
    # Two English function words settle it ("why did ... its ..."): weighing each word costs a
    # transliteration per word not seen before, and a typo'd English question has many.
    if english < 2 and _MAX_VOTED >= len(found) >= 2 and not _mostly_english(words):
        votes = _votes(words - markers - _ENGLISH_MARKERS)
        if votes["ru"] >= 2 and votes["ru"] > 2 * (votes["az"] + az + votes["en"] + english):
            return "ru"
        az += votes["az"]
        english += votes["en"]
    if not az and not english and _plain_azerbaijani(words):
        return "az"
    return "az" if az and az > english else "en"


# Texts longer than this are not weighed word by word (a question is shorter, and indexing a
# long English fact must stay cheap).
_MAX_VOTED = 30
# A word counts for the language in which it is most common, when it is this much more common
# there (Zipf units: powers of ten) than in the next: "kto" (кто) is Russian, "ile" Turkish and
# Russian alike (a dialect word in Russian), so it counts for neither.
_LEAD = 0.8
# ...and is seen at least once in ten million words there: rarer entries of a frequency list
# are names, typos and borrowings ("sakit" in English).
_KNOWN = 2.0


def _mostly_english(words: set[str]) -> bool:
    """Most of the words are common English: no need to weigh them one by one."""
    common = sum(1 for word in words if _common_english(word))
    return 3 * common >= 2 * len(words)


def _common_english(word: str) -> bool:
    """Seen at least once in a million English words: in wordfreq's small English list, whose
    cut-off is just that. A dictionary lookup: ``wordfreq.zipf_frequency`` re-reads the word
    (tokenising, normalising) at about 0.1 ms a call, a tenth of a question's budget."""
    return word in _english_small_list()


def _english_zipf(word: str) -> float:
    """How common ``word`` is in English (Zipf units), from wordfreq's large list, loaded the
    first time a text is weighed word by word."""
    return zipf_of(frequencies("en", "large").get(word, 0.0))


def _votes(words: set[str]) -> dict[str, int]:
    """How many of ``words`` are clearly English, Russian (typed in Latin letters) or
    Azerbaijani (typed without its special letters), each by how common it is in general
    English, in Russian once read in Cyrillic, and in Turkish as typed without its special
    letters: wordfreq has no Azerbaijani list, and Turkish, its nearest relative, shares most of
    its everyday words ("ile", "geri", "arasinda"). A word in none of the lists counts for
    Azerbaijani when it has an Azerbaijani ending. Single letters and names common to all
    ("baku", "putin") count for none."""
    votes = {"en": 0, "ru": 0, "az": 0}
    for word in words:
        vote = _vote(word)
        if vote is not None:
            votes[vote] += 1
    return votes


@lru_cache(maxsize=50_000)
def _vote(word: str) -> str | None:
    """The language one word counts for in ``_votes`` (None: none)."""
    if len(word) < 2:
        return None
    zipfs = {
        "en": _english_zipf(word),
        "ru": latin_russian.russian_zipf(word),
        "az": _turkish_zipf(word),
    }
    ranked = sorted(zipfs, key=zipfs.__getitem__, reverse=True)
    best = zipfs[ranked[0]]
    if best >= _KNOWN and best - zipfs[ranked[1]] >= _LEAD:
        return ranked[0]
    if best < _KNOWN and _AZ_ENDING.search(word):
        # In no list, but with an Azerbaijani case, plural or verb ending ("cagirib").
        return "az"
    return None


def english_frequency(word: str) -> float:
    """How often ``word`` (folded) appears in general English, as a share of all words (0 for
    a word too rare for the list, a misspelling or a name), from wordfreq's small list: read
    once here for English specificity (``text``), the names Azerbaijani shares with English
    (``az_nouns``) and telling English apart (``_common_english``)."""
    return _english_small_list().get(word, 0.0)


def _english_small_list() -> dict[str, float]:
    """wordfreq's small English list (words seen at least once in a million), read once."""
    return frequencies("en", "small")


def _turkish_zipf(word: str) -> float:
    """How common ``word`` is in Turkish typed without its special letters (Zipf units)."""
    return zipf_of(turkish_frequency(word))


def turkish_frequency(word: str) -> float:
    """How often ``word`` appears in general Turkish typed without its special letters (the
    nearest general frequencies to Azerbaijani's), as a share of all words."""
    return _turkish_plain().get(word, 0.0)


@once
def _turkish_plain() -> dict[str, float]:
    """wordfreq's small Turkish list by each word typed without its special letters (the
    frequencies of the words that then read alike added up)."""
    plain: dict[str, float] = {}
    for turkish, frequency in frequencies("tr", "small").items():
        key = az_plain(turkish)
        plain[key] = plain.get(key, 0.0) + frequency
    return plain


# Endings of Azerbaijani cases, plurals and verbs as typed without special letters.
_AZ_ENDING = re.compile(
    r"(?:lar|ler|lari|leri|nin|nun|dan|den|nda|nde|ib|ub|mi|mu|dir|dur|lik|luk|liq|maq|mek"
    r"|ecek|acaq|yir|yur)$"
)


def _plain_azerbaijani(words: set[str]) -> bool:
    """Azerbaijani typed on a Latin keyboard with no stopword in it ("gemiler limanda
    saxlanilib"): two words or more, none of them common English, half of them or more with an
    Azerbaijani ending. One word alone ("Kashmir") is a name more often than not."""
    if len(words) < 2:
        return False
    if any(_common_english(word) for word in words):
        return False
    return 2 * sum(1 for word in words if _AZ_ENDING.search(word)) >= len(words)


def supported(language: str | None) -> str | None:
    """``language`` if newsdesk reads it, else None."""
    return language if language in LANGUAGES else None


def from_locale(locale: str | None) -> str | None:
    """The newsdesk language of a Discord locale ("ru" -> "ru"; "en-US" -> "en"), if any.

    Discord has no Azerbaijani locale: Azerbaijani speakers get Azerbaijani labels from the
    language of their question alone.
    """
    if not locale:
        return None
    code = str(locale).split("-")[0].lower()
    return supported(code)
