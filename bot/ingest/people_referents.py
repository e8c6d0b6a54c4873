"""Writing out the people a sentence leans on: "He" or "She" at its start (also after an
opening phrase, or an inverted auxiliary: "Only last year did he ..."), "his", "both men",
and a surname alone as the full name with its title.

A pronoun is left alone when someone the article's people do not include was named since
(``_names_a_stranger``), or when the article has called that person by the other pronoun.
"""

from __future__ import annotations

import re

from bot.ingest import dates
from bot.ingest.entities import NOT_PERSON_WORDS, is_place_name
from bot.ingest.people_names import NOT_FIRST_NAMES, SENTENCE_OPENERS, TITLES, own_first_name
from bot.ingest.referent_state import ReferentState

_PAIR_OF_PEOPLE = re.compile(
    r"\b(?P<what>[Bb]oth men|[Bb]oth women|[Tt]he two men|[Tt]he two women|[Tt]he pair|"
    r"[Bb]oth of them)\b"
)
_SUBJECT_PRONOUN = re.compile(r"^(?P<pronoun>He|She)\s+(?=[a-z])")
# "On Monday he appeared ...", "For months she had accused ...", "By Saturday his fighters
# ...": the person after an opening phrase of time or place, which may run to a phrase of its
# own ("At an emergency meeting on the day of the crash he offered ..."). The opening holds no name
# but a month's or a day's, and no other pronoun or auxiliary ("After he left, he ...": two
# clauses; "Late on Sunday Sandu thanked his voters": his is Sandu's; "Only then did he ...":
# inverted, which the question generator cannot read), so only a phrase is skipped.
_LED_PRONOUN = re.compile(
    r"^(?P<lead>(?:In|On|For|Since|By|After|During|Until|Over|Within|At|Last|Earlier|Later|"
    r"Only|Then|Now|Late|Early|Days|Weeks|Months|Years|Hours)"
    r"(?:\s+(?!(?:he|she|it|they|his|her|was|were|had|has|is|did)\b)"
    rf"(?:[a-z\d][\w'-]*|{dates.MONTHS}|{dates.WEEKDAYS})){{0,9}}?,?\s+)"
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


# A person meant by a role alone: "the president", not "the president of Turkey" (another one).
_ROLE = re.compile(
    r"\b[Tt]he\s+(?P<role>president|prime minister|governor|mayor|chancellor|speaker)\b"
    r"(?!\s+of\b)"
)


# A sentence whose subject is a person told of, not named: "The older man is not leaving public
# life." A "He" after it is that man, whom the article names nowhere near: not the last person
# named, several sentences back.
_DESCRIBED_PERSON = re.compile(
    r"^(?:The|This|That)\s+(?:[a-z\d][\w-]*\s+){0,3}(?:man|woman|boy|girl|teenager)\b"
)


def _inside_opening(led: re.Match[str]) -> bool:
    """Is the pronoun "his"/"her" inside the opening phrase, right after its preposition ("In
    his first address he promised ...", "In his closing speech, the state's lawyer sought
    ...")? Then it is whose the subject after it is, told later in the sentence: written out
    as the last person named, it named the election official who had handed the new
    president his certificate. Left as written."""
    lead = led["lead"].split()
    return led["pronoun"] in ("his", "her") and len(lead) == 1 and lead[0] in _PREPOSITIONS


_PREPOSITIONS = frozenset("In On For Since By After During Until Over Within At".split())


class PeopleReferents(ReferentState):
    """The people ``Referents`` writes out, and how it tells whom a sentence names."""

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

    def _roles(self, text: str) -> str:
        """ "The president said he expects ..." -> "President Sadyr Japarov said he expects
        ...": a role the article titled one person with is that person, written out once, so
        that the fact read alone says who and a question naming him reaches it. Not when
        several bear the title, nor when the sentence names the holder already."""
        match = _ROLE.search(text)
        if match is None:
            return text
        holders = self._role_holder(text)
        if len(holders) != 1 or holders[0].split()[-1] in text:
            return text
        titled = self.context.titles[holders[0]]
        return f"{text[: match.start()]}{titled}{text[match.end() :]}"

    def _describes_someone(self, sentence: str) -> bool:
        """Does ``sentence``, naming no one, open on a person told of by description ("The
        older man ...")? A pronoun after it stands for that person, left as written."""
        return _DESCRIBED_PERSON.match(sentence) is not None

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
            elif subject and not self._described:
                who = self._who(subject["pronoun"], seen[-1])
                if who is not None:
                    self._written_out = who
                    text = f"{self.context.titles.get(who, who)} {text[subject.end() :]}"
            elif led and not self._stranger and not _inside_opening(led):
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
