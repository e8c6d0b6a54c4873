"""Text normalisation shared by indexing and querying, so both sides see the same terms.

A question goes through: Unicode folding and transliteration (Cyrillic, Azerbaijani, accents to
ASCII), lower-casing, tokenising, chat spellings read as the words they stand for ("ppl" ->
people, "y" -> why, "lol" -> nothing: ``bot.core.chat_words``), dropping question words and
filler, stemming (recalled -> recall) and mapping synonyms to one canonical term (envoy ->
ambassador).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

import snowballstemmer  # uses PyStemmer's C stemmers when installed
from anyascii import anyascii

from bot.core import language as languages
from bot.core import latin_russian, russian_adjectives, russian_lemmas
from bot.core.az_nouns import az_form, az_stem, without_particle
from bot.core.az_verbs import verb_root
from bot.core.chat_spellings import respelled
from bot.core.chat_words import CHAT_WORDS, OTHER_CHAT_WORDS
from bot.core.focus import MONTH_NUMBERS, MONTHS, Focus, Want, question_focus
from bot.core.language import PLAIN_STOPWORDS_AZ, az_plain, english_frequency
from bot.core.news_words import IRREGULAR_FORMS, NEWS_SYNONYMS, OWN_SENSE
from bot.core.since_words import asks_since
from bot.core.word_lists import frequencies, zipf, zipf_of

# Question words, filler and function words: they say how someone asks, not what about. Not
# "before": "relations before the dispute" asks about then, and meets the fact that tells of
# it ("Before the dispute, ...") rather than the one on how things stand now. ("now" and
# "after" stay: kept as words they cost more answers on the tune questions than they won.)
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are aren as at be because been
    being below between both but by can cannot could couldn did didn do does doesn
    doing don down during each few for from further had hadn has hasn have haven having he
    her here hers herself him himself his how i if in into is isn it its itself just let
    lets me more most my myself no nor not now of off on once only or other ought our ours
    ourselves out over own same shan she should shouldn so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was wasn we were weren what when where which while who whom whose why will with won
    would wouldn you your yours yourself yourselves hey hi hello bot newsdesk please pls plz
    tell know explain anyone someone somebody question wondering wonder curious quick thanks
    thank ok okay yeah yes um uh hmm guys folks s t d ll m re ve y
    """.split()
)

# Set phrases of Russian and Azerbaijani that say how someone asks, not what about ("in
# general terms", "in two words", "bring me up to speed", "in a word"), each word as the
# lower-cased text has it (Azerbaijani as typed without its special letters). Their words
# alone may be topics ("черта", a line; "курс", a rate), so only the whole phrase is dropped.
FILLER_PHRASES: dict[str, tuple[tuple[str, ...], ...]] = {
    "ru": tuple(
        tuple(phrase.split())
        for phrase in (
            "в общих чертах",
            "в двух словах",
            "в курс дела",
            "в курсе дела",
            "если коротко",
            "если кратко",
            "по сути",
            "на данный момент",
            "кто в теме",
            "кто шарит",
            # Function phrases whose words alone are topics ("число", a number or date;
            # "дело", a case; "мера", a measure; "случай", an incident): "including",
            # "in fact", "at least", "nevertheless", "in any case".
            "в том числе",
            "на самом деле",
            "по крайней мере",
            "тем не менее",
            "в любом случае",
            # "о каком соглашении идёт речь": which agreement; "речь" alone is a speech.
            "идет речь",
            "идёт речь",
        )
    ),
    # "ay uşaqlar", "ay dostlar" (hey guys, hey friends): the asker calling the channel, as
    # English's "guys" and Russian's "ребята"; "uşaqlar" alone stays children.
    "az": tuple(
        tuple(phrase.split())
        for phrase in (
            "umumi sekilde",
            "bir sozle",
            "ay usaqlar",
            "ay dostlar",
            "ay qardaslar",
            "ay qardas",
            "ay camaat",
        )
    ),
}

# English set phrases that only say "now", as the stopword "now" does: "right" in "who runs it
# right now" (or "rn") is not the "right" of "human rights" or "the right to secede".
_EN_FILLER_PHRASES = re.compile(r"\b(?:right now|at the moment|at this point|as of now)\b")

# Words that say how someone asks rather than what about, dropped from questions and facts
# alike (kept apart from STOPWORDS, which drafting from articles also uses).
FILLER = frozenset(
    """
    even actually basically really literally seriously probably definitely honestly exactly
    stuff thing things whole brief briefly explanation explanations details detail
    information update updates guy guys anyway many much something anything everything
    according accordingly accordance quite per
    """.split()
)

_TOKEN = re.compile(r"[a-z0-9]+")
# Dotted abbreviations ("U.S.", "U.N.", "e.g.") are one word, not a run of single letters.
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}")
_stemmer = snowballstemmer.stemmer("english")
# Russian has its own Snowball stemmer; Azerbaijani has none, and Turkish, its closest
# relative, stems it well once its words are in a form Turkish spelling knows (``az_form``).
_OTHER_STEMMERS = {
    "ru": snowballstemmer.stemmer("russian"),
    "az": snowballstemmer.stemmer("turkish"),
}
_OTHER_WORD = re.compile(r"[^\W_]+")
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
        # why it came to this; not "nədən ibarətdir" (what it consists of: ``_other_focus``)
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
# word the answers are checked for (``bot.core.focus.ROLE_WORDS``).
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
    az_plain(words): asked
    for words, asked in _FOCUS_WORDS["az"].items()
    if az_plain(words) not in ("nece",)
}


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem of one lower-case ASCII word, cached: vocabularies repeat."""
    result: str = _stemmer.stemWord(word)
    return result


def fold(text: str) -> str:
    """Unicode text -> lower-case ASCII with punctuation turned to spaces.

    Combining marks (zalgo), control characters and right-to-left marks vanish; letters of other
    scripts are transliterated rather than dropped.
    """
    if "$" in text or "€" in text or "£" in text:
        # "$300 billion" is about dollars: a question in dollars finds it, and one about
        # another currency does not.
        text = text.replace("$", " dollars ").replace("€", " euros ").replace("£", " pounds ")
    if not text.isascii():
        text = anyascii(unicodedata.normalize("NFKC", text))
    text = text.lower()
    if _DIGIT.search(text):
        text = _numbers_written_out(text)
    if "." in text:
        text = _DOTTED.sub(lambda m: m.group().replace(".", ""), text)
    return " ".join(_TOKEN.findall(text))


_DIGIT = re.compile(r"\d")
# "60,000" and "1,200": one number, not "60" and "000".
_GROUPED = re.compile(r"(?<![\d.,])(\d{1,3})((?:,\d{3})+)(?![\d,]|\.\d)")
# "60k", "60 thousand", "1.2 million", "300bn": the number they mean, as digits.
_SCALED = re.compile(r"(?<![\d.,])(\d+(?:\.\d+)?)\s*(k|thousand|mn|million|bn|billion)\b")
_SCALES = {
    "k": 1_000,
    "thousand": 1_000,
    "mn": 10**6,
    "million": 10**6,
    "bn": 10**9,
    "billion": 10**9,
}


def _numbers_written_out(text: str) -> str:
    """Lower-case ``text`` with its numbers written as plain digits, so that a question's
    "60k signatures" meets a fact's "60,000 signatures" and "1.2 million" its "1,200,000"."""
    text = _GROUPED.sub(lambda m: m.group(1) + m.group(2).replace(",", ""), text)

    def scaled(match: re.Match[str]) -> str:
        value = float(match.group(1)) * _SCALES[match.group(2)]
        return str(round(value)) if value == round(value) else match.group()

    return _SCALED.sub(scaled, text)


def expand_chat(folded: str) -> str:
    """Folded text with chat spellings replaced by the words they stand for, and a dropped
    final g put back ("payin" -> "paying", "goin" -> "going")."""
    if " pm" in folded and _PRIME_MINISTER.search(folded):
        # "the pm", "the new pm", "armenia's pm": the prime minister the facts write out;
        # "at 5 pm" stays the afternoon.
        folded = _PRIME_MINISTER.sub(r"\1 prime minister", folded)
    words = folded.split()
    dropped = [word for word in words if word.endswith("in") and len(word) >= 4]
    respellings = list(map(respelled, words))
    if (
        _CHAT_KEYS.isdisjoint(words)
        and not any(_g_dropped(word) for word in dropped)
        and not any(respellings)
    ):
        return _without_idioms(folded)
    # The table first ("tho" is "though"); a spelling read by rule may land on a table word
    # ("omggg" -> "omg" -> nothing).
    out = [
        CHAT_WORDS.get(word, word)
        if spelled is None or word in CHAT_WORDS
        else " ".join(CHAT_WORDS.get(part, part) for part in spelled.split())
        for word, spelled in zip(words, respellings, strict=True)
    ]
    return _without_idioms(
        " ".join(word + "g" if _g_dropped(word) else word for word in out if word)
    )


def _without_idioms(text: str) -> str:
    """``text`` without the idioms that only say how one asks: "what's the deal with" asks what
    is going on (its "deal" is no agreement: "what's the deal with baku and moscow" asks for no
    pact), and "fill me in", "catch me up", "bring me up to speed", "walk me through", "break it
    down" ask to be told (no filling, catching or breaking: "break" is "break away")."""
    if " deal " in text:
        text = _DEAL_WITH.sub(r"\1 with", text)
    if " me " in text or " us " in text or " down" in text:
        text = _TELL_ME.sub(" ", text)
    return text


# "what's the deal with", "whats the deal w/" (the chat words read first), "what is the deal
# with", folded.
_DEAL_WITH = re.compile(r"\b(what (?:s|is)) the deal (?:with|w)\b")
# Asking to be told, as Russian's "введите в курс дела" (``FILLER_PHRASES``).
_TELL_ME = re.compile(
    r"\b(?:(?:fill|clue) (?:me|us) in|catch (?:me|us) up|(?:bring|get) (?:me|us) up to speed"
    r"|walk (?:me|us) through|break (?:it|this|that) down)\b"
)


@lru_cache(maxsize=20_000)
def _g_dropped(word: str) -> bool:
    """Whether ``word`` is an "-ing" word typed without its g: far commoner with the g
    ("payin" -> "paying", "sayin" -> "saying") and common then. Words and names of their own
    stay ("putin", "kremlin", "within", "thin": "thing" is commoner, but not by that much)."""
    if not word.endswith("in") or len(word) < 4:
        return False
    with_g = english_frequency(word + "g")
    return with_g >= _COMMON_WORD and with_g >= _G_DROPPED_RATIO * english_frequency(word)


# One in 200,000 English words is common; a word typed without its g is rarer than the word
# with it by far more than "thin" is than "thing" (17 times).
_COMMON_WORD = 5e-6
_G_DROPPED_RATIO = 30.0


_CHAT_KEYS = frozenset(CHAT_WORDS)
_PRIME_MINISTER = re.compile(r"\b(the|a|new|former|acting|interim|deputy|ex|s|their|its)\s+pm\b")


@lru_cache(maxsize=200_000)
def specificity(word: str) -> float:
    """How much a word says about a topic, from its frequency in general English (0.05-1).

    "time", "people" and "get" are everywhere (low); "ambassador" or "custody" are topical and
    words too rare for the frequency list, like "yekaterinburg", count fully. A small fact base
    cannot learn this from its own document frequencies, so a general-language prior does it.
    """
    return _specificity_of(english_frequency(word))


# Zipf frequency from which an "-ly" form is an everyday adverb ("immediately", "newly"), so
# the word it is made from an adjective; "climately" or "peacely" are no words.
_ADVERB_ZIPF = 2.5


@lru_cache(maxsize=20_000)
def has_everyday_adverb(word: str) -> bool:
    """Whether general English uses ``word`` + "ly" as an everyday adverb: ``word`` (folded) is
    then an adjective ("immediate", "new"), not a thing, wherever it stands."""
    return zipf(f"{word}ly", "en") >= _ADVERB_ZIPF


# British spellings and their American forms, tried in this order ("criticised" ->
# "criticized"): a form replaces the word only where general English uses it more.
_SPELLINGS = (
    (re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{3})our(s|ed|ing|ite|ites|able)?$"), r"or\1"),
    (re.compile(r"(?<=[a-z]{3})tre(s)?$"), r"ter\1"),
    (re.compile(r"(?<=[a-z]{3})ence(s)?$"), r"ense\1"),
    (re.compile(r"(?<=[a-z]{3}[aeiou])ll(ed|ing|er|ers)$"), r"l\1"),
)
# Nouns made from verbs that Snowball stems apart: "conclusion" -> "conclude", "decision" ->
# "decide", "explanation" -> "explain"; used only where the verb is a common English word.
_DERIVATIONS = (
    (re.compile(r"(?<=[a-z]{4})sions?$"), "de"),
    (re.compile(r"anations?$"), "ain"),
)
_COMMON_VERB = 10**-6  # frequency of a word seen about once in a million


@lru_cache(maxsize=200_000)
def normal_form(word: str) -> str:
    """``word`` in the spelling and part of speech that its relatives share (see above), so
    that "criticised" meets "criticism" and "conclusion" meets "concluded"."""
    if len(word) < 6 or not word.isalpha():
        return word
    for pattern, replacement in _SPELLINGS:
        american = pattern.sub(replacement, word)
        if american != word and english_frequency(american) > english_frequency(word):
            word = american
            break
    for pattern, replacement in _DERIVATIONS:
        verb = pattern.sub(replacement, word)
        if verb != word and english_frequency(verb) >= _COMMON_VERB:
            return verb
    return word


@lru_cache(maxsize=200_000)
def stem_in(word: str, language: str) -> str:
    """Snowball stem of one lower-case word of ``language`` ("ru" or "az"), in its own script
    (an Azerbaijani word in ``az_form``). A Russian word the dictionary holds is stemmed in its
    dictionary form ("посла" and "посол" -> "посол"; ``russian_lemmas``), and a name is that
    form whole ("лаврова" -> "лавров"); a word it lacks (a rare name, a typo) as written."""
    if language != "az":
        known = russian_lemmas.lemma(word)
        if known is not None and known.name:
            # A name as the dictionary writes it: it meets the English facts' spelling of it.
            return known.form
        made_from = russian_adjectives.noun_of(word, _russian_word_frequency)
        if made_from is not None:
            # "московские" as "москва", "кремлёвский" as "кремль" (a name then stays whole).
            return stem_in(made_from, language)
        # The stem of the dictionary form, not the form alone: the word still meets what
        # shares Snowball's stem ("официальный", "официально"; "напряжение", "напряжённость").
        return _russian_stem(known.form if known is not None else word)
    return az_stem(word)


@lru_cache(maxsize=200_000)
def _russian_stem(word: str) -> str:
    """Snowball stem of a lower-case Russian word as written, with what Snowball leaves apart
    put together: a borrowed verb and its "-ация" noun, the fleeting "е" of "-ец", the
    imperfective's "-ыв-"."""
    word = _action_noun(word) or word
    result: str = _OTHER_STEMMERS["ru"].stemWord(word)
    if result.endswith("ец") and len(result) > 4:
        # The fleeting vowel: "азербайджанец", "украинец", "немец" lose their "е" in every
        # other form ("азербайджанцы", "немцев"), which Snowball stems without it.
        result = result[:-2] + "ц"
    elif len(result) > 6 and result.endswith(("ыва", "ива")):
        # The imperfective of a news verb ("арестовывают", "задерживают", "подписывает")
        # meets its perfective ("арестовали", "задержали", "подписал") without "-ыв-".
        result = result[:-3] + "а"
    return result


# A Russian verb of the borrowed "-ировать" / "-изовать" kind in any form ("эскалировать",
# "эскалирует", "организовали", "эвакуированных"), what comes before "-ир-"/"-из-" and that.
_BORROWED_VERB = re.compile(r"(?P<base>.{3,}?)(?P<suffix>ир|из)(?:ова|у[юея]|уя)\w*")


def _action_noun(word: str) -> str | None:
    """The "-ация" noun of a Russian verb in "-ировать" / "-изовать" ("эскалировать" ->
    "эскалация", "мобилизуют" -> "мобилизация", "провоцирует" -> "провокация"), when general
    Russian knows it: Snowball stems the verb and the noun apart ("эскалирова", "эскалац"),
    so a question with the verb would miss a fact with the noun, as English would without
    ``normal_form``. None for any other word ("реагировать" has "реакция", no "реагация")."""
    found = _BORROWED_VERB.fullmatch(word)
    if found is None:
        return None
    base = found["base"]
    if found["suffix"] == "из":
        base += "из"  # "мобилизовать" -> "мобилизация"
    bases = [base]
    if base.endswith("ц"):
        bases.append(base[:-1] + "к")  # "провоцировать" -> "провокация"
    for candidate in bases:
        # All its case forms together: the genitive is often commoner than the nominative.
        forms = (candidate + "ац" + ending for ending in _NOUN_CASES)
        if sum(frequency_in(form, "ru") for form in forms) >= _SPELLED_RIGHT:
            return candidate + "ация"
    return None


# The case endings of an "-ация" noun, after "-ац-".
_NOUN_CASES = ("ия", "ии", "ию", "ией", "ий", "иях", "иям", "иями")


@lru_cache(maxsize=200_000)
def translit(word: str) -> str:
    """One word of any script as one folded ASCII word: "Екатеринбург" -> "ekaterinburg",
    "Bakı" -> "baki" (the form names of several scripts meet in)."""
    return "".join(fold(word).split())


# A word at least this frequent in its language is taken as spelled right (as English's
# ``MatcherSettings.typo_max_frequency``).
_SPELLED_RIGHT = 1e-6


def frequency_in(word: str, language: str) -> float:
    """How often general Russian (``language`` "ru") or Azerbaijani ("az") uses a lower-case
    word of it, in its own script. Azerbaijani is counted in Turkish typed without special
    letters: wordfreq has no Azerbaijani list, and its nearest relative shares most of its
    everyday words ("bir", "çox", "yeni")."""
    if language == "az":
        return languages.turkish_frequency(az_plain(word))
    if language != "ru":
        return 0.0
    russian = frequencies("ru", "small")
    frequency = russian.get(word, 0.0)
    if "ё" in word:
        # Most Russian text writes "ё" as "е", and the list counts the spellings apart: a
        # word with "ё" is as common as both spellings together ("привёл" and "привел").
        frequency += russian.get(word.replace("ё", "е"), 0.0)
    return frequency


def _russian_word_frequency(word: str) -> float:
    return frequency_in(word, "ru")


def _specificity_of(frequency: float) -> float:
    """``specificity`` from a word's share of general language (English's, or for a Russian or
    Azerbaijani word its ``frequency_in``): "demək"-like common words weigh less than "böhran"
    (which Turkish spells "buhran", and so counts fully)."""
    if not frequency:
        return 1.0
    return min(1.0, max(0.05, (6.5 - zipf_of(frequency)) / 2.5))


def other_words(text: str, language: str) -> list[str]:
    """The lower-cased words of ``text`` in ``language`` ("ru" or "az"), in their script:
    Russian typed in Latin letters is read in Cyrillic ("kto provodil" -> "кто проводил")."""
    if language == "ru" and text.isascii():
        text = latin_russian.to_cyrillic(text)
    return _OTHER_WORD.findall(languages.lower(unicodedata.normalize("NFKC", text), language))


def words(text: str) -> list[str]:
    """The folded words of ``text``, stopwords included."""
    return fold(text).split()


def focus(text: str) -> Focus:
    """What the question ``text`` asks for (``bot.core.focus``)."""
    return question_focus(expand_chat(fold(text)).split())


def _with_news_synonyms(groups: Iterable[Sequence[str]]) -> list[Sequence[str]]:
    """The knowledge base's synonym groups after the everyday news ones (``news_words``): a
    news group sharing a word with one of the knowledge base's joins it (the curator's head
    word stands); the rest come first, so that a word in both keeps the curator's meaning."""
    own = [list(group) for group in groups]
    keys = [{_group_key(member) for member in group} for group in own]
    separate: list[Sequence[str]] = []
    for news_group in NEWS_SYNONYMS:
        news_keys = {_group_key(member) for member in news_group}
        for group, group_keys in zip(own, keys, strict=True):
            if not news_keys.isdisjoint(group_keys):
                group.extend(m for m in news_group if _group_key(m) not in group_keys)
                group_keys.update(news_keys)
                break
        else:
            separate.append(news_group)
    return [*separate, *own]


_MONTH_WORD = re.compile(r"\b(?:" + "|".join(sorted(MONTH_NUMBERS)) + r")\b", re.IGNORECASE)
# How much a day of the year named in a text ("3 November") says about what it is about: a
# fact of another day is about another event, however much else it shares with the question
# ("the second round on 3 November" against the first round's "20 October"). The day's number
# alone weighs next to nothing (numbers are everywhere), its month little.
DAY_SPECIFICITY = 0.6


def days_named(words: Sequence[str]) -> list[str]:
    """The days of the year named in folded ``words`` ("3 november", "november 3", "21st of
    november"), each as one term ("day-11-03"), so that a question naming a day meets the fact
    that names the same day, not merely its number and its month apart."""
    out = []
    for index, word in enumerate(words):
        month = MONTH_NUMBERS.get(word)
        if month is None:
            continue
        for neighbour in (index - 1, index - 2, index + 1):
            if 0 <= neighbour < len(words) and (neighbour != index - 2 or words[index - 1] == "of"):
                day = _day_number(words[neighbour])
                if day:
                    out.append(f"day-{month:02d}-{day:02d}")
                    break
    return out


def _day_number(word: str) -> int:
    """The day of the month ``word`` is ("3", "03", "21st"), or 0. Ordinals in words are not
    read: "the first may be" names no day, and "1st" to "5th" are words by now (chat)."""
    digits = word.rstrip("stndrh") if word[:1].isdigit() else ""
    if not digits.isdigit() or len(digits) > 2:
        return 0
    day = int(digits)
    return day if 1 <= day <= 31 else 0


def _group_key(member: str) -> str:
    return " ".join(
        w if w in OWN_SENSE else stem(IRREGULAR_FORMS.get(w, w)) for w in fold(member).split()
    )


def _stem_word(word: str, normal: str | None = None) -> str:
    """The term of a content word: the stem of its normal form, or the word itself when its
    stem belongs to a word of another sense (``OWN_SENSE``)."""
    if word in OWN_SENSE:
        return word
    return stem(normal if normal is not None else normal_form(IRREGULAR_FORMS.get(word, word)))


def _inflected(word: str) -> str:
    """A pattern for ``word`` and its regular inflections, as the first word of a phrase in a
    synonym group is a verb more often than not: "cool off" is also "cooled off", "cooling
    off", "cools off"; "ease off" "eased off"; "dig in" "digging in". Irregular forms ("blew
    up", "dug in") are listed in the group."""
    if len(word) < 3 or not word.isalpha():
        return re.escape(word)
    if word.endswith("e"):
        return re.escape(word[:-1]) + "(?:e|es|ed|ing)"
    return re.escape(word) + f"(?:s|es|ed|ing|{word[-1]}ed|{word[-1]}ing)?"


def _add_other(
    member: str,
    language: str,
    head: str,
    table: dict[str, str],
    phrases: list[tuple[re.Pattern[str], str]],
    nouns: dict[str, set[str]],
) -> None:
    """A Russian or Azerbaijani synonym: its transliterated form and its stem (inflected
    forms: "Екатеринбурге") name the group in ``table``; a phrase, put in ``phrases``,
    matches each word's stem as a prefix. A Russian noun's dictionary form is kept in
    ``nouns`` under its stem (``Analyzer._by_stem``)."""
    parts = other_words(member, language)
    if not parts:
        return
    if len(parts) == 1:
        table[translit(parts[0])] = head
        stemmed = translit(stem_in(parts[0], language))
        if len(stemmed) >= 3 and table.setdefault(stemmed, head) == head and language == "ru":
            # A member that is no noun ("виноват") meets every word of its stem ("").
            noun = russian_lemmas.noun_form(parts[0])
            nouns.setdefault(stemmed, set()).add(noun or "")
        return
    # Each word's stem as written, which its other forms start with ("москв" of "Москва"
    # and "Москве"), not its dictionary form's.
    written = _russian_stem if language == "ru" else lambda part: stem_in(part, language)
    prefixes = [re.escape(written(part)) + r"\w*" for part in parts]
    phrases.append((re.compile(r"\b" + r"\s+".join(prefixes)), head))


class Analyzer:
    """Turns text into index terms; one instance per synonym table."""

    def __init__(self, synonym_groups: Iterable[Sequence[str]] = ()) -> None:
        self._canonical: dict[str, str] = {}
        self._phrases: list[tuple[re.Pattern[str], str]] = []
        # Russian and Azerbaijani, by language: word keys (transliterated surface form or
        # stem) -> head, and phrases matched on the lower-cased text in its own script; made
        # from ``_other_members`` when a text of the language is first read (``_other_tables``).
        self._other: dict[str, dict[str, str]] = {}
        self._other_phrases: dict[str, list[tuple[re.Pattern[str], str]]] = {}
        # Russian: a synonym stem (as in ``_other``) whose members are all nouns -> their
        # dictionary forms (``_by_stem``).
        self._member_nouns: dict[str, dict[str, frozenset[str]]] = {}
        # Each Russian or Azerbaijani member with its language, and each English one-word
        # member (language None: a name typed in a Russian or Azerbaijani question, "Baku"),
        # with its head, in the groups' order, which decides between groups sharing a key.
        self._other_members: list[tuple[str, str | None, str]] = []
        # The term each synonym group is read as.
        self._heads: set[str] = set()
        for group in _with_news_synonyms(synonym_groups):
            members = [fold(member) for member in group if fold(member)]
            if not members:
                continue
            head = "_".join(stem(w) for w in members[0].split())
            self._heads.add(head)
            for original, member in zip([m for m in group if fold(m)], members, strict=True):
                written = languages.detect(original)
                if written != "en":
                    self._other_members.append((original, written, head))
                    continue
                parts = member.split()
                if len(parts) == 1:
                    self._canonical[stem(parts[0])] = head
                    self._other_members.append((parts[0], None, head))
                else:
                    first = _inflected(parts[0])
                    rest = re.escape(" ".join(parts[1:]))
                    pattern = re.compile(r"\b" + first + " " + rest + r"\b")
                    self._phrases.append((pattern, head))
        # Longer phrases first so "south caucasus region" wins over "south caucasus".
        self._phrases.sort(key=lambda item: -len(item[0].pattern))
        # One search for any phrase at all: most texts have none, and a search per phrase per
        # text was a third of indexing time.
        self._any_phrase = (
            re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in self._phrases))
            if self._phrases
            else None
        )
        self._cache: dict[str, tuple[tuple[str, float, str], ...]] = {}
        self._focus_cache: dict[str, Focus] = {}
        # word -> (term, specificity), or None for a stopword: one lookup per word.
        self._words: dict[str, tuple[str, float] | None] = {}
        # Russian and Azerbaijani words (as ``analyze`` gives them back) common enough in their
        # language to be spelled right (never "corrected" to a word of the facts), with how
        # often their language uses them (``frequency_in``).
        self._spelled_right: dict[str, float] = {}

    def _other_tables(
        self, language: str
    ) -> tuple[dict[str, str], list[tuple[re.Pattern[str], str]]]:
        """The synonym table and phrases of ``language`` ("ru" or "az"), made on first use: a
        Russian member's stem needs the dictionary (``russian_lemmas``), which a bot that
        never reads Russian then never loads."""
        if language not in self._other:
            table: dict[str, str] = {}
            phrases: list[tuple[re.Pattern[str], str]] = []
            nouns: dict[str, set[str]] = {}
            for member, written, head in self._other_members:
                if written is None:
                    table.setdefault(member, head)
                elif written == language:
                    _add_other(member, language, head, table, phrases, nouns)
            phrases.sort(key=lambda item: -len(item[0].pattern))
            self._other_phrases[language] = phrases
            self._other[language] = table
            self._member_nouns[language] = {
                key: frozenset(forms) for key, forms in nouns.items() if "" not in forms
            }
        return self._other[language], self._other_phrases[language]

    def focus(self, text: str, language: str | None = None) -> Focus:
        """What the question ``text`` asks for, remembered like its terms; ``language`` is the
        text's, detected when not given."""
        found = self._focus_cache.get(text)
        if found is None:
            if language is None:
                language = languages.detect(text)
            found = focus(text) if language == "en" else _other_focus(text, language)
            if len(self._focus_cache) > 50_000:
                self._focus_cache.clear()
            self._focus_cache[text] = found
        return found

    def is_synonym_head(self, term: str) -> bool:
        """Whether ``term`` is the term a synonym group is read as (whatever the language of
        the member it was read from)."""
        return term in self._heads

    def spelled_right(self, word: str) -> bool:
        """Whether a Russian or Azerbaijani word ``analyze`` gave back is common in its
        language (``frequency_in``): a real word, whatever a fact's word it resembles. English
        words are weighed by the matcher against its own setting."""
        return word in self._spelled_right

    def own_language_frequency(self, word: str) -> float:
        """How often its own language uses a Russian or Azerbaijani word ``analyze`` gave back
        (``frequency_in``), when it is ``spelled_right``; else 0."""
        return self._spelled_right.get(word, 0.0)

    def canonical(self, term: str) -> str:
        return self._canonical.get(term, term)

    def terms(self, text: str) -> tuple[str, ...]:
        """Stemmed, synonym-mapped content terms of ``text`` in order (duplicates kept)."""
        return tuple(term for term, _, _ in self.analyze(text))

    def days(self, text: str) -> list[str]:
        """The days of the year an English ``text`` names, as terms (``days_named``)."""
        if not _DIGIT.search(text) or not _MONTH_WORD.search(text):
            # Most texts name no month beside their numbers: not folded a second time.
            return []
        words = expand_chat(fold(text)).split()
        return days_named(words) if not MONTHS.isdisjoint(words) else []

    def stem_of(self, word: str) -> str:
        """The stem of an English ``word`` before any synonym group renames it ("" for a
        stopword)."""
        if word in STOPWORDS or word in FILLER:
            return ""
        return _stem_word(word)

    def _word(self, word: str) -> tuple[str, float] | None:
        if word in STOPWORDS or word in FILLER:
            return None
        normal = normal_form(IRREGULAR_FORMS.get(word, word))
        term = _stem_word(word, normal)
        return self._canonical.get(term, term), specificity(normal)

    def analyze(
        self, text: str, *, remember: bool = True, language: str | None = None
    ) -> tuple[tuple[str, float, str], ...]:
        """Each content term of ``text``, the specificity of its word, and the word itself.

        ``language`` ("en", "ru", "az") is the text's, detected when not given: Russian and
        Azerbaijani are read with their own stopwords and stemmers (``_analyze_other``).
        Short texts are remembered (questions repeat); indexing passes ``remember=False``, as
        a fact's own phrasings are analysed once and would only crowd the questions out.
        """
        short = remember and len(text) <= 200
        if short:
            cached = self._cache.get(text)
            if cached is not None:
                return cached
        if language is None:
            language = languages.detect(text)
        if language in _OTHER_STEMMERS:
            result = self._analyze_other(text, language)
            if short:
                self._cache[text] = result
            return result
        folded = expand_chat(fold(text))
        if " " in folded:
            folded = _EN_FILLER_PHRASES.sub(" ", folded)
        out: list[tuple[str, float, str]] = []
        phrases = self._phrases if self._any_phrase and self._any_phrase.search(folded) else ()
        for pattern, head in phrases:
            if pattern.search(folded):
                folded = pattern.sub(" ", folded)
                out.append((head, 1.0, head))
        known = self._words
        for word in folded.split():
            if word in known:
                item = known[word]
            else:
                item = self._word(word)
                if len(known) < 500_000:
                    known[word] = item
            if item is not None:
                out.append((item[0], item[1], word))
        result = tuple(out)
        if short:
            if len(self._cache) > 50_000:
                self._cache.clear()
            self._cache[text] = result
        return result

    def _analyze_other(self, text: str, language: str) -> tuple[tuple[str, float, str], ...]:
        """``analyze`` for Russian or Azerbaijani text.

        Each word is stemmed in its own script with its language's stemmer, then transliterated:
        the term is that ASCII stem unless the word (as written, transliterated, or its stem)
        names a synonym group, as "Екатеринбурге" names yekaterinburg. The word given back is
        the transliterated surface form, which typo correction compares with the indexed words
        ("ekaterinburge" is close to "ekaterinburg"). Words in Latin letters inside a Russian
        question ("Baku", "NATO") are read as English. Azerbaijani is read in ``az_form``, so
        a question typed without its special letters meets facts written with them.
        """
        written = other_tokens(text, language)
        az = language == "az"
        forms = [az_form(word) for word in written] if az else written
        out: list[tuple[str, float, str]] = []
        table, phrases = self._other_tables(language)
        taken = _phrase_words(forms, phrases, out)
        drop = languages.stopwords(language)
        for index, word in enumerate(written):
            if index in taken or word in drop:
                continue
            if language == "ru" and _stopword_form(word, drop):
                continue
            if az and (
                _plain_stopword(word) or _regarding(written, index) or az_plain(word) in AZ_SCRAPS
            ):
                continue
            if word.isascii() and language == "ru":
                item = self._word(fold(word))
                if item is not None:
                    out.append((item[0], item[1], fold(word)))
                continue
            surface = translit(word)
            if not surface:
                continue
            stemmed = translit(stem_in(word, language))
            if az and (stemmed in _question_stems() or _light_verb(word, stemmed)):
                continue  # "nədir", "kimdir": a question word with the copula on
            term = (
                table.get(surface) or self._by_stem(stemmed, word, language) or stemmed or surface
            )
            frequency = frequency_in(word, language)
            if frequency >= _SPELLED_RIGHT and len(self._spelled_right) < 500_000:
                self._spelled_right[surface] = max(frequency, self._spelled_right.get(surface, 0.0))
            out.append((term, _specificity_of(frequency), surface))
        return tuple(out)

    def _by_stem(self, stemmed: str, word: str, language: str) -> str | None:
        """The synonym group ``word`` names by its stem ``stemmed``, if any. Snowball gives
        two Russian nouns of different dictionary forms one stem now and then ("место",
        place, and "месть", revenge: "мест"; "виза" and "визит": "виз"): a noun meets a
        group of nouns by its stem only as another form of one of them ("мести", "визита"),
        not as another noun ("места" is no revenge, "визы" no visit). A verb or an adjective
        of a noun's stem still meets it, as it did."""
        head = self._other[language].get(stemmed)
        if head is None or language != "ru":
            return head
        forms = self._member_nouns[language].get(stemmed)
        if forms is None:
            return head
        noun = russian_lemmas.noun_form(word)
        return head if noun is None or noun in forms else None


def _stopword_form(word: str, drop: frozenset[str]) -> bool:
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


def other_tokens(text: str, language: str) -> list[str]:
    """The lower-cased words of ``text`` in ``language``, chat spellings and abbreviations read
    as the words they stand for ("чё" -> "что", "СК" -> "следственный комитет"), without the
    set phrases that only say how one asks ("в общих чертах": ``FILLER_PHRASES``)."""
    table = OTHER_CHAT_WORDS.get(language, {})
    out: list[str] = []
    words = other_words(text, language)
    if language == "ru":
        words = [_hard_sign(word) for word in words]
    phrases = FILLER_PHRASES.get(language)
    if phrases and len(words) > 1:
        words = _without_phrases(words, phrases, az_plain if language == "az" else None)
    for word in words:
        key = az_plain(word) if language == "az" else word
        meant = table.get(key)
        if meant is None and language == "ru" and len(word) > 4:
            meant = _inflected_chat_words().get(stem_in(word, "ru"))
        if meant is None:
            out.append(word)
        else:
            out.extend(meant.split())
    if language == "az" and len(out) > 1:
        # After the chat spellings: "noldu" is "nə oldu".
        out = _what_happened(out)
    return out


def _without_phrases(
    words: list[str],
    phrases: tuple[tuple[str, ...], ...],
    plain: Callable[[str], str] | None,
) -> list[str]:
    """``words`` without the runs of them that are one of ``phrases`` (compared as ``plain``
    gives them, when given: Azerbaijani typed with or without its letters)."""
    keys = [plain(word) for word in words] if plain else words
    out: list[str] = []
    index = 0
    while index < len(words):
        for phrase in phrases:
            if tuple(keys[index : index + len(phrase)]) == phrase:
                index += len(phrase)
                break
        else:
            out.append(words[index])
            index += 1
    return out


def _what_happened(words: list[str]) -> list[str]:
    """Azerbaijani ``words`` with "nə olub" / "nə oldu" (what happened, literally "what has
    been") read as "nə baş verib", as the facts write it: "olmaq" alone is the light verb
    "be", dropped like English's "is". Not "ölüb" (died), which typed plainly is "olub" too:
    "nə" asks what happened, not what died. Not after a subject either: "səbəb nə oldu", "böhranın
    tətiyi nə oldu" ask what the cause, the trigger was (``_has_subject``)."""
    out = list(words)
    for index in range(1, len(out)):
        asked = az_plain(out[index - 1]) == "ne" and az_plain(out[index]) in _HAPPENED
        if asked and not _has_subject(out, index - 1):
            out[index : index + 1] = ["baş", "verib"]
    return out


def _has_subject(words: list[str], asked: int) -> bool:
    """Whether the "nə" at ``asked`` follows the subject of "nə oldu": a noun with no case
    ending ("səbəb", "tətiyi", "nüfuzu"), which makes it "what was (or became of) X". Where
    it follows nothing, an adverb ("indi", "bəs", "sonra") or a noun in an oblique case (the
    place, "Yekaterinburqda", "arasında"; the source, "reyddən"; the one it befell,
    "qardaşlarına"), it asks what happened."""
    if asked == 0:
        return False
    before = az_plain(words[asked - 1])
    if before in _HAPPENED_ADVERBS or not before.isalpha():
        return False
    return not before.endswith(_OBLIQUE_ENDINGS)


# Adverbs of time and manner a "nə oldu" (what happened) follows: "indi nə olub", "bəs nə oldu".
_HAPPENED_ADVERBS = frozenset(
    az_plain(word)
    for word in "indi bəs sonra sonda axırda dünən yenə görəsən birdən orada burada onda".split()
)
# Case endings (typed without special letters) of a noun that is no subject: the locative and
# ablative ("-da", "-dan"), the dative ("-a", "-ya", "-na"), "ilə" written on ("-la").
_OBLIQUE_ENDINGS = ("da", "de", "ta", "te", "dan", "den", "tan", "ten", "a", "e", "la", "le")


# "Has been", "was", "had been", "will be" of "olmaq", as typed with or without the letters.
_HAPPENED = frozenset("olub oldu olmusdu olmusdur olmus olubdur olacaq olur".split())


@lru_cache(maxsize=20_000)
def _hard_sign(word: str) -> str:
    """A Russian word typed with "ь" for the "ъ" after a prefix ("обьясните", "подьезд"),
    as it is spelled, when that spelling is the common word: keyboards and habits mix them."""
    if "ь" not in word or not _SOFT_FOR_HARD.search(word):
        return word
    spelled = _SOFT_FOR_HARD.sub(r"\1ъ\2", word)
    return spelled if frequency_in(spelled, "ru") > frequency_in(word, "ru") else word


# "ь" where "ъ" belongs: after a prefix's consonant, before a vowel that starts the root.
_SOFT_FOR_HARD = re.compile(r"^(об|от|под|над|из|раз|с|в|пред|меж|сверх|суб|ад|кон)ь([еёюя])")


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


@lru_cache(maxsize=1)
def _inflected_chat_words() -> dict[str, str]:
    """Russian chat words by stem, for their inflected forms: slang declines like any noun
    ("с азерами", "у следаков"), and the table lists one or two forms. Abbreviations and
    words of three letters or fewer are left out: their stems would catch unrelated words."""
    out: dict[str, str] = {}
    for word, meant in OTHER_CHAT_WORDS["ru"].items():
        if len(word) >= 4 and meant and " " not in meant:
            out.setdefault(stem_in(word, "ru"), meant)
    return out


def _phrase_words(
    forms: list[str],
    phrases: list[tuple[re.Pattern[str], str]],
    out: list[tuple[str, float, str]],
) -> set[int]:
    """Append the synonym phrases found in ``forms`` (a text's words) to ``out`` and return
    the positions of the words they took, which are not read again one by one."""
    taken: set[int] = set()
    if not phrases:
        return taken
    text = " ".join(forms)
    starts = []
    position = 0
    for form in forms:
        starts.append(position)
        position += len(form) + 1
    for pattern, head in phrases:
        found = False
        for match in pattern.finditer(text):
            covered = {
                i
                for i, begin in enumerate(starts)
                if begin < match.end() and begin + len(forms[i]) > match.start()
            }
            if covered & taken:
                continue  # part of a longer phrase found first
            taken |= covered
            found = True
        if found:
            out.append((head, 1.0, head))
    return taken


def _plain_stopword(word: str) -> bool:
    """An Azerbaijani word typed without special letters whose plain form is a stopword. A word
    written with them is a stopword only as written (``bot.core.language``)."""
    return az_plain(word) == word and word in PLAIN_STOPWORDS_AZ


def _regarding(words: list[str], index: int) -> bool:
    """Whether ``words[index]`` is the "bağlı" of "ilə bağlı" / "bununla bağlı" (regarding,
    about): the asking, as "haqqında" is. Alone, "bağlı" is "closed" or "tied", and stays."""
    if index == 0 or not az_plain(words[index]).startswith("bagli"):
        return False
    before = az_plain(words[index - 1])
    return before == "ile" or (len(before) > 3 and before.endswith(("la", "le")))


def _light_verb(word: str, stemmed: str) -> bool:
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
def _question_stems() -> frozenset[str]:
    """Stems of the Azerbaijani question words, which carry endings ("nədir", "kimdir")."""
    asked = ("nə", "kim", "hara", "hansı", "niyə", "necə", "neçə")
    return frozenset(translit(stem_in(word, "az")) for word in asked)


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
        clause_words = other_words(clause, "ru")
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


def _other_focus(text: str, language: str) -> Focus:
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
        english += [asked for word, asked in _PLAIN_FOCUS_AZ.items() if f" {word} " in plain]
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
