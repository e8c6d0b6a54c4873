"""Writing out the things a sentence names by "the <noun>": the event ("the floods"), a body
("the court", "the ministry"), a thing the article introduced ("the dam"), one it named by a
name before its noun ("the statute"), "the country", an "it" that is the law a story is about,
and a closing ", it said" as the body last named.

Built on ``EventReferents``: "the vote" is the event the article is telling of now.
"""

from __future__ import annotations

import re

from bot.core.folding import fold
from bot.ingest import dates, story_time
from bot.ingest.event_nouns import ANY_EVENT, PREPOSITION
from bot.ingest.event_phrase import Event
from bot.ingest.event_referents import EventReferents
from bot.ingest.kind_nouns import the_one_named
from bot.ingest.lexicon import FUNCTION_WORDS, could_be_verb, is_topic_noun
from bot.ingest.named_things import firm_names, named_things, owned_things
from bot.ingest.people_names import SENTENCE_OPENERS, TITLES

# "the <noun>", and what may follow it that makes it specific by itself ("the law on ...").
_DEFINITE = re.compile(r"\b(?P<det>[Tt]he)\s+(?P<noun>[a-z][a-z-]+)\b")
_SPECIFIED = re.compile(r"^\s+(?:of|on|between|with|to|that|which|who|in which|for|against|by)\b")
# What follows a noun with one of those words and yet says nothing of which thing it is: a
# day ("ratified the statute on October 3") or a count ("by 60 votes to 22").
_NOT_SPECIFYING = re.compile(rf"^\s+(?:on|by|for)\s+(?:(?:{dates.WEEKDAYS}|{dates.MONTHS})\b|\d)")
# A verb whose object is the subject of an infinitive after it ("expects the mine to turn a
# profit"): then "to" opens what the thing does, not which thing it is ("the decision to
# leave", "the road to Lachin").
_OBJECT_THEN_TO = re.compile(
    r"\b(?:expect|want|allow|force|order|ask|urge|require|cause|help|enable|permit|persuade|"
    r"need)(?:s|ed|d)?\s+$|\btold\s+$"
)
_TO_VERB = re.compile(r"^\s+to\s+(?P<verb>[a-z]+)\b")


def _specified(before: str, following: str) -> bool:
    """Does ``following`` (the text after "the <noun>", ``before`` the text before it) say
    which thing the noun is ("the law on transparency", "the road to Lachin", "the decision to
    leave", "the court of appeal")?"""
    if _SPECIFIED.match(following) is None or _NOT_SPECIFYING.match(following):
        return False
    infinitive = _TO_VERB.match(following)
    return not (
        infinitive is not None
        and _OBJECT_THEN_TO.search(before) is not None
        and infinitive["verb"] not in FUNCTION_WORDS
        and could_be_verb(infinitive["verb"])
    )


# A thing the article brings in with "a" ("a dam in Orsk"), which a later "the dam" means.
INTRODUCED = re.compile(
    r"\b(?:an?|one)\s+(?:[a-z-]+\s+){0,2}(?P<noun>dam|bridge|plant|factory|mine|building|"
    r"hall|hospital|school|church|mosque|airport|port|station|pipeline|prison|camp|embassy|"
    r"consulate|office|court|ministry|market|theatre|theater|concert hall|stadium|base|"
    r"village|road|tunnel|border crossing|reservoir|levee|ship|ferry|train|bus|plane|"
    r"aircraft|helicopter|tanker|convoy)\b"
)
# "the emergencies ministry", "a Baku court", "Azerbaijan's defence ministry", "the Central
# Election Commission": a named body.
BODY = re.compile(
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


def body_modifiers(modifiers: str) -> bool:
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


# The place named with an introduced thing, which "the dam" is then written out with ("the
# Orsk dam"); and what follows "the <noun>" when the noun says which one itself ("the law on").
PLACE_AFTER = re.compile(r"\b(?:in|of|at|near|outside|on)\s+(?:the\s+)?(?P<place>[A-Z][\w'-]+)")
_COMPLEMENT_AFTER = re.compile(r"^\s+(?:of|on|between|with|to|that|which|who|for|against|by)\b")


BODY_SENTENCES = 1
"""A body named in passing ("its Constitutional Court") is what "the court" means for this many
sentences after the one naming it; then the story's own body is again."""
SPEAKER_SENTENCES = 3
"""A closing ", it said" means the body last named, if it was named within this many sentences
(a ministry's figures often run over two or three sentences before the last is attributed)."""
# ", it said." closing a sentence: the speaker is a body the sentences before named.
_IT_SAID = re.compile(r",\s+it\s+(?P<verb>said|says|added|adds|reported|reports|warned)(?=[.!]?$)")


# A city the article says is one: "Comrat, Gagauzia's capital", "the regional capital Khorog",
# "the Russian city of Orsk". A later "the city" is the last so named.
_CITY_NAMED = re.compile(
    r"\b(?P<before>[A-Z][a-z][\w-]*),\s+(?:[A-Z][\w-]*'s|the)\s+(?:regional\s+)?capital\b"
    r"|\bthe\s+(?:regional\s+)?capital,?\s+(?P<after>[A-Z][a-z][\w-]*)"
    r"|\bthe\s+(?:[A-Za-z-]+\s+)?city\s+of\s+(?P<of>[A-Z][a-z][\w-]*)"
)
# "the city" (not "the city's": a possessive that reads oddly written out).
_THE_CITY = re.compile(r"\b[Tt]he\s+city\b(?!'s)")


def _before_noun(following: str) -> bool:
    """Does ``following`` (the text after "the <noun>") go on with a noun the first one
    describes ("the bloc threshold"), so that "the <noun>" alone names nothing?"""
    next_word = re.match(r"\s+([a-z]+)\b", following)
    if next_word is None:
        return False
    word = next_word.group(1)
    # "The line runs ...": a verb's "-s" form is no noun after it.
    verb_form = word.endswith("s") and could_be_verb(word[:-1])
    return word not in FUNCTION_WORDS and is_topic_noun(word) and not verb_form


class ThingReferents(EventReferents):
    """The bodies and things ``Referents`` writes out, and the event by its noun."""

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
            self._named.append((noun, phrase))
        self._named.extend(owned_things(text, self.context.person_names))
        self._named.extend(firm_names(text, self.context.person_names))

    def _note_city(self, text: str) -> None:
        """Learn the city ``text`` says is one, which a later "the city" means."""
        for match in _CITY_NAMED.finditer(text):
            self._city = match["before"] or match["after"] or match["of"]

    def _the_city(self, text: str) -> str:
        """ "several thousand people had rallied in the city" -> "... in Comrat": the city the
        article last said is one, once in the sentence, unless the sentence names it, or the
        words after say which city ("the city of Orsk") or a part of it ("the city council")."""
        city = self._city
        match = _THE_CITY.search(text)
        if city is None or match is None or city in text:
            return text
        following = text[match.end() :]
        next_word = re.match(r"\s+([a-z]+)\b", following)
        if re.match(r"\s+of\b", following) or (next_word and is_topic_noun(next_word.group(1))):
            return text
        return f"{text[: match.start()]}{city}{following}"

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

    def _definites(self, text: str) -> str:
        """``text`` with each "the <noun>" leaning on what the article named written out: the
        event it is in (once, where the sentence does not name it), and a body, a thing or
        "the country" (``_thing_named``)."""
        event = self.event
        folded = set(fold(text).split())
        # In a time before the story's, "the siege" is still the story's siege when the noun
        # is the event's own: written out ("the Dorvik siege"), though the sentence is
        # set in no event; a noun of its kind ("the vote") may be another event of that time.
        own_only = event is not None and self.elsewhere and self.current is None
        text, done_event = self._event_named(text, event, folded)
        if own_only and event is not None and not event.named_in(text):
            done_event = False
        done_object: set[str] = set()
        out: list[str] = []
        last = 0
        for match in _DEFINITE.finditer(text):
            if _specified(text[: match.start()], text[match.end() :]):
                continue
            replacement: str | None = None
            if (
                not done_event
                and event is not None
                and (not own_only or match["noun"] == event.noun or match["noun"] in event.kin)
            ):
                replacement = self._event_written(text, match, event)
                done_event = replacement is not None
            if replacement is None:
                replacement = self._thing_named(text, match, folded, done_object)
            if replacement is not None:
                out.append(text[last : match.start()] + replacement)
                last = match.end()
        out.append(text[last:])
        return "".join(out)

    def _event_named(self, text: str, event: Event | None, folded: set[str]) -> tuple[str, bool]:
        """``text`` with its event's day written out where it leans on it, and whether it names
        the event (or has none to name) so that no "the <noun>" of it is to be written out."""
        if event is None or (self.elsewhere and self.current is None):
            # "The opposition said the result was rigged" after "The last election, in
            # August 2020, ...": that result, not the main event's.
            return text, True
        if event.key_names:
            done_event = event.named_in(text)
        else:
            done_event = bool(event.names & folded) or event.phrase() in text
        if not done_event:
            text, done_event = self._dated_event(text, event)
        return text, done_event

    def _event_written(self, text: str, match: re.Match[str], event: Event) -> str | None:
        """What the "the <noun>" of ``match`` reads as when it means ``event``: the event's
        phrase ("the vote" -> "the Moldova referendum"), or its place's ("The law on ..." ->
        "Georgia's law on ..."); None when it means something else."""
        noun = match["noun"]
        if (
            event.refers_back(noun)
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
            return phrase[0].upper() + phrase[1:] if match["det"] == "The" else phrase
        if (
            event.place
            and event.determiner == ""
            and noun == event.noun
            and _COMPLEMENT_AFTER.match(text[match.end() :])
        ):
            # "The law on transparency ..." -> "Georgia's law on transparency ..."
            return f"{event.place}'s {noun}"
        return None

    def _thing_named(
        self, text: str, match: re.Match[str], folded: set[str], done_object: set[str]
    ) -> str | None:
        """What the "the <noun>" of ``match`` reads as when it means a body, a thing or a named
        thing the article named (once in a sentence: each noun is added to ``done_object``),
        or the article's country; None when it stays as written."""
        noun = match["noun"]
        replacement: str | None = None
        if (body := self._body(noun)) is not None and noun not in done_object:
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
        elif noun not in done_object and (one := the_one_named(noun, self._named)):
            # "The statute entered into force ..." after "the Rome Statute", "The line ..."
            # after "the Togliatti-Odesa ammonia pipeline": written out once in each sentence,
            # for each is a fact of its own. A kind's noun that describes the noun after it
            # ("the bloc threshold") is left: the thing's name would not (the name's own noun
            # does: "the bridge attack" -> "the Crimean bridge attack").
            kind, named = one
            if named.lower() not in text.lower() and (
                kind == noun or not _before_noun(text[match.end() :])
            ):
                replacement = named[0].upper() + named[1:] if match["det"] == "The" else named
            done_object.add(noun)
        elif noun == "country" and self.context.country and match.end() < len(text):
            following = text[match.end() :]
            if following.startswith("'s") or not _COMPLEMENT_AFTER.match(following):
                replacement = self.context.country
        return replacement
