"""Writing out, sentence by sentence, what a sentence leans on.

"He" and "Her" at its start become the person last named, "both men" the two people last named,
"the floods" or "the conference" the main event ("the Kazakhstan floods", "the Baku climate
conference"), "the dam" the one the article introduced ("the Orsk dam"), "the country" the
country the article is about, "the two subsidiaries" the things the article so described
("Lorva Mining and Lorva Services, the two subsidiaries that ..."), and days counted from the
publication ("on Monday", "four days later") the calendar day. A sentence that still names
nothing gets the event as a lead-in: "In the Ganja flood of 14 May 2025, three people died ...".
"""

from __future__ import annotations

import re

from bot.ingest import appositives, dates
from bot.ingest.event_nouns import SAME_EVENT
from bot.ingest.people_referents import PeopleReferents
from bot.ingest.ruling_party import ruling_party, written_out
from bot.ingest.thing_referents import BODY, INTRODUCED, PLACE_AFTER, ThingReferents, body_modifiers


# The writing out is split by what it writes out: people (``people_referents``), the event a
# sentence is set in (``event_referents``), bodies and things (``thing_referents``), all on one
# state (``referent_state``), since each reads what the others learn. This class holds what
# noting a sentence learns and the order ``resolve`` runs them in: the event first, for "the
# vote" is the event being told of now.
class Referents(ThingReferents, PeopleReferents):
    """Writes out what each sentence leans on, in article order (``resolve`` every sentence,
    statement or not, so that the people and days named in between are known)."""

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
            self._described = False
        else:
            self._stranger = self._stranger or stranger
            self._described = self._described or self._describes_someone(sentence)
        for person in people:
            if person in self._people_seen:
                self._people_seen.remove(person)
            self._people_seen.append(person)
        for match in INTRODUCED.finditer(sentence):
            place = PLACE_AFTER.search(sentence)
            if place and place["place"] not in ("The",):
                self._objects.setdefault(match["noun"], place["place"])
        self._note_named(sentence)
        self._apposed.update(appositives.described_things(sentence, self.context.person_names))
        self._note_city(sentence)
        self._ruling = ruling_party(sentence) or self._ruling
        self._learn_event_day(sentence)
        self.anchor, self.anchor_weekday = dates.last_anchor(
            sentence, self.context.published, **self.anchored()
        )
        self.told = self.anchor or self.told
        self._noted += 1
        for match in BODY.finditer(sentence):
            modifiers = match["modifiers"].strip()
            if not modifiers or not body_modifiers(modifiers):
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

    def resolve(self, text: str) -> str:
        """``text`` with its referents written out; call ``note`` on the sentence after."""
        self._switch(text)
        self._place_in_time(text)
        text = self._people(text)
        text = self._roles(text)
        text = self._full_names(text)
        text = written_out(text, self._ruling)
        text = appositives.written_out(text, self._apposed)
        text = self._definites(text)
        text = self._the_city(text)
        text = self._object_it(text)
        text = self._it_said(text)
        return dates.absolute(text, self.context.published, **self.anchored())
