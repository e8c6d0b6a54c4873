"""What an article is about, so that each fact drafted from it can stand on its own.

``ArticleContext`` holds the article's main event (found by ``main_event``), its main place and
the event's day or month, and the people it names (``people_names``): "President Kassym-Jomart
Tokayev", later just "Tokayev". ``names_something`` asks whether a sentence already names
anything a reader can place, or needs the event as a lead-in.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from bot.ingest import dates, event_time, story_time
from bot.ingest.body_event import body_event, day_begun
from bot.ingest.entities import EntityIndex, is_place_name, raw_entities
from bot.ingest.event_nouns import is_point_event
from bot.ingest.event_phrase import Event
from bot.ingest.headline_event import verb_event
from bot.ingest.main_event import event_alias, event_in
from bot.ingest.people_names import article_people
from bot.ingest.sentences import strip_dateline


@dataclass(slots=True)
class ArticleContext:
    """The article's main event, place and day, and the people it names."""

    event: Event | None
    place: str | None
    country: str | None
    published: dt.date | None
    people: dict[str, str] = field(default_factory=dict)
    """Full name ("Kassym-Jomart Tokayev") by each way the article names the person."""
    titles: dict[str, str] = field(default_factory=dict)
    """The full name with the title the article first gives it ("President Kassym-Jomart
    Tokayev"), by full name: a fact naming "Tokayev" alone says who he is."""
    title: str = ""

    @classmethod
    def build(
        cls,
        title: str,
        sentences: list[str],
        entities: EntityIndex,
        published: dt.date | None,
    ) -> ArticleContext:
        names = {w for e in entities.counts for w in re.split(r"[\s-]", e)} | set(entities.counts)
        people, titles = article_people([title, *sentences], entities)
        place = _main_place(title, sentences, entities, people)
        # An adjective of a place is a name too: "rebuild Crimean bridge after truck blast" is
        # the Crimean bridge blast, not a blast in the country the headline names first. The
        # main place's own ("Kyrgyz parliament passes media law") is that place, already said.
        names |= entities.written_names() - set(entities.demonyms(place or ""))
        lede = strip_dateline(sentences[0]) if sentences else ""
        # "crashed north of Moscow ... came down in the Tver region": the Tver crash; with no
        # region named, the headline's own word for it ("the jet crash"), never Moscow's.
        away = _away_from(place, sentences[:2])
        placed = _placed_in(sentences[:2], names, place) if away else None
        event = (
            event_in(title, names, placed or place, place_away=away and placed is None)
            or event_in(lede, names, place, named_only=True)
            or verb_event(title, names, people, lede, place)
        )
        if event is None:
            # Read from the whole article, the event is not the headline's news: no day or
            # month of the headline's or lede's is its.
            persons = set(people) | set(people.values())
            town = place if place and not is_place_name(place) else None
            if town is not None and not _written_as_place(town, " ".join(sentences)):
                town = None
            event = body_event(title, sentences, names, persons, placed or place, town)
            if event is not None:
                event.place = place
                event.date = day_begun(event, sentences, published)
                if event.date is not None:
                    event.when_told = dates.month_and_year(event.date)
        else:
            earlier = event_time.told_earlier(title, lede, event, published)
            if earlier is not None:
                # The headline or lede tells of the event as of another time ("over the 2018
                # fire", "last month's election", "a week after the vote"): its day is not
                # the news's, so it has none until a sentence gives it, and at most the year
                # or month the article says.
                event.when_told = earlier.when
            else:
                day = dates.event_date(lede, published, spoken=False) or dates.event_date(
                    title, published, spoken=False
                )
                if day is not None and day.date is not None and day.precision == "day":
                    event.date = day.date
                    event.when_told = dates.month_and_year(day.date)
                else:
                    event.when_told = event_time.month_of_news(title, lede, event, published)
            event.place = place
            event.alias = event_alias(title, lede, event)
        return cls(event, place, _country(entities, place), published, people, titles, title)

    def person(self, name: str) -> str | None:
        return self.people.get(name)

    @property
    def person_names(self) -> set[str]:
        """Every way the article writes one of its people, short or full ("Tokayev",
        "Kassym-Jomart Tokayev"): a name among these is a person's, not a thing's or a body's."""
        return set(self.people) | set(self.people.values())

    @property
    def one_off(self) -> bool:
        """Did the main event happen once, on a day (a crash, a vote; not "mudslides" since
        early May)?"""
        event = self.event
        # An event read from the body ("the assault" an article about its second week keeps
        # returning to) is not known to be one day's (``Event.one_day``): what the article
        # tells may be within it.
        return (
            event is not None
            and event.one_day
            and event.preposition == "In"
            and is_point_event(event.noun)
            and not event.noun.endswith("s")
        )

    def days(self) -> story_time.StoryDays | None:
        """The days the story happens in (the event's day may be learned as the article
        goes on, so this is asked, not kept)."""
        event = self.event
        return story_time.StoryDays.of(
            event.date if event is not None else None,
            self.published,
            one_off=self.one_off,
            law=event is not None and event.preposition == "Under",
        )


def _main_place(
    title: str, sentences: list[str], entities: EntityIndex, people: dict[str, str]
) -> str | None:
    """The first name in the headline (else the lede) the body names too, a single word if
    one is there: "Kazakhstan", "Baku", "Georgia". A person is no place: in "Sandu wins second
    term ... as Kremlin calls Moldova's election unfair" the place is Moldova, not Sandu (so
    the event is "the Moldova vote", not "the Sandu vote"); a name the article writes as a
    place ("in Moldova", "north of Moscow") goes before one it never does ("Wagner")."""
    body = " ".join(sentences)
    persons = {w for full in people.values() for w in full.split()} | set(people)
    everywhere = f"{title}. {body}"
    for text in (title, sentences[0] if sentences else ""):
        found = [e for e in entities.entities_in(text) if e in body or e in entities.counts]
        lands = [_land(e) for e in found if " " not in e and e.isalpha() and not e.isupper()]
        singles = [e for e in lands if e is not None and e not in persons]
        placed = [e for e in singles if is_place_name(e) or _written_as_place(e, everywhere)]
        if placed or singles:
            return (placed or singles)[0]
    return None


# Where a thing is said to lie some way off a place, not in it: "north of Moscow", "50 km
# south-west of Almaty", "off Sochi".
_COMPASS = r"(?:(?:north|south)(?:-?(?:east|west))?|east|west)"
_AWAY = rf"\b(?:{_COMPASS}\s+of|off)\s+(?:the\s+)?"


def _away_from(place: str | None, opening: list[str]) -> bool:
    """Does the article's opening write ``place`` only as what something lay some way off
    ("a private jet crashed north of Moscow"), never as where something was ("in Moscow")?
    Then an event the headline does not name is not the place's ("the Moscow crash")."""
    if place is None:
        return False
    text = " ".join(opening)
    word = re.escape(place)
    away = re.search(rf"{_AWAY}{word}\b", text) is not None
    inside = re.search(rf"\b(?:in|at|inside)\s+(?:central\s+)?{word}\b", text) is not None
    return away and not inside


# "near the village of Kuzhenkino in the Tver region", "in Velm province": where a thing the
# opening says lay off a place was, by its region's name (a village's alone says less), else by
# a place the article names ("near Ostra").
_IN_REGION_OR_PLACE = re.compile(
    r"\bin\s+(?:the\s+)?(?P<region>[A-Z][\w-]+)\s+(?:region|province|district|oblast|county)\b"
    r"|\b(?:in|near)\s+(?P<place>[A-Z][\w-]+)\b(?!\s+[A-Z])"
)


def _placed_in(opening: list[str], names: set[str], away: str | None) -> str | None:
    """The region (else the place) the opening says something happened in, other than
    ``away``, the place it said it lay off; None when it names none."""
    text = " ".join(strip_dateline(s) for s in opening)
    regions: list[str] = []
    places: list[str] = []
    for found in _IN_REGION_OR_PLACE.finditer(text):
        if found["region"] and found["region"] != away:
            regions.append(found["region"])
        elif found["place"] and found["place"] != away and found["place"] in names:
            places.append(found["place"])
    return next(iter(regions or places), None)


def _written_as_place(name: str, body: str) -> bool:
    """Does the article write ``name`` where a place stands: "in Moldova", "near Tver", "north
    of Moscow", "Armenia's capital"? No gazetteer: a person or a group is never written so."""
    word = re.escape(name)
    return (
        re.search(
            rf"\b(?:in|at|near|around|outside|across|throughout|from|to|into|"
            rf"(?:north|south|east|west) of)\s+"
            rf"(?:the\s+)?{word}\b(?!\s+[A-Z])",
            body,
        )
        is not None
        or re.search(rf"\b{word}'s\s+(?:capital|border|north|south|east|west)\b", body) is not None
    )


def _land(word: str) -> str | None:
    """``word`` as a place: a demonym an article names no place by ("Armenian court jails
    ...") is its country ("Armenia"), or no place at all; "Armenian's deal" is no English."""
    if is_place_name(word) or not word.endswith(("ian", "ean", "ish", "ese")):
        return word
    country = word[:-1] if word.endswith("n") else None
    return country if country is not None and is_place_name(country) else None


def _country(entities: EntityIndex, place: str | None) -> str | None:
    """The place, if the article also names it by its demonym (Kazakh, Georgian): a country."""
    if place is None:
        return None
    return place if entities.has_demonym(place) else None


def names_something(text: str, context: ArticleContext) -> bool:
    """Does ``text`` name anything a reader can place (a person, body, place or event) beyond
    its first word, which is capitalised anyway?"""
    rest = re.sub(r"^\W*\w+", "", text)
    if raw_entities(rest):
        return True
    first = re.match(r"^\W*([\w'-]+)", text)
    if first is None:
        return False
    word = re.sub(r"'s$", "", first.group(1))
    return word in context.people or (word[:1].isupper() and word not in GENERIC_STARTS)


GENERIC_STARTS = frozenset(
    """The A An This That These Those It Its They Their He She His Her Some Many Most Several
    Few All Both Each Others Other Another One Two Three Four Five Six Seven Eight Nine Ten
    Hundreds Thousands Dozens Tens Nearly About Around More Less Over Under At In On By For
    From With After Before During Since When While Although Though As If But And Yet So Then
    Further Meanwhile However Officials Authorities Police Residents People Witnesses Critics
    Supporters Opponents Analysts Experts Observers Rescuers Doctors Troops Protesters
    Investigators Prosecutors Lawmakers Delegates Negotiators Leaders Survivors Families
    Relatives Villagers Firefighters Soldiers Workers Students Journalists Organisers
    Organizers Several Only No None Inside Outside Across Throughout Within Beyond""".split()
)
