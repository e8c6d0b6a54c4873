"""The article's main event as a phrase facts can be set in ("In the Ganja flood of 14 May
2025, ...") and the tests of whether a later sentence names or refers back to it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.core.folding import fold
from bot.ingest import dates
from bot.ingest.event_nouns import ANY_EVENT, POINT_EVENT, PREPOSITION, SAME_EVENT, same_kind
from bot.ingest.lexicon import FUNCTION_WORDS

# What a law's own provisions say: "must register", "face fines", "requires".
_RULE = re.compile(
    r"\b(?:must|may|can|cannot|shall|face|faces|require|requires|allow|allows|ban|bans|"
    r"oblige|obliges|apply|applies|forbid|forbids|has been given|have been given)\b"
)


@dataclass(slots=True)
class Event:
    """The article's main event as a phrase facts can be set in."""

    noun: str
    modifiers: str
    """What comes before the noun: "Kazakhstan", "Baku climate", 'Georgia's "foreign influence"'."""
    determiner: str = "the"
    date: dt.date | None = None
    """The day of a point event (a flood, an attack) when the headline or lede gives it."""
    when_told: str | None = None
    """When the event was, as words a fact set in it can carry ("In the vote of June 2021"):
    a month and year ("June 2021") from the day the lede or the publication gives, or a year
    alone ("2018", "2023") when the headline or lede tells of an earlier event only by its
    year ("over the 2018 fire", "last year's vote"), since a month guessed for it would be a
    wrong date approved unchanged (``event_time``). None when the article gives no time a
    reader could date the event by."""
    place: str | None = None
    alias: str | None = None
    """The event's own name when the headline or lede gives one ("COP29", "MH17"): what
    readers call it, so every fact set in the event says it."""
    carried: bool = False
    """Told of by a sentence before, not by this one (``Referents``): the sentence is about it,
    so it is not set in the main event, but it is not led in with this one either."""
    own_preposition: str | None = None
    """How a fact is set in an event named by a noun of no class (``event_nouns``), read from
    a headline's verb ("At Gutsul's sentencing")."""
    kin: frozenset[str] = frozenset()
    """For such an event, the nouns a later "the <noun>" refers to it by ("the sentence")."""
    one_day: bool = True
    """Its day, when known, is the whole event's, as a crash's is; False for an event read from
    what the article keeps returning to (``body_event``): its day is when it began, and a
    fact set in it is set in its month ("In the Tarsk assault of August 2024")."""

    @property
    def preposition(self) -> str:
        return self.own_preposition or PREPOSITION.get(self.noun, "In")

    @property
    def from_headline_verb(self) -> bool:
        """Read from a headline's verb (``headline_event``), not named by an event noun: only
        such an event brings a preposition of its own."""
        return self.own_preposition is not None

    def phrase(self, noun: str | None = None, *, compound: bool = False) -> str:
        """ "the Kazakhstan floods"; with ``noun``, the same modifiers before another noun
        ("the Kazakhstan flooding", "the Baku climate conference"). With a name of its own,
        the name leads and the place follows: "the COP29 climate talks in Baku" (not when
        another noun follows, ``compound``: "the COP29 climate conference presidency")."""
        if self.alias:
            rest = [w for w in self.modifiers.split() if w != self.place]
            words = [self.determiner, self.alias, *rest, noun or self.noun]
            if self.place and self.place in self.modifiers.split() and not compound:
                words += ["in", self.place]
            return " ".join(w for w in words if w)
        words = [self.determiner, self.modifiers, noun or self.noun]
        return " ".join(w for w in words if w)

    def short(self) -> str:
        """The event as questions name it: "COP29 in Baku", else the whole phrase."""
        if self.alias:
            return f"{self.alias} in {self.place}" if self.place else self.alias
        return self.phrase()

    @property
    def names(self) -> set[str]:
        """Folded words of the phrase's names: a sentence naming one of them names the event."""
        return {
            w
            for w in fold(f"{self.alias or ''} {self.modifiers}").split()
            if w not in FUNCTION_WORDS and w not in ("s", "the")
        }

    @property
    def key_names(self) -> set[str]:
        """What a fact must say to be set in the event. For a talk or a disaster, one of its
        names ("Baku", "COP29", "Kazakhstan"; not "climate", which any climate fact says); for
        a law, what tells it from other laws ("foreign", "influence"), all of them."""
        if self.preposition == "Under":
            return self.names
        capitalised = " ".join(
            w for w in [self.alias or "", *self.modifiers.split()] if w[:1].isupper()
        )
        return {w for w in fold(capitalised).split() if w not in ("s", "the")} or self.names

    def named_in(self, text: str) -> bool:
        """Does ``text`` name the event (its key names; "Kazakh" names Kazakhstan)?"""
        if self.phrase() in text:
            return True
        words = set(fold(text).split())
        keys = self.key_names
        if not keys:
            return False

        def found(key: str) -> bool:
            return any(
                w == key or (len(w) >= 5 and len(key) >= 5 and (key.startswith(w) or
                                                              w.startswith(key)))
                for w in words
            )  # fmt: skip

        if self.preposition == "Under":
            return all(found(k) for k in keys)
        if self.alias and found(fold(self.alias)):
            return True
        if self.preposition == "In":
            # A place names a disaster only with the disaster: "The worst-hit regions include
            # ... West Kazakhstan" is not yet about the floods.
            # ("states of emergency" or "evacuation" do not say which disaster.)
            said = any(
                w.startswith(self.noun.rstrip("s"))
                or w in ("disaster", "tragedy", "catastrophe")
                or (w in PREPOSITION and self.refers_back(w) and w not in ANY_EVENT)
                or w in self.kin
                for w in words
            )
            return said and any(found(k) for k in keys)
        return any(found(k) for k in keys)

    def lead_in(self, statement: str = "", *, dated: bool = False, after: bool = False) -> str:
        """ "In the Ganja flood of 14 May 2025", "At the Baku climate talks in November 2024";
        for a law, "Under Georgia's ... law" when ``statement`` says what the law does
        ("groups ... face fines"), else the place ("In Georgia"). With ``after``, of what
        followed a one-off event: "After the Ganja flood"."""
        if after:
            return f"After {self.phrase()}"
        head = f"{self.preposition} {self.phrase()}"
        if self.preposition == "Under":
            if not _RULE.search(statement):
                # Not what the law says but what was done or said about it: "Over
                # Georgia's ... law, police broke up ...", which names the law all the same.
                return f"Over {self.phrase()}"
            return head
        if dated:
            return head  # the statement gives its own day
        if (
            self.preposition == "In"
            and self.date is not None
            and self.noun in POINT_EVENT
            and self.one_day
        ):
            return f"{head} of {dates.spell(self.date)}"
        if self.when_told:
            return f"{head} {'of' if self.preposition == 'In' else 'in'} {self.when_told}"
        return head

    def refers_back(self, noun: str) -> bool:
        """Can "the <noun>" in a later sentence mean this event?"""
        if noun == self.noun:
            return True
        if self.from_headline_verb:
            return noun in self.kin  # "the sentence" is Gutsul's; "the meeting" is not
        same = SAME_EVENT.get(self.preposition, set())
        if self.preposition == "In":
            # "the protests" in the unrest; not "the mutiny" in a story about a crash.
            return noun in same and same_kind(noun, self.noun)
        if noun in same:
            # "the floods" and "the flooding" are the flood; "the disaster" any bad event.
            return True
        return noun.rstrip("s") == self.noun.rstrip("s")
