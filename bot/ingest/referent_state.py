"""What ``Referents`` knows of an article so far, read sentence by sentence: the people, bodies
and things it has named, the day it last named, and the event it is telling of.

One state for the parts that write out people (``people_referents``), events
(``event_referents``) and bodies and things (``thing_referents``): each reads what the others
learn (a body named in the lede, the last day named), so they share it rather than pass it.
"""

from __future__ import annotations

import datetime as dt

from bot.ingest import dates
from bot.ingest.article_context import ArticleContext
from bot.ingest.event_phrase import Event


class ReferentState:
    """The state ``Referents`` keeps between sentences, and the day relative days count from."""

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
        self._city: str | None = None
        """The city the article last said is one ("Comrat, Gagauzia's capital")."""
        self._named: list[tuple[str, str]] = []
        """Each thing named by a name before its noun, in article order, as its noun and the
        phrase naming it: ("statute", "the Rome Statute") (``kind_nouns``)."""
        self._apposed: dict[str, str] = {}
        """Things described in apposition, by their description: "two subsidiaries" ->
        "Lorva Mining and Lorva Services" (``appositives``)."""
        self.anchor: dt.date | None = None
        """The last day the article named (what "four days later" counts from)."""
        self.anchor_weekday = False
        self.told: dt.date | None = None
        """The last day the article named, kept when ``anchor`` is let go (a paragraph on
        another time): the year of the story being told (``dates.Anchored``)."""
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
        self._described = False
        """Has a person told of by description ("The older man ...") been the subject of a
        sentence since ``_last_people``? Then "He" may be that one: left alone."""
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

    def anchored(self) -> dates.Anchored:
        """The day the next sentence's relative days count from."""
        return {"anchor": self.anchor, "anchor_weekday": self.anchor_weekday, "told": self.told}
