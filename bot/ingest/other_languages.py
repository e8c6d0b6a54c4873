"""Drafting Russian and Azerbaijani articles: simple, predictable rules, no English grammar.

The English path resolves referents, sets facts in the article's event and writes questions
from the sentence's clause structure; none of that carries over to Russian or Azerbaijani. Here
a statement is a declarative sentence of some length with something specific in it (a number or
a name); its answer is the sentence as written; its tags are the names in it, folded (as in
English; an Azerbaijani name uninflected where the article shows how: "Bakıya" -> "baki").
Its only question is the headline, when the headline is one, on the fact answering it best;
otherwise none: the matcher indexes the answer itself. A name-only template ("Что известно о
Гяндже?") was tried and dropped: it adds nothing the answer's own words do not already match,
and it is one more question matching every question that names the place.

Dates: absolute days ("12 марта 2025 года", "12 mart 2025-ci il") read by dateparser in the
article's language; deadlines ("до 1 мая", "1 mayadək") and days after publication are not an
event's date. Relative days ("вчера", "в понедельник", "на прошлой неделе", "dünən", "keçən
həftə", "iki gün əvvəl") are resolved against the publication date, as in English: dateparser
reads the day words, a weekday named in an article published that weekday is that very day, and
a week ago is the day seven days before (a week is no day; the reviewer sees the sentence).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dateparser.date import DateDataParser  # type: ignore[import-untyped]

from bot.core import language as languages
from bot.core.folding import fold, translit
from bot.core.other_stems import stem_in

MIN_WORDS = 5
LONG_SENTENCE_WORDS = 8
ID_WORDS = 4

_UPPER = "A-ZА-ЯЁƏĞİÖŞÜÇ"
_WORD = re.compile(r"[^\W_][\w'-]*")
_NAME_WORD = re.compile(rf"^[\"«(]*[{_UPPER}][\w'-]*")
_NUMBER = re.compile(r"\d")
_ENDS = re.compile(r"[.!\u2026][\"'»)\u201d]*$")
_BOILERPLATE = re.compile(
    r"(?:подпис|читайте также|реклам|cookie|все права защищены|abunə ol|həmçinin oxu|reklam|"
    r"bütün hüquqlar qorunur|izləyin)",
    re.IGNORECASE,
)

MONTHS = {
    "ru": "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря",
    "az": "yanvar|fevral|mart|aprel|may|iyun|iyul|avqust|sentyabr|oktyabr|noyabr|dekabr",
}
# A day and month (and year) in the text: "12 марта 2025 года", "12 mart 2025-ci il",
# "12 martda" (the Azerbaijani case ending on the month is kept apart to tell deadlines).
_DAY_SPANS = {
    lang: re.compile(
        rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{months})(?P<ending>[a-zəığöüşç]*)"
        rf"(?:\s+(?P<year>(?:19|20)\d\d))?",
        re.IGNORECASE,
    )
    for lang, months in MONTHS.items()
}
# Before the day (Russian) or on/after the month (Azerbaijani): a deadline, a range's start.
_RU_NOT_EVENT = re.compile(r"(?:^|\s)(?:до|к|с|со|по|от|начиная с)\s*$", re.IGNORECASE)
_AZ_NOT_EVENT_ENDING = re.compile(r"(?:dək|dek|dan|dən|nadək|yadək|a$|ə$|ya$|yə$)")
_AZ_NOT_EVENT_AFTER = re.compile(r"^\s*(?:-?\w*\s+)?(?:qədər|kimi|tarixinədək|etibarən)\b")

# Azerbaijani case (and possessive) endings a name takes: "Bakıda", "Gəncəyə", "Rusiyanın".
_AZ_CASE_ENDINGS = sorted(
    (
        "da də ta tə dan dən tan tən ın in un ün nın nin nun nün a ə ya yə na nə ı i u ü nı ni "
        "nu nü yı yi yu yü la lə yla ylə dakı dəki nda ndə ndan ndən ndakı ndəki"
    ).split(),
    key=len,
    reverse=True,
)


def language_of(title: str, text: str) -> str:
    """The article's language, read from its headline and text together."""
    return languages.detect(f"{title}\n{text}")


def _words(sentence: str) -> list[str]:
    return _WORD.findall(sentence)


def _clean_name(word: str) -> str:
    return word.strip("\"«»()'.,;:!?\u201c\u201d")


# A Russian adjective alone is no name ("Государственное" of "Государственное агентство").
_RU_ADJECTIVE = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их)$")


def names_in(sentence: str, known: set[str], language: str = "ru") -> list[str]:
    """The capitalised names of ``sentence`` (runs of capitalised words), in order. Its first
    word counts only if the article writes it as a name elsewhere (``known``, by stem: see
    ``known_names``), or it starts a run. Titles and initials ("Prof.", "R.") are left out."""
    tokens = sentence.split()
    runs: list[list[str]] = []
    current: list[str] = []
    for index, token in enumerate(tokens):
        word = _clean_name(token)
        if token.endswith(".") and len(word) <= 4 and index < len(tokens) - 1:
            continue  # "Prof. R. Məmmədov": the name is "Məmmədov"
        capital = bool(word) and _NAME_WORD.match(word) is not None and not word.isdigit()
        if capital and index == 0 and _key(word, language) not in known:
            following = _clean_name(tokens[1]) if len(tokens) > 1 else ""
            capital = bool(following) and _NAME_WORD.match(following) is not None
        if capital:
            current.append(word)
            if token != word and not token.startswith(('"', "«", "(")):
                runs.append(current)  # the name ends at punctuation
                current = []
            continue
        if current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    names = [" ".join(run) for run in runs if run]
    if language == "ru":
        names = [n for n in names if " " in n or not _RU_ADJECTIVE.search(n.lower())]
    return names


def _key(word: str, language: str) -> str:
    return stem_in(languages.lower(word, language), language)


def known_names(sentences: list[str], language: str) -> set[str]:
    """Stems of the words an article writes as names: capitalised inside a sentence, or
    capitalised first in two sentences or more (a headline counts as one)."""
    known = {
        _key(_clean_name(w), language)
        for sentence in sentences
        for w in sentence.split()[1:]
        if _NAME_WORD.match(_clean_name(w) or " ")
    }
    firsts: dict[str, int] = {}
    for sentence in sentences:
        words = sentence.split()
        first = _clean_name(words[0]) if words else ""
        if first and _NAME_WORD.match(first) and first.lower() not in languages.stopwords(language):
            key = _key(first, language)
            firsts[key] = firsts.get(key, 0) + 1
    return known | {key for key, count in firsts.items() if count >= 2}


def is_statement(sentence: str, names: list[str]) -> bool:
    """A declarative sentence of some length with a number or a name in it (or a long one)."""
    text = sentence.strip()
    if text.endswith("?") or not _ENDS.search(text) or _BOILERPLATE.search(text):
        return False
    count = len(_words(text))
    if count < MIN_WORDS:
        return False
    return bool(_NUMBER.search(text) or names or count >= LONG_SENTENCE_WORDS)


@lru_cache(maxsize=32)
def _parser(language: str, base: dt.date) -> DateDataParser:
    return DateDataParser(
        languages=[language],
        settings={
            "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
            "PREFER_DATES_FROM": "past",
        },
    )


def parse_day(text: str, language: str, base: dt.date) -> dt.date | None:
    """``text`` ("12 марта 2025", "12 mart") as a day, by dateparser in ``language``."""
    data = _parser(language, base).get_date_data(text)
    return data.date_obj.date() if data.date_obj is not None else None


@dataclass(frozen=True, slots=True)
class DayMention:
    text: str
    date: dt.date
    deadline: bool
    start: int = 0
    relative: bool = False
    """It depends on the publication date ("вчера", "keçən həftə")."""


def day_mentions(text: str, language: str, published: dt.date | None) -> list[DayMention]:
    """The days ``text`` names ("12 марта 2025 года"), resolved; a day without a year takes
    the publication's (the latest such day not after it), and without one it is skipped."""
    spans = _DAY_SPANS.get(language)
    if spans is None:
        return []
    out: list[DayMention] = []
    for match in spans.finditer(text):
        year = match["year"]
        if year is None and published is None:
            continue
        core = f"{match['day']} {match['month']}" + (f" {year}" if year else "")
        date = parse_day(core.lower(), language, published or dt.date(int(year or 2000), 12, 31))
        if date is None:
            continue
        if language == "ru":
            deadline = _RU_NOT_EVENT.search(text[: match.start()]) is not None
        else:
            ending = (match["ending"] or "").lower()
            deadline = bool(ending and _AZ_NOT_EVENT_ENDING.search(ending)) or (
                _AZ_NOT_EVENT_AFTER.match(text[match.end() :]) is not None
            )
        out.append(DayMention(match.group(), date, deadline, match.start()))
    if published is not None:
        out.extend(_relative_days(text, language, published))
        out.sort(key=lambda mention: mention.start)
    return out


_RU_WEEKDAYS = "понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье"
_AZ_WEEKDAYS = "bazar ertəsi|çərşənbə axşamı|cümə axşamı|çərşənbə|cümə|şənbə|bazar"  # longest first
_AZ_NUMBERS = {
    "bir": 1,
    "iki": 2,
    "üç": 3,
    "dörd": 4,
    "beş": 5,
    "altı": 6,
    "yeddi": 7,
    "səkkiz": 8,
    "doqquz": 9,
    "on": 10,
}
# One alternative per kind; "last" (прошлый, keçən, ötən) before a weekday means the one of the
# week before, not the one of this week.
_RELATIVE_SPANS = {
    "ru": re.compile(
        r"(?<!\w)(?:(?P<day>позавчера|вчера|сегодня)"
        r"|(?:во?\s+)?(?P<last>прошл(?:ый|ую|ое)\s+)?(?P<weekday>" + _RU_WEEKDAYS + r")"
        r"|(?P<week>(?:на\s+)?прошлой\s+неделе)"
        r"|(?P<ago>(?:\d+|\w+)\s+(?:дн(?:я|ей)|день|недел[юи]|недель)\s+назад|неделю\s+назад))"
        r"(?!\w)",
        re.IGNORECASE,
    ),
    "az": re.compile(
        r"(?<!\w)(?:(?P<day>dünən|bu\s+gün|srağagün)"
        r"|(?P<last>(?:keçən|ötən)\s+)?(?P<weekday>" + _AZ_WEEKDAYS + r")(?:\s+günü)?"
        r"|(?P<week>(?:keçən|ötən)\s+həftə)"
        r"|(?P<ago>(?P<count>\d+|\w+)\s+(?P<unit>gün|həftə)\s+(?:əvvəl|öncə)))"
        r"(?!\w)",
        re.IGNORECASE,
    ),
}


def _relative_days(text: str, language: str, published: dt.date) -> list[DayMention]:
    """The days ``text`` names relative to ``published`` ("вчера", "keçən həftə")."""
    spans = _RELATIVE_SPANS.get(language)
    if spans is None:
        return []
    out: list[DayMention] = []
    for match in spans.finditer(text):
        date: dt.date | None = None
        span = languages.lower(match.group(), language)
        if match["weekday"]:
            weekday = languages.lower(match["weekday"], language)
            date = parse_day(weekday, language, published)
            if date is not None and match["last"] is None:
                # dateparser reads a weekday as the last one before publication (a week back
                # on the same weekday), which "last Monday" means; news says "on Monday" of
                # the day it is published too.
                same = parse_day(weekday, language, published + dt.timedelta(days=1))
                date = same if same == published else date
        elif match["week"]:
            date = published - dt.timedelta(days=7)
        elif span == "srağagün":
            date = published - dt.timedelta(days=2)
        elif language == "az" and match["ago"]:
            count = languages.lower(match["count"], language)
            number = int(count) if count.isdigit() else _AZ_NUMBERS.get(count)
            if number is not None:
                days = number * (7 if languages.lower(match["unit"], language) == "həftə" else 1)
                date = published - dt.timedelta(days=days)
        else:
            date = parse_day(span, language, published)
        if date is not None:
            out.append(DayMention(match.group(), date, False, match.start(), relative=True))
    return out


def event_day(text: str, language: str, published: dt.date | None) -> dt.date | None:
    """The first day ``text`` names that is not a deadline and not after publication."""
    for mention in day_mentions(text, language, published):
        if mention.deadline or (published is not None and mention.date > published):
            continue
        return mention.date
    return None


def tag_of(name: str) -> str:
    return "-".join(fold(name).split())


def _name_key(name: str, language: str) -> tuple[str, ...]:
    return tuple(stem_in(languages.lower(w, language), language) for w in name.split())


def tags_for(
    names: list[str], language: str, limit: int, forms: NameForms | None = None
) -> list[str]:
    """The names, folded ("Гянджа" -> "gyandzha"), one per name whatever its case ending; an
    Azerbaijani name uninflected when the article shows how ("Bakıda" -> "baki")."""
    tags: dict[tuple[str, ...], str] = {}
    for name in names:
        if forms is not None and language == "az":
            *first, last = name.split()
            name = " ".join([*first, forms.bare_az(last) or last])
        tag = tag_of(name)
        if tag and len(tag) <= 50:
            tags.setdefault(_name_key(name, language), tag)
    return list(dict.fromkeys(tags.values()))[:limit]


class NameForms:
    """The uninflected forms of an article's Azerbaijani names, where the article proves them
    (Russian names are folded as written)."""

    def __init__(self, language: str, sentences: list[str]) -> None:
        self.language = language
        words = {_clean_name(w) for s in sentences for w in s.split()}
        self.words = {w for w in words if w and _NAME_WORD.match(w)}

    def bare_az(self, word: str) -> str | None:
        """The uninflected form of an Azerbaijani name, when the article proves it: the word
        itself beside an inflected form of it ("Gəncə" and "Gəncədə"), or the form left when
        an ending is taken off ("Gəncədə" -> "Gəncə", written so elsewhere)."""
        if word in self.words and any(
            f"{word}{ending}" in self.words for ending in _AZ_CASE_ENDINGS
        ):
            return word
        for ending in _AZ_CASE_ENDINGS:
            if word.endswith(ending) and len(word) > len(ending) + 2:
                bare = word[: -len(ending)]
                if bare in self.words:
                    return bare
        return None


def fact_id_words(text: str, language: str, names: list[str]) -> list[str]:
    """Transliterated words for a fact's id: the names' words first, then the longest content
    words (length stands in for how telling a word is), in the sentence's order."""
    stop = languages.stopwords(language)
    content = [w for w in (languages.lower(w, language) for w in _words(text)) if w not in stop]
    content = [w for w in content if len(w) >= 3 and not (w.isdigit() and len(w) != 4)]
    named = {languages.lower(w, language) for n in names for w in n.split()}
    chosen = [w for w in dict.fromkeys(content) if w in named][:2]
    for word in sorted(dict.fromkeys(content), key=len, reverse=True):
        if len(chosen) >= ID_WORDS:
            break
        if word not in chosen:
            chosen.append(word)
    ordered = [w for w in dict.fromkeys(content) if w in chosen]
    return [translit(w) for w in ordered if translit(w)]
