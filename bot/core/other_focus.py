"""What a Russian or Azerbaijani question asks for: its question words and offices read as
the English ones ``bot.core.focus`` knows ("сколько" as "how many", "кто глава" as "who is the
head"), indirect questions and "bir neçə" (a few) left out, and neither "nə qədər" before a
predicate ("nə qədər realdır": how real is it) nor a question word typed plainly by a writer
who types its letters elsewhere ("adi", ordinary, beside "ı": no "adı", its name) asks a count
or a name.
"""

from __future__ import annotations

import re

from bot.core import language as languages
from bot.core import russian_lemmas
from bot.core.focus import Focus, question_focus
from bot.core.folding import translit
from bot.core.language import az_plain
from bot.core.other_stems import other_words
from bot.core.other_tokens import other_tokens, without_indefinites
from bot.core.since_words import asks_since
from bot.core.wants import Want

# Question words of Russian and Azerbaijani read as the English ones the question focus knows
# ("сколько" asks for a count like "how many").
_FOCUS_WORDS = {
    "ru": {
        "сколько": "how many",
        "когда": "when",
        "почему": "why",
        "зачем": "why",
        "отчего": "why",
        "из за чего": "why",
        "по какой причине": "why",
        "с какой целью": "why",
        # "с чего" (from what: "с чего всё началось", "с чего вы взяли"), "за что" (for
        # what), "для чего", "ради чего" (what for), "с какой стати": the cause or the aim
        "с чего": "why",
        "за что": "why",
        "для чего": "why",
        "ради чего": "why",
        "с какой стати": "why",
        "кем": "who",
        "с каких пор": "when",
        "в каком городе": "where",
        "в какой стране": "where",
        "кто": "who",
        "кого": "who",
        "кому": "who",
        "где": "where",
        "куда": "where",
        "откуда": "where",
        # what is asked of someone or something: a name, an age, a property
        "как зовут": "name of",
        "как звали": "name of",
        "как их звали": "name of",
        "как его звали": "name of",
        "как её звали": "name of",
        "имя": "name of",
        "имена": "name of",
        "фамилия": "name of",
        "сколько лет": "how old",
        # a span of time, a time of day, a sum of money, a share
        "сколько времени": "how long",
        "как долго": "how long",
        "во сколько": "what time",
        "в котором часу": "what time",
        "сколько денег": "how much money",
        "сколько процентов": "what percentage",
        "какой процент": "what percentage",
        "какая доля": "what percentage",
        "в каком году": "what year",
        "какого числа": "what date",
        "в какой день": "what day",
        "в каком месяце": "what month",
        "население": "population of",
        "столица": "capital of",
        "цена": "price of",
        "стоит": "cost",
        "стоимость": "cost",
    },
    "az": {
        "neçə": "how many",
        "nə qədər": "how many",
        "niyə": "why",
        "nə üçün": "why",
        "nə səbəbə": "why",
        "nə səbəbdən": "why",
        "hansı səbəbdən": "why",
        "nəyə görə": "why",
        # "nədən" (from what): "nədən başladı" asks what it started from, "nədən belə oldu"
        # why it came to this; not "nədən ibarətdir" (what it consists of: ``other_focus``)
        "nədən": "why",
        "kimlər": "who",
        "kimin": "who",
        "nə zamandan": "when",
        "hansı şəhərdə": "where",
        "kim": "who",
        "kimi": "who",
        "kimə": "who",
        "harada": "where",
        "haradan": "where",
        "nə vaxt": "when",
        "nə zaman": "when",
        "haçan": "when",
        "haçandan": "when",
        "nə vaxtdan": "when",
        "adı": "name of",
        "adını": "name of",
        "adları": "name of",
        "adlarını": "name of",
        "kimdir": "who",
        "kimlərdir": "who",
        "haradadır": "where",
        "soyadı": "name of",
        "neçə yaşı": "how old",
        "neçə yaşında": "how old",
        "hansı ildə": "what year",
        "hansı tarixdə": "what date",
        "hansı gün": "what day",
        "hansı ayda": "what month",
        "əhalisi": "population of",
        "paytaxtı": "capital of",
        "qiyməti": "price of",
    },
}
# Offices whose holder a question may ask for by name ("кто глава комитета", "komitənin sədri
# kimdir"), by the beginning of the word so that any case ending counts (of a Russian word, or
# of its dictionary form: "главой" is "глава", "посла" is "посол"), read as the English role
# word the answers are checked for (``bot.core.focus_words.ROLE_WORDS``).
_ROLE_STEMS = {
    "ru": {
        "председател": "chairman",
        "руководител": "head",
        "глава": "head",
        "лидер": "leader",
        "министр": "minister",
        "посол": "ambassador",
        "мэр": "mayor",
        "губернатор": "governor",
        "директор": "director",
        "начальник": "chief",
        "командующ": "commander",
        "командир": "commander",
        "основател": "founder",
        "владел": "owner",
        "спикер": "speaker",
        "премьер": "premier",
        "президент": "president",
        "генсек": "secretary",
    },
    "az": {
        "sədr": "chairman",
        "rəhbər": "head",
        "başçı": "head",
        "lider": "leader",
        "nazir": "minister",
        "səfir": "ambassador",
        "mer": "mayor",
        "direktor": "director",
        "komandan": "commander",
        "komandir": "commander",
        "sözçü": "spokesman",
        "qurucu": "founder",
        "sahib": "owner",
        "prezident": "president",
    },
}
# The Azerbaijani question words as typed without special letters, read from the plain text;
# "nece" is left out: it is "neçə" (how many) as often as "necə" (how).
_PLAIN_FOCUS_AZ = {
    az_plain(words): (asked, frozenset(words) - frozenset(az_plain(words)))
    for words, asked in _FOCUS_WORDS["az"].items()
    if az_plain(words) not in ("nece",)
}


def _typed_plainly(letters: frozenset[str], text: str) -> bool:
    """Whether a question word whose special ``letters`` its plain spelling lacks ("adı" typed
    "adi") may be typed plainly in ``text``: not where the text writes those letters
    elsewhere ("adi bir cinayət", an ordinary crime, is no "adı", its name, from a writer who
    types "ı")."""
    return not letters or not any(letter in text for letter in letters)


# A predicate after "nə qədər": the copula "-dır" on a word of its own ("realdır", "əsaslıdır",
# typed plainly), of which "nə qədər" asks how much it is so ("how real"), not how many; not a
# span of time ("nə qədər vaxtdır", for how long), which asks a duration.
_PREDICATE = re.compile(r"(?P<word>.{3,}?)d[iu]r(?:m[iu])?")
_SPANS = frozenset("vaxt muddet gun hefte ay il saat deqiqe zaman".split())


def _how_so(words: list[str], index: int) -> bool:
    """Whether ``words[index]`` is the "qədər" of "nə qədər" before a predicate ("nə qədər
    realdır": how real is it), which asks no count."""
    return (
        index > 0
        and index + 1 < len(words)
        and az_plain(words[index]) == "qeder"
        and az_plain(words[index - 1]) == "ne"
        and (predicate := _PREDICATE.fullmatch(az_plain(words[index + 1]))) is not None
        and predicate["word"] not in _SPANS
    )


def _asked_offices(words: list[str], language: str) -> list[str]:
    """The English role words of the offices named in ``words`` (``_ROLE_STEMS``)."""
    stems = _ROLE_STEMS.get(language, {})
    if language == "az":
        words = [az_plain(word) for word in words]
        stems = {az_plain(stem): role for stem, role in stems.items()}
    found = []
    for word in words:
        known = russian_lemmas.lemma(word) if language == "ru" else None
        forms = (word, known.form) if known is not None else (word,)
        for stem, role in stems.items():
            # A stem of three letters ("мэр", "mer") is the whole word: "merkez" is no mayor.
            if any(
                form.startswith(stem) and (len(stem) > 3 or len(form) <= len(stem) + 2)
                for form in forms
            ):
                found.append(role)
                break
    return found


def _without_embedded(text: str, words: list[str]) -> list[str]:
    """Russian ``words`` (of ``text``) without the question words that open a clause after a
    comma when the question has asked with one before: an indirect question ("Кому поручено
    разбираться, почему умерли двое?" asks who, not why), as English reads "how did moscow
    react when ..." by its first question word. A question that asks nothing before the comma
    ("Расскажите, почему ...") asks what its clause asks."""
    clauses = text.lower().split(",")
    asked = False
    dropped: list[str] = []
    for clause in clauses:
        clause_words = other_words(without_indefinites(clause), "ru")
        if asked and clause_words and clause_words[0] in _EMBEDDING_WORDS:
            dropped.append(clause_words[0])
        asked = asked or any(word in _ASKING_WORDS for word in clause_words)
    out = list(words)
    for word in dropped:
        if word in out:
            out.remove(word)
    return out


# The question words that ask on their own (not "что", "как", which also join clauses that
# ask nothing: "известно, что ...") and those that open an indirect question after a comma.
_ASKING_WORDS = frozenset(
    "кто кого кому кем почему зачем отчего когда где куда откуда сколько какой какая какое "
    "какие какого какую каком каким".split()
)
_EMBEDDING_WORDS = frozenset("почему зачем отчего когда где куда откуда сколько".split())


def _a_few(words: list[str], index: int) -> bool:
    """Whether ``words[index]`` is the "neçə" of "bir neçə" (a few, several), typed with its
    letters or without."""
    return index > 0 and az_plain(words[index]) == "nece" and az_plain(words[index - 1]) == "bir"


def _consists_of(words: list[str], index: int) -> bool:
    """Whether ``words[index]`` is the "nədən" of "nədən ibarətdir" (what it consists of)."""
    return (
        az_plain(words[index]) == "neden"
        and index + 1 < len(words)
        and az_plain(words[index + 1]).startswith("ibaret")
    )


def other_focus(text: str, language: str) -> Focus:
    """The focus of a Russian or Azerbaijani question: its question words read as English
    ones; its word count is its own."""
    words = other_tokens(text, language)
    if language == "ru" and "," in text:
        words = _without_embedded(text, words)
    # "heç kim" is nobody and "heç vaxt" never: no question word after "heç"; "bir neçə" is a
    # few ("bir neçə gündür xəbər oxumuram": for a few days), not how many; "nədən ibarətdir"
    # asks what something consists of, not why.
    asking = [
        w
        for i, w in enumerate(words)
        if not (i and az_plain(words[i - 1]) == "hec")
        and not _a_few(words, i)
        and not _consists_of(words, i)
        and not (language == "az" and _how_so(words, i))
    ]
    lowered = " " + " ".join(asking) + " "
    phrases = [
        (word, asked)
        for word, asked in _FOCUS_WORDS.get(language, {}).items()
        if f" {word} " in lowered
    ]
    english = [asked for _, asked in phrases]
    if language == "az":
        plain = " " + " ".join(word for word in asking if az_plain(word) == word) + " "
        lowered_text = text.lower()
        english += [
            asked
            for word, (asked, letters) in _PLAIN_FOCUS_AZ.items()
            if f" {word} " in plain and _typed_plainly(letters, lowered_text)
        ]
    if language == "ru" and "when" in english and any(map(russian_lemmas.future, asking)):
        # "когда вернётся посол", "когда их отпустят": a perfective verb's present form is
        # its future, asked as English's "when will".
        english.append("will")
    if "who" in english or "name of" in english:
        # Read as English reads "who is the chairman": the role's holder is asked.
        # "name of the ambassador" for "как зовут посла": the role right after "name of".
        lead = "is the" if "who" in english else "the"
        english += [f"{lead} {role}" for role in _asked_offices(asking, language)]
    found = question_focus(" ".join(english).split()) if english else Focus()
    wants = found.wants
    if asks_since(asking, language):
        # "посол в итоге вернулся?", "səfir hələ qayıtmayıb?": read as English's "... yet".
        wants |= Want.LATER
    # The word that only names the kind asked ("числа" of "какого числа", "ildə" of "hansı
    # ildə"), as the question's terms give it back: like English's "date" in "what date", it
    # is not what the question is about.
    kind_words = tuple(
        translit(word)
        for phrase, asked in phrases
        if question_focus(asked.split()).kind_words
        for word in phrase.split()
        if word not in languages.stopwords(language)
    )
    return Focus(wants, found.attributes, found.roles, len(words), kind_words=kind_words)
