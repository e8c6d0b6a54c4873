"""Statements -> draft facts (id, answer, questions, tags, related, date) -> a knowledge file.

The draft uses exactly the knowledge schema (``kb validate knowledge/drafts`` checks it), with
comments for the reviewer: where it comes from, each fact's sentence(s) as the article wrote
them (``# from the article: "..."``, so a fact can be checked without opening the article),
which repeated sentences it absorbed, and how a relative date was read.

A fact that leans on the article's main event without naming anything ("Three people died and
at least 40 were injured.") is set in it: "In the Ganja flood of 14 May 2025, three people died
and at least 40 were injured." Its questions then name the event too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

import yaml

from bot.core.draft_files import SOURCE_NOTE
from bot.core.english_stems import specificity, stem
from bot.core.fact_caps import MAX_ANSWER_CHARS, MAX_TAGS_PER_FACT
from bot.core.fact_ids import free_fact_id
from bot.core.filler_words import STOPWORDS
from bot.core.folding import fold
from bot.core.language import LANGUAGE_NAMES, english_frequency
from bot.core.links import is_web_link
from bot.core.text import Analyzer
from bot.ingest import dates, other_languages, story_time
from bot.ingest.article_context import GENERIC_STARTS, ArticleContext, names_something
from bot.ingest.content_questions import content_questions
from bot.ingest.dedupe import coverage, merge_near_duplicates, terms_of
from bot.ingest.entities import EntityIndex, is_demonym, is_place_name, raw_entities
from bot.ingest.event_nouns import is_point_event
from bot.ingest.event_phrase import Event
from bot.ingest.event_questions import event_questions
from bot.ingest.fact_sentences import interrogatives
from bot.ingest.general_questions import general_questions, rewrite_bare_say
from bot.ingest.initialisms import derived_initialisms, initialisms, paired_tags
from bot.ingest.justice import tells_justice
from bot.ingest.leaned_names import leaned_names
from bot.ingest.lede import carry_lede, handed_over, main_clause_part, previewed, without_previews
from bot.ingest.lexicon import is_past, is_topic_noun, plain_words
from bot.ingest.main_clause import parse, verbs_in
from bot.ingest.models import Article, IngestError, Statement
from bot.ingest.noun_uses import NounUses
from bot.ingest.people_names import TITLES, untitled
from bot.ingest.profiles import ProfileQuestions
from bot.ingest.pronoun_subjects import resolved
from bot.ingest.question_check import problem as question_problem
from bot.ingest.questions import generate
from bot.ingest.sentences import dateline_place, split_sentences, strip_dateline
from bot.ingest.statements import statements
from bot.ingest.toll_questions import asks_toll, toll_questions
from bot.ingest.turnout_questions import with_voters_counted
from bot.ingest.verdict_questions import asks_verdict, verdict_questions

MIN_FACTS = 2
MIN_QUESTIONS = 2
MAX_QUESTIONS = 4
"""Two to four questions a fact: its wh-questions, one for each sentence it joins."""
MAX_TAGS = 8
ID_WORDS = 4
SOURCE_NOTE_CHARS = 400


@dataclass(slots=True)
class ProposedFact:
    id: str
    answer: str
    questions: list[str]
    tags: list[str]
    related: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    date: dt.date | None = None
    date_note: str | None = None
    """How a relative date was read ("last week", counted from ...), shown as a comment."""
    sources: list[str] = field(default_factory=list)
    """The article's sentences the answer was made from, as the article wrote them."""
    language: str = "en"
    """The language of the answer and questions (the article's); said in the file unless
    English."""

    def as_yaml_entry(self) -> dict[str, object]:
        entry: dict[str, object] = {"id": self.id, "answer": self.answer}
        if self.language != "en":
            entry["language"] = self.language
        if self.questions:
            entry["questions"] = self.questions
        if self.tags:
            entry["tags"] = self.tags
        if self.related:
            entry["related"] = self.related
        if self.date:
            entry["date"] = self.date
        return entry


@dataclass(slots=True)
class ArticleDraft:
    """What ``build_draft`` made of an article, with the counts the moderator is told."""

    article: Article
    facts: list[ProposedFact]
    sentences: int
    dropped: int
    """Sentences with no fact in them (questions, headings, links, boilerplate)."""
    merged: int
    """Near-duplicate statements merged into another fact."""
    language: str = "en"
    """The article's language ("en", "ru" or "az")."""


def _words_with_weight(text: str, names: set[str]) -> list[tuple[str, float]]:
    out = []
    for word in fold(text).split():
        if word in STOPWORDS or len(word) < 3 or (word.isdigit() and len(word) != 4):
            continue
        out.append((word, 1.0 if word in names else specificity(word)))
    return out


def fact_id(answer: str, names: set[str], taken: set[str]) -> str:
    """A readable id from the answer's most telling words, in their order, unique in ``taken``
    (for a fact ``subject_id`` has too little to name by)."""
    weighted = list(dict.fromkeys(_words_with_weight(answer, names)))
    seen: dict[str, float] = {}
    for word, weight in weighted:
        seen.setdefault(word, weight)
    best = sorted(seen, key=lambda w: -seen[w])[:ID_WORDS]
    return free_fact_id((w for w in seen if w in best), taken)


# "$300 billion", "20 percent", "1.3 trillion": a figure readers name a fact by ("20% rule").
_FIGURE = re.compile(
    r"(?<![\w.,])(\d+(?:\.\d+)?)\s*(%|percent|per cent|billion|million|trillion)(?!\w)",
    re.IGNORECASE,
)


# Counting words and comparatives: they say how much, not what about.
_NOT_SUBJECTS = frozenset(
    """tens dozens hundreds thousands millions billions fewer poorer richer wealthier larger
    smaller bigger higher lower greater older younger newer earlier later worse better more
    less most least odds part number""".split()
)


def _figure(text: str) -> list[str]:
    match = _FIGURE.search(text)
    if match is None:
        return []
    number = match.group(1).replace(".", "-")
    unit = "percent" if match.group(2) in ("%", "per cent") else match.group(2).lower()
    return [number, unit]


def subject_words(
    text: str,
    names: set[str],
    spread: dict[str, int],
    event_words: set[str],
    people: dict[str, str] | None = None,
    named: Collection[str] = (),
    limit: int = 3,
) -> list[str]:
    """The words naming what ``text`` (a fact's answer without its lead-in) is about: its
    names and topic nouns, those few other facts of the article share first (``spread``: in
    how many of them a word is), in the order the text has them. Never the event every fact
    shares, a year, a verb or filler ("nearly", "depends", "amounted"): an id is also matched
    as a keyword phrasing, and a reader typing "orsk dam" or "20% rule" names the subject."""
    verbs = verbs_in(text)
    # A person goes by surname ("stiell", "blinken"), as readers name them; a title
    # ("Prime Minister", "Secretary of State") names nobody.
    for full in sorted({n for n in (people or {}).values() if " " in n}, key=len, reverse=True):
        text = text.replace(full, full.split()[-1])
    text = re.sub(TITLES.pattern.removeprefix("^") + r"(?=[A-Z])", "", text)
    order: dict[str, float] = {}
    for word in fold(text).split():
        if word in order or word in STOPWORDS or len(word) < 3 or not word.isalpha():
            continue
        if word in verbs or word in _NOT_SUBJECTS:
            continue
        if any(word == e or (len(word) >= 5 and e.startswith(word)) for e in event_words):
            continue  # the event's own words, and "kazakh" beside "kazakhstan"
        if word not in names and not is_topic_noun(word):
            continue
        # A name tells facts apart better than a noun of the same rarity.
        weight = 1.5 if word in names else specificity(word)
        if weight < 0.5:
            continue
        if word in named:
            weight /= 3  # an earlier fact is named after it: readers typing it mean that one
        order[word] = weight / max(1, spread.get(word, 1)) ** 0.5
    figure = _figure(text)
    room = max(1, limit - (1 if figure else 0))
    best = set(sorted(order, key=lambda w: -order[w])[:room])
    return [w for w in order if w in best] + figure


def tags_for(
    answer: str,
    entities: EntityIndex,
    names: set[str],
    topic: list[str] | None = None,
    mid_capitals: set[str] | None = None,
    uses: NounUses | None = None,
) -> list[str]:
    """Named entities first (demonyms folded), the article's topic (its event's place and
    noun: every fact of the article is about it), then the most topical nouns: never function
    words, verb forms or adjectives ("although", "kept", "largest"; ``lexicon``), nor words
    the article ``uses`` only as a verb or an adjective ("recognise", "immediate")."""
    tags: dict[str, None] = {}
    for entity in entities.entities_in(answer):
        if (
            mid_capitals is not None
            and " " not in entity
            and entity not in mid_capitals
            and not any(e.startswith(entity) for e in mid_capitals)
        ):
            continue  # a capitalised word only ever at the start of a sentence ("Strong ...")
        # "President Ilham Aliyev" is tagged "ilham-aliyev": readers name the person.
        bare = untitled(entity)
        entity = bare if " " in bare else entity
        tag = "-".join(fold(entity).split())
        if tag and len(tag) <= 50 and all(is_topic_noun(w) or w in names for w in tag.split("-")):
            tags.setdefault(tag, None)
    for entity in entities.entities_in(answer):
        # "Kazakh" beside "kazakhstan": readers ask about "Kazakh regions" as often.
        for demonym in entities.demonyms(entity)[:1]:
            if len(tags) < MAX_TAGS - 3 and not demonym.endswith("s"):
                tags.setdefault(fold(demonym), None)
    for word in topic or ():
        if len(tags) < MAX_TAGS - 2:
            tags.setdefault(word, None)
    verbs = verbs_in(answer)
    keywords = sorted(
        {
            w: s
            for w, s in _words_with_weight(answer, names)
            if w not in names
            and is_topic_noun(w)
            and w not in verbs
            and (uses is None or uses.tag_worthy(w))
        }.items(),
        key=lambda item: -item[1],
    )
    for word, weight in keywords:
        if weight < 0.6 or len(tags) >= MAX_TAGS:
            break
        tags.setdefault(word, None)
    return list(tags)[:MAX_TAGS]


def _with_plain_words(answer: str, tags: list[str]) -> list[str]:
    """``tags`` and the plain words readers use for what the answer states ("gave way" ->
    breach), in the room the schema leaves beyond the drafted tags."""
    return [*tags, *plain_words(answer, tags)][: max(MAX_TAGS_PER_FACT, len(tags))]


def _lower_first(text: str, names: set[str]) -> str:
    """``text`` to follow a lead-in: its first word lower-cased unless it is a name."""
    first, _, rest = text.partition(" ")
    bare = re.sub(r"'s$", "", first.strip('"'))
    generic = bare in GENERIC_STARTS
    acronym = first.isupper() and len(first) > 1  # "UN", "NATO"; not the article "A"
    # "Nigeria's", "Kyrgyz": only ever sentence-first, a place's name or its people's all the same
    known = bare in names or is_place_name(bare) or is_demonym(bare)
    # A title before a name ("President Ilham Aliyev") is part of the name.
    # ("Neighbouring Kyrgyzstan": a participle is no title.)
    known = known or (
        rest[:1].isupper() and bare not in GENERIC_STARTS and not bare.endswith("ing")
    )
    # "Gazprom said ...": a singular word with no determiner opening a sentence, and no word
    # of everyday English, is a name (a common noun there would take "the", or be plural).
    known = known or (
        bare.isalpha() and not bare.endswith("s") and not english_frequency(fold(bare))
    )
    if (known and not generic) or acronym or not first[:1].isupper():
        return text
    return f"{first[:1].lower()}{first[1:]} {rest}".strip()


def _set_in_place(
    statement: Statement, context: ArticleContext, names: set[str], place: str | None
) -> None:
    """With no event to set it in, a later statement that names nothing ("Schools in the
    capital were closed until Monday") is set in the story's place ("In Tashkent, ..."): a
    reader of the fact alone knows where, and a question naming the place reaches it."""
    if place is None or statement.position == 0 or _names_a_place_or_person(statement.text, names):
        return
    if re.match(r"^(?:In|On|At)\s", statement.text):
        return
    statement.text = f"In {place}, {_lower_first(statement.text, names)}"
    statement.lead_in = True


def _set_in_headline_event(
    statement: Statement, context: ArticleContext, names: set[str], place: str | None
) -> None:
    """A statement naming nothing, in a story whose event was read from its headline's verb
    (``headline_event``), is set in what the event is of: a person's ("In Gutsul's case,
    prosecutors had asked for nine years"), else the story's place, as with no event. Not "At
    Gutsul's sentencing, ...": what such a story tells (a term sought months before, a
    railway's gauge) mostly did not happen at the event its headline reports."""
    event = context.event
    if event is None or event.determiner or not event.modifiers.endswith("'s"):
        if not statement.background:
            _set_in_place(statement, context, names, place)
        return
    # A case runs through the whole story, so what was done before the verdict ("Prosecutors
    # had asked for nine years") is in it too; but not a sentence on another person of it
    # ("... accusing her of ..." of a co-defendant), whom the lead-in would make the one named.
    if statement.position == 0 or _names_a_place_or_person(statement.text, names):
        return
    if re.search(r"\b(?:he|she|him|her|his|hers|they|them|their)\b", statement.text, re.I):
        return
    if re.match(r"^(?:In|On|At)\s", statement.text):
        return
    statement.text = f"In {event.modifiers} case, {_lower_first(statement.text, names)}"
    statement.lead_in = True


def _names_a_place_or_person(text: str, names: set[str]) -> bool:
    """Does ``text`` name someone or somewhere? Its first word counts only if the article
    writes it capitalised elsewhere too ("Uzbekistan ...", not "Local officials ...")."""
    if raw_entities(re.sub(r"^\W*\w+", "", text)):
        return True
    first = re.sub(r"'s$", "", text.split()[0].strip('",')) if text.split() else ""
    return first in names or is_place_name(first)


def _set_in_event(
    statement: Statement,
    context: ArticleContext,
    names: set[str],
    place: str | None = None,
    day_before: dt.date | None = None,
) -> None:
    """Put the main event in front of a statement that does not name it.

    Naming a person or a country is not enough: "Nigeria's representative described the
    figure as an insult" says nothing of the Baku talks, so a question about the talks never
    reaches it, and a reader of the fact alone cannot tell which figure. A statement told
    of another event the article tells of (``Statement.event``) is set in that one."""
    event = statement.event or context.event
    statement.core = statement.text
    if statement.event is not None and not statement.event.modifiers:
        return  # it names an event of its own, which has no name to add ("the mutiny")
    if statement.event is not None and statement.event.carried:
        _set_in_carried_event(statement, statement.event, context, names)
        return
    if _from_headline_verb(event) and event is context.event:
        _set_in_headline_event(statement, context, names, place)
        return
    if statement.background and statement.position > 0:
        # "Renko first won the presidency in 2015", and what the article goes on to tell of
        # that time: set in the main event (or its place) it would read as false. Better a
        # fact that says less than one that says what is not so.
        return
    if event is None:
        _set_in_place(statement, context, names, place)
        return
    if _names_the_event(statement, event, context) or _told_before(statement, event, context):
        return
    if event.preposition == "In" and tells_justice(statement.original):
        # A verdict is about the fire, not in it: "Over the ... fire of 2018, the director
        # received 13 years", and never dated by the fire's day.
        lead_in = event.lead_in(statement.text, dated=statement.own_day is not None)
        _write_lead_in(statement, f"Over {lead_in.split(' ', 1)[1]}", names)
        return
    when = _against_one_off(statement, event, context, names, day_before)
    if when == "apart":
        return
    own_day = dates.event_date(statement.original, context.published, spoken=False)
    lead_in = event.lead_in(
        statement.text, dated=own_day is not None or when == "after", after=when == "after"
    )
    _write_lead_in(statement, lead_in, names)
    if (
        statement.date is None
        and event.date is not None
        and f"of {dates.spell(event.date)}" in lead_in
        and _happened(statement.core)
    ):
        # "In the Lestria runoff of 1 June 2025, turnout was 61 percent": the lead-in says
        # the day, and so does the fact's date. (A sentence with a day of its own keeps it:
        # what a sentence set in the event tells may have happened days after it.)
        statement.date = event.date
        statement.date_note = f"the day of {event.phrase()}, which the lead-in names"


def _set_in_carried_event(
    statement: Statement, told: Event, context: ArticleContext, names: set[str]
) -> None:
    """Set a statement going on about another event the sentence before named ("Armoured
    columns then drove north ..." after "The mutiny began on June 23") in that event's name
    when it names nothing, else in its time as told (``Event.when_told``: a month or a year).

    Set in the main event it would say what is false, and a lead-in naming the other event on
    every such sentence would give each of them its words, which readers' questions about any
    part of it share. Its time only says when, which the sentence alone does not."""
    if (
        not _names_a_place_or_person(statement.text, names)
        and not statement.background
        and not story_time.told_before(statement.original, context.published)
    ):
        # "The yes side won 50.4 percent" after "... a referendum in which voters
        # ...": naming nothing, it says which event it tells of, "In the Lestria
        # referendum, the yes side won 50.4 percent" (not once the article has gone on
        # to another time: "Later, police put the total ...").
        lead_in = told.lead_in(statement.text, dated=statement.date is not None)
        statement.text = f"{lead_in}, {_lower_first(statement.text, names)}"
        statement.lead_in = True
        return
    when_told = told.when_told
    if (
        when_told
        and statement.date is None
        and not re.search(r"\b(?:19|20)\d\d\b", statement.text)
        # "For months he had accused ...": before that month, not in it
        and not story_time.told_before(statement.original, context.published)
    ):
        statement.text = f"In {when_told}, {_lower_first(statement.text, names)}"


def _names_the_event(statement: Statement, event: Event, context: ArticleContext) -> bool:
    """Does ``statement`` already say which event it is in, so that a lead-in would repeat it:
    by the event's own names, or (an event without any) by naming something of the article's?
    A lede that does not name it is never led in by an event "Under" which things happen (a
    law, a deal)."""
    lede = statement.position == 0 and not any(
        event.refers_back(word) or stem(word) == stem(event.noun)
        for word in fold(statement.text).split()
    )
    if event.key_names:
        if not lede and event.named_in(statement.text):
            return True
    elif not lede and names_something(statement.text, context):
        return True
    return lede and event.preposition == "Under"


def _write_lead_in(statement: Statement, lead_in: str, names: set[str]) -> None:
    """``lead_in`` written in front of ``statement``, after the place it opens on, if any."""
    opening = re.match(r"^(?:In|On|At|Near|Outside|Inside)\s[^,]{1,60},\s", statement.text)
    if opening and not _is_phrase(opening.group()):
        opening = None  # "In April Shor launched a bloc, ...": a clause, not a place to set
    if opening and re.match(r"\d", statement.text[opening.end() :]):
        opening = None  # "On Wednesday, 20 July, ...": the day goes on past the comma
    if opening and lead_in.startswith(("In ", "At ", "After ", "Over ")):
        # "In North Kazakhstan, the rising Ishim ..." -> "In North Kazakhstan, during the
        # Kazakhstan floods of April 2024, the rising Ishim ...": not two "In"s in a row.
        inner = {"In": "during", "At": "at", "After": "after", "Over": "over"}[lead_in.split()[0]]
        rest = statement.text[opening.end() :]
        statement.text = f"{opening.group()}{inner} {lead_in.split(' ', 1)[1]}, {rest}"
    else:
        statement.text = f"{lead_in}, {_lower_first(statement.text, names)}"
    statement.lead_in = True


OPENING_PHRASE_WORDS = 6
"""An opening phrase ("In the Russian city of Orsk, ...") is at most this long: one longer
runs into the sentence's own subject and verb."""


def _is_phrase(opening: str) -> bool:
    """Is ``opening`` ("In North Kazakhstan, ") a place or time phrase, not a clause ("In
    April Ilan Shor launched a new bloc, ")? A lead-in is set after a phrase only: within a
    clause it would split the subject from its object."""
    words = opening.rstrip(", ").split()
    return len(words) <= OPENING_PHRASE_WORDS and not verbs_in(" ".join(words[1:]))


EARLIER_DAYS = 31
"""A statement dated this long before a one-off event (a crash, a flood) tells of something
else: "In the Port Alder crash of September 2025, police arrested ... on 10 July" is false."""


def _told_before(statement: Statement, event: Event, context: ArticleContext) -> bool:
    """Is ``statement`` dated well before the main event, which happened on one day or a few
    (so it is no part of it)? A spell of days (unrest, a war) may have begun long before."""
    if statement.date is None or statement.event is not None or event is not context.event:
        return False
    when = event.date or context.published
    if when is None or event.preposition != "In" or not is_point_event(event.noun):
        return False
    return (when - statement.date).days > EARLIER_DAYS


_SAYING = re.compile(r"^(?:say|said|says|tell|told|describe|described|call|called|dismiss|"
                     r"dismissed|urge|urged|warn|warned|argue|argued)$")  # fmt: skip


def _happened(sentence: str) -> bool:
    """Does ``sentence`` tell of something that happened ("Turnout was 61 percent",
    "Okafor took 53 percent"), not of a standing state ("Viasna counts 1,200 prisoners", "...
    have said they will not recognise it") or of what someone said, which may have been
    said days after the event?"""
    clause = parse(sentence)
    if clause is None or clause.aux not in (None, "was", "were"):
        return False
    if clause.verb is None:
        return clause.aux is not None  # "Turnout was 61 percent"
    verb = clause.verb.lower()
    return (verb in ("was", "were") or is_past(verb)) and _SAYING.match(verb) is None


def _against_one_off(
    statement: Statement,
    event: Event,
    context: ArticleContext,
    names: set[str],
    day_before: dt.date | None = None,
) -> str:
    """Where a statement with a day of its own (not the day it was said: "three people died,
    the ministry said on Thursday" is in the flood) stands against a one-off main event (a
    crash, a vote): "after" it (Putin offered condolences the day after the crash), "apart" from it
    (a day before it; or, when the article never gives the event's day, a sentence that names
    its own people or places: nothing says it is part of the event), else "in" it. A statement
    with no day of its own is "after" when ``day_before``, the own day of the sentence just
    before it, is after the event's."""
    day = statement.own_day
    if event is not context.event or not context.one_off or statement.position == 0:
        return "in"
    if day is None:
        if event.date is not None and day_before is not None and day_before > event.date:
            # "The decree, signed by ..., names ..." right after "... a decree published on
            # Friday, a week after the blast": it goes on about that later day, and a
            # lead-in naming the blast's own day would date it falsely. Only the sentence
            # just before counts: one further back may be followed by a return to the
            # event itself.
            return "after"
        return "in"
    if event.date is None:
        return "apart" if _names_a_place_or_person(statement.text, names) else "in"
    if day < event.date:
        return "apart"
    return "after" if day > event.date else "in"


def _setting(statement: Statement, setting: str | None, topic: str | None) -> str | None:
    """What questions about a statement set in the event end with: "in the Kazakhstan
    floods"; for a law, as its lead-in put it ("over Georgia's foreign influence law", or
    "under ..." for what the law itself says)."""
    if (
        setting is not None
        and topic is not None
        and re.search(rf"(?:^|, )[Aa]fter {re.escape(topic)}", statement.text.replace('"', ""))
    ):
        # "After the Moldova vote, Peskov said ...": asked of what came after it
        return f"after {setting.split(' ', 1)[1]}"
    if (
        setting is not None
        and topic is not None
        and re.search(rf"(?:^|, )[Oo]ver {re.escape(topic)}", statement.text.replace('"', ""))
    ):
        # "Over the Kemerovo mall fire, the director received 13 years": a verdict about it
        return f"over {setting.split(' ', 1)[1]}"
    if setting is not None or topic is None:
        return setting
    for word in ("Over", "Under"):
        if statement.text.startswith(f"{word} "):
            return f"{word.lower()} {topic}"
    return None


def _attach_article_questions(
    kept: list[Statement], questions: Iterable[str], analyzer: Analyzer
) -> None:
    """Questions the article asks (its headline) go to the statement answering them best."""
    for question in questions:
        terms = terms_of(question, analyzer)
        if not terms or not kept:
            continue
        scores = [coverage(terms, set(terms_of(s.text, analyzer))) for s in kept]
        best = max(range(len(kept)), key=lambda i: scores[i])
        if scores[best] >= 0.4:
            kept[best].extra_questions.append(question.lower())


def _interleaved(per_part: list[list[str]]) -> list[str]:
    """The questions of a fact's sentences, the first sentence's two best first, then each
    later sentence's best, then the rest: every sentence of the answer gets asked about."""
    if not per_part:
        return []
    first, later = per_part[0], per_part[1:]
    out = first[:2] + [qs[0] for qs in later if qs]
    out += first[2:] + [q for qs in later for q in qs[1:]]
    return out


_ACTION_VERB = re.compile(r"^(?:[a-z]+ed|[a-z]+t|made|took|gave|held|began|ran|won|lost|sent)$")


def _fallback_questions(parts: list[str], setting: str | None) -> list[str]:
    """Plain questions for a fact its sentences gave too few of: what its subject did (a
    named actor, in the past) or what its subject says: "what did argentina do at cop29"."""
    out: list[str] = []
    for part in parts:
        clause = parse(part)
        if clause is None or clause.subject.lower() in ("it", "they", "he", "she", "this"):
            continue
        subject = " ".join(clause.subject.split())
        if len(subject.split()) > 6 or not re.search(r"[A-Za-z]", subject):
            continue
        subject = (
            subject
            if subject[:2].isupper() or not subject[:1].isupper()
            else (subject[:1].lower() + subject[1:])
        )
        verb = (clause.verb or "").lower()
        where = f" {setting}" if setting else ""
        if clause.aux is None and verb in ("says", "say", "argues", "insists", "reply", "replies"):
            out.append(f"what do {subject} say{where}" if verb in ("say", "reply")
                       else f"what does {subject} say{where}")  # fmt: skip
        elif clause.aux is None and verb and _ACTION_VERB.match(verb):
            out.append(f"what did {subject} do{where}")
        elif clause.aux == "has" and verb:
            out.append(f"what has {subject} done{where}")
        elif clause.aux == "have" and verb:
            # "what have prosecutors done" reads as a plural after "what": the past is asked.
            out.append(f"what did {subject} do{where}")
    return [q.lower() for q in out if question_problem(q) is None]


# A document that speaks in the present ("The text also calls on ..."): readers ask what it says.
_DOCUMENT_SAYS = re.compile(
    r"^((?:The|A|An)\s(?:[\w'-]+\s){0,6}?(?:text|law|bill|deal|agreement|decision|report|"
    r"statement|resolution|declaration|plan|treaty|measure)(?:\s(?:in|of|at)\s[\w' -]{1,40}?)?)"
    r"\s(?:also\s)?(?:calls|says|states|requires|sets|urges|commits|obliges|asks|allows|bans)\b"
)
_MONEY = re.compile(r"[$€£]\s?\d[\d.,]*\s(?:million|billion|trillion)\b(?:\sa\syear)?")


def _last_resort_questions(parts: list[str], setting: str | None) -> list[str]:
    """Questions for a fact its clauses gave fewer than four of: what a document it quotes
    says ("what does the cop29 climate text say") and what a sum it names is ("what is the
    $1.3 trillion a year"): a fact with no question is reached by its answer words alone,
    and loses to any fact whose questions share them."""
    out: list[str] = []
    where = f" {setting}" if setting else ""
    for part in parts:
        document = _DOCUMENT_SAYS.match(part)
        if document is not None:
            subject = " ".join(document.group(1).split())
            out.append(f"what does {subject[:1].lower()}{subject[1:]} say")
        for money in _MONEY.findall(part):
            out.append(f"what is the {money}{where}")
    return [q.lower() for q in out if question_problem(q.lower()) is None]


def _from_headline_verb(event: Event | None) -> bool:
    """Was ``event`` read from a headline's verb (``headline_event``), not named by a noun?"""
    return event is not None and event.from_headline_verb


def _event_tags(event: Event | None, names: set[str]) -> list[str]:
    """The words an event is tagged by: its name and noun ("wagner", "mutiny"). None for an
    event read from a headline's verb: its noun ("sentencing") is the drafter's, not the
    article's, and on every fact it would push out the tags that tell them apart."""
    if event is None or _from_headline_verb(event):
        return []
    words = fold(f"{event.alias or ''} {event.modifiers} {event.noun}").split()
    return [w for w in dict.fromkeys(words) if is_topic_noun(w) or w in names]


def _said_about(statement: Statement, event: Event | None) -> str | None:
    """What people in ``statement`` are asked to have said things about: the main event; none
    when the statement goes on about another one a sentence before told of (not "what did
    prigozhin say about the moscow crash" of the mutiny two months before; nor "... about the
    wagner mutiny", whose words every question about the mutiny shares)."""
    if event is None or _from_headline_verb(event):
        # Asked of what the statement names ("what did the defence say about the case"):
        # a headline's verb is no name people have said things about.
        return None
    if statement.event is not None and statement.event.carried:
        return None
    return event.short().replace('"', "")


def build_draft(
    article: Article, *, taken_ids: set[str] | None = None, analyzer: Analyzer | None = None
) -> ArticleDraft:
    """One fact per distinct statement of ``article``; ``IngestError`` if it states too few."""
    analyzer = analyzer or Analyzer()
    taken = set(taken_ids or ())
    language = other_languages.language_of(article.title, article.text)
    if language != "en":
        return _build_draft_in(article, language, taken, analyzer)
    sentences = split_sentences(article.text)
    if article.title and sentences and fold(sentences[0]) == fold(article.title):
        sentences = sentences[1:]
    entities = EntityIndex([article.title, *sentences])
    context = ArticleContext.build(article.title, sentences, entities, article.published)
    found = statements(sentences, entities, context)
    kept = merge_near_duplicates(found, analyzer)
    if len(kept) < MIN_FACTS:
        raise IngestError(
            f"{article.source} does not read like a news article: "
            f"found {len(kept)} sentence(s) stating a fact, need at least {MIN_FACTS}."
        )
    _attach_article_questions(kept, interrogatives([article.title, *sentences]), analyzer)
    story = _read_story(article, sentences, entities, context, kept)
    # The words earlier facts' ids are made of: a later fact is named after other words.
    named: set[str] = set()
    facts: list[ProposedFact] = []
    # The day each sentence's own event happened on, merged or not: the day a sentence with
    # none of its own goes on about.
    told_days = {s.position: s.own_day for s in found if s.own_day is not None}
    for statement in kept:
        _set_in_event(
            statement,
            context,
            story.mid_capitals,
            story.story_place,
            day_before=told_days.get(statement.position - 1),
        )
        fact, words = _fact(statement, story, named, taken)
        named |= {w for w in words if w in story.id_names}
        if statement.follows_previous and facts:
            fact.related.append(facts[-1].id)
        facts.append(fact)
    merged = sum(len(s.merged) for s in kept)
    used = sum(len(s.sources) or 1 for s in found)
    return ArticleDraft(
        article=article,
        facts=facts,
        sentences=len(sentences),
        dropped=len(sentences) - used,
        merged=merged,
    )


@dataclass(frozen=True, slots=True)
class _Story:
    """What every fact of an English article's draft is drafted against, read once from the
    whole article: its sentences and names, its event and the words naming it, where it
    happens, and in how many statements each word is."""

    sentences: list[str]
    entities: EntityIndex
    noun_uses: NounUses
    context: ArticleContext
    kept: list[Statement]
    carried: tuple[Statement, str] | None
    """The statement the lede's main clause was carried to, and the clause (``carry_lede``)."""
    names: set[str]
    """Folded words of the article's names: they count as fully specific in ids and tags."""
    mid_capitals: set[str]
    """Words written capitalised inside sentences: names, which a lead-in keeps capitalised."""
    id_names: set[str]
    """The folded names the article writes capitalised inside sentences: a fact's id is made
    of them before other words, for a name tells facts apart best."""
    setting: str | None
    """What questions set in the main event end with ("in the kazakhstan floods")."""
    topic: str | None
    """The main event as people are asked to have said things about it."""
    topic_tags: list[str]
    event_words: set[str]
    """The event's own words: every fact shares them, so they name none of them."""
    overview_words: list[str]
    spread: dict[str, int]
    """In how many statements each folded word is: a word few facts have names those."""
    story_place: str | None
    profiles: ProfileQuestions
    bodies: dict[str, str]
    """Initialisms and the names they stand for ("icc": "international criminal court")."""
    surnames: set[str]
    """The words the article names its people by ("gutsul"): who a later "her" may be."""

    @property
    def event(self) -> Event | None:
        return self.context.event


def _read_story(
    article: Article,
    sentences: list[str],
    entities: EntityIndex,
    context: ArticleContext,
    kept: list[Statement],
) -> _Story:
    """What the facts of ``kept`` (the article's statements) are drafted against; carries the
    lede's main clause to the statement that picks it up first (``carry_lede``)."""
    carried = carry_lede(kept)
    names = {fold(w) for e in entities.counts for w in re.split(r"[\s-]", e)}
    mid_capitals = _mid_capitals(sentences, context.people)
    event = context.event
    setting = topic = None
    if event is not None:
        topic = event.phrase().replace('"', "")
        # (An event read from a headline's verb leads no fact in: its facts are asked as
        # their lead-ins set them, in a person's case or a place.)
        if event.preposition != "Under" and not _from_headline_verb(event):
            short = event.short().replace('"', "")
            setting = f"{event.preposition.lower()} {short}"
    event_words, overview_words = _event_words(event)
    spread: dict[str, int] = {}
    for statement in kept:
        for word in set(fold(" ".join(statement.parts or [statement.text])).split()):
            spread[word] = spread.get(word, 0) + 1
    # Where a story with no named event happens: its dateline's city when the body names it
    # ("MINGACHEVIR, March 6 - ..."), else the place its headline names.
    dateline = dateline_place(sentences[0]) if sentences else None
    body = " ".join([*sentences[1:], strip_dateline(sentences[0])] if sentences else [])
    whole_text = " ".join([article.title or "", *sentences])
    return _Story(
        sentences=sentences,
        entities=entities,
        noun_uses=NounUses.of(sentences),
        context=context,
        kept=kept,
        carried=carried,
        names=names,
        mid_capitals=mid_capitals,
        id_names={fold(w) for w in mid_capitals} & names,
        setting=setting,
        topic=topic,
        topic_tags=_event_tags(event, names),
        event_words=event_words,
        overview_words=overview_words,
        spread=spread,
        story_place=dateline if dateline and dateline in body else context.place,
        profiles=ProfileQuestions(context.people),
        bodies={**derived_initialisms(whole_text), **initialisms(whole_text)},
        surnames={fold(p).split()[-1] for p in context.people.values() if p.strip()},
    )


def _mid_capitals(sentences: list[str], people: dict[str, str]) -> set[str]:
    """Words written capitalised inside sentences, and the people the article names: names,
    which a lead-in keeps capitalised."""
    capitals = {
        w.strip("\"',.;:()")
        for sentence in sentences
        for w in sentence.split()[1:]
        if w[:1].isupper()
    }
    return {re.sub(r"'s$", "", w) for w in capitals} | set(people)


def _event_words(event: Event | None) -> tuple[set[str], list[str]]:
    """The main event's own words (with its place), which every fact shares and so names
    none of them, and the first few without the place, which the opening fact's id is made
    of."""
    if event is None:
        return set(), []
    event_words = {
        w
        for w in fold(
            f"{event.alias or ''} {event.modifiers} {event.noun} {event.place or ''}"
        ).split()
        if w not in STOPWORDS and w != "s"
    }
    overview_words = [
        w
        for w in fold(f"{event.alias or ''} {event.modifiers} {event.noun}").split()
        if w not in STOPWORDS and w != "s"
    ][:ID_WORDS]
    return event_words, overview_words


def _fact(
    statement: Statement, story: _Story, named: set[str], taken: set[str]
) -> tuple[ProposedFact, list[str]]:
    """The fact drafted from ``statement``, and the words its id was made of; ``named``: the
    words earlier facts' ids were made of, ``taken``: the ids already in use."""
    lede = statement.position == 0
    asked = _asked_setting(statement, story, lede)
    said_topic = _said_about(statement, story.event)
    drafted = _drafted_questions(statement, story, asked, said_topic)
    questions = _topped_up(statement, story, drafted, asked)
    own = " ".join(statement.parts) if statement.parts else statement.core
    words = _id_words(story, own, lede, named)
    answer = statement.text[:MAX_ANSWER_CHARS]
    # (An event read from a headline's verb is the headline's summary, not a name the lede
    # previews: the lede stays as it is, asked and tagged as with no event.)
    overview = lede and story.event is not None and not _from_headline_verb(story.event)
    if overview:
        answer, questions = _without_previewed(statement, story, answer, questions, asked)
    tags = _fact_tags(statement, story, answer, lede=lede, overview=overview)
    questions = _checked_questions(statement, story, questions, said_topic)
    fact = ProposedFact(
        id=free_fact_id(words, taken) if len(words) >= 2 else fact_id(own, story.names, taken),
        answer=answer,
        questions=list(dict.fromkeys(questions))[:MAX_QUESTIONS],
        tags=tags,
        merged=list(statement.merged),
        date=statement.date,
        date_note=statement.date_note,
        sources=list(statement.sources or [statement.original]),
    )
    return fact, words


def _asked_setting(statement: Statement, story: _Story, lede: bool) -> str | None:
    """What the questions of ``statement`` are set in ("in the kazakhstan floods"), if
    anything: the main event for the lede and a statement led in by it, or the event a
    statement names of its own."""
    if statement.event is not None:
        # It names an event of its own ("The mutiny began ..."): asked of in that one when
        # led in by it, and otherwise as it says. (Still tagged with the story's topic:
        # every fact of the article is about it.)
        told = statement.event
        if statement.lead_in:
            return f"{told.preposition.lower()} {told.short().replace(chr(34), '')}"
        return None
    if statement.lead_in or lede:
        return _setting(statement, story.setting, story.topic)
    return None


def _drafted_questions(
    statement: Statement, story: _Story, asked: str | None, said_topic: str | None
) -> list[str]:
    """The questions the rules write for ``statement``, in the order readers ask them: each
    part's own (``generate``), the event's and the toll's, who a person named is, and what
    happened in the story's place; ``asked`` is what they are set in."""
    parts = statement.parts or [statement.core]
    lede = statement.position == 0
    event, people = story.event, story.context.people
    per_part = [
        generate(
            # A later sentence opening on "It"/"He" is asked of what that stands for: asked
            # as it stands, it gives no question, and the fact is found only by what its
            # first sentence says (``pronoun_subjects``).
            (index and resolved(part, parts[index - 1], people.values())) or part,
            names=story.mid_capitals,
            setting=asked,
            overview=lede and index == 0 and not _from_headline_verb(event),
            topic=said_topic,
        )
        for index, part in enumerate(parts)
    ]
    questions = [*statement.extra_questions, *_interleaved(per_part)]
    if not lede and statement.event is None:
        # "The slide came down near Rushan after ...": asked where and why the avalanche
        # happened, ahead of its own questions, which name it "the slide".
        questions[:0] = event_questions(statement.core, questions, event)
    if not any(asks_toll(q) for q in questions):
        # A toll is what readers ask first of the sentence that gives it ("how many died"),
        # whatever else its own questions ask; the lede's own come first, for it tells the
        # event as a whole.
        toll_setting = asked if asked or statement.event is not None else story.setting
        at = len(questions) if lede else 0
        questions[at:at] = toll_questions(" ".join(parts), toll_setting)
    if not any(asks_verdict(q) for q in questions):
        # Likewise a verdict's length ("how long was X's sentence"), which its own questions
        # ask as who sentenced whom; the lede's overview question stays first.
        at = 1 if lede else 0
        questions[at:at] = verdict_questions(" ".join(parts))
    questions = with_voters_counted(questions)
    # "Alexandr Stoianoglo, a former prosecutor general, ...": who he is, second (the fact's
    # own first question stays first; the last ones give way).
    questions[1:1] = story.profiles.questions(" ".join(statement.sources or [statement.original]))
    if lede and (event is None or _from_headline_verb(event)) and story.story_place:
        # No event named in the headline or lede ("Bridge over the Kura closes ..."): the
        # opening fact still answers a reader asking what happened in the story's place.
        questions.insert(0, f"what happened in {fold(story.story_place)}")
    if lede and story.carried is not None:
        # What the lede's main clause asks is now the carrying fact's to answer.
        keep = story.event_words | set(fold(asked or "").split())
        questions = [q for q in questions if not handed_over(q, story.carried[1], keep)]
    return questions


def _topped_up(
    statement: Statement, story: _Story, questions: list[str], asked: str | None
) -> list[str]:
    """``questions`` with more when the rules wrote too few for a fact to be found by:
    plainer ones from its parts, then from its answer's content words."""
    parts = statement.parts or [statement.core]
    if len(dict.fromkeys(questions)) < MIN_QUESTIONS:
        questions += _fallback_questions(parts, asked)
    if len(dict.fromkeys(questions)) < MAX_QUESTIONS:
        questions += _last_resort_questions(parts, asked)
    missing = MIN_QUESTIONS - len(dict.fromkeys(questions))
    if missing > 0:
        known = [*questions, " ".join(story.event_words), asked or ""]
        answer = statement.text[:MAX_ANSWER_CHARS]
        questions += content_questions(answer, known=known, check=question_problem)[:missing]
    return questions


def _id_words(story: _Story, own: str, lede: bool, named: set[str]) -> list[str]:
    """The words a fact's id is made of: the event's for the opening sentence, which tells
    the event itself (a reader typing its name, "kazakhstan floods", gets it), else what
    ``own`` (the statement without its lead-in) is about."""
    event = story.event
    if lede and event is not None and event.preposition != "Under" and story.overview_words:
        return story.overview_words
    people = story.context.people
    words = subject_words(own, story.id_names, story.spread, story.event_words, people, named)
    if len(words) < 2:
        words = subject_words(own, story.id_names, story.spread, set(), people, named)
    return words


def _without_previewed(
    statement: Statement, story: _Story, answer: str, questions: list[str], asked: str | None
) -> tuple[str, list[str]]:
    """The opening fact's answer and questions without what later sentences state in the
    same words: it is the event's overview, and the asides at its end and its own questions
    that later sentences state go to those sentences' facts (``lede``)."""
    later = [" ".join(s.parts or [s.core]) for s in story.kept if s is not statement]
    keep = story.event_words | set(fold(asked or "").split())
    answer = without_previews(answer, later, keep)
    questions = [
        q for q in questions if q in statement.extra_questions or not previewed(q, later, keep)
    ]
    return answer, questions


def _fact_tags(
    statement: Statement, story: _Story, answer: str, *, lede: bool, overview: bool
) -> list[str]:
    """The tags of the fact with ``answer``: its names and topic words, the plain words
    readers use, who a pronoun stands for, and an initialism beside the name it stands
    for."""
    # A fact telling of another event (the mutiny, in a story about a crash two months on)
    # is tagged with that one: a reader asking about the crash does not mean it.
    own_topic = story.topic_tags if statement.event is None else []
    drafted = tags_for(
        answer, story.entities, story.names, own_topic, story.mid_capitals, story.noun_uses
    )
    tags = _with_plain_words(answer, drafted)
    if overview:
        # Tagged with what its main clause names, not with every name it previews (``lede``).
        core = fold(main_clause_part(statement.core))
        tags = [
            t
            for t in tags
            if t in story.topic_tags
            or set(t.split("-")) & story.event_words
            or not set(t.split("-")) & story.names
            or all(w in core for w in t.split("-"))
        ]
    if not lede and statement.event is None:
        # "... passed through her hands": tagged with who "her" is, named just before.
        sentences = story.sentences
        first = statement.sources[0] if statement.sources else statement.original
        where = sentences.index(first) if first in sentences else statement.position
        if where > 0:
            before = tags_for(
                sentences[where - 1], story.entities, story.names, None, story.mid_capitals
            )
            leaned = leaned_names(first, answer, before, story.surnames)
            tags = list(dict.fromkeys([*tags[:2], *leaned, *tags[2:]]))[:MAX_TAGS_PER_FACT]
    paired = paired_tags(answer, story.bodies)
    if paired:
        # Beside the names it states: "icc" and "international criminal court" are one body.
        tags = list(dict.fromkeys([*tags[:2], *paired, *tags[2:]]))[:MAX_TAGS_PER_FACT]
    return tags


def _checked_questions(
    statement: Statement, story: _Story, questions: list[str], said_topic: str | None
) -> list[str]:
    """``questions`` as the fact keeps them: each through the grammar check, a bare "what
    did X say" asked about something, and general ones when too few are left."""
    parts = statement.parts or [statement.core]
    # Every question, whichever rule wrote it, passes the grammar check before it is written
    # (the headline's own questions are a person's; a short "who is X" is fine).
    questions = [
        q
        for q in questions
        if q in statement.extra_questions or question_problem(q) in (None, "too short")
    ]
    questions = rewrite_bare_say(
        list(dict.fromkeys(questions)),
        parts,
        # What was said names nothing ("confirmed it"): asked about the story's event, or its
        # place, which the reader names.
        topic=(said_topic or story.story_place or "").lower().replace('"', "") or None,
        check=question_problem,
    )
    if len(questions) < MIN_QUESTIONS:
        # Still too few to be found by (a late filter may have taken some): general ones.
        questions += general_questions(
            parts,
            names=story.mid_capitals,
            people=story.context.people.values(),
            spread=story.spread,
            known=questions,
            check=question_problem,
        )[: MIN_QUESTIONS - len(questions)]
    return questions


def _build_draft_in(
    article: Article, language: str, taken: set[str], analyzer: Analyzer
) -> ArticleDraft:
    """A Russian or Azerbaijani article's draft (``other_languages``): its sentences as
    answers, its names as tags, the headline as a question when it is one."""
    sentences = split_sentences(article.text, language)
    if article.title and sentences and fold(sentences[0]) == fold(article.title):
        sentences = sentences[1:]
    capitals = other_languages.known_names([article.title, *sentences], language)
    found: list[Statement] = []
    names_of: dict[int, list[str]] = {}
    for position, sentence in enumerate(sentences):
        names = other_languages.names_in(sentence, capitals, language)
        if not other_languages.is_statement(sentence, names):
            continue
        statement = Statement(text=sentence, original=sentence, position=position)
        statement.core = sentence
        statement.date = other_languages.event_day(sentence, language, article.published)
        names_of[position] = names
        found.append(statement)
    kept = merge_near_duplicates(found, analyzer)
    if len(kept) < MIN_FACTS:
        raise IngestError(
            f"{article.source} does not read like a news article: "
            f"found {len(kept)} sentence(s) stating a fact, need at least {MIN_FACTS}."
        )
    if article.title.strip().endswith("?"):
        terms = terms_of(article.title, analyzer)
        scores = [coverage(terms, set(terms_of(s.text, analyzer))) for s in kept]
        best = max(range(len(kept)), key=lambda i: scores[i])
        if terms and scores[best] >= 0.4:
            kept[best].extra_questions.append(" ".join(article.title.split()))
    forms = other_languages.NameForms(language, [article.title, *sentences])
    facts: list[ProposedFact] = []
    for statement in kept:
        names = names_of.get(statement.position) or other_languages.names_in(
            statement.text, capitals, language
        )
        questions = list(statement.extra_questions)
        words = other_languages.fact_id_words(statement.text, language, names)
        fact = ProposedFact(
            id=free_fact_id(words, taken),
            answer=statement.text[:MAX_ANSWER_CHARS],
            questions=list(dict.fromkeys(questions))[:2],
            tags=other_languages.tags_for(names, language, MAX_TAGS, forms),
            merged=list(statement.merged),
            date=statement.date,
            sources=[statement.original],
            language=language,
        )
        facts.append(fact)
    used = len(found)
    return ArticleDraft(
        article=article,
        facts=facts,
        sentences=len(sentences),
        dropped=len(sentences) - used,
        merged=sum(len(s.merged) for s in kept),
        language=language,
    )


class _Dumper(yaml.SafeDumper):
    """Never anchors and aliases (facts sharing one date object would get ``&id001``): the
    knowledge loader refuses them."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _quoted(sentence: str) -> str:
    """A sentence on one comment line, in double quotes, clipped."""
    flat = " ".join(sentence.split())
    if len(flat) > SOURCE_NOTE_CHARS:
        flat = flat[: SOURCE_NOTE_CHARS - 1].rstrip() + "\u2026"
    return f'"{flat}"'


def file_stem(article: Article, today: dt.date | None = None) -> str:
    """``2025-07-01-tension-escalating-between-baku-and-moscow``: date and headline words."""
    day = article.published or today or dt.datetime.now(dt.UTC).date()
    words = fold(article.title or "article").split()[:6]
    stem = f"{day.isoformat()}-{'-'.join(words)}"
    return re.sub(r"[^a-z0-9-]+", "", stem)[:60].strip("-")


def render_yaml(draft: ArticleDraft, *, ingested: dt.datetime | None = None) -> str:
    """The draft as a knowledge file, with a header and review comments."""
    article = draft.article
    when = (ingested or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M UTC")
    source: dict[str, object] = {"title": article.title[:300] if article.title else None}
    if article.url and is_web_link(article.url):
        source["url"] = article.url
    if article.published:
        source["published"] = article.published
    source = {k: v for k, v in source.items() if v is not None}
    body: dict[str, object] = {}
    if source:
        body["source"] = source
    body["facts"] = [f.as_yaml_entry() for f in draft.facts]
    text = yaml.dump(body, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    for fact in draft.facts:
        notes = "".join(f"{SOURCE_NOTE}{_quoted(s)}\n" for s in fact.sources)
        notes += "".join(f"# also said as: {' '.join(m.split())[:300]}\n" for m in fact.merged)
        start = text.find(f"- id: {fact.id}\n")
        if start < 0:
            continue
        if fact.date is not None and fact.date_note:
            line = f"  date: {fact.date.isoformat()}\n"
            at = text.find(line, start)
            end = text.find("\n- id: ", start + 1)
            if at >= 0 and (end < 0 or at < end):
                note = " ".join(fact.date_note.split())
                dated = f"  date: {fact.date.isoformat()}  # {note}\n"
                text = f"{text[:at]}{dated}{text[at + len(line) :]}"
        text = f"{text[:start]}{notes}{text[start:]}"
    how = (
        "# set in the article's event where they lean on it; above each fact, the sentence(s)\n"
        if draft.language == "en"
        else "# as written (no rewording in this language); above each fact, the sentence(s)\n"
    )
    header = (
        f"# DRAFT from {article.url or article.title!r}, ingested {when}.\n"
        "# Not answered until a moderator approves it: python -m bot kb approve <this file>\n"
        "# (or one fact: kb approve <fact id>). The answers are the article's own sentences,\n"
        f"{how}"
        "# it comes from. Check each against them, and reword it in our words where you can.\n"
        f"# {len(draft.facts)} facts from {draft.sentences} sentences; {draft.merged} repeated "
        f"statement(s) merged, {draft.dropped} sentence(s) without a fact dropped.\n"
    )
    if draft.language != "en":
        name = LANGUAGE_NAMES.get(draft.language, draft.language)
        header += (
            f"# Language: {draft.language} ({name}): no questions but the headline's, if it is\n"
            "# one (a fact without questions is still found by its answer); add some.\n"
        )
    return header + text
