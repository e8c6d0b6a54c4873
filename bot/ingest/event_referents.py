"""Following the article from its main event to another it tells of and back, and into a time
before the story's: what "the vote" or "the mutiny" means in each sentence, and whether the
sentence tells of another time (then it is set in neither the main event nor its place).
"""

from __future__ import annotations

import dataclasses
import re

from bot.ingest import dates, story_time
from bot.ingest.event_nouns import ANY_EVENT, MODIFIER_COMPOUNDS, PREPOSITION, same_kind
from bot.ingest.event_phrase import Event
from bot.ingest.people_names import SENTENCE_OPENERS
from bot.ingest.referent_state import ReferentState

# The main event by its day: "Sunday's vote", "the vote on Sunday".
_DAY_OWNS = re.compile(rf"\b(?P<day>{dates.WEEKDAYS})['’]s\s+(?P<noun>[a-z][a-z-]+)\b")
_EVENT_ON_DAY = re.compile(
    rf"\b[Tt]he\s+(?P<noun>[a-z][a-z-]+)\s+on\s+(?P<day>(?:{dates.WEEKDAYS})\b|\d{{1,2}}\s+(?:{dates.MONTHS})\b)"
)


# The main event as a sentence's subject, with a verb of taking place.
_HAPPENED_SUBJECT = re.compile(
    r"^The\s+(?:[A-Za-z-]+\s+){0,2}?([a-z-]+)\s+"
    r"(?:came|happened|occurred|struck|hit|took\s+place|went\s+off|began|started)\b"
)


TOPICAL_WORDS = 3
"""Another event named within a sentence's first words is what the sentence is about."""


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


class EventReferents(ReferentState):
    """The event each sentence is set in, as ``Referents`` follows the article."""

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
            # "The blast came at about 6:07 a.m. last Saturday, 8 October": the event is
            # the sentence's subject, and when it happened is what the sentence says.
            told = _HAPPENED_SUBJECT.match(sentence)
            nouns = [n for m in (owned, of, told) if m is not None for n in m.groups() if n]
            if any(event.refers_back(noun) for noun in nouns):
                event.date = mention.date
                event.when_told = dates.month_and_year(mention.date)
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
        if main is None or main.preposition != "In" or main.from_headline_verb:
            return  # (an event read from a headline's verb is told of only by its own nouns)
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
            event.when_told = dates.month_and_year(day.date)
        return event

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
