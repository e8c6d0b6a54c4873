"""Writing out, sentence by sentence, what a sentence leans on.

"He" and "Her" at its start become the person last named, "both men" the two people last named,
"the floods" or "the conference" the main event ("the Kazakhstan floods", "the Baku climate
conference"), "the dam" the one the article introduced ("the Orsk dam"), "the country" the
country the article is about, and days counted from the publication ("on Monday", "four days
later") the calendar day. A sentence that still names nothing gets the event as a lead-in:
"In the Ganja flood of 14 May 2025, three people died ...".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from bot.core.folding import fold
from bot.ingest import dates, story_time
from bot.ingest.article_context import ArticleContext
from bot.ingest.entities import NOT_PERSON_WORDS, is_place_name
from bot.ingest.event_nouns import ANY_EVENT, MODIFIER_COMPOUNDS, PREPOSITION, SAME_EVENT, same_kind
from bot.ingest.event_phrase import Event
from bot.ingest.lexicon import FUNCTION_WORDS, is_topic_noun
from bot.ingest.named_things import named_things
from bot.ingest.people_names import (
    NOT_FIRST_NAMES,
    SENTENCE_OPENERS,
    TITLES,
    own_first_name,
)
from bot.ingest.ruling_party import ruling_party, written_out

_PAIR_OF_PEOPLE = re.compile(
    r"\b(?P<what>[Bb]oth men|[Bb]oth women|[Tt]he two men|[Tt]he two women|[Tt]he pair|"
    r"[Bb]oth of them)\b"
)
_SUBJECT_PRONOUN = re.compile(r"^(?P<pronoun>He|She)\s+(?=[a-z])")
# "On Monday he appeared ...", "For months she had accused ...", "By Saturday his fighters
# ...": the person after a short opening phrase of time or place. The opening holds no name
# but a month's or a day's, and no other pronoun or auxiliary ("After he left, he ...": two
# clauses; "Late on Sunday Sandu thanked his voters": his is Sandu's; "Only then did he ...":
# inverted, which the question generator cannot read), so only a phrase is skipped.
_LED_PRONOUN = re.compile(
    r"^(?P<lead>(?:In|On|For|Since|By|After|During|Until|Over|Within|At|Last|Earlier|Later|"
    r"Only|Then|Now|Late|Early|Days|Weeks|Months|Years|Hours)"
    r"(?:\s+(?!(?:he|she|it|they|his|her|was|were|had|has|is|did)\b)"
    rf"(?:[a-z\d][\w'-]*|{dates.MONTHS}|{dates.WEEKDAYS})){{0,5}}?,?\s+)"
    r"(?P<pronoun>he|she|his|her)\s+(?=[a-z])"
)
# "Only last year did he admit ...", "Not until May had she ...": the subject after an
# inverted auxiliary, which is written out like one after an opening phrase.
INVERTED = re.compile(
    r"^(?P<lead>(?:Only|Not until|Never|Rarely|Seldom)\b[^,]{0,40}?\s+)"
    r"(?P<aux>did|had|has|was|were|would|could)\s+(?P<pronoun>he|she)\s+(?=[a-z])"
)
# "Jan Braathu": a first and a last name, as a person's are written (no title, no "The").
_NAME_PAIR = re.compile(r"(?<![\w'-])[A-Z][a-z]+\s+[A-Z][a-z]+(?![\w'-])")
_POSSESSIVE_PRONOUN = re.compile(r"^(?P<pronoun>His|Her)\s+(?=[a-z])")
# "Under her, the country was granted ...": the person after an opening preposition.
_OBJECT_PRONOUN = re.compile(
    r"^(?P<lead>(?:Under|With|Without|For|Against|Like|Unlike|Before|After)\s+)"
    r"(?P<pronoun>him|her)(?=,)"
)
# "the <noun>" not followed by what makes it specific by itself ("the law on ...").
_DEFINITE = re.compile(
    r"\b(?P<det>[Tt]he)\s+(?P<noun>[a-z][a-z-]+)\b"
    r"(?!\s+(?:of|on|between|with|to|that|which|who|in which|for|against|by)\b)"
)
_INTRODUCED = re.compile(
    r"\b(?:an?|one)\s+(?:[a-z-]+\s+){0,2}(?P<noun>dam|bridge|plant|factory|mine|building|"
    r"hall|hospital|school|church|mosque|airport|port|station|pipeline|prison|camp|embassy|"
    r"consulate|office|court|ministry|market|theatre|theater|concert hall|stadium|base|"
    r"village|road|tunnel|border crossing|reservoir|levee|ship|ferry|train|bus|plane|"
    r"aircraft|helicopter|tanker|convoy)\b"
)
# "the emergencies ministry", "a Baku court", "Azerbaijan's defence ministry", "the Central
# Election Commission": a named body.
_BODY = re.compile(
    r"\b(?P<det>[Tt]he|an?|An?|[Ii]ts|[Tt]heir|[A-Z][\w-]*'s)\s+"
    r"(?P<modifiers>(?:(?:[A-Z][\w-]*|[a-z]{4,})\s+){1,3})"
    r"(?P<noun>ministry|Ministry|court|Court|committee|Committee|agency|Agency|council|Council|"
    r"commission|Commission)\b"
    # "the Permanent Court of Arbitration": its name goes on after the noun.
    r"(?P<of>\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})?"
)
# Lower-case words before a body's noun that say nothing of which body it is ("the same
# court", "a new ministry"), unlike a portfolio ("defence", "interior", "emergencies").
_NOT_BODY_MODIFIERS = frozenset(
    """same other another such whole entire former latter very only certain various
    different then this that these those""".split()
)


# A person meant by a role alone: "the president", not "the president of Turkey" (another one).
_ROLE = re.compile(
    r"\b[Tt]he\s+(?P<role>president|prime minister|governor|mayor|chancellor|speaker)\b"
    r"(?!\s+of\b)"
)


def _body_modifiers(modifiers: str) -> bool:
    """Do ``modifiers`` name which body it is: capitalised words, or lower-case words that are
    neither a determiner's kind ("same", "other") nor a verb or adverb form ("said",
    "reportedly")?"""
    for word in modifiers.split():
        if word[:1].isupper():
            continue
        if word in _NOT_BODY_MODIFIERS or word in FUNCTION_WORDS - _PORTFOLIO_WORDS:
            return False
        if word.endswith(("ed", "ing", "ly")):
            return False
    return True


# Words a body's name may hold that the general list of function words has.
_PORTFOLIO_WORDS = frozenset("foreign national international regional main general special".split())


# The main event by its day: "Sunday's vote", "the vote on Sunday".
_DAY_OWNS = re.compile(rf"\b(?P<day>{dates.WEEKDAYS})['’]s\s+(?P<noun>[a-z][a-z-]+)\b")
_EVENT_ON_DAY = re.compile(
    rf"\b[Tt]he\s+(?P<noun>[a-z][a-z-]+)\s+on\s+(?P<day>(?:{dates.WEEKDAYS})\b|\d{{1,2}}\s+(?:{dates.MONTHS})\b)"
)
_PLACE_AFTER = re.compile(r"\b(?:in|of|at|near|outside|on)\s+(?:the\s+)?(?P<place>[A-Z][\w'-]+)")
_COMPLEMENT_AFTER = re.compile(r"^\s+(?:of|on|between|with|to|that|which|who|for|against|by)\b")


TOPICAL_WORDS = 3
"""Another event named within a sentence's first words is what the sentence is about."""
BODY_SENTENCES = 1
"""A body named in passing ("its Constitutional Court") is what "the court" means for this many
sentences after the one naming it; then the story's own body is again."""
SPEAKER_SENTENCES = 3
"""A closing ", it said" means the body last named, if it was named within this many sentences
(a ministry's figures often run over two or three sentences before the last is attributed)."""
# ", it said." closing a sentence: the speaker is a body the sentences before named.
_IT_SAID = re.compile(r",\s+it\s+(?P<verb>said|says|added|adds|reported|reports|warned)(?=[.!]?$)")
OTHER_EVENT_DAYS = 14
"""A sentence dated this many days or fewer from another event the article is telling of (the
mutiny of 23 June, in a story about a crash in August) still tells of it."""


def _still_in(event: Event, day: dates.DateMention | None) -> bool:
    """Does a sentence on from one telling of ``event`` still tell of it? Undated, it does;
    dated, when its day is within ``OTHER_EVENT_DAYS`` of the event's (an event of no known
    day ends at the first dated sentence: nothing says it goes on)."""
    if day is None or day.date is None:
        return True
    if event.date is None:
        return False
    return abs((day.date - event.date).days) <= OTHER_EVENT_DAYS


class Referents:
    """Writes out what each sentence leans on, in article order (``resolve`` every sentence,
    statement or not, so that the people and days named in between are known)."""

    def __init__(self, context: ArticleContext) -> None:
        self.context = context
        self._people_seen: list[str] = []
        self._pronouns: dict[str, str] = {}
        """ "he" or "she", by each person a pronoun was written out as."""
        self._last_people: list[str] = []
        """The people the last sentence naming anyone names, in its order."""
        self._written_out: str | None = None
        """The person a pronoun opening the sentence being resolved was written out as: that
        sentence's subject, so the first person it names, though its words name others."""
        self._objects: dict[str, str] = {}
        self._named: dict[str, str] = {}
        """The last thing named by a name before its noun, by that noun: "statute" -> "the
        Rome Statute"."""
        self.anchor: dt.date | None = None
        """The last day the article named (what "four days later" counts from)."""
        self.anchor_weekday = False
        """Was ``anchor`` named with its weekday ("Friday, June 23")? Then the weekdays after
        it are days of its week (``dates.FLASHBACK_DAYS``)."""
        self._event_last = False
        self._bodies: dict[str, str] = {}
        """The last named body by its head noun: "ministry" -> "the emergencies ministry"."""
        self._body_at: dict[str, int] = {}
        """When (the count of sentences noted) each of ``_bodies`` was named."""
        self._lede_bodies: dict[str, str] = {}
        """The bodies the opening sentence names: the story's own ("the International Criminal
        Court"), what "the court" means once another court named in passing is left behind."""
        self._noted = 0
        self._ruling: str | None = None
        """The party the article named as ruling: what a later "the ruling party" is."""
        self._stranger = False
        """Has someone the article's people do not include ("Jan Braathu", not taken for a
        person) been named since ``_last_people``? Then "she" may be that one: left alone."""
        self._told_on = False
        """Was ``current`` named as what its sentence is about, so the next ones go on about it?"""
        """Did the sentence before name the main event (so "it" may be it)?"""
        self.current: Event | None = None
        """Another event the article is telling of now ("The mutiny began on June 23 ..." in
        a story about a crash in August): what the sentences that follow lean on, until one
        names the main event again or a day far from this one's."""
        self._introduced: Event | None = None
        """Another event the sentence before brought in to tell of it ("... came two weeks
        after a referendum in which voters ..."): what the next sentence goes on about."""
        self.elsewhere = False
        """Is the article telling of a time before the story's ("Renko first won the
        presidency in 2015."), until a sentence names the main event or one of its days?"""
        self.background = False
        """Does the sentence just resolved tell of another time than the story's (it or the
        sentences before it name one): it is set in neither the main event nor its place."""

    def _people_in(self, sentence: str) -> list[str]:
        found: list[tuple[int, str]] = []
        for name, full in self.context.people.items():
            for match in re.finditer(rf"\b{re.escape(name)}\b", sentence):
                found.append((match.start(), full))
        found.sort()
        return list(dict.fromkeys(full for _, full in found))

    def _role_holder(self, sentence: str) -> list[str]:
        """The one person a sentence naming nobody means by a role ("For the president the
        deal caps a long campaign."): whom the article titled so ("President Sadyr Japarov"),
        so that a "He" opening the next sentence is that person, not the last one named by
        name. None when no one, or several, bear the title."""
        match = _ROLE.search(sentence)
        if match is None:
            return []
        role = match["role"].lower()
        holders = [
            full
            for full, titled in self.context.titles.items()
            if titled.lower().startswith(f"{role} ") and titled != full
        ]
        return holders if len(holders) == 1 else []

    def anchored(self) -> dates.Anchored:
        """The day the next sentence's relative days count from."""
        return {"anchor": self.anchor, "anchor_weekday": self.anchor_weekday}

    def note(self, sentence: str) -> None:
        """Learn what ``sentence`` names: people, introduced things, the day."""
        people = self._people_in(sentence)
        if self._written_out is not None:
            people = [self._written_out, *(p for p in people if p != self._written_out)]
            self._written_out = None
        if not people:
            people = self._role_holder(sentence)
        stranger = self._names_a_stranger(sentence)
        if people:
            self._last_people = people
            self._stranger = stranger
        else:
            self._stranger = self._stranger or stranger
        for person in people:
            if person in self._people_seen:
                self._people_seen.remove(person)
            self._people_seen.append(person)
        for match in _INTRODUCED.finditer(sentence):
            place = _PLACE_AFTER.search(sentence)
            if place and place["place"] not in ("The",):
                self._objects.setdefault(match["noun"], place["place"])
        self._note_named(sentence)
        self._ruling = ruling_party(sentence) or self._ruling
        self._learn_event_day(sentence)
        self.anchor, self.anchor_weekday = dates.last_anchor(
            sentence, self.context.published, **self.anchored()
        )
        self._noted += 1
        for match in _BODY.finditer(sentence):
            modifiers = match["modifiers"].strip()
            if not modifiers or not _body_modifiers(modifiers):
                continue
            noun = match["noun"].lower()
            # "Azerbaijan's defence ministry" keeps whose it is: "the defence ministry" says
            # less, and another country's may be named in the same story.
            det = match["det"]
            dated = re.fullmatch(rf"(?:{dates.MONTHS}|{dates.WEEKDAYS})'s", det) is not None
            # (Not "Sunday's city council": a day owns nothing.)
            owner = det if det.endswith("'s") and not dated else "the"
            self._bodies[noun] = f"{owner} {modifiers} {match['noun']}{match['of'] or ''}"
            self._body_at[noun] = self._noted
            if self._noted == 1:
                self._lede_bodies.setdefault(noun, self._bodies[noun])
        event = self.context.event
        nouns = SAME_EVENT.get(event.preposition, set()) if event is not None else set()
        self._event_last = bool(nouns) and bool(
            re.search(rf"\b(?:{'|'.join(re.escape(n) for n in sorted(nouns))})\b", sentence)
        )

    def _note_named(self, text: str) -> None:
        """Learn the things ``text`` names by a name before their noun ("the Rome Statute",
        "the Turkish-Russian joint monitoring centre"), not the event (written out by its own
        rule), people or titles."""
        for noun, phrase in named_things(text):
            words = phrase.split()[1:]
            if (
                noun in PREPOSITION
                or noun in ANY_EVENT
                or words[0] in SENTENCE_OPENERS
                or TITLES.match(" ".join(words[:-1]) + " ")
                or any(w in self.context.people for w in words)
            ):
                continue
            self._named[noun] = phrase

    def _learn_event_day(self, sentence: str) -> None:
        """ "Turnout in Sunday's vote was 85.7%", "the crash on Wednesday": the day of a
        one-off main event whose headline and lede gave none, when a sentence names the event
        by it."""
        event = self.context.event
        if event is None or event.date is not None or not self.context.one_off:
            return
        published = self.context.published
        for mention in dates.mentions(sentence, published, **self.anchored()):
            if mention.date is None or mention.precision != "day" or mention.deadline:
                continue
            if published is not None and mention.date > published:
                continue
            owned = re.match(r"['’]s\s+([a-z-]+)(?:\s+([a-z]+))?", sentence[mention.end :])
            of = re.search(r"\bthe\s+([a-z]+)\s+(?:on|of)\s+$", sentence[: mention.start])
            nouns = [n for m in (owned, of) if m is not None for n in m.groups() if n]
            if any(event.refers_back(noun) for noun in nouns):
                event.date = mention.date
                event.month = f"{mention.date.strftime('%B')} {mention.date.year}"
                return

    def _names_main(self, text: str) -> bool:
        """Does ``text`` name the main event ("the runoff", "the Lestria vote"), not only
        others with it ("both votes", "a referendum")?"""
        main = self.context.event
        if main is None:
            return False
        if main.named_in(text):
            return True
        for match in re.finditer(r"[A-Za-z][\w-]*", text):
            if not main.refers_back(match.group().lower()):
                continue
            if not re.search(
                r"\b(?:[Bb]oth|[Tt]wo|[Aa]ll|an?|[Aa]nother)\s+$", text[: match.start()]
            ):
                return True
        return False

    def _place_in_time(self, text: str) -> None:
        """Follow the article into a time before the story's and back (``elsewhere``), and
        say whether ``text`` tells of another time (``background``)."""
        if self._noted == 0:
            self.elsewhere = self.background = False
            return  # the opening sentence is the story's own
        published = self.context.published
        standing = story_time.standing(text, self.context.days(), published, **self.anchored())
        if standing is story_time.Standing.OTHER:
            self.elsewhere = True
            days = [m for m in dates.mentions(text, published, **self.anchored())
                    if m.precision == "day"]  # fmt: skip
            if not days and self.current is None:
                # "Shor was sentenced last year ...": "that day" after it is no longer the
                # last day the article named (another event told of keeps its own days)
                self.anchor = None
        elif standing is story_time.Standing.STORY or self._names_main(text):
            self.elsewhere = False
        self.background = (
            self.elsewhere
            or standing is story_time.Standing.ASIDE
            or story_time.told_before(text, published)
        )

    @property
    def event(self) -> Event | None:
        """The event a sentence leaning on its context is set in: the one told of now."""
        return self.current or self.context.event

    def _switch(self, text: str) -> None:
        """Follow the article from one event to another: a sentence naming an event of
        another kind than the main one ("the mutiny", "a referendum"), and not the main one,
        starts telling of it; naming the main event again, or a day far from the other
        event's, goes back. Only for events ("In"): talks and laws have no other events."""
        main = self.context.event
        told = self.current
        if told is None and self._introduced is not None:
            told, self._told_on = self._introduced, True
            self.anchor = None  # its day is not the last day the article named
        self._introduced = None
        self.current = None
        if main is None or main.preposition != "In":
            return
        names_main = False
        other: str | None = None
        topical = brought_in = False
        for match in re.finditer(r"[A-Za-z][\w-]*", text):
            noun = match.group().lower()
            if noun not in PREPOSITION or PREPOSITION[noun] != "In" or noun in ANY_EVENT:
                continue
            following = text[match.end() :]
            after = re.match(r"\s+([a-z]+)", following)
            if after is not None and f"{noun} {after.group(1)}" in MODIFIER_COMPOUNDS:
                continue  # "war crimes", "election commission": no event
            if re.match(r"\s+(?:in|with|against|on)\s+[A-Z]", following):
                continue  # "the war in Ukraine": a background the sentence mentions
            before = text[: match.start()]
            if re.search(r"\b(?:[Bb]oth|[Tt]wo|[Aa]ll)\s+$", before):
                continue  # "Both votes were overshadowed ...": the main event and others
            if main.refers_back(noun):
                names_main = True
                continue
            if not re.search(r"\b(?:[Tt]he|an?|An?)\s+(?:[a-z][\w-]*\s+)?$", before) or re.match(
                r"\s+of\b", following
            ):
                continue  # "set it on fire", "the evacuation of villages": no event told of
            if other is None:
                other = noun
                # "The mutiny began ...", "Hours after the referendum, ...": the sentence is
                # about that event, which the sentences after it go on about; one named late,
                # in passing ("..., after a storm dumped ..."), is not told of further,
                # unless brought in to be told of ("... after a referendum in which voters
                # backed ...": a new event, and what is said of it).
                brought_in = bool(
                    re.search(r"\b(?:an?|An?)\s+(?:[a-z][\w-]*\s+)?$", before)
                    and re.match(r"\s+(?:in which|at which|which|that|where|when)\b", following)
                )
                topical = len(before.split()) <= TOPICAL_WORDS or brought_in
        day = dates.event_date(text, self.context.published, spoken=False, **self.anchored())
        if other is not None and names_main and brought_in:
            # "The runoff came two weeks after a referendum in which ...": about the main
            # event, but the next sentence goes on about the other one.
            self._introduced = self._other_event(other, text, None)
        if other is not None and not names_main:
            self.current = self._other_event(other, text, day)
            # "Putin called the uprising treason" while telling of the mutiny: named in
            # passing, but the one being told of all the same.
            going_on = told is not None and self._told_on and same_kind(other, told.noun)
            if self.current.date is None and not going_on:
                self.anchor = None  # its day is not the last day the article named
            self._told_on = topical or going_on
        elif (
            told is not None
            and self._told_on
            and not names_main
            # The day something was said counts too: "Investigators said on September 9 ..."
            # is back in the story's own days.
            and _still_in(told, dates.event_date(text, self.context.published, **self.anchored()))
        ):
            # "The mutiny began on June 23 ... Armoured columns then drove north ...": the
            # sentences after one telling of another event go on telling of it, undated or
            # dated within its days, until one names the main event or a day far from it.
            self.current = told if told.carried else dataclasses.replace(told, carried=True)

    def _headline_land(self) -> str | None:
        """The place the main event is named after, when the headline opens on it
        ("Uzbekistan sets snap presidential vote ..."): the land the story is about, which
        its other events happen in as well (not a city it happens in: "the Moscow crash")."""
        main = self.context.event
        if main is None or not main.modifiers or main.modifiers != self.context.place:
            return None
        first = re.match(r"\W*([A-Z][\w-]*?)(?:'s)?\b", self.context.title)
        return main.modifiers if first is not None and first.group(1) == main.modifiers else None

    def _other_event(self, noun: str, text: str, day: dates.DateMention | None) -> Event:
        """ "the Wagner mutiny": the event named after a non-person name the sentence shares
        with the headline, else after the main event's place; dated by the sentence."""
        main = self.context.event
        persons = {w for full in self.context.people.values() for w in full.split()}
        title_words = {re.sub(r"'s$", "", w) for w in re.findall(r"[\w'-]+", self.context.title)}
        modifiers = ""
        for word in re.findall(r"(?<=\s)[A-Z][\w-]+", text):
            bare = re.sub(r"'s$", "", word)
            if bare in title_words and bare not in persons and bare not in SENTENCE_OPENERS:
                modifiers = bare
                break
        if not modifiers:
            # "the Moldova referendum" in a story about Moldova's election; not "the Moscow
            # mutiny" after the city a story happens in.
            modifiers = self.context.country or self._headline_land() or ""
        event = Event(noun, modifiers, place=main.place if main is not None else None)
        if day is not None and day.date is not None and day.precision == "day":
            event.date = day.date
            event.month = f"{day.date.strftime('%B')} {day.date.year}"
        return event

    def resolve(self, text: str) -> str:
        """``text`` with its referents written out; call ``note`` on the sentence after."""
        self._switch(text)
        self._place_in_time(text)
        text = self._people(text)
        text = self._full_names(text)
        text = written_out(text, self._ruling)
        text = self._definites(text)
        text = self._object_it(text)
        text = self._it_said(text)
        return dates.absolute(text, self.context.published, **self.anchored())

    def _names_a_stranger(self, sentence: str) -> bool:
        """Does ``sentence`` name, after its first word, a first and last name not among the
        article's people ("..., Jan Braathu, said")?"""
        known = {w for full in self.context.people.values() for w in full.split()}
        for match in _NAME_PAIR.finditer(sentence):
            words = match.group().split()
            if match.start() == 0 or set(words) & known:
                continue
            if (
                words[1] in NOT_PERSON_WORDS  # "Defence Ministry"
                or words[0] in NOT_FIRST_NAMES | SENTENCE_OPENERS  # "South Caucasus"
                or any(TITLES.match(f"{w} ") for w in words)  # "Defence Minister"
                or any(is_place_name(w) for w in words)  # "Lake Sevan", "New York"
            ):
                continue
            return True
        return False

    def _people(self, text: str) -> str:
        seen = self._people_seen
        match = _PAIR_OF_PEOPLE.search(text)
        if match and len(seen) >= 2:
            pair = f"{seen[-2]} and {seen[-1]}"
            text = f"{text[: match.start()]}{pair}{text[match.end() :]}"
        if seen:
            subject = _SUBJECT_PRONOUN.match(text)
            led = _LED_PRONOUN.match(text)
            inverted = INVERTED.match(text)
            # The first person the sentence before named, its subject as a rule: "X, a
            # businessman, was nicknamed Putin's chef. Only last year did he ..." is X.
            first = self._last_people[0] if self._last_people else seen[-1]
            if inverted and not self._stranger:
                who = self._who(inverted["pronoun"], first)
                if who is not None:
                    self._written_out = who
                    titled = self.context.titles.get(who, who)
                    text = f"{inverted['lead']}{inverted['aux']} {titled} {text[inverted.end() :]}"
            elif subject:
                who = self._who(subject["pronoun"], seen[-1])
                if who is not None:
                    self._written_out = who
                    text = f"{self.context.titles.get(who, who)} {text[subject.end() :]}"
            elif led and not self._stranger:
                who = self._who(led["pronoun"], first)
                if who is not None:
                    self._written_out = who
                    if led["pronoun"] in ("his", "her"):
                        # "By Saturday his fighters held ...": whose, by name.
                        text = f"{led['lead']}{who}'s {text[led.end() :]}"
                    else:
                        text = (
                            f"{led['lead']}{self.context.titles.get(who, who)} {text[led.end() :]}"
                        )
            governed = _OBJECT_PRONOUN.match(text)
            if governed and not self._stranger:
                who = self._who(governed["pronoun"], first)
                if who is not None:
                    text = f"{governed['lead']}{who}{text[governed.end() :]}"
            possessive = _POSSESSIVE_PRONOUN.match(text)
            if possessive and (who := self._who(possessive["pronoun"], seen[-1])) is not None:
                text = f"{who}'s {text[possessive.end() :]}"
        return text

    def _who(self, pronoun: str, preferred: str) -> str | None:
        """The person ``pronoun`` stands for: ``preferred``, unless the article has called
        that person by the other pronoun ("For years she had asked ... Only in August did he
        admit ..." is not her), then the last one named it has not; None if there is none."""
        said = "she" if pronoun.lower() in ("she", "her") else "he"
        for person in (preferred, *reversed(self._people_seen)):
            if self._pronouns.get(person, said) == said:
                self._pronouns[person] = said
                return person
        return None

    def _full_names(self, text: str) -> str:
        """ "Tokayev has criticised ..." -> "President Kassym-Jomart Tokayev has criticised
        ...": the first time a sentence names someone by surname alone, the full name (with
        the title, unless an aside says who the person is: "Zourabichvili, a pro-European
        president" -> "Salome Zourabichvili, a pro-European president")."""
        for short, full in self.context.people.items():
            if short == full or full in text or short.isupper():
                continue
            match = re.search(rf"(?<![\w-]){re.escape(short)}\b(?!\s+[A-Z])", text)
            if match is None:
                continue
            before = text[: match.start()]
            if re.search(r"\b(?:[Tt]he|an?)\s+$", before):
                continue  # "the Putin warrant": the name qualifies a noun, no one is meant
            if own_first_name(before):
                continue  # "lawmaker Akylbek Japarov": another person of the same surname
            aside = re.match(r"\s*(?:'s\s+)?,?\s*(?:a|an|the)\s", text[match.end() :])
            titled = re.search(r"(?:^|\s)(?:[A-Z][\w-]*\s+)$", before) is not None
            name = full if aside or titled else self.context.titles.get(full, full)
            text = f"{before}{name}{text[match.end() :]}"
        return text

    def _object_it(self, text: str) -> str:
        """ "vetoed it" -> "vetoed Georgia's ... law", in an article about a law, when the
        sentence does not name the law already."""
        event = self.context.event
        if event is None or event.preposition != "Under" or event.phrase() in text:
            return text
        match = re.search(r"\b(?P<verb>[a-z]+ed|signed|passed|adopted) it\b", text)
        if match is None or not self._event_last:
            return text
        return f"{text[: match.start()]}{match['verb']} {event.phrase()}{text[match.end() :]}"

    def _it_said(self, text: str) -> str:
        """ "Some 10,000 hectares were flooded, it said." -> "..., Ukraine's agriculture
        ministry said.": the body named last, within ``SPEAKER_SENTENCES``; left as it is when
        none was."""
        match = _IT_SAID.search(text.rstrip())
        if match is None or not self._body_at:
            return text
        noun = max(self._body_at, key=lambda n: self._body_at[n])
        if self._noted - self._body_at[noun] > SPEAKER_SENTENCES:
            return text
        return f"{text[: match.start()]}, {self._bodies[noun]} {match['verb']}{text[match.end() :]}"

    def _body(self, noun: str) -> str | None:
        """What "the <noun>" ("the court") means: the body last named, within a sentence or
        two; after that the story's own one, which its opening sentence named ("its
        Constitutional Court found ...; the government sent the treaty back to the court ..."
        is that court; three sentences on, "Armenia needed the court" is the ICC again)."""
        recent = self._noted - self._body_at.get(noun, -BODY_SENTENCES) < BODY_SENTENCES
        if noun in self._bodies and (recent or noun not in self._lede_bodies):
            return self._bodies[noun]
        return self._lede_bodies.get(noun)

    def _dated_event(self, text: str, event: Event) -> tuple[str, bool]:
        """ "Turnout in Sunday's vote", "turnout in the vote on Sunday" -> "turnout in the
        Lestria vote on Sunday": the event named by its day is the main one, written out in
        place, so the sentence names it and needs no lead-in repeating it ("In the Lestria
        vote, turnout in the vote on Sunday ..."). Whether it was done."""
        match = _DAY_OWNS.search(text) or _EVENT_ON_DAY.search(text)
        if match is None or not event.refers_back(match["noun"]):
            return text, False
        if story_time.earlier_in(
            text[: match.start()], self.context.days(), self.context.published
        ):
            return text, False
        phrase = event.phrase(match["noun"])
        if match.start() == 0:
            phrase = phrase[0].upper() + phrase[1:]
        written = f"{phrase} on {match['day']}"
        return f"{text[: match.start()]}{written}{text[match.end() :]}", True

    def _definites(self, text: str) -> str:
        event = self.event
        folded = set(fold(text).split())
        if event is None or (self.elsewhere and self.current is None):
            # "The opposition said the result was rigged" after "The last election, in
            # August 2020, ...": that result, not the main event's.
            done_event = True
        elif event.key_names:
            done_event = event.named_in(text)
        else:
            done_event = bool(event.names & folded) or event.phrase() in text
        if not done_event and event is not None:
            text, done_event = self._dated_event(text, event)
        done_object: set[str] = set()
        out: list[str] = []
        last = 0
        for match in _DEFINITE.finditer(text):
            noun = match["noun"]
            replacement: str | None = None
            if (
                not done_event
                and event is not None
                and event.refers_back(noun)
                # "the 2020 protests, when crowds filled the streets after the vote": that
                # year's vote, not the main event
                and not story_time.earlier_in(text[: match.start()], self.context.days(),
                                              self.context.published)
            ):  # fmt: skip
                next_word = re.match(r"\s+([a-z]+)\b", text[match.end() :])
                compound = next_word is not None and (
                    next_word.group(1) not in FUNCTION_WORDS and is_topic_noun(next_word.group(1))
                )
                # Another event told of is named by its own noun: "the vote" in a story about
                # a runoff, told of the referendum before it, is "the Moldova referendum".
                own = event is self.current and noun in ANY_EVENT
                phrase = event.phrase(None if own else noun, compound=compound)
                replacement = phrase[0].upper() + phrase[1:] if match["det"] == "The" else phrase
                done_event = True
            elif (
                not done_event
                and event is not None
                and event.place
                and event.determiner == ""
                and noun == event.noun
                and _COMPLEMENT_AFTER.match(text[match.end() :])
            ):
                # "The law on transparency ..." -> "Georgia's law on transparency ..."
                replacement = f"{event.place}'s {noun}"
                done_event = True
            elif (body := self._body(noun)) is not None and noun not in done_object:
                # Written out once in each sentence that leans on it, not only the first: each
                # sentence is a fact of its own ("Russia does not recognise the court's
                # authority", three sentences after the court was named).
                if body.lower() not in text.lower():
                    replacement = body[0].upper() + body[1:] if match["det"] == "The" else body
                done_object.add(noun)
            elif noun in self._objects and noun not in done_object:
                place = self._objects[noun]
                if place.lower() not in folded:
                    replacement = f"{match['det']} {place} {noun}"
                done_object.add(noun)
            elif noun in self._named and noun not in done_object:
                # "The statute entered into force ..." after "the Rome Statute": written out
                # once in each sentence, for each is a fact of its own.
                named = self._named[noun]
                if named.lower() not in text.lower():
                    replacement = named[0].upper() + named[1:] if match["det"] == "The" else named
                done_object.add(noun)
            elif noun == "country" and self.context.country and match.end() < len(text):
                following = text[match.end() :]
                if following.startswith("'s") or not _COMPLEMENT_AFTER.match(following):
                    replacement = self.context.country
            if replacement is not None:
                out.append(text[last : match.start()] + replacement)
                last = match.end()
        out.append(text[last:])
        return "".join(out)
